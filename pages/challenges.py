"""Challenge statistics `/herausforderungen`: counts, solution coverage, the unsolved challenges."""

from typing import Any

import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, State, dcc, html, no_update

from dashboard import access, action_fields, challenges, components, db, figures, urls
from dashboard.challenges import ChallengeFilterOptions, ChallengeFilters
from dashboard.db import DataUnavailable
from dashboard.i18n import current_language, format_number, format_percent, t
from dashboard.tables import DataTable, TablePage

PATH = "/herausforderungen"
access.register_page(__name__, path=PATH, title=lambda **_: t("challenges_title"), order=1)

PAGE = "challenges"
EVENT_ID, FIELD_ID, REGION_ID = "challenges-event", "challenges-field", "challenges-region"
SORT_ID, SORT_BUTTON = "challenges-sort", "challenges-sort-button"
FILTER_PANEL = "challenges-filter-panel"
# dbc.Select shows its own hidden placeholder option for the value "": "all" needs a value.
ALL_VALUE = "alle"
C = challenges
URL = [
    urls.UrlParam(C.EVENT, EVENT_ID, default=ALL_VALUE),
    urls.UrlParam(C.FIELD, FIELD_ID, default=ALL_VALUE),
    urls.UrlParam(C.REGION, REGION_ID, default=ALL_VALUE),
    urls.UrlParam(C.SORT, SORT_ID, default=C.DEFAULT_SORT, prop="data"),
    # Set by the pagination's links; back to 1 whenever a filter or the sort order changes.
    urls.UrlParam(C.PAGE, None, default=1, kind="int", reset=True),
]
components.sync_url(PAGE, URL, focus="challenges-unsolved-heading")
# Okabe–Ito: "none" in vermillion stands out; one and more in two blues, darker for more.
COVERAGE_SERIES = (("none", "#D55E00"), ("one", "#56B4E9"), ("two_plus", "#0072B2"))


def layout(**query: Any) -> html.Div:
    lang = current_language()
    try:
        options = challenges.options(lang)
        filters = ChallengeFilters.from_url(query, lang)
        unsolved = challenges.unsolved_page(filters, lang)
        demo = db.is_demo_data()
    except DataUnavailable:
        return html.Div([html.H1(t("challenges_title")), components.error_notice(t("no_data"))])
    return html.Div(
        [
            html.H1(t("challenges_title")),
            html.P(t("challenges_intro"), className="lead"),
            components.demo_notice() if demo else None,
            components.url_state(PAGE, URL),
            dcc.Store(id=SORT_ID, data=filters.sort),
            html.Div(id="challenges-refocus", hidden=True),
            _filter_bar(options, filters),
            html.P(filters.status(lang), id="challenges-status", role="status"),
            components.loading(_overview(filters, lang)),
            _unsolved_section(unsolved, filters, lang),
        ],
        className="challenges-page",
    )


@access.callback(
    Output("challenges-overview", "children"),
    Output("challenges-status", "children"),
    Output(f"{FILTER_PANEL}-summary", "children"),
    Input(EVENT_ID, "value"),
    Input(FIELD_ID, "value"),
    Input(REGION_ID, "value"),
    access=access.PUBLIC,
    prevent_initial_call=True,
)
def update_overview(event: str, field: str, region: str):
    """A filter changed (chosen, reset, or Back/Forward): key figures and charts anew."""
    lang = current_language()
    params = {C.EVENT: event, C.FIELD: field, C.REGION: region}
    try:
        filters = ChallengeFilters.from_url(params, lang)
        return _overview(filters, lang).children, filters.status(lang), _filter_summary(filters)
    except DataUnavailable:
        return components.error_notice(t("no_data")), "", no_update


@access.callback(
    Output("challenges-unsolved", "children"),
    Input(f"{PAGE}-query", "data"),
    access=access.PUBLIC,
    prevent_initial_call=True,
)
def update_unsolved(query: str | None):
    """Any change of the URL state (a filter, the sort, a page link, Back): the table anew."""
    lang = current_language()
    try:
        filters = ChallengeFilters.from_url(urls.query_params(query), lang)
        unsolved = challenges.unsolved_page(filters, lang)
    except DataUnavailable:
        return components.error_notice(t("no_data"))
    return _unsolved_body(unsolved, filters, lang)


# Sorting runs in the browser (assets/challenges.js); only the table needs the server.
access.clientside_callback(
    ClientsideFunction("challenges", "sort"),
    Output(SORT_ID, "data"),
    Input({"type": SORT_BUTTON, "key": ALL}, "n_clicks"),
    State(SORT_ID, "data"),
    prevent_initial_call=True,
)
access.clientside_callback(
    ClientsideFunction("challenges", "reset"),
    Output(EVENT_ID, "value"),
    Output(FIELD_ID, "value"),
    Output(REGION_ID, "value"),
    Input("challenges-reset", "n_clicks"),
    prevent_initial_call=True,
)
access.clientside_callback(
    ClientsideFunction("challenges", "refocus"),
    Output("challenges-refocus", "title"),
    Input("challenges-unsolved", "children"),
    prevent_initial_call=True,
)


