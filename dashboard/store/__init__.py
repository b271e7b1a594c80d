"""The curation store: everything the portal writes (users, logins, curation, audit log).

Pages and features use `CurationStore`, the interface (base.py); `SqliteStore` (sqlite.py) is the
backend behind it. The three parts — user accounts (users.py), curation state (curation.py) and
the audit log (audit_log.py) — are written once over a small connection interface that a backend
provides: `transaction()`, `reader()`, `version()` and `integrity_error`.
"""

from __future__ import annotations

from pathlib import Path

from dashboard.store.base import CurationStore
from dashboard.store.models import (
    CRITERIA,
    STATUSES,
    Entry,
    InvalidChange,
    OverBudget,
    Patronship,
    SeedStep,
    StaleVersion,
    UnknownUser,
    User,
    UserExists,
)
from dashboard.store.sqlite import SqliteStore

__all__ = [
    "CRITERIA", "STATUSES", "CurationStore", "Entry", "InvalidChange", "OverBudget",
    "Patronship", "SeedStep", "SqliteStore", "StaleVersion", "UnknownUser", "User", "UserExists",
    "current_store", "open_store",
]  # fmt: skip


def open_store(path: Path) -> CurationStore:
    """The store in the SQLite file `path` (created on first use)."""
    return SqliteStore(path)


def current_store() -> CurationStore:
    """The app's curation store (inside a request)."""
    from flask import current_app

    return current_app.config["CURATION_STORE"]
