"""The curation store (SQLite behind a small interface): users, logins, curation, audit log."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    username TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS login_attempts (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL,
    address TEXT NOT NULL,
    at TEXT NOT NULL,
    success INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS login_attempts_at ON login_attempts (at);
CREATE TABLE IF NOT EXISTS audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,
    object TEXT NOT NULL,
    before TEXT,
    after TEXT
);
CREATE TABLE IF NOT EXISTS curation_entries (
    solution_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ratings (
    solution_id TEXT NOT NULL,
    username TEXT NOT NULL,
    criterion TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    rated_at TEXT NOT NULL,
    PRIMARY KEY (solution_id, username, criterion)
);
CREATE TABLE IF NOT EXISTS curation_patronships (
    solution_id TEXT NOT NULL,
    patron_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('offered', 'pledged')),
    amount_eur TEXT,
    pledged_on TEXT,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (solution_id, patron_id)
);
CREATE INDEX IF NOT EXISTS audit_object ON audit_log (object, id);
CREATE TABLE IF NOT EXISTS store_meta (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT OR IGNORE INTO store_meta (key, value) VALUES ('version', 0);
"""
BUSY_TIMEOUT_MS = 10_000
STATUSES = ("new", "reviewing", "shortlisted", "matched", "funded", "scaling", "declined")
CRITERIA = ("impact", "transferability", "readiness", "cost_effectiveness")


@dataclass(frozen=True)
class User:
    username: str
    password_hash: str
    role: str
    active: bool


@dataclass(frozen=True)
class Entry:
    """A solution's curation state; a solution nobody touched yet is `new` at version 0."""

    solution_id: str
    status: str = "new"
    notes: str = ""
    version: int = 0
    updated_by: str | None = None
    updated_at: str | None = None


@dataclass(frozen=True)
class Patronship:
    solution_id: str
    patron_id: str
    status: str
    amount_eur: Decimal | None
    pledged_on: date | None
    updated_by: str
    updated_at: str


@dataclass(frozen=True)
class SeedStep:
    """One change of a prepared curation history (the demo's): a status, notes, one curator's
    scores or an offer to a patron, made by `who`."""

    who: str
    solution_id: str
    status: str | None = None
    notes: str | None = None
    scores: dict[str, int] | None = None
    offer_to: str | None = None


class StaleVersion(Exception):
    """A save based on an outdated version: nothing was written; `changes` says what happened."""

    def __init__(self, current: Entry, changes: list[dict[str, Any]]) -> None:
        self.current = current
        self.changes = changes
        super().__init__(f"{current.solution_id} is at version {current.version}")


class OverBudget(Exception):
    """A pledge larger than the patron's budget left at the moment of writing: nothing written."""

    def __init__(self, available: Decimal) -> None:
        self.available = available
        super().__init__(f"only {available} left")


class InvalidChange(ValueError):
    """A status, criterion, score or amount outside what the curation allows."""


def current_store() -> CurationStore:
    """The app's curation store (inside a request)."""
    from flask import current_app

    return current_app.config["CURATION_STORE"]


class UserExists(ValueError):
    """A user of that name is already there."""


class UnknownUser(KeyError):
    """No user of that name."""


