"""`/admin/paten` (curator and above): suggestions, offers, pledges, patrons' budgets."""

from datetime import date
from decimal import Decimal
from typing import Any

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, ctx, dcc, html, no_update
from flask_login import current_user

from dashboard import access, components, matching, urls
from dashboard import patrons as patronage
from dashboard.db import DataUnavailable
from dashboard.i18n import (
    current_language,
    format_date,
    format_money,
    format_money_whole,
    format_percent,
    t,
)
from dashboard.store import current_store

PATH = "/admin/paten"
access.register_page(
    __name__, path=PATH, access=access.CURATOR, title=lambda **_: t("patrons_title")
)

PAGE = "patrons"
SOLUTION_ID, PATRON_ID = "patrons-solution", "patrons-patron"
PLEDGE_PATRON, AMOUNT, PLEDGED_ON = "patrons-pledge-patron", "patrons-amount", "patrons-date"
PLEDGE_BUTTON, PLEDGE_FORM = "patrons-pledge", "patrons-pledge-form"
OFFER, RELOAD = "patrons-offer", "patrons-reload"
SEEN, STAMP = "patrons-seen", "patrons-stamp"
NONE = "-"  # the "choose …" option (dbc.Select hides an option whose value is "")
TOP = 10  # suggestions shown at once; the others behind "show more"
UNSEEN = patronage.Outcome("stale", "patrons_stale")  # nothing to compare with: never write
URL = [
    urls.UrlParam("loesung", SOLUTION_ID, default=NONE),
    urls.UrlParam("pate", PATRON_ID, default=NONE),
]
components.sync_url(PAGE, URL)


@access.protected(access.CURATOR, PATH)
def layout(**query: Any) -> html.Div:
    lang = current_language()
    values = urls.url_values(URL, query)
    try:
        solutions = patronage.matchable_solutions()
        patrons = patronage.patrons()
        solution_id = values["loesung"] if patronage.solution_need(values["loesung"]) else NONE
        patron_id = values["pate"] if values["pate"] in {p.patron_id for p in patrons} else NONE
        suggestions = patronage.suggestions(solution_id) if solution_id != NONE else None
        seen = _seen(solution_id)
        sections = [
            _suggest_section(solutions, solution_id, suggestions, seen, lang),
            _patron_section(patrons, patron_id, lang),
            html.Section(
                _patron_list(patrons, lang),
                id="patrons-list",
                className="chart-block",
                **{"aria-labelledby": "patrons-list-heading"},
            ),
        ]
    except DataUnavailable:
        return html.Div([html.H1(t("patrons_title")), components.error_notice(t("no_data"))])
    return html.Div(
        [
            html.H1(t("patrons_title")),
            html.P(t("patrons_intro"), className="lead"),
            html.P(dcc.Link(t("patrons_to_shortlist"), href="/admin/shortlist")),
            components.url_state(PAGE, URL),
            dcc.Store(id=STAMP),
            *sections,
        ],
        className="patrons-page",
    )


@access.callback(
    Output("patrons-suggestions", "children"),
    Output(PLEDGE_PATRON, "options"),
    Output(PLEDGE_PATRON, "value"),
    Output(PLEDGE_FORM, "hidden"),
    Output(SEEN, "data"),
    Output("patrons-feedback", "children"),
    Output(AMOUNT, "value"),
    Output(PATRON_ID, "value"),
    Output(STAMP, "data"),
    Output(SOLUTION_ID, "options"),
    Input(SOLUTION_ID, "value"),
    Input({"type": OFFER, "patron": ALL}, "n_clicks"),
    Input(PLEDGE_BUTTON, "n_clicks"),
    Input(AMOUNT, "n_submit"),
    Input({"type": RELOAD, "solution": ALL}, "n_clicks"),
    State(PLEDGE_PATRON, "value"),
    State(AMOUNT, "value"),
    State(PLEDGED_ON, "value"),
    State(SEEN, "data"),
    access=access.CURATOR,
    prevent_initial_call=True,
)
def act(solution_id, _offers, _pledge, _submit, _reload, patron_id, amount, pledged_on, seen):
    """A solution chosen, an offer, a pledge, or "load the current state"."""
    lang = current_language()
    trigger = ctx.triggered_id
    if not ctx.triggered or (isinstance(trigger, dict) and not ctx.triggered[0]["value"]):
        return (no_update,) * 10  # a button that just appeared, not a click
    version = _version(seen, solution_id)
    try:
        if isinstance(trigger, dict) and trigger["type"] == OFFER:
            outcome = (
                patronage.offer(
                    current_store(), solution_id, trigger["patron"], version, current_user.username
                )
                if version is not None
                else UNSEEN
            )
            return _after(outcome, solution_id, trigger["patron"], patron_id, lang)
        if trigger in (PLEDGE_BUTTON, AMOUNT):
            outcome = (
                patronage.pledge(
                    current_store(),
                    solution_id,
                    patron_id,
                    amount,
                    pledged_on,
                    version,
                    current_user.username,
                )
                if version is not None
                else UNSEEN
            )
            return _after(outcome, solution_id, patron_id, patron_id, lang)
        # A solution chosen (or the URL went back), or the current state asked for.
        return (
            *_suggestions_outputs(solution_id, None, lang),
            "",
            no_update,
            no_update,
            no_update,
            _solution_options(solution_id or NONE),
        )
    except DataUnavailable:
        notice = components.error_notice(t("no_data"))
        return (no_update,) * 5 + (notice,) + (no_update,) * 4


