"""Solution page `/loesungen/<id>`: a solution, its video behind consent, patrons, related ones."""

from decimal import Decimal
from urllib.parse import quote

from dash import Input, Output, State, dcc, html, no_update

from dashboard import access, components, solutions, tables, video
from dashboard.db import DataUnavailable
from dashboard.i18n import current_language, format_date, format_money, format_number, t


def _title(solution_id: str | None = None, **_kwargs) -> str:
    try:
        solution = solutions.find(solution_id)
    except DataUnavailable:
        return t("nav_solutions")
    return solution.title if solution else t("solution_not_found_title")


def _exists(solution_id: str) -> bool:
    """Whether the address names a solution of the current data (else the page answers 404);
    without data the page says so itself."""
    try:
        return solutions.find(solution_id) is not None
    except DataUnavailable:
        return True


access.register_page(
    __name__, path_template="/loesungen/<solution_id>", title=_title, exists=_exists
)


def layout(solution_id: str | None = None, **_kwargs):
    try:
        solution = solutions.find(solution_id)
        if solution is None:
            return _not_found()
        pledges = solutions.pledges(solution.solution_id)
        related = solutions.related(solution.solution_id)
    except DataUnavailable:
        return html.Div([html.H1(t("nav_solutions")), components.error_notice(t("no_data"))])
    lang = current_language()
    found = video.video_of(solution.video_url)
    section = html.Div(
        video.video_section(found, solution.solution_id), className="solution-top-video"
    )
    intro = html.Div(
        [_badges(solution), html.P(solution.summary, className="lead")],
        className="solution-top-intro",
    )
    facts = html.Div(_facts(solution, lang), className="solution-top-facts")
    # The video (or its consent button) right after the title, in reading order and on a phone's
    # screen; beside the summary and the profile on a wide one (assets/solution.css). Without a
    # video, the "no video" note comes after the profile.
    parts = [section, intro, facts] if found else [intro, facts, section]
    return html.Article(
        [
            _back_link(),
            html.Div(
                [html.H1(solution.title, className="solution-title"), *parts],
                className="solution-top" + ("" if found else " solution-top-no-video"),
            ),
            _pledges(pledges, lang),
            _related(related),
        ],
        className="solution-page",
    )


@access.callback(
    Output(video.BODY_ID, "children"),
    Input(video.LOAD_ID, "n_clicks"),
    State(video.LOAD_ID, "value"),
    access=access.PUBLIC,
    prevent_initial_call=True,
)
def load_video(n_clicks, solution_id):
    """The visitor consented: only now does the page hold the YouTube player."""
    if not n_clicks:
        return no_update
    return video.consented(solutions.find(solution_id))


# The button is gone once the player is there: focus moves to the player, not to the page's start.
FOCUS_PLAYER = (
    "function (children) {"
    "  var tries = 0;"
    "  (function focusPlayer() {"
    f"    var frame = document.getElementById('{video.FRAME_ID}');"
    "    if (frame) { frame.focus(); }"
    "    else if (++tries < 60) { window.requestAnimationFrame(focusPlayer); }"
    "  })();"
    "  return window.dash_clientside.no_update;"
    "}"
)
access.clientside_callback(
    FOCUS_PLAYER,
    Output(video.FOCUS_ID, "data"),
    Input(video.BODY_ID, "children"),
    prevent_initial_call=True,
)


def _back_link() -> html.P:
    return html.P(
        dcc.Link(
            [html.Span("← ", **{"aria-hidden": "true"}), t("solution_back_to_gallery")],
            href="/loesungen",
        ),
        className="solution-back",
    )


def _not_found() -> html.Div:
    return html.Div(
        [
            html.H1(t("solution_not_found_title")),
            html.P(t("solution_not_found_text")),
            dcc.Link(t("solution_back_to_gallery"), href="/loesungen"),
        ]
    )


def _badges(solution: solutions.SolutionDetail) -> html.P:
    award = (
        html.Span(t(f"solution_award_{solution.award}"), className=f"badge award-{solution.award}")
        if solution.award
        else None
    )
    maturity = html.Span(
        t(f"solution_maturity_{solution.maturity}"), className="badge maturity-badge"
    )
    return html.P([award, " " if award else None, maturity], className="solution-badges")


