"""The detail panel of the curation board: one solution's state, status, notes, ratings and
history, each save at the version the curator saw (`pages/curation.py` holds the board); the
curator's fast path: "Speichern & weiter" (rating, status and notes in one save, then the next
row of the board's order), the keys of assets/curation.js, the video behind consent."""

import dataclasses
import json
import time
from typing import Any
from urllib.parse import quote

import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import access, audit, components, solutions, urls, video
from dashboard import curation_board as board
from dashboard.db import DataUnavailable
from dashboard.i18n import current_language, format_date, format_datetime, format_fixed, t
from dashboard.i18n import format_number as n
from dashboard.store import CRITERIA, STATUSES, current_store

REFRESH_ID = "curation-refresh"  # bumped after a save: the board re-reads its rows
ROWS_ID = "curation-rows"  # the page's rows in their order: {id: {"v": version, "t": title}}
BOARD_QUERY_ID = "curation-query"  # the board's URL query after the first change (url_state)
SHOWN_ID = "curation-shown"  # the query the layout was built for
GOTO_ID = "curation-goto"  # {"page": n}: the board follows the panel to the page of its row
OPEN_TYPE = "curation-open"  # each row's title: a button that opens the panel
STEP_TYPE = "curation-step"  # the panel's "Vorherige"/"Nächste": the row before or after
SAVE_NEXT_ID = "curation-save-next"  # "Speichern & weiter"
PROGRESS_ID = "curation-detail-progress"
VIDEO = "curation-video"  # the prefix of the panel's video ids (dashboard.video.ids)
VIDEO_IDS = video.ids(VIDEO)
PANEL_ID, DETAIL_ID = "curation-panel", "curation-detail"  # DETAIL_ID: what the curator saw
DETAIL_BODY_ID, DETAIL_FEEDBACK_ID = "curation-detail-body", "curation-detail-feedback"
DETAIL_STATE_ID, DETAIL_CLOSE_ID = "curation-detail-state", "curation-detail-close"
DETAIL_STATUS_ID, DETAIL_NOTES_ID = "curation-detail-status", "curation-detail-notes"
DETAIL_RATINGS_ID, DETAIL_HISTORY_ID = "curation-detail-ratings", "curation-detail-history"
DETAIL_RELOAD_ID = "curation-detail-reload"
SAVE_STATUS_ID, SAVE_NOTES_ID = "curation-save-status", "curation-save-notes"
SAVE_RATING_ID = "curation-save-rating"
SCORE_IDS = {criterion: f"curation-score-{criterion}" for criterion in CRITERIA}
HISTORY_LIMIT = 50
ARIA_HIDDEN = {"aria-hidden": "true"}
LIVE = {"aria-live": "polite", "aria-atomic": "true"}


def current_username() -> str:
    from flask_login import current_user

    return current_user.username


def status_options(everything: str | None = None) -> list[dict[str, str]]:
    first = [{"label": everything, "value": board.ALL}] if everything else []
    return first + [{"label": t(f"status_{s}"), "value": s} for s in STATUSES]


def solution_href(solution_id: str) -> str:
    return f"/loesungen/{quote(solution_id, safe='')}"


def bump(refresh: dict | None, keep: bool) -> dict[str, Any]:
    return {"n": int((refresh or {}).get("n", 0)) + 1, "keep": keep}


def notice(message: str, kind: str) -> html.Div:
    return html.Div(message, className=f"alert alert-{kind} mb-0")


def stale_notice(result: board.SaveResult, reload_id: str) -> html.Div:
    """The refusal in words: who changed what in between, and a way to the current state."""
    return html.Div(
        [
            html.P(result.message, className="fw-semibold"),
            html.P(t("curation_stale_changes"), className="mb-1"),
            html.Ul([html.Li(str(line)) for line in result.changes], className="curation-changes"),
            html.P(t("curation_stale_hint"), className="mb-2"),
            html.Button(
                t("curation_reload"),
                id=reload_id,
                type="button",
                className="btn btn-warning btn-sm",
            ),
        ],
        className="alert alert-warning mb-0 curation-stale",
    )


