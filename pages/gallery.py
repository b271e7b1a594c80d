"""Solution gallery `/loesungen`: full-text search, facets with counts, cards, pages in the URL."""

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import dash_bootstrap_components as dbc
from dash import Input, Output, dcc, html, no_update

from dashboard import access, action_fields, components, gallery, urls
from dashboard.db import DataUnavailable
from dashboard.gallery import GalleryFilters
from dashboard.i18n import current_language, format_number, t

PATH = "/loesungen"

access.register_page(__name__, path=PATH, title=lambda **_: t("gallery_title"), order=2)

G = gallery
URL = [
    urls.UrlParam(G.QUERY, "gallery-q", default="", typing=True),
    urls.UrlParam(G.EVENT, "gallery-event", kind="list"),
    urls.UrlParam(G.FIELD, "gallery-field", kind="list"),
    urls.UrlParam(G.AWARD, "gallery-award", kind="list"),
    urls.UrlParam(G.DIGITAL_PARAM, "gallery-digital", default=""),
    urls.UrlParam(G.MATURITY, "gallery-maturity", kind="list"),
    urls.UrlParam(G.TAG, "gallery-tag", kind="list"),
    urls.UrlParam(G.SORT, "gallery-sort", default="relevance"),
    # How the results look (cards or a compact list): a step Back returns to, the page stays.
    urls.UrlParam(G.VIEW, "gallery-view", default=G.CARDS, keeps=True),
    urls.UrlParam(G.PAGE, None, default=1, kind="int", reset=True),
]
components.sync_url("gallery", URL, focus="gallery-results-heading")

# (URL parameter, GalleryFacets field, control id, heading key, label key prefix) per facet.
CONTROLS = {
    G.EVENT: ("gallery-event", "gallery_facet_event"),
    G.FIELD: ("gallery-field", "gallery_facet_field"),
    G.AWARD: ("gallery-award", "gallery_facet_award"),
    G.MATURITY: ("gallery-maturity", "gallery_facet_maturity"),
    G.TAG: ("gallery-tag", "gallery_facet_tag"),
}
FACETS = tuple((name, attr, *CONTROLS[name], prefix) for name, attr, prefix in G.FACETS)


@dataclass(frozen=True)
class View:
    """What the page shows for one state of the URL."""

    values: dict[str, Any]  # the URL's values, unknown choices dropped, the page clamped
    count: str
    chips: list
    results: list
    options: dict[str, list[dict]]
    summary: str  # the folded filter panel's button on a phone


def layout(**query):
    try:
        view = _view(query)
    except DataUnavailable:
        return html.Div([html.H1(t("gallery_title")), components.error_notice(t("no_data"))])
    return html.Div(
        [
            html.H1(t("gallery_title")),
            html.P(t("gallery_intro"), className="lead"),
            components.url_state("gallery", URL),
            _search_box(view.values[G.QUERY]),
            html.Div([_filters(view), _results_section(view)], className="row g-4"),
        ],
        className="gallery",
    )


OPTION_CONTROLS = (*(control for _, _, control, _, _ in FACETS), "gallery-digital")


@access.callback(
    Output("gallery-count", "children"),
    Output("gallery-chips", "children"),
    Output("gallery-results", "children"),
    Output("gallery-filter-panel-summary", "children"),
    Output("gallery-reset", "href"),
    *(Output(control, "options") for control in OPTION_CONTROLS),
    Input("gallery-query", "data"),
    access=access.PUBLIC,
    prevent_initial_call=True,
)
def show_results(query):
    """Any change of the URL state (typed, ticked, Back, a page link): one answer for all."""
    try:
        view = _view(urls.query_params(query))
    except DataUnavailable:
        notice = components.error_notice(t("no_data"))
        kept = (no_update for _ in OPTION_CONTROLS)
        return no_update, no_update, notice, no_update, no_update, *kept
    options = (view.options[control] for control in OPTION_CONTROLS)
    reset = _reset_href(view.values)
    return view.count, view.chips, view.results, view.summary, reset, *options


def _view(query: dict) -> View:
    """Everything the page shows for the URL's state (validated once, unknown choices dropped)."""
    lang = current_language()
    filters = GalleryFilters.from_url(query, lang)
    result = gallery.gallery(filters, lang)
    values = {**filters.url_values(), G.PAGE: result.page, G.VIEW: gallery.view_of(query)}
    chips = filters.chips(result.facets, lang)
    count = _count_text(result.total)
    return View(
        values=values,
        count=count,
        chips=_chips(values, chips),
        results=_results(values, result),
        options=_facet_options(values, result.facets),
        summary=components.filter_summary(len(chips), count),
    )


