"""Curation board `/admin/kuratierung`: every solution's state; filter, rate, note, move."""

from typing import Any

import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import access, components, urls
from dashboard import curation_board as board
from dashboard import curation_panel as detail
from dashboard.curation_panel import (
    BOARD_QUERY_ID,
    DETAIL_ID,
    GOTO_ID,
    LIVE,
    OPEN_TYPE,
    REFRESH_ID,
    ROWS_ID,
    SHOWN_ID,
)
from dashboard.db import DataUnavailable
from dashboard.i18n import current_language, format_date, format_datetime, format_fixed, t
from dashboard.i18n import format_number as n
from dashboard.store import STATUSES, current_store

PATH = "/admin/kuratierung"
access.register_page(
    __name__, path=PATH, access=access.CURATOR, title=lambda **_: t("curation_title")
)

PAGE = "curation"
STATUS_ID, EVENT_ID, FIELD_ID = "curation-status", "curation-event", "curation-field"
RATING_ID, PATRON_ID, QUERY_ID = "curation-rating", "curation-patron", "curation-q"
SORT_ID, SIZE_ID = "curation-sort", "curation-size"
ROW_TYPE = "curation-row"
NOT_MINE_ID, DEFAULT_ORDER_ID = "curation-not-mine", "curation-default-order"
SORT_TYPE, COUNT_TYPE = "curation-sort-button", "curation-count-button"
SELECT_ALL_ID, SELECTED_ID = "curation-select-all", "curation-selected"
BULK_STATUS_ID, BULK_APPLY_ID = "curation-bulk-status", "curation-bulk-apply"
BULK_FEEDBACK_ID, BULK_RELOAD_ID = "curation-bulk-feedback", "curation-bulk-reload"
NOTES_PREVIEW = 80

URL = [
    urls.UrlParam(board.STATUS_PARAM, STATUS_ID, default=board.ALL),
    urls.UrlParam(board.EVENT_PARAM, EVENT_ID, default=board.ALL),
    urls.UrlParam(board.FIELD_PARAM, FIELD_ID, default=board.ALL),
    urls.UrlParam(board.RATING_PARAM, RATING_ID, default=board.ALL),
    urls.UrlParam(board.PATRON_PARAM, PATRON_ID, default=board.ALL),
    urls.UrlParam(board.QUERY_PARAM, QUERY_ID, default="", typing=True),
    urls.UrlParam(board.SORT_PARAM, SORT_ID, default=board.DEFAULT_SORT, prop="data"),
    urls.UrlParam(board.SIZE_PARAM, SIZE_ID, default=board.PAGE_SIZES[0], kind="int"),
    # Set by the pagination's links; back to 1 whenever a filter, the sort or the size changes.
    urls.UrlParam(board.PAGE_PARAM, None, default=1, kind="int", reset=True),
]
components.sync_url(PAGE, URL, focus="curation-results-heading")
# (URL sort key, heading); the id and notes columns do not sort.
COLUMNS = (
    ("titel", "curation_col_title"),
    (None, "curation_col_id"),
    ("eingang", "curation_col_submitted"),
    ("veranstaltung", "curation_col_event"),
    ("feld", "curation_col_field"),
    ("status", "curation_col_status"),
    ("bewertung", "curation_col_rating"),
    (None, "curation_col_notes"),
    ("aenderung", "curation_col_updated"),
)


@access.protected(access.CURATOR, PATH)
def layout(**query: Any) -> html.Div:
    lang = current_language()
    try:
        view = board.board_view(urls.url_values(URL, query), lang, detail.current_username())
        options = board.options(lang)
    except DataUnavailable:
        return html.Div([html.H1(t("curation_title")), components.error_notice(t("no_data"))])
    return html.Div(
        [
            html.H1(t("curation_title")),
            html.P(t("curation_intro"), className="lead"),
            components.url_state(PAGE, URL),
            dcc.Store(id=SORT_ID, data=view.values[board.SORT_PARAM]),
            dcc.Store(id=ROWS_ID, data=_rows_data(view)),
            dcc.Store(id=REFRESH_ID, data={"n": 0, "keep": False}),
            # `<page>-query` stays empty until the first change: a save before it needs this.
            dcc.Store(id=SHOWN_ID, data=urls.url_query(URL, view.values)),
            dcc.Store(id=DETAIL_ID),
            dcc.Store(id=GOTO_ID),
            html.Div(id="curation-refocus", hidden=True),
            html.Section(
                [
                    html.H2(
                        t("curation_counts_heading"), id="curation-counts-heading", className="h5"
                    ),
                    html.P(t("curation_counts_hint"), className="small mb-2"),
                    html.Div(_counts(view), id="curation-counts"),
                ],
                className="curation-counts",
                **{"aria-labelledby": "curation-counts-heading"},
            ),
            _filter_bar(options, view.values),
            _results_section(view, lang),
            detail.panel(),
        ],
        className="curation-page",
    )


