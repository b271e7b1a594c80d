"""Funding statistics `/foerderung`: key figures, money by field, region and time, the grants."""

from typing import Any

import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, State, dcc, html, no_update

from dashboard import access, action_fields, components, db, figures, funding, urls
from dashboard.db import DataUnavailable
from dashboard.funding import FundingFilters, FundingOptions
from dashboard.i18n import (
    current_language,
    format_date,
    format_money,
    format_money_whole,
    format_number,
    format_percent,
    t,
)
from dashboard.tables import DataTable, TablePage

PATH = "/foerderung"
access.register_page(__name__, path=PATH, title=lambda **_: t("funding_title"), order=3)

PAGE = "funding"
F = funding
YEAR_FROM_ID, YEAR_TO_ID = "funding-year-from", "funding-year-to"
FIELD_ID, ASSOCIATION_ID, REGION_ID = "funding-field", "funding-association", "funding-region"
PROGRAMME_ID, BAND_ID, MAP_METRIC_ID = "funding-programme", "funding-band", "funding-map-metric"
SORT_ID, SORT_BUTTON = "funding-sort", "funding-sort-button"
FILTER_PANEL, CHIPS, CHIP = "funding-filter-panel", "funding-chips", "funding-chip"
CRUMB, MAP_GRAPH, TREE_GRAPH = "funding-crumb", "funding-map-graph", "funding-tree-graph"
LEADER = "funding-leader"  # a leading district beside the map: a click filters by it
# The bar charts whose bars are filters: block id → (the filter's select, the graph's id).
BAR_FILTERS = {
    "funding-by-field": (FIELD_ID, "funding-by-field-graph"),
    "funding-by-regierungsbezirk": (REGION_ID, "funding-by-regierungsbezirk-graph"),
    "funding-by-band": (BAND_ID, "funding-by-band-graph"),
}
DRILL_SELECT_ID, DRILL_OPEN_ID = "funding-drill-select", "funding-drill-open"
GEOJSON_URL = "/assets/nrw_kreise.geojson"
MAP_BLOCK = "funding-by-district"
# dbc.Select shows its own hidden placeholder option for the value "": "all" needs a value.
ALL_VALUE = "alle"
FILTERS = (
    (F.YEAR_FROM, YEAR_FROM_ID),
    (F.YEAR_TO, YEAR_TO_ID),
    (F.FIELD, FIELD_ID),
    (F.ASSOCIATION, ASSOCIATION_ID),
    (F.REGION, REGION_ID),
    (F.PROGRAMME, PROGRAMME_ID),
    (F.BAND, BAND_ID),
)
MAP_TOTAL, MAP_MEAN, MAP_CAPITA = "summe", "je-foerderung", "je-einwohner"
# The map's measures: (URL value, the table's column, its name, the heading beside the map).
METRICS = {
    MAP_TOTAL: ("eur_total", "funding_map_total", "funding_leaders_total"),
    MAP_MEAN: ("eur_mean", "funding_map_mean", "funding_leaders_mean"),
    MAP_CAPITA: ("eur_per_inhabitant", "funding_map_capita", "funding_leaders_capita"),
}
MAP = "karte"
URL = [
    *(urls.UrlParam(name, select_id, default=ALL_VALUE) for name, select_id in FILTERS),
    urls.UrlParam(MAP, MAP_METRIC_ID, default=MAP_TOTAL),
    # The table's state; its page goes back to the first whenever a filter changes.
    urls.UrlParam(F.SORT, SORT_ID, default=F.DEFAULT_SORT, prop="data"),
    urls.UrlParam(F.PAGE, None, default=1, kind="int", reset=True),
]
components.sync_url(PAGE, URL, focus="funding-grants-heading")


