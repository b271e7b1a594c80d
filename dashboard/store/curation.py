"""Curation state: each solution's entry (status, notes, version), curators' ratings, patrons'
offers and pledges — every change one transaction that refuses a stale version and is logged."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from dashboard.store.audit_log import AUDIT_COLUMNS, audit_row, write_audit
from dashboard.store.models import (
    CRITERIA,
    STATUSES,
    Entry,
    InvalidChange,
    OverBudget,
    Patronship,
    SeedStep,
    StaleVersion,
    utc_now,
)

_ENTRY = "SELECT solution_id, status, notes, version, updated_by, updated_at FROM curation_entries"
_PATRONSHIP = (
    "SELECT solution_id, patron_id, status, amount_eur, pledged_on, updated_by, updated_at "
    "FROM curation_patronships"
)


class CurationState:
    """Entries, ratings and patronships, mixed into every backend."""

    # --- entries ------------------------------------------------------------------------

    def entry(self, solution_id: str) -> Entry:
        return _entry(self.reader(), solution_id)

    def entries(self) -> dict[str, Entry]:
        rows = self.reader().execute(_ENTRY).fetchall()
        return {r[0]: Entry(*r) for r in rows}

    def set_status(self, solution_id: str, status: str, expected_version: int, by: str) -> Entry:
        """Move one entry to any status (mistakes happen); refused if the entry moved meanwhile."""
        return self.bulk_set_status({solution_id: expected_version}, status, by)[0]

    def bulk_set_status(self, expected: dict[str, int], status: str, by: str) -> list[Entry]:
        """Move several entries as one transaction: all of them, or (one stale) none."""
        if status not in STATUSES:
            raise InvalidChange(f"unknown status {status!r}; known: {', '.join(STATUSES)}")
        with self.transaction() as con:
            done = []
            for solution_id, version in expected.items():
                current = _check_version(con, solution_id, version)
                # An entry already in the target status stays as it is: no new version, no log.
                if current.status == status:
                    done.append(current)
                else:
                    done.append(_write_entry(con, current, by, status=status))
            return done

    def set_notes(self, solution_id: str, notes: str, expected_version: int, by: str) -> Entry:
        with self.transaction() as con:
            current = _check_version(con, solution_id, expected_version)
            return _write_entry(con, current, by, notes=notes)

    def review(
        self,
        solution_id: str,
        expected_version: int,
        by: str,
        status: str | None = None,
        notes: str | None = None,
        scores: dict[str, int] | None = None,
    ) -> Entry:
        """One curator's look at a solution saved as one transaction: a new status, new notes
        and their own scores, each only if given and different from what is stored, each its own
        audit entry. A status or notes change is refused (StaleVersion, nothing written, the
        scores neither) if the entry moved since `expected_version`; scores alone are one's own
        and need no version. Returns the entry as it is afterwards."""
        if status is not None and status not in STATUSES:
            raise InvalidChange(f"unknown status {status!r}; known: {', '.join(STATUSES)}")
        if scores is not None:
            _check_scores(scores)
        with self.transaction() as con:
            current = _entry(con, solution_id)
            changes_entry = (status is not None and status != current.status) or (
                notes is not None and notes != current.notes
            )
            if changes_entry:
                current = _check_version(con, solution_id, expected_version)
            if status is not None and status != current.status:
                current = _write_entry(con, current, by, status=status)
            if notes is not None and notes != current.notes:
                current = _write_entry(con, current, by, notes=notes)
            if scores is not None and scores != _scores(con, solution_id, by):
                _rate(con, solution_id, by, scores)
            return current

    # --- ratings --------------------------------------------------------------------------

    def rate(self, solution_id: str, username: str, scores: dict[str, int]) -> None:
        """Replace this curator's set of scores (1–5 per criterion) for a solution."""
        _check_scores(scores)
        with self.transaction() as con:
            _rate(con, solution_id, username, scores)

    def ratings(self, solution_id: str) -> dict[str, dict[str, int]]:
        """Every curator's scores for one solution: {username: {criterion: score}}."""
        rows = self.reader().execute(
            "SELECT username, criterion, score FROM ratings WHERE solution_id = ?", (solution_id,)
        )
        out: dict[str, dict[str, int]] = {}
        for username, criterion, score in rows.fetchall():
            out.setdefault(username, {})[criterion] = score
        return out

    def all_ratings(self) -> list[tuple[str, str, str, int]]:
        """Every score as (solution_id, username, criterion, score)."""
        rows = self.reader().execute("SELECT solution_id, username, criterion, score FROM ratings")
        return [tuple(r) for r in rows.fetchall()]

    def mean_ratings(self) -> dict[str, tuple[float, int]]:
        """Per solution: the mean over all curators and criteria, and how many curators rated."""
        rows = self.reader().execute(
            "SELECT solution_id, avg(score), count(DISTINCT username) FROM ratings "
            "GROUP BY solution_id"
        )
        return {r[0]: (float(r[1]), int(r[2])) for r in rows.fetchall()}

    # --- patronships ----------------------------------------------------------------------

    def offer(self, solution_id: str, patron_id: str, by: str) -> Patronship:
        """Record that a solution was offered to a patron (kept if already pledged)."""
        with self.transaction() as con:
            return _offer(con, solution_id, patron_id, by)

    def offer_checked(
        self, solution_id: str, patron_id: str, expected_version: int, by: str
    ) -> Patronship:
        """`offer`, but only while the entry is at the version the curator saw (StaleVersion
        otherwise, nothing written): an offer must not follow a status change unseen."""
        with self.transaction() as con:
            _check_version(con, solution_id, expected_version)
            return _offer(con, solution_id, patron_id, by)

    def pledge(
        self,
        solution_id: str,
        patron_id: str,
        amount_eur: Decimal,
        pledged_on: date,
        expected_version: int,
        by: str,
        budget_left_eur: Decimal | None = None,
    ) -> Patronship:
        """A pledge with its amount; the solution's status becomes `matched` in the same step.

        `budget_left_eur` is the patron's budget less what the export says was pledged at the
        events; the curation pledges to other solutions are taken off inside the transaction, so
        two curators pledging at once cannot spend one budget twice (OverBudget, nothing written).
        """
        amount = Decimal(amount_eur)
        if amount <= 0 or amount != amount.quantize(Decimal("0.01")):
            raise InvalidChange("the amount must be positive with at most two decimals")
        with self.transaction() as con:
            entry = _check_version(con, solution_id, expected_version)
            if budget_left_eur is not None:
                others = con.execute(
                    "SELECT amount_eur FROM curation_patronships WHERE patron_id = ? "
                    "AND status = 'pledged' AND solution_id <> ?",
                    (patron_id, solution_id),
                ).fetchall()
                available = Decimal(budget_left_eur) - sum(
                    (Decimal(str(r[0])) for r in others), Decimal(0)
                )
                if amount > available:
                    raise OverBudget(available)
            before = _patronship(con, solution_id, patron_id)
            _put_patronship(con, solution_id, patron_id, "pledged", f"{amount:.2f}",
                            pledged_on.isoformat(), by)  # fmt: skip
            after = _patronship(con, solution_id, patron_id)
            write_audit(con, by, "patronship.pledge", f"{solution_id}/{patron_id}",
                        _patronship_json(before), _patronship_json(after))  # fmt: skip
            _write_entry(con, entry, by, status="matched")
            return after

    def patronships(self, patron_id: str | None = None) -> list[Patronship]:
        rows = self.reader().execute(
            f"{_PATRONSHIP} WHERE ? IS NULL OR patron_id = ? ORDER BY updated_at DESC",
            (patron_id, patron_id),
        )
        return [_patronship_row(r) for r in rows.fetchall()]

    # --- a prepared history -----------------------------------------------------------------

    def seed(self, steps: list[SeedStep]) -> bool:
        """Write a prepared history in one transaction, into a store without curation yet;
        False (nothing written) if anyone curated already. Every step is logged as usual."""
        with self.transaction() as con:
            used = con.execute(
                "SELECT EXISTS (SELECT 1 FROM curation_entries) "
                "OR EXISTS (SELECT 1 FROM ratings) OR EXISTS (SELECT 1 FROM curation_patronships)"
            ).fetchone()[0]
            if used:
                return False
            for step in steps:
                if step.status is not None:
                    _write_entry(con, _entry(con, step.solution_id), step.who, status=step.status)
                if step.notes is not None:
                    _write_entry(con, _entry(con, step.solution_id), step.who, notes=step.notes)
                if step.scores is not None:
                    _rate(con, step.solution_id, step.who, step.scores)
                if step.offer_to is not None:
                    _offer(con, step.solution_id, step.offer_to, step.who)
            return True


