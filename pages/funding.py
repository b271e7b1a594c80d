"""Funding statistics `/foerderung`: key figures, money by field, region and time, the grants."""

from typing import Any

import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, State, dcc, html

from dashboard import access, components, data, datasets, figures
from dashboard.db import DataUnavailable
from dashboard.exports import DataTable
from dashboard.i18n import (
    current_language,
    format_date,
    format_money,
    format_money_whole,
    format_number,
    format_percent,
    t,
)

PATH = "/foerderung"
access.register_page(__name__, path=PATH, title=lambda **_: t("funding_title"), order=3)

PAGE = "funding"
D = datasets
YEAR_FROM_ID, YEAR_TO_ID = "funding-year-from", "funding-year-to"
FIELD_ID, ASSOCIATION_ID, REGION_ID = "funding-field", "funding-association", "funding-region"
PROGRAMME_ID, BAND_ID, MAP_METRIC_ID = "funding-programme", "funding-band", "funding-map-metric"
SORT_ID, SORT_BUTTON, DRILL_ID = "funding-sort", "funding-sort-button", "funding-drill"
CRUMB, MAP_GRAPH, TREE_GRAPH = "funding-crumb", "funding-map-graph", "funding-tree-graph"
DRILL_SELECT_ID, DRILL_OPEN_ID = "funding-drill-select", "funding-drill-open"
GEOJSON_URL = "/assets/nrw_kreise.geojson"
MAP_BLOCK = "funding-by-district"
# dbc.Select shows its own hidden placeholder option for the value "": "all" needs a value.
ALL_VALUE = "alle"
FILTERS = (
    (D.FUNDING_YEAR_FROM_PARAM, YEAR_FROM_ID),
    (D.FUNDING_YEAR_TO_PARAM, YEAR_TO_ID),
    (D.FUNDING_FIELD_PARAM, FIELD_ID),
    (D.FUNDING_ASSOCIATION_PARAM, ASSOCIATION_ID),
    (D.FUNDING_REGION_PARAM, REGION_ID),
    (D.FUNDING_PROGRAMME_PARAM, PROGRAMME_ID),
    (D.FUNDING_BAND_PARAM, BAND_ID),
)
MAP_TOTAL, MAP_MEAN = "summe", "je-foerderung"
URL = [
    *(components.UrlParam(name, select_id, default=ALL_VALUE) for name, select_id in FILTERS),
    components.UrlParam("karte", MAP_METRIC_ID, default=MAP_TOTAL),
    # Treemap level and table state; back to their defaults whenever a filter changes.
    components.UrlParam(D.FUNDING_DRILL_PARAM, DRILL_ID, default="", prop="data", reset=True),
    components.UrlParam(D.FUNDING_SORT_PARAM, SORT_ID, default=D.FUNDING_DEFAULT_SORT, prop="data"),
    components.UrlParam(D.FUNDING_PAGE_PARAM, None, default=1, kind="int", reset=True),
]
components.sync_url(PAGE, URL, focus="funding-grants-heading")


def layout(**query: Any) -> html.Div:
    lang = current_language()
    try:
        values = components.url_values(URL, query)
        options = data.funding_options(lang)
        params = _strings(values)
        filters = D.funding_filters(params, lang)
        demo = data.is_demo_data()
    except DataUnavailable:
        return html.Div([html.H1(t("funding_title")), components.error_notice(t("no_data"))])
    metric = values["karte"] if values["karte"] in (MAP_TOTAL, MAP_MEAN) else MAP_TOTAL
    sort, descending = D.funding_sort(params.get(D.FUNDING_SORT_PARAM))
    tree = D.funding_tree_level(params, lang)
    return html.Div(
        [
            html.H1(t("funding_title")),
            html.P(t("funding_intro"), className="lead"),
            components.demo_notice() if demo else None,
            components.url_state(PAGE, URL),
            dcc.Store(id=SORT_ID, data=("-" if descending else "") + sort),
            dcc.Store(id=DRILL_ID, data="/".join(tree.path)),
            _filter_bar(options, filters, lang),
            html.P(_status(filters, lang), id="funding-status", role="status"),
            html.Div(_overview(filters, lang), id="funding-overview"),
            _map_section(filters, metric, lang),
            html.Div(_tree_body(tree, filters, lang), id="funding-tree"),
            _grants_section(params, filters, lang),
        ],
        className="funding-page",
    )