# --- the detail panel ----------------------------------------------------------------------------


def panel() -> dbc.Offcanvas:
    return dbc.Offcanvas(
        [
            # Outside the re-rendered body, so that screen readers hear what a save did.
            html.Div(
                id=DETAIL_FEEDBACK_ID,
                className="curation-feedback curation-detail-feedback",
                **LIVE,
            ),
            html.Div(id=DETAIL_BODY_ID),
            dcc.Store(id=VIDEO_IDS["focus"]),
        ],
        id=PANEL_ID,
        is_open=False,
        placement="end",
        close_button=False,
        scrollable=False,
        labelledby="curation-detail-heading",
        class_name="curation-panel",
    )


@access.callback(
    Output(PANEL_ID, "is_open"),
    Output(DETAIL_BODY_ID, "children"),
    Output(DETAIL_ID, "data"),
    Output(DETAIL_FEEDBACK_ID, "children"),
    Input({"type": OPEN_TYPE, "solution": ALL}, "n_clicks"),
    State(ROWS_ID, "data"),
    State(BOARD_QUERY_ID, "data"),
    State(SHOWN_ID, "data"),
    access=access.CURATOR,
    prevent_initial_call=True,
)
def open_detail(_clicks, rows, query, shown):
    """A row's title: the panel with the solution's current state (and its version)."""
    clicked = [fired for fired in ctx.triggered if fired.get("value")]
    if not clicked or not isinstance(ctx.triggered_id, dict):
        raise PreventUpdate  # buttons that were just rendered, not clicked
    solution_id = json.loads(clicked[0]["prop_id"].rsplit(".", 1)[0])["solution"]
    try:
        body, seen, _where = _detail(solution_id, rows, _view(query, shown))
    except DataUnavailable:
        return True, components.error_notice(t("no_data")), None, None
    return True, body, seen, None


@access.callback(
    Output(DETAIL_BODY_ID, "children", allow_duplicate=True),
    Output(DETAIL_ID, "data", allow_duplicate=True),
    Output(DETAIL_FEEDBACK_ID, "children", allow_duplicate=True),
    Output(GOTO_ID, "data", allow_duplicate=True),
    Input({"type": STEP_TYPE, "to": ALL, "direction": ALL}, "n_clicks"),
    State(ROWS_ID, "data"),
    State(DETAIL_ID, "data"),
    State(DETAIL_STATUS_ID, "value"),
    State(DETAIL_NOTES_ID, "value"),
    *(State(SCORE_IDS[c], "value") for c in CRITERIA),
    State(BOARD_QUERY_ID, "data"),
    State(SHOWN_ID, "data"),
    access=access.CURATOR,
    prevent_initial_call=True,
)
def step(_clicks, rows, seen, status, notes, *rest):
    """ "Vorherige"/"Nächste" (or the keys J/K): the neighbouring row of the board's order in
    the panel, also across the board's pages (the board follows), so that a curator works
    through a list without closing and opening; a change not yet saved holds the step."""
    *scores, query, shown = rest
    clicked = [fired for fired in ctx.triggered if fired.get("value")]
    if not clicked or not isinstance(ctx.triggered_id, dict) or not ctx.triggered_id["to"]:
        raise PreventUpdate  # buttons that were just rendered, not clicked
    if seen and _unsaved(seen, status, notes, scores):
        return no_update, no_update, notice(t("curation_step_unsaved"), "warning"), no_update
    try:
        view = _view(query, shown)
        body, fresh, where = _detail(ctx.triggered_id["to"], rows, view)
    except DataUnavailable:
        return no_update, no_update, components.error_notice(t("no_data")), no_update
    return body, fresh, None, _goto(where, view)


