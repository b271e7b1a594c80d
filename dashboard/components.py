"""Reusable Dash pieces: page shell (skip link, navbar, footer), key-figure list, notices."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import dash
from dash import Input, Output, dcc, html

from dashboard import access, exports, figures
from dashboard.i18n import format_date, format_money, format_number, format_percent, t
from dashboard.settings import Settings

NAV_ITEMS = (
    ("/", "nav_home"),
    ("/herausforderungen", "nav_challenges"),
    ("/loesungen", "nav_solutions"),
    ("/foerderung", "nav_funding"),
    ("/programm", "nav_programme"),
)
LEGAL_LINKS = (
    ("/impressum", "imprint"),
    ("/datenschutz", "privacy"),
    ("/barrierefreiheit", "accessibility"),
)


def shell(settings: Settings, lang: str) -> html.Div:
    """Skip link, header with navigation, the page container as `main`, and the footer."""
    return html.Div(
        [
            html.A(
                t("skip_to_content"), href="#main", className="visually-hidden-focusable skip-link"
            ),
            navbar(settings, lang),
            html.Main(
                dash.page_container,
                id="main",
                tabIndex="-1",
                className="container py-4 flex-grow-1",
            ),
            footer(settings),
        ],
        className="d-flex flex-column min-vh-100",
    )


def navbar(settings: Settings, lang: str) -> html.Header:
    other = "en" if lang == "de" else "de"
    existing = {
        page["path"]
        for page in dash.page_registry.values()
        if access.has_access(access.current_role(), access.page_access(page["path"]))
    }
    # A page appears in the navigation once it exists, never as a link to "not found".
    links = [
        html.Li(dcc.Link(t(key), href=path, className="nav-link"), className="nav-item")
        for path, key in NAV_ITEMS
        if path in existing
    ]
    return html.Header(
        html.Nav(
            html.Div(
                [
                    dcc.Link(
                        [
                            html.Img(
                                src=settings.logo_url, alt="", width=32, height=32, className="me-2"
                            ),
                            settings.portal_name,
                        ],
                        href="/",
                        className="navbar-brand d-flex align-items-center",
                    ),
                    html.Ul(links, className="navbar-nav flex-row flex-wrap gap-3 me-auto"),
                    _account(),
                    html.A(
                        t("language_switch"),
                        href=f"?lang={other}",
                        lang=other,
                        hrefLang=other,
                        title=t("language_switch_label"),
                        className="btn btn-outline-light btn-sm",
                    ),
                ],
                className="container d-flex flex-wrap align-items-center gap-3",
            ),
            className="navbar navbar-dark portal-navbar",
            **{"aria-label": t("nav_label")},
        )
    )


def _account() -> html.Div:
    """Sign in, or who is signed in and a sign-out button (a POST form with the CSRF token)."""
    from flask_login import current_user

    from dashboard.auth import csrf_token

    if not getattr(current_user, "is_authenticated", False):
        return html.Div(
            dcc.Link(t("auth_login"), href="/login", className="nav-link"), className="navbar-nav"
        )
    return html.Form(
        [
            html.Span(t("auth_signed_in_as", current_user.username), className="me-2 small"),
            dcc.Input(type="hidden", name="csrf_token", value=csrf_token()),
            html.Button(t("auth_logout"), type="submit", className="btn btn-light btn-sm"),
        ],
        method="POST",
        action="/logout",
        className="d-flex align-items-center text-white",
    )


def footer(settings: Settings) -> html.Footer:
    return html.Footer(
        html.Div(
            [
                html.Nav(
                    html.Ul(
                        [
                            html.Li(dcc.Link(t(key), href=path), className="list-inline-item")
                            for path, key in LEGAL_LINKS
                        ],
                        className="list-inline mb-2",
                    ),
                    **{"aria-label": t("footer_label")},
                ),
                html.P(settings.portal_tagline, className="mb-0 small"),
            ],
            className="container",
        ),
        className="portal-footer py-4 mt-5",
    )


def key_figures(items: list[tuple[str, str, str | None]], label: str) -> html.Section:
    """Key figures as a labelled list: (label, value, note) each."""
    return html.Section(
        [
            html.H2(label, className="visually-hidden", id="key-figures-heading"),
            html.Ul(
                [
                    html.Li(
                        [
                            html.Span(value, className="kpi-value d-block"),
                            html.Span(name, className="kpi-label d-block"),
                            html.Span(note, className="kpi-note d-block small") if note else None,
                        ],
                        className="kpi-card",
                    )
                    for name, value, note in items
                ],
                className="kpi-list list-unstyled",
            ),
        ],
        **{"aria-labelledby": "key-figures-heading"},
    )


def demo_notice() -> html.P:
    return html.P(
        [html.Span(t("demo_data"), className="badge demo-badge me-2"), t("demo_data_note")],
        className="demo-notice",
    )


def error_notice(message: str) -> html.Div:
    return html.Div(message, className="alert alert-warning", role="alert")


def legal_page(name: str) -> html.Div:
    """A legal text (Impressum, Datenschutz, Barrierefreiheit): the operator's, else the sample."""
    from flask import current_app

    from dashboard.content import legal_text
    from dashboard.i18n import current_language

    settings = current_app.config["PORTAL_SETTINGS"]
    text, is_sample = legal_text(name, current_language(), settings.instance_dir)
    return html.Div(
        [
            html.P(t("legal_sample"), className="alert alert-info", role="note")
            if is_sample
            else None,
            dcc.Markdown(text, className="legal-text"),
        ]
    )