def layout(**query: Any) -> html.Div:
    lang = current_language()
    try:
        options = funding.options(lang)
        filters = FundingFilters.from_url(query, lang)
        demo = db.is_demo_data()
    except DataUnavailable:
        return html.Div([html.H1(t("funding_title")), components.error_notice(t("no_data"))])
    metric = _metric(query.get(MAP))
    tree = funding.tree_level(filters, lang)
    return html.Div(
        [
            html.H1(t("funding_title")),
            html.P(t("funding_intro"), className="lead"),
            components.demo_notice() if demo else None,
            components.url_state(PAGE, URL),
            dcc.Store(id=SORT_ID, data=filters.sort),
            _filter_bar(options, filters, lang),
            html.P(funding.status(filters, lang), id="funding-status", role="status"),
            html.Div(_chips(filters, lang), id=CHIPS),
            components.loading(html.Div(_overview(filters, lang), id="funding-overview")),
            _map_section(filters, metric, lang),
            components.loading(html.Div(_tree_body(tree, filters, lang), id="funding-tree")),
            _grants_section(filters, metric, lang),
        ],
        className="funding-page",
    )


def _metric(value: Any) -> str:
    chosen = urls.first(value)
    # € per inhabitant only where the export gives the districts' populations.
    if chosen == MAP_CAPITA and not funding.populations():
        return MAP_TOTAL
    return chosen if chosen in METRICS else MAP_TOTAL


@access.callback(
    Output("funding-overview", "children"),
    Output("funding-status", "children"),
    Output(f"{FILTER_PANEL}-summary", "children"),
    Output("funding-map", "children"),
    Output(CHIPS, "children"),
    *(Input(select_id, "value") for _, select_id in FILTERS),
    Input(MAP_METRIC_ID, "value"),
    access=access.PUBLIC,
    prevent_initial_call=True,
)
def update_overview(*selected: str | None):
    """A filter or the map's measure changed (chosen, reset, Back): figures and charts anew."""
    lang = current_language()
    try:
        chosen = {name: value for (name, _), value in zip(FILTERS, selected[:-1], strict=True)}
        filters = FundingFilters.from_url(chosen, lang)
        return (
            _overview(filters, lang),
            funding.status(filters, lang),
            _filter_summary(filters, lang),
            _map_body(filters, _metric(selected[-1]), lang),
            _chips(filters, lang),
        )
    except DataUnavailable:
        return components.error_notice(t("no_data")), "", no_update, None, None


@access.callback(
    Output("funding-tree", "children"),
    Output("funding-grants", "children"),
    Input(f"{PAGE}-query", "data"),
    access=access.PUBLIC,
    prevent_initial_call=True,
)
def update_tree_and_grants(query: str | None):
    """Any change of the URL state (a filter, a tile, a bar, the sort, a page, Back)."""
    lang = current_language()
    try:
        params = urls.query_params(query)
        filters = FundingFilters.from_url(params, lang)
        tree = funding.tree_level(filters, lang)
        return _tree_body(tree, filters, lang), _grants_body(
            filters, _metric(params.get(MAP)), lang
        )
    except DataUnavailable:
        return components.error_notice(t("no_data")), None


# In the browser (assets/funding.js) every click on the page's graphics sets a filter: a
# district of the map (or a leading district beside it) the region, a treemap tile the field or
# the association, a bar its field, Bezirk or band; a breadcrumb step or a chip clears one; a
# column heading sets the sort. assets/url_state.js writes the URL, the server answers.
access.clientside_callback(
    ClientsideFunction("funding", "district"),
    Output(REGION_ID, "value"),
    Input(MAP_GRAPH, "clickData"),
    prevent_initial_call=True,
)
access.clientside_callback(
    ClientsideFunction("funding", "leader"),
    Output(REGION_ID, "value", allow_duplicate=True),
    Input({"type": LEADER, "ags": ALL}, "n_clicks"),
    prevent_initial_call=True,
)
for _select, _graph_id in BAR_FILTERS.values():
    access.clientside_callback(
        ClientsideFunction("funding", "bar"),
        Output(_select, "value", allow_duplicate=True),
        Input(_graph_id, "clickData"),
        prevent_initial_call=True,
    )
