"""Reusable Dash pieces: page shell, key figures, notices, tables (sort, pages, downloads), and
the URL state of a page (the marker and the clientside callback of assets/url_state.js)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import dash
from dash import Input, Output, dcc, html

from dashboard import access, figures, tables
from dashboard.i18n import format_date, format_money, format_number, format_percent, t
from dashboard.settings import Settings
from dashboard.urls import UrlParam

# The public pages, then the internal area (shown to whom may open it, as a row of its own).
NAV_ITEMS = (
    ("/", "nav_home"),
    ("/herausforderungen", "nav_challenges"),
    ("/loesungen", "nav_solutions"),
    ("/foerderung", "nav_funding"),
    ("/programm", "nav_programme"),
)
INTERNAL_NAV_ITEMS = (
    ("/intern", "nav_intern"),
    ("/skalierung", "nav_scaling"),
    ("/admin/kuratierung", "nav_curation"),
    ("/admin/paten", "nav_patrons"),
    ("/admin/protokoll", "nav_audit"),
    ("/admin/daten", "nav_data"),
)
LEGAL_LINKS = (
    ("/impressum", "imprint"),
    ("/datenschutz", "privacy"),
    ("/barrierefreiheit", "accessibility"),
    ("/leichte-sprache", "easy_language"),
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
            footer(settings, lang),
        ],
        className="d-flex flex-column min-vh-100",
    )


def navbar(settings: Settings, lang: str) -> html.Header:
    """The portal's header: brand, the public pages, language and account; below them, for a
    signed-in role, the internal pages in a row of their own. On a phone (below 992 px) the menu
    folds behind a "Menü" button (assets/navigation.js opens and closes it)."""
    other = "en" if lang == "de" else "de"
    existing = {
        page["path"]
        for page in dash.page_registry.values()
        if access.has_access(access.current_role(), access.page_access(page["path"]))
    }

    def links(items, label_key: str, class_name: str) -> html.Ul | None:
        # A page appears in the navigation once it exists, never as a link to "not found".
        entries = [
            html.Li(dcc.Link(t(key), href=path, className="nav-link"), className="nav-item")
            for path, key in items
            if path in existing
        ]
        if not entries:
            return None
        label = {"aria-label": t(label_key)}
        return html.Ul(entries, className=f"navbar-nav {class_name}", **label)

    menu = html.Div(
        [
            links(NAV_ITEMS, "nav_public", "portal-nav-public"),
            html.Div(
                [
                    html.A(
                        t("language_switch"),
                        href=f"?lang={other}",
                        lang=other,
                        hrefLang=other,
                        title=t("language_switch_label"),
                        className="btn btn-outline-light btn-sm",
                    ),
                    _account(),
                ],
                className="portal-nav-tools",
            ),
            links(INTERNAL_NAV_ITEMS, "nav_internal", "portal-nav-internal"),
        ],
        id="nav-menu",
        className="portal-nav-menu",
    )
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
                    html.Button(
                        [html.Span(className="portal-nav-toggle-icon"), t("nav_menu")],
                        id="nav-toggle",
                        type="button",
                        className="btn btn-outline-light portal-nav-toggle",
                        **{"aria-expanded": "false", "aria-controls": "nav-menu"},
                    ),
                    menu,
                ],
                className="container portal-nav-bar",
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


def in_language(german: str, english: str | None, lang: str) -> str | list:
    """A configured or data text in the page's language; on an English page without an English
    text, the German one marked as German (its `lang`, and "(in German)" after it)."""
    if lang == "de":
        return german
    if english:
        return english
    return [html.Span(german, lang="de"), f" ({t('in_german', lang=lang)})"]


def _tagline(settings: Settings, lang: str) -> html.P:
    """The footer's line in the page's language (the German one, marked, without English)."""
    return html.P(
        in_language(settings.portal_tagline, settings.portal_tagline_en, lang),
        className="mb-0 small",
    )


def footer(settings: Settings, lang: str) -> html.Footer:
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
                _tagline(settings, lang),
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


def figure_chain(chain_id: str, title: str, steps: list) -> html.Div:
    """A chain of figures in order (the overview's story, the internal funnel): each step
    (label, value, note or None, link or None); the arrow to the next is drawn, not read out."""
    items = []
    for i, (label, value, note, href) in enumerate(steps):
        shown = dcc.Link(value, href=href) if href else value
        items.append(
            html.Li(
                [
                    html.Span(shown, className="kpi-value d-block"),
                    html.Span(label, className="kpi-label d-block"),
                    html.Span(note, className="kpi-note d-block small") if note else None,
                    html.Span("→", className="story-arrow", **{"aria-hidden": "true"})
                    if i < len(steps) - 1
                    else None,
                ],
                className="kpi-card story-step",
            )
        )
    return html.Div(
        [
            html.H3(title, id=f"{chain_id}-heading", className="h6 story-chain-title"),
            html.Ol(
                items,
                className="story-chain list-unstyled",
                **{"aria-labelledby": f"{chain_id}-heading"},
            ),
        ],
        id=chain_id,
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
            dcc.Markdown(_hard_breaks(text), className="legal-text"),
        ]
    )


def _hard_breaks(markdown: str) -> str:
    """CommonMark's backslash line break (`Musterstraße 1\\`) as two trailing spaces: dcc.Markdown
    shows the backslash and joins the lines (docs/stack.md)."""
    return re.sub(r"\\\n", "  \n", markdown)


def format_cell(value: Any, column: tables.Column, lang: str) -> str:
    """A table cell in the active language: money to the cent, dates `23.11.2026`."""
    if value is None:
        return "–"
    if column.kind == tables.MONEY:
        return format_money(value, column.currency, lang=lang)
    if column.kind in (tables.INTEGER, tables.NUMBER):
        return format_number(value, lang=lang)
    if column.kind == tables.PERCENT:
        return format_percent(value, lang=lang)
    if column.kind == tables.DATE:
        return format_date(value, lang=lang)
    return str(value)


def data_table(table: tables.DataTable, lang: str, caption: str | None = None) -> html.Table:
    """An accessible HTML table of a DataTable: caption, column headers, numbers right-aligned."""
    numeric = {tables.MONEY, tables.INTEGER, tables.NUMBER, tables.PERCENT}
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


def filter_panel(panel_id: str, summary: str, body: Any, class_name: str = "") -> html.Details:
    """A page's filters, open as rendered; on a phone (below 992 px) assets/filter_panel.js folds
    them behind a button that says how many are set and what they find ("Filter (2) · 332
    Ergebnisse"), so that the results are not pushed below the controls. The summary's text
    lives in `<panel_id>-summary` for the page's callback to keep current."""
    return html.Details(
        [
            html.Summary(
                html.Span(summary, id=f"{panel_id}-summary"),
                className="btn btn-outline-primary filter-panel-toggle",
            ),
            body,
        ],
        open=True,
        id=panel_id,
        className=f"filter-panel {class_name}".strip(),
    )


def filter_summary(active: int, found: str) -> str:
    """The folded filters' button: "Filter (2) · 332 Ergebnisse"; without a filter, "Filter · …"."""
    count = f" ({format_number(active)})" if active else ""
    return t("filter_summary", count, found)


def loading(child: Any) -> dcc.Loading:
    """A block that shows, after a moment (0.4 s), that it is being drawn anew: a spinner with
    "Wird geladen …" for screen readers over the old content, which stays visible and keeps any
    focus (no flicker for a fast answer)."""
    spinner = html.Div(
        [
            html.Span(className="spinner-border portal-spinner", **{"aria-hidden": "true"}),
            html.Span(t("loading"), className="visually-hidden"),
        ],
        role="status",
        className="portal-loading",
    )
    return dcc.Loading(
        child,
        delay_show=400,
        show_initially=False,
        overlay_style={"visibility": "visible", "opacity": 0.55},
        custom_spinner=spinner,
        parent_className="portal-loading-parent",
    )


def table_region(table: Any, label: str | None = None) -> html.Div:
    """A table in a labelled region of its own that scrolls sideways when the table is wider than
    the screen (the page itself never does), its first column kept in view. The region takes the
    keyboard focus, so that it scrolls with the arrow keys too. Its name, "Tabelle: <label>"
    (`label` defaults to the caption), differs from the chart section's around it."""
    if label is None:
        label = _caption_text(table)
    name = {"aria-label": t("table_region", label)}
    return html.Div(table, className="table-region", role="region", tabIndex="0", **name)


def _caption_text(table: Any) -> str:
    children = table.children if isinstance(table.children, list) else [table.children]
    for child in children:
        if isinstance(child, html.Caption) and isinstance(child.children, str):
            return child.children
    raise ValueError("table_region needs a label for a table without a text caption")


def chart_block(
    block_id: str,
    table: tables.DataTable,
    figure: Any,
    summary: str,
    query: str,
    lang: str,
    heading: bool = True,
) -> html.Section:
    """A chart with its text summary, its data as a table on demand, and CSV/XLSX downloads.

    `heading=False`: the page draws the heading (id `<block_id>-heading`) outside the block,
    with controls beneath it that must keep their focus while the block is drawn anew."""
    heading_id = f"{block_id}-heading"
    if table.empty:
        body: list[Any] = [html.P(t("no_data_for_filters"), className="empty-state")]
    else:
        body = [
            html.P(summary, className="chart-summary"),
            dcc.Graph(
                figure=figure,
                config=figures.graph_config(lang),
                className="chart",
                # A responsive graph fills its container's height: give it the figure's own.
                style=_graph_height(figure),
            ),
            html.Details(
                [html.Summary(t("show_table")), table_region(data_table(table, lang))],
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
        role="group",
        **{"aria-label": t("downloads_label", table.title)},
    )
    if not heading:  # the page's section around it is the landmark named by the heading
        return html.Section([*body, downloads], id=block_id, className="chart-block")
    return html.Section(
        [html.H2(table.title, id=heading_id, className="h4"), *body, downloads],
        id=block_id,
        className="chart-block",
        **{"aria-labelledby": heading_id},
    )


def downloads(
    dataset: str,
    query: str,
    label: str,
    class_name: str = "chart-downloads",
    role: str | None = "group",
) -> html.P:
    """CSV and XLSX links of a dataset (`/daten/<dataset>.<fmt>?<query>`), as a labelled group.

    `query`: the page's filters and sort as the dataset reads them (without "?"); `label`: the
    group's `aria-label` (e.g. `t("downloads_label", title)`); `role=None` leaves the role out.
    """
    suffix = f"?{query}" if query else ""
    return html.P(
        [
            html.A(
                t(f"download_{fmt}"),
                href=f"/daten/{dataset}.{fmt}{suffix}",
                download=f"{dataset}.{fmt}",
                className="btn btn-outline-secondary btn-sm me-2",
            )
            for fmt in ("csv", "xlsx")
        ],
        className=class_name,
        **({"role": role} if role else {}),
        **{"aria-label": label},
    )


# The look of sort_header's button and of pagination: assets/portal.css.
SORTABLE_TABLE = "sortable-table"  # on the table whose headings are sort_header's
PAGINATION = "portal-pagination"  # on pagination's box: layout and the portal's link colours
PAGE_RANGE = "portal-page-range"  # on the "rows … to … of …" paragraph inside it
SORT_INDICATORS = {"ascending": "▲", "descending": "▼"}  # unsorted: ↕


def sort_header(
    label: Any,
    key: str | None,
    id_type: str,
    sort: str,
    descending: bool,
    class_name: str | None = None,
) -> html.Th:
    """A column heading that sorts a server-side table by its column.

    A button with the pattern-matching id `{"type": id_type, "key": key}` (and `data-sort-key`,
    which the page's script uses to give it the focus back after the table re-renders), a sort
    indicator ▲/▼/↕ hidden from screen readers, and `aria-sort` on the column the table is sorted
    by (`sort`, `descending`). A column that does not sort (`key=None`) is a plain heading. The
    table carries the class `SORTABLE_TABLE` for the button's look.
    """
    extra = {"className": class_name} if class_name else {}
    if key is None:
        return html.Th(label, scope="col", **extra)
    state = None
    if key == sort:
        state = "descending" if descending else "ascending"
    indicator = SORT_INDICATORS.get(state, "↕")
    return html.Th(
        html.Button(
            [label, html.Span(indicator, className="sort-indicator", **{"aria-hidden": "true"})],
            id={"type": id_type, "key": key},
            type="button",
            className="sort-button",
            **{"data-sort-key": key},
        ),
        scope="col",
        **extra,
        **({"aria-sort": state} if state else {}),
    )


def page_window(page: int, pages: int) -> list[int]:
    """The page numbers to link: first, last, and two on each side of `page` (gaps become "…")."""
    return sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)})


