"""Overview `/`: the story of an event or of all (money → grants → recipients, challenges →
solutions → awards → patronships), where the money went by action field, the events compared."""

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, dcc, html
from flask import current_app

from dashboard import access, action_fields, components, db, figures, funding, overview, urls
from dashboard.db import DataUnavailable
from dashboard.funding import FundingFilters
from dashboard.i18n import current_language, format_date, format_money_whole, format_number, t

access.register_page(__name__, path="/", title=lambda **_: t("home_title"), order=0)

ALL = overview.ALL
URL = [urls.UrlParam(overview.EVENT, "overview-event", default=ALL)]
components.sync_url("overview", URL)

ENTRY_POINTS = (
    ("/herausforderungen", "nav_challenges", "overview_link_challenges"),
    ("/loesungen", "nav_solutions", "overview_link_solutions"),
    ("/foerderung", "nav_funding", "overview_link_funding"),
    ("/programm", "nav_programme", "overview_link_programme"),
)


def layout(veranstaltung=None, **_kwargs):
    try:
        events = overview.events()
        chosen = overview.chosen_event(veranstaltung)
        demo = db.is_demo_data()
    except DataUnavailable:
        return html.Div([html.H1(t("home_title")), components.error_notice(t("no_data"))])
    return html.Div(
        [
            html.H1(t("home_title")),
            html.P(_intro(), className="lead"),
            components.demo_notice() if demo else None,
            components.url_state("overview", URL),
            html.Div(
                [
                    dbc.Label(t("overview_event_label"), html_for="overview-event"),
                    dbc.Select(
                        id="overview-event",
                        options=[{"label": t("overview_all_events"), "value": ALL}]
                        + [{"label": e.name, "value": e.event_id} for e in events],
                        value=chosen,
                    ),
                ],
                className="overview-filter mb-3",
            ),
            html.Div(_figures(chosen), id="overview-figures", **{"aria-live": "polite"}),
            _by_field(current_language()),
            _entry_points(),
            _events_table(),
        ]
    )


@access.callback(
    Output("overview-figures", "children"),
    Input("overview-event", "value"),
    access=access.PUBLIC,
    prevent_initial_call=True,
)
def show_event(event_id):
    return _figures(overview.chosen_event(event_id))


def _intro() -> str:
    settings = current_app.config["PORTAL_SETTINGS"]
    own = settings.intro_en if current_language() == "en" else settings.intro_de
    return own or t("home_intro")


def _figures(event_id: str) -> html.Section:
    """The story of the choice in one sentence, then its two chains, each step a link into its
    public page: € funded → grants → recipients, and challenges → … → pledged patronships."""
    found = overview.totals(event_id)
    totals, kind = found.totals, found.kind
    event = "" if event_id == ALL else f"?veranstaltung={event_id}"
    others = ", ".join(
        f"{format_number(c.grants)} × {c.currency} ({format_money_whole(c.total, c.currency)})"
        for c in found.other_currencies
    )
    money = [
        (
            t("kpi_eur_total"),
            format_money_whole(totals.eur_total),
            t("kpi_other_currencies", others) if others else t("kpi_eur_total_note"),
            "/foerderung",
        ),
        (t("kpi_grants"), format_number(totals.grants), None, "/foerderung#funding-grants"),
        (t("overview_kpi_recipients"), format_number(totals.recipients), None, "/foerderung"),
    ]
    results = [
        (t("kpi_challenges"), format_number(totals.challenges), None, f"/herausforderungen{event}"),
        (t("overview_kpi_participants"), format_number(totals.participants), None, None),
        (t("kpi_solutions"), format_number(totals.solutions), None, f"/loesungen{event}"),
        (
            t("overview_kpi_awarded"),
            format_number(totals.awarded_solutions),
            None,
            "/loesungen?"
            + (f"{event[1:]}&" if event else "")
            + "auszeichnung=winner&auszeichnung=finalist",
        ),
        (t("overview_kpi_patrons"), format_number(totals.patrons), None, None),
        (
            t("overview_kpi_pledged"),
            format_money_whole(totals.pledged_eur),
            t("overview_kpi_pledges", format_number(totals.pledges)),
            None,
        ),
    ]
    # A hackathon has no grants and a programme no challenges: show what the choice has.
    chains = []
    if kind != "hackathon":
        chains.append(
            components.figure_chain("overview-chain-money", t("overview_chain_money"), money)
        )
    if kind != "programme":
        chains.append(
            components.figure_chain("overview-chain-results", t("overview_chain_results"), results)
        )
    return html.Section(
        [
            html.H2(t("overview_story_heading"), id="overview-story-heading", className="h4"),
            html.P(_headline(totals, kind), className="overview-headline"),
            *chains,
        ],
        className="overview-story",
        **{"aria-labelledby": "overview-story-heading"},
    )