@access.callback(
    Output("patrons-patron-view", "children"),
    Output("patrons-list", "children"),
    Input(PATRON_ID, "value"),
    Input(STAMP, "data"),
    access=access.CURATOR,
    prevent_initial_call=True,
)
def show_patron(patron_id: str, _stamp):
    """Another patron chosen, or a pledge or offer changed the figures."""
    lang = current_language()
    try:
        patrons = patronage.patrons()
        return _patron_view(_find(patrons, patron_id), lang), _patron_list(patrons, lang)
    except DataUnavailable:
        return components.error_notice(t("no_data")), no_update


def _after(outcome, solution_id: str, patron_id: str, form_patron: str, lang: str) -> tuple:
    """The outputs of `act` after an offer or a pledge: never a re-render on a refusal."""
    if outcome.kind == "refused":
        return (no_update,) * 5 + (_notice(outcome.text(lang), "danger"),) + (no_update,) * 4
    if outcome.kind == "stale":
        return (no_update,) * 5 + (_stale(outcome, solution_id, lang),) + (no_update,) * 4
    body, options, value, hidden, seen = _suggestions_outputs(solution_id, form_patron, lang)
    stamp = current_store().version()
    amount = "" if outcome.key == "patrons_pledge_done" else no_update
    return (
        body,
        options,
        value,
        hidden,
        seen,
        _notice(outcome.text(lang), "success"),
        amount,
        patron_id,
        stamp,
        _solution_options(solution_id),
    )


def _version(seen: dict | None, solution_id: str) -> int | None:
    """The entry version the curator saw; None when what is shown belongs to another solution
    (a click that overtook the change of the solution)."""
    if not seen or seen.get("solution_id") != solution_id or seen.get("version") is None:
        return None
    return int(seen["version"])


def _seen(solution_id: str) -> dict[str, Any]:
    if solution_id == NONE:
        return {"solution_id": None, "version": None}
    return {"solution_id": solution_id, "version": current_store().entry(solution_id).version}


def _find(patrons, patron_id: str | None) -> patronage.PatronSummary | None:
    return next((p for p in patrons if p.patron_id == patron_id), None)


def _notice(text: str, colour: str) -> html.Div:
    return html.Div(text, className=f"alert alert-{colour} patrons-notice")


# --- suggestions for a solution --------------------------------------------------------------


def _solution_options(solution_id: str) -> list[dict[str, str]]:
    """Shortlisted and matched solutions with their status; the chosen one even if it moved on."""
    solutions = patronage.matchable_solutions()
    options = [{"label": t("patrons_choose_solution"), "value": NONE}] + [
        {"label": f"{s.title} ({t(f'status_{s.status}')})", "value": s.solution_id}
        for s in solutions
    ]
    if solution_id != NONE and solution_id not in {s.solution_id for s in solutions}:
        need = patronage.solution_need(solution_id)
        if need is not None:
            options.append(
                {"label": f"{need.title} ({t(f'status_{need.status}')})", "value": solution_id}
            )
    return options


def _suggest_section(solutions, solution_id, suggestions, seen, lang) -> html.Section:
    options = _solution_options(solution_id)
    return html.Section(
        [
            html.H2(t("patrons_suggest_title"), id="patrons-suggest-heading", className="h4"),
            html.P(t("patrons_suggest_intro")),
            html.P(
                [
                    t("patrons_no_solutions"),
                    " ",
                    dcc.Link(t("patrons_to_curation"), href="/admin/kuratierung"),
                ],
            )
            if not solutions
            else None,
            html.Div(
                [
                    dbc.Label(t("patrons_solution_label"), html_for=SOLUTION_ID),
                    dbc.Select(id=SOLUTION_ID, options=options, value=solution_id),
                ],
                className="patrons-choose",
            ),
            html.Div(
                id="patrons-feedback", className="patrons-feedback", **{"aria-live": "polite"}
            ),
            html.Div(_suggestions_body(suggestions, lang), id="patrons-suggestions"),
            _pledge_form(suggestions, lang),
            dcc.Store(id=SEEN, data=seen),
        ],
        className="chart-block patrons-suggest",
        **{"aria-labelledby": "patrons-suggest-heading"},
    )