class CurationStore:
    """One SQLite file shared by every worker: WAL, a busy timeout, one transaction per change."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._initialised = False
        self._init_lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            con.row_factory = sqlite3.Row
            con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("PRAGMA foreign_keys = ON")
            self._local.con = con
        if not self._initialised:
            with self._init_lock:
                if not self._initialised:
                    con.executescript(SCHEMA)
                    self._initialised = True
        return con

    @contextlib.contextmanager
    def transaction(self, curation: bool = True) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT: writers queue on the busy timeout instead of failing.

        `curation=False` for writes the dashboards never show (login attempts): the store's
        version stays, so DuckDB does not copy the curation state again for nothing.
        """
        con = self._connect()
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
            if curation:
                con.execute("UPDATE store_meta SET value = value + 1 WHERE key = 'version'")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def version(self) -> int:
        """Grows with every committed change (DuckDB copies curation state when it moves)."""
        row = (
            self._connect().execute("SELECT value FROM store_meta WHERE key = 'version'").fetchone()
        )
        return int(row[0])

    # --- users ------------------------------------------------------------------------------

    def create_user(self, username: str, password_hash: str, role: str, by: str = "cli") -> User:
        with self.transaction() as con:
            try:
                con.execute(
                    "INSERT INTO users (username, password_hash, role, active, created_at) "
                    "VALUES (?, ?, ?, 1, ?)",
                    (username, password_hash, role, _now()),
                )
            except sqlite3.IntegrityError:
                raise UserExists(username) from None
            _audit(con, by, "user.create", username, None, {"role": role, "active": True})
        return User(username, password_hash, role, True)

    def create_first_user(self, username: str, password_hash: str, role: str) -> bool:
        """Create `username` only when the store has no user at all; True if it was created."""
        with self.transaction() as con:
            if con.execute("SELECT 1 FROM users LIMIT 1").fetchone():
                return False
            con.execute(
                "INSERT INTO users (username, password_hash, role, active, created_at) "
                "VALUES (?, ?, ?, 1, ?)",
                (username, password_hash, role, _now()),
            )
            _audit(con, "system", "user.create", username, None, {"role": role, "active": True})
            return True

    def user(self, username: str) -> User | None:
        row = (
            self._connect()
            .execute(
                "SELECT username, password_hash, role, active FROM users WHERE username = ?",
                (username,),
            )
            .fetchone()
        )
        return User(row[0], row[1], row[2], bool(row[3])) if row else None

    def users(self) -> list[User]:
        rows = (
            self._connect()
            .execute("SELECT username, password_hash, role, active FROM users ORDER BY username")
            .fetchall()
        )
        return [User(r[0], r[1], r[2], bool(r[3])) for r in rows]

    def set_password(self, username: str, password_hash: str, by: str = "cli") -> None:
        with self.transaction() as con:
            if con.execute("UPDATE users SET password_hash = ? WHERE username = ?",
                           (password_hash, username)).rowcount == 0:  # fmt: skip
                raise UnknownUser(username)
            _audit(con, by, "user.set_password", username, None, None)

    def set_active(self, username: str, active: bool, by: str = "cli") -> None:
        with self.transaction() as con:
            row = con.execute("SELECT active FROM users WHERE username = ?", (username,)).fetchone()
            if row is None:
                raise UnknownUser(username)
            con.execute("UPDATE users SET active = ? WHERE username = ?", (int(active), username))
            _audit(
                con, by, "user.set_active", username, {"active": bool(row[0])}, {"active": active}
            )

    # --- login attempts ---------------------------------------------------------------------

    def record_login(self, username: str, address: str, success: bool) -> None:
        with self.transaction(curation=False) as con:
            con.execute(
                "INSERT INTO login_attempts (username, address, at, success) VALUES (?, ?, ?, ?)",
                (username, address, _now(), int(success)),
            )
            # Old attempts say nothing any more; keep the table small.
            con.execute("DELETE FROM login_attempts WHERE at < ?", (_ago(timedelta(days=1)),))

    def failed_logins(self, username: str, address: str, window: timedelta) -> tuple[int, int]:
        """(failures for this account, failures from this address) within `window`."""
        since = _ago(window)
        con = self._connect()
        by_user = con.execute(
            "SELECT count(*) FROM login_attempts WHERE username = ? AND success = 0 AND at >= ?",
            (username, since),
        ).fetchone()[0]
        by_address = con.execute(
            "SELECT count(*) FROM login_attempts WHERE address = ? AND success = 0 AND at >= ?",
            (address, since),
        ).fetchone()[0]
        return int(by_user), int(by_address)

    # --- curation entries ---------------------------------------------------------------

    def entry(self, solution_id: str) -> Entry:
        return _entry(self._connect(), solution_id)

    def entries(self) -> dict[str, Entry]:
        rows = (
            self._connect()
            .execute(
                "SELECT solution_id, status, notes, version, updated_by, updated_at "
                "FROM curation_entries"
            )
            .fetchall()
        )
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

    # --- ratings --------------------------------------------------------------------------

    def rate(self, solution_id: str, username: str, scores: dict[str, int]) -> None:
        """Replace this curator's set of scores (1–5 per criterion) for a solution."""
        unknown = set(scores) - set(CRITERIA)
        if unknown:
            raise InvalidChange(f"unknown criteria {sorted(unknown)}; known: {', '.join(CRITERIA)}")
        if any(not isinstance(v, int) or not 1 <= v <= 5 for v in scores.values()):
            raise InvalidChange("scores are whole numbers from 1 to 5")
        with self.transaction() as con:
            _rate(con, solution_id, username, scores)

    def ratings(self, solution_id: str) -> dict[str, dict[str, int]]:
        """Every curator's scores for one solution: {username: {criterion: score}}."""
        rows = (
            self._connect()
            .execute(
                "SELECT username, criterion, score FROM ratings WHERE solution_id = ?",
                (solution_id,),
            )
            .fetchall()
        )
        out: dict[str, dict[str, int]] = {}
        for username, criterion, score in rows:
            out.setdefault(username, {})[criterion] = score
        return out

    def all_ratings(self) -> list[tuple[str, str, str, int]]:
        """Every score as (solution_id, username, criterion, score)."""
        rows = (
            self._connect()
            .execute("SELECT solution_id, username, criterion, score FROM ratings")
            .fetchall()
        )
        return [tuple(r) for r in rows]

    def mean_ratings(self) -> dict[str, tuple[float, int]]:
        """Per solution: the mean over all curators and criteria, and how many curators rated."""
        rows = (
            self._connect()
            .execute(
                "SELECT solution_id, avg(score), count(DISTINCT username) FROM ratings "
                "GROUP BY solution_id"
            )
            .fetchall()
        )
        return {r[0]: (float(r[1]), int(r[2])) for r in rows}

    # --- patronships ----------------------------------------------------------------------

    def offer(self, solution_id: str, patron_id: str, by: str) -> Patronship:
        """Record that a solution was offered to a patron (kept if already pledged)."""
        with self.transaction() as con:
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
            con.execute(
                "INSERT OR REPLACE INTO curation_patronships (solution_id, patron_id, status, "
                "amount_eur, pledged_on, updated_by, updated_at) "
                "VALUES (?, ?, 'pledged', ?, ?, ?, ?)",
                (solution_id, patron_id, f"{amount:.2f}", pledged_on.isoformat(), by, _now()),
            )
            after = _patronship(con, solution_id, patron_id)
            _audit(con, by, "patronship.pledge", f"{solution_id}/{patron_id}",
                   _patronship_json(before), _patronship_json(after))  # fmt: skip
            _write_entry(con, entry, by, status="matched")
            return after

    def patronships(self, patron_id: str | None = None) -> list[Patronship]:
        rows = (
            self._connect()
            .execute(
                "SELECT solution_id, patron_id, status, amount_eur, pledged_on, updated_by, "
                "updated_at FROM curation_patronships WHERE ? IS NULL OR patron_id = ? "
                "ORDER BY updated_at DESC",
                (patron_id, patron_id),
            )
            .fetchall()
        )
        return [_patronship_row(r) for r in rows]

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

    # --- audit ----------------------------------------------------------------------------

    def audit_entries(
        self,
        limit: int = 200,
        who: str | None = None,
        action: str | None = None,
        object_id: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[dict[str, Any]]:
        """The newest entries first, optionally only one person's, one action's or one object's."""
        # substr, not LIKE: a `%` or `_` in a value is a character here, not a wildcard.
        rows = (
            self._connect()
            .execute(
                "SELECT id, at, who, action, object, before, after FROM audit_log "
                "WHERE (? IS NULL OR who = ?) "
                "AND (? IS NULL OR substr(action, 1, length(?)) = ?) "
                "AND (? IS NULL OR object = ? OR substr(object, 1, length(?) + 1) = ? || '/') "
                "AND (? IS NULL OR at >= ?) AND (? IS NULL OR at < ?) "
                "ORDER BY id DESC LIMIT ?",
                (who, who, *[action] * 3, *[object_id] * 4, since, since, until, until, limit),
            )
            .fetchall()
        )
        return [_audit_row(r) for r in rows]

    # --- patron matching (/admin/paten) ------------------------------------------------------

    def offer_checked(
        self, solution_id: str, patron_id: str, expected_version: int, by: str
    ) -> Patronship:
        """`offer`, but only while the entry is at the version the curator saw (StaleVersion
        otherwise, nothing written): an offer must not follow a status change unseen."""
        with self.transaction() as con:
            _check_version(con, solution_id, expected_version)
            return _offer(con, solution_id, patron_id, by)

    # --- audit log page (/admin/protokoll) and events from outside the store ------------------

    def record_event(
        self, who: str, action: str, object_id: str, before: Any = None, after: Any = None
    ) -> None:
        """One audit entry for a change made outside this store (a data import), on its own."""
        with self.transaction(curation=False) as con:  # the dashboards do not show the log
            _audit(con, who, action, object_id, before, after)

    def audit_people(self) -> list[str]:
        """Everyone who appears in the audit log, sorted by name."""
        rows = self._connect().execute("SELECT DISTINCT who FROM audit_log ORDER BY who")
        return [r[0] for r in rows.fetchall()]

    def audit_page(
        self,
        offset: int = 0,
        limit: int = 50,
        who: str | None = None,
        action: str | None = None,
        object_id: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> tuple[list[dict[str, Any]], int]:
        """One page of the filtered log, newest first, and how many entries match in all.

        `action` is a kind (`rating`) or one action (`entry.status`); `object_id` matches an
        object or either side of a pair (`S1` and `P1` both find `S1/P1`); `since`/`until` are
        UTC ISO times, `until` exclusive.
        """
        where = (
            "(? IS NULL OR who = ?) "
            "AND (? IS NULL OR action = ? OR substr(action, 1, length(?) + 1) = ? || '.') "
            "AND (? IS NULL OR object = ? OR substr(object, 1, length(?) + 1) = ? || '/' "
            "     OR substr(object, -length(?) - 1) = '/' || ?) "
            "AND (? IS NULL OR at >= ?) AND (? IS NULL OR at < ?)"
        )
        params = (who, who, action, action, action, action, *[object_id] * 6,
                  since, since, until, until)  # fmt: skip
        con = self._connect()
        total = con.execute(f"SELECT count(*) FROM audit_log WHERE {where}", params).fetchone()
        rows = con.execute(
            "SELECT id, at, who, action, object, before, after FROM audit_log "
            f"WHERE {where} ORDER BY id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ).fetchall()
        return [_audit_row(r) for r in rows], int(total[0])


def _entry(con: sqlite3.Connection, solution_id: str) -> Entry:
    row = con.execute(
        "SELECT solution_id, status, notes, version, updated_by, updated_at "
        "FROM curation_entries WHERE solution_id = ?",
        (solution_id,),
    ).fetchone()
    return Entry(*row) if row else Entry(solution_id)


def _check_version(con: sqlite3.Connection, solution_id: str, expected: int) -> Entry:
    """The entry, if it is still at the version the caller saw; else StaleVersion with the news."""
    current = _entry(con, solution_id)
    if current.version != expected:
        changes = [
            _audit_row(r)
            for r in con.execute(
                "SELECT id, at, who, action, object, before, after FROM audit_log "
                "WHERE object = ? AND action LIKE 'entry.%' AND "
                "CAST(json_extract(after, '$.version') AS INTEGER) > ? ORDER BY id",
                (solution_id, expected),
            ).fetchall()
        ]
        raise StaleVersion(current, changes)
    return current


def _write_entry(con: sqlite3.Connection, current: Entry, by: str, **change: str) -> Entry:
    new = Entry(
        solution_id=current.solution_id,
        status=change.get("status", current.status),
        notes=change.get("notes", current.notes),
        version=current.version + 1,
        updated_by=by,
        updated_at=_now(),
    )
    con.execute(
        "INSERT OR REPLACE INTO curation_entries "
        "(solution_id, status, notes, version, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        (new.solution_id, new.status, new.notes, new.version, new.updated_by, new.updated_at),
    )
    action = "entry.status" if "status" in change else "entry.notes"
    before = {"status": current.status, "notes": current.notes, "version": current.version}
    after = {"status": new.status, "notes": new.notes, "version": new.version}
    _audit(con, by, action, current.solution_id, before, after)
    return new


def _rate(con: sqlite3.Connection, solution_id: str, username: str, scores: dict[str, int]) -> None:
    before = _scores(con, solution_id, username)
    con.execute(
        "DELETE FROM ratings WHERE solution_id = ? AND username = ?", (solution_id, username)
    )
    con.executemany(
        "INSERT INTO ratings (solution_id, username, criterion, score, rated_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [(solution_id, username, c, v, _now()) for c, v in scores.items()],
    )
    _audit(con, username, "rating.set", solution_id, before or None, scores)


def _offer(con: sqlite3.Connection, solution_id: str, patron_id: str, by: str) -> Patronship:
    """Record an offer (a pledge already made stays as it is)."""
    before = _patronship(con, solution_id, patron_id)
    if before and before.status == "pledged":
        return before
    con.execute(
        "INSERT OR REPLACE INTO curation_patronships (solution_id, patron_id, status, "
        "amount_eur, pledged_on, updated_by, updated_at) "
        "VALUES (?, ?, 'offered', NULL, NULL, ?, ?)",
        (solution_id, patron_id, by, _now()),
    )
    after = _patronship(con, solution_id, patron_id)
    _audit(con, by, "patronship.offer", f"{solution_id}/{patron_id}",
           _patronship_json(before), _patronship_json(after))  # fmt: skip
    return after


def _scores(con: sqlite3.Connection, solution_id: str, username: str) -> dict[str, int]:
    rows = con.execute(
        "SELECT criterion, score FROM ratings WHERE solution_id = ? AND username = ?",
        (solution_id, username),
    ).fetchall()
    return {r[0]: r[1] for r in rows}


def _patronship(con: sqlite3.Connection, solution_id: str, patron_id: str) -> Patronship | None:
    row = con.execute(
        "SELECT solution_id, patron_id, status, amount_eur, pledged_on, updated_by, updated_at "
        "FROM curation_patronships WHERE solution_id = ? AND patron_id = ?",
        (solution_id, patron_id),
    ).fetchone()
    return _patronship_row(row) if row else None


def _patronship_row(row: sqlite3.Row) -> Patronship:
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


def _audit_row(r: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": r["id"],
        "at": r["at"],
        "who": r["who"],
        "action": r["action"],
        "object": r["object"],
        "before": json.loads(r["before"]) if r["before"] else None,
        "after": json.loads(r["after"]) if r["after"] else None,
    }


def _audit(
    con: sqlite3.Connection, who: str, action: str, obj: str, before: Any, after: Any
) -> None:
    con.execute(
        "INSERT INTO audit_log (at, who, action, object, before, after) VALUES (?, ?, ?, ?, ?, ?)",
        (
            _now(),
            who,
            action,
            obj,
            None if before is None else json.dumps(before, ensure_ascii=False),
            None if after is None else json.dumps(after, ensure_ascii=False),
        ),
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _ago(delta: timedelta) -> str:
    return (datetime.now(UTC) - delta).isoformat(timespec="microseconds")
