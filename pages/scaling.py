"""`/skalierung` (leadership and above): scaling candidates by a transparent score; transfer map."""

import json
from html import escape
from typing import Any
from urllib.parse import quote

import dash_bootstrap_components as dbc
from dash import Input, Output, dcc, html

from dashboard import access, challenges, components, figures, scaling, scaling_score, urls
from dashboard.db import DataUnavailable
from dashboard.i18n import (
    current_language,
    format_fixed,
    format_money_whole,
    format_number,
    t,
)
from dashboard.scaling import ScalingSelection
from dashboard.store import STATUSES

PATH = "/skalierung"
access.register_page(
    __name__, path=PATH, access=access.LEADERSHIP, title=lambda **_: t("scaling_title")
)

PAGE = "scaling"
EVENT_ID, FIELD_ID, STATUS_ID = "scaling-event", "scaling-field", "scaling-status-filter"
REGION_ID, CANDIDATE_ID = "scaling-region", "scaling-candidate"
RESET_WEIGHTS_ID = "scaling-weights-reset"
# dbc.Select shows its own hidden placeholder option for the value "": "all" needs a value.
ALL_VALUE = "alle"


def _weight_id(name: str) -> str:
    return f"scaling-weight-{name}"


URL = [
    urls.UrlParam(scaling.EVENT, EVENT_ID, default=ALL_VALUE),
    urls.UrlParam(scaling.FIELD, FIELD_ID, default=ALL_VALUE),
    urls.UrlParam(scaling.STATUS, STATUS_ID, default=ALL_VALUE),
    *(
        # A weight replaces its history entry: six sliders should not fill the Back button.
        urls.UrlParam(
            scaling_score.WEIGHT_PARAMS[name],
            _weight_id(name),
            default=scaling_score.DEFAULT_WEIGHTS[name],
            kind="int",
            push=False,
        )
        for name in scaling_score.COMPONENTS
    ),
    urls.UrlParam(scaling.REGION, REGION_ID, default=ALL_VALUE),
    urls.UrlParam(scaling.CANDIDATE, CANDIDATE_ID, default=ALL_VALUE),
]
components.sync_url(PAGE, URL)
ARIA_HIDDEN = {"aria-hidden": "true"}


@access.protected(access.LEADERSHIP, PATH)
def layout(**query: Any) -> html.Div:
    lang = current_language()
    try:
        selection = ScalingSelection.from_url(query)
        options = challenges.options(lang)
        regions = scaling.regions()
        ranking = _ranking_view(selection, lang)
        matrix = _matrix_view(selection, lang)
    except DataUnavailable:
        return html.Div([html.H1(t("scaling_title")), components.error_notice(t("no_data"))])
    return html.Div(
        [
            html.H1(t("scaling_title")),
            html.P(t("scaling_intro"), className="lead"),
            components.url_state(PAGE, URL),
            _filter_bar(options, selection),
            _weights(selection),
            _method(),
            html.P(ranking["status"], id="scaling-status", role="status"),
            html.Section(
                [
                    html.H2(
                        t("scaling_ranking_title"), id="scaling-ranking-heading", className="h4"
                    ),
                    html.Div(ranking["body"], id="scaling-ranking"),
                ],
                className="chart-block scaling-ranking",
                **{"aria-labelledby": "scaling-ranking-heading"},
            ),
            _matrix_section(selection, regions, ranking["choices"], matrix),
        ],
        className="scaling-page",
    )


@access.callback(
    Output("scaling-ranking", "children"),
    Output("scaling-status", "children"),
    Output(CANDIDATE_ID, "options"),
    Input(f"{PAGE}-query", "data"),
    access=access.LEADERSHIP,
    prevent_initial_call=True,
)
def update_ranking(query: str | None):
    """A filter or a weight changed: the ranking anew (the score is computed live)."""
    lang = current_language()
    try:
        selection = _selection(query)
        view = _ranking_view(selection, lang)
    except DataUnavailable:
        return components.error_notice(t("no_data")), "", []
    return view["body"], view["status"], view["choices"]