@access.callback(
    Output(DETAIL_BODY_ID, "children", allow_duplicate=True),
    Output(DETAIL_ID, "data", allow_duplicate=True),
    Output(DETAIL_FEEDBACK_ID, "children", allow_duplicate=True),
    Output(REFRESH_ID, "data", allow_duplicate=True),
    Input(DETAIL_RELOAD_ID, "n_clicks"),
    State(DETAIL_ID, "data"),
    State(REFRESH_ID, "data"),
    State(ROWS_ID, "data"),
    State(BOARD_QUERY_ID, "data"),
    State(SHOWN_ID, "data"),
    access=access.CURATOR,
    prevent_initial_call=True,
)
def reload_detail(clicks, seen, refresh, rows, query, shown):
    """After a refused save: the current state, in the panel and the board; an unsaved text
    stays readable in the notice."""
    if not clicks or not seen:
        raise PreventUpdate
    try:
        body, fresh, _where = _detail(seen["sid"], rows, _view(query, shown), seen.get("next"))
    except DataUnavailable:
        return no_update, no_update, components.error_notice(t("no_data")), no_update
    if fresh is None:
        return body, None, None, no_update
    message = [html.P(t("curation_reloaded"), className="mb-0")]
    if seen.get("draft"):
        message.append(
            html.P(t("curation_reloaded_draft", seen["draft"]), className="mb-0 curation-draft")
        )
    notice = html.Div(message, className="alert alert-info mb-0")
    return body, fresh, notice, bump(refresh, keep=True)


def _view(query: str | None, shown: str | None) -> board.BoardView:
    """The board as the curator sees it: its URL's filters, order and page."""
    params = urls.query_params(shown if query is None else query)
    return board.board_view(params, current_language(), current_username())


def _goto(where: board.Place | None, view: board.BoardView) -> Any:
    """The board's page to show with the panel's row, when it is another than the one shown."""
    if where is None or where.page is None or where.page == view.board.page:
        return no_update
    # A new value each time, so that the same page asked for again still moves the board.
    return {"page": where.page, "sid": where.solution_id, "at": time.time_ns()}


def _unsaved(seen: dict[str, Any], status: str | None, notes: str | None, scores: list) -> bool:
    """Whether the panel holds a status, notes or scores that differ from the saved ones."""
    mine = seen.get("scores") or {}
    return (
        (notes or "") != seen.get("notes", "")
        or (status or seen["status"]) != seen["status"]
        or any(
            v not in (None, "") and v != mine.get(c) for c, v in zip(CRITERIA, scores, strict=True)
        )
    )


access.clientside_callback(
    ClientsideFunction("curation", "close"),
    Output(PANEL_ID, "is_open", allow_duplicate=True),
    Input(DETAIL_CLOSE_ID, "n_clicks"),
    prevent_initial_call=True,
)
access.clientside_callback(
    ClientsideFunction("curation", "refocusOpener"),
    Output("curation-refocus", "title"),
    Input(PANEL_ID, "is_open"),
    State(DETAIL_ID, "data"),
    prevent_initial_call=True,
)
# The panel's row is on another page of the board: the board's URL (and so the board) follows.
access.clientside_callback(
    ClientsideFunction("curation", "gotoPage"),
    Output("curation-refocus", "lang"),
    Input(GOTO_ID, "data"),
    prevent_initial_call=True,
)


@access.callback(
    Output(VIDEO_IDS["body"], "children"),
    Input(VIDEO_IDS["load"], "n_clicks"),
    State(VIDEO_IDS["load"], "value"),
    access=access.CURATOR,
    prevent_initial_call=True,
)
def load_video(n_clicks, solution_id):
    """The curator consented (as on the public page): only now does the panel hold the player."""
    if not n_clicks:
        raise PreventUpdate
    return video.consented(solutions.find(solution_id), VIDEO)