def _suggestions_outputs(solution_id: str | None, form_patron: str | None, lang: str) -> tuple:
    """Suggestions body, the pledge form's patron choices, its value, hidden, the seen version."""
    solution_id = solution_id or NONE
    found = patronage.suggestions(solution_id) if solution_id != NONE else None
    options = _patron_options(found, lang)
    values = [o["value"] for o in options]
    value = form_patron if form_patron in values else (values[0] if values else None)
    seen = _seen(solution_id if found else NONE)
    return _suggestions_body(found, lang), options, value, found is None, seen


def _suggestions_body(found: patronage.Suggestions | None, lang: str) -> list[Any]:
    if found is None:
        return [html.P(t("patrons_pick_hint"), className="empty-state")]
    need = found.need
    region = (
        f"{need.place.label} ({need.place.regierungsbezirk})"
        if need.place
        else t("patrons_region_unknown")
    )
    field = need.action_field.name(lang) if need.action_field else "–"
    items = [_suggestion(found, fit, rank, lang) for rank, fit in enumerate(found.fits, start=1)]
    more = items[TOP:]
    return [
        html.P(
            [
                dcc.Link(found.solution.title, href=f"/loesungen/{found.solution.solution_id}"),
                html.Br(),
                t("patrons_solution_facts", field, region, t(f"status_{found.solution.status}")),
            ],
            className="patrons-solution-facts",
        ),
        html.Ol(
            items[:TOP],
            className="patrons-ranked list-unstyled",
            **{"aria-label": t("patrons_ranked_label")},
        ),
        html.Details(
            [
                html.Summary(t("patrons_more", len(more))),
                html.Ol(more, start=TOP + 1, className="patrons-ranked list-unstyled"),
            ]
        )
        if more
        else None,
    ]


def _suggestion(found: patronage.Suggestions, fit: matching.Fit, rank: int, lang: str) -> html.Li:
    pledged = found.pledged.get(fit.patron_id)
    badges = []
    if pledged is not None:
        badges.append((t("patrons_badge_pledged", format_money(pledged, lang=lang)), "success"))
    elif fit.patron_id in found.offered:
        badges.append((t("patrons_badge_offered"), "info"))
    if fit.exhausted:
        badges.append((t("patrons_badge_exhausted"), "secondary"))
    heading_id = f"patrons-fit-{fit.patron_id}"
    return html.Li(
        [
            html.Div(
                [
                    html.H3(
                        [html.Span(f"{rank}. ", className="patrons-rank"), fit.name],
                        id=heading_id,
                        className="h6 mb-0",
                    ),
                    html.Span(
                        t("patrons_fit", format_percent(fit.score, lang=lang)),
                        className="badge patrons-score",
                    ),
                    *[html.Span(text, className=f"badge text-bg-{c}") for text, c in badges],
                ],
                className="patrons-fit-head",
            ),
            html.Ul([_reason(reason, lang) for reason in fit.reasons], className="patrons-reasons"),
            None
            if pledged is not None or fit.patron_id in found.offered
            else html.Button(
                [
                    t("patrons_offer"),
                    html.Span(" " + t("patrons_offer_to", fit.name), className="visually-hidden"),
                ],
                id={"type": OFFER, "patron": fit.patron_id},
                type="button",
                className="btn btn-outline-primary btn-sm",
            ),
        ],
        className="patrons-fit" + (" patrons-fit-exhausted" if fit.exhausted else ""),
        **{"aria-labelledby": heading_id},
    )


def _reason(reason: matching.Reason, lang: str) -> html.Li:
    mark = "✓" if reason.positive else "–"
    said = t("patrons_reason_mark_yes" if reason.positive else "patrons_reason_mark_no")
    return html.Li(
        [
            html.Span(mark, className="patrons-mark", **{"aria-hidden": "true"}),
            html.Span(said + " ", className="visually-hidden"),
            reason.text(lang),
        ],
        className="patrons-reason-yes" if reason.positive else "patrons-reason-no",
    )