def _check_scores(scores: dict[str, int]) -> None:
    unknown = set(scores) - set(CRITERIA)
    if unknown:
        raise InvalidChange(f"unknown criteria {sorted(unknown)}; known: {', '.join(CRITERIA)}")
    if any(not isinstance(v, int) or not 1 <= v <= 5 for v in scores.values()):
        raise InvalidChange("scores are whole numbers from 1 to 5")


def _entry(con: Any, solution_id: str) -> Entry:
    row = con.execute(f"{_ENTRY} WHERE solution_id = ?", (solution_id,)).fetchone()
    return Entry(*row) if row else Entry(solution_id)


def _check_version(con: Any, solution_id: str, expected: int) -> Entry:
    """The entry, if it is still at the version the caller saw; else StaleVersion with the news."""
    current = _entry(con, solution_id)
    if current.version != expected:
        rows = con.execute(
            f"SELECT {AUDIT_COLUMNS} FROM audit_log "
            "WHERE object = ? AND substr(action, 1, 6) = 'entry.' ORDER BY id",
            (solution_id,),
        ).fetchall()
        changes = [audit_row(r) for r in rows]
        newer = [c for c in changes if int((c["after"] or {}).get("version", 0)) > expected]
        raise StaleVersion(current, newer)
    return current


def _write_entry(con: Any, current: Entry, by: str, **change: str) -> Entry:
    new = Entry(
        solution_id=current.solution_id,
        status=change.get("status", current.status),
        notes=change.get("notes", current.notes),
        version=current.version + 1,
        updated_by=by,
        updated_at=utc_now(),
    )
    con.execute(
        "INSERT INTO curation_entries "
        "(solution_id, status, notes, version, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (solution_id) DO UPDATE SET status = excluded.status, "
        "notes = excluded.notes, version = excluded.version, updated_by = excluded.updated_by, "
        "updated_at = excluded.updated_at",
        (new.solution_id, new.status, new.notes, new.version, new.updated_by, new.updated_at),
    )
    action = "entry.status" if "status" in change else "entry.notes"
    before = {"status": current.status, "notes": current.notes, "version": current.version}
    after = {"status": new.status, "notes": new.notes, "version": new.version}
    write_audit(con, by, action, current.solution_id, before, after)
    return new


