"""The solution gallery (/loesungen): the visitor's search as a filter object, the facets with
their counts, and one page of cards."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from dashboard import contract, db, urls
from dashboard.i18n import t
from dashboard.search import search_terms

PAGE_SIZE = 24
SORTS = ("relevance", "newest", "votes", "title")
TAG_FACET_SIZE = 15
AWARDS = ("winner", "finalist", "none")  # "none": solutions without an award
DIGITAL = ("digital", "analog")
MAX_TAGS = 20  # chosen tags; more only come from a hand-made URL
MAX_TEXT = 200  # the search box's length (search_terms reads the first 100 characters)
# URL parameters (German, like the other pages')
QUERY, EVENT, FIELD, AWARD = "q", "veranstaltung", "feld", "auszeichnung"
DIGITAL_PARAM, MATURITY, TAG, SORT, PAGE = "umsetzung", "reife", "tag", "sortierung", "seite"
# How the results are shown: cards (the default) or a compact list; kept in the URL.
VIEW, CARDS, LIST = "ansicht", "kacheln", "liste"
VIEWS = (CARDS, LIST)
# (URL parameter, GalleryFilters field and GalleryFacets field, prefix of the option labels'
# message keys); without a prefix, an option's label comes from the data or is the value.
FACETS = (
    (EVENT, "events", None),
    (FIELD, "fields", None),
    (AWARD, "awards", "gallery_award"),
    (MATURITY, "maturities", "gallery_maturity"),
    (TAG, "tags", None),
)


# --- what the database answers --------------------------------------------------------------


@dataclass(frozen=True)
class FacetRow:
    facet: str  # total, event, field, award, digital, maturity, tag
    value: str | None
    label: str | None
    solutions: int
    position: int


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
    district_name: str | None


gallery_facets = db.reader("gallery_facets", FacetRow)
gallery_results = db.reader("gallery_results", SolutionCard)


# --- the filter object ----------------------------------------------------------------------


@dataclass(frozen=True)
class GalleryFilters:
    """A visitor's search: free text, the facets' choices (empty: all), the order and the page
    asked for. Built once from the URL (`from_url`), the source of the SQL parameters (`sql`),
    the URL (`url_values`) and the chips (`chips`)."""

    query: str = ""
    events: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    awards: tuple[str, ...] = ()
    digital: str = ""
    maturities: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sort: str = "relevance"
    page: int = 1

    @classmethod
    def from_url(cls, params: Mapping[str, Any], lang: str) -> GalleryFilters:
        """The URL's search, validated: unknown choices are dropped, the text and the tags
        bounded, an unknown order is relevance."""
        everything = facets(cls(), lang)
        known = {
            EVENT: {o.value for o in everything.events},
            FIELD: {o.value for o in everything.fields},
            AWARD: set(AWARDS),
            MATURITY: {o.value for o in everything.maturities},
        }
        chosen = {
            name: tuple(v for v in urls.many(params.get(name)) if name not in known
                        or v in known[name])
            for name, _, _ in FACETS
        }  # fmt: skip
        digital, sort = urls.first(params.get(DIGITAL_PARAM)), urls.first(params.get(SORT))
        try:
            page = max(1, int(urls.first(params.get(PAGE)) or 1))
        except ValueError:
            page = 1
        return cls(
            query=urls.first(params.get(QUERY))[:MAX_TEXT],
            digital=digital if digital in DIGITAL else "",
            sort=sort if sort in SORTS else "relevance",
            page=page,
            **{attr: chosen[name] for name, attr, _ in FACETS if name != TAG},
            tags=chosen[TAG][:MAX_TAGS],
        )

    def sql(self) -> dict[str, Any]:
        """The bound parameters of solutions_found; an empty choice is NULL (no filter)."""
        return {
            "terms": list(search_terms(self.query)) or None,
            "events": list(self.events) or None,
            "fields": list(self.fields) or None,
            "awards": list(self.awards) or None,
            "digital": self.digital or None,
            "maturities": list(self.maturities) or None,
            "tags": list(self.tags) or None,
        }

    def url_values(self) -> dict[str, Any]:
        """The state as URL parameters (for urls.url_query)."""
        return {
            QUERY: self.query,
            **{name: list(getattr(self, attr)) for name, attr, _ in FACETS},
            DIGITAL_PARAM: self.digital,
            SORT: self.sort,
            PAGE: self.page,
        }

    def chips(self, found: GalleryFacets, lang: str) -> list[tuple[str, dict[str, Any]]]:
        """Each active choice in words, with the URL values of the same search without it."""
        values = self.url_values()
        chips = []
        if self.query:
            chips.append((t("gallery_search_chip", self.query, lang=lang), {QUERY: ""}))
        for name, attr, prefix in FACETS:
            labels = {o.value: o.label for o in getattr(found, attr)}
            for value in values[name]:
                rest = [v for v in values[name] if v != value]
                chips.append((label(value, labels.get(value), prefix, lang), {name: rest}))
        if self.digital:
            chips.append((t(f"gallery_digital_{self.digital}", lang=lang), {DIGITAL_PARAM: ""}))
        return chips


def view_of(params: Mapping[str, Any]) -> str:
    """The URL's way of showing the results; anything unknown is the cards."""
    view = urls.first(params.get(VIEW))
    return view if view in VIEWS else CARDS


