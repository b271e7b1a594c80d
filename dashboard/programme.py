"""The programme page (/programm): the funding programme's key figures and the link list of
digital tools, searchable by text and category."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dashboard import db, urls
from dashboard.funding import CurrencyTotal
from dashboard.search import search_terms

ALL = "alle"  # the choice "every category" (dbc.Select hides an option of value "")
SEARCH, CATEGORY = "suche", "kategorie"  # the URL parameters


@dataclass(frozen=True)
class ProgrammeRow:
    """A funding programme's key figures; money counts its EUR grants only."""

    event_id: str
    name: str
    starts_on: date
    ends_on: date
    grants: int
    recipients: int
    eur_grants: int
    eur_total: Decimal


@dataclass(frozen=True)
class Tool:
    """A digital tool of the link list, its description in the requested language; category,
    cost and privacy note in German and, where the data has it, in English."""

    tool_id: str
    name: str
    category: str
    category_en: str | None
    url: str
    description: str
    cost: str
    cost_en: str | None
    privacy_note: str
    privacy_note_en: str | None


@dataclass(frozen=True)
class CategoryCount:
    category: str  # the German name, also the filter's value
    category_en: str | None
    tools: int


programme_totals = db.reader("programme_totals", ProgrammeRow)
programme_other_currencies = db.reader("programme_other_currencies", CurrencyTotal)
tools_categories = db.reader("tools_categories", CategoryCount)
tools_list = db.reader("tools_list", Tool)


@dataclass(frozen=True)
class ProgrammeTotals:
    """The latest programme's key figures, and its grants in other currencies beside."""

    programme: ProgrammeRow
    other_currencies: tuple[CurrencyTotal, ...]

    @property
    def eur_average(self) -> Decimal | None:
        p = self.programme
        return p.eur_total / p.eur_grants if p.eur_grants else None


def totals() -> ProgrammeTotals | None:
    """The key figures of the latest programme event (kind `programme`); None without one."""
    row = programme_totals.one()
    if row is None:
        return None
    return ProgrammeTotals(row, programme_other_currencies(programme=row.name))


def categories() -> tuple[str, ...]:
    """The categories' German names (the values the filter and the URL hold)."""
    return tuple(c.category for c in tools_categories())


def category_names() -> dict[str, str | None]:
    """{German name: English name or None} of every category."""
    return {c.category: c.category_en for c in tools_categories()}


def chosen_category(value: object, known: tuple[str, ...]) -> str:
    """A category of the link list, or ALL."""
    category = urls.first(value)
    return category if category in known else ALL


def tools(search: str | None = None, category: str | None = None, lang: str = "de"):
    """The tools in whose name or description every term of `search` occurs (folded as the
    gallery's search), in `category` if given."""
    terms = list(search_terms(search)) or None
    return tools_list(terms=terms, category=None if category in (None, "", ALL) else category,
                      lang=lang)  # fmt: skip