# The button is gone once the player is there: the focus moves to the player.
access.clientside_callback(
    ClientsideFunction("curation", "focusPlayer"),
    Output(VIDEO_IDS["focus"], "data"),
    Input(VIDEO_IDS["body"], "children"),
    prevent_initial_call=True,
)


def _detail(
    solution_id: str,
    rows: dict[str, Any] | None,
    view: board.BoardView,
    next_id: str | None = None,
) -> tuple[list, dict[str, Any] | None, board.Place | None]:
    """The panel's content, what the curator sees of the entry (the version a save names) and
    where it stands in the board's order (`view`; `rows`: the page's rows as the curator saw
    them, for a row that a save took out of the filters). `next_id`: the row that came next
    when the curator opened this one, kept while it is on the board (someone else's change may
    have moved this row meanwhile: "Speichern & weiter" still goes on where the curator was)."""
    lang = current_language()
    solution = solutions.detail(solution_id)
    if solution is None:
        return [components.error_notice(t("curation_unknown_solution"))], None, None
    store = current_store()
    entry = store.entry(solution_id)
    username = current_username()
    ratings = store.ratings(solution_id)
    mine = ratings.get(username, {})
    where = board.place(view, lang, solution_id, list(rows or {}))
    kept = board.find(view, lang, next_id) if next_id and next_id != solution_id else None
    if kept is not None:
        where = dataclasses.replace(where, next=kept)
    seen = {"sid": solution_id, "version": entry.version, "status": entry.status,
            "notes": entry.notes, "title": solution.title, "scores": mine,
            "next": where.next.solution_id if where.next else None}  # fmt: skip
    field_name = solution.action_field_en if lang == "en" else solution.action_field_de
    body = [
        html.Div(
            [
                # The focus lands here after "Speichern & weiter" and the keys J/K: a screen
                # reader then reads the next solution's title.
                html.H2(
                    solution.title,
                    id="curation-detail-heading",
                    tabIndex="-1",
                    className="h4 mb-0",
                    **{"data-solution": solution_id},
                ),
                html.Button(
                    [html.Span("×", **ARIA_HIDDEN), " ", t("curation_detail_close")],
                    id=DETAIL_CLOSE_ID,
                    type="button",
                    className="btn btn-outline-secondary btn-sm",
                ),
            ],
            className="curation-detail-head",
        ),
        _steps(where),
        html.P(_progress_text(view), id=PROGRESS_ID, className="small mb-1 curation-progress-line"),
        _keys_hint(),
        html.P(solution.summary, className="small"),
        _video(solution),
        html.P(_state_text(entry, lang), id=DETAIL_STATE_ID, className="curation-detail-state"),
        html.Section(
            [
                html.H3(t("curation_your_rating"), id="curation-your-rating", className="h5"),
                html.P(
                    [t("curation_rating_scale"), " ", t("curation_keys_rate_hint")],
                    className="small",
                ),
                *(
                    html.Fieldset(
                        [
                            html.Legend(t(f"curation_criterion_{c}"), className="curation-legend"),
                            dbc.RadioItems(
                                id=SCORE_IDS[c],
                                options=[{"label": str(v), "value": v} for v in range(1, 6)],
                                value=mine.get(c),
                                inline=True,
                            ),
                        ],
                        className="curation-criterion",
                        **{"data-criterion": c},
                    )
                    for c in CRITERIA
                ),
                html.Button(
                    t("curation_save_rating"),
                    id=SAVE_RATING_ID,
                    type="button",
                    className="btn btn-outline-primary btn-sm",
                ),
            ],
            className="curation-detail-block",
            **{"aria-labelledby": "curation-your-rating"},
        ),
        html.Div(
            [
                dbc.Label(t("curation_detail_status"), html_for=DETAIL_STATUS_ID),
                html.Div(
                    [
                        dbc.Select(
                            id=DETAIL_STATUS_ID, options=status_options(), value=entry.status
                        ),
                        html.Button(
                            t("curation_save_status"),
                            id=SAVE_STATUS_ID,
                            type="button",
                            className="btn btn-outline-primary btn-sm",
                        ),
                    ],
                    className="curation-inline-form",
                ),
            ],
            className="curation-detail-block",
        ),
        html.Div(
            [
                dbc.Label(t("curation_detail_notes"), html_for=DETAIL_NOTES_ID),
                dbc.Textarea(
                    id=DETAIL_NOTES_ID, value=entry.notes, rows=3, maxLength=board.MAX_NOTES
                ),
                html.Button(
                    t("curation_save_notes"),
                    id=SAVE_NOTES_ID,
                    type="button",
                    className="btn btn-outline-primary btn-sm mt-2",
                ),
            ],
            className="curation-detail-block",
        ),
        html.Div(
            [
                html.Button(
                    t("curation_save_next"),
                    id=SAVE_NEXT_ID,
                    type="button",
                    className="btn btn-primary",
                    **{"aria-describedby": "curation-save-next-hint", "data-save-next": "1"},
                ),
                html.P(
                    t("curation_save_next_hint"),
                    id="curation-save-next-hint",
                    className="small mb-0",
                ),
            ],
            className="curation-save-next",
        ),
        html.Section(
            [
                html.H3(t("curation_detail_facts"), id="curation-facts-heading", className="h5"),
                html.P(
                    dcc.Link(t("curation_detail_public"), href=solution_href(solution_id)),
                    className="mb-2",
                ),
                html.Dl(
                    [
                        html.Dt(t("curation_col_id")),
                        html.Dd(solution.solution_id),
                        html.Dt(t("curation_col_event")),
                        html.Dd(solution.event_name),
                        html.Dt(t("curation_col_field")),
                        html.Dd(field_name),
                        html.Dt(t("curation_detail_team")),
                        html.Dd(solution.team_name),
                        html.Dt(t("curation_detail_submitted")),
                        html.Dd(format_date(solution.submitted_on, lang=lang)),
                    ],
                    className="curation-facts",
                ),
            ],
            className="curation-detail-block",
            **{"aria-labelledby": "curation-facts-heading"},
        ),
        html.Section(
            [
                html.H3(t("curation_ratings"), id="curation-ratings-heading", className="h5"),
                html.Div(_ratings(ratings, username, lang), id=DETAIL_RATINGS_ID),
            ],
            className="curation-detail-block",
            **{"aria-labelledby": "curation-ratings-heading"},
        ),
        html.Section(
            [
                html.H3(t("curation_history"), id="curation-history-heading", className="h5"),
                html.Div(_history(solution_id, lang), id=DETAIL_HISTORY_ID),
            ],
            className="curation-detail-block",
            **{"aria-labelledby": "curation-history-heading"},
        ),
    ]
    return body, seen, where


