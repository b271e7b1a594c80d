"""`/admin/protokoll` (curators and admins): the audit log, filtered in the URL, page by page."""

from typing import Any
from urllib.parse import quote

import dash_bootstrap_components as dbc
from dash import Input, Output, dcc, html

from dashboard import access, audit, components, solutions, urls
from dashboard.i18n import current_language, format_datetime, format_number, t

PATH = "/admin/protokoll"
access.register_page(__name__, path=PATH, access=access.CURATOR, title=lambda **_: t("audit_title"))

PAGE = "audit"
PERSON_ID, ACTION_ID, OBJECT_ID = "audit-person", "audit-action", "audit-object"
FROM_ID, TO_ID = "audit-from", "audit-to"
RESULTS_HEADING = "audit-results-heading"
# dbc.Select shows its own hidden placeholder option for the value "": "all" needs a value.
ALL_VALUE = "alle"
URL = [
    urls.UrlParam(audit.PERSON_PARAM, PERSON_ID, default=ALL_VALUE),
    urls.UrlParam(audit.ACTION_PARAM, ACTION_ID, default=ALL_VALUE),
    urls.UrlParam(audit.OBJECT_PARAM, OBJECT_ID, typing=True),
    urls.UrlParam(audit.FROM_PARAM, FROM_ID),
    urls.UrlParam(audit.TO_PARAM, TO_ID),
    # Set by the pagination's links; back to 1 whenever a filter changes.
    urls.UrlParam(audit.PAGE_PARAM, None, default=1, kind="int", reset=True),
]
components.sync_url(PAGE, URL, focus=RESULTS_HEADING)


@access.protected(access.CURATOR, PATH)
def layout(**query: Any) -> html.Div:
    lang = current_language()
    values = urls.url_values(URL, query)
    filters = audit.AuditFilters.from_url(values)
    page = audit.audit_page(filters, values[audit.PAGE_PARAM])
    return html.Div(
        [
            html.H1(t("audit_title")),
            html.P(t("audit_intro"), className="lead"),
            components.url_state(PAGE, URL),
            _filter_bar(filters),
            html.P(_status(page, lang), id="audit-status", role="status"),
            html.Section(
                [
                    # The focus lands here after a page link (components.sync_url's `focus`).
                    html.H2(t("audit_results"), id=RESULTS_HEADING, tabIndex="-1", className="h4"),
                    html.Div(_results(page, filters, lang), id="audit-results"),
                ],
                **{"aria-labelledby": RESULTS_HEADING},
            ),
        ],
        className="audit-page",
    )


@access.callback(
    Output("audit-results", "children"),
    Output("audit-status", "children"),
    Input(f"{PAGE}-query", "data"),
    access=access.CURATOR,
    prevent_initial_call=True,
)
def update_results(query: str | None):
    """Any change of the URL state (a filter, a page link, Back): the table anew."""
    lang = current_language()
    values = urls.url_values(URL, urls.query_params(query))
    filters = audit.AuditFilters.from_url(values)
    page = audit.audit_page(filters, values[audit.PAGE_PARAM])
    return _results(page, filters, lang), _status(page, lang)


# --- filters ---------------------------------------------------------------------------------


def _filter_bar(filters: audit.AuditFilters) -> html.Section:
    people = [{"label": t("audit_all_people"), "value": ALL_VALUE}] + [
        {"label": who, "value": who} for who in audit.people()
    ]
    kinds = [{"label": t("audit_all_actions"), "value": ALL_VALUE}] + [
        {"label": audit.kind_words(kind), "value": kind} for kind in audit.ACTION_KINDS
    ]
    day = "{:%Y-%m-%d}".format
    controls = [
        (PERSON_ID, "audit_filter_person",
         dbc.Select(id=PERSON_ID, options=people, value=filters.who or ALL_VALUE)),
        (ACTION_ID, "audit_filter_action",
         dbc.Select(id=ACTION_ID, options=kinds, value=filters.action or ALL_VALUE)),
        (OBJECT_ID, "audit_filter_object",
         dbc.Input(id=OBJECT_ID, type="text", value=filters.object_id or "", debounce=400,
                   maxlength=audit.MAX_OBJECT_LENGTH, autocomplete="off")),
        (FROM_ID, "audit_filter_from",
         dbc.Input(id=FROM_ID, type="date",
                   value=day(filters.date_from) if filters.date_from else "")),
        (TO_ID, "audit_filter_to",
         dbc.Input(id=TO_ID, type="date", value=day(filters.date_to) if filters.date_to else "")),
    ]  # fmt: skip
    return html.Section(
        [
            html.H2(t("audit_filters"), id="audit-filters-heading", className="h5"),
            html.Div(
                [
                    html.Div([dbc.Label(t(label), html_for=cid), control], className="audit-filter")
                    for cid, label, control in controls
                ]
                + [dcc.Link(t("audit_reset"), href=PATH, className="btn btn-link audit-reset")],
                className="audit-filters",
            ),
        ],
        className="audit-filter-bar mb-3",
        **{"aria-labelledby": "audit-filters-heading"},
    )


