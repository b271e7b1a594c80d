"""The link list of digital tools: each tool's link, category, description, cost, privacy note."""

from __future__ import annotations

from dash import html

from dashboard.components import in_language
from dashboard.i18n import current_language, format_number, t
from dashboard.programme import Tool


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


def category_label(category: str, category_en: str | None, lang: str) -> str:
    """A category as the filter offers it: English where there is, else German and marked."""
    if lang == "en" and not category_en:
        return f"{category} ({t('in_german', lang=lang)})"
    return category_en if lang == "en" else category


def tool_item(tool: Tool) -> html.Li:
    """One tool; category, cost and privacy note in English where the data has them, else the
    German text marked as German."""
    lang = current_language()
    return html.Li(
        [
            html.H3(external_link(tool.name, tool.url), className="h5 tool-name"),
            html.P(
                html.Span(
                    in_language(tool.category, tool.category_en, lang),
                    className="badge tool-category",
                ),
                className="mb-2",
            ),
            html.P(tool.description, className="tool-description"),
            html.Dl(
                [
                    html.Dt(t("programme_tools_cost")),
                    html.Dd(in_language(tool.cost, tool.cost_en, lang)),
                    html.Dt(t("programme_tools_privacy")),
                    html.Dd(in_language(tool.privacy_note, tool.privacy_note_en, lang)),
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
