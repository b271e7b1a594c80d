"""Pure: DataTable → plotly Figure with go.* traces, in the active language's number format."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import plotly.graph_objects as go

from dashboard import i18n
from dashboard.exports import MONEY, DataTable

# Okabe–Ito: told apart with every common colour-vision deficiency, readable on white.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
FONT = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif"


def graph_config(lang: str) -> dict[str, Any]:
    """dcc.Graph config: the locale's modebar, no plotly logo, no cloud buttons."""
    return {
        "locale": "de" if lang == "de" else "en",
        "displaylogo": False,
        "responsive": True,
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"],
        "toImageButtonOptions": {"format": "png", "scale": 2},
    }


def base_layout(lang: str, **extra: Any) -> dict[str, Any]:
    layout = {
        "separators": i18n.PLOTLY_SEPARATORS[lang],
        "font": {"family": FONT, "size": 14, "color": "#1d1d1d"},
        "colorway": list(PALETTE),
        "margin": {"l": 8, "r": 16, "t": 16, "b": 8},
        "plot_bgcolor": "#ffffff",
        "paper_bgcolor": "#ffffff",
        "hoverlabel": {"font": {"family": FONT}},
        "showlegend": False,
    }
    layout.update(extra)
    return layout


def value_format(kind: str, lang: str, currency: str = "EUR") -> tuple[str, str, str]:
    """(d3 format, prefix, suffix) for hover labels and axis ticks."""
    if kind == MONEY:
        return (",.0f", "€", "") if lang == "en" else (",.0f", "", " €")
    return (",d", "", "")


def bar(table: DataTable, label_key: str, value_key: str, lang: str) -> go.Figure:
    """Horizontal bars, largest on top, labels readable without hovering."""
    labels = table.column(label_key)
    values = [float(v) if isinstance(v, Decimal) else v for v in table.column(value_key)]
    kind = next(c.kind for c in table.columns if c.key == value_key)
    fmt, prefix, suffix = value_format(kind, lang)
    fig = go.Figure(
        go.Bar(
            x=values[::-1],
            y=labels[::-1],
            orientation="h",
            marker_color=PALETTE[0],
            text=values[::-1],
            texttemplate=f"{prefix}%{{x:{fmt}}}{suffix}",
            textposition="auto",
            hovertemplate=f"%{{y}}: {prefix}%{{x:{fmt}}}{suffix}<extra></extra>",
            cliponaxis=False,
        )
    )
    height = max(160, 36 * len(labels) + 40)
    fig.update_layout(
        **base_layout(lang, height=height),
        xaxis={
            "tickformat": fmt,
            "tickprefix": prefix,
            "ticksuffix": suffix,
            "gridcolor": "#e9ecef",
        },
        yaxis={"automargin": True},
    )
    return fig


def line(table: DataTable, x_key: str, value_key: str, lang: str) -> go.Figure:
    """A timeline (month or day on x) with markers, so single points stay visible."""
    values = [float(v) if isinstance(v, Decimal) else v for v in table.column(value_key)]
    kind = next(c.kind for c in table.columns if c.key == value_key)
    fmt, prefix, suffix = value_format(kind, lang)
    fig = go.Figure(
        go.Scatter(
            x=table.column(x_key),
            y=values,
            mode="lines+markers",
            line={"color": PALETTE[0], "width": 2},
            hovertemplate=f"%{{x|%d.%m.%Y}}: {prefix}%{{y:{fmt}}}{suffix}<extra></extra>"
            if lang == "de"
            else f"%{{x|%d %b %Y}}: {prefix}%{{y:{fmt}}}{suffix}<extra></extra>",
        )
    )
    fig.update_layout(
        **base_layout(lang, height=320),
        yaxis={
            "tickformat": fmt,
            "tickprefix": prefix,
            "ticksuffix": suffix,
            "gridcolor": "#e9ecef",
            "rangemode": "tozero",
        },
        xaxis={"gridcolor": "#e9ecef"},
    )
    return fig


def stacked_bar(
    table: DataTable, label_key: str, series: tuple[tuple[str, str], ...], lang: str
) -> go.Figure:
    """Horizontal stacked bars, one trace per (value key, colour), named by its column, a legend."""
    labels = table.column(label_key)[::-1]
    names = {c.key: c.label for c in table.columns}
    kinds = {c.key: c.kind for c in table.columns}
    fmt, prefix, suffix = value_format(kinds[series[0][0]], lang)
    fig = go.Figure(
        [
            go.Bar(
                x=[float(v) if isinstance(v, Decimal) else v for v in table.column(key)][::-1],
                y=labels,
                name=names[key],
                orientation="h",
                marker_color=colour,
                texttemplate=f"{prefix}%{{x:{fmt}}}{suffix}",
                textposition="inside",
                insidetextanchor="middle",
                hovertemplate=f"%{{y}} – {names[key]}: {prefix}%{{x:{fmt}}}{suffix}<extra></extra>",
            )
            for key, colour in series
        ]
    )
    fig.update_layout(
        **base_layout(
            lang,
            height=max(200, 40 * len(labels) + 80),
            showlegend=True,
            barmode="stack",
            margin={"l": 8, "r": 16, "t": 48, "b": 8},  # room for the legend above
            legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom",
                    "traceorder": "normal"},
        ),
        xaxis={"tickformat": fmt, "tickprefix": prefix, "ticksuffix": suffix,
               "gridcolor": "#e9ecef"},
        yaxis={"automargin": True},
    )  # fmt: skip
    return fig


def share_bar(
    table: DataTable, label_key: str, value_key: str, share_key: str, lang: str, row: int = 36
) -> go.Figure:
    """`bar` of counts, each labelled with its share too (`141 (33,5 %)`); `row`: px per bar."""
    fig = bar(table, label_key, value_key, lang)
    percent = "%{customdata:.1f} %" if lang == "de" else "%{customdata:.1f}%"
    fig.update_traces(
        customdata=[float(s) * 100 for s in table.column(share_key)][::-1],
        texttemplate=f"%{{x:,d}} ({percent})",
        hovertemplate=f"%{{y}}: %{{x:,d}} ({percent})<extra></extra>",
        textposition="outside",
    )
    # The labels stand right of their bars: a margin keeps the longest one inside the figure.
    fig.update_layout(height=max(160, row * len(table.rows) + 40), bargap=0.2, margin={"r": 104})
    return fig


def dated_line(table: DataTable, x_key: str, value_key: str, lang: str) -> go.Figure:
    """`line` over days or weeks, ticks written as the language writes dates (`3. Mai`)."""
    fig = line(table, x_key, value_key, lang)
    fig.update_xaxes(tickformat="%-d. %b" if lang == "de" else "%-d %b")
    return fig