def _status(page: audit.AuditPage, lang: str) -> str:
    if page.total == 0:
        return t("audit_none")
    if page.total == 1:
        return t("audit_status_one")
    return t("audit_status", format_number(page.total, lang=lang))


# --- the table -------------------------------------------------------------------------------


def _results(page: audit.AuditPage, filters: audit.AuditFilters, lang: str) -> list[Any]:
    downloads = _downloads(filters.query())
    if not page.entries:
        return [html.P(t("audit_none"), className="empty-state"), downloads]
    head = ["audit_col_when", "audit_col_who", "audit_col_action", "audit_col_object",
            "audit_col_change"]  # fmt: skip
    caption = t(
        "audit_caption", format_number(page.page, lang=lang), format_number(page.pages, lang=lang)
    )
    titles = solutions.titles(audit.solution_of(e) for e in page.entries)
    table = html.Table(
        [
            html.Caption(caption),
            html.Thead(html.Tr([html.Th(t(h), scope="col") for h in head])),
            html.Tbody([_row(entry, titles, lang) for entry in page.entries]),
        ],
        id="audit-table",
        className="table table-sm table-striped data-table audit-table",
    )
    return [
        components.table_region(table),
        _pagination(page, filters, lang),
        downloads,
    ]


def _row(entry: dict[str, Any], titles: dict[str, str], lang: str) -> html.Tr:
    return html.Tr(
        [
            html.Td(
                html.Time(format_datetime(entry["at"], lang), dateTime=entry["at"]),
                className="text-nowrap",
            ),
            html.Td(entry["who"]),
            html.Td(audit.action_words(entry["action"], lang)),
            html.Td(_object(entry, titles)),
            html.Td(audit.describe(entry, lang)),
        ]
    )


def _object(entry: dict[str, Any], titles: dict[str, str]) -> Any:
    """The object; a solution links to its page with its title below, a patronship names its
    patron beside it."""
    solution = audit.solution_of(entry)
    if solution is None:
        return entry["object"]
    link = dcc.Link(solution, href=f"/loesungen/{quote(solution, safe='')}")
    rest = entry["object"][len(solution) + 1 :]
    parts: list[Any] = [link, f" · {t('audit_object_patron', rest)}"] if rest else [link]
    if solution in titles:
        parts.append(html.Span(titles[solution], className="d-block small audit-object-title"))
    return parts


def _pagination(page: audit.AuditPage, filters: audit.AuditFilters, lang: str) -> Any:
    if page.pages <= 1:
        return None
    values = {
        audit.PERSON_PARAM: filters.who,
        audit.ACTION_PARAM: filters.action,
        audit.OBJECT_PARAM: filters.object_id,
        audit.FROM_PARAM: filters.date_from and filters.date_from.isoformat(),
        audit.TO_PARAM: filters.date_to and filters.date_to.isoformat(),
    }

    def item(number: int, text: str, enabled: bool) -> html.Li:
        if not enabled:
            return html.Li(html.Span(text, className="page-link"), className="page-item disabled")
        query = urls.url_query(URL, {**values, audit.PAGE_PARAM: number})
        href = PATH + (f"?{query}" if query else "")
        return html.Li(dcc.Link(text, href=href, className="page-link"), className="page-item")

    n = format_number
    current = html.Li(
        html.Span(
            t("audit_page_of", n(page.page, lang=lang), n(page.pages, lang=lang)),
            className="page-link",
            **{"aria-current": "page"},
        ),
        className="page-item active",
    )
    return html.Nav(
        html.Ul(
            [
                item(page.page - 1, t("audit_page_previous"), page.page > 1),
                current,
                item(page.page + 1, t("audit_page_next"), page.page < page.pages),
            ],
            className="pagination pagination-sm flex-wrap",
        ),
        **{"aria-label": t("audit_pagination")},
    )


def _downloads(query: str) -> html.P:
    return components.downloads(audit.DATASET, query, t("audit_downloads"))