def _rate(con: Any, solution_id: str, username: str, scores: dict[str, int]) -> None:
    before = _scores(con, solution_id, username)
    con.execute(
        "DELETE FROM ratings WHERE solution_id = ? AND username = ?", (solution_id, username)
    )
    con.executemany(
        "INSERT INTO ratings (solution_id, username, criterion, score, rated_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [(solution_id, username, c, v, utc_now()) for c, v in scores.items()],
    )
    write_audit(con, username, "rating.set", solution_id, before or None, scores)


def _offer(con: Any, solution_id: str, patron_id: str, by: str) -> Patronship:
    """Record an offer (a pledge already made stays as it is)."""
    before = _patronship(con, solution_id, patron_id)
    if before and before.status == "pledged":
        return before
    _put_patronship(con, solution_id, patron_id, "offered", None, None, by)
    after = _patronship(con, solution_id, patron_id)
    write_audit(con, by, "patronship.offer", f"{solution_id}/{patron_id}",
                _patronship_json(before), _patronship_json(after))  # fmt: skip
    return after


def _put_patronship(
    con: Any,
    solution_id: str,
    patron_id: str,
    status: str,
    amount: str | None,
    pledged_on: str | None,
    by: str,
) -> None:
    con.execute(
        "INSERT INTO curation_patronships (solution_id, patron_id, status, amount_eur, "
        "pledged_on, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (solution_id, patron_id) DO UPDATE SET status = excluded.status, "
        "amount_eur = excluded.amount_eur, pledged_on = excluded.pledged_on, "
        "updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        (solution_id, patron_id, status, amount, pledged_on, by, utc_now()),
    )


def _scores(con: Any, solution_id: str, username: str) -> dict[str, int]:
    rows = con.execute(
        "SELECT criterion, score FROM ratings WHERE solution_id = ? AND username = ?",
        (solution_id, username),
    ).fetchall()
    return {r[0]: r[1] for r in rows}


def _patronship(con: Any, solution_id: str, patron_id: str) -> Patronship | None:
    row = con.execute(
        f"{_PATRONSHIP} WHERE solution_id = ? AND patron_id = ?", (solution_id, patron_id)
    ).fetchone()
    return _patronship_row(row) if row else None


def _patronship_row(row: Any) -> Patronship:
    return Patronship(
        solution_id=row[0],
        patron_id=row[1],
        status=row[2],
        amount_eur=Decimal(row[3]) if row[3] is not None else None,
        pledged_on=date.fromisoformat(row[4]) if row[4] else None,
        updated_by=row[5],
        updated_at=row[6],
    )


def _patronship_json(p: Patronship | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "status": p.status,
        "amount_eur": None if p.amount_eur is None else f"{p.amount_eur:.2f}",
        "pledged_on": None if p.pledged_on is None else p.pledged_on.isoformat(),
    }
