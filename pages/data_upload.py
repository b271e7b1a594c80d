"""`/admin/daten` (admins): upload an export, see its outcome, and the list of dataset versions.

The form posts to the plain Flask route of `dashboard.upload` (multipart, CSRF token), which
redirects back here with `?ergebnis=<id>` (post/redirect/get).
"""

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import access, auth, components, contract, upload, urls
from dashboard.i18n import current_language, format_datetime, format_number, t
from dashboard.versions import KEEP_VERSIONS

PATH = upload.PATH
access.register_page(__name__, path=PATH, access=access.ADMIN, title=lambda **_: t("upload_title"))
SHOWN_VALUE = 120


@access.protected(access.ADMIN, PATH)
def layout(ergebnis: Any = None, **_kwargs: Any) -> html.Div:
    lang = current_language()
    result_id = urls.query_value(ergebnis)
    return html.Div(
        [
            html.H1(t("upload_title")),
            html.P(t("upload_intro"), className="lead"),
            _outcome(upload.load_result(result_id), lang) if result_id else None,
            _form(lang),
            _versions(lang),
        ],
        className="upload-page",
    )


# --- the form --------------------------------------------------------------------------------


def _form(lang: str) -> html.Section:
    limit_mb = upload.max_upload_mb()
    tables = [{"label": t("upload_table_auto"), "value": upload.AUTO}] + [
        {"label": f"{table.name} – {_doc(table, lang)}", "value": table.name}
        for table in contract.TABLES
    ]
    decimals = [
        {"label": t("upload_decimal_auto"), "value": upload.AUTO},
        {"label": t("upload_decimal_comma"), "value": "komma"},
        {"label": t("upload_decimal_point"), "value": "punkt"},
    ]
    return html.Section(
        [
            html.H2(t("upload_form_title"), id="upload-form-heading", className="h4"),
            html.Form(
                [
                    dcc.Input(type="hidden", name="csrf_token", value=auth.csrf_token()),
                    _field(
                        "upload-file",
                        t("upload_file", format_number(limit_mb, lang=lang)),
                        dbc.Input(
                            id="upload-file", type="file", name=upload.FILE_FIELD, required=True
                        ),
                    ),
                    _field(
                        "upload-table",
                        t("upload_table"),
                        dbc.Select(
                            id="upload-table",
                            name=upload.TABLE_FIELD,
                            options=tables,
                            value=upload.AUTO,
                        ),
                    ),
                    _field(
                        "upload-decimal",
                        t("upload_decimal"),
                        dbc.Select(
                            id="upload-decimal",
                            name=upload.DECIMAL_FIELD,
                            options=decimals,
                            value=upload.AUTO,
                        ),
                    ),
                    # Filled by assets/data_upload.js when the chosen file is over the limit.
                    html.P(id="upload-client-message", className="text-danger", role="alert"),
                    html.Button(t("upload_submit"), type="submit", className="btn btn-primary"),
                ],
                id="upload-form",
                method="POST",
                action=PATH,
                encType="multipart/form-data",
                className="upload-form",
                **{
                    "data-max-bytes": str(limit_mb * 1024 * 1024),
                    "data-too-large": t("upload_client_too_large", limit_mb),
                },
            ),
        ],
        className="my-4",
        **{"aria-labelledby": "upload-form-heading"},
    )


def _field(control_id: str, label: str, control: Any) -> html.Div:
    return html.Div([dbc.Label(label, html_for=control_id), control], className="mb-3")


def _doc(table: contract.Table, lang: str) -> str:
    return (table.doc_en if lang == "en" else table.doc_de).rstrip(".")


# --- the outcome of the last upload ----------------------------------------------------------


def _outcome(outcome: dict[str, Any] | None, lang: str) -> html.Section:
    if outcome is None:
        return _notice("upload-outcome", None, [t("upload_result_gone")], "alert-info")
    status = outcome.get("status")
    if status == upload.NO_FILE:
        text = [t("upload_no_file_text")]
        return _notice("upload-outcome", t("upload_no_file_title"), text, "alert-warning")
    if status == upload.IMPORTED:
        rows = [
            html.Li(t("upload_success_rows", name, format_number(count, lang=lang)))
            for name, count in sorted(outcome.get("rows", {}).items())
        ]
        text = [
            html.P(t("upload_success_text", outcome.get("file", ""), outcome.get("version", ""))),
            html.Ul(rows, className="mb-0"),
        ]
        return _notice("upload-outcome", t("upload_success_title"), text, "alert-success")
    return _rejected(outcome, lang)


