"""Pure: DataTable → plotly Figure with go.* traces, in the active language's number format."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import plotly.graph_objects as go

from dashboard import i18n
from dashboard.action_fields import PALETTE  # one palette for charts and cards
from dashboard.tables import MONEY, DataTable

# The portal's own blue for charts of no action field (regions, months, bands); grey: the bars
# beside a chosen one, shown for context.
PORTAL_COLOUR = "#0b5394"
CONTEXT_GREY = "#c5cbd3"
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
        # No chart text under 11 px: a value that does not fit its bar at that size is left to
        # the hover and the table view instead of shrinking.
        "uniformtext": {"minsize": 11, "mode": "hide"},
    }
    layout.update(extra)
    return layout


def value_format(kind: str, lang: str, currency: str = "EUR") -> tuple[str, str, str]:
    """(d3 format, prefix, suffix) for hover labels and axis ticks."""
    if kind == MONEY:
        return (",.0f", "€", "") if lang == "en" else (",.0f", "", " €")
    return (",d", "", "")


def short_label(label: object, width: int = 20, lines: int = 3) -> str:
    """A category's name as a chart's axis shows it: wrapped between words onto `lines` lines of
    about `width` characters, the rest left out ("…"); the full name is in the hover and the
    table view. "Eingliederungshilfe (Menschen mit Behinderung)" → three lines, narrow enough
    that the bars keep room beside them on a phone."""
    words, rows, row = str(label).split(), [], ""
    for word in words:
        if row and len(row) + 1 + len(word) > width:
            rows.append(row)
            row = word
        else:
            row = f"{row} {word}".strip()
    rows.append(row)
    if len(rows) > lines:
        rows = rows[:lines]
        rows[-1] = rows[-1][: width - 1].rstrip() + "…"
    return "<br>".join(rows)


def highlight(
    keys: Sequence[str], chosen: str | None, colours: Sequence[str] | str = PORTAL_COLOUR
) -> list[str]:
    """Each bar's colour: its own (`colours`, one or per bar), grey beside a `chosen` key."""
    own = [colours] * len(keys) if isinstance(colours, str) else list(colours)
    return [
        c if chosen is None or k == chosen else CONTEXT_GREY for k, c in zip(keys, own, strict=True)
    ]


def _row(labels: Sequence[str]) -> int:
    """Pixels per bar: room for its label's lines (short_label wraps onto up to three)."""
    lines = max((label.count("<br>") + 1 for label in labels), default=1)
    return 44 if lines <= 2 else 58