def progress_text(progress: board.Progress, lang: str) -> str:
    """ "128 von 400 gesichtet" (gesichtet: rated by the signed-in curator)."""
    return t("curation_progress", n(progress.rated, lang=lang), n(progress.solutions, lang=lang))


def _progress_text(view: board.BoardView) -> list:
    lang = current_language()
    return [
        html.Span(t("curation_progress_label") + " "),
        html.Strong(progress_text(view.progress, lang)),
        " ",
        html.Span(t("curation_progress_short"), className="text-body-secondary"),
    ]


def _keys_hint() -> html.P:
    """The panel's keys, visibly: they act only while the focus is in the panel and not in a
    field one types into (WCAG 2.1.4)."""

    def key(*names: str) -> list:
        out: list = []
        for i, name in enumerate(names):
            out += (["+"] if i else []) + [html.Kbd(name)]
        return out

    ctrl = t("curation_key_ctrl")
    return html.P(
        [
            html.Span(t("curation_keys_label"), className="fw-semibold"),
            " ",
            *key("J"), "/", *key("K"), " ", t("curation_keys_steps"),
            " (", t("curation_keys_also"), " ", *key("Alt", "↓"), "/", *key("Alt", "↑"), ") · ",
            *key("1"), "–", *key("5"), " ", t("curation_keys_rate"),
            " · ", *key(ctrl, "Enter"), " ", t("curation_save_next"),
            " · ", *key("Esc"), " ", t("curation_keys_close"),
        ],
        id="curation-detail-keys",
        className="small curation-keys",
    )  # fmt: skip