def _facts(solution: solutions.SolutionDetail, lang: str) -> html.Section:
    pairs = [
        ("solution_team", _team(solution)),
        ("solution_challenge", _challenge(solution)),
        (
            "solution_action_field",
            solution.action_field_en if lang == "en" else solution.action_field_de,
        ),
        ("solution_tags", _tags(solution.tags)),
        ("solution_maturity", t(f"solution_maturity_{solution.maturity}")),
        (
            "solution_award",
            t(f"solution_award_{solution.award}") if solution.award else t("solution_award_none"),
        ),
        ("solution_votes", format_number(solution.votes, lang=lang)),
        ("solution_district", solution.district_name or t("solution_district_none")),
        ("solution_event", _event(solution, lang)),
        ("solution_submitted_on", format_date(solution.submitted_on, lang=lang)),
    ]
    items = []
    for key, value in pairs:
        items += [html.Dt(t(key)), html.Dd(value)]
    return html.Section(
        [
            html.H2(t("solution_facts"), id="solution-facts-heading", className="h4"),
            html.Dl(items, className="solution-facts"),
        ],
        **{"aria-labelledby": "solution-facts-heading"},
    )


def _team(solution: solutions.SolutionDetail) -> list:
    size = (
        t("solution_team_size_one")
        if solution.team_size == 1
        else t("solution_team_size", format_number(solution.team_size))
    )
    return [solution.team_name, f" ({size})"]


def _challenge(solution: solutions.SolutionDetail) -> list | str:
    if not solution.challenge_id:
        return t("solution_free_idea")
    by = t("solution_challenge_by", solution.challenge_org) if solution.challenge_org else None
    return [solution.challenge_title, html.Br() if by else None, html.Span(by, className="small")]


def _tags(tags: tuple[str, ...]) -> html.Ul | str:
    if not tags:
        return t("solution_no_tags")
    return html.Ul([html.Li(tag, className="tag") for tag in tags], className="tag-list")


def _event(solution: solutions.SolutionDetail, lang: str) -> str:
    return t(
        "solution_event_dates",
        solution.event_name,
        format_date(solution.event_starts_on, lang=lang),
        format_date(solution.event_ends_on, lang=lang),
    )


def _pledges(pledges: tuple[solutions.Pledge, ...], lang: str) -> html.Section:
    heading = html.H2(t("solution_pledges"), id="solution-pledges-heading", className="h4")
    if not pledges:
        body = [html.P(t("solution_pledges_none"), className="empty-state")]
    else:
        table = tables.DataTable(
            name="solution_pledges",
            title=t("solution_pledges_caption"),
            columns=(
                tables.Column("patron", t("solution_pledge_patron")),
                tables.Column("amount_eur", t("solution_pledge_amount"), tables.MONEY),
                tables.Column("pledged_on", t("solution_pledge_date"), tables.DATE),
            ),
            rows=tuple((p.patron_name, p.amount_eur, p.pledged_on) for p in pledges),
        )
        total = sum((p.amount_eur for p in pledges), start=Decimal(0))
        body = [
            components.table_region(components.data_table(table, lang)),
            html.P(
                [html.Strong(t("solution_pledges_total") + ": "), format_money(total, lang=lang)],
                className="solution-pledges-total",
            ),
        ]
    return html.Section(
        [heading, *body],
        className="solution-pledges my-4",
        **{"aria-labelledby": "solution-pledges-heading"},
    )


def _related(related: tuple[solutions.RelatedSolution, ...]) -> html.Nav:
    heading = html.H2(t("solution_related"), id="solution-related-heading", className="h4")
    if not related:
        body = html.P(t("solution_related_none"), className="empty-state")
    else:
        body = html.Ul([_related_item(r) for r in related], className="related-list")
    return html.Nav(
        [heading, body],
        className="solution-related my-4",
        **{"aria-labelledby": "solution-related-heading"},
    )


def _related_item(item: solutions.RelatedSolution) -> html.Li:
    notes = [t(f"solution_award_{item.award}")] if item.award else []
    if item.same_challenge:
        notes.append(t("solution_related_same_challenge"))
    return html.Li(
        [
            dcc.Link(item.title, href="/loesungen/" + quote(item.solution_id, safe="")),
            html.Span(" – " + ", ".join(notes), className="related-note") if notes else None,
        ]
    )
