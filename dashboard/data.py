"""One typed function per dataset the pages need, cached by data version."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import wraps
from typing import Any, TypeVar

from dashboard.db import Database

T = TypeVar("T")
_database: Database | None = None
_cache: OrderedDict[tuple, Any] = OrderedDict()
_cache_lock = threading.Lock()
CACHE_SIZE = 256


def configure(database: Database) -> None:
    """Use `database` for every dataset (called once by create_app)."""
    global _database
    _database = database
    with _cache_lock:
        _cache.clear()


def database() -> Database:
    if _database is None:
        raise RuntimeError("dashboard.data is not configured: call create_app() first")
    return _database


def cached(fn: Callable[..., T]) -> Callable[..., T]:
    """Cache a dataset per data version: a new import is seen at once, the old entries age out."""

    @wraps(fn)
    def wrapper(*args: Any) -> T:
        key = (fn.__name__, args, database().sync())
        with _cache_lock:
            if key in _cache:
                _cache.move_to_end(key)
                return _cache[key]
        value = fn(*args)
        with _cache_lock:
            _cache[key] = value
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
        return value

    return wrapper


@dataclass(frozen=True)
class CurrencyTotal:
    currency: str
    grants: int
    total: Decimal


@dataclass(frozen=True)
class OverviewTotals:
    """The key figures of the overview, for one event or all."""

    challenges: int
    solutions: int
    awarded_solutions: int
    participants: int
    patrons: int
    pledged_eur: Decimal
    grants: int
    eur_grants: int
    eur_total: Decimal
    other_currencies: tuple[CurrencyTotal, ...]


@cached
def overview_totals(event_id: str | None = None) -> OverviewTotals:
    db = database()
    (row,) = db.records("overview_totals", event_id=event_id)
    others = tuple(
        CurrencyTotal(currency, grants, total)
        for currency, grants, total in db.rows("grants_by_currency", event_id=event_id)
        if currency != "EUR"
    )
    return OverviewTotals(**row, other_currencies=others)


@dataclass(frozen=True)
class Event:
    event_id: str
    name: str
    kind: str
    starts_on: date


@cached
def events() -> tuple[Event, ...]:
    """Every event, oldest first."""
    return tuple(Event(*row) for row in database().rows("events_list"))


@cached
def overview_by_event() -> list[dict[str, Any]]:
    """Per event: challenges, participants, solutions, awards, patrons, pledges, EUR grants."""
    return database().records("overview_by_event")


def dataset_info() -> dict[str, Any]:
    """The current version's manifest: which tables, from where, and whether they are demo data."""
    db = database()
    version = db.sync()
    return db.store.manifest(version)


def is_demo_data() -> bool:
    tables = dataset_info().get("tables", {})
    return any(entry.get("demo") for entry in tables.values())


# --- challenges (/herausforderungen) ----------------------------------------------------------

# --- gallery (/loesungen) and solution pages ---------------------------------------------------

# --- programme (/programm) ----------------------------------------------------------------------
