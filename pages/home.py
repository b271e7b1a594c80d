"""Overview `/`: key figures from the current dataset."""

from dash import html

from dashboard import access, components, data
from dashboard.db import DataUnavailable
from dashboard.i18n import format_money_whole, format_number, t

access.register_page(
    __name__, path="/", access=access.PUBLIC, title=lambda **_: t("home_title"), order=0
)


def layout(**_kwargs):
    try:
        totals = data.overview_totals()
        demo = data.is_demo_data()
    except DataUnavailable:
        return html.Div([html.H1(t("home_title")), components.error_notice(t("no_data"))])
    others = ", ".join(
        f"{format_number(c.grants)} × {c.currency} ({format_money_whole(c.total, c.currency)})"
        for c in totals.other_currencies
    )
    figures = [
        (t("kpi_challenges"), format_number(totals.challenges), None),
        (t("kpi_solutions"), format_number(totals.solutions), None),
        (t("kpi_grants"), format_number(totals.grants), None),
        (
            t("kpi_eur_total"),
            format_money_whole(totals.eur_total),
            t("kpi_other_currencies", others) if others else t("kpi_eur_total_note"),
        ),
    ]
    return html.Div(
        [
            html.H1(t("home_title")),
            html.P(t("home_intro"), className="lead"),
            components.demo_notice() if demo else None,
            components.key_figures(figures, t("key_figures")),
        ]
    )
