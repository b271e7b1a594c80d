"""`/admin/shortlist` (curator and above): the shortlist for a patron meeting, made for printing."""

from datetime import date
from typing import Any

import dash_bootstrap_components as dbc
from dash import Input, Output, dcc, html
from flask import request

from dashboard import access, components, overview, urls
from dashboard import patrons as patronage
from dashboard.db import DataUnavailable
from dashboard.i18n import current_language, format_date, format_number, t
from dashboard.patrons import ShortlistFilters
from dashboard.store import STATUSES
from dashboard.tables import DataTable

PATH = "/admin/shortlist"
access.register_page(
    __name__, path=PATH, access=access.CURATOR, title=lambda **_: t("patrons_shortlist_title")
)

PAGE = "shortlist"
EVENT_ID, FIELD_ID, STATUS_ID = "shortlist-event", "shortlist-field", "shortlist-status"
ALL_VALUE = "alle"
URL = [
    urls.UrlParam(patronage.EVENT, EVENT_ID, default=ALL_VALUE),
    urls.UrlParam(patronage.FIELD, FIELD_ID, default=ALL_VALUE),
    urls.UrlParam(patronage.STATUS, STATUS_ID, default=patronage.DEFAULT_STATUS),
]
components.sync_url(PAGE, URL)
CRITERIA = tuple(key for key, _label in patronage.CRITERIA_COLUMNS)


@access.protected(access.CURATOR, PATH)
def layout(**query: Any) -> html.Div:
    lang = current_language()
    try:
        filters = ShortlistFilters.from_url(query)
        table = patronage.shortlist(filters, lang)
        events = overview.events()
        fields = patronage.action_fields()
    except DataUnavailable:
        return html.Div(
            [html.H1(t("patrons_shortlist_title")), components.error_notice(t("no_data"))]
        )
    return html.Div(
        [
            html.H1(t("patrons_shortlist_title")),
            html.P(_meta(filters, table, lang), id="shortlist-meta", className="lead"),
            components.url_state(PAGE, URL),
            _controls(filters, events, fields, lang),
            html.Div(_cards(table, lang), id="shortlist-cards"),
        ],
        className="shortlist-page",
    )


@access.callback(
    Output("shortlist-cards", "children"),
    Output("shortlist-meta", "children"),
    Output("shortlist-xlsx", "href"),
    Input(f"{PAGE}-query", "data"),
    access=access.CURATOR,
    prevent_initial_call=True,
)
def update(query: str | None):
    """A filter changed (or Back/Forward): the cards, the heading line and the download anew."""
    lang = current_language()
    try:
        filters = ShortlistFilters.from_url(urls.query_params(query))
        table = patronage.shortlist(filters, lang)
    except DataUnavailable:
        return components.error_notice(t("no_data")), "", _xlsx_href("")
    return (
        _cards(table, lang),
        _meta(filters, table, lang),
        _xlsx_href(filters.query()),
    )


# The browser's print dialog (and "save as PDF"); no server request, no inline script.
access.clientside_callback(
    "function(n) { if (n) { window.print(); } return ''; }",
    Output("shortlist-printed", "children"),
    Input("shortlist-print", "n_clicks"),
    prevent_initial_call=True,
)


def _xlsx_href(query: str) -> str:
    return f"/daten/{patronage.SHORTLIST_DATASET}.xlsx" + (f"?{query}" if query else "")


def _meta(filters: ShortlistFilters, table: DataTable, lang: str) -> str:
    """Date and filters in one line: on paper it says what the list is and when it was made."""
    events = {e.event_id: e.name for e in overview.events()}
    fields = patronage.action_fields()
    return t(
        "patrons_shortlist_meta",
        format_date(date.today(), lang=lang),
        events.get(filters.event_id or "") or t("patrons_shortlist_all_events"),
        fields[filters.action_field].name(lang)
        if filters.action_field in fields
        else t("patrons_shortlist_all_fields"),
        t(f"status_{filters.status}"),
        format_number(len(table.rows), lang=lang),
    )