def pagination(
    *,
    page: int,
    pages: int,
    page_size: int,
    shown: int,
    total: int,
    href: Callable[[int], str],
    messages: str,
    lang: str,
    class_name: str,
    range_class_name: str,
) -> html.Div:
    """Where the rows stand, and links to the pages of a server-side table.

    Each page is a URL of its own (`href(number)`), so Back returns to it. The current page is
    plain text with `aria-current="page"`; "previous"/"next" at either end and the "…" of a gap are
    disabled items. `shown`: the rows on this page; `messages`: the prefix of the page's texts
    `<messages>_page_range`, `_page_previous`, `_page_next`, `_page_word` and `_pagination`.
    The links are left out when there is only one page. `PAGINATION` among `class_name` gives
    the portal's layout and link colours, `PAGE_RANGE` among `range_class_name` the paragraph's.
    """
    first = (page - 1) * page_size + 1
    last = first + shown - 1
    n = format_number
    text = t(f"{messages}_page_range", n(first, lang=lang), n(last, lang=lang), n(total, lang=lang))
    items = [_page_item(href, page - 1, [t(f"{messages}_page_previous")], enabled=page > 1)]
    previous = 0
    for number in page_window(page, pages):
        if number > previous + 1:
            items.append(_page_item(href, 0, ["…"], enabled=False))
        word = html.Span(t(f"{messages}_page_word") + " ", className="visually-hidden")
        items.append(_page_item(href, number, [word, n(number, lang=lang)], current=number == page))
        previous = number
    items.append(_page_item(href, page + 1, [t(f"{messages}_page_next")], enabled=page < pages))
    nav = html.Nav(
        html.Ul(items, className="pagination pagination-sm flex-wrap mb-0"),
        **{"aria-label": t(f"{messages}_pagination")},
    )
    return html.Div(
        [html.P(text, className=range_class_name), nav if pages > 1 else None],
        className=class_name,
    )