@access.callback(
    Output("scaling-matrix", "children"),
    Input(FIELD_ID, "value"),
    Input(REGION_ID, "value"),
    Input(CANDIDATE_ID, "value"),
    access=access.LEADERSHIP,
    prevent_initial_call=True,
)
def update_matrix(field: str | None, region: str | None, candidate: str | None):
    """The field, the regions or the candidate changed: the transfer map anew (not the weights)."""
    lang = current_language()
    params = {
        scaling.FIELD: field,
        scaling.REGION: region,
        scaling.CANDIDATE: candidate,
    }
    try:
        return _matrix_view(ScalingSelection.from_url(params), lang)
    except DataUnavailable:
        return components.error_notice(t("no_data"))


# "Gewichte zurücksetzen": every slider back to its documented default (the URL and the ranking
# follow as after a slider move).
access.clientside_callback(
    "function(clicks) { if (!clicks) { throw window.dash_clientside.PreventUpdate; } return "
    + json.dumps([scaling_score.DEFAULT_WEIGHTS[name] for name in scaling_score.COMPONENTS])
    + "; }",
    [Output(_weight_id(name), "value", allow_duplicate=True) for name in scaling_score.COMPONENTS],
    Input(RESET_WEIGHTS_ID, "n_clicks"),
    prevent_initial_call=True,
)

# Each slider's value beside it, at once, without the server.
access.clientside_callback(
    "function() { return Array.prototype.slice.call(arguments).map(String); }",
    [Output(f"{_weight_id(name)}-value", "children") for name in scaling_score.COMPONENTS],
    [Input(_weight_id(name), "value") for name in scaling_score.COMPONENTS],
    prevent_initial_call=True,
)


def _selection(query: str | None) -> ScalingSelection:
    return ScalingSelection.from_url(urls.query_params(query))


# --- filters and weights ---------------------------------------------------------------------


def _select(select_id: str, label: str, choices: list[dict[str, str]], value: Any) -> html.Div:
    return html.Div(
        [
            dbc.Label(t(label), html_for=select_id),
            dbc.Select(id=select_id, options=choices, value=value or ALL_VALUE),
        ],
        className="scaling-filter",
    )


def _filter_bar(
    options: challenges.ChallengeFilterOptions, selection: ScalingSelection
) -> html.Section:
    events = [{"label": t("scaling_all_events"), "value": ALL_VALUE}] + [
        {"label": e.name, "value": e.code} for e in options.events
    ]
    fields = [{"label": t("scaling_all_fields"), "value": ALL_VALUE}] + [
        {"label": f.name, "value": f.code} for f in options.fields
    ]
    statuses = [{"label": t("scaling_all_statuses"), "value": ALL_VALUE}] + [
        {"label": t(f"status_{s}"), "value": s} for s in STATUSES
    ]
    return html.Section(
        [
            html.H2(t("scaling_filters"), id="scaling-filters-heading", className="h5"),
            html.Div(
                [
                    _select(EVENT_ID, "scaling_filter_event", events, selection.event_id),
                    _select(FIELD_ID, "scaling_filter_field", fields, selection.action_field),
                    _select(STATUS_ID, "scaling_filter_status", statuses, selection.status),
                ],
                className="scaling-filters",
            ),
        ],
        className="scaling-panel",
        **{"aria-labelledby": "scaling-filters-heading"},
    )


def _weights(selection: ScalingSelection) -> html.Section:
    defaults = ", ".join(
        f"{t(f'scaling_component_{n}')} {scaling_score.DEFAULT_WEIGHTS[n]}"
        for n in scaling_score.COMPONENTS
    )
    return html.Section(
        [
            html.H2(t("scaling_weights"), id="scaling-weights-heading", className="h5"),
            html.P(t("scaling_weights_help"), className="small mb-1"),
            html.P(t("scaling_defaults", defaults), className="small", id="scaling-defaults"),
            html.Div(
                [_weight(name, selection.weights[name]) for name in scaling_score.COMPONENTS],
                className="scaling-weights",
            ),
            html.Button(
                t("scaling_weights_reset"),
                id=RESET_WEIGHTS_ID,
                type="button",
                className="btn btn-outline-dark btn-sm mt-2",
            ),
        ],
        className="scaling-panel",
        **{"aria-labelledby": "scaling-weights-heading"},
    )


