"""The page for every path that is no page."""

from dash import dcc, html

from dashboard import access
from dashboard.i18n import t

access.register_page(__name__, path="/404", title=lambda **_: t("not_found_title"))


def layout(**_kwargs):
    return html.Div(
        [
            html.H1(t("not_found_title")),
            html.P(t("not_found_text")),
            dcc.Link(t("back_home"), href="/"),
        ]
    )
