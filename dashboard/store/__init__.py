"""The curation store: everything the portal writes (users, logins, curation, audit log).

Pages and features use `CurationStore`, the interface; `SqliteStore` (sqlite.py) is the backend
behind it. The three parts — user accounts (users.py), curation state (curation.py) and the
audit log (audit_log.py) — are written once over a small connection interface that a backend
provides: `transaction()`, `reader()`, `version()` and `integrity_error`.
"""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dashboard.store.audit_log import AuditLog
from dashboard.store.curation import CurationState
from dashboard.store.models import (
    CRITERIA,
    ROLES,
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
from dashboard.store.users import UserAccounts

__all__ = [
    "CRITERIA", "ROLES", "STATUSES", "CurationStore", "Entry", "InvalidChange", "OverBudget",
    "Patronship", "SeedStep", "StaleVersion", "UnknownUser", "User", "UserExists",
    "current_store", "open_store",
]  # fmt: skip


class CurationStore(UserAccounts, CurationState, AuditLog, ABC):
    """The interface of every backend; its parts are implemented once over these four."""

    integrity_error: type[Exception]  # raised by the backend for a duplicate key
    path: Path | None = None  # the store's file, for a backend that has one

    @abstractmethod
    @contextlib.contextmanager
    def transaction(self, curation: bool = True) -> Iterator[Any]:
        """One write transaction; writers queue instead of failing. `curation=False` for
        writes the dashboards never show (login attempts): `version()` stays."""

    @abstractmethod
    def reader(self) -> Any:
        """A connection for reads (`execute(sql, params)` with `?` placeholders)."""

    @abstractmethod
    def version(self) -> int:
        """Grows with every committed curation change (DuckDB copies the state when it moves)."""


def open_store(path: Path) -> CurationStore:
    """The store in the SQLite file `path` (created on first use)."""
    from dashboard.store.sqlite import SqliteStore

    return SqliteStore(path)


def current_store() -> CurationStore:
    """The app's curation store (inside a request)."""
    from flask import current_app

    return current_app.config["CURATION_STORE"]
