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
from dashboard.settings import Settings

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
def event_pledges() -> dict[str, Decimal]:
    """Per patron: what was pledged at the events (the export), without curation pledges."""
    return {pid: amount for pid, amount in database().rows("patrons_event_pledges")}


@cached
def shortlist_by_field() -> list[dict[str, Any]]:
    """Per action field: ideas on the shortlist."""
    return database().records("intern_shortlist_by_field")


# --- curation board (/admin/kuratierung) ---------------------------------------------------------

CURATION_SORTS = ("title", "event", "field", "status", "rating", "updated")
CURATION_PATRONAGE = ("any", "none")


@dataclass(frozen=True)
class CurationFilters:
    """The curation board's filters; None (or empty) means "all"."""

    event_id: str | None = None
    action_field: str | None = None
    status: str | None = None
    min_rating: float | None = None  # the mean over curators and criteria, 1–5
    unrated: bool = False  # only solutions nobody rated yet
    not_rated_by: str | None = None  # only solutions this curator has not rated
    patron_id: str | None = None  # offered to or pledged by this patron
    patronage: str | None = None  # "any": with some patron, "none": without any
    query: str = ""

    def params(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "action_field": self.action_field,
            "status": self.status,
            "min_rating": self.min_rating,
            "unrated": self.unrated,
            "not_rated_by": self.not_rated_by,
            "patron_id": self.patron_id,
            "patronage": self.patronage,
            "terms": list(search_terms(self.query)) or None,
        }


@dataclass(frozen=True)
class CurationChoice:
    """A choice of a curation board filter: its code and its name in the asked language."""

    code: str
    name: str


@dataclass(frozen=True)
class CurationOptions:
    events: tuple[CurationChoice, ...]
    fields: tuple[CurationChoice, ...]
    patrons: tuple[CurationChoice, ...]


@dataclass(frozen=True)
class CurationRow:
    """A solution as the curation board lists it; version is what a save must name."""

    solution_id: str
    title: str
    event_id: str
    event_name: str | None
    action_field: str
    action_field_name: str | None
    status: str
    notes: str
    version: int
    updated_by: str | None
    updated_at: str | None  # ISO timestamp (UTC) of the last change
    mean_rating: float | None
    raters: int
    patrons: int


@dataclass(frozen=True)
class CurationBoard:
    """One page of the board (clamped to the pages there are) and the counts per status."""

    total: int
    page: int
    pages: int
    rows: tuple[CurationRow, ...]
    counts: dict[str, int]


@cached
def curation_options(lang: str) -> CurationOptions:
    found: dict[str, list[CurationChoice]] = {"event": [], "field": [], "patron": []}
    for kind, code, name in database().rows("curation_board_options", lang=lang):
        found[kind].append(CurationChoice(code, name))
    return CurationOptions(tuple(found["event"]), tuple(found["field"]), tuple(found["patron"]))


@cached
def curation_status_counts(filters: CurationFilters) -> dict[str, int]:
    """Solutions per status under every filter but the status (each status, 0 included)."""
    from dashboard.curation import STATUSES

    counted = dict(database().rows("curation_board_counts", **filters.params()))
    return {status: counted.get(status, 0) for status in STATUSES}


@cached
def curation_rows(
    filters: CurationFilters,
    lang: str,
    sort_key: str,
    descending: bool,
    limit: int | None,
    offset: int,
) -> tuple[CurationRow, ...]:
    """The board's rows sorted by `sort_key` (one of CURATION_SORTS); limit None: all."""
    if sort_key not in CURATION_SORTS:
        raise ValueError(f"unknown sort key {sort_key!r}")
    rows = database().records(
        "curation_board",
        **filters.params(),
        lang=lang,
        sort_key=sort_key,
        descending=descending,
        limit=limit,
        offset=offset,
    )
    return tuple(CurationRow(**row) for row in rows)