# --- the board: counts, table, pages ----------------------------------------------------------


@access.callback(
    Output("curation-counts", "children"),
    Output("curation-count", "children"),
    Output("curation-progress", "children"),
    Output("curation-table", "children"),
    Output(ROWS_ID, "data"),
    Output("curation-downloads", "children"),
    Input(BOARD_QUERY_ID, "data"),
    Input(REFRESH_ID, "data"),
    State({"type": ROW_TYPE, "solution": ALL}, "id"),
    State({"type": ROW_TYPE, "solution": ALL}, "value"),
    State(SHOWN_ID, "data"),
    access=access.CURATOR,
    prevent_initial_call=True,
)
def show_board(query, refresh, row_ids, row_values, shown):
    """The URL changed (a filter, the sort, a page, Back) or something was saved: the board anew.

    After a save in the detail panel the ticked rows stay ticked; after a move or a filter, not.
    """
    lang = current_language()
    keep = ctx.triggered_id == REFRESH_ID and (refresh or {}).get("keep")
    selected = (
        {i["solution"] for i, v in zip(row_ids or [], row_values or [], strict=False) if v}
        if keep
        else set()
    )
    try:
        view = board.board_view(
            urls.url_values(URL, urls.query_params(shown if query is None else query)),
            lang,
            detail.current_username(),
        )
    except DataUnavailable:
        notice = components.error_notice(t("no_data"))
        return no_update, "", no_update, notice, {}, no_update
    return (
        _counts(view),
        _count_text(view.board.total, lang),
        _progress(view, lang),
        _table_body(view, lang, selected),
        _rows_data(view),
        _downloads(view),
    )


def _rows_data(view: board.BoardView) -> dict[str, dict[str, Any]]:
    """The version and title of each row as the curator sees it: a bulk move names them."""
    return {r.solution_id: {"v": r.version, "t": r.title} for r in view.board.rows}


def _count_text(total: int, lang: str) -> str:
    if total == 0:
        return t("curation_count_none")
    if total == 1:
        return t("curation_count_one")
    return t("curation_count_many", n(total, lang=lang))


def _counts(view: board.BoardView) -> html.Div:
    """A button per status with its count; pressing one filters by it (and shows it pressed)."""
    counts = view.board.counts
    chosen = view.values[board.STATUS_PARAM]
    buttons = [(board.ALL, t("curation_count_all"), sum(counts.values()))]
    buttons += [(s, t(f"status_{s}"), counts.get(s, 0)) for s in STATUSES]
    return html.Div(
        [
            html.Button(
                [
                    html.Span(label, className="curation-count-label"),
                    " ",
                    html.Span(n(count), className="curation-count-value"),
                ],
                id={"type": COUNT_TYPE, "status": status},
                type="button",
                className=f"curation-count-button status-{status}",
                **{"aria-pressed": "true" if status == chosen else "false", "data-status": status},
            )
            for status, label, count in buttons
        ],
        role="group",
        className="curation-count-buttons",
        **{"aria-labelledby": "curation-counts-heading"},
    )


