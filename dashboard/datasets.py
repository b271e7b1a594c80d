"""The tables behind every chart: URL filters → DataTable (what the chart plots, its table view
and its downloads). Each is registered with `exports.dataset`, so /daten/<name>.csv serves it.

Sections per page; add a page's datasets in its own section.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from dashboard import data
from dashboard.exports import DATE, INTEGER, MONEY, PERCENT, Column, DataTable, dataset
from dashboard.i18n import t

# --- overview ---------------------------------------------------------------------------------

# --- challenges (/herausforderungen) ----------------------------------------------------------

EVENT_PARAM, FIELD_PARAM, REGION_PARAM = "veranstaltung", "feld", "region"
SORT_PARAM, PAGE_PARAM = "sortierung", "seite"
# URL sort keys (German, like the other parameters) → the query's sort keys.
UNSOLVED_SORTS = {
    "titel": "title",
    "organisation": "organisation",
    "feld": "action_field",
    "kreis": "district",
    "datum": "posted_on",
}
DEFAULT_SORT = "datum"
UNSOLVED_PAGE_SIZE = 20
UNSOLVED_DATASET = "herausforderungen_ohne_loesung"


def challenge_filters(url_params: Mapping[str, str], lang: str) -> data.ChallengeFilters:
    """The URL's filters, validated: an unknown code is ignored (shown as "all")."""
    options = data.challenge_filter_options(lang)
    event = url_params.get(EVENT_PARAM)
    field = url_params.get(FIELD_PARAM)
    region = url_params.get(REGION_PARAM)
    # `region` is a district's AGS or a Regierungsbezirk's name; the two never look alike.
    return data.ChallengeFilters(
        event_id=event if event in {e.code for e in options.events} else None,
        action_field=field if field in {f.code for f in options.fields} else None,
        regierungsbezirk=region if region in options.regierungsbezirke else None,
        district_ags=region if region in {d.ags for d in options.districts} else None,
    )


def challenge_query(filters: data.ChallengeFilters, **extra: str) -> str:
    """The query string of `filters` (what the URL holds), for links to the downloads."""
    params = {
        EVENT_PARAM: filters.event_id,
        FIELD_PARAM: filters.action_field,
        REGION_PARAM: filters.regierungsbezirk or filters.district_ags,
        **extra,
    }
    return urlencode({k: v for k, v in params.items() if v})


def _share(count: int, total: int) -> float:
    # Four places: 33,49 % in the table, and a CSV cell that stays readable (0,3349).
    return round(count / total, 4)


def _counts(name: str, title: str, label: str, rows: list[tuple], lang: str) -> DataTable:
    """(label, challenges) rows with each one's share of the selection."""
    total = sum(n for _, n in rows)
    return DataTable(
        name=name,
        title=title,
        columns=(
            Column("label", label),
            Column("challenges", t("challenges_col_challenges", lang=lang), INTEGER),
            Column("share", t("challenges_col_share", lang=lang), PERCENT),
        ),
        # No challenge at all: no rows, so the page says "no data" instead of drawing zero bars.
        rows=tuple((label, n, _share(n, total)) for label, n in rows) if total else (),
    )


@dataset("herausforderungen_handlungsfelder")
def challenges_by_field(url_params: Mapping[str, str], lang: str) -> DataTable:
    counts = data.challenges_by_field(challenge_filters(url_params, lang), lang)
    return _counts(
        "herausforderungen_handlungsfelder",
        t("challenges_by_field_title", lang=lang),
        t("challenges_col_field", lang=lang),
        [(c.name, c.challenges) for c in counts],
        lang,
    )


@dataset("herausforderungen_spitzenverbaende")
def challenges_by_association(url_params: Mapping[str, str], lang: str) -> DataTable:
    counts = data.challenges_by_association(challenge_filters(url_params, lang), lang)
    unassigned = t("challenges_no_association", lang=lang)
    return _counts(
        "herausforderungen_spitzenverbaende",
        t("challenges_by_association_title", lang=lang),
        t("challenges_col_association", lang=lang),
        [(c.name if c.code else unassigned, c.challenges) for c in counts],
        lang,
    )