access.clientside_callback(
    ClientsideFunction("funding", "drill"),
    Output(FIELD_ID, "value", allow_duplicate=True),
    Output(ASSOCIATION_ID, "value", allow_duplicate=True),
    Input(TREE_GRAPH, "clickData"),
    prevent_initial_call=True,
)
access.clientside_callback(
    ClientsideFunction("funding", "drillTo"),
    Output(FIELD_ID, "value", allow_duplicate=True),
    Output(ASSOCIATION_ID, "value", allow_duplicate=True),
    Input(DRILL_OPEN_ID, "n_clicks"),
    State(DRILL_SELECT_ID, "value"),
    prevent_initial_call=True,
)
access.clientside_callback(
    ClientsideFunction("funding", "crumb"),
    Output(FIELD_ID, "value", allow_duplicate=True),
    Output(ASSOCIATION_ID, "value", allow_duplicate=True),
    Input({"type": CRUMB, "level": ALL}, "n_clicks"),
    prevent_initial_call=True,
)
access.clientside_callback(
    ClientsideFunction("funding", "unchip"),
    *(Output(select_id, "value", allow_duplicate=True) for _, select_id in FILTERS),
    Input({"type": CHIP, "param": ALL}, "n_clicks"),
    prevent_initial_call=True,
)
access.clientside_callback(
    ClientsideFunction("funding", "sort"),
    Output(SORT_ID, "data"),
    Input({"type": SORT_BUTTON, "key": ALL}, "n_clicks"),
    State(SORT_ID, "data"),
    prevent_initial_call=True,
)
access.clientside_callback(
    ClientsideFunction("funding", "reset"),
    *(Output(select_id, "value", allow_duplicate=True) for _, select_id in FILTERS),
    Input("funding-reset", "n_clicks"),
    prevent_initial_call=True,
)


# --- filters ---------------------------------------------------------------------------------


def _filter_bar(options: FundingOptions, filters: FundingFilters, lang: str) -> html.Section:
    values = filters.url_values()
    years = [{"label": str(y), "value": str(y)} for y in options.years]
    any_year = {"label": t("funding_any_year"), "value": ALL_VALUE}
    choices = {
        YEAR_FROM_ID: ("funding_filter_year_from", [any_year, *years]),
        YEAR_TO_ID: ("funding_filter_year_to", [any_year, *years]),
        FIELD_ID: ("funding_filter_field", _coded(options.fields, "funding_all_fields")),
        ASSOCIATION_ID: (
            "funding_filter_association",
            _coded(options.associations, "funding_all_associations"),
        ),
        REGION_ID: ("funding_filter_region", _region_options(options)),
        PROGRAMME_ID: (
            "funding_filter_programme",
            [{"label": t("funding_all_programmes"), "value": ALL_VALUE}]
            + [{"label": o.name, "value": o.code} for o in options.programmes],
        ),
        BAND_ID: ("funding_filter_band", _band_options(options, lang)),
    }
    controls = [
        html.Div(
            [
                dbc.Label(t(choices[select_id][0]), html_for=select_id),
                dbc.Select(
                    id=select_id, options=choices[select_id][1], value=values[name] or ALL_VALUE
                ),
            ],
            className="funding-filter",
        )
        for name, select_id in FILTERS
    ]
    reset = html.Button(
        t("funding_reset"), id="funding-reset", type="button", className="btn btn-link"
    )
    return html.Section(
        [
            html.H2(t("funding_filters"), id="funding-filters-heading", className="h5"),
            components.filter_panel(
                FILTER_PANEL,
                _filter_summary(filters, lang),
                html.Div([*controls, reset], className="funding-filters"),
            ),
        ],
        className="funding-filter-bar",
        **{"aria-labelledby": "funding-filters-heading"},
    )