def _filter_bar(options: board.CurationOptions, values: dict[str, Any]) -> html.Section:
    ratings = [{"label": t("curation_all_ratings"), "value": board.ALL}]
    ratings += [
        {"label": t("curation_rating_unrated"), "value": board.UNRATED},
        {"label": t("curation_rating_not_mine"), "value": board.NOT_RATED_BY_ME},
    ]
    ratings += [
        {"label": t("curation_rating_min", format_fixed(float(v), 1)), "value": v}
        for v in board.MIN_RATINGS
    ]
    patrons = [{"label": t("curation_all_patrons"), "value": board.ALL}]
    patrons += [
        {"label": t("curation_patron_any"), "value": board.WITH_PATRON},
        {"label": t("curation_patron_none"), "value": board.WITHOUT_PATRON},
    ]
    patrons += [
        {"label": t("curation_patron_option", p.name), "value": p.code} for p in options.patrons
    ]
    selects = [
        (STATUS_ID, "curation_filter_status", detail.status_options(t("curation_all_statuses"))),
        (EVENT_ID, "curation_filter_event", _choices(t("curation_all_events"), options.events)),
        (FIELD_ID, "curation_filter_field", _choices(t("curation_all_fields"), options.fields)),
        (RATING_ID, "curation_filter_rating", ratings),
        (PATRON_ID, "curation_filter_patron", patrons),
    ]
    param = {
        STATUS_ID: board.STATUS_PARAM,
        EVENT_ID: board.EVENT_PARAM,
        FIELD_ID: board.FIELD_PARAM,
        RATING_ID: board.RATING_PARAM,
        PATRON_ID: board.PATRON_PARAM,
    }
    fields = [
        html.Div(
            [
                dbc.Label(t(label), html_for=select_id),
                dbc.Select(id=select_id, options=choices, value=values[param[select_id]]),
            ],
            className="curation-filter",
        )
        for select_id, label, choices in selects
    ]
    search = html.Div(
        [
            dbc.Label(t("curation_filter_search"), html_for=QUERY_ID),
            dcc.Input(
                id=QUERY_ID,
                type="search",
                value=values[board.QUERY_PARAM],
                debounce=0.3,
                autoComplete="off",
                spellCheck=False,
                maxLength=board.MAX_QUERY,
                className="form-control",
            ),
            html.P(t("curation_search_hint"), className="form-text mb-0"),
        ],
        className="curation-filter curation-search",
        role="search",
    )
    reset = html.Button(
        t("curation_reset"), id="curation-reset", type="button", className="btn btn-link"
    )
    return html.Section(
        [
            html.H2(t("curation_filters"), id="curation-filters-heading", className="h5"),
            html.Div([*fields, search, reset], className="curation-filters"),
        ],
        className="curation-filter-bar",
        **{"aria-labelledby": "curation-filters-heading"},
    )


def _choices(everything: str, choices: tuple[board.CurationChoice, ...]) -> list[dict[str, str]]:
    return [{"label": everything, "value": board.ALL}] + [
        {"label": c.name, "value": c.code} for c in choices
    ]


def _results_section(view: board.BoardView, lang: str) -> html.Section:
    sizes = [{"label": n(s), "value": str(s)} for s in board.PAGE_SIZES]
    return html.Section(
        [
            html.Div(
                [
                    html.H2(
                        t("curation_results"),
                        id="curation-results-heading",
                        tabIndex="-1",
                        className="h4 mb-1",
                    ),
                    html.P(
                        _count_text(view.board.total, lang),
                        id="curation-count",
                        className="curation-total mb-0",
                        **LIVE,
                    ),
                    html.Div(_progress(view, lang), id="curation-progress"),
                ],
                className="curation-results-head",
            ),
            _bulk_bar(),
            html.Div(_table_body(view, lang, set()), id="curation-table"),
            html.Div(
                [
                    html.Div(
                        [
                            dbc.Label(t("curation_page_size"), html_for=SIZE_ID),
                            dbc.Select(id=SIZE_ID, options=sizes, value=str(view.page_size)),
                        ],
                        className="curation-size",
                    ),
                    html.Div(_downloads(view), id="curation-downloads"),
                ],
                className="curation-table-foot",
            ),
        ],
        className="curation-results",
        **{"aria-labelledby": "curation-results-heading"},
    )