def _video(solution: solutions.SolutionDetail) -> html.Section:
    """The solution's video behind the public page's consent: nothing reaches YouTube before
    the click on "Video laden", then only youtube-nocookie.com."""
    found = video.video_of(solution.video_url)
    heading_id = f"{VIDEO}-heading"
    body = (
        video.placeholder(solution.solution_id, VIDEO, image=False) if found else video.no_video()
    )
    return html.Section(
        [
            html.H3(t("solution_video"), id=heading_id, className="h5"),
            html.Div(body, id=VIDEO_IDS["body"], className="video-body"),
            video.watch_link(found) if found else None,
        ],
        className="curation-detail-block solution-video curation-video",
        **{"aria-labelledby": heading_id},
    )


def _steps(where: board.Place | None) -> html.Nav:
    """Buttons to the rows before and after this one in the board's order, across its pages
    (disabled at its ends), and the row's place on its page."""
    buttons = []
    for direction, label in (("prev", "curation_step_prev"), ("next", "curation_step_next")):
        target = None if where is None else (where.previous if direction == "prev" else where.next)
        buttons.append(
            html.Button(
                t(label),
                id={"type": STEP_TYPE, "to": target.solution_id if target else "",
                    "direction": direction},
                type="button",
                disabled=target is None,
                title=t(f"{label}_to", target.title) if target else None,
                className="btn btn-outline-dark btn-sm",
                **{"data-step": direction},
            )
        )  # fmt: skip
    if where is not None and where.row is not None:
        position = t("curation_step_position", n(where.row), n(where.page_rows))
    elif where is not None:
        position = t("curation_step_outside")
    else:
        position = ""
    return html.Nav(
        [*buttons, html.Span(position, className="small curation-step-position")],
        className="curation-steps",
        **{"aria-label": t("curation_steps_label")},
    )


def _state_text(entry, lang: str) -> str:
    # The version counts changes for the stale-save check; it is no word for the curator.
    state = t("curation_detail_state", t(f"status_{entry.status}"))
    if entry.updated_at:
        changed = t(
            "curation_detail_changed",
            entry.updated_by,
            format_datetime(entry.updated_at, lang=lang),
        )
    else:
        changed = t("curation_detail_untouched")
    return f"{state} · {changed}"


def _ratings(ratings: dict[str, dict[str, int]], username: str, lang: str) -> list:
    mean, raters = board.mean_rating(ratings)
    if mean is None:
        return [html.P(t("curation_ratings_none"), className="mb-0")]
    rows = []
    for curator in sorted(ratings, key=lambda u: (u != username, u.lower())):
        scores = ratings[curator]
        own = sum(scores.values()) / len(scores)
        name = t("curation_you", curator) if curator == username else curator
        rows.append(
            html.Tr(
                [html.Th(name, scope="row")]
                + [html.Td(str(scores.get(c, "–")), className="text-end") for c in CRITERIA]
                + [html.Td(format_fixed(own, 1, lang=lang), className="text-end")]
            )
        )
    return [
        html.P(
            t("curation_ratings_mean_one", format_fixed(mean, 1, lang=lang))
            if raters == 1
            else t("curation_ratings_mean", format_fixed(mean, 1, lang=lang), n(raters, lang=lang))
        ),
        html.Table(
            [
                html.Caption(t("curation_ratings"), className="visually-hidden"),
                html.Thead(
                    html.Tr(
                        [html.Th(t("curation_col_curator"), scope="col")]
                        + [
                            html.Th(t(f"curation_criterion_{c}"), scope="col", className="text-end")
                            for c in CRITERIA
                        ]
                        + [html.Th(t("curation_col_mean"), scope="col", className="text-end")]
                    )
                ),
                html.Tbody(rows),
            ],
            className="table table-sm curation-ratings",
        ),
    ]


