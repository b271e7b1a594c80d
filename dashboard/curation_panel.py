"""The detail panel of the curation board: one solution's state, status, notes, ratings and
history, each save at the version the curator saw (`pages/curation.py` holds the board)."""

import json
from typing import Any
from urllib.parse import quote

import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import access, audit, components, solutions
from dashboard import curation_board as board
from dashboard.db import DataUnavailable
from dashboard.i18n import current_language, format_date, format_datetime, format_fixed, t
from dashboard.i18n import format_number as n
from dashboard.store import CRITERIA, STATUSES, current_store

REFRESH_ID = "curation-refresh"  # bumped after a save: the board re-reads its rows
ROWS_ID = "curation-rows"  # the page's rows in their order: {id: {"v": version, "t": title}}
OPEN_TYPE = "curation-open"  # each row's "Öffnen" button
STEP_TYPE = "curation-step"  # the panel's "Vorherige"/"Nächste": the row before or after
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
    access=access.CURATOR,
    prevent_initial_call=True,
)
def open_detail(_clicks, rows):
    """A row's "Öffnen": the panel with the solution's current state (and its version)."""
    clicked = [fired for fired in ctx.triggered if fired.get("value")]
    if not clicked or not isinstance(ctx.triggered_id, dict):
        raise PreventUpdate  # buttons that were just rendered, not clicked
    solution_id = json.loads(clicked[0]["prop_id"].rsplit(".", 1)[0])["solution"]
    try:
        body, seen = _detail(solution_id, rows)
    except DataUnavailable:
        return True, components.error_notice(t("no_data")), None, None
    return True, body, seen, None


@access.callback(
    Output(DETAIL_BODY_ID, "children", allow_duplicate=True),
    Output(DETAIL_ID, "data", allow_duplicate=True),
    Output(DETAIL_FEEDBACK_ID, "children", allow_duplicate=True),
    Input({"type": STEP_TYPE, "to": ALL, "direction": ALL}, "n_clicks"),
    State(ROWS_ID, "data"),
    State(DETAIL_ID, "data"),
    State(DETAIL_STATUS_ID, "value"),
    State(DETAIL_NOTES_ID, "value"),
    access=access.CURATOR,
    prevent_initial_call=True,
)
def step(_clicks, rows, seen, status, notes):
    """ "Vorherige"/"Nächste": the neighbouring row of the board in the panel, so that a curator
    works through a list without closing and opening; a change not yet saved holds the step."""
    clicked = [fired for fired in ctx.triggered if fired.get("value")]
    if not clicked or not isinstance(ctx.triggered_id, dict):
        raise PreventUpdate  # buttons that were just rendered, not clicked
    if seen and (
        (notes or "") != seen.get("notes", "") or (status or seen["status"]) != seen["status"]
    ):
        return no_update, no_update, notice(t("curation_step_unsaved"), "warning")
    try:
        body, fresh = _detail(ctx.triggered_id["to"], rows)
    except DataUnavailable:
        return no_update, no_update, components.error_notice(t("no_data"))
    return body, fresh, None


@access.callback(
    Output(DETAIL_BODY_ID, "children", allow_duplicate=True),
    Output(DETAIL_ID, "data", allow_duplicate=True),
    Output(DETAIL_FEEDBACK_ID, "children", allow_duplicate=True),
    Output(REFRESH_ID, "data", allow_duplicate=True),
    Input(DETAIL_RELOAD_ID, "n_clicks"),
    State(DETAIL_ID, "data"),
    State(REFRESH_ID, "data"),
    State(ROWS_ID, "data"),
    access=access.CURATOR,
    prevent_initial_call=True,
)
def reload_detail(clicks, seen, refresh, rows):
    """After a refused save: the current state, in the panel and the board; an unsaved text
    stays readable in the notice."""
    if not clicks or not seen:
        raise PreventUpdate
    try:
        body, fresh = _detail(seen["sid"], rows)
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