def _progress(view: board.BoardView, lang: str) -> list:
    """The curator's progress ("128 von 400 gesichtet": rated by them, under the filters but the
    rating filter) and a switch to the ones still to do ("noch nicht von mir bewertet")."""
    progress = view.progress
    share = 100 * progress.rated / progress.solutions if progress.solutions else 0
    pressed = view.values[board.RATING_PARAM] == board.NOT_RATED_BY_ME
    return [
        html.Div(
            [
                html.P(
                    [
                        html.Span(t("curation_progress_label") + " "),
                        html.Strong(detail.progress_text(progress, lang)),
                        " ",
                        html.Span(t("curation_progress_meaning"), className="small"),
                    ],
                    className="mb-1",
                ),
                html.Div(
                    html.Div(className="curation-progress-done", style={"width": f"{share:.1f}%"}),
                    className="curation-progress-bar",
                    **detail.ARIA_HIDDEN,
                ),
            ],
            className="curation-progress-text",
        ),
        html.Button(
            t("curation_only_not_mine"),
            id=NOT_MINE_ID,
            type="button",
            className="curation-count-button curation-not-mine",
            **{"aria-pressed": "true" if pressed else "false"},
        ),
    ]


def _bulk_bar() -> html.Div:
    plural = {
        "data-none": t("curation_selected_none"),
        "data-one": t("curation_selected_one"),
        "data-many": t("curation_selected_many"),
    }
    return html.Div(
        [
            html.Div(
                [
                    html.P(
                        t("curation_selected_none"),
                        id=SELECTED_ID,
                        className="curation-selected mb-0",
                        **LIVE,
                        **plural,
                    ),
                    html.Div(
                        [
                            dbc.Label(t("curation_bulk_status"), html_for=BULK_STATUS_ID),
                            dbc.Select(
                                id=BULK_STATUS_ID,
                                options=detail.status_options(),
                                value="reviewing",
                            ),
                        ],
                        className="curation-bulk-status",
                    ),
                    html.Button(
                        t("curation_bulk_apply"),
                        id=BULK_APPLY_ID,
                        type="button",
                        className="btn btn-primary",
                    ),
                ],
                className="curation-bulk",
                role="group",
                **{"aria-label": t("curation_bulk_label")},
            ),
            html.Div(id=BULK_FEEDBACK_ID, className="curation-feedback", **LIVE),
        ]
    )


def _table_body(view: board.BoardView, lang: str, selected: set[str]) -> list:
    if not view.board.total:
        return [
            html.Div(
                [
                    html.P(t("curation_count_none"), className="fw-semibold mb-1"),
                    html.P(t("curation_empty_hint"), className="mb-0"),
                ],
                className="empty-state",
            )
        ]
    return [
        _order_line(view),
        components.table_region(_table(view, lang, selected)),
        _pagination(view, lang),
    ]


def _order_line(view: board.BoardView) -> html.P:
    """The order in words; away from the default one, a way back to it."""
    if view.sort == board.DEFAULT_SORT:
        return html.P(
            [html.Span(t("curation_order_label") + " "), t("curation_order_default")],
            className="small mb-2 curation-order",
        )
    direction = "curation_sort_descending" if view.descending else "curation_sort_ascending"
    return html.P(
        [
            html.Span(t("curation_order_label") + " "),
            t("curation_order_column", t(_column_label(view.sort)), t(direction)),
            " ",
            html.Button(
                t("curation_order_back"),
                id=DEFAULT_ORDER_ID,
                type="button",
                className="btn btn-link btn-sm p-0 align-baseline",
            ),
        ],
        className="small mb-2 curation-order",
    )


def _column_label(sort: str) -> str:
    return dict((k, label) for k, label in COLUMNS if k)[sort]


def _table(view: board.BoardView, lang: str, selected: set[str]) -> html.Table:
    rows = view.board.rows
    page, pages = n(view.board.page, lang=lang), n(view.board.pages, lang=lang)
    if view.sort == board.DEFAULT_SORT:
        caption = t("curation_caption_default", page, pages)
    else:
        direction = "curation_sort_descending" if view.descending else "curation_sort_ascending"
        caption = t("curation_caption", t(_column_label(view.sort)), t(direction), page, pages)
    all_selected = bool(rows) and all(r.solution_id in selected for r in rows)
    head = [
        html.Th(
            dbc.Checkbox(
                id=SELECT_ALL_ID,
                value=all_selected,
                label=t("curation_select_page"),
                label_class_name="visually-hidden",
            ),
            scope="col",
            className="curation-check",
        ),
        *(_column_head(key, label, view) for key, label in COLUMNS),
    ]
    return html.Table(
        [
            html.Caption(caption, className="visually-hidden"),
            html.Thead(html.Tr(head)),
            html.Tbody([_row(r, lang, r.solution_id in selected) for r in rows]),
        ],
        className="table table-sm table-hover align-middle curation-table "
        + components.SORTABLE_TABLE,
    )