def _page_item(
    href: Callable[[int], str],
    number: int,
    text: list[Any],
    enabled: bool = True,
    current: bool = False,
) -> html.Li:
    """A page link; the current page and a way that leads nowhere are plain text."""
    if current:
        span = html.Span(text, className="page-link", **{"aria-current": "page"})
        return html.Li(span, className="page-item active")
    if not enabled:
        return html.Li(html.Span(text, className="page-link"), className="page-item disabled")
    return html.Li(dcc.Link(text, href=href(number), className="page-link"), className="page-item")


def _graph_height(figure: Any) -> dict[str, str] | None:
    height = getattr(getattr(figure, "layout", None), "height", None)
    return {"height": f"{height}px"} if height else None


def _spec(params: list[UrlParam]) -> list[dict[str, Any]]:
    return [
        {"name": p.name, "id": p.component_id, "prop": p.prop, "default": p.default,
         "kind": p.kind, "push": p.push, "typing": p.typing, "reset": p.reset,
         "keeps": p.keeps}
        for p in params
    ]  # fmt: skip


def url_state(page: str, params: list[UrlParam]) -> html.Div:
    """The page's URL state in its layout: a marker for assets/url_state.js, and the store
    `<page>-query` that holds the canonical query after each change (None until the first).

    A server callback that answers every change at once listens to `Input("<page>-query", "data")`
    and reads it with `urls.url_values(params, urls.query_params(query))`.
    """
    return html.Div(
        dcc.Store(id=f"{page}-query"),
        id=f"{page}-url-state",
        hidden=True,
        **{"data-url-state": json.dumps(_spec(params))},
    )


def sync_url(page: str, params: list[UrlParam], focus: str | None = None) -> None:
    """Register the clientside callback that writes the controls' values into the URL.

    It runs in the browser only (no server request) and never goes through the Pages router, so
    the page is not re-rendered and the focus stays where the visitor types. `focus`: the id of the
    element that gets the focus after a link within the page (e.g. the results heading).
    """
    spec = json.dumps(_spec(params))
    access.clientside_callback(
        "function() { return window.portalUrl.write("
        f"{json.dumps(page)}, {spec}, {json.dumps(focus)}, Array.prototype.slice.call(arguments)"
        "); }",
        Output(f"{page}-query", "data"),
        [Input(p.component_id, p.prop) for p in params if p.component_id],
    )