def _href(values: dict, **changes) -> str:
    """The gallery's address for `values` with `changes`; any change but the page resets it."""
    if G.PAGE not in changes:
        changes[G.PAGE] = 1
    query = urls.url_query(URL, {**values, **changes})
    return PATH + (f"?{query}" if query else "")


def _reset_href(values: dict) -> str:
    """Every filter cleared; the way of showing the results stays."""
    return _href({G.VIEW: values[G.VIEW]})


# --- search and filters -------------------------------------------------------------------------


def _search_box(query: str) -> html.Div:
    return html.Div(
        [
            dbc.Label(t("gallery_search_label"), html_for="gallery-q", className="fw-semibold"),
            dcc.Input(
                id="gallery-q",
                type="search",
                value=query,
                debounce=0.3,
                autoComplete="off",
                spellCheck=False,
                maxLength=200,
                className="form-control form-control-lg",
            ),
            html.P(t("gallery_search_hint"), className="form-text mb-0"),
        ],
        role="search",
        className="gallery-search mb-4",
    )


def _filters(view: View) -> html.Section:
    values, options = view.values, view.options
    groups = [
        _facet_group(control, t(key), options[control], values[name])
        for name, _, control, key, _ in FACETS
    ]
    digital = html.Fieldset(
        [
            html.Legend(t("gallery_facet_digital"), className="gallery-facet-legend"),
            dbc.RadioItems(
                id="gallery-digital",
                options=options["gallery-digital"],
                value=values[G.DIGITAL_PARAM],
            ),
        ],
        className="gallery-facet",
    )
    groups.insert(3, digital)
    reset = dcc.Link(
        t("gallery_reset"),
        id="gallery-reset",
        href=_reset_href(values),
        className="btn btn-outline-secondary btn-sm",
    )
    return html.Section(
        [
            html.H2(t("gallery_filters"), id="gallery-filters-heading", className="h4"),
            components.filter_panel(
                "gallery-filter-panel",
                view.summary,
                html.Div([*groups, reset], className="gallery-filter-body"),
                "gallery-filter-panel",
            ),
        ],
        className="col-lg-3 gallery-filters",
        **{"aria-labelledby": "gallery-filters-heading"},
    )


def _facet_group(control: str, legend: str, options: list, value: list) -> html.Fieldset:
    return html.Fieldset(
        [
            html.Legend(legend, className="gallery-facet-legend"),
            dbc.Checklist(id=control, options=options, value=value),
        ],
        className="gallery-facet",
    )


def _facet_options(values: dict, facets: gallery.GalleryFacets) -> dict[str, list[dict]]:
    """Each facet's options with their counts; an empty one stays choosable while it is chosen."""

    def options(counted: tuple[gallery.FacetOption, ...], chosen: list, prefix: str | None):
        return [
            {
                "label": _counted(_label(o.value, o.label, prefix), o.solutions),
                "value": o.value,
                "disabled": o.solutions == 0 and o.value not in chosen,
            }
            for o in counted
        ]

    found = {
        control: options(getattr(facets, field), values[name], prefix)
        for name, field, control, _, prefix in FACETS
    }
    everything = sum(o.solutions for o in facets.digital)
    digital = [{"label": _counted(t("gallery_digital_all"), everything), "value": ""}]
    digital += options(facets.digital, [values[G.DIGITAL_PARAM]], "gallery_digital")
    return {**found, "gallery-digital": digital}


def _label(value: str, label: str | None, prefix: str | None) -> str:
    return gallery.label(value, label, prefix, current_language())


def _counted(label: str, solutions: int) -> list:
    return [label, " ", html.Span(f"({format_number(solutions)})", className="facet-count")]


def _chips(values: dict, chips: list[tuple[str, dict]]) -> list:
    """Each active choice as a link to the same search without it."""
    if not chips:
        return []
    return [
        html.H3(t("gallery_active_filters"), className="visually-hidden"),
        html.Ul(
            [html.Li(_chip(text, _href(values, **without))) for text, without in chips],
            className="gallery-chips",
        ),
    ]