def _notice(section_id: str, title: str | None, body: list[Any], kind: str) -> html.Section:
    heading = html.H2(title, id=f"{section_id}-heading", className="h5") if title else None
    return html.Section(
        [heading, *(html.P(b) if isinstance(b, str) else b for b in body)],
        id=section_id,
        className=f"alert {kind}",
        role="status",
        **({"aria-labelledby": f"{section_id}-heading"} if title else {}),
    )


def _rejected(outcome: dict[str, Any], lang: str) -> html.Div:
    file = outcome.get("file", "")
    total = int(outcome.get("total", 0))
    problems = outcome.get("problems", [])
    if total == 1:
        summary = t("upload_rejected_text_one", file)
    else:
        summary = t("upload_rejected_text", file, format_number(total, lang=lang))
    more = (
        t("upload_rejected_first", format_number(len(problems), lang=lang))
        if total > len(problems)
        else t("upload_rejected_all")
    )
    text = [summary, more]
    notice = _notice("upload-outcome", t("upload_rejected_title"), text, "alert-danger")
    return html.Div([notice, _problem_table(file, problems)] if problems else [notice])


def _problem_table(file: str, problems: list[dict[str, Any]]) -> html.Div:
    lang = current_language()
    entries = bool(problems) and all(p.get("entries") for p in problems)
    head = [
        t("upload_col_file"),
        t("upload_col_entry" if entries else "upload_col_row"),
        t("upload_col_field" if entries else "upload_col_column"),
        t("upload_col_value"),
        t("upload_col_reason"),
    ]
    rows = [
        html.Tr(
            [
                html.Td(p.get("file") or "–"),
                html.Td("–" if p.get("row") is None else str(p["row"]), className="text-end"),
                html.Td(p.get("column") or "–"),
                html.Td(_shorten(p.get("value")), className="upload-value"),
                html.Td(upload.reason_text(p, lang)),
            ]
        )
        for p in problems
    ]
    return components.table_region(
        html.Table(
            [
                html.Caption(t("upload_problems_caption", file)),
                html.Thead(html.Tr([html.Th(h, scope="col") for h in head])),
                html.Tbody(rows),
            ],
            id="upload-problems",
            className="table table-sm table-striped data-table",
        )
    )


def _shorten(value: str | None) -> str:
    if value is None or value == "":
        return "–"
    return value if len(value) <= SHOWN_VALUE else value[: SHOWN_VALUE - 1] + "…"


# --- the dataset versions --------------------------------------------------------------------


def _versions(lang: str) -> html.Section:
    versions = upload.dataset_versions()
    body: Any
    if not versions:
        body = html.P(t("upload_versions_none"), className="empty-state")
    else:
        head = ["upload_col_when", "upload_col_by", "upload_col_replaced", "upload_col_version",
                "upload_col_state"]  # fmt: skip
        body = components.table_region(
            html.Table(
                [
                    html.Caption(t("upload_versions_caption")),
                    html.Thead(html.Tr([html.Th(t(h), scope="col") for h in head])),
                    html.Tbody([_version_row(v, lang) for v in versions]),
                ],
                id="upload-versions",
                className="table table-sm data-table",
            )
        )
    return html.Section(
        [
            html.H2(t("upload_versions_title"), id="upload-versions-heading", className="h4"),
            html.P(t("upload_versions_intro", format_number(KEEP_VERSIONS, lang=lang))),
            body,
        ],
        className="my-4",
        **{"aria-labelledby": "upload-versions-heading"},
    )


def _version_row(version: upload.VersionInfo, lang: str) -> html.Tr:
    when = (
        html.Time(format_datetime(version.created_at, lang), dateTime=version.created_at)
        if version.created_at
        else t("upload_unknown")
    )
    replaced = html.Ul(
        [
            html.Li(
                t(
                    "upload_replaced_item",
                    r.name,
                    "–" if r.rows is None else format_number(r.rows, lang=lang),
                    r.source or t("upload_unknown"),
                )
            )
            for r in version.replaced
        ],
        className="list-unstyled mb-0",
    )
    state = [
        html.Strong(t("upload_current"), className="badge text-bg-success me-1")
        if version.current
        else t("upload_previous"),
        html.Span(t("upload_demo"), className="badge demo-badge")
        if any(r.demo for r in version.replaced)
        else None,
    ]
    return html.Tr(
        [
            html.Td(when, className="text-nowrap"),
            html.Td(version.imported_by or t("upload_unknown")),
            html.Td(replaced),
            html.Td(html.Code(version.version)),
            html.Td(state),
        ],
        className="table-active" if version.current else None,
        **({"aria-current": "true"} if version.current else {}),
    )