def _filter_summary(filters: FundingFilters, lang: str) -> str:
    grants = funding.kpis(filters).grants
    key = "funding_filter_found_one" if grants == 1 else "funding_filter_found"
    found = t(key, format_number(grants, lang=lang))
    return components.filter_summary(filters.active(), found)


def _coded(items: tuple[funding.FundingOption, ...], all_key: str) -> list[dict[str, str]]:
    return (
        [{"label": t(all_key), "value": ALL_VALUE}]
        + [{"label": o.name, "value": o.code} for o in items]
        + [{"label": t("funding_unassigned"), "value": F.UNASSIGNED}]
    )


def _region_options(options: FundingOptions) -> list[dict[str, str]]:
    """Each Regierungsbezirk, followed by its districts indented (dbc.Select has no optgroup)."""
    choices = [{"label": t("funding_all_regions"), "value": ALL_VALUE}]
    for name in options.regierungsbezirke:
        choices.append({"label": t("funding_regierungsbezirk_option", name), "value": name})
        choices += [
            {"label": "\u2003" + d.name, "value": d.code}
            for d in options.districts
            if d.parent == name
        ]
    return choices


def _band_options(options: FundingOptions, lang: str) -> list[dict[str, str]]:
    return [{"label": t("funding_all_bands"), "value": ALL_VALUE}] + [
        {"label": options.band_label(i, lang), "value": str(i)} for i in range(len(options.bands))
    ]


# --- key figures and charts ------------------------------------------------------------------


def _overview(filters: FundingFilters, lang: str) -> list[Any]:
    # The download links carry the filters; /daten/… builds the same filter object from them.
    query = filters.query()
    by_field = funding.field_chart(filters, lang)
    by_rb = funding.region_chart(filters, lang)
    by_month = funding.by_month(filters, lang)
    by_band = funding.band_chart(filters, lang)
    field_colours = action_fields.colours()
    charts = [
        (
            "funding-by-field",
            by_field,
            _bars(
                by_field, lang, [field_colours.get(k, figures.PORTAL_COLOUR) for k in by_field.keys]
            ),
            _largest(by_field.table, lang),
        ),
        ("funding-by-regierungsbezirk", by_rb, _bars(by_rb, lang), _largest(by_rb.table, lang)),
        (
            "funding-by-month",
            by_month,
            None
            if by_month.empty
            else figures.money_and_count_by_month(
                by_month, "month", "eur_total", "eur_grants", lang
            ),
            _month_summary(by_month, lang),
        ),
        (
            "funding-by-band",
            by_band,
            None
            if by_band.table.empty
            else figures.columns(
                by_band.table,
                "band",
                "eur_grants",
                lang,
                keys=by_band.keys,
                colours=figures.highlight(by_band.keys, by_band.chosen),
            ),
            _band_summary(by_band.table, lang),
        ),  # fmt: skip
    ]
    blocks = []
    for block_id, chart, figure, summary in charts:
        table = chart.table if isinstance(chart, funding.FundingChart) else chart
        block = components.chart_block(block_id, table, figure, summary, query, lang)
        if block_id in BAR_FILTERS and figure is not None:
            # The graph gets an id, so a click on a bar reaches its filter.
            _graph(block).id = BAR_FILTERS[block_id][1]
            block.children.insert(2, html.P(t("funding_bar_hint"), className="small chart-hint"))
        blocks.append(block)
    return [_key_figures(filters, lang), html.Div(blocks, className="funding-charts")]


def _bars(chart: funding.FundingChart, lang: str, colours: list[str] | None = None) -> Any:
    if chart.table.empty:
        return None
    colours = figures.highlight(chart.keys, chart.chosen, colours or figures.PORTAL_COLOUR)
    return figures.bar(chart.table, "label", "eur_total", lang, keys=chart.keys, colours=colours)