def bar(
    table: DataTable,
    label_key: str,
    value_key: str,
    lang: str,
    keys: Sequence[str] | None = None,
    colours: Sequence[str] | None = None,
) -> go.Figure:
    """Horizontal bars, largest on top, labels readable without hovering (long ones wrapped,
    the full name in the hover). `keys`: what a click on each bar chooses (in customdata);
    `colours`: one per bar."""
    names = [str(label) for label in table.column(label_key)]
    labels = [short_label(name) for name in names]
    values = [float(v) if isinstance(v, Decimal) else v for v in table.column(value_key)]
    kind = next(c.kind for c in table.columns if c.key == value_key)
    fmt, prefix, suffix = value_format(kind, lang)
    fig = go.Figure(
        go.Bar(
            x=values[::-1],
            y=labels[::-1],
            orientation="h",
            marker_color=PALETTE[0] if colours is None else list(colours)[::-1],
            text=values[::-1],
            texttemplate=f"{prefix}%{{x:{fmt}}}{suffix}",
            textposition="auto",
            customdata=[[n, k] for n, k in zip(names, keys or [""] * len(names), strict=True)][
                ::-1
            ],
            hovertemplate=f"%{{customdata[0]}}: {prefix}%{{x:{fmt}}}{suffix}<extra></extra>",
            cliponaxis=False,
        )
    )
    height = max(160, _row(labels) * len(labels) + 40)
    fig.update_layout(
        **base_layout(lang, height=height),
        # Every bar carries its value: an axis of its own would only repeat it, and beside long
        # labels its money ticks ("5.000.000 €") collide.
        xaxis={"showticklabels": False, "showgrid": False, "zeroline": False},
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
    full = [str(label) for label in table.column(label_key)][::-1]
    labels = [short_label(label) for label in full]
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
                customdata=full,
                hovertemplate=f"%{{customdata}} – {names[key]}: {prefix}%{{x:{fmt}}}{suffix}"
                "<extra></extra>",
            )
            for key, colour in series
        ]
    )
    fig.update_layout(
        **base_layout(
            lang,
            height=max(200, _row(labels) * len(labels) + 80),
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
    table: DataTable,
    label_key: str,
    value_key: str,
    share_key: str,
    lang: str,
    row: int = 36,
    colours: Sequence[str] | None = None,
) -> go.Figure:
    """`bar` of counts, each labelled with its share too (`141 (33,5 %)`); `row`: px per bar.
    Rows under 30 px keep their labels on one line (the full name in the hover)."""
    names = [str(label) for label in table.column(label_key)][::-1]
    fig = bar(table, label_key, value_key, lang, colours=colours)
    if row < 30:
        fig.update_traces(y=[short_label(n, width=24, lines=1) for n in names])
    percent = "%{customdata[1]:.1f} %" if lang == "de" else "%{customdata[1]:.1f}%"
    fig.update_traces(
        customdata=[
            [name, float(s) * 100]
            for name, s in zip(names, table.column(share_key)[::-1], strict=True)
        ],
        texttemplate=f"%{{x:,d}} ({percent})",
        hovertemplate=f"%{{customdata[0]}}: %{{x:,d}} ({percent})<extra></extra>",
        # Inside a bar where it fits, else right of it: within the plot, no margin to reserve.
        textposition="auto",
    )
    fig.update_layout(
        height=max(160, max(row, _row(list(fig.data[0].y))) * len(table.rows) + 40), bargap=0.2
    )
    return fig


def dated_line(table: DataTable, x_key: str, value_key: str, lang: str) -> go.Figure:
    """`line` over days or weeks, ticks written as the language writes dates (`3. Mai`)."""
    fig = line(table, x_key, value_key, lang)
    fig.update_xaxes(tickformat="%-d. %b" if lang == "de" else "%-d %b")
    return fig


def heatmap(
    table: DataTable, row_key: str, column_key: str, value_key: str, lang: str
) -> go.Figure:
    """A value per (row, column) as a heatmap with the number written in every cell."""
    rows = list(dict.fromkeys(table.column(row_key)))
    columns = list(dict.fromkeys(table.column(column_key)))
    found = {
        (r, c): v
        for r, c, v in zip(
            table.column(row_key), table.column(column_key), table.column(value_key), strict=True
        )
    }
    z = [[found.get((r, c), 0) for c in columns] for r in rows]
    row_labels = [short_label(r) for r in rows]
    value_name = next(c.label for c in table.columns if c.key == value_key)
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=columns,
            y=row_labels,
            text=z,
            texttemplate="%{text:,d}",
            textfont={"size": 12},  # plotly would shrink it to the cell, under 11 px on a phone
            customdata=[[r] * len(columns) for r in rows],
            colorscale=[[0, "#f7fbff"], [1, PALETTE[5]]],
            showscale=False,  # every cell carries its number: no colour bar taking the room
            hovertemplate=f"%{{customdata}} – %{{x}}: %{{z:,d}} {value_name}<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    fig.update_layout(
        **base_layout(lang, height=max(220, _row(row_labels) * len(rows) + 120)),
        xaxis={"side": "top", "automargin": True},
        yaxis={"automargin": True, "autorange": "reversed"},
    )
    return fig


# --- funding (/foerderung) ----------------------------------------------------------------------


def _floats(values: list[Any]) -> list[Any]:
    return [float(v) if isinstance(v, Decimal) else v for v in values]


def money_and_count_by_month(
    table: DataTable, month_key: str, money_key: str, count_key: str, lang: str
) -> go.Figure:
    """Two panels over the same months: the euro total (columns) above, the number of grants."""
    from plotly.subplots import make_subplots

    names = {c.key: c.label for c in table.columns}
    money_fmt, prefix, suffix = value_format(MONEY, lang)
    date_fmt = "%b %Y"  # "Okt 2020" / "Oct 2020": the month's name in the page's locale
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.12,
                        subplot_titles=(names[money_key], names[count_key]))  # fmt: skip
    months = table.column(month_key)
    fig.add_trace(
        go.Bar(
            x=months,
            y=_floats(table.column(money_key)),
            marker_color=PORTAL_COLOUR,
            hovertemplate=f"%{{x|{date_fmt}}}: {prefix}%{{y:{money_fmt}}}{suffix}<extra></extra>",
        ),
        row=1,
        col=1,
    )
    fig.add_trace(
        go.Scatter(
            x=months,
            y=table.column(count_key),
            mode="lines+markers",
            line={"color": "#3d4852", "width": 2},
            hovertemplate=f"%{{x|{date_fmt}}}: %{{y:,d}}<extra></extra>",
        ),
        row=2,
        col=1,
    )
    fig.update_layout(**base_layout(lang, height=440, margin={"l": 8, "r": 16, "t": 32, "b": 8}))
    fig.update_yaxes(gridcolor="#e9ecef", rangemode="tozero")
    fig.update_yaxes(tickformat=money_fmt, tickprefix=prefix, ticksuffix=suffix, row=1, col=1)
    fig.update_xaxes(tickformat=date_fmt, dtick="M1", gridcolor="#e9ecef")
    return fig


