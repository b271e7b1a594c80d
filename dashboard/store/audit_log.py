"""The audit log: who changed what, when, from what to what — written in the change's own
transaction, read page by page with filters."""

from __future__ import annotations

import json
from typing import Any

from dashboard.store.models import utc_now

AUDIT_COLUMNS = "id, at, who, action, object, before, after"


def write_audit(con: Any, who: str, action: str, obj: str, before: Any, after: Any) -> None:
    """One entry, inside the caller's transaction (so a change and its entry commit together)."""
    con.execute(
        "INSERT INTO audit_log (at, who, action, object, before, after) VALUES (?, ?, ?, ?, ?, ?)",
        (
            utc_now(),
            who,
            action,
            obj,
            None if before is None else json.dumps(before, ensure_ascii=False),
            None if after is None else json.dumps(after, ensure_ascii=False),
        ),
    )


def audit_row(r: Any) -> dict[str, Any]:
    """A stored entry as a dict, before/after decoded."""
    return {
        "id": r["id"],
        "at": r["at"],
        "who": r["who"],
        "action": r["action"],
        "object": r["object"],
        "before": json.loads(r["before"]) if r["before"] else None,
        "after": json.loads(r["after"]) if r["after"] else None,
    }


# `?` parameters in order: who ×2, action ×4, object ×6, since ×2, until ×2. substr, not LIKE:
# a `%` or `_` in a value is a character here, not a wildcard.
_FILTER = (
    "(? IS NULL OR who = ?) "
    "AND (? IS NULL OR action = ? OR substr(action, 1, length(?) + 1) = ? || '.') "
    "AND (? IS NULL OR object = ? OR substr(object, 1, length(?) + 1) = ? || '/' "
    "     OR substr(object, length(object) - length(?)) = '/' || ?) "
    "AND (? IS NULL OR at >= ?) AND (? IS NULL OR at < ?)"
)


class AuditLog:
    """The audit log part of the curation store (mixed into every backend)."""

    def record_event(
        self, who: str, action: str, object_id: str, before: Any = None, after: Any = None
    ) -> None:
        """One audit entry for a change made outside this store (a data import), on its own."""
        with self.transaction(curation=False) as con:  # the dashboards do not show the log
            write_audit(con, who, action, object_id, before, after)

    def audit_entries(
        self,
        limit: int = 200,
        who: str | None = None,
        action: str | None = None,
        object_id: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[dict[str, Any]]:
        """The newest entries first, optionally only one person's, one action's or one object's.

        `action` here is a prefix (`entry.` finds every entry change); `object_id` finds the
        object and the pairs it starts (`S1` finds `S1/P1`).
        """
        rows = self.reader().execute(
            f"SELECT {AUDIT_COLUMNS} FROM audit_log "
            "WHERE (? IS NULL OR who = ?) "
            "AND (? IS NULL OR substr(action, 1, length(?)) = ?) "
            "AND (? IS NULL OR object = ? OR substr(object, 1, length(?) + 1) = ? || '/') "
            "AND (? IS NULL OR at >= ?) AND (? IS NULL OR at < ?) "
            "ORDER BY id DESC LIMIT ?",
            (who, who, *[action] * 3, *[object_id] * 4, since, since, until, until, limit),
        )
        return [audit_row(r) for r in rows.fetchall()]

    def audit_people(self) -> list[str]:
        """Everyone who appears in the audit log, sorted by name."""
        rows = self.reader().execute("SELECT DISTINCT who FROM audit_log ORDER BY who")
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
        params = (who, who, *[action] * 4, *[object_id] * 6, since, since, until, until)
        con = self.reader()
        total = con.execute(f"SELECT count(*) FROM audit_log WHERE {_FILTER}", params).fetchone()
        rows = con.execute(
            f"SELECT {AUDIT_COLUMNS} FROM audit_log WHERE {_FILTER} "
            "ORDER BY id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ).fetchall()
        return [audit_row(r) for r in rows], int(total[0])
