"""The link list of digital tools: each tool's link, category, description, cost, privacy note."""

from __future__ import annotations

from dash import html

from dashboard.i18n import format_number, t
from dashboard.programme import Tool

# The data's category, cost and privacy note are German text (see the data contract).
DATA_LANGUAGE = "de"


def count_text(shown: int, total: int, lang: str | None = None) -> str:
    """`12 von 43 Werkzeugen` / `12 of 43 tools`."""
    return t(
        "programme_tools_count",
        format_number(shown, lang=lang),
        format_number(total, lang=lang),
        lang=lang,
    )


def tool_list(tools: tuple[Tool, ...]) -> html.Ul | html.P:
    """The tools as a list, or the empty state when none matches."""
    if not tools:
        return html.P(t("programme_tools_empty"), className="empty-state tools-empty")
    return html.Ul([tool_item(tool) for tool in tools], className="tool-list list-unstyled")


def tool_item(tool: Tool) -> html.Li:
    return html.Li(
        [
            html.H3(external_link(tool.name, tool.url), className="h5 tool-name"),
            html.P(
                html.Span(tool.category, className="badge tool-category", lang=DATA_LANGUAGE),
                className="mb-2",
            ),
            html.P(tool.description, className="tool-description"),
            html.Dl(
                [
                    html.Dt(t("programme_tools_cost")),
                    html.Dd(tool.cost, lang=DATA_LANGUAGE),
                    html.Dt(t("programme_tools_privacy")),
                    html.Dd(tool.privacy_note, lang=DATA_LANGUAGE),
                ],
                className="tool-meta mb-0",
            ),
        ],
        className="tool-card",
    )


def external_link(text: str, url: str) -> html.A:
    """A link that opens a new window and says so to screen readers; no referrer, no opener."""
    return html.A(
        [text, html.Span(" " + t("programme_tools_new_window"), className="visually-hidden")],
        href=url,
        target="_blank",
        rel="noopener noreferrer",
    )