def _chips(filters: FundingFilters, lang: str) -> html.Div | None:
    """The filters that are set, each a button that removes it: whatever set them (a select,
    a tile, a bar, a district), they show here and in the URL."""
    chips = funding.chips(filters, lang)
    if not chips:
        return None
    return html.Div(
        [
            html.Span(t("funding_chips_label"), className="funding-chips-label"),
            *(
                html.Button(
                    [
                        html.Span(label),
                        html.Span("×", className="chip-x", **{"aria-hidden": "true"}),
                    ],
                    id={"type": CHIP, "param": param},
                    type="button",
                    className="btn btn-sm funding-chip",
                    title=t("funding_chip_remove", label),
                    **{"aria-label": t("funding_chip_remove", label)},
                )
                for param, label in chips
            ),
        ],
        className="funding-chip-list",
        role="group",
        tabIndex="-1",
        **{"aria-label": t("funding_chips_label")},
    )


def _largest(table: DataTable, lang: str) -> str:
    if table.empty:
        return ""
    label, total, grants = table.rows[0][:3]
    return t(
        "funding_summary_largest",
        label,
        format_money_whole(total, lang=lang),
        format_number(grants, lang=lang),
    )


def _month_summary(table: DataTable, lang: str) -> str:
    if table.empty:
        return ""
    month, total, grants = max(table.rows, key=lambda r: r[1])
    name = format_date(month, lang=lang)[3:] if lang == "de" else month.strftime("%B %Y")
    return t(
        "funding_summary_month",
        name,
        format_money_whole(total, lang=lang),
        format_number(grants, lang=lang),
    )


def _band_summary(table: DataTable, lang: str) -> str:
    if table.empty:
        return ""
    band, grants, _ = max(table.rows, key=lambda r: r[1])
    return t("funding_summary_band", band, format_number(grants, lang=lang))


def _key_figures(filters: FundingFilters, lang: str) -> html.Section:
    kpis = funding.kpis(filters)
    n = format_number
    others = "; ".join(
        t("funding_kpi_others", n(c.grants, lang=lang), c.currency,
          format_money_whole(c.total, c.currency, lang=lang))
        for c in kpis.other_currencies
    )  # fmt: skip
    eur_note = t("funding_kpi_eur_only")
    money = [
        None if v is None else format_money_whole(v, lang=lang)
        for v in (kpis.eur_median, kpis.eur_mean)
    ]
    share = "–" if kpis.cap_share is None else format_percent(kpis.cap_share, lang=lang)
    grants_note = t("funding_kpi_eur_grants", n(kpis.eur_grants, lang=lang)) if others else None
    return components.key_figures(
        [
            (t("funding_kpi_total"), format_money_whole(kpis.eur_total, lang=lang), others or None),
            (t("funding_kpi_grants"), n(kpis.grants, lang=lang), grants_note),
            (t("funding_kpi_median"), money[0] or "–", eur_note),
            (t("funding_kpi_mean"), money[1] or "–", eur_note),
            (
                t("funding_kpi_cap_share"),
                share,
                t("funding_kpi_cap_note", n(kpis.eur_at_cap, lang=lang)),
            ),
            (t("funding_kpi_recipients"), n(kpis.recipients, lang=lang), None),
        ],
        t("key_figures"),
    )


# --- the map ---------------------------------------------------------------------------------


def _map_section(filters: FundingFilters, metric: str, lang: str) -> html.Div:
    toggle = dbc.RadioItems(
        id=MAP_METRIC_ID,
        options=[
            {"label": t(METRICS[m][1]), "value": m}
            for m in (MAP_TOTAL, MAP_MEAN, *((MAP_CAPITA,) if funding.populations() else ()))
        ],
        value=metric,
        inline=True,
    )
    # The heading and the toggle stay while the map is drawn anew (the toggle keeps its focus).
    return html.Section(
        [
            html.H2(t("funding_by_district_title"), id=f"{MAP_BLOCK}-heading", className="h4"),
            html.Fieldset(
                [html.Legend(t("funding_map_metric"), className="h6"), toggle],
                className="funding-map-metric",
            ),
            components.loading(html.Div(_map_body(filters, metric, lang), id="funding-map")),
            html.P(t("funding_map_credit"), className="funding-map-credit small"),
        ],
        className="funding-map-section",
        **{"aria-labelledby": f"{MAP_BLOCK}-heading"},
    )