def _history(solution_id: str, lang: str) -> list:
    entries = current_store().audit_entries(limit=HISTORY_LIMIT, object_id=solution_id)
    if not entries:
        return [html.P(t("curation_history_none"), className="mb-0")]
    lines = [audit.change_line(e, lang) for e in entries]
    items = [
        html.Li(
            [
                html.Span(f"{line.when} · {line.who}", className="curation-history-meta"),
                html.Br(),
                line.what,
            ]
        )
        for line in lines
    ]
    more = (
        html.P(t("curation_history_more", HISTORY_LIMIT), className="small")
        if len(entries) == HISTORY_LIMIT
        else None
    )
    return [html.Ol(items, className="curation-history list-unstyled mb-0"), more]


@access.callback(
    Output(DETAIL_FEEDBACK_ID, "children", allow_duplicate=True),
    Output(DETAIL_ID, "data", allow_duplicate=True),
    Output(DETAIL_STATE_ID, "children"),
    Output(DETAIL_RATINGS_ID, "children"),
    Output(DETAIL_HISTORY_ID, "children"),
    Output(PROGRESS_ID, "children"),
    Output(REFRESH_ID, "data", allow_duplicate=True),
    Input(SAVE_STATUS_ID, "n_clicks"),
    Input(SAVE_NOTES_ID, "n_clicks"),
    Input(SAVE_RATING_ID, "n_clicks"),
    State(DETAIL_ID, "data"),
    State(DETAIL_STATUS_ID, "value"),
    State(DETAIL_NOTES_ID, "value"),
    *(State(SCORE_IDS[c], "value") for c in CRITERIA),
    State(REFRESH_ID, "data"),
    State(BOARD_QUERY_ID, "data"),
    State(SHOWN_ID, "data"),
    access=access.CURATOR,
    prevent_initial_call=True,
)
def save(status_clicks, notes_clicks, rating_clicks, seen, status, notes, *rest):
    """A save in the panel names the version the curator saw; a stale one writes nothing."""
    *scores, refresh, query, shown = rest
    trigger = ctx.triggered_id
    clicks = {SAVE_STATUS_ID: status_clicks, SAVE_NOTES_ID: notes_clicks,
              SAVE_RATING_ID: rating_clicks}  # fmt: skip
    if not seen or not clicks.get(trigger):
        raise PreventUpdate
    lang = current_language()
    store, username, sid = current_store(), current_username(), seen["sid"]
    try:
        if trigger == SAVE_STATUS_ID:
            result = board.save_status(
                store, sid, status, seen["version"], seen["status"], username, lang
            )
        elif trigger == SAVE_NOTES_ID:
            result = board.save_notes(
                store, sid, notes, seen["version"], seen["notes"], username, lang
            )
        else:
            scores_by_criterion = dict(zip(CRITERIA, scores, strict=True))
            result = board.save_rating(store, sid, username, scores_by_criterion, lang)
    except DataUnavailable:
        return components.error_notice(t("no_data")), *(no_update,) * 6
    if result.outcome == "stale":
        return stale_notice(result, DETAIL_RELOAD_ID), _with_draft(seen, notes), *(no_update,) * 5
    if not result.saved:
        kind = "info" if result.outcome == "unchanged" else "warning"
        return notice(result.message, kind), *(no_update,) * 6
    all_ratings = store.ratings(sid)
    ratings, history = _ratings(all_ratings, username, lang), _history(sid, lang)
    seen = {**seen, "scores": all_ratings.get(username, {})}
    if result.entry is None:
        # A rating is no change of the entry: the version the curator saw stays the one a later
        # status or notes save must name.
        state: Any = no_update
    else:
        entry = result.entry
        seen = {**seen, "version": entry.version, "status": entry.status, "notes": entry.notes,
                "draft": None}  # fmt: skip
        state = _state_text(entry, lang)
    try:
        progress: Any = _progress_text(_view(query, shown))
    except DataUnavailable:
        progress = no_update
    return (
        notice(result.message, "success"), seen, state, ratings, history, progress,
        bump(refresh, True),
    )  # fmt: skip


