"""Reusable Dash pieces: page shell (skip link, navbar, footer), key-figure list, notices."""

from __future__ import annotations

import dash
from dash import dcc, html

from dashboard.i18n import t
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
    existing = {page["path"] for page in dash.page_registry.values()}
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