def _detail(
    solution_id: str, rows: dict[str, Any] | None = None
) -> tuple[list, dict[str, Any] | None]:
    """The panel's content and what the curator sees of the entry (the version a save names);
    `rows`: the board's rows in their order, for "Vorherige"/"Nächste"."""
    lang = current_language()
    solution = solutions.detail(solution_id)
    if solution is None:
        return [components.error_notice(t("curation_unknown_solution"))], None
    store = current_store()
    entry = store.entry(solution_id)
    username = current_username()
    ratings = store.ratings(solution_id)
    mine = ratings.get(username, {})
    seen = {"sid": solution_id, "version": entry.version, "status": entry.status,
            "notes": entry.notes, "title": solution.title}  # fmt: skip
    field_name = solution.action_field_en if lang == "en" else solution.action_field_de
    body = [
        html.Div(
            [
                html.H2(solution.title, id="curation-detail-heading", className="h4 mb-0"),
                html.Button(
                    [html.Span("×", **ARIA_HIDDEN), " ", t("curation_detail_close")],
                    id=DETAIL_CLOSE_ID,
                    type="button",
                    className="btn btn-outline-secondary btn-sm",
                ),
            ],
            className="curation-detail-head",
        ),
        _steps(solution_id, rows or {}),
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
        html.P(solution.summary, className="small"),
        html.P(_state_text(entry, lang), id=DETAIL_STATE_ID, className="curation-detail-state"),
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
                            className="btn btn-primary",
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
                    id=DETAIL_NOTES_ID, value=entry.notes, rows=4, maxLength=board.MAX_NOTES
                ),
                html.Button(
                    t("curation_save_notes"),
                    id=SAVE_NOTES_ID,
                    type="button",
                    className="btn btn-primary mt-2",
                ),
            ],
            className="curation-detail-block",
        ),
        html.Section(
            [
                html.H3(t("curation_your_rating"), id="curation-your-rating", className="h5"),
                html.P(t("curation_rating_scale"), className="small"),
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
                    )
                    for c in CRITERIA
                ),
                html.Button(
                    t("curation_save_rating"),
                    id=SAVE_RATING_ID,
                    type="button",
                    className="btn btn-primary",
                ),
            ],
            className="curation-detail-block",
            **{"aria-labelledby": "curation-your-rating"},
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
    return body, seen


def _steps(solution_id: str, rows: dict[str, Any]) -> html.Nav:
    """Buttons to the rows before and after this one on the board's page (disabled at its ends)."""
    order = list(rows)
    at = order.index(solution_id) if solution_id in order else None
    buttons = []
    for direction, offset, label in (
        ("prev", -1, "curation_step_prev"),
        ("next", 1, "curation_step_next"),
    ):
        index = None if at is None else at + offset
        target = order[index] if index is not None and 0 <= index < len(order) else None
        title = (rows.get(target) or {}).get("t", target) if target else None
        buttons.append(
            html.Button(
                t(label),
                id={"type": STEP_TYPE, "to": target or "", "direction": direction},
                type="button",
                disabled=target is None,
                title=t(f"{label}_to", title) if title else None,
                className="btn btn-outline-dark btn-sm",
                **{"data-step": direction},
            )
        )
    position = t("curation_step_position", n(at + 1), n(len(order))) if at is not None else ""
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
    Output(REFRESH_ID, "data", allow_duplicate=True),
    Input(SAVE_STATUS_ID, "n_clicks"),
    Input(SAVE_NOTES_ID, "n_clicks"),
    Input(SAVE_RATING_ID, "n_clicks"),
    State(DETAIL_ID, "data"),
    State(DETAIL_STATUS_ID, "value"),
    State(DETAIL_NOTES_ID, "value"),
    *(State(SCORE_IDS[c], "value") for c in CRITERIA),
    State(REFRESH_ID, "data"),
    access=access.CURATOR,
    prevent_initial_call=True,
)
def save(status_clicks, notes_clicks, rating_clicks, seen, status, notes, *rest):
    """A save in the panel names the version the curator saw; a stale one writes nothing."""
    *scores, refresh = rest
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
        return components.error_notice(t("no_data")), *(no_update,) * 5
    if result.outcome == "stale":
        # Whatever the curator typed into the notes stays readable after "load the current state".
        typed = (notes or "").strip()
        seen = {**seen, "draft": typed if typed != (seen["notes"] or "").strip() else None}
        return stale_notice(result, DETAIL_RELOAD_ID), seen, *(no_update,) * 4
    if not result.saved:
        kind = "info" if result.outcome == "unchanged" else "warning"
        return notice(result.message, kind), *(no_update,) * 5
    ratings, history = _ratings(store.ratings(sid), username, lang), _history(sid, lang)
    if result.entry is None:
        # A rating is no change of the entry: the version the curator saw stays the one a later
        # status or notes save must name.
        state: Any = no_update
    else:
        entry = result.entry
        seen = {**seen, "version": entry.version, "status": entry.status, "notes": entry.notes,
                "draft": None}  # fmt: skip
        state = _state_text(entry, lang)
    return notice(result.message, "success"), seen, state, ratings, history, bump(refresh, True)
