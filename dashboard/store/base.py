"""The interface of every curation store backend: the three parts (user accounts, curation
state, audit log) written once over four things a backend provides."""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dashboard.store.audit_log import AuditLog
from dashboard.store.curation import CurationState
from dashboard.store.users import UserAccounts


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
