"""The curation store (SQLite behind a small interface): users, logins, curation, audit log."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
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
CREATE TABLE IF NOT EXISTS store_meta (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT OR IGNORE INTO store_meta (key, value) VALUES ('version', 0);
"""
BUSY_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class User:
    username: str
    password_hash: str
    role: str
    active: bool


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
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT: writers queue on the busy timeout instead of failing."""
        con = self._connect()
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
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
        with self.transaction() as con:
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

    # --- audit --------------------------------------------------------------------------------

    def audit_entries(self, limit: int = 200) -> list[dict[str, Any]]:
        rows = (
            self._connect()
            .execute(
                "SELECT at, who, action, object, before, after FROM audit_log "
                "ORDER BY id DESC LIMIT ?",
                (limit,),
            )
            .fetchall()
        )
        return [
            {
                "at": r["at"],
                "who": r["who"],
                "action": r["action"],
                "object": r["object"],
                "before": json.loads(r["before"]) if r["before"] else None,
                "after": json.loads(r["after"]) if r["after"] else None,
            }
            for r in rows
        ]


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