def _strings(values: dict[str, Any]) -> dict[str, str]:
    """URL values as the datasets read them (as /daten/… receives them): "all" left out."""
    return {k: str(v) for k, v in values.items() if v not in (None, "", ALL_VALUE)}


def _filter_values(*selected: str | None) -> dict[str, str]:
    return _strings({name: value for (name, _), value in zip(FILTERS, selected, strict=True)})


@access.callback(
    Output("funding-overview", "children"),
    Output("funding-status", "children"),
    Output("funding-map", "children"),
    *(Input(select_id, "value") for _, select_id in FILTERS),
    Input(MAP_METRIC_ID, "value"),
    access=access.PUBLIC,
    prevent_initial_call=True,
)
def update_overview(*selected: str | None):
    """A filter or the map's measure changed (chosen, reset, Back): figures and charts anew."""
    lang = current_language()
    try:
        filters = D.funding_filters(_filter_values(*selected[:-1]), lang)
        return (
            _overview(filters, lang),
            _status(filters, lang),
            _map_body(filters, selected[-1], lang),
        )
    except DataUnavailable:
        return components.error_notice(t("no_data")), "", None


@access.callback(
    Output("funding-tree", "children"),
    Output("funding-grants", "children"),
    Input(f"{PAGE}-query", "data"),
    access=access.PUBLIC,
    prevent_initial_call=True,
)
def update_tree_and_grants(query: str | None):
    """Any change of the URL state (a filter, a drill step, the sort, a page, Back)."""
    lang = current_language()
    try:
        params = _strings(components.url_values(URL, components.query_params(query)))
        filters = D.funding_filters(params, lang)
        tree = D.funding_tree_level(params, lang)
        return _tree_body(tree, filters, lang), _grants_body(params, filters, lang)
    except DataUnavailable:
        return components.error_notice(t("no_data")), None


# In the browser (assets/funding.js): a district click sets the region, a treemap click or a
# breadcrumb the drill level, a column heading the sort; assets/url_state.js writes the URL.
access.clientside_callback(
    ClientsideFunction("funding", "district"),
    Output(REGION_ID, "value"),
    Input(MAP_GRAPH, "clickData"),
    prevent_initial_call=True,
)
access.clientside_callback(
    ClientsideFunction("funding", "drill"),
    Output(DRILL_ID, "data", allow_duplicate=True),
    Input(TREE_GRAPH, "clickData"),
    State(DRILL_ID, "data"),
    prevent_initial_call=True,
)
access.clientside_callback(
    ClientsideFunction("funding", "drillTo"),
    Output(DRILL_ID, "data", allow_duplicate=True),
    Input(DRILL_OPEN_ID, "n_clicks"),
    State(DRILL_SELECT_ID, "value"),
    State(DRILL_ID, "data"),
    prevent_initial_call=True,
)
access.clientside_callback(
    ClientsideFunction("funding", "crumb"),
    Output(DRILL_ID, "data", allow_duplicate=True),
    Input({"type": CRUMB, "path": ALL}, "n_clicks"),
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


def _filter_bar(
    options: data.FundingOptions, filters: data.FundingFilters, lang: str
) -> html.Section:
    values = D.funding_url_values(filters)
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
        BAND_ID: ("funding_filter_band", _band_options(lang)),
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
            html.Div([*controls, reset], className="funding-filters"),
        ],
        className="funding-filter-bar",
        **{"aria-labelledby": "funding-filters-heading"},
    )


def _coded(items: tuple[data.FundingOption, ...], all_key: str) -> list[dict[str, str]]:
    return (
        [{"label": t(all_key), "value": ALL_VALUE}]
        + [{"label": o.name, "value": o.code} for o in items]
        + [{"label": t("funding_unassigned"), "value": D.FUNDING_UNASSIGNED}]
    )


def _region_options(options: data.FundingOptions) -> list[dict[str, str]]:
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


def _band_options(lang: str) -> list[dict[str, str]]:
    bands = range(len(D.funding_bands()))
    return [{"label": t("funding_all_bands"), "value": ALL_VALUE}] + [
        {"label": D.funding_band_label(i, lang), "value": str(i)} for i in bands
    ]


def _status(filters: data.FundingFilters, lang: str) -> str:
    return t("funding_status", format_number(data.funding_kpis(filters).grants, lang=lang))


# --- key figures and charts ------------------------------------------------------------------