def _patron_options(found: patronage.Suggestions | None, lang: str) -> list[dict[str, str]]:
    if found is None:
        return []
    return [
        {
            "label": f"{f.name} – {t('patrons_fit', format_percent(f.score, lang=lang))}",
            "value": f.patron_id,
        }
        for f in found.fits
    ]


def _pledge_form(found: patronage.Suggestions | None, lang: str) -> html.Fieldset:
    options = _patron_options(found, lang)
    return html.Fieldset(
        [
            html.Legend(t("patrons_pledge_title"), className="h5"),
            html.Div(
                [
                    html.Div(
                        [
                            dbc.Label(t("patrons_pledge_patron"), html_for=PLEDGE_PATRON),
                            dbc.Select(
                                id=PLEDGE_PATRON,
                                options=options,
                                value=options[0]["value"] if options else None,
                            ),
                        ],
                        className="patrons-field patrons-field-wide",
                    ),
                    html.Div(
                        [
                            dbc.Label(t("patrons_amount_label"), html_for=AMOUNT),
                            dbc.Input(
                                id=AMOUNT, type="text", inputMode="decimal", autoComplete="off"
                            ),
                        ],
                        className="patrons-field",
                    ),
                    html.Div(
                        [
                            dbc.Label(t("patrons_date_label"), html_for=PLEDGED_ON),
                            dbc.Input(id=PLEDGED_ON, type="date", value=date.today().isoformat()),
                        ],
                        className="patrons-field",
                    ),
                    html.Button(
                        t("patrons_pledge_button"),
                        id=PLEDGE_BUTTON,
                        type="button",
                        className="btn btn-primary patrons-pledge-button",
                    ),
                ],
                className="patrons-form-row",
            ),
        ],
        id=PLEDGE_FORM,
        hidden=found is None,
        className="patrons-pledge",
    )


def _stale(outcome: patronage.Outcome, solution_id: str, lang: str) -> html.Div:
    """Refused because the solution changed meanwhile: what changed, and a way to the new state."""
    return html.Div(
        [
            html.P(outcome.text(lang)),
            html.P(t("patrons_stale_changes"), className="mb-1") if outcome.changes else None,
            html.Ul([html.Li(patronage.change_text(c, lang)) for c in outcome.changes])
            if outcome.changes
            else None,
            html.Button(
                t("patrons_reload"),
                id={"type": RELOAD, "solution": solution_id},
                type="button",
                className="btn btn-outline-dark btn-sm",
            ),
        ],
        className="alert alert-warning patrons-notice",
    )


# --- one patron's view ---------------------------------------------------------------------------


def _patron_section(patrons, patron_id: str, lang: str) -> html.Section:
    options = [{"label": t("patrons_choose_patron"), "value": NONE}] + [
        {"label": p.name, "value": p.patron_id} for p in patrons
    ]
    return html.Section(
        [
            html.H2(t("patrons_view_title"), id="patrons-view-heading", className="h4"),
            html.Div(
                [
                    dbc.Label(t("patrons_patron_label"), html_for=PATRON_ID),
                    dbc.Select(id=PATRON_ID, options=options, value=patron_id),
                ],
                className="patrons-choose",
            ),
            html.Div(_patron_view(_find(patrons, patron_id), lang), id="patrons-patron-view"),
        ],
        className="chart-block patrons-view",
        **{"aria-labelledby": "patrons-view-heading"},
    )


def _patron_view(patron: patronage.PatronSummary | None, lang: str) -> list[Any]:
    if patron is None:
        return []
    patronships = patronage.patron_patronships(patron.patron_id)
    pledges = [p for p in patronships if p.status == "pledged"]
    offers = [p for p in patronships if p.status == "offered"]
    names = _names(lang)
    return [
        html.H3(patron.name, className="h5"),
        html.Dl(
            [
                html.Dt(t("patrons_col_kind")),
                html.Dd(t(f"patrons_kind_{patron.kind}")),
                html.Dt(t("patrons_fields")),
                html.Dd(_field_names(patron, names)),
                html.Dt(t("patrons_regions")),
                html.Dd(_region_names(patron, names)),
                html.Dt(t("patrons_budget")),
                html.Dd(format_money(patron.budget_eur, lang=lang), id="patrons-view-budget"),
                html.Dt(t("patrons_pledged")),
                html.Dd(format_money(patron.pledged_eur, lang=lang), id="patrons-view-pledged"),
                html.Dt(t("patrons_remaining")),
                html.Dd(format_money(patron.remaining_eur, lang=lang), id="patrons-view-remaining"),
            ],
            className="patrons-facts",
        ),
        _table(
            t("patrons_pledges_caption", patron.name),
            [
                t("patrons_col_solution"),
                t("patrons_col_amount"),
                t("patrons_col_date"),
                t("patrons_col_source"),
                t("patrons_col_status"),
            ],
            [
                [
                    _solution_link(p),
                    format_money(p.amount_eur, lang=lang),
                    format_date(p.pledged_on, lang=lang) if p.pledged_on else "–",
                    t(f"patrons_source_{p.source}"),
                    t(f"status_{p.solution_status}"),
                ]
                for p in pledges
            ],
            numeric={1},
            empty=t("patrons_no_pledges"),
            table_id="patrons-view-pledges",
        ),
        _table(
            t("patrons_offers_caption", patron.name),
            [t("patrons_col_solution"), t("patrons_col_status")],
            [[_solution_link(p), t(f"status_{p.solution_status}")] for p in offers],
            empty=t("patrons_no_offers"),
            table_id="patrons-view-offers",
        ),
    ]


