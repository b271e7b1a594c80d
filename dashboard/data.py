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
from dashboard.folding import search_term

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


@dataclass(frozen=True)
class ChallengeFilters:
    """Validated filters of the challenge statistics; None means "all"."""

    event_id: str | None = None
    action_field: str | None = None
    regierungsbezirk: str | None = None
    district_ags: str | None = None

    def params(self) -> dict[str, str | None]:
        return {
            "event_id": self.event_id,
            "action_field": self.action_field,
            "regierungsbezirk": self.regierungsbezirk,
            "district_ags": self.district_ags,
        }


@dataclass(frozen=True)
class ChallengeOption:
    """A choice of a challenge filter: its code and its name in the active language."""

    code: str
    name: str


@dataclass(frozen=True)
class ChallengeDistrict:
    ags: str
    name: str
    regierungsbezirk: str


@dataclass(frozen=True)
class ChallengeFilterOptions:
    events: tuple[ChallengeOption, ...]
    fields: tuple[ChallengeOption, ...]
    districts: tuple[ChallengeDistrict, ...]

    @property
    def regierungsbezirke(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d.regierungsbezirk for d in self.districts))


@dataclass(frozen=True)
class ChallengeKpis:
    challenges: int
    with_solution: int
    without_solution: int

    @property
    def share_covered(self) -> float | None:
        return self.with_solution / self.challenges if self.challenges else None


@dataclass(frozen=True)
class ChallengeCount:
    """Challenges of one group (action field, association, Regierungsbezirk); code None: none."""

    code: str | None
    name: str | None
    challenges: int


@dataclass(frozen=True)
class DistrictCount:
    """Challenges of one district, or (ags None) of `districts` districts summed."""

    ags: str | None
    name: str | None
    regierungsbezirk: str | None
    challenges: int
    districts: int


@dataclass(frozen=True)
class ChallengeTimeline:
    unit: str  # "day" or "week" (starting Monday)
    points: tuple[tuple[date, int], ...]


@dataclass(frozen=True)
class ChallengeCoverage:
    """Challenges of one action field by how many solutions they got: 0, 1, 2 or more."""

    code: str
    name: str
    none: int
    one: int
    two_plus: int


@dataclass(frozen=True)
class UnsolvedChallenge:
    challenge_id: str
    title: str
    organisation: str | None
    action_field: str | None
    district: str | None
    posted_on: date


UNSOLVED_SORT_KEYS = ("title", "organisation", "action_field", "district", "posted_on")


@cached
def challenge_filter_options(lang: str) -> ChallengeFilterOptions:
    db = database()
    return ChallengeFilterOptions(
        events=tuple(ChallengeOption(r[0], r[1]) for r in db.rows("challenges_event_options")),
        fields=tuple(
            ChallengeOption(r[0], r[1]) for r in db.rows("challenges_field_options", lang=lang)
        ),
        districts=tuple(ChallengeDistrict(*r) for r in db.rows("challenges_region_options")),
    )


@cached
def challenge_kpis(filters: ChallengeFilters) -> ChallengeKpis:
    (row,) = database().records("challenges_kpis", **filters.params())
    return ChallengeKpis(**row)


@cached
def challenges_by_field(filters: ChallengeFilters, lang: str) -> tuple[ChallengeCount, ...]:
    rows = database().rows("challenges_by_field", **filters.params(), lang=lang)
    return tuple(ChallengeCount(*r) for r in rows)


@cached
def challenges_by_association(filters: ChallengeFilters, lang: str) -> tuple[ChallengeCount, ...]:
    rows = database().rows("challenges_by_association", **filters.params(), lang=lang)
    return tuple(ChallengeCount(*r) for r in rows)


@cached
def challenges_by_regierungsbezirk(filters: ChallengeFilters) -> tuple[ChallengeCount, ...]:
    rows = database().rows("challenges_by_regierungsbezirk", **filters.params())
    return tuple(ChallengeCount(name, name, n) for name, n in rows)


@cached
def challenges_by_district(filters: ChallengeFilters, top: int | None) -> tuple[DistrictCount, ...]:
    rows = database().rows("challenges_by_district", **filters.params(), top=top)
    return tuple(DistrictCount(*r) for r in rows)


@cached
def challenge_timeline(filters: ChallengeFilters) -> ChallengeTimeline:
    rows = database().rows("challenges_timeline", **filters.params())
    unit = rows[0][1] if rows else "day"
    return ChallengeTimeline(unit, tuple((period, n) for period, _, n in rows))