def _href(filters: ChallengeFilters, unsolved: TablePage, page: int) -> str:
    values = {**filters.url_values(), C.SORT: unsolved.sort_value, C.PAGE: page}
    query = urls.url_query(URL, values)
    return PATH + (f"?{query}" if query else "")


# --- filters ---------------------------------------------------------------------------------


def _filter_bar(options: ChallengeFilterOptions, filters: ChallengeFilters) -> html.Section:
    region = filters.region
    selects = [
        (EVENT_ID, "challenges_filter_event", _event_options(options), filters.event_id),
        (FIELD_ID, "challenges_filter_field", _field_options(options), filters.action_field),
        (REGION_ID, "challenges_filter_region", _region_options(options), region),
    ]
    return html.Section(
        [
            html.H2(t("challenges_filters"), id="challenges-filters-heading", className="h5"),
            components.filter_panel(
                FILTER_PANEL,
                _filter_summary(filters),
                html.Div(
                    [
                        html.Div(
                            [
                                dbc.Label(t(label), html_for=select_id),
                                dbc.Select(id=select_id, options=choices, value=value or ALL_VALUE),
                            ],
                            className="challenges-filter",
                        )
                        for select_id, label, choices, value in selects
                    ]
                    + [
                        html.Button(
                            t("challenges_reset"),
                            id="challenges-reset",
                            type="button",
                            className="btn btn-link challenges-reset",
                        )
                    ],
                    className="challenges-filters",
                ),
            ),
        ],
        className="challenges-filter-bar",
        **{"aria-labelledby": "challenges-filters-heading"},
    )


def _filter_summary(filters: ChallengeFilters) -> str:
    """The folded filters' button on a phone: "Filter (1) · 141 Herausforderungen"."""
    found = challenges.kpis(filters).challenges
    key = "challenges_filter_found_one" if found == 1 else "challenges_filter_found"
    return components.filter_summary(filters.active(), t(key, format_number(found)))


def _event_options(options: ChallengeFilterOptions) -> list[dict[str, str]]:
    return [{"label": t("challenges_all_events"), "value": ALL_VALUE}] + [
        {"label": e.name, "value": e.code} for e in options.events
    ]


def _field_options(options: ChallengeFilterOptions) -> list[dict[str, str]]:
    return [{"label": t("challenges_all_fields"), "value": ALL_VALUE}] + [
        {"label": f.name, "value": f.code} for f in options.fields
    ]


def _region_options(options: ChallengeFilterOptions) -> list[dict[str, str]]:
    """Each Regierungsbezirk, followed by its districts indented (dbc.Select has no optgroup)."""
    choices = [{"label": t("challenges_all_regions"), "value": ALL_VALUE}]
    for name in options.regierungsbezirke:
        choices.append({"label": t("challenges_regierungsbezirk_option", name), "value": name})
        choices += [
            {"label": "\u2003" + d.name, "value": d.ags}
            for d in options.districts
            if d.regierungsbezirk == name
        ]
    return choices


# --- key figures and charts ------------------------------------------------------------------

# (block id, dataset, kind of figure); the summaries below, by block id.
CHARTS = (
    ("challenges-by-field", C.by_field, "bars"),
    ("challenges-by-association", C.by_association, "bars"),
    ("challenges-by-regierungsbezirk", C.by_regierungsbezirk, "bars"),
    ("challenges-by-district", C.by_district, "long_bars"),
    ("challenges-timeline", C.timeline, "timeline"),
    ("challenges-coverage", C.coverage, "coverage"),
)
SUMMARIES = {
    "challenges-by-field": C.summary_by_field,
    "challenges-by-association": C.summary_by_association,
    "challenges-by-regierungsbezirk": C.summary_by_regierungsbezirk,
    "challenges-by-district": C.summary_by_district,
    "challenges-timeline": C.summary_timeline,
    "challenges-coverage": C.summary_coverage,
}


def _overview(filters: ChallengeFilters, lang: str) -> html.Div:
    # The download links carry the filters; /daten/… builds the same filter object from them.
    query = filters.query()
    charts = [
        _chart(block_id, build(filters, lang), kind, query, lang)
        for block_id, build, kind in CHARTS
    ]
    return html.Div(
        [_key_figures(filters, lang), html.Div(charts, className="challenges-charts")],
        id="challenges-overview",
    )


