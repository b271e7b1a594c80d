"""`/login`: the sign-in form, posted to the plain Flask route (not a Dash callback)."""

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import access, auth
from dashboard.i18n import t

access.register_page(__name__, path="/login", title=lambda **_: t("auth_login_title"))


def layout(next=None, fehler=None, **_kwargs):  # noqa: A002 - `next` is the query parameter
    target = auth.safe_next(next if isinstance(next, str) else None)
    return html.Div(
        [
            html.H1(t("auth_login_title")),
            html.P(t("auth_login_intro")),
            html.P(t("auth_failed"), className="alert alert-danger", role="alert")
            if fehler
            else None,
            html.Form(
                [
                    dcc.Input(type="hidden", name="csrf_token", value=auth.csrf_token()),
                    dcc.Input(type="hidden", name="next", value=target),
                    html.Div(
                        [
                            dbc.Label(t("auth_username"), html_for="login-username"),
                            dcc.Input(
                                id="login-username",
                                name="username",
                                type="text",
                                autoComplete="username",
                                required=True,
                                className="form-control",
                            ),
                        ],
                        className="mb-3",
                    ),
                    html.Div(
                        [
                            dbc.Label(t("auth_password"), html_for="login-password"),
                            dcc.Input(
                                id="login-password",
                                name="password",
                                type="password",
                                autoComplete="current-password",
                                required=True,
                                className="form-control",
                            ),
                        ],
                        className="mb-3",
                    ),
                    html.Button(t("auth_login"), type="submit", className="btn btn-primary"),
                ],
                method="POST",
                action="/login",
                className="login-form",
            ),
        ]
    )