def _map_body(filters: FundingFilters, metric: str, lang: str) -> html.Section:
    query = filters.query(**{MAP: None if metric == MAP_TOTAL else metric})
    table = funding.by_district(filters, lang)
    key = METRICS[metric][0]
    summary = ""
    graph = None
    leaders: list[tuple[str, str, Any]] = []
    if not table.empty:
        index = table.columns.index(_col(table, key))
        ranked = sorted(
            (r for r in table.rows if r[index] is not None), key=lambda r: -(r[index] or 0)
        )
        leaders = [(r[0], r[1], r[index]) for r in ranked[:LEADERS] if r[index]]
        top = ranked[0] if ranked else table.rows[0]
        summary = " ".join(
            [
                t(
                    "funding_summary_map",
                    t(METRICS[metric][1]),
                    top[1],
                    format_money_whole(top[index] or 0, lang=lang),
                ),
                t("funding_map_hint"),
            ]
        )
        # With a region filter, the other districts stay on the map in grey, to be clicked.
        shown = set(table.column("ags"))
        context = [(d.code, d.name) for d in funding.options(lang).districts if d.code not in shown]
        graph = figures.choropleth(
            table, "ags", "label", key, GEOJSON_URL, lang,
            context=context, context_hover=t("funding_map_outside"),
        )  # fmt: skip
    block = components.chart_block(MAP_BLOCK, table, graph, summary, query, lang, heading=False)
    if graph is not None:
        # The map's graph gets an id, so a click on a district reaches the filter; it fills its
        # column (the CSS gives it its height), the leading districts stand beside it, named.
        map_graph = _graph(block)
        map_graph.id = MAP_GRAPH
        # (dcc.Graph writes its own `height: 100%` unless the style names one)
        map_graph.style = {"height": "calc(94cqw + 56px)", "maxHeight": "90vh"}
        map_graph.className = "chart funding-map-graph"
        at = block.children.index(map_graph)
        block.children[at] = html.Div(
            [html.Div(map_graph, className="funding-map-canvas"), _leaders(leaders, metric, lang)],
            className="funding-map-row",
        )
    return block


LEADERS = 5  # the districts named beside the map


def _leaders(leaders: list[tuple[str, str, Any]], metric: str, lang: str) -> html.Div:
    """The leading districts by the map's measure, beside the map (text on a tile map would
    fetch its glyphs from a foreign host): each a button that filters by its district."""
    heading = METRICS[metric][2]
    return html.Div(
        [
            html.H3(t(heading), className="h6", id="funding-leaders-heading"),
            html.Ol(
                [
                    html.Li(
                        html.Button(
                            [
                                html.Span(name, className="funding-leader-name"),
                                html.Span(
                                    format_money_whole(value, lang=lang),
                                    className="funding-leader-value",
                                ),
                            ],
                            id={"type": LEADER, "ags": ags},
                            type="button",
                            className="btn btn-link funding-leader",
                        )
                    )
                    for ags, name, value in leaders
                ],
                className="funding-leader-list",
            ),
        ],
        className="funding-leaders",
        role="group",
        **{"aria-labelledby": "funding-leaders-heading"},
    )


def _col(table: DataTable, key: str):
    return next(c for c in table.columns if c.key == key)


def _graph(block: html.Section) -> dcc.Graph:
    return next(c for c in block.children if isinstance(c, dcc.Graph))


# --- the treemap -----------------------------------------------------------------------------