def _chart(block_id: str, table: DataTable, kind: str, query: str, lang: str) -> html.Section:
    # The field chart's bars each in their field's colour, as on every chart of the portal.
    colours = None
    if block_id == "challenges-by-field" and not table.empty:
        colours = action_fields.colours_by_name(table.column("label"))
    figure = None if table.empty else _figure(kind, table, lang, colours)
    summary = SUMMARIES[block_id](table, lang)
    return components.chart_block(block_id, table, figure, summary, query, lang)


def _figure(kind: str, table: DataTable, lang: str, colours: list[str] | None = None) -> Any:
    if kind == "bars":
        return figures.share_bar(table, "label", "challenges", "share", lang, colours=colours)
    if kind == "long_bars":
        return figures.share_bar(table, "label", "challenges", "share", lang, row=22)
    if kind == "timeline":
        return figures.dated_line(table, table.columns[0].key, "challenges", lang)
    return figures.stacked_bar(table, "label", COVERAGE_SERIES, lang)


def _key_figures(filters: ChallengeFilters, lang: str) -> html.Section:
    kpis = challenges.kpis(filters)
    n = format_number
    share = "–" if kpis.share_covered is None else format_percent(kpis.share_covered, lang=lang)
    return components.key_figures(
        [
            (t("challenges_kpi_total"), n(kpis.challenges, lang=lang), None),
            (t("challenges_kpi_with_solution"), n(kpis.with_solution, lang=lang), None),
            (t("challenges_kpi_without_solution"), n(kpis.without_solution, lang=lang), None),
            (t("challenges_kpi_share"), share, None),
        ],
        t("key_figures"),
    )


# --- the table of challenges without a solution ----------------------------------------------


def _unsolved_section(unsolved: TablePage, filters: ChallengeFilters, lang: str) -> html.Section:
    return html.Section(
        [
            # The focus lands here after a page link (components.sync_url's `focus`).
            html.H2(
                t("challenges_unsolved_title"),
                id="challenges-unsolved-heading",
                tabIndex="-1",
                className="h4",
            ),
            html.P(t("challenges_unsolved_intro")),
            components.loading(
                html.Div(_unsolved_body(unsolved, filters, lang), id="challenges-unsolved")
            ),
        ],
        className="chart-block challenges-unsolved",
        **{"aria-labelledby": "challenges-unsolved-heading"},
    )


def _unsolved_body(unsolved: TablePage, filters: ChallengeFilters, lang: str) -> list[Any]:
    query = filters.query(**{C.SORT: unsolved.sort_value})
    if not unsolved.total:
        return [html.P(t("challenges_unsolved_none"), className="empty-state"), _downloads(query)]
    return [
        components.table_region(_sortable_table(unsolved, lang)),
        _pagination(unsolved, filters, lang),
        _downloads(query),
    ]


def _sortable_table(unsolved: TablePage, lang: str) -> html.Table:
    table = unsolved.table
    active = next(c for c in table.columns if c.key == unsolved.sort)
    direction = "challenges_sort_descending" if unsolved.descending else "challenges_sort_ascending"
    caption = t(
        "challenges_unsolved_caption",
        table.title,
        active.label,
        t(direction),
        format_number(unsolved.page, lang=lang),
        format_number(unsolved.pages, lang=lang),
    )
    rows = [
        html.Tr(
            [
                html.Td(components.format_cell(v, c, lang))
                for v, c in zip(row, table.columns, strict=True)
            ]
        )
        for row in table.rows
    ]
    return html.Table(
        [
            html.Caption(caption),
            html.Thead(
                html.Tr(
                    [
                        components.sort_header(
                            c.label, c.key, SORT_BUTTON, unsolved.sort, unsolved.descending
                        )
                        for c in table.columns
                    ]
                )
            ),
            html.Tbody(rows),
        ],
        className="table table-sm table-striped data-table challenges-unsolved-table "
        + components.SORTABLE_TABLE,
    )


def _pagination(unsolved: TablePage, filters: ChallengeFilters, lang: str) -> html.Div:
    """Where the rows stand, and links to the pages (each a URL of its own, Back returns)."""
    return components.pagination(
        page=unsolved.page,
        pages=unsolved.pages,
        page_size=C.UNSOLVED_PAGE_SIZE,
        shown=len(unsolved.table.rows),
        total=unsolved.total,
        href=lambda number: _href(filters, unsolved, number),
        messages="challenges",
        lang=lang,
        class_name=f"challenges-pagination {components.PAGINATION}",
        range_class_name=f"challenges-page-range {components.PAGE_RANGE}",
    )


def _downloads(query: str) -> html.P:
    label = t("downloads_label", t("challenges_unsolved_title"))
    # Without role="group", unlike the other pages' downloads (as it has always been here).
    return components.downloads(C.UNSOLVED_DATASET, query, label, role=None)
