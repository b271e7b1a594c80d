"""`/intern` (leadership and above): the curation pipeline, patrons' pledges, the shortlist."""

from dash import html

from dashboard import access, action_fields, components, figures, intern
from dashboard.db import DataUnavailable
from dashboard.i18n import current_language, format_money_whole, format_number, t

PATH = "/intern"
access.register_page(
    __name__, path=PATH, access=access.LEADERSHIP, title=lambda **_: t("intern_title")
)


@access.protected(access.LEADERSHIP, PATH)
def layout(**_kwargs):
    lang = current_language()
    try:
        pipeline = intern.pipeline(None, lang)
        budgets = intern.patron_budgets(None, lang)
        shortlist = intern.shortlist_by_field(None, lang)
    except DataUnavailable:
        return html.Div([html.H1(t("intern_title")), components.error_notice(t("no_data"))])
    return html.Div(
        [
            html.H1(t("intern_title")),
            html.P(t("intern_intro"), className="lead"),
            _funnel(intern.funnel()),
            components.chart_block(
                "intern-pipeline",
                pipeline,
                figures.stacked_bar(
                    pipeline,
                    "status",
                    _event_series(pipeline),
                    lang,
                ),
                _pipeline_summary(pipeline),
                "",
                lang,
            ),
            components.chart_block(
                "intern-budgets",
                budgets,
                figures.stacked_bar(
                    budgets,
                    "name",
                    (("pledged", figures.PALETTE[0]), ("remaining", "#adb5bd")),
                    lang,
                ),
                _budget_summary(budgets),
                "",
                lang,
            ),
            components.chart_block(
                "intern-shortlist",
                shortlist,
                figures.bar(
                    shortlist,
                    "field",
                    "shortlisted",
                    lang,
                    colours=action_fields.colours_by_name(shortlist.column("field")),
                ),  # fmt: skip
                t("intern_shortlist_summary", format_number(sum(shortlist.column("shortlisted")))),
                "",
                lang,
            ),
        ]
    )


def _event_series(table) -> tuple[tuple[str, str], ...]:
    events = [c.key for c in table.columns[1:-1]]
    return tuple(zip(events, figures.PALETTE, strict=False))


def _pipeline_summary(table) -> str:
    totals = dict(zip(table.column("status"), table.column("total"), strict=True))
    return t(
        "intern_pipeline_summary",
        format_number(totals[t("status_new")]),
        format_number(sum(totals.values())),
        format_number(totals[t("status_shortlisted")]),
        format_number(totals[t("status_matched")]),
    )


def _budget_summary(table) -> str:
    pledged = sum(table.column("pledged"))
    remaining = sum(table.column("remaining"))
    return t(
        "intern_budgets_summary",
        format_money_whole(pledged),
        format_money_whole(pledged + remaining),
        format_money_whole(remaining),
    )


def _funnel(stages: tuple[tuple[str, int], ...]) -> html.Section:
    """The public chain goes on inside: from all solutions to those being scaled."""
    counts = dict(stages)
    steps = [(t(f"intern_funnel_{stage}"), format_number(n), None, None) for stage, n in stages]
    return html.Section(
        [
            html.H2(t("intern_funnel_heading"), id="intern-story-heading", className="h4"),
            html.P(
                t(
                    "intern_funnel_headline",
                    format_number(counts["all"]),
                    format_number(counts["reviewed"]),
                    format_number(counts["shortlisted"]),
                    format_number(counts["matched"]),
                    format_number(counts["scaling"]),
                ),
                className="overview-headline",
            ),
            components.figure_chain("intern-funnel", t("intern_funnel_title"), steps),
        ],
        className="overview-story my-4",
        **{"aria-labelledby": "intern-story-heading"},
    )