def _weight(name: str, value: int) -> html.Div:
    """A native range input (keyboard-operable) with a visible label and value.

    dcc.Input(type="range") crashes the renderer (setSelectionRange on a range input);
    dcc.Slider has no way to name its thumb for screen readers.
    """
    slider_id = _weight_id(name)
    return html.Div(
        [
            html.Label(
                [
                    t(f"scaling_component_{name}"),
                    html.Span(
                        [
                            html.Output(str(value), id=f"{slider_id}-value", htmlFor=slider_id),
                            " / 10",
                        ],
                        className="scaling-weight-value",
                    ),
                ],  # fmt: skip
                htmlFor=slider_id,
                className="form-label d-flex justify-content-between",
            ),
            dbc.Input(
                id=slider_id,
                type="range",
                min=scaling_score.MIN_WEIGHT,
                max=scaling_score.MAX_WEIGHT,
                step=1,
                value=value,
                debounce=300,  # milliseconds: one ranking after the thumb rests, not one a step
                class_name="form-range scaling-range",
            ),
        ],
        className="scaling-weight",
    )


def _method() -> html.Details:
    return html.Details(
        [
            html.Summary(t("scaling_method_title")),
            html.Ul([html.Li(t(f"scaling_method_{n}")) for n in scaling_score.COMPONENTS]),
            html.P(t("scaling_method_filters"), className="small"),
        ],
        className="scaling-method",
    )


# --- the ranking -----------------------------------------------------------------------------


def _ranking_view(selection: ScalingSelection, lang: str) -> dict[str, Any]:
    ranked, total = scaling.ranking(selection, lang)
    query = selection.query()
    choices = [{"label": t("scaling_matrix_no_candidate"), "value": ALL_VALUE}] + [
        {"label": f"{r.rank}. {r.candidate.title}", "value": r.candidate.solution_id}
        for r in ranked
    ]
    if selection.candidate and selection.candidate not in {r.candidate.solution_id for r in ranked}:
        choices.append({"label": selection.candidate, "value": selection.candidate})
    if not ranked:
        body = [html.P(t("scaling_ranking_none"), className="empty-state"), _downloads(query)]
        return {"body": body, "status": t("scaling_status_empty"), "choices": choices}
    status = t("scaling_status", format_number(total, lang=lang), ranked[0].candidate.title)
    body = [
        components.table_region(
            _ranking_table(ranked, total, selection.weights, lang), t("scaling_ranking_title")
        ),
        _downloads(query),
    ]
    return {"body": body, "status": status, "choices": choices}


