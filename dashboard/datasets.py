"""The tables behind every chart: URL filters → DataTable (what the chart plots, its table view
and its downloads). Each is registered with `exports.dataset`, so /daten/<name>.csv serves it.

Sections per page; add a page's datasets in its own section.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from dashboard import audit, data, patronage
from dashboard.exports import DATE, INTEGER, MONEY, NUMBER, PERCENT, Column, DataTable, dataset
from dashboard.i18n import format_money_whole, t

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
class TablePage:
    """One page of a server-side table (the unsolved challenges, the grants), and where it
    stands: its sort (a key of the table's sorts), the page and how many there are."""

    table: DataTable
    sort: str
    descending: bool
    page: int
    pages: int
    total: int


def url_sort(value: str | None, sorts: Mapping[str, object], default: str) -> tuple[str, bool]:
    """A `sortierung` value (`titel`, `-datum` …) → (sort key, descending); empty or unknown →
    the `default` value's."""
    value = value or default
    key = value.removeprefix("-")
    if key not in sorts:
        return url_sort(default, sorts, default)
    return key, value.startswith("-")


def url_page(value: str | None, total: int, size: int) -> tuple[int, int]:
    """A `seite` value → (page, pages): a number, clamped to the pages `total` rows fill."""
    pages = max(1, math.ceil(total / size))
    try:
        page = int(value or 1)
    except ValueError:
        page = 1
    return min(max(page, 1), pages), pages


def unsolved_sort(value: str | None) -> tuple[str, bool]:
    return url_sort(value, UNSOLVED_SORTS, DEFAULT_SORT)


def unsolved_page(url_params: Mapping[str, str], lang: str) -> TablePage:
    """The page `seite` (clamped to the pages there are) of the unsolved challenges, sorted."""
    filters = challenge_filters(url_params, lang)
    sort, descending = unsolved_sort(url_params.get(SORT_PARAM))
    total = data.challenge_kpis(filters).without_solution
    page, pages = url_page(url_params.get(PAGE_PARAM), total, UNSOLVED_PAGE_SIZE)
    rows = data.unsolved_challenges(
        filters,
        lang,
        UNSOLVED_SORTS[sort],
        descending,
        UNSOLVED_PAGE_SIZE,
        (page - 1) * UNSOLVED_PAGE_SIZE,
    )
    return TablePage(_unsolved_table(rows, lang), sort, descending, page, pages, total)


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


@dataset("kuratierung", access="curator")
def curation_board(url_params: Mapping[str, str], lang: str) -> DataTable:
    """Every solution under the board's filters (from the URL), in the board's sort order."""
    from flask_login import current_user

    from dashboard import curation_board as board
    from dashboard.i18n import format_datetime

    rows = board.all_rows(url_params, lang, getattr(current_user, "username", None))
    return DataTable(
        name=board.DATASET,
        title=t("curation_download_title", lang=lang),
        columns=(
            Column("id", t("curation_col_id", lang=lang)),
            Column("titel", t("curation_col_title", lang=lang)),
            Column("veranstaltung", t("curation_col_event", lang=lang)),
            Column("feld", t("curation_col_field", lang=lang)),
            Column("status", t("curation_col_status", lang=lang)),
            Column("bewertung", t("curation_col_rating", lang=lang), NUMBER),
            Column("bewertende", t("curation_col_raters", lang=lang), INTEGER),
            Column("paten", t("curation_col_patrons", lang=lang), INTEGER),
            Column("notizen", t("curation_col_notes", lang=lang)),
            Column("version", t("curation_col_version", lang=lang), INTEGER),
            Column("geaendert_von", t("curation_col_updated_by", lang=lang)),
            Column("geaendert_am", t("curation_col_updated_at", lang=lang)),
        ),
        rows=tuple(
            (
                r.solution_id,
                r.title,
                r.event_name or r.event_id,
                r.action_field_name or r.action_field,
                t(f"status_{r.status}", lang=lang),
                None if r.mean_rating is None else round(r.mean_rating, 2),
                r.raters,
                r.patrons,
                r.notes,
                r.version,
                r.updated_by,
                format_datetime(r.updated_at, lang=lang) if r.updated_at else None,
            )
            for r in rows
        ),
    )


# --- patron matching (/admin/paten) and shortlist export, curator and above ---------------------

SHORTLIST_DATASET = "shortlist"
CRITERIA_COLUMNS = (
    ("impact", "patrons_col_impact"),
    ("transferability", "patrons_col_transferability"),
    ("readiness", "patrons_col_readiness"),
    ("cost_effectiveness", "patrons_col_cost_effectiveness"),
)


@dataset(SHORTLIST_DATASET, access="curator")
def shortlist(url_params: Mapping[str, str], lang: str) -> DataTable:
    """The shortlist for a patron meeting (`veranstaltung`, `feld`, `status` from the URL): each
    solution with its challenge, team, video, ratings, notes and the best-fitting patron."""
    filters = patronage.shortlist_filters(url_params)
    rows = []
    for r in data.shortlist_rows(filters, lang):
        found = patronage.suggestions(r.solution_id)
        best = found.best if found else None
        rows.append(
            (
                r.title,
                f"/loesungen/{r.solution_id}",
                r.challenge_title,
                r.organisation,
                r.action_field_name,
                r.team_name,
                r.video_url,
                r.rating_mean,
                r.raters,
                *(getattr(r, key) for key, _ in CRITERIA_COLUMNS),
                r.notes,
                best.name if best else None,
                "; ".join(best.reason_texts(lang, positive_only=True)) if best else None,
            )
        )
    return DataTable(
        name=SHORTLIST_DATASET,
        title=t("patrons_shortlist_table_title", lang=lang),
        columns=(
            Column("titel", t("patrons_col_solution", lang=lang)),
            Column("link", t("patrons_col_link", lang=lang)),
            Column("herausforderung", t("patrons_col_challenge", lang=lang)),
            Column("organisation", t("patrons_col_organisation", lang=lang)),
            Column("feld", t("patrons_col_field", lang=lang)),
            Column("team", t("patrons_col_team", lang=lang)),
            Column("video", t("patrons_col_video", lang=lang)),
            Column("bewertung", t("patrons_col_rating", lang=lang), NUMBER),
            Column("bewertende", t("patrons_col_raters", lang=lang), INTEGER),
            *(Column(key, t(label, lang=lang), NUMBER) for key, label in CRITERIA_COLUMNS),
            Column("notizen", t("patrons_col_notes", lang=lang)),
            Column("pate", t("patrons_col_suggested", lang=lang)),
            Column("begruendung", t("patrons_col_reason", lang=lang)),
        ),
        rows=tuple(rows),
    )


# --- audit log (/admin/protokoll), curator and above -------------------------------------------


@dataset(audit.DATASET, access="curator")
def audit_log(url_params: Mapping[str, str], lang: str) -> DataTable:
    """The audit log as filtered in the URL (`person`, `aktion`, `objekt`, `von`, `bis`)."""
    return audit.log_table(url_params, lang)


# --- scaling (/skalierung), leadership and above ---

SCALING_STATUS_PARAM, SCALING_REGION_PARAM, SCALING_CANDIDATE_PARAM = "status", "bezirk", "kandidat"
SCALING_TOP = 50
SCALING_RANKING_DATASET = "skalierung_rangliste"
SCALING_MATRIX_DATASET = "skalierung_transferkarte"


@dataclass(frozen=True)
class ScalingSelection:
    """The URL's choices on /skalierung, validated (unknown → None, i.e. "all" or default)."""

    event_id: str | None
    action_field: str | None
    status: str | None
    weights: dict[str, int]
    regierungsbezirk: str | None  # the matrix shows its districts
    candidate: str | None  # a solution id whose transfer targets the matrix marks


def scaling_selection(url_params: Mapping[str, str]) -> ScalingSelection:
    from dashboard import scaling
    from dashboard.curation import STATUSES

    options = data.challenge_filter_options("de")
    event = url_params.get(EVENT_PARAM)
    field = url_params.get(FIELD_PARAM)
    status = url_params.get(SCALING_STATUS_PARAM)
    region = url_params.get(SCALING_REGION_PARAM)
    candidate = url_params.get(SCALING_CANDIDATE_PARAM)
    return ScalingSelection(
        event_id=event if event in {e.code for e in options.events} else None,
        action_field=field if field in {f.code for f in options.fields} else None,
        status=status if status in STATUSES else None,
        weights=scaling.weights_from_params(url_params),
        regierungsbezirk=region if region in data.scaling_regions() else None,
        candidate=candidate or None,
    )


def scaling_ranking(selection: ScalingSelection, lang: str) -> tuple[list, int]:
    """The top SCALING_TOP ranked candidates (dashboard.scaling.Ranked) and how many there are."""
    from dashboard import scaling

    found = data.scaling_candidates(
        selection.event_id, selection.action_field, selection.status, lang
    )
    maxima = scaling.Maxima(found.max_votes, found.max_demand)
    ranked = scaling.rank(found.candidates, maxima, selection.weights)
    return ranked[:SCALING_TOP], len(ranked)


@dataset(SCALING_RANKING_DATASET, access="leadership")
def scaling_ranking_table(url_params: Mapping[str, str], lang: str) -> DataTable:
    """The ranking as the page shows it (top 50) with every component, for the URL's weights."""
    from dashboard import scaling

    selection = scaling_selection(url_params)
    ranked, _total = scaling_ranking(selection, lang)
    weights = ", ".join(
        f"{t(f'scaling_short_{name}', lang=lang)} {selection.weights[name]}"
        for name in scaling.COMPONENTS
    )
    rows = tuple(
        (
            r.rank,
            r.candidate.solution_id,
            r.candidate.title,
            f"/loesungen/{r.candidate.solution_id}",
            r.candidate.action_field_name,
            r.candidate.regierungsbezirk,
            t(f"status_{r.candidate.status}", lang=lang),
            round(r.score, 4),
            *(round(r.components[name], 4) for name in scaling.COMPONENTS),
            r.candidate.votes,
            None if r.candidate.mean_rating is None else round(r.candidate.mean_rating, 2),
            r.candidate.demand_elsewhere,
            weights,
        )
        for r in ranked
    )
    return DataTable(
        name=SCALING_RANKING_DATASET,
        title=t("scaling_ranking_title", lang=lang),
        columns=(
            Column("rang", t("scaling_col_rank", lang=lang), INTEGER),
            Column("kennung", t("scaling_col_id", lang=lang)),
            Column("titel", t("scaling_col_solution", lang=lang)),
            Column("link", t("scaling_col_link", lang=lang)),
            Column("feld", t("scaling_col_field", lang=lang)),
            Column("regierungsbezirk", t("scaling_col_region", lang=lang)),
            Column("status", t("scaling_col_status", lang=lang)),
            Column("wert", t("scaling_col_score", lang=lang), NUMBER),
            *(
                Column(name, t(f"scaling_component_{name}", lang=lang), NUMBER)
                for name in scaling.COMPONENTS
            ),
            Column("stimmen", t("scaling_col_votes_raw", lang=lang), INTEGER),
            Column("bewertung", t("scaling_col_rating_raw", lang=lang), NUMBER),
            Column("bedarf", t("scaling_col_demand_raw", lang=lang), INTEGER),
            Column("gewichte", t("scaling_col_weights", lang=lang)),
        ),
        rows=rows,
    )


def scaling_matrix(selection: ScalingSelection, lang: str) -> tuple:
    """The matrix cells, the chosen candidate (or None) and the cells it could scale into."""
    from dashboard import scaling

    cells = data.transfer_matrix(selection.regierungsbezirk, selection.action_field, lang)
    everyone = data.scaling_candidates(None, None, None, lang)
    chosen = next((c for c in everyone.candidates if c.solution_id == selection.candidate), None)
    targets = scaling.transfer_targets(cells, chosen) if chosen else set()
    return cells, chosen, targets


@dataset(SCALING_MATRIX_DATASET, access="leadership")
def scaling_matrix_table(url_params: Mapping[str, str], lang: str) -> DataTable:
    """The transfer matrix, one row per cell, with its gap and (for a candidate) its target flag."""
    selection = scaling_selection(url_params)
    cells, chosen, targets = scaling_matrix(selection, lang)
    yes, no = t("scaling_yes", lang=lang), t("scaling_no", lang=lang)
    columns = [
        Column("feld", t("scaling_col_field", lang=lang)),
        Column("region", t("scaling_col_region_name", lang=lang)),
        Column("regierungsbezirk", t("scaling_col_region", lang=lang)),
        Column("herausforderungen", t("scaling_col_challenges", lang=lang), INTEGER),
        Column("loesungen", t("scaling_col_solutions", lang=lang), INTEGER),
        Column("ohne_loesung", t("scaling_col_unsolved", lang=lang), INTEGER),
        Column("foerderung", t("scaling_col_grants", lang=lang), MONEY),
        Column("bedarf_ohne_loesung", t("scaling_col_gap", lang=lang)),
    ]
    if chosen:
        columns.append(Column("ziel", t("scaling_col_target", lang=lang)))
    rows = tuple(
        (
            c.action_field_name,
            c.region_name,
            c.regierungsbezirk,
            c.challenges,
            c.solutions,
            c.unsolved,
            c.eur_grants,
            yes if c.unsolved else no,
            *([yes if (c.action_field, c.region_key) in targets else no] if chosen else []),
        )
        for c in cells
    )
    return DataTable(
        name=SCALING_MATRIX_DATASET,
        title=t("scaling_matrix_table_title", lang=lang),
        columns=tuple(columns),
        rows=rows,
    )


# --- funding (/foerderung) ----------------------------------------------------------------------

FUNDING_YEAR_FROM_PARAM, FUNDING_YEAR_TO_PARAM = "von", "bis"
FUNDING_FIELD_PARAM, FUNDING_ASSOCIATION_PARAM = "feld", "verband"
FUNDING_REGION_PARAM, FUNDING_PROGRAMME_PARAM, FUNDING_BAND_PARAM = "region", "programm", "betrag"
FUNDING_DRILL_PARAM, FUNDING_SORT_PARAM, FUNDING_PAGE_PARAM = "ebene", "sortierung", "seite"
# In the URL, "ohne" chooses the grants without an action field or association ("ohne Zuordnung").
FUNDING_UNASSIGNED = "ohne"
FUNDING_SORTS = {
    "titel": "title",
    "empfaenger": "recipient",
    "feld": "field",
    "kreis": "district",
    "betrag": "amount",
    "datum": "award_date",
}
FUNDING_DEFAULT_SORT = "-datum"
FUNDING_PAGE_SIZE = 20
FUNDING_TREE_CHILDREN = 20  # the largest children of a node; the rest become "Sonstige"
FUNDING_GRANTS_DATASET = "foerderungen"
FUNDING_TREE_DATASET = "foerderung_baum"


def _code(value: str | None, codes: set[str]) -> str | None:
    """A validated code; "ohne" → "" (without one); unknown → None ("all")."""
    if value == FUNDING_UNASSIGNED:
        return ""
    return value if value in codes else None


def _year(value: str | None, years: tuple[int, ...]) -> int | None:
    return int(value) if value and value.isdigit() and int(value) in years else None


def funding_bands(
    edges: tuple | None = None,
) -> tuple[tuple[Decimal | None, Decimal | None], ...]:
    """(min, max) of each euro amount band: under the first edge, …, the last edge and more."""
    bounds = (None, *(data.funding_band_edges() if edges is None else edges), None)
    return tuple(zip(bounds[:-1], bounds[1:], strict=True))


def funding_band_label(index: int, lang: str, edges: tuple | None = None) -> str:
    low, high = funding_bands(edges)[index]
    money = [format_money_whole(v, lang=lang) for v in (low, high) if v is not None]
    if low is None:
        return t("funding_band_under", money[0], lang=lang)
    if high is None:
        return t("funding_band_over", money[0], lang=lang)
    return t("funding_band_between", *money, lang=lang)


def funding_filters(url_params: Mapping[str, str], lang: str) -> data.FundingFilters:
    """The URL's filters, validated: an unknown value is ignored (shown as "all")."""
    options = data.funding_options(lang)
    region = url_params.get(FUNDING_REGION_PARAM)
    low = _year(url_params.get(FUNDING_YEAR_FROM_PARAM), options.years)
    high = _year(url_params.get(FUNDING_YEAR_TO_PARAM), options.years)
    if low is not None and high is not None and low > high:
        low, high = high, low
    band = url_params.get(FUNDING_BAND_PARAM) or ""
    bands = funding_bands()
    amount_min = amount_max = None
    if band.isdigit() and int(band) < len(bands):
        amount_min, amount_max = bands[int(band)]
        amount_min = amount_min if amount_min is not None else Decimal(0)
    return data.FundingFilters(
        year_from=low,
        year_to=high,
        action_field=_code(url_params.get(FUNDING_FIELD_PARAM), {o.code for o in options.fields}),
        association=_code(
            url_params.get(FUNDING_ASSOCIATION_PARAM), {o.code for o in options.associations}
        ),
        regierungsbezirk=region if region in options.regierungsbezirke else None,
        district_ags=region if region in {d.code for d in options.districts} else None,
        programme=_code(
            url_params.get(FUNDING_PROGRAMME_PARAM), {o.code for o in options.programmes}
        )
        or None,
        amount_min=amount_min,
        amount_max=amount_max,
    )


def funding_band_index(filters: data.FundingFilters) -> int | None:
    for i, (low, high) in enumerate(funding_bands()):
        if (low or Decimal(0)) == filters.amount_min and high == filters.amount_max:
            if filters.amount_min is not None:
                return i
    return None


def funding_url_values(filters: data.FundingFilters) -> dict[str, str | None]:
    """The URL parameters of validated filters (None: all)."""

    def coded(value: str | None) -> str | None:
        return FUNDING_UNASSIGNED if value == "" else value

    band = funding_band_index(filters)
    return {
        FUNDING_YEAR_FROM_PARAM: None if filters.year_from is None else str(filters.year_from),
        FUNDING_YEAR_TO_PARAM: None if filters.year_to is None else str(filters.year_to),
        FUNDING_FIELD_PARAM: coded(filters.action_field),
        FUNDING_ASSOCIATION_PARAM: coded(filters.association),
        FUNDING_REGION_PARAM: filters.regierungsbezirk or filters.district_ags,
        FUNDING_PROGRAMME_PARAM: filters.programme,
        FUNDING_BAND_PARAM: None if band is None else str(band),
    }


def funding_query(filters: data.FundingFilters, **extra: str | None) -> str:
    """The query string of `filters` (what the URL holds), for links to the downloads."""
    params = {**funding_url_values(filters), **extra}
    return urlencode({k: v for k, v in params.items() if v})


def _money_counts(
    name: str, title: str, label: str, rows: list[tuple[str, data.FundingGroup]], lang: str
) -> DataTable:
    """(label, group) rows: € total and number of EUR grants; grants in other currencies in a
    column of their own when there are any (never added to the euros)."""
    others = any(g.other_grants for _, g in rows)
    columns = [
        Column("label", label),
        Column("eur_total", t("funding_col_eur_total", lang=lang), MONEY),
        Column("eur_grants", t("funding_col_eur_grants", lang=lang), INTEGER),
    ]
    if others:
        columns.append(Column("other_grants", t("funding_col_other_grants", lang=lang), INTEGER))
    return DataTable(
        name=name,
        title=title,
        columns=tuple(columns),
        rows=tuple(
            (text, g.eur_total, g.eur_grants, *((g.other_grants,) if others else ()))
            for text, g in rows
        ),
    )


def _unassigned(group: data.FundingGroup, lang: str) -> str:
    return group.label if group.key else t("funding_unassigned", lang=lang)


@dataset("foerderung_handlungsfelder")
def funding_by_field(url_params: Mapping[str, str], lang: str) -> DataTable:
    groups = data.funding_groups(funding_filters(url_params, lang), "field", lang)
    return _money_counts(
        "foerderung_handlungsfelder",
        t("funding_by_field_title", lang=lang),
        t("funding_col_field", lang=lang),
        [(_unassigned(g, lang), g) for g in groups],
        lang,
    )


@dataset("foerderung_regierungsbezirke")
def funding_by_regierungsbezirk(url_params: Mapping[str, str], lang: str) -> DataTable:
    groups = data.funding_groups(funding_filters(url_params, lang), "regierungsbezirk", lang)
    return _money_counts(
        "foerderung_regierungsbezirke",
        t("funding_by_regierungsbezirk_title", lang=lang),
        t("funding_col_regierungsbezirk", lang=lang),
        [(_unassigned(g, lang), g) for g in groups],
        lang,
    )


@dataset("foerderung_kreise")
def funding_by_district(url_params: Mapping[str, str], lang: str) -> DataTable:
    """Every district (the map shows them all), most euros first; € per grant beside."""
    filters = funding_filters(url_params, lang)
    groups = {g.key: g for g in data.funding_groups(filters, "district", lang)}
    if not groups:
        return DataTable("foerderung_kreise", t("funding_by_district_title", lang=lang), (), ())
    districts = data.funding_options(lang).districts
    if filters.regierungsbezirk or filters.district_ags:
        districts = tuple(
            d for d in districts if filters.district_ags in (None, d.code)
            and filters.regierungsbezirk in (None, d.parent)
        )  # fmt: skip
    empty = data.FundingGroup("", None, None, Decimal("0.00"), 0, 0)
    rows = sorted(
        ((d, groups.get(d.code, empty)) for d in districts),
        key=lambda pair: (-pair[1].eur_total, pair[0].name),
    )
    mean = [
        (g.eur_total / g.eur_grants).quantize(Decimal("0.01")) if g.eur_grants else None
        for _, g in rows
    ]
    return DataTable(
        name="foerderung_kreise",
        title=t("funding_by_district_title", lang=lang),
        columns=(
            Column("ags", t("funding_col_ags", lang=lang)),
            Column("label", t("funding_col_district", lang=lang)),
            Column("regierungsbezirk", t("funding_col_regierungsbezirk", lang=lang)),
            Column("eur_total", t("funding_col_eur_total", lang=lang), MONEY),
            Column("eur_grants", t("funding_col_eur_grants", lang=lang), INTEGER),
            Column("eur_mean", t("funding_col_eur_mean", lang=lang), MONEY),
        ),
        rows=tuple(
            (d.code, d.name, d.parent, g.eur_total, g.eur_grants, m)
            for (d, g), m in zip(rows, mean, strict=True)
        ),
    )


@dataset("foerderung_monate")
def funding_by_month(url_params: Mapping[str, str], lang: str) -> DataTable:
    """€ and EUR grants per award month, months without a grant in between as 0."""
    groups = data.funding_groups(funding_filters(url_params, lang), "month", lang)
    found = {date.fromisoformat(g.key): g for g in groups if g.eur_grants}
    months: list[date] = []
    if found:
        month, last = min(found), max(found)
        while month <= last:
            months.append(month)
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return DataTable(
        name="foerderung_monate",
        title=t("funding_by_month_title", lang=lang),
        columns=(
            Column("month", t("funding_col_month", lang=lang), DATE),
            Column("eur_total", t("funding_col_eur_total", lang=lang), MONEY),
            Column("eur_grants", t("funding_col_eur_grants", lang=lang), INTEGER),
        ),
        rows=tuple(
            (m, found[m].eur_total, found[m].eur_grants) if m in found else (m, Decimal("0.00"), 0)
            for m in months
        ),
    )


@dataset("foerderung_betragsklassen")
def funding_by_band(url_params: Mapping[str, str], lang: str) -> DataTable:
    """EUR grants per amount band (setting FUNDING_BANDS), every band, smallest first."""
    groups = data.funding_groups(funding_filters(url_params, lang), "band", lang)
    found = {int(g.key): g for g in groups if g.key}
    rows = tuple(
        (
            funding_band_label(i, lang),
            found[i].eur_grants if i in found else 0,
            found[i].eur_total if i in found else Decimal("0.00"),
        )
        for i in range(len(funding_bands()))
    )
    return DataTable(
        name="foerderung_betragsklassen",
        title=t("funding_by_band_title", lang=lang),
        columns=(
            Column("band", t("funding_col_band", lang=lang)),
            Column("eur_grants", t("funding_col_eur_grants", lang=lang), INTEGER),
            Column("eur_total", t("funding_col_eur_total", lang=lang), MONEY),
        ),
        rows=rows if any(r[1] for r in rows) else (),
    )


@dataclass(frozen=True)
class FundingTreeLevel:
    """One level of the treemap: the drill path (codes), the children's keys ("" for
    "Sonstige") in table order, and the table of exactly what the treemap shows."""

    path: tuple[str, ...]
    keys: tuple[str, ...]
    table: DataTable


def funding_drill_path(url_params: Mapping[str, str], lang: str) -> tuple[str, ...]:
    """`ebene` (`KJF`, `KJF/CARITAS`, `ohne/…`) validated: the longest valid prefix."""
    options = data.funding_options(lang)
    valid = ({o.code for o in options.fields}, {o.code for o in options.associations})
    path: list[str] = []
    parts = (url_params.get(FUNDING_DRILL_PARAM) or "").split("/")[: len(valid)]
    for part, codes in zip(parts, valid[: len(parts)], strict=True):
        if part != FUNDING_UNASSIGNED and part not in codes:
            break
        path.append(part)
    return tuple(path)


def funding_tree_level(url_params: Mapping[str, str], lang: str) -> FundingTreeLevel:
    path = funding_drill_path(url_params, lang)
    filters = funding_filters(url_params, lang)
    narrowed = [None if p == FUNDING_UNASSIGNED else p for p in path]
    changes: dict[str, str] = {}
    if path:
        changes["action_field"] = "" if narrowed[0] is None else narrowed[0]
    if len(path) > 1:
        changes["association"] = "" if narrowed[1] is None else narrowed[1]
    filters = replace(filters, **changes)
    group = ("field", "association", "recipient")[len(path)]
    groups = data.funding_groups(filters, group, lang)
    label = ("funding_col_field", "funding_col_association", "funding_col_recipient")[len(path)]
    shown = list(groups[:FUNDING_TREE_CHILDREN])
    keys = [g.key or FUNDING_UNASSIGNED for g in shown]
    rows = [(_unassigned(g, lang), g) for g in shown]
    rest = groups[FUNDING_TREE_CHILDREN:]
    if rest:
        other = data.FundingGroup(
            "",
            None,
            None,
            sum((g.eur_total for g in rest), Decimal("0.00")),
            sum(g.eur_grants for g in rest),
            sum(g.other_grants for g in rest),
        )
        rows.append((t("funding_other", len(rest), lang=lang), other))
        keys.append("")
    table = _money_counts(
        FUNDING_TREE_DATASET, t("funding_tree_title", lang=lang), t(label, lang=lang), rows, lang
    )
    return FundingTreeLevel(path, tuple(keys), table)


@dataset(FUNDING_TREE_DATASET)
def funding_tree(url_params: Mapping[str, str], lang: str) -> DataTable:
    """The treemap's current level (`ebene`): at most 20 children and "Sonstige"."""
    return funding_tree_level(url_params, lang).table


def funding_sort(value: str | None) -> tuple[str, bool]:
    return url_sort(value, FUNDING_SORTS, FUNDING_DEFAULT_SORT)


def funding_grants_page(url_params: Mapping[str, str], lang: str) -> TablePage:
    filters = funding_filters(url_params, lang)
    sort, descending = funding_sort(url_params.get(FUNDING_SORT_PARAM))
    total = data.funding_kpis(filters).grants
    page, pages = url_page(url_params.get(FUNDING_PAGE_PARAM), total, FUNDING_PAGE_SIZE)
    rows = data.funding_grants(
        filters,
        lang,
        FUNDING_SORTS[sort],
        descending,
        FUNDING_PAGE_SIZE,
        (page - 1) * FUNDING_PAGE_SIZE,
    )
    table = _funding_grants_table(rows, lang)
    return TablePage(table, sort, descending, page, pages, total)


@dataset(FUNDING_GRANTS_DATASET)
def funding_grants(url_params: Mapping[str, str], lang: str) -> DataTable:
    """Every grant under the filters, in the table's sort order."""
    sort, descending = funding_sort(url_params.get(FUNDING_SORT_PARAM))
    rows = data.funding_grants(
        funding_filters(url_params, lang), lang, FUNDING_SORTS[sort], descending, None, 0
    )
    return _funding_grants_table(rows, lang)


def _funding_grants_table(rows: tuple[data.FundingGrant, ...], lang: str) -> DataTable:
    """Amounts in the money column of their own currency; a table cell knows it (Column has one
    currency), so the currency stands in a column of its own too."""
    return DataTable(
        name=FUNDING_GRANTS_DATASET,
        title=t("funding_grants_title", lang=lang),
        columns=(
            Column("id", t("funding_col_id", lang=lang)),
            Column("titel", t("funding_col_title", lang=lang)),
            Column("empfaenger", t("funding_col_recipient", lang=lang)),
            Column("feld", t("funding_col_field", lang=lang)),
            Column("verband", t("funding_col_association", lang=lang)),
            Column("kreis", t("funding_col_district", lang=lang)),
            Column("betrag", t("funding_col_amount", lang=lang), MONEY),
            Column("waehrung", t("funding_col_currency", lang=lang)),
            Column("datum", t("funding_col_award_date", lang=lang), DATE),
        ),
        rows=tuple(
            (
                r.grant_id,
                r.title,
                r.recipient,
                r.action_field or t("funding_unassigned", lang=lang),
                r.association or t("funding_unassigned", lang=lang),
                r.district or t("funding_unassigned", lang=lang),
                r.amount,
                r.currency,
                r.award_date,
            )
            for r in rows
        ),
    )