def _controls(filters, events, fields, lang: str) -> html.Section:
    selects = [
        (
            EVENT_ID,
            t("patrons_shortlist_event"),
            [{"label": t("patrons_shortlist_all_events"), "value": ALL_VALUE}]
            + [{"label": e.name, "value": e.event_id} for e in events],
            filters.event_id or ALL_VALUE,
        ),
        (
            FIELD_ID,
            t("patrons_col_field"),
            [{"label": t("patrons_shortlist_all_fields"), "value": ALL_VALUE}]
            + [{"label": f.name(lang), "value": code} for code, f in fields.items()],
            filters.action_field or ALL_VALUE,
        ),
        (
            STATUS_ID,
            t("patrons_shortlist_status"),
            [{"label": t(f"status_{s}"), "value": s} for s in STATUSES],
            filters.status,
        ),
    ]
    return html.Section(
        [
            html.H2(t("patrons_shortlist_filters"), id="shortlist-filters-heading", className="h5"),
            html.Div(
                [
                    html.Div(
                        [
                            dbc.Label(label, html_for=select_id),
                            dbc.Select(id=select_id, options=options, value=value),
                        ],
                        className="shortlist-filter",
                    )
                    for select_id, label, options, value in selects
                ],
                className="shortlist-filters",
            ),
            html.Div(
                [
                    html.Button(
                        t("patrons_shortlist_print"),
                        id="shortlist-print",
                        type="button",
                        className="btn btn-primary",
                    ),
                    html.A(
                        t("patrons_shortlist_xlsx"),
                        id="shortlist-xlsx",
                        href=_xlsx_href(filters.query()),
                        download=f"{patronage.SHORTLIST_DATASET}.xlsx",
                        className="btn btn-outline-secondary",
                    ),
                    dcc.Link(
                        t("patrons_shortlist_back"), href="/admin/paten", className="btn btn-link"
                    ),
                    html.Span(id="shortlist-printed", hidden=True),
                ],
                className="shortlist-actions",
            ),
        ],
        className="shortlist-controls",
        **{"aria-labelledby": "shortlist-filters-heading"},
    )


def _cards(table: DataTable, lang: str) -> list[Any]:
    if table.empty:
        return [html.P(t("patrons_shortlist_empty"), className="empty-state")]
    keys = [c.key for c in table.columns]
    labels = {c.key: c.label for c in table.columns}
    return [
        _card(dict(zip(keys, row, strict=True)), labels, n, lang)
        for n, row in enumerate(table.rows, start=1)
    ]


def _card(row: dict[str, Any], labels: dict[str, str], n: int, lang: str) -> html.Article:
    heading_id = f"shortlist-card-{n}"
    root = request.url_root.rstrip("/")  # printed links must work on paper: the full address
    facts = [
        ("herausforderung", row["herausforderung"] or "–"),
        ("organisation", row["organisation"] or "–"),
        ("feld", row["feld"] or "–"),
        ("team", row["team"]),
        ("video", _video(row["video"])),
        ("bewertung", _rating(row, labels, lang)),
        ("notizen", row["notizen"] or t("patrons_shortlist_no_notes")),
        ("pate", _patron(row)),
    ]
    return html.Article(
        [
            html.H2(
                html.A(row["titel"], href=root + row["link"]),
                id=heading_id,
                className="h4",
            ),
            html.Dl(
                [
                    part
                    for key, value in facts
                    for part in (html.Dt(labels[key]), html.Dd(value, className=f"shortlist-{key}"))
                ],
                className="shortlist-facts",
            ),
        ],
        className="shortlist-card",
        **{"aria-labelledby": heading_id},
    )


def _video(url: str | None) -> Any:
    if not url:
        return t("patrons_shortlist_no_video")
    return html.A(t("patrons_shortlist_video"), href=url, rel="noopener noreferrer")


def _rating(row: dict[str, Any], labels: dict[str, str], lang: str) -> Any:
    if row["bewertung"] is None:
        return t("patrons_shortlist_unrated")
    criteria = " · ".join(
        f"{labels[key]} {format_number(row[key], lang=lang)}"
        for key in CRITERIA
        if row[key] is not None
    )
    overall = t(
        "patrons_shortlist_rating",
        format_number(row["bewertung"], lang=lang),
        format_number(row["bewertende"], lang=lang),
    )
    return [overall, html.Br(), html.Span(criteria, className="shortlist-criteria")]


def _patron(row: dict[str, Any]) -> Any:
    if not row["pate"]:
        return t("patrons_shortlist_no_patron")
    return [html.Strong(row["pate"]), html.Br(), row["begruendung"]]