def _column_head(key: str | None, label: str, view: board.BoardView) -> html.Th:
    """A column heading that sorts by its column: a button, `aria-sort` on the sorted one."""
    return components.sort_header(t(label), key, SORT_TYPE, view.sort, view.descending)


def _row(row: board.CurationRow, lang: str, selected: bool) -> html.Tr:
    """One line: long texts end in "…" (the whole text in `title`, and for screen readers in
    the cell); the title is the button that opens the panel."""
    name = f"{row.title} ({row.solution_id})"  # titles repeat; a control's name should not
    if row.mean_rating is None:
        rating: Any = html.Span(t("curation_not_rated"), className="text-body-secondary")
    else:
        mean = format_fixed(row.mean_rating, 1, lang=lang)
        key = "curation_rating_cell_one" if row.raters == 1 else "curation_rating_cell"
        rating = html.Span(
            [mean, " ", html.Span(f"({n(row.raters, lang=lang)})", className="small")],
            title=t(key, mean, n(row.raters, lang=lang)),
        )
    notes = " ".join(row.notes.split())
    if len(notes) > NOTES_PREVIEW:
        notes = notes[: NOTES_PREVIEW - 1].rstrip() + "…"
    if row.updated_at:
        changed = f"{row.updated_by} · {format_datetime(row.updated_at, lang=lang)}"
        updated: Any = _clip(changed, changed, "curation-updated")
    else:
        updated = html.Span(t("curation_untouched"), className="text-body-secondary")
    event = row.event_name or row.event_id
    field = row.action_field_name or row.action_field
    submitted = format_date(row.submitted_on, lang=lang) if row.submitted_on else "–"
    return html.Tr(
        [
            html.Td(
                dbc.Checkbox(
                    id={"type": ROW_TYPE, "solution": row.solution_id},
                    value=selected,
                    label=t("curation_select_row", name),
                    label_class_name="visually-hidden",
                ),
                className="curation-check",
            ),
            html.Td(
                html.Button(
                    [
                        row.title,
                        html.Span(f" ({row.solution_id})", className="visually-hidden"),
                    ],
                    id={"type": OPEN_TYPE, "solution": row.solution_id},
                    type="button",
                    title=row.title,
                    className="curation-open",
                    **{"aria-haspopup": "dialog", "data-open-solution": row.solution_id},
                ),
                className="curation-title",
            ),
            html.Td(row.solution_id, className="small curation-id"),
            html.Td(submitted, className="small"),
            html.Td(_clip(event, event, "curation-event"), className="small"),
            html.Td(_clip(field, field, "curation-field"), className="small"),
            html.Td(
                html.Span(
                    t(f"status_{row.status}"), className=f"curation-status status-{row.status}"
                )
            ),
            html.Td(rating, className="small"),
            html.Td(_clip(notes, row.notes or None, "curation-notes"), className="small"),
            html.Td(updated, className="small"),
        ],
        className="curation-row",
    )


def _clip(text: str, full: str | None, class_name: str) -> html.Span:
    """A text cut to one line with "…" by the style sheet; `title` shows the whole of it."""
    return html.Span(text, title=full, className=f"curation-clip {class_name}")


def _href(values: dict[str, Any], **changes: Any) -> str:
    query = urls.url_query(URL, {**values, **changes})
    return PATH + (f"?{query}" if query else "")


def _pagination(view: board.BoardView, lang: str) -> html.Div:
    """Where the rows stand, and links to the pages (each a URL of its own, Back returns):
    the portal's link colours (`components.PAGINATION`), the board's spacing from curation.css."""
    return components.pagination(
        page=view.board.page,
        pages=view.board.pages,
        page_size=view.page_size,
        shown=len(view.board.rows),
        total=view.board.total,
        href=lambda number: _href(view.values, **{board.PAGE_PARAM: number}),
        messages="curation",
        lang=lang,
        class_name=f"{components.PAGINATION} curation-pagination",
        range_class_name="mb-0",
    )