def curation_board(
    filters: CurationFilters,
    lang: str,
    sort_key: str = "title",
    descending: bool = False,
    page: int = 1,
    page_size: int = 25,
) -> CurationBoard:
    """Page `page` (from 1; clamped) of the board, and the counts per status."""
    counts = curation_status_counts(filters)
    total = counts.get(filters.status, 0) if filters.status else sum(counts.values())
    pages = max(1, -(-total // page_size))
    page = min(max(page, 1), pages)
    rows = (
        curation_rows(filters, lang, sort_key, descending, page_size, (page - 1) * page_size)
        if total
        else ()
    )
    return CurationBoard(total, page, pages, rows, counts)


def known_solutions(solution_ids: Iterable[str]) -> set[str]:
    """Those of `solution_ids` that are solutions of the current dataset (not cached)."""
    ids = sorted(set(solution_ids))
    if not ids:
        return set()
    return {row[0] for row in database().rows("curation_known_solutions", ids=ids)}


def solution_titles(solution_ids: Iterable[str]) -> dict[str, str]:
    """{id: title} for those of `solution_ids` in the current dataset (not cached)."""
    ids = sorted({i for i in solution_ids if i})
    if not ids:
        return {}
    return dict(database().rows("solution_titles", ids=ids))


# --- patron matching (/admin/paten) and shortlist export -----------------------------------------


@dataclass(frozen=True)
class PatronSummary:
    """A patron's interests and money: budget, pledged (events and curation), remaining."""

    patron_id: str
    name: str
    kind: str
    action_fields: tuple[str, ...]  # codes; empty: any
    districts: tuple[str, ...]  # AGS; empty: anywhere
    budget_eur: Decimal
    pledged_eur: Decimal
    remaining_eur: Decimal


@dataclass(frozen=True)
class MatchingDistrict:
    ags: str
    name: str
    kind: str
    regierungsbezirk: str


@dataclass(frozen=True)
class MatchingField:
    code: str
    name_de: str
    name_en: str


@dataclass(frozen=True)
class MatchableSolution:
    """A solution a patron can be found for (shortlisted, or matched for a second patron)."""

    solution_id: str
    title: str
    status: str


@dataclass(frozen=True)
class SolutionNeed:
    """What matching needs of a solution; district_ags is its own, else its challenge's."""

    solution_id: str
    title: str
    status: str
    action_field: str | None
    district_ags: str | None


@dataclass(frozen=True)
class SolutionPatronship:
    """A patron offered (amount None) or pledged (events and curation summed) to one solution."""

    patron_id: str
    status: str
    amount_eur: Decimal | None


@dataclass(frozen=True)
class PatronPatronship:
    """One of a patron's pledges (source `event` or `curation`) or open offers."""

    solution_id: str
    title: str | None
    solution_status: str
    status: str
    amount_eur: Decimal | None
    pledged_on: date | None
    source: str


@dataclass(frozen=True)
class ShortlistFilters:
    """The shortlist's filters: one curation status; None means "all" for event and field."""

    status: str = "shortlisted"
    event_id: str | None = None
    action_field: str | None = None


@dataclass(frozen=True)
class ShortlistRow:
    solution_id: str
    title: str
    challenge_title: str | None
    organisation: str | None
    team_name: str
    video_url: str | None
    action_field: str
    action_field_name: str | None
    district_ags: str | None
    event_name: str | None
    status: str
    notes: str
    rating_mean: float | None
    raters: int
    impact: float | None
    transferability: float | None
    readiness: float | None
    cost_effectiveness: float | None


@cached
def patrons() -> tuple[PatronSummary, ...]:
    """Every patron by name; the money from intern_patron_budgets (the one pledges view)."""
    money = {r["patron_id"]: r for r in patron_budgets()}
    return tuple(
        PatronSummary(
            patron_id=patron_id,
            name=name,
            kind=kind,
            action_fields=tuple(fields),
            districts=tuple(districts),
            budget_eur=money[patron_id]["budget_eur"],
            pledged_eur=money[patron_id]["pledged_eur"],
            remaining_eur=money[patron_id]["remaining_eur"],
        )
        for patron_id, name, kind, fields, districts in database().rows("patrons_interests")
    )


@cached
def matching_districts() -> tuple[MatchingDistrict, ...]:
    return tuple(MatchingDistrict(*row) for row in database().rows("patrons_places"))


@cached
def matching_fields() -> tuple[MatchingField, ...]:
    return tuple(MatchingField(*row) for row in database().rows("patrons_action_fields"))


@cached
def matchable_solutions() -> tuple[MatchableSolution, ...]:
    """Shortlisted solutions first, then matched ones; each by title."""
    return tuple(MatchableSolution(*row) for row in database().rows("patrons_solution_options"))


@cached
def solution_need(solution_id: str) -> SolutionNeed | None:
    rows = database().rows("patrons_solution", solution_id=solution_id)
    return SolutionNeed(*rows[0]) if rows else None


@cached
def solution_patronships(solution_id: str) -> tuple[SolutionPatronship, ...]:
    rows = database().rows("patrons_solution_patronships", solution_id=solution_id)
    return tuple(SolutionPatronship(*row) for row in rows)


@cached
def patron_patronships(patron_id: str) -> tuple[PatronPatronship, ...]:
    """Pledges (newest first) and open offers of one patron."""
    rows = database().rows("patrons_patronships", patron_id=patron_id)
    return tuple(PatronPatronship(*row) for row in rows)


@cached
def shortlist_rows(filters: ShortlistFilters, lang: str) -> tuple[ShortlistRow, ...]:
    """Solutions in `filters.status`, best rated first, with ratings and notes."""
    rows = database().records(
        "shortlist_rows",
        status=filters.status,
        event_id=filters.event_id,
        action_field=filters.action_field,
        lang=lang,
    )
    return tuple(ShortlistRow(**row) for row in rows)


# --- data upload (/admin/daten) and audit log (/admin/protokoll) ---------------------------------


# --- funding (/foerderung) ----------------------------------------------------------------------


def funding_band_edges() -> tuple[Decimal, ...]:
    """Lower edges of the euro amount bands after the first (setting FUNDING_BANDS; by default
    under 10 k, 10–25 k, 25–50 k, 50–75 k, 75–100 k, 100 k and more)."""
    from flask import current_app, has_app_context

    if has_app_context() and "PORTAL_SETTINGS" in current_app.config:
        return current_app.config["PORTAL_SETTINGS"].funding_band_edges
    return Settings.funding_band_edges


FUNDING_GROUPS = (
    "field", "association", "regierungsbezirk", "district", "month", "band", "recipient",
)  # fmt: skip
FUNDING_SORT_KEYS = ("title", "recipient", "field", "district", "amount", "award_date")


@dataclass(frozen=True)
class FundingFilters:
    """Validated filters of /foerderung; None means "all", "" the grants without a field or
    association ("ohne Zuordnung"); amount bounds are euro bounds (min inclusive, max exclusive)."""

    year_from: int | None = None
    year_to: int | None = None
    action_field: str | None = None
    association: str | None = None
    regierungsbezirk: str | None = None
    district_ags: str | None = None
    programme: str | None = None
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None

    def params(self) -> dict[str, Any]:
        return {
            "year_from": self.year_from,
            "year_to": self.year_to,
            "action_field": self.action_field,
            "association": self.association,
            "regierungsbezirk": self.regierungsbezirk,
            "district_ags": self.district_ags,
            "programme": self.programme,
            "amount_min": self.amount_min,
            "amount_max": self.amount_max,
        }


@dataclass(frozen=True)
class FundingOption:
    """A choice of a funding filter: its code, its name, and its parent (a district's RB)."""

    code: str
    name: str
    parent: str | None = None


@dataclass(frozen=True)
class FundingOptions:
    years: tuple[int, ...]
    fields: tuple[FundingOption, ...]
    associations: tuple[FundingOption, ...]
    programmes: tuple[FundingOption, ...]
    districts: tuple[FundingOption, ...]

    @property
    def regierungsbezirke(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d.parent for d in self.districts if d.parent))


@dataclass(frozen=True)
class FundingKpis:
    """Key figures: euro figures count EUR grants; other currencies stand beside, never added."""

    grants: int  # all currencies
    recipients: int  # all currencies
    eur_grants: int
    eur_total: Decimal
    eur_median: Decimal | None
    eur_at_cap: int  # EUR grants at their programme's largest amount
    other_currencies: tuple[CurrencyTotal, ...]

    @property
    def eur_mean(self) -> Decimal | None:
        if not self.eur_grants:
            return None
        return (self.eur_total / self.eur_grants).quantize(Decimal("0.01"))

    @property
    def cap_share(self) -> float | None:
        return self.eur_at_cap / self.eur_grants if self.eur_grants else None


@dataclass(frozen=True)
class FundingGroup:
    """Grants of one group; key "" (and label None): without a field, association or district."""

    key: str
    label: str | None
    parent: str | None
    eur_total: Decimal
    eur_grants: int
    other_grants: int


@dataclass(frozen=True)
class FundingGrant:
    grant_id: str
    title: str
    recipient: str
    action_field: str | None
    association: str | None
    district: str | None
    amount: Decimal
    currency: str
    award_date: date


@cached
def funding_options(lang: str) -> FundingOptions:
    found: dict[str, list[FundingOption]] = {}
    for kind, code, name, parent in database().rows("funding_options", lang=lang):
        found.setdefault(kind, []).append(FundingOption(code, name, parent))
    return FundingOptions(
        years=tuple(int(o.code) for o in found.get("year", ())),
        fields=tuple(found.get("field", ())),
        associations=tuple(found.get("association", ())),
        programmes=tuple(found.get("programme", ())),
        districts=tuple(found.get("district", ())),
    )


def read_funding_kpis(db: Database, filters: FundingFilters) -> FundingKpis:
    """The key figures from `db` (uncached: tests read other data versions with it)."""
    rows = db.records("funding_kpis", **filters.params())
    eur = next((r for r in rows if r["currency"] == "EUR"), None)
    return FundingKpis(
        grants=sum(r["grants"] for r in rows),
        recipients=rows[0]["recipients"] if rows else 0,
        eur_grants=eur["grants"] if eur else 0,
        eur_total=eur["total"] if eur else Decimal("0.00"),
        eur_median=eur["median"] if eur else None,
        eur_at_cap=eur["at_cap"] if eur else 0,
        other_currencies=tuple(
            CurrencyTotal(r["currency"], r["grants"], r["total"])
            for r in rows
            if r["currency"] != "EUR"
        ),
    )


@cached
def funding_kpis(filters: FundingFilters) -> FundingKpis:
    return read_funding_kpis(database(), filters)


def read_funding_groups(
    db: Database,
    filters: FundingFilters,
    group: str,
    lang: str,
    edges: tuple[Decimal, ...] | None = None,
) -> tuple[FundingGroup, ...]:
    """Grants grouped by `group` (one of FUNDING_GROUPS), the largest euro total first."""
    if group not in FUNDING_GROUPS:
        raise ValueError(f"unknown group {group!r}")
    edges = funding_band_edges() if edges is None else edges
    rows = db.rows("funding_grouped", **filters.params(), group=group, lang=lang, edges=list(edges))
    return tuple(FundingGroup(*r) for r in rows)


def funding_groups(
    filters: FundingFilters,
    group: str,
    lang: str,
    edges: tuple[Decimal, ...] | None = None,
) -> tuple[FundingGroup, ...]:
    # The edges are resolved before the cache, so that they are part of its key.
    return _funding_groups(filters, group, lang, funding_band_edges() if edges is None else edges)


@cached
def _funding_groups(
    filters: FundingFilters, group: str, lang: str, edges: tuple[Decimal, ...]
) -> tuple[FundingGroup, ...]:
    return read_funding_groups(database(), filters, group, lang, edges)


@cached
def funding_grants(
    filters: FundingFilters,
    lang: str,
    sort_key: str,
    descending: bool,
    limit: int | None,
    offset: int,
) -> tuple[FundingGrant, ...]:
    """The filtered grants sorted by `sort_key` (one of FUNDING_SORT_KEYS); limit None: all."""
    if sort_key not in FUNDING_SORT_KEYS:
        raise ValueError(f"unknown sort key {sort_key!r}")
    rows = database().rows(
        "funding_grants",
        **filters.params(),
        lang=lang,
        sort_key=sort_key,
        descending=descending,
        limit=limit,
        offset=offset,
    )
    return tuple(FundingGrant(*r) for r in rows)


# --- scaling (/skalierung) -----------------------------------------------------------------------


@dataclass(frozen=True)
class ScalingCandidates:
    """Candidates (raw score inputs) under the filters, and the maxima over all solutions."""

    candidates: tuple[Any, ...]  # dashboard.scaling.Candidate
    max_votes: int
    max_demand: int


@dataclass(frozen=True)
class TransferCell:
    """One cell of the transfer matrix: an action field in a Regierungsbezirk (or district)."""

    action_field: str
    action_field_name: str
    region_key: str  # the Regierungsbezirk's name, or a district's AGS
    region_name: str
    regierungsbezirk: str
    challenges: int
    solutions: int
    unsolved: int
    eur_grants: Decimal


@cached
def scaling_candidates(
    event_id: str | None, action_field: str | None, status: str | None, lang: str
) -> ScalingCandidates:
    from dashboard.scaling import Candidate

    rows = database().records(
        "scaling_candidates", event_id=event_id, action_field=action_field, status=status, lang=lang
    )
    # Every row carries the maxima over all solutions (the filters come after them).
    first = rows[0] if rows else {"max_votes": 0, "max_demand": 0}
    candidates = tuple(
        Candidate(
            solution_id=r["solution_id"],
            title=r["title"],
            action_field=r["action_field"],
            action_field_name=r["action_field_name"] or r["action_field"],
            regierungsbezirk=r["regierungsbezirk"],
            status=r["status"],
            award=r["award"],
            votes=int(r["votes"]),
            mean_rating=None if r["mean_rating"] is None else float(r["mean_rating"]),
            raters=int(r["raters"]),
            demand_elsewhere=int(r["demand_elsewhere"]),
            is_digital=bool(r["is_digital"]),
            maturity=r["maturity"],
        )
        for r in rows
    )
    max_votes, max_demand = int(first["max_votes"] or 0), int(first["max_demand"] or 0)
    return ScalingCandidates(candidates, max_votes, max_demand)


@cached
def scaling_regions() -> tuple[str, ...]:
    return tuple(r for (r,) in database().rows("scaling_regions"))


@cached
def transfer_matrix(
    regierungsbezirk: str | None, action_field: str | None, lang: str
) -> tuple[TransferCell, ...]:
    """Every field × region cell (zeros included); regions are the districts of
    `regierungsbezirk` when one is given, else the Regierungsbezirke."""
    rows = database().rows(
        "scaling_matrix", regierungsbezirk=regierungsbezirk, action_field=action_field, lang=lang
    )
    return tuple(TransferCell(*r) for r in rows)
