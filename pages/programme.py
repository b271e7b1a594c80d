"""Programme page `/programm`: the funding programme's story, key figures, the tools' link list."""

import dash_bootstrap_components as dbc
from dash import Input, Output, dcc, html
from flask import current_app

from dashboard import access, components, db, programme, tool_list, urls
from dashboard.content import programme_text, split_title
from dashboard.db import DataUnavailable
from dashboard.i18n import current_language, format_date, format_money_whole, format_number, t
from dashboard.search import MAX_QUERY_LENGTH

access.register_page(__name__, path="/programm", title=lambda **_: t("programme_title"))

SEARCH_ID = "programme-tools-search"
CATEGORY_ID = "programme-tools-category"
COUNT_ID = "programme-tools-count"
LIST_ID = "programme-tools-list"
ALL = programme.ALL
# Typing replaces the URL (Back skips keystrokes); a chosen category is a step Back returns to.
URL = [
    urls.UrlParam(programme.SEARCH, SEARCH_ID, default="", push=False),
    urls.UrlParam(programme.CATEGORY, CATEGORY_ID, default=ALL),
]
components.sync_url("programme", URL)


def layout(suche=None, kategorie=None, **_kwargs):
    lang = current_language()
    title, story, is_sample = _story(lang)
    try:
        totals = programme.totals()
        categories = programme.categories()
        demo = db.is_demo_data()
    except DataUnavailable:
        return html.Div([html.H1(title), components.error_notice(t("no_data"))])
    search = urls.first(suche)[:MAX_QUERY_LENGTH]
    category = programme.chosen_category(kategorie, categories)
    return html.Div(
        [
            html.H1(title),
            html.P(t("programme_sample"), className="alert alert-info", role="note")
            if is_sample
            else None,
            components.demo_notice() if demo else None,
            _figures(totals, lang),
            dcc.Markdown(story, className="programme-text"),
            _tools_section(search, category, categories, lang),
        ],
        className="programme-page",
    )


@access.callback(
    Output(COUNT_ID, "children"),
    Output(LIST_ID, "children"),
    Input(SEARCH_ID, "value"),
    Input(CATEGORY_ID, "value"),
    access=access.PUBLIC,
    prevent_initial_call=True,
)
def filter_tools(search, category):
    chosen = programme.chosen_category(category, programme.categories())
    return _tools(search or "", chosen, current_language())


def _story(lang: str) -> tuple[str, str, bool]:
    """The page's h1, the rest of the operator's (or the sample) Markdown, and if it is a sample."""
    settings = current_app.config["PORTAL_SETTINGS"]
    text, is_sample = programme_text(lang, settings.instance_dir)
    title, body = split_title(text)
    return title or t("programme_title"), body, is_sample


def _figures(found: programme.ProgrammeTotals | None, lang: str) -> html.Div:
    if found is None:
        return html.P(t("programme_no_programme"), className="empty-state")
    totals = found.programme
    others = ", ".join(
        f"{format_number(c.grants, lang=lang)} × {c.currency} "
        f"({format_money_whole(c.total, c.currency, lang=lang)})"
        for c in found.other_currencies
    )
    average = found.eur_average
    items = [
        (t("programme_kpi_grants"), format_number(totals.grants, lang=lang), None),
        (t("programme_kpi_recipients"), format_number(totals.recipients, lang=lang), None),
        (
            t("programme_kpi_eur_total"),
            format_money_whole(totals.eur_total, lang=lang),
            t("programme_kpi_other_currencies", others)
            if others
            else t("programme_kpi_eur_total_note"),
        ),
    ]
    if average is not None:
        items.append(
            (
                t("programme_kpi_average"),
                format_money_whole(average, lang=lang),
                t("programme_kpi_average_note"),
            )
        )
    period = t(
        "programme_period",
        format_date(totals.starts_on, lang=lang),
        format_date(totals.ends_on, lang=lang),
    )
    return html.Div(
        [
            html.P([html.Strong(totals.name), html.Br(), period], className="programme-event"),
            components.key_figures(items, t("programme_figures")),
        ],
        className="programme-figures my-4",
    )


def _tools_section(
    search: str, category: str, categories: tuple[str, ...], lang: str
) -> html.Section:
    count, listing = _tools(search, category, lang)
    names = programme.category_names()
    options = [{"label": t("programme_tools_all_categories"), "value": ALL}] + [
        {"label": tool_list.category_label(c, names.get(c), lang), "value": c} for c in categories
    ]
    return html.Section(
        [
            html.H2(t("programme_tools"), id="programme-tools-heading", className="h3"),
            html.P(t("programme_tools_intro")),
            components.url_state("programme", URL),
            html.Div(
                [
                    html.Div(
                        [
                            dbc.Label(t("programme_tools_search"), html_for=SEARCH_ID),
                            dbc.Input(
                                id=SEARCH_ID,
                                type="search",
                                value=search,
                                debounce=250,
                                maxLength=MAX_QUERY_LENGTH,
                                autoComplete="off",
                            ),
                        ],
                        className="col-md-7",
                    ),
                    html.Div(
                        [
                            dbc.Label(t("programme_tools_category"), html_for=CATEGORY_ID),
                            dbc.Select(id=CATEGORY_ID, options=options, value=category),
                        ],
                        className="col-md-5",
                    ),
                ],
                className="row g-3 tool-filters",
                role="search",
                **{"aria-label": t("programme_tools_filters")},
            ),
            html.P(
                count,
                id=COUNT_ID,
                role="status",
                className="tool-count",
                **{"aria-live": "polite", "aria-atomic": "true"},
            ),
            html.Div(listing, id=LIST_ID),
        ],
        className="programme-tools my-5",
        **{"aria-labelledby": "programme-tools-heading"},
    )


def _tools(search: str, category: str, lang: str) -> tuple[str, html.Ul | html.P]:
    chosen = None if category == ALL else category
    shown = programme.tools(search[:MAX_QUERY_LENGTH] or None, chosen, lang)
    total = len(programme.tools(None, None, lang))
    count = tool_list.count_text(shown=len(shown), total=total, lang=lang)
    return count, tool_list.tool_list(shown)