def _solution_link(p: patronage.PatronPatronship) -> dcc.Link:
    return dcc.Link(p.title or p.solution_id, href=f"/loesungen/{p.solution_id}")


# --- every patron ------------------------------------------------------------------------------


def _patron_list(patrons, lang: str) -> list[Any]:
    names = _names(lang)
    budget = sum((p.budget_eur for p in patrons), Decimal(0))
    pledged = sum((p.pledged_eur for p in patrons), Decimal(0))
    remaining = sum((p.remaining_eur for p in patrons), Decimal(0))
    return [
        html.H2(t("patrons_list_title"), id="patrons-list-heading", className="h4"),
        html.Ul(
            [
                html.Li(
                    [
                        html.Span(
                            format_money_whole(value, lang=lang), className="kpi-value d-block"
                        ),
                        html.Span(label, className="kpi-label d-block"),
                    ],
                    className="kpi-card",
                )
                for label, value in (
                    (t("patrons_kpi_budget"), budget),
                    (t("patrons_kpi_pledged"), pledged),
                    (t("patrons_kpi_remaining"), remaining),
                )
            ],
            className="kpi-list list-unstyled",
        ),
        _table(
            t("patrons_list_caption"),
            [
                t("patrons_col_patron"),
                t("patrons_col_kind"),
                t("patrons_fields"),
                t("patrons_regions"),
                t("patrons_budget"),
                t("patrons_pledged"),
                t("patrons_remaining"),
            ],
            [
                [
                    p.name,
                    t(f"patrons_kind_{p.kind}"),
                    _field_names(p, names),
                    _region_names(p, names),
                    format_money(p.budget_eur, lang=lang),
                    format_money(p.pledged_eur, lang=lang),
                    format_money(p.remaining_eur, lang=lang),
                ]
                for p in patrons
            ],
            numeric={4, 5, 6},
            table_id="patrons-list-table",
        ),
    ]


def _names(lang: str) -> dict[str, dict[str, str]]:
    return {
        "fields": {code: f.name(lang) for code, f in patronage.action_fields().items()},
        "places": {ags: p.label for ags, p in patronage.places().items()},
    }


def _field_names(patron: patronage.PatronSummary, names: dict[str, dict[str, str]]) -> str:
    if not patron.action_fields:
        return t("patrons_all_fields")
    return ", ".join(names["fields"].get(code, code) for code in patron.action_fields)


def _region_names(patron: patronage.PatronSummary, names: dict[str, dict[str, str]]) -> str:
    if not patron.districts:
        return t("patrons_all_regions")
    return ", ".join(names["places"].get(ags, ags) for ags in patron.districts)


def _table(caption, headers, rows, numeric=frozenset(), empty=None, table_id=None):
    """An accessible table (caption, column headers, numbers right-aligned); `empty` if no rows."""
    if not rows and empty is not None:
        return html.Div([html.P(caption, className="fw-semibold mb-1"), html.P(empty)], id=table_id)
    align = {i: "text-end text-nowrap" for i in numeric}
    region = components.table_region(
        html.Table(
            [
                html.Caption(caption),
                html.Thead(
                    html.Tr(
                        [
                            html.Th(h, scope="col", className=align.get(i))
                            for i, h in enumerate(headers)
                        ]
                    )
                ),
                html.Tbody(
                    [
                        html.Tr([html.Td(v, className=align.get(i)) for i, v in enumerate(r)])
                        for r in rows
                    ]
                ),
            ],
            className="table table-sm table-striped data-table",
        )
    )
    if table_id:
        region.id = table_id
    return region
