"""The overview (/): key figures per event and in total, and the events side by side."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dashboard import db, urls
from dashboard.funding import CurrencyTotal

ALL = "alle"  # the choice "every event" (dbc.Select hides an option of value "")
EVENT = "veranstaltung"  # the URL parameter


@dataclass(frozen=True)
class Event:
    event_id: str
    name: str
    kind: str  # hackathon, programme
    starts_on: date


@dataclass(frozen=True)
class Totals:
    """The key figures of the overview, for one event or all."""

    challenges: int
    solutions: int
    awarded_solutions: int
    participants: int
    patrons: int
    pledges: int  # pledged patronships
    pledged_eur: Decimal
    grants: int
    eur_grants: int
    eur_total: Decimal
    recipients: int


@dataclass(frozen=True)
class EventRow:
    """One event as the comparison table shows it."""

    event_id: str
    name: str
    kind: str
    starts_on: date
    ends_on: date
    challenges: int
    participants: int | None
    solutions: int
    awarded_solutions: int
    patrons: int
    pledged_eur: Decimal
    grants: int
    eur_total: Decimal


events_list = db.reader("events_list", Event)
overview_totals = db.reader("overview_totals", Totals)
grants_by_currency = db.reader("grants_by_currency", CurrencyTotal)
overview_by_event = db.reader("overview_by_event", EventRow)


def events() -> tuple[Event, ...]:
    """Every event, oldest first."""
    return events_list()


def chosen_event(value: object) -> str:
    """The URL's event, if there is one of that id; else ALL."""
    event = urls.first(value)
    return event if event in {e.event_id for e in events()} else ALL


@dataclass(frozen=True)
class OverviewTotals:
    """The key figures, and the grants in other currencies (never added to the euros)."""

    totals: Totals
    other_currencies: tuple[CurrencyTotal, ...]
    kind: str | None  # the chosen event's kind; None: every event


def totals(event_id: str) -> OverviewTotals:
    """The key figures of `event_id` (or ALL)."""
    event = None if event_id == ALL else event_id
    others = tuple(c for c in grants_by_currency(event_id=event) if c.currency != "EUR")
    kind = next((e.kind for e in events() if e.event_id == event), None)
    return OverviewTotals(overview_totals.one(event_id=event), others, kind)