def _overview(filters: data.FundingFilters, lang: str) -> list[Any]:
    query = D.funding_query(filters)
    # The charts read exactly the parameters their download links carry: the same data.
    params = components.query_params(query)
    by_field = D.funding_by_field(params, lang)
    by_rb = D.funding_by_regierungsbezirk(params, lang)
    by_month = D.funding_by_month(params, lang)
    by_band = D.funding_by_band(params, lang)
    charts = [
        _block("funding-by-field", by_field, _bars(by_field, lang), _largest(by_field, lang)),
        _block("funding-by-regierungsbezirk", by_rb, _bars(by_rb, lang), _largest(by_rb, lang)),
        _block(
            "funding-by-month",
            by_month,
            None
            if by_month.empty
            else figures.money_and_count_by_month(
                by_month, "month", "eur_total", "eur_grants", lang
            ),
            _month_summary(by_month, lang),
        ),
        _block(
            "funding-by-band",
            by_band,
            None if by_band.empty else figures.columns(by_band, "band", "eur_grants", lang),
            _band_summary(by_band, lang),
        ),
    ]
    blocks = [components.chart_block(b, tab, fig, s, query, lang) for b, tab, fig, s in charts]
    return [_key_figures(filters, lang), html.Div(blocks, className="funding-charts")]


def _block(block_id: str, table: DataTable, figure: Any, summary: str):
    return block_id, table, figure, summary


def _bars(table: DataTable, lang: str) -> Any:
    return None if table.empty else figures.bar(table, "label", "eur_total", lang)


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


def _key_figures(filters: data.FundingFilters, lang: str) -> html.Section:
    kpis = data.funding_kpis(filters)
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


def _map_section(filters: data.FundingFilters, metric: str, lang: str) -> html.Div:
    toggle = dbc.RadioItems(
        id=MAP_METRIC_ID,
        options=[
            {"label": t("funding_map_total"), "value": MAP_TOTAL},
            {"label": t("funding_map_mean"), "value": MAP_MEAN},
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
            html.Div(_map_body(filters, metric, lang), id="funding-map"),
            html.P(t("funding_map_credit"), className="funding-map-credit small"),
        ],
        className="funding-map-section",
        **{"aria-labelledby": f"{MAP_BLOCK}-heading"},
    )


def _map_body(filters: data.FundingFilters, metric: str, lang: str) -> html.Section:
    query = D.funding_query(filters, karte=None if metric != MAP_MEAN else metric)
    table = D.funding_by_district(components.query_params(D.funding_query(filters)), lang)
    key = "eur_mean" if metric == MAP_MEAN else "eur_total"
    summary = ""
    graph = None
    if not table.empty:
        top = max(table.rows, key=lambda r: r[table.columns.index(_col(table, key))] or 0)
        value = top[table.columns.index(_col(table, key))]
        summary = " ".join(
            [
                t(
                    "funding_summary_map",
                    t("funding_map_mean" if metric == MAP_MEAN else "funding_map_total"),
                    top[1],
                    format_money_whole(value or 0, lang=lang),
                ),
                t("funding_map_hint"),
            ]
        )
        # With a region filter, the other districts stay on the map in grey, to be clicked.
        shown = set(table.column("ags"))
        context = [
            (d.code, d.name) for d in data.funding_options(lang).districts if d.code not in shown
        ]
        graph = figures.choropleth(
            table, "ags", "label", key, GEOJSON_URL, lang,
            context=context, context_hover=t("funding_map_outside"),
        )  # fmt: skip
    block = components.chart_block(MAP_BLOCK, table, graph, summary, query, lang, heading=False)
    if graph is not None:
        # The map's graph gets an id, so a click on a district reaches the filter.
        _graph(block).id = MAP_GRAPH
    return block


def _col(table: DataTable, key: str):
    return next(c for c in table.columns if c.key == key)


def _graph(block: html.Section) -> dcc.Graph:
    return next(c for c in block.children if isinstance(c, dcc.Graph))


# --- the treemap -----------------------------------------------------------------------------


def _tree_body(tree: D.FundingTreeLevel, filters: data.FundingFilters, lang: str) -> list[Any]:
    query = D.funding_query(filters, **{D.FUNDING_DRILL_PARAM: "/".join(tree.path) or None})
    table = tree.table
    figure = None
    if not table.empty:
        figure = figures.treemap(table, "label", "eur_total", list(tree.keys), lang)
    block = components.chart_block(
        "funding-tree-block", table, figure, _largest(table, lang), query, lang
    )
    if figure is not None:
        _graph(block).id = TREE_GRAPH
    block.children.insert(1, html.P(t("funding_tree_intro"), className="small"))
    block.children.insert(2, _breadcrumb(tree, lang))
    control = _drill_control(tree)
    if control is not None:
        block.children.insert(3, control)
    return [block]