@dataset("herausforderungen_regierungsbezirke")
def challenges_by_regierungsbezirk(url_params: Mapping[str, str], lang: str) -> DataTable:
    counts = data.challenges_by_regierungsbezirk(challenge_filters(url_params, lang))
    return _counts(
        "herausforderungen_regierungsbezirke",
        t("challenges_by_regierungsbezirk_title", lang=lang),
        t("challenges_col_regierungsbezirk", lang=lang),
        [(c.name, c.challenges) for c in counts],
        lang,
    )


@dataset("herausforderungen_kreise")
def challenges_by_district(url_params: Mapping[str, str], lang: str) -> DataTable:
    """Every district of the chosen region, also those without a challenge (that is news too)."""
    counts = data.challenges_by_district(challenge_filters(url_params, lang))
    total = sum(c.challenges for c in counts)
    return DataTable(
        name="herausforderungen_kreise",
        title=t("challenges_by_district_title", lang=lang),
        columns=(
            Column("label", t("challenges_col_district", lang=lang)),
            Column("regierungsbezirk", t("challenges_col_regierungsbezirk", lang=lang)),
            Column("challenges", t("challenges_col_challenges", lang=lang), INTEGER),
            Column("share", t("challenges_col_share", lang=lang), PERCENT),
        ),
        rows=tuple(
            (c.name, c.regierungsbezirk, c.challenges, _share(c.challenges, total)) for c in counts
        )
        if total
        else (),
    )


@dataset("herausforderungen_zeitverlauf")
def challenge_timeline(url_params: Mapping[str, str], lang: str) -> DataTable:
    """Challenges posted per day, or per week when the period is longer than two months."""
    timeline = data.challenge_timeline(challenge_filters(url_params, lang))
    period = "challenges_col_day" if timeline.unit == "day" else "challenges_col_week"
    return DataTable(
        name="herausforderungen_zeitverlauf",
        title=t("challenges_timeline_title", lang=lang),
        columns=(
            Column(timeline.unit, t(period, lang=lang), DATE),
            Column("challenges", t("challenges_col_challenges", lang=lang), INTEGER),
        ),
        rows=timeline.points,
    )


@dataset("herausforderungen_loesungsabdeckung")
def challenge_coverage(url_params: Mapping[str, str], lang: str) -> DataTable:
    """Per action field: challenges with no solution, exactly one, two or more."""
    coverage = data.challenge_coverage(challenge_filters(url_params, lang), lang)
    rows = tuple((c.name, c.none, c.one, c.two_plus) for c in coverage)
    if not any(sum(row[1:]) for row in rows):
        rows = ()
    return DataTable(
        name="herausforderungen_loesungsabdeckung",
        title=t("challenges_coverage_title", lang=lang),
        columns=(
            Column("label", t("challenges_col_field", lang=lang)),
            Column("none", t("challenges_col_none", lang=lang), INTEGER),
            Column("one", t("challenges_col_one", lang=lang), INTEGER),
            Column("two_plus", t("challenges_col_two_plus", lang=lang), INTEGER),
        ),
        rows=rows,
    )


@dataclass(frozen=True)
class UnsolvedPage:
    """One page of the table of challenges without a solution, and where it stands."""

    table: DataTable
    sort: str  # a key of UNSOLVED_SORTS
    descending: bool
    page: int
    pages: int
    total: int


def unsolved_sort(value: str | None) -> tuple[str, bool]:
    """`sortierung` (`titel`, `-datum` …) → (sort key, descending); unknown → the default."""
    value = value or ""
    key = value.removeprefix("-")
    if key not in UNSOLVED_SORTS:
        return DEFAULT_SORT, False
    return key, value.startswith("-")


def unsolved_page(url_params: Mapping[str, str], lang: str) -> UnsolvedPage:
    """The page `seite` (clamped to the pages there are) of the unsolved challenges, sorted."""
    filters = challenge_filters(url_params, lang)
    sort, descending = unsolved_sort(url_params.get(SORT_PARAM))
    total = data.challenge_kpis(filters).without_solution
    pages = max(1, math.ceil(total / UNSOLVED_PAGE_SIZE))
    try:
        page = int(url_params.get(PAGE_PARAM) or 1)
    except ValueError:
        page = 1
    page = min(max(page, 1), pages)
    rows = data.unsolved_challenges(
        filters,
        lang,
        UNSOLVED_SORTS[sort],
        descending,
        UNSOLVED_PAGE_SIZE,
        (page - 1) * UNSOLVED_PAGE_SIZE,
    )
    return UnsolvedPage(_unsolved_table(rows, lang), sort, descending, page, pages, total)