@cached
def challenge_coverage(filters: ChallengeFilters, lang: str) -> tuple[ChallengeCoverage, ...]:
    rows = database().rows("challenges_coverage", **filters.params(), lang=lang)
    return tuple(ChallengeCoverage(*r) for r in rows)


@cached
def unsolved_challenges(
    filters: ChallengeFilters,
    lang: str,
    sort_key: str,
    descending: bool,
    limit: int | None,
    offset: int,
) -> tuple[UnsolvedChallenge, ...]:
    """Challenges without a solution, sorted by `sort_key` (one of UNSOLVED_SORT_KEYS)."""
    if sort_key not in UNSOLVED_SORT_KEYS:
        raise ValueError(f"unknown sort key {sort_key!r}")
    rows = database().rows(
        "challenges_unsolved",
        **filters.params(),
        lang=lang,
        sort_key=sort_key,
        descending=descending,
        limit=limit,
        offset=offset,
    )
    return tuple(UnsolvedChallenge(*r) for r in rows)


# --- gallery (/loesungen) and solution pages ---------------------------------------------------

# The solution page (/loesungen/<id>)


@dataclass(frozen=True)
class SolutionDetail:
    """One solution as its page shows it; action field names in both languages."""

    solution_id: str
    title: str
    summary: str
    team_name: str
    team_size: int
    video_url: str | None
    tags: tuple[str, ...]
    maturity: str
    award: str | None
    votes: int
    submitted_on: date
    action_field: str
    action_field_de: str
    action_field_en: str
    district_name: str | None
    event_id: str
    event_name: str
    event_starts_on: date
    event_ends_on: date
    challenge_id: str | None
    challenge_title: str | None
    challenge_org: str | None


@dataclass(frozen=True)
class Pledge:
    """A patron's pledge to a solution."""

    patron_id: str
    patron_name: str
    patron_kind: str
    amount_eur: Decimal
    pledged_on: date


@dataclass(frozen=True)
class RelatedSolution:
    solution_id: str
    title: str
    award: str | None
    same_challenge: bool


RELATED_SOLUTIONS = 6


@cached
def solution_detail(solution_id: str) -> SolutionDetail | None:
    """The solution `solution_id`, or None when there is none."""
    rows = database().records("solution_detail", solution_id=solution_id)
    if not rows:
        return None
    row = rows[0]
    return SolutionDetail(**{**row, "tags": tuple(row["tags"])})


@cached
def solution_pledges(solution_id: str) -> tuple[Pledge, ...]:
    """Who pledged how much to the solution, largest pledge first."""
    return tuple(
        Pledge(*row) for row in database().rows("solution_pledges", solution_id=solution_id)
    )


@cached
def related_solutions(solution_id: str) -> tuple[RelatedSolution, ...]:
    """Up to six others: same challenge first, then same action field; awarded, popular first."""
    rows = database().rows("solution_related", solution_id=solution_id, limit=RELATED_SOLUTIONS)
    return tuple(RelatedSolution(*row) for row in rows)


# --- programme (/programm) ----------------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeTotals:
    """A funding programme's key figures; money counts its EUR grants only."""

    event_id: str
    name: str
    starts_on: date
    ends_on: date
    grants: int
    recipients: int
    eur_grants: int
    eur_total: Decimal
    other_currencies: tuple[CurrencyTotal, ...]

    @property
    def eur_average(self) -> Decimal | None:
        return self.eur_total / self.eur_grants if self.eur_grants else None


@cached
def programme_totals() -> ProgrammeTotals | None:
    """The key figures of the latest programme event (kind `programme`); None without one."""
    db = database()
    rows = db.records("programme_totals")
    if not rows:
        return None
    others = tuple(
        CurrencyTotal(*row)
        for row in db.rows("programme_other_currencies", programme=rows[0]["name"])
    )
    return ProgrammeTotals(**rows[0], other_currencies=others)


@dataclass(frozen=True)
class Tool:
    """A digital tool of the link list, its description in the requested language."""

    tool_id: str
    name: str
    category: str
    url: str
    description: str
    cost: str
    privacy_note: str


@cached
def tool_categories() -> tuple[str, ...]:
    return tuple(category for category, _count in database().rows("tools_categories"))


@cached
def tools(
    search: str | None = None, category: str | None = None, lang: str = "de"
) -> tuple[Tool, ...]:
    """The tools whose name or description contains `search` (folded), in `category` if given."""
    rows = database().rows(
        "tools_list", search=search_term(search), category=category or None, lang=lang
    )
    return tuple(Tool(*row) for row in rows)