def _downloads(view: board.BoardView) -> html.P:
    label = t("downloads_label", t("curation_download_title"))
    return components.downloads(board.DATASET, view.query(), label, "chart-downloads mb-0")


# --- bulk move -----------------------------------------------------------------------------------


@access.callback(
    Output(BULK_FEEDBACK_ID, "children"),
    Output(REFRESH_ID, "data", allow_duplicate=True),
    Input(BULK_APPLY_ID, "n_clicks"),
    State(BULK_STATUS_ID, "value"),
    State({"type": ROW_TYPE, "solution": ALL}, "id"),
    State({"type": ROW_TYPE, "solution": ALL}, "value"),
    State(ROWS_ID, "data"),
    State(REFRESH_ID, "data"),
    access=access.CURATOR,
    prevent_initial_call=True,
)
def move_selection(clicks, status, row_ids, row_values, rows, refresh):
    """The ticked rows to one status, in one transaction, each at the version shown."""
    if not clicks:
        raise PreventUpdate
    lang = current_language()
    rows = rows or {}
    chosen = [i["solution"] for i, v in zip(row_ids or [], row_values or [], strict=False) if v]
    seen = {sid: int(rows[sid]["v"]) for sid in chosen if sid in rows}
    titles = {sid: rows[sid].get("t", sid) for sid in seen}
    try:
        result = board.bulk_move(
            current_store(), seen, status, detail.current_username(), lang, titles
        )
    except DataUnavailable:
        return components.error_notice(t("no_data")), no_update
    if result.saved:
        return detail.notice(result.message, "success"), detail.bump(refresh, keep=False)
    if result.outcome == "stale":
        return detail.stale_notice(result, BULK_RELOAD_ID), no_update
    return detail.notice(result.message, "warning"), no_update


# After a refused bulk move: the board at its current versions, the ticks kept.
access.clientside_callback(
    ClientsideFunction("curation", "reload"),
    Output(REFRESH_ID, "data", allow_duplicate=True),
    Output(BULK_FEEDBACK_ID, "children", allow_duplicate=True),
    Input(BULK_RELOAD_ID, "n_clicks"),
    State(REFRESH_ID, "data"),
    prevent_initial_call=True,
)


# --- in the browser: sort, select, status buttons, reset (assets/curation.js) -----------------

access.clientside_callback(
    ClientsideFunction("curation", "sort"),
    Output(SORT_ID, "data"),
    Input({"type": SORT_TYPE, "key": ALL}, "n_clicks"),
    State(SORT_ID, "data"),
    prevent_initial_call=True,
)
access.clientside_callback(
    ClientsideFunction("curation", "refocusSort"),
    Output("curation-refocus", "className"),
    Input("curation-table", "children"),
    prevent_initial_call=True,
)
access.clientside_callback(
    ClientsideFunction("curation", "defaultOrder"),
    Output(SORT_ID, "data", allow_duplicate=True),
    Input(DEFAULT_ORDER_ID, "n_clicks"),
    prevent_initial_call=True,
)
access.clientside_callback(
    ClientsideFunction("curation", "notMine"),
    Output(RATING_ID, "value", allow_duplicate=True),
    Input(NOT_MINE_ID, "n_clicks"),
    State(RATING_ID, "value"),
    prevent_initial_call=True,
)
access.clientside_callback(
    ClientsideFunction("curation", "chooseStatus"),
    Output(STATUS_ID, "value"),
    Input({"type": COUNT_TYPE, "status": ALL}, "n_clicks"),
    prevent_initial_call=True,
)
access.clientside_callback(
    ClientsideFunction("curation", "select"),
    Output({"type": ROW_TYPE, "solution": ALL}, "value"),
    Output(SELECT_ALL_ID, "value"),
    Output(SELECTED_ID, "children"),
    Input(SELECT_ALL_ID, "value"),
    Input({"type": ROW_TYPE, "solution": ALL}, "value"),
)
access.clientside_callback(
    ClientsideFunction("curation", "reset"),
    Output(STATUS_ID, "value", allow_duplicate=True),
    Output(EVENT_ID, "value"),
    Output(FIELD_ID, "value"),
    Output(RATING_ID, "value"),
    Output(PATRON_ID, "value"),
    Output(QUERY_ID, "value"),
    Input("curation-reset", "n_clicks"),
    prevent_initial_call=True,
)
