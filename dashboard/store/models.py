"""What the curation store holds and answers: users, entries, patronships, and its refusals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

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


class UserExists(ValueError):
    """A user of that name is already there."""


class UnknownUser(KeyError):
    """No user of that name."""


def utc_now() -> str:
    """Now in UTC, as the store keeps every moment (ISO text, microseconds)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def utc_ago(delta: timedelta) -> str:
    return (datetime.now(UTC) - delta).isoformat(timespec="microseconds")