def _chip(text: str, href: str) -> dcc.Link:
    return dcc.Link(
        [
            html.Span(t("gallery_remove_filter") + " ", className="visually-hidden"),
            text,
            html.Span(" ×", **{"aria-hidden": "true"}),
        ],
        href=href,
        className="gallery-chip",
    )


# --- results --------------------------------------------------------------------------------------


def _results_section(view: View) -> html.Section:
    sorts = [{"label": t(f"gallery_sort_{s}"), "value": s} for s in G.SORTS]
    return html.Section(
        [
            html.Div(
                [
                    html.Div(
                        [
                            html.H2(
                                t("gallery_results"),
                                id="gallery-results-heading",
                                tabIndex="-1",
                                className="h4 mb-1",
                            ),
                            html.P(
                                view.count,
                                id="gallery-count",
                                className="gallery-count mb-0",
                                **{"aria-live": "polite", "aria-atomic": "true"},
                            ),
                        ]
                    ),
                    html.Div(
                        [
                            _view_toggle(view.values[G.VIEW]),
                            html.Div(
                                [
                                    dbc.Label(t("gallery_sort_label"), html_for="gallery-sort"),
                                    dbc.Select(
                                        id="gallery-sort", options=sorts, value=view.values[G.SORT]
                                    ),
                                ],
                                className="gallery-sort",
                            ),
                        ],
                        className="gallery-results-controls",
                    ),
                ],
                className="gallery-results-head",
            ),
            html.Div(view.chips, id="gallery-chips"),
            components.loading(html.Div(view.results, id="gallery-results")),
        ],
        className="col-lg-9",
        **{"aria-labelledby": "gallery-results-heading"},
    )


def _view_toggle(value: str) -> html.Fieldset:
    """Cards | List: two radio buttons drawn as one segmented control (arrow keys move between
    them, the chosen one is announced as checked)."""
    return html.Fieldset(
        [
            html.Legend(t("gallery_view_label"), className="gallery-view-legend"),
            dbc.RadioItems(
                id="gallery-view",
                options=[
                    {"label": t("gallery_view_cards"), "value": G.CARDS},
                    {"label": t("gallery_view_list"), "value": G.LIST},
                ],
                value=value,
                inline=True,
                className="gallery-view-toggle",
                inputClassName="btn-check",
                labelClassName="btn gallery-view-option",
                labelCheckedClassName="active",
            ),
        ],
        className="gallery-view",
    )


def _count_text(total: int) -> str:
    if total == 0:
        return t("gallery_count_none")
    if total == 1:
        return t("gallery_count_one")
    return t("gallery_count", format_number(total))


def _results(values: dict, result: gallery.GalleryPage) -> list:
    if not result.cards:
        return [_empty_state(values)]
    if values[G.VIEW] == G.LIST:
        shown = html.Ul(
            [_row(card) for card in result.cards], className="gallery-list list-unstyled"
        )
    else:
        shown = html.Ul(
            [_card(card) for card in result.cards], className="gallery-grid list-unstyled"
        )
    return [shown, _pagination(values, result.page, result.pages)]


def _empty_state(values: dict) -> html.Div:
    return html.Div(
        [
            html.P(t("gallery_empty_title"), className="fw-semibold mb-1"),
            html.P(t("gallery_empty_hint")),
            dcc.Link(
                t("gallery_reset"),
                href=_reset_href(values),
                className="btn btn-outline-primary btn-sm",
            ),
        ],
        className="empty-state gallery-empty",
    )


def _visual(card: gallery.SolutionCard) -> html.Div:
    """The card's picture, drawn by the portal (never a thumbnail from the video host before
    consent): its action field's colour, and a play sign only where the solution has a video."""
    return html.Div(
        html.Span(className="gallery-play") if card.has_video else None,
        className="gallery-visual" + (" gallery-visual-video" if card.has_video else ""),
        style={"--field-colour": action_fields.colour(card.action_field)},
        **{"aria-hidden": "true"},
    )


def _solution_href(card: gallery.SolutionCard) -> str:
    return f"{PATH}/{quote(card.solution_id, safe='')}"


def _votes(card: gallery.SolutionCard) -> str:
    if card.votes == 1:
        return t("gallery_votes_one")
    return t("gallery_votes", format_number(card.votes))


