"""Charts read at a glance: no chart text under 11 px, months named in the page's language."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from dashboard import figures
from dashboard.tables import DATE, INTEGER, MONEY, Column, DataTable

FIELDS = DataTable(
    name="felder",
    title="Fördersumme nach Handlungsfeld",
    columns=(Column("label", "Handlungsfeld"), Column("eur_total", "Summe in Euro", MONEY)),
    rows=(("Kinder, Jugend und Familie", Decimal("14555917.00")), ("Migration", Decimal("9.00"))),
)
MONTHS = DataTable(
    name="monate",
    title="Bewilligungen nach Monat",
    columns=(
        Column("month", "Monat", DATE),
        Column("eur_total", "Summe in Euro", MONEY),
        Column("eur_grants", "Anzahl Euro-Förderungen", INTEGER),
    ),
    rows=((date(2020, 10, 1), Decimal("100.00"), 1), (date(2020, 11, 1), Decimal("0.00"), 0)),
)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_bar_values_never_shrink_below_11_px(lang):
    for fig in (
        figures.bar(FIELDS, "label", "eur_total", lang),
        figures.columns(FIELDS, "label", "eur_total", lang),
        figures.money_and_count_by_month(MONTHS, "month", "eur_total", "eur_grants", lang),
    ):
        assert fig.layout.uniformtext.minsize >= 11
        assert fig.layout.uniformtext.mode == "hide"
        assert fig.layout.font.size >= 11


@pytest.mark.parametrize("lang", ["de", "en"])
def test_months_are_named_not_numbered(lang):
    fig = figures.money_and_count_by_month(MONTHS, "month", "eur_total", "eur_grants", lang)
    assert {axis.tickformat for axis in (fig.layout.xaxis, fig.layout.xaxis2)} == {"%b %Y"}
    assert all("%b %Y" in trace.hovertemplate for trace in fig.data)


def test_long_category_names_wrap_and_keep_the_full_name_in_the_hover():
    name = "Eingliederungshilfe (Menschen mit Behinderung)"
    # Narrow enough that the bars keep room beside the labels on a phone (20 characters).
    assert figures.short_label(name) == "Eingliederungshilfe<br>(Menschen mit<br>Behinderung)"
    assert figures.short_label("Alter und Pflege") == "Alter und Pflege"
    long = "Ein sehr langer Name eines Verbandes mit noch mehr Worten am Ende"
    assert figures.short_label(long).count("<br>") == 2 and figures.short_label(long).endswith("…")
    table = DataTable(
        name="felder",
        title="Fördersumme nach Handlungsfeld",
        columns=FIELDS.columns,
        rows=((name, Decimal("5336865.00")), ("Alter und Pflege", Decimal("1.00"))),
    )
    trace = figures.bar(table, "label", "eur_total", "de").data[0]
    assert "<br>" in trace.y[-1] and trace.customdata[-1][0] == name
    assert "%{customdata[0]}" in trace.hovertemplate