def _drill_control(tree: D.FundingTreeLevel) -> html.Div | None:
    """The treemap's drill-down without a mouse: choose a tile, "Öffnen" (keyboard, screen
    readers); none at the recipients' level or without tiles."""
    keys = [k for k in tree.keys if k]
    if len(tree.path) >= 2 or not keys or tree.table.empty:
        return None
    labels = dict(zip(tree.keys, tree.table.column("label"), strict=False))
    level = ("funding_drill_field", "funding_drill_association")[len(tree.path)]
    options = [{"label": t("funding_drill_choose"), "value": ALL_VALUE}] + [
        {"label": str(labels[k]), "value": k} for k in keys
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


def _breadcrumb(tree: D.FundingTreeLevel, lang: str) -> html.Nav:
    options = data.funding_options(lang)
    names = {o.code: o.name for o in (*options.fields, *options.associations)}
    names[D.FUNDING_UNASSIGNED] = t("funding_unassigned")
    steps = [(t("funding_tree_root"), "")] + [
        (names.get(code, code), "/".join(tree.path[: i + 1])) for i, code in enumerate(tree.path)
    ]
    items = []
    for i, (name, path) in enumerate(steps):
        if i == len(steps) - 1:
            items.append(
                html.Li(name, className="breadcrumb-item active", **{"aria-current": "true"})
            )
        else:
            button = html.Button(
                name, id={"type": CRUMB, "path": path}, type="button",
                className="btn btn-link p-0 align-baseline", **{"data-path": path},
            )  # fmt: skip
            items.append(html.Li(button, className="breadcrumb-item"))
    return html.Nav(
        html.Ol(items, className="breadcrumb mb-2"),
        className="funding-breadcrumb",
        **{"aria-label": t("funding_tree_path")},
    )


# --- the grants table ------------------------------------------------------------------------


def _grants_section(params: dict[str, str], filters: data.FundingFilters, lang: str):
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
            html.Div(_grants_body(params, filters, lang), id="funding-grants"),
        ],
        className="chart-block funding-grants",
        **{"aria-labelledby": "funding-grants-heading"},
    )


def _grants_body(params: dict[str, str], filters: data.FundingFilters, lang: str) -> list[Any]:
    grants = D.funding_grants_page(params, lang)
    sort = ("-" if grants.descending else "") + grants.sort
    query = D.funding_query(filters, **{D.FUNDING_SORT_PARAM: sort})
    downloads = _downloads(query)
    if not grants.total:
        return [html.P(t("funding_grants_none"), className="empty-state"), downloads]
    values = {**params, D.FUNDING_SORT_PARAM: sort}
    return [
        html.Div(_grants_table(grants, lang), className="table-responsive"),
        _pagination(grants, values, lang),
        downloads,
    ]


def _grants_table(grants: D.TablePage, lang: str) -> html.Table:
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


def _sort_header(column, grants: D.TablePage) -> html.Th:
    """A column heading that sorts by its column (if it can): a button, and `aria-sort`."""
    return components.sort_header(
        column.label,
        column.key if column.key in D.FUNDING_SORTS else None,
        SORT_BUTTON,
        grants.sort,
        grants.descending,
        class_name="text-end" if column.key == "betrag" else None,
    )


def _href(values: dict[str, Any], **changes: Any) -> str:
    query = components.url_query(URL, {**values, **changes})
    return PATH + (f"?{query}" if query else "")


def _pagination(grants: D.TablePage, values: dict[str, Any], lang: str) -> html.Div:
    """Where the rows stand, and links to the pages (each a URL of its own, Back returns)."""
    return components.pagination(
        page=grants.page,
        pages=grants.pages,
        page_size=D.FUNDING_PAGE_SIZE,
        shown=len(grants.table.rows),
        total=grants.total,
        href=lambda number: _href(values, **{D.FUNDING_PAGE_PARAM: number}),
        messages="funding",
        lang=lang,
        class_name=f"funding-pagination {components.PAGINATION}",
        range_class_name=f"funding-page-range {components.PAGE_RANGE}",
    )


def _downloads(query: str) -> html.P:
    label = t("downloads_label", t("funding_grants_title"))
    return components.downloads(D.FUNDING_GRANTS_DATASET, query, label)