def _tree_body(tree: funding.FundingTreeLevel, filters: FundingFilters, lang: str) -> list[Any]:
    """The level the field and association filters choose: tiles of fields or associations
    (a tile sets its filter), or one association's largest recipients as bars."""
    query = filters.query()
    table = tree.table
    figure = None
    field_colours = action_fields.colours()
    if not table.empty and tree.recipients:
        colour = field_colours.get(tree.path[0], figures.PORTAL_COLOUR)
        figure = figures.bar(table, "label", "eur_total", lang, colours=[colour] * len(table.rows))
    elif not table.empty:
        if tree.param == F.FIELD:
            colours = [field_colours.get(k, figures.CONTEXT_GREY) for k in tree.keys]
        else:  # a field's associations: all in the field's colour
            colours = [field_colours.get(tree.path[0], figures.PORTAL_COLOUR)] * len(tree.keys)
        figure = figures.treemap(
            table, "label", "eur_total", list(tree.keys), lang, param=tree.param, colours=colours
        )
    block = components.chart_block(
        "funding-tree-block", table, figure, _largest(table, lang), query, lang
    )
    if figure is not None and not tree.recipients:
        _graph(block).id = TREE_GRAPH
    intro = "funding_tree_intro_recipients" if tree.recipients else "funding_tree_intro"
    texts = [t(intro, format_number(len(table.rows), lang=lang))]
    if tree.rest:
        texts.append(t("funding_tree_rest", format_number(tree.rest, lang=lang)))
    block.children.insert(1, html.P(" ".join(texts), className="small"))
    block.children.insert(2, _breadcrumb(tree, lang))
    control = _drill_control(tree)
    if control is not None:
        block.children.insert(3, control)
    return [block]


def _drill_control(tree: funding.FundingTreeLevel) -> html.Div | None:
    """The treemap's drill-down without a mouse: choose a tile, "Aufschlüsseln" (keyboard,
    screen readers); it sets the same filter a click on the tile sets."""
    keys = [k for k in tree.keys if k]
    if tree.recipients or not keys or tree.table.empty:
        return None
    labels = dict(zip(tree.keys, tree.table.column("label"), strict=False))
    level = "funding_drill_field" if tree.param == F.FIELD else "funding_drill_association"
    options = [{"label": t("funding_drill_choose"), "value": ALL_VALUE}] + [
        {"label": str(labels[k]), "value": f"{tree.param}={k}"} for k in keys
    ]
    return html.Div(
        [
            dbc.Label(t(level), html_for=DRILL_SELECT_ID, className="mb-1"),
            html.Div(
                [
                    dbc.Select(id=DRILL_SELECT_ID, options=options, value=ALL_VALUE),
                    html.Button(
                        t("funding_drill_open"),
                        id=DRILL_OPEN_ID,
                        type="button",
                        className="btn btn-outline-dark",
                    ),
                ],
                className="d-flex gap-2",
            ),
        ],
        className="funding-drill-control mb-2",
    )


def _breadcrumb(tree: funding.FundingTreeLevel, lang: str) -> html.Nav:
    """All action fields › the chosen field › the chosen association: a step back clears the
    filters below it."""
    options = funding.options(lang)
    names = {o.code: o.name for o in (*options.fields, *options.associations)}
    names[F.UNASSIGNED] = t("funding_unassigned")
    steps = [t("funding_tree_root")] + [names.get(code, code) for code in tree.path]
    items = []
    for level, name in enumerate(steps):
        if level == len(steps) - 1:
            items.append(
                html.Li(name, className="breadcrumb-item active", **{"aria-current": "true"})
            )
        else:
            button = html.Button(
                name, id={"type": CRUMB, "level": level}, type="button",
                className="btn btn-link p-0 align-baseline",
            )  # fmt: skip
            items.append(html.Li(button, className="breadcrumb-item"))
    return html.Nav(
        html.Ol(items, className="breadcrumb mb-2"),
        className="funding-breadcrumb",
        **{"aria-label": t("funding_tree_path")},
    )


