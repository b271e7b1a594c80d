"""One typed function per dataset the pages need, cached by data version."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import wraps
from typing import Any, TypeVar

from dashboard import contract
from dashboard.db import Database
from dashboard.search import search_terms

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
    """Cache per data and curation version: an import or a curation change is seen at once."""

    @wraps(fn)
    def wrapper(*args: Any) -> T:
        db = database()
        key = (fn.__name__, args, db.sync(), db.curation_version)
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
    ags: str
    name: str
    regierungsbezirk: str
    challenges: int


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
def challenges_by_district(filters: ChallengeFilters) -> tuple[DistrictCount, ...]:
    """Every district of the chosen region, also those without a challenge, most first."""
    rows = database().rows("challenges_by_district", **filters.params())
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

# The gallery (/loesungen)

GALLERY_PAGE_SIZE = 24
GALLERY_SORTS = ("relevance", "newest", "votes", "title")
GALLERY_TAG_FACET_SIZE = 15
GALLERY_AWARDS = ("winner", "finalist", "none")  # "none": solutions without an award
GALLERY_DIGITAL = ("digital", "analog")


@dataclass(frozen=True)
class GalleryFilters:
    """A visitor's search in the gallery: free text and the facets' choices (empty: all)."""

    query: str = ""
    events: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    awards: tuple[str, ...] = ()
    digital: str = ""
    maturities: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    def params(self) -> dict[str, Any]:
        """The bound parameters of the gallery queries; an empty choice is NULL (no filter)."""
        return {
            "terms": list(search_terms(self.query)) or None,
            "events": list(self.events) or None,
            "fields": list(self.fields) or None,
            "awards": list(self.awards) or None,
            "digital": self.digital or None,
            "maturities": list(self.maturities) or None,
            "tags": list(self.tags) or None,
        }


@dataclass(frozen=True)
class FacetOption:
    """One choice of a facet and how many solutions it would show; label from the data or None."""

    value: str
    label: str | None
    solutions: int


@dataclass(frozen=True)
class GalleryFacets:
    """The result count and, per facet, its options counted as if its own choice were not made."""

    total: int
    events: tuple[FacetOption, ...]
    fields: tuple[FacetOption, ...]
    awards: tuple[FacetOption, ...]
    digital: tuple[FacetOption, ...]
    maturities: tuple[FacetOption, ...]
    tags: tuple[FacetOption, ...]


@dataclass(frozen=True)
class SolutionCard:
    """A solution as the gallery's card shows it; the action field named in the asked language."""

    solution_id: str
    title: str
    summary: str
    team_name: str
    action_field: str
    action_field_name: str | None
    challenge_id: str | None
    challenge_title: str | None
    event_id: str
    event_name: str | None
    award: str | None
    is_digital: bool
    maturity: str
    votes: int
    submitted_on: date
    has_video: bool
    tags: tuple[str, ...]


@dataclass(frozen=True)
class GalleryPage:
    """One page of the gallery: the page actually shown (clamped), its cards and the facets."""

    total: int
    page: int
    pages: int
    cards: tuple[SolutionCard, ...]
    facets: GalleryFacets


@cached
def gallery_facets(filters: GalleryFilters, lang: str = "de") -> GalleryFacets:
    """Result count and facet counts for `filters`; fixed choices appear even when they count 0."""
    rows = database().records(
        "gallery_facets", **filters.params(), lang=lang, tag_limit=GALLERY_TAG_FACET_SIZE
    )
    found: dict[str, list[FacetOption]] = {}
    total = 0
    for row in rows:
        if row["facet"] == "total":
            total = row["solutions"]
        else:
            option = FacetOption(row["value"], row["label"], row["solutions"])
            found.setdefault(row["facet"], []).append(option)
    return GalleryFacets(
        total=total,
        events=tuple(found.get("event", ())),
        fields=tuple(found.get("field", ())),
        awards=_fixed_options(found.get("award", ()), GALLERY_AWARDS),
        digital=_fixed_options(found.get("digital", ()), GALLERY_DIGITAL),
        maturities=_fixed_options(found.get("maturity", ()), contract.MATURITIES),
        tags=tuple(found.get("tag", ())),
    )


def _fixed_options(
    counted: Iterable[FacetOption], values: Iterable[str]
) -> tuple[FacetOption, ...]:
    by_value = {o.value: o.solutions for o in counted}
    return tuple(FacetOption(v, None, by_value.get(v, 0)) for v in values)


@cached
def gallery_cards(
    filters: GalleryFilters, sort: str = "relevance", page: int = 1, lang: str = "de"
) -> tuple[SolutionCard, ...]:
    """The cards of page `page` (from 1) for `filters` in the order `sort`."""
    rows = database().records(
        "gallery_results",
        **filters.params(),
        sort=sort if sort in GALLERY_SORTS else "relevance",
        lang=lang,
        limit=GALLERY_PAGE_SIZE,
        offset=(max(page, 1) - 1) * GALLERY_PAGE_SIZE,
    )
    return tuple(SolutionCard(**{**row, "tags": tuple(row["tags"])}) for row in rows)


def gallery(
    filters: GalleryFilters, sort: str = "relevance", page: int = 1, lang: str = "de"
) -> GalleryPage:
    """The gallery for a search; a page beyond the last shows the last, one below 1 the first."""
    facets = gallery_facets(filters, lang)
    pages = max(1, -(-facets.total // GALLERY_PAGE_SIZE))
    page = min(max(page, 1), pages)
    cards = gallery_cards(filters, sort, page, lang) if facets.total else ()
    return GalleryPage(facets.total, page, pages, cards, facets)


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
    """The tools in whose name or description every term of `search` occurs (normalised as the
    gallery's search), in `category` if given."""
    terms = list(search_terms(search)) or None
    rows = database().rows("tools_list", terms=terms, category=category or None, lang=lang)
    return tuple(Tool(*row) for row in rows)


# --- internal (/intern) and curation -------------------------------------------------------------


@cached
def pipeline_by_event() -> list[dict[str, Any]]:
    """Per event and status: how many solutions (untouched ones are new)."""
    return database().records("intern_pipeline")


@cached
def patron_budgets() -> list[dict[str, Any]]:
    """Per patron: budget, pledged (events and curation), remaining – Decimal."""
    return database().records("intern_patron_budgets")


@cached
def shortlist_by_field() -> list[dict[str, Any]]:
    """Per action field: ideas on the shortlist."""
    return database().records("intern_shortlist_by_field")


# --- curation board (/admin/kuratierung) ---------------------------------------------------------


# --- patron matching (/admin/paten) and shortlist export -----------------------------------------


# --- data upload (/admin/daten) and audit log (/admin/protokoll) ---------------------------------