@dataset(UNSOLVED_DATASET)
def unsolved_challenges(url_params: Mapping[str, str], lang: str) -> DataTable:
    """Every challenge without a solution under the filters, in the table's sort order."""
    sort, descending = unsolved_sort(url_params.get(SORT_PARAM))
    rows = data.unsolved_challenges(
        challenge_filters(url_params, lang), lang, UNSOLVED_SORTS[sort], descending, None, 0
    )
    return _unsolved_table(rows, lang)


def _unsolved_table(rows: tuple[data.UnsolvedChallenge, ...], lang: str) -> DataTable:
    return DataTable(
        name=UNSOLVED_DATASET,
        title=t("challenges_unsolved_title", lang=lang),
        columns=(
            Column("titel", t("challenges_col_title", lang=lang)),
            Column("organisation", t("challenges_col_organisation", lang=lang)),
            Column("feld", t("challenges_col_field", lang=lang)),
            Column("kreis", t("challenges_col_district", lang=lang)),
            Column("datum", t("challenges_col_posted_on", lang=lang), DATE),
        ),
        rows=tuple(
            (r.title, r.organisation, r.action_field, r.district, r.posted_on) for r in rows
        ),
    )


# --- gallery (/loesungen) -----------------------------------------------------------------------

# --- programme (/programm) ----------------------------------------------------------------------

# --- internal (/intern), leadership and above ------------------------------------------------

PIPELINE_ORDER = ("new", "reviewing", "shortlisted", "matched", "funded", "scaling", "declined")


@dataset("intern_pipeline", access="leadership")
def pipeline(url_params: Mapping[str, str], lang: str) -> DataTable:
    """Solutions per curation status (rows) and event (columns)."""
    rows = data.pipeline_by_event()
    events = list(dict.fromkeys(r["event_id"] for r in rows))
    names = {r["event_id"]: r["event_name"] for r in rows}
    counts = {(r["status"], r["event_id"]): r["solutions"] for r in rows}
    return DataTable(
        name="intern_pipeline",
        title=t("intern_pipeline_title"),
        columns=(
            Column("status", t("intern_col_status")),
            *(Column(e, names[e], INTEGER) for e in events),
            Column("total", t("intern_col_total"), INTEGER),
        ),
        rows=tuple(
            (
                t(f"status_{status}"),
                *(counts.get((status, e), 0) for e in events),
                sum(counts.get((status, e), 0) for e in events),
            )
            for status in PIPELINE_ORDER
        ),
    )


@dataset("intern_paten_budgets", access="leadership")
def patron_budgets(url_params: Mapping[str, str], lang: str) -> DataTable:
    """Each patron's budget, what was pledged (events and curation) and what is left."""
    return DataTable(
        name="intern_paten_budgets",
        title=t("intern_budgets_title"),
        columns=(
            Column("name", t("intern_col_patron")),
            Column("pledged", t("intern_col_pledged"), MONEY),
            Column("remaining", t("intern_col_remaining"), MONEY),
            Column("budget", t("intern_col_budget"), MONEY),
        ),
        rows=tuple(
            (r["name"], r["pledged_eur"], r["remaining_eur"], r["budget_eur"])
            for r in data.patron_budgets()
        ),
    )


@dataset("intern_shortlist_handlungsfelder", access="leadership")
def shortlist_by_field(url_params: Mapping[str, str], lang: str) -> DataTable:
    """Ideas on the shortlist per action field."""
    return DataTable(
        name="intern_shortlist_handlungsfelder",
        title=t("intern_shortlist_title"),
        columns=(
            Column("field", t("intern_col_field")),
            Column("shortlisted", t("intern_col_shortlisted"), INTEGER),
        ),
        rows=tuple(
            (r["name_en"] if lang == "en" else r["name_de"], r["shortlisted"])
            for r in data.shortlist_by_field()
        ),
    )

# --- curation board (/admin/kuratierung), curator and above ------------------------------------

# --- patron matching (/admin/paten) and shortlist export, curator and above ---------------------