def format_cell(value: Any, column: exports.Column, lang: str) -> str:
    """A table cell in the active language: money to the cent, dates `23.11.2026`."""
    if value is None:
        return "–"
    if column.kind == exports.MONEY:
        return format_money(value, column.currency, lang=lang)
    if column.kind in (exports.INTEGER, exports.NUMBER):
        return format_number(value, lang=lang)
    if column.kind == exports.PERCENT:
        return format_percent(value, lang=lang)
    if column.kind == exports.DATE:
        return format_date(value, lang=lang)
    return str(value)


def data_table(table: exports.DataTable, lang: str, caption: str | None = None) -> html.Table:
    """An accessible HTML table of a DataTable: caption, column headers, numbers right-aligned."""
    numeric = {exports.MONEY, exports.INTEGER, exports.NUMBER, exports.PERCENT}
    return html.Table(
        [
            html.Caption(caption or table.title),
            html.Thead(
                html.Tr(
                    [
                        html.Th(
                            c.label,
                            scope="col",
                            className="text-end" if c.kind in numeric else None,
                        )
                        for c in table.columns
                    ]
                )
            ),
            html.Tbody(
                [
                    html.Tr(
                        [
                            html.Td(
                                format_cell(v, c, lang),
                                className="text-end text-nowrap" if c.kind in numeric else None,
                            )
                            for v, c in zip(row, table.columns, strict=True)
                        ]
                    )
                    for row in table.rows
                ]
            ),
        ],
        className="table table-sm table-striped data-table",
    )


def chart_block(
    block_id: str,
    table: exports.DataTable,
    figure: Any,
    summary: str,
    query: str,
    lang: str,
) -> html.Section:
    """A chart with its text summary, its data as a table on demand, and CSV/XLSX downloads."""
    heading_id = f"{block_id}-heading"
    if table.empty:
        body: list[Any] = [html.P(t("no_data_for_filters"), className="empty-state")]
    else:
        body = [
            html.P(summary, className="chart-summary"),
            dcc.Graph(figure=figure, config=figures.graph_config(lang), className="chart"),
            html.Details(
                [html.Summary(t("show_table")), data_table(table, lang)],
                className="chart-table",
            ),
        ]
    suffix = f"?{query.lstrip('?')}" if query.strip("?") else ""
    downloads = html.P(
        [
            html.A(
                t("download_csv"),
                href=f"/daten/{table.name}.csv{suffix}",
                download=f"{table.name}.csv",
                className="btn btn-outline-secondary btn-sm me-2",
            ),
            html.A(
                t("download_xlsx"),
                href=f"/daten/{table.name}.xlsx{suffix}",
                download=f"{table.name}.xlsx",
                className="btn btn-outline-secondary btn-sm",
            ),
        ],
        className="chart-downloads",
        **{"aria-label": t("downloads_label", table.title)},
    )
    return html.Section(
        [html.H2(table.title, id=heading_id, className="h4"), *body, downloads],
        id=block_id,
        className="chart-block",
        **{"aria-labelledby": heading_id},
    )


@dataclass(frozen=True)
class UrlParam:
    """A control whose value lives in the URL as `?name=…`."""

    name: str
    component_id: str
    default: Any = None
    kind: str = "text"  # text, int, list (comma-separated)
    push: bool = True  # a history entry (Back returns); False for typing (replaceState)
    prop: str = "value"


def url_state(page: str, params: list[UrlParam]) -> html.Div:
    """The hidden element that tells assets/url_state.js which controls mirror which parameters."""
    spec = [
        {"name": p.name, "id": p.component_id, "prop": p.prop, "default": p.default,
         "kind": p.kind, "push": p.push}
        for p in params
    ]  # fmt: skip
    return html.Div(id=f"{page}-url-state", hidden=True, **{"data-url-state": json.dumps(spec)})


def sync_url(page: str, params: list[UrlParam]) -> None:
    """Register the clientside callback that writes the controls' values into the URL.

    It runs in the browser only (no server request) and never goes through the Pages router, so
    the page is not re-rendered and the focus stays where the visitor types.
    """
    spec = json.dumps(
        [{"name": p.name, "default": p.default, "kind": p.kind, "push": p.push} for p in params]
    )
    access.clientside_callback(
        f"function() {{ return window.portalUrl.write({spec}, Array.from(arguments)); }}",
        Output(f"{page}-url-state", "title"),
        [Input(p.component_id, p.prop) for p in params],
    )


def query_value(value: Any, kind: str = "text", default: Any = None) -> Any:
    """A URL parameter as the layout receives it, decoded like assets/url_state.js does."""
    if isinstance(value, list):
        value = ",".join(value)
    if value is None or value == "":
        return [] if kind == "list" else default
    if kind == "list":
        return [v for v in str(value).split(",") if v]
    if kind == "int":
        try:
            return int(value)
        except ValueError:
            return default
    return str(value)


def login_required_page(login_href: str) -> html.Div:
    """What a protected page shows an anonymous visitor: a way to the login, and a redirect."""
    return html.Div(
        [
            html.H1(t("auth_required_title")),
            html.P(t("auth_required_text")),
            dcc.Link(t("auth_login"), href=login_href),
            dcc.Location(id="login-redirect", href=login_href, refresh=True),
        ]
    )


def forbidden_page() -> html.Div:
    return html.Div([html.H1(t("auth_forbidden_title")), html.P(t("auth_forbidden_text"))])