def _row(card: gallery.SolutionCard) -> html.Li:
    """One solution as a compact row of the list view: its title, then action field, region,
    votes and the award and video marks (labelled for screen readers, columns on a wide
    screen, one line under the title on a phone)."""

    def fact(label_key: str, value: list, class_name: str) -> html.Span:
        label = html.Span(f"{t(label_key)}: ", className="visually-hidden")
        return html.Span([label, *value], className=f"gallery-row-fact {class_name}")

    marks = []
    if card.award:
        marks.append(
            html.Span(
                t(f"gallery_award_{card.award}"), className=f"gallery-award gallery-{card.award}"
            )
        )
    if card.has_video:
        marks.append(html.Span(t("gallery_has_video"), className="gallery-badge gallery-row-video"))
    return html.Li(
        html.Article(
            [
                html.H3(
                    dcc.Link(card.title, href=_solution_href(card)),
                    className="gallery-row-title",
                ),
                html.Div(
                    [
                        fact(
                            "gallery_field",
                            [
                                html.Span(
                                    className="gallery-row-swatch",
                                    style={
                                        "--field-colour": action_fields.colour(card.action_field)
                                    },
                                    **{"aria-hidden": "true"},
                                ),
                                card.action_field_name or card.action_field,
                            ],
                            "gallery-row-field",
                        ),
                        fact(
                            "gallery_region",
                            [card.district_name or t("gallery_region_none")],
                            "gallery-row-region",
                        ),
                        html.Span(_votes(card), className="gallery-row-fact gallery-row-votes"),
                    ],
                    className="gallery-row-facts",
                ),
                html.P(marks, className="gallery-row-marks") if marks else None,
            ],
            className="gallery-row",
        )
    )


def _card(card: gallery.SolutionCard) -> html.Li:
    badges = [t(f"gallery_digital_{'digital' if card.is_digital else 'analog'}")]
    badges.append(t(f"gallery_maturity_{card.maturity}"))
    if card.has_video:
        badges.append(t("gallery_has_video"))
    award = (
        html.P(t(f"gallery_award_{card.award}"), className=f"gallery-award gallery-{card.award}")
        if card.award
        else None
    )
    votes = _votes(card)
    return html.Li(
        html.Article(
            [
                _visual(card),
                html.Div(
                    [
                        html.H3(
                            dcc.Link(
                                card.title,
                                href=_solution_href(card),
                                className="stretched-link",
                            ),
                            className="h5 gallery-card-title",
                        ),
                        award,
                        html.P([html.Span(f"{t('gallery_team')}: "), card.team_name]),
                        html.Ul(
                            [html.Li(b, className="gallery-badge") for b in badges],
                            className="gallery-badges list-unstyled",
                        ),
                        html.Dl(
                            [
                                html.Dt(t("gallery_field")),
                                html.Dd(card.action_field_name or card.action_field),
                                html.Dt(t("gallery_challenge")),
                                html.Dd(card.challenge_title or t("gallery_free_idea")),
                            ],
                            className="gallery-facts",
                        ),
                        html.P(card.summary, className="gallery-summary"),
                        html.P(
                            [votes, " · ", card.event_name or card.event_id],
                            className="gallery-meta small mb-0",
                        ),
                    ],
                    className="gallery-card-body",
                ),
            ],
            className="gallery-card",
        )
    )


def _pagination(values: dict, page: int, pages: int) -> html.Nav | None:
    if pages <= 1:
        return None

    def link(number: int, text, class_name: str = "page-link") -> dcc.Link:
        return dcc.Link(text, href=_href(values, **{G.PAGE: number}), className=class_name)

    word = html.Span(f"{t('gallery_page')} ", className="visually-hidden")
    items = []
    if page > 1:
        items.append(html.Li(link(page - 1, ["‹ ", t("gallery_previous")]), className="page-item"))
    previous = 0
    for number in components.page_window(page, pages):
        if number - previous > 1:
            items.append(html.Li(html.Span("…", className="page-link"), className="page-item"))
        if number == page:
            current = html.Span([word, number], className="page-link", **{"aria-current": "page"})
            items.append(html.Li(current, className="page-item active"))
        else:
            items.append(html.Li(link(number, [word, number]), className="page-item"))
        previous = number
    if page < pages:
        items.append(html.Li(link(page + 1, [t("gallery_next"), " ›"]), className="page-item"))
    return html.Nav(
        [
            html.Ul(items, className="pagination flex-wrap mb-1"),
            html.P(
                t("gallery_page_of", format_number(page), format_number(pages)), className="small"
            ),
        ],
        className="gallery-pagination",
        **{"aria-label": t("gallery_pagination")},
    )