def label(value: str, named: str | None, prefix: str | None, lang: str) -> str:
    """An option's label: its name from the data, else its message, else the value itself."""
    return named or (t(f"{prefix}_{value}", lang=lang) if prefix else value)


# --- facets and cards -----------------------------------------------------------------------


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
class GalleryPage:
    """One page of the gallery: the page actually shown (clamped), its cards and the facets."""

    total: int
    page: int
    pages: int
    cards: tuple[SolutionCard, ...]
    facets: GalleryFacets


def facets(filters: GalleryFilters, lang: str = "de") -> GalleryFacets:
    """Result count and facet counts for `filters`; fixed choices appear even when they count 0."""
    rows = gallery_facets(**filters.sql(), lang=lang, tag_limit=TAG_FACET_SIZE)
    found: dict[str, list[FacetOption]] = {}
    total = 0
    for row in rows:
        if row.facet == "total":
            total = row.solutions
        else:
            found.setdefault(row.facet, []).append(FacetOption(row.value, row.label, row.solutions))
    return GalleryFacets(
        total=total,
        events=tuple(found.get("event", ())),
        fields=tuple(found.get("field", ())),
        awards=_fixed_options(found.get("award", ()), AWARDS),
        digital=_fixed_options(found.get("digital", ()), DIGITAL),
        maturities=_fixed_options(found.get("maturity", ()), contract.MATURITIES),
        tags=tuple(found.get("tag", ())),
    )


def _fixed_options(
    counted: Iterable[FacetOption], values: Iterable[str]
) -> tuple[FacetOption, ...]:
    by_value = {o.value: o.solutions for o in counted}
    return tuple(FacetOption(v, None, by_value.get(v, 0)) for v in values)


def cards(filters: GalleryFilters, page: int, lang: str = "de") -> tuple[SolutionCard, ...]:
    """The cards of page `page` (from 1) for `filters` in their order."""
    return gallery_results(
        **filters.sql(),
        sort=filters.sort,
        lang=lang,
        limit=PAGE_SIZE,
        offset=(max(page, 1) - 1) * PAGE_SIZE,
    )


def gallery(filters: GalleryFilters, lang: str = "de") -> GalleryPage:
    """The gallery for a search; a page beyond the last shows the last, one below 1 the first."""
    found = facets(filters, lang)
    pages = max(1, -(-found.total // PAGE_SIZE))
    page = min(max(filters.page, 1), pages)
    shown = cards(filters, page, lang) if found.total else ()
    return GalleryPage(found.total, page, pages, shown, found)