def _headline(totals: overview.Totals, kind: str | None) -> str:
    money = t(
        "overview_headline_money",
        format_money_whole(totals.eur_total),
        format_number(totals.grants),
        format_number(totals.recipients),
    )
    results = t(
        "overview_headline_results",
        format_number(totals.challenges),
        format_number(totals.solutions),
        format_number(totals.awarded_solutions),
    )
    if kind == "hackathon":
        return results[:1].upper() + results[1:] + "."
    if kind == "programme":
        return money + "."
    return t("overview_headline_both", money, results)


def _by_field(lang: str) -> html.Section:
    """Where the money went, by action field: the one chart of the overview."""
    table = funding.by_field(FundingFilters.from_url({}, lang), lang)
    summary = ""
    if not table.empty:
        label, total, grants = table.rows[0][:3]
        summary = t(
            "funding_summary_largest",
            label,
            format_money_whole(total, lang=lang),
            format_number(grants, lang=lang),
        )
    figure = None
    if not table.empty:  # each field in its colour, as on every chart of the portal
        colours = action_fields.colours_by_name(table.column("label"))
        figure = figures.bar(table, "label", "eur_total", lang, colours=colours)
    block = components.chart_block("overview-by-field", table, figure, summary, "", lang)
    return html.Div(
        [block, dcc.Link(t("overview_by_field_more"), href="/foerderung")],
        className="overview-by-field",
    )


def _entry_points() -> html.Section:
    existing = {page["path"] for page in dash.page_registry.values()}
    cards = [
        html.Li(
            [
                html.H3(dcc.Link(t(title), href=path), className="h5"),
                html.P(t(text), className="mb-0"),
            ],
            className="entry-card",
        )
        for path, title, text in ENTRY_POINTS
        if path in existing
    ]
    if not cards:
        return html.Section()
    return html.Section(
        [
            html.H2(t("overview_explore"), id="overview-explore-heading", className="h4"),
            html.Ul(cards, className="entry-list list-unstyled"),
        ],
        className="my-4",
        **{"aria-labelledby": "overview-explore-heading"},
    )


def _events_table() -> html.Section:
    rows = overview.overview_by_event()
    lang = current_language()
    # One column per event, one row per figure: as many columns as events, so that the table
    # fits a laptop's column; on a phone it scrolls in its region with the figures' names in view.
    figures_by_row = [
        (t("kpi_challenges"), lambda r: format_number(r.challenges)),
        (
            t("overview_kpi_participants"),
            lambda r: format_number(r.participants) if r.participants is not None else "–",
        ),
        (t("kpi_solutions"), lambda r: format_number(r.solutions)),
        (t("overview_kpi_awarded"), lambda r: format_number(r.awarded_solutions)),
        (t("overview_kpi_pledged"), lambda r: format_money_whole(r.pledged_eur)),
        (t("kpi_grants"), lambda r: format_number(r.grants)),
        (t("overview_kpi_granted"), lambda r: format_money_whole(r.eur_total)),
    ]
    event_heads = [
        html.Th(
            [
                r.name,
                html.Span(
                    f"{t(f'overview_kind_{r.kind}')}, "
                    f"{format_date(r.starts_on, lang)} – {format_date(r.ends_on, lang)}",
                    className="d-block small fw-normal",
                ),
            ],
            scope="col",
            className="text-end",
        )
        for r in rows
    ]
    head = html.Tr([html.Th(t("overview_col_figure"), scope="col"), *event_heads])
    body = [
        html.Tr(
            [
                html.Th(label, scope="row"),
                *(html.Td(value(r), className="text-end text-nowrap") for r in rows),
            ]
        )
        for label, value in figures_by_row
    ]
    return html.Section(
        [
            html.H2(t("overview_events_heading"), id="overview-events-heading", className="h4"),
            components.table_region(
                html.Table(
                    [
                        html.Caption(t("overview_events_heading"), className="visually-hidden"),
                        html.Thead(head),
                        html.Tbody(body),
                    ],
                    className="table table-sm table-striped overview-events-table",
                ),
            ),
        ],
        className="my-4",
    )