def _ranking_table(
    ranked: list[scaling_score.Ranked], total: int, weights: dict[str, int], lang: str
) -> dcc.Markdown:
    """The ranking as one piece of HTML, every text escaped.

    As Dash components (~2,500 for 50 rows with their reasons) the Dash 4 renderer took over a
    minute of main-thread time on each re-ranking; one Markdown component takes a moment.
    """
    caption = t(
        "scaling_ranking_caption",
        format_number(len(ranked), lang=lang),
        format_number(total, lang=lang),
    )
    head = "".join(
        [
            f'<th scope="col" class="text-end">{_e(t("scaling_col_rank"))}</th>',
            f'<th scope="col">{_e(t("scaling_col_solution"))}</th>',
            f'<th scope="col" class="text-end">{_e(t("scaling_col_score"))}</th>',
            *(
                f'<th scope="col"><abbr title="{_e(t(f"scaling_component_{n}"))}">'
                f"{_e(t(f'scaling_short_{n}'))}</abbr></th>"
                for n in scaling_score.COMPONENTS
            ),
        ]
    )
    rows = "".join(_ranking_row(r, weights, lang) for r in ranked)
    table = (
        '<table class="table table-sm data-table scaling-ranking-table">'
        f"<caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    return dcc.Markdown(table, dangerously_allow_html=True, className="scaling-ranking-html")


def _e(text: object) -> str:
    """Text for the ranking's HTML: escaped, and on one line – a blank line would end the
    Markdown HTML block and let the rest be read as Markdown."""
    return escape(" ".join(str(text).split()), quote=True)


def _ranking_row(ranked: scaling_score.Ranked, weights: dict[str, int], lang: str) -> str:
    c = ranked.candidate
    lines = "".join(
        f"<li>{_e(line)}</li>"
        for line in scaling_score.explanation(c, ranked.components, weights, lang)
    )
    why = (
        f'<details class="scaling-why"><summary>{_e(t("scaling_why"))}'
        f'<span class="visually-hidden"> – {_e(c.title)}</span></summary>'
        f'<ul class="scaling-why-parts">{lines}</ul></details>'
    )
    href = "/loesungen/" + quote(c.solution_id, safe="")
    solution = (
        f'<a class="scaling-title" href="{_e(href)}">{_e(c.title)}</a>'
        f'<span class="d-block small text-body-secondary">{_e(c.action_field_name)}</span>{why}'
    )
    cells = "".join(_component_cell(ranked, name, lang) for name in scaling_score.COMPONENTS)
    return (
        f'<tr class="scaling-row" data-solution="{_e(c.solution_id)}">'
        f'<td class="text-end">{_e(format_number(ranked.rank, lang=lang))}</td>'
        f"<td>{solution}</td>"
        f'<td class="text-end scaling-score">{_e(format_fixed(ranked.score, 2, lang=lang))}</td>'
        f"{cells}</tr>"
    )


def _component_cell(ranked: scaling_score.Ranked, name: str, lang: str) -> str:
    """A component's value as a number and a small bar (the bar only repeats the number)."""
    value = ranked.components[name]
    if name == "rating" and ranked.candidate.mean_rating is None:
        text = f'<span class="small scaling-unrated">{_e(t("scaling_not_rated"))}</span>'
    else:
        text = _e(format_fixed(value, 2, lang=lang))
    bar = (
        '<span class="scaling-bar" aria-hidden="true">'
        f'<span class="scaling-bar-fill" style="width: {value * 100:.0f}%"></span></span>'
    )
    return f'<td class="scaling-component">{bar}{text}</td>'


def _downloads(query: str) -> html.P:
    label = t("downloads_label", t("scaling_ranking_title"))
    return components.downloads(scaling.RANKING_DATASET, query, label)


# --- the transfer map ------------------------------------------------------------------------


def _matrix_section(
    selection: ScalingSelection,
    regions: tuple[str, ...],
    choices: list[dict[str, str]],
    matrix: list[Any],
) -> html.Section:
    region_choices = [{"label": t("scaling_matrix_all_regions"), "value": ALL_VALUE}] + [
        {"label": t("scaling_matrix_districts_of", r), "value": r} for r in regions
    ]
    return html.Section(
        [
            html.H2(t("scaling_matrix_title"), id="scaling-matrix-heading", className="h4"),
            html.P(t("scaling_matrix_intro")),
            html.Div(
                [
                    html.Div(
                        [
                            dbc.Label(t("scaling_matrix_region"), html_for=REGION_ID),
                            dbc.Select(
                                id=REGION_ID,
                                options=region_choices,
                                value=selection.regierungsbezirk or ALL_VALUE,
                            ),
                        ],
                        className="scaling-filter",
                    ),
                    html.Div(
                        [
                            dbc.Label(t("scaling_matrix_candidate"), html_for=CANDIDATE_ID),
                            dbc.Select(
                                id=CANDIDATE_ID,
                                options=choices,
                                value=selection.candidate or ALL_VALUE,
                            ),
                        ],
                        className="scaling-filter",
                    ),
                ],
                className="scaling-filters",
            ),
            html.Div(matrix, id="scaling-matrix"),
        ],
        className="chart-block scaling-matrix",
        **{"aria-labelledby": "scaling-matrix-heading"},
    )


def _matrix_view(selection: ScalingSelection, lang: str) -> list[Any]:
    cells, chosen, targets = scaling.matrix(selection, lang)
    table = scaling.matrix_table(selection, lang)
    note = None
    if chosen:
        note = html.P(
            t(
                "scaling_matrix_candidate_note",
                chosen.title,
                format_number(len(targets), lang=lang),
            ),
            className="scaling-target-note",
        )
    return [
        note,
        components.table_region(_matrix_table(cells, chosen, targets, selection, lang)),
        components.chart_block(
            "scaling-heatmap",
            table,
            None if table.empty else figures.heatmap(table, "feld", "region", "ohne_loesung", lang),
            _heatmap_summary(cells, lang),
            selection.query(),
            lang,
        ),
    ]


def _matrix_table(
    cells: tuple[scaling.TransferCell, ...],
    chosen: scaling_score.Candidate | None,
    targets: set[tuple[str, str]],
    selection: ScalingSelection,
    lang: str,
) -> html.Table:
    regions = list(dict.fromkeys((c.region_key, c.region_name) for c in cells))
    fields = list(dict.fromkeys((c.action_field, c.action_field_name) for c in cells))
    by_key = {(c.action_field, c.region_key): c for c in cells}
    level = (
        "scaling_matrix_caption_district"
        if selection.regierungsbezirk
        else "scaling_matrix_caption_rb"
    )
    return html.Table(
        [
            html.Caption(t("scaling_matrix_caption", t(level))),
            html.Thead(
                html.Tr([html.Td()] + [html.Th(name, scope="col") for _key, name in regions])
            ),
            html.Tbody(
                [
                    html.Tr(
                        [html.Th(field_name, scope="row")]
                        + [
                            _matrix_cell(by_key[(field, key)], chosen, targets, lang)
                            for key, _name in regions
                        ]
                    )
                    for field, field_name in fields
                ]
            ),
        ],
        className="table table-sm table-bordered scaling-matrix-table",
    )


def _matrix_cell(
    cell: scaling.TransferCell,
    chosen: scaling_score.Candidate | None,
    targets: set[tuple[str, str]],
    lang: str,
) -> html.Td:
    """Demand, supply and money; a gap and a candidate's target are said in words, not colour."""
    n = format_number
    gap = cell.unsolved > 0
    target = chosen is not None and (cell.action_field, cell.region_key) in targets
    lines = [
        html.Span(t("scaling_cell_challenges", n(cell.challenges, lang=lang)), className="d-block"),
        html.Span(t("scaling_cell_solutions", n(cell.solutions, lang=lang)), className="d-block"),
        html.Span(
            t("scaling_cell_grants", format_money_whole(cell.eur_grants, lang=lang)),
            className="d-block",
        ),
    ]
    if gap:
        lines.append(
            html.Strong(
                t("scaling_cell_gap", n(cell.unsolved, lang=lang)),
                className="d-block scaling-gap-label",
            )
        )
    if target and chosen is not None:
        lines.append(
            html.Strong(
                t("scaling_cell_target", chosen.title), className="d-block scaling-target-label"
            )
        )
    classes = ["scaling-cell"]
    if gap:
        classes.append("scaling-gap")
    if target:
        classes.append("scaling-target")
    return html.Td(lines, className=" ".join(classes))


def _heatmap_summary(cells: tuple[scaling.TransferCell, ...], lang: str) -> str:
    if not cells:
        return ""
    top = max(cells, key=lambda c: c.unsolved)
    return t(
        "scaling_heatmap_summary",
        top.action_field_name,
        top.region_name,
        format_number(top.unsolved, lang=lang),
    )