def columns(
    table: DataTable,
    label_key: str,
    value_key: str,
    lang: str,
    keys: Sequence[str] | None = None,
    colours: Sequence[str] | None = None,
) -> go.Figure:
    """Vertical bars in the table's order (ordered categories such as amount bands); `keys` in
    customdata tell a click which bar it was."""
    values = _floats(table.column(value_key))
    kind = next(c.kind for c in table.columns if c.key == value_key)
    fmt, prefix, suffix = value_format(kind, lang)
    fig = go.Figure(
        go.Bar(
            x=table.column(label_key),
            y=values,
            marker_color=PALETTE[0] if colours is None else list(colours),
            customdata=list(keys or [""] * len(values)),
            texttemplate=f"{prefix}%{{y:{fmt}}}{suffix}",
            textposition="outside",
            hovertemplate=f"%{{x}}: {prefix}%{{y:{fmt}}}{suffix}<extra></extra>",
            cliponaxis=False,
        )
    )
    fig.update_layout(
        **base_layout(lang, height=340, margin={"l": 8, "r": 16, "t": 32, "b": 8}),
        yaxis={"tickformat": fmt, "tickprefix": prefix, "ticksuffix": suffix,
               "gridcolor": "#e9ecef", "rangemode": "tozero"},
        xaxis={"automargin": True, "type": "category"},
    )  # fmt: skip
    return fig


def treemap(
    table: DataTable,
    label_key: str,
    value_key: str,
    keys: Sequence[str],
    lang: str,
    param: str = "",
    colours: Sequence[str] | None = None,
) -> go.Figure:
    """One level of a drill-down: each child a flat tile (a leaf, so plotly's own zoom stays
    out of the way); customdata [`param`, key] tells a click which filter to set to what."""
    fmt, prefix, suffix = value_format(MONEY, lang)
    labels = table.column(label_key)
    fig = go.Figure(
        go.Treemap(
            labels=labels,
            parents=[""] * len(labels),
            values=_floats(table.column(value_key)),
            customdata=[[param, key] for key in keys],
            # Long names wrap inside their tile (shown whole in the hover and the table).
            text=[short_label(label, width=22, lines=3) for label in labels],
            marker={
                "colors": list(colours)
                if colours is not None
                else [PALETTE[i % 6] for i in range(len(labels))],
                "line": {"color": "#ffffff", "width": 2},
            },
            texttemplate=f"%{{text}}<br>{prefix}%{{value:{fmt}}}{suffix}",
            hovertemplate=f"%{{label}}: {prefix}%{{value:{fmt}}}{suffix}<extra></extra>",
            tiling={"pad": 2},
            pathbar={"visible": False},  # the page's breadcrumb names the level
            sort=False,
        )
    )
    fig.update_layout(**base_layout(lang, height=420))
    return fig


# The 53 districts of NRW (their shapes' extent, with a small margin).
NRW_BOUNDS = {"west": 5.8, "east": 9.52, "south": 50.28, "north": 52.58}


def choropleth(
    table: DataTable,
    location_key: str,
    label_key: str,
    value_key: str,
    geojson_url: str,
    lang: str,
    center: dict[str, float] | None = None,
    zoom: float = 5.0,
    bounds: dict[str, float] | None = None,
    context: Sequence[tuple[str, str]] = (),
    context_hover: str = "",
) -> go.Figure:
    """Districts coloured by `value_key` on a blank background (`white-bg`: no tiles, no
    request beyond the portal), shapes from a GeoJSON the portal serves (`/assets/…`).

    `context` (code, name) are districts outside the selection: drawn grey beneath, so that the
    map keeps its shape and they can still be clicked; `context_hover` follows their name."""
    kind = next(c.kind for c in table.columns if c.key == value_key)
    fmt, prefix, suffix = value_format(kind, lang)
    values = [None if v is None else float(v) for v in table.column(value_key)]
    fig = go.Figure()
    if context:
        fig.add_trace(
            go.Choroplethmap(
                geojson=geojson_url,
                featureidkey="properties.ags",
                locations=[code for code, _ in context],
                z=[0] * len(context),
                text=[name for _, name in context],
                colorscale=[[0, "#e9ecef"], [1, "#e9ecef"]],
                showscale=False,
                marker={"line": {"color": "#ffffff", "width": 0.8}},
                hovertemplate=f"%{{text}}: {context_hover}<extra></extra>",
            )
        )
    fig.add_trace(
        go.Choroplethmap(
            geojson=geojson_url,
            featureidkey="properties.ags",
            locations=table.column(location_key),
            z=[0 if v is None else v for v in values],
            text=table.column(label_key),
            colorscale="Blues",
            marker={"line": {"color": "#ffffff", "width": 0.8}},
            # Below the map, never over a district.
            colorbar={"tickformat": fmt, "tickprefix": prefix, "ticksuffix": suffix,
                      "thickness": 12, "len": 0.9, "orientation": "h", "x": 0.5,
                      "xanchor": "center", "y": 0, "yanchor": "top", "ypad": 4},
            hovertemplate=f"%{{text}}: {prefix}%{{z:{fmt}}}{suffix}<extra></extra>",
        )
    )  # fmt: skip
    fig.update_layout(
        # No height: the graph takes its container's (CSS), so the map fills its width.
        **base_layout(lang, margin={"l": 0, "r": 0, "t": 0, "b": 56}),
        map={
            "style": "white-bg",
            "center": center or {"lat": 51.43, "lon": 7.66},
            "zoom": zoom,
            # The map cannot show more than these bounds: it zooms in until they cover it.
            "bounds": bounds or NRW_BOUNDS,
        },
    )
    return fig