# --- the grants table ------------------------------------------------------------------------


def _grants_section(filters: FundingFilters, metric: str, lang: str):
    return html.Section(
        [
            # The focus lands here after a page link (components.sync_url's `focus`).
            html.H2(
                t("funding_grants_title"),
                id="funding-grants-heading",
                tabIndex="-1",
                className="h4",
            ),
            html.P(t("funding_grants_intro")),
            components.loading(html.Div(_grants_body(filters, metric, lang), id="funding-grants")),
        ],
        className="chart-block funding-grants",
        **{"aria-labelledby": "funding-grants-heading"},
    )


def _grants_body(filters: FundingFilters, metric: str, lang: str) -> list[Any]:
    grants = funding.grants_page(filters, lang)
    downloads = _downloads(filters.query(**{F.SORT: grants.sort_value}))
    if not grants.total:
        return [html.P(t("funding_grants_none"), className="empty-state"), downloads]
    return [
        components.table_region(_grants_table(grants, lang)),
        _pagination(grants, filters, metric, lang),
        downloads,
    ]


def _grants_table(grants: TablePage, lang: str) -> html.Table:
    table = grants.table
    active = next(c for c in table.columns if c.key == grants.sort)
    direction = "funding_sort_descending" if grants.descending else "funding_sort_ascending"
    caption = t(
        "funding_grants_caption",
        table.title,
        active.label,
        t(direction),
        format_number(grants.page, lang=lang),
        format_number(grants.pages, lang=lang),
    )
    keys = [c.key for c in table.columns]
    shown = [c for c in table.columns if c.key != "waehrung"]
    rows = []
    for row in table.rows:
        cells = dict(zip(keys, row, strict=True))
        tds = []
        for c in shown:
            value = cells[c.key]
            if c.key == "betrag":
                tds.append(
                    html.Td(
                        format_money(value, cells["waehrung"], lang=lang),
                        className="text-end text-nowrap",
                    )
                )
            elif c.key == "datum":
                tds.append(html.Td(format_date(value, lang=lang), className="text-nowrap"))
            else:
                tds.append(html.Td(value))
        rows.append(html.Tr(tds))
    return html.Table(
        [
            html.Caption(caption),
            html.Thead(html.Tr([_sort_header(c, grants) for c in shown])),
            html.Tbody(rows),
        ],
        className="table table-sm table-striped data-table funding-grants-table "
        + components.SORTABLE_TABLE,
    )


def _sort_header(column, grants: TablePage) -> html.Th:
    """A column heading that sorts by its column (if it can): a button, and `aria-sort`."""
    return components.sort_header(
        column.label,
        column.key if column.key in F.SORTS else None,
        SORT_BUTTON,
        grants.sort,
        grants.descending,
        class_name="text-end" if column.key == "betrag" else None,
    )


def _href(filters: FundingFilters, metric: str, page: int) -> str:
    values = {**filters.url_values(), MAP: metric, F.SORT: filters.sort}
    query = urls.url_query(URL, {**values, F.PAGE: page})
    return PATH + (f"?{query}" if query else "")


def _pagination(grants: TablePage, filters: FundingFilters, metric: str, lang: str) -> html.Div:
    """Where the rows stand, and links to the pages (each a URL of its own, Back returns)."""
    return components.pagination(
        page=grants.page,
        pages=grants.pages,
        page_size=F.PAGE_SIZE,
        shown=len(grants.table.rows),
        total=grants.total,
        href=lambda number: _href(filters, metric, number),
        messages="funding",
        lang=lang,
        class_name=f"funding-pagination {components.PAGINATION}",
        range_class_name=f"funding-page-range {components.PAGE_RANGE}",
    )


def _downloads(query: str) -> html.P:
    label = t("downloads_label", t("funding_grants_title"))
    return components.downloads(F.GRANTS_DATASET, query, label)
