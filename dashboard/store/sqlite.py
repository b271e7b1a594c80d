"""The SQLite backend of the curation store: one file shared by every worker (WAL, a busy
timeout, BEGIN IMMEDIATE), a connection per thread."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from dashboard.store.base import CurationStore

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


class SqliteStore(CurationStore):
    """One SQLite file shared by every worker: WAL, a busy timeout, one transaction per change."""

    integrity_error = sqlite3.IntegrityError

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

    def reader(self) -> sqlite3.Connection:
        return self._connect()

    @contextlib.contextmanager
    def transaction(self, curation: bool = True) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT: writers queue on the busy timeout instead of failing."""
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
        row = self._connect().execute("SELECT value FROM store_meta WHERE key = 'version'")
        return int(row.fetchone()[0])