def _with_draft(seen: dict[str, Any], notes: str | None) -> dict[str, Any]:
    """After a refused save: whatever the curator typed into the notes stays readable after
    "load the current state"."""
    typed = (notes or "").strip()
    return {**seen, "draft": typed if typed != (seen["notes"] or "").strip() else None}


@access.callback(
    Output(DETAIL_FEEDBACK_ID, "children", allow_duplicate=True),
    Output(DETAIL_BODY_ID, "children", allow_duplicate=True),
    Output(DETAIL_ID, "data", allow_duplicate=True),
    Output(REFRESH_ID, "data", allow_duplicate=True),
    Output(GOTO_ID, "data", allow_duplicate=True),
    Input(SAVE_NEXT_ID, "n_clicks"),
    State(DETAIL_ID, "data"),
    State(DETAIL_STATUS_ID, "value"),
    State(DETAIL_NOTES_ID, "value"),
    *(State(SCORE_IDS[c], "value") for c in CRITERIA),
    State(REFRESH_ID, "data"),
    State(ROWS_ID, "data"),
    State(BOARD_QUERY_ID, "data"),
    State(SHOWN_ID, "data"),
    access=access.CURATOR,
    prevent_initial_call=True,
)
def save_next(clicks, seen, status, notes, *rest):
    """ "Speichern & weiter": the rating, status and notes in one save at the version the
    curator saw (a stale one writes nothing and says what changed), then the next row of the
    board's order as it was before the save (a save may move the row: out of "not rated by me
    yet", or out of the new ones first) in the panel; the board follows to its page."""
    *scores, refresh, rows, query, shown = rest
    if not clicks or not seen:
        raise PreventUpdate
    lang = current_language()
    store, username, sid = current_store(), current_username(), seen["sid"]
    mine = board.Seen(seen["version"], seen["status"], seen.get("notes") or "",
                      seen.get("scores") or {})  # fmt: skip
    try:
        before = _view(query, shown)
        ahead = board.find(before, lang, seen.get("next")) if seen.get("next") else None
        ahead = ahead or board.place(before, lang, sid, list(rows or {})).next
        result = board.save_review(
            store, sid, mine, status, notes, dict(zip(CRITERIA, scores, strict=True)),
            username, lang,
        )  # fmt: skip
        if result.outcome == "stale":
            return (
                stale_notice(result, DETAIL_RELOAD_ID), no_update, _with_draft(seen, notes),
                no_update, no_update,
            )  # fmt: skip
        if result.outcome == "invalid":
            return notice(result.message, "warning"), *(no_update,) * 4
        view = _view(query, shown)  # after the save: the order as it is now
        target = ahead.solution_id if ahead else sid
        body, fresh, where = _detail(target, rows, view)
    except DataUnavailable:
        return components.error_notice(t("no_data")), *(no_update,) * 4
    if ahead is None:
        message = f"{result.message} {t('curation_review_last')}"
    else:
        message = f"{result.message} {t('curation_review_next', ahead.title)}"
    goto = _goto(where, view)
    # The board shows the save: at once, or with the page it follows to.
    again = bump(refresh, keep=True) if result.saved and goto is no_update else no_update
    kind = "success" if result.saved else "info"
    return notice(message, kind), body, fresh, again, goto
