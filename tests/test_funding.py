"""Funding statistics: figures as counted from the demo CSV with pandas, filters, currencies,
downloads."""

from __future__ import annotations

import csv
import dataclasses
import io
import shutil
from decimal import Decimal
from statistics import median

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard import db
from dashboard import funding as F
from dashboard.db import Database
from dashboard.funding import FundingFilters
from dashboard.ingest import import_path
from dashboard.versions import DatasetVersions
from tests.conftest import DEMO_DIR


def _csv(table: str) -> pd.DataFrame:
    return pd.read_csv(DEMO_DIR / f"{table}.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def grants() -> pd.DataFrame:
    """Grants joined by hand with their Regierungsbezirk; amounts as Decimal."""
    frame = _csv("grants").merge(
        _csv("districts")[["ags", "regierungsbezirk"]].rename(columns={"ags": "district_ags"}),
        on="district_ags",
        how="left",
    )
    frame["amount"] = frame.amount.map(Decimal)
    frame["month"] = frame.award_date.str[:7]
    return frame


def _sums(frame: pd.DataFrame, by: str) -> dict[str, Decimal]:
    return {k: sum(g.amount, Decimal(0)) for k, g in frame.groupby(by)}


def _money(table, key: str = "label") -> dict:
    return {row[0]: row[1] for row in table.rows if row[1]}


def test_the_demo_has_the_grants_the_page_is_built_for(grants):
    assert len(grants) == 667
    assert set(grants.currency) == {"EUR"}


def test_key_figures_match_the_demo_data(app, grants):
    kpis = F.kpis(FundingFilters())
    amounts = list(grants.amount)
    assert kpis.grants == kpis.eur_grants == 667
    assert kpis.eur_total == sum(amounts, Decimal(0))
    assert kpis.eur_median == Decimal(median(sorted(amounts))).quantize(Decimal("0.01"))
    assert kpis.eur_mean == (sum(amounts, Decimal(0)) / 667).quantize(Decimal("0.01"))
    cap = max(amounts)
    assert cap == Decimal(100000)
    assert kpis.eur_at_cap == sum(1 for a in amounts if a == cap)
    assert kpis.cap_share == pytest.approx(kpis.eur_at_cap / 667)
    assert kpis.recipients == grants.recipient_org_id.nunique()
    assert isinstance(kpis.eur_total, Decimal) and isinstance(kpis.eur_median, Decimal)


def test_euro_totals_by_field_association_region_match_the_demo_data(app, grants):
    names = dict(zip(_csv("action_fields").code, _csv("action_fields").name_de, strict=True))
    by_field = F.by_field(FundingFilters.from_url({}, "de"), "de")
    assert _money(by_field) == {names[k]: v for k, v in _sums(grants, "action_field").items()}
    assert by_field.column("eur_total") == sorted(by_field.column("eur_total"), reverse=True)
    assert all(isinstance(v, Decimal) for v in by_field.column("eur_total"))
    by_rb = F.by_regierungsbezirk(FundingFilters.from_url({}, "de"), "de")
    assert _money(by_rb) == _sums(grants, "regierungsbezirk")
    associations = F.groups(FundingFilters(), "association", "de")
    assert {g.key: g.eur_total for g in associations} == _sums(grants, "association")
    by_district = F.by_district(FundingFilters.from_url({}, "de"), "de")
    assert len(by_district.rows) == 53
    assert {r[0]: r[3] for r in by_district.rows if r[4]} == _sums(grants, "district_ags")


def test_months_and_bands_match_the_demo_data(app, grants):
    by_month = F.by_month(FundingFilters.from_url({}, "de"), "de")
    assert {r[0].strftime("%Y-%m"): r[1] for r in by_month.rows} == _sums(grants, "month")
    counts = grants.groupby("month").size().to_dict()
    assert {r[0].strftime("%Y-%m"): r[2] for r in by_month.rows} == counts
    by_band = F.by_band(FundingFilters.from_url({}, "de"), "de")
    edges = [0, 10000, 25000, 50000, 75000, 100000, 10**9]
    expected = [
        int(((grants.amount >= lo) & (grants.amount < hi)).sum())
        for lo, hi in zip(edges[:-1], edges[1:], strict=True)
    ]
    assert by_band.column("eur_grants") == expected
    assert by_band.column("band")[0] == "unter 10.000\xa0€"
    assert by_band.column("band")[-1] == "100.000\xa0€ und mehr"


def test_the_amount_bands_follow_the_funding_bands_setting(app, grants, monkeypatch):
    """An operator sets FUNDING_BANDS: the chart, its table and the band filter use those bands."""
    settings = dataclasses.replace(
        app.server.config["PORTAL_SETTINGS"], funding_band_edges=(Decimal(50000),)
    )
    previous = db.configure(db.database(), settings)
    try:
        by_band = F.by_band(FundingFilters.from_url({}, "de"), "de")
        assert by_band.column("band") == ["unter 50.000\xa0€", "50.000\xa0€ und mehr"]
        large = int((grants.amount >= 50000).sum())
        assert by_band.column("eur_grants") == [667 - large, large]
        kpis = F.kpis(FundingFilters.from_url({"betrag": "1"}, "de"))
        assert kpis.grants == large
    finally:
        db.configure(*previous)
    # Without the setting, the six default bands again.
    assert len(F.by_band(FundingFilters.from_url({}, "de"), "de").rows) == 6


def test_filters_narrow_the_figures(app, grants):
    params = {"feld": "KJF", "region": "Köln", "von": "2021", "betrag": "3", "verband": "CARITAS"}
    filters = FundingFilters.from_url(params, "de")
    chosen = grants[
        (grants.action_field == "KJF")
        & (grants.regierungsbezirk == "Köln")
        & (grants.award_date >= "2021")
        & (grants.amount >= 50000)
        & (grants.amount < 75000)
        & (grants.association == "CARITAS")
    ]
    kpis = F.kpis(filters)
    assert kpis.grants == len(chosen) > 0
    assert kpis.eur_total == sum(chosen.amount, Decimal(0))
    district = FundingFilters.from_url({"region": "05315", "bis": "2020"}, "de")
    chosen = grants[(grants.district_ags == "05315") & (grants.award_date < "2021")]
    assert F.kpis(district).eur_total == sum(chosen.amount, Decimal(0))


def test_unknown_url_values_mean_all(app):
    odd = {"feld": "XX", "verband": "'; DROP", "region": "Atlantis", "von": "1999", "betrag": "9"}
    assert FundingFilters.from_url(odd, "de") == FundingFilters()


def test_the_treemap_level_follows_the_field_and_association_filters(app, grants):
    """A tile is a filter: the fields, then a field's associations, then an association's
    largest recipients (as bars, the rest counted for the grants table) — no "Sonstige" tile."""
    top = F.tree_level(FundingFilters.from_url({}, "de"), "de")
    assert len(top.table.rows) == 6 and top.path == () and top.param == "feld"
    field = F.tree_level(FundingFilters.from_url({"feld": "KJF"}, "de"), "de")
    kjf = grants[grants.action_field == "KJF"]
    assert field.param == "verband" and field.path == ("KJF",)
    assert set(field.keys) == set(kjf.association.dropna()) | (
        {"ohne"} if kjf.association.isna().any() else set()
    )
    assert sum(field.table.column("eur_total"), Decimal(0)) == sum(kjf.amount, Decimal(0))
    level = F.tree_level(FundingFilters.from_url({"feld": "KJF", "verband": "CARITAS"}, "de"), "de")
    chosen = kjf[kjf.association == "CARITAS"]
    per_recipient = chosen.groupby("recipient_org_id").amount.sum()
    assert len(per_recipient) > F.TOP_RECIPIENTS
    assert level.recipients and level.path == ("KJF", "CARITAS")
    assert len(level.table.rows) == F.TOP_RECIPIENTS
    assert level.rest == len(per_recipient) - F.TOP_RECIPIENTS
    assert not any(str(label).startswith("Sonstige") for label in level.table.column("label"))
    top_sums = sorted(per_recipient, reverse=True)[: F.TOP_RECIPIENTS]
    assert level.table.column("eur_total") == top_sums
    # An association alone: the fields of that association, each a tile that sets the field.
    alone = F.tree_level(FundingFilters.from_url({"verband": "CARITAS"}, "de"), "de")
    assert alone.param == "feld"
    caritas = grants[grants.association == "CARITAS"]
    assert sum(alone.table.column("eur_total"), Decimal(0)) == sum(caritas.amount, Decimal(0))


def test_a_chosen_bar_keeps_the_others_beside_it_for_context(app, grants):
    """Filtered to one field, the field chart still has every field (the chosen one marked);
    the same for a Bezirk (also when a district of it is chosen) and a band."""
    names = dict(zip(_csv("action_fields").code, _csv("action_fields").name_de, strict=True))
    chart = F.field_chart(FundingFilters.from_url({"feld": "KJF", "von": "2021"}, "de"), "de")
    recent = grants[grants.award_date >= "2021"]
    assert chart.chosen == "KJF" and set(chart.keys) == set(names)
    assert _money(chart.table) == {names[k]: v for k, v in _sums(recent, "action_field").items()}
    region = F.region_chart(FundingFilters.from_url({"region": "05315"}, "de"), "de")
    assert region.chosen == "Köln" and len(region.keys) == 5
    assert _money(region.table) == _sums(grants, "regierungsbezirk")
    band = F.band_chart(FundingFilters.from_url({"betrag": "3"}, "de"), "de")
    assert band.chosen == "3" and band.keys == ("0", "1", "2", "3", "4", "5")
    assert sum(band.table.column("eur_grants")) == 667


def test_the_chosen_filters_are_named_as_chips(app):
    filters = FundingFilters.from_url(
        {"feld": "KJF", "region": "Köln", "betrag": "5", "verband": "ohne"}, "de"
    )
    assert F.chips(filters, "de") == (
        ("feld", "Handlungsfeld: Kinder, Jugend und Familie"),
        ("verband", "Spitzenverband: ohne Zuordnung"),
        ("region", "Region: Regierungsbezirk Köln"),
        ("betrag", "Betragsklasse: 100.000\xa0€ und mehr"),
    )
    district = FundingFilters.from_url({"region": "05315", "von": "2021"}, "en")
    assert F.chips(district, "en") == (
        ("von", "Awarded from (year): 2021"),
        ("region", "Region: Köln"),
    )
    assert F.chips(FundingFilters(), "de") == ()


def test_other_currencies_are_counted_beside_never_added(tmp_path, grants):
    """A 360Giving funder's GBP grants (no field, association, district) next to the demo."""
    folder = tmp_path / "export"
    shutil.copytree(DEMO_DIR, folder)
    with open(folder / "grants.csv", "a", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        for i, amount in enumerate(("5000.00", "250000.00")):
            writer.writerow(
                [f"360G-X-{i}", "UK Fund", "UK Funder", f"Grant {i}", "", f"GB-{i}",
                 f"UK Charity {i}", "", "", "", "", amount, "GBP", "2021-03-01", ""]
            )  # fmt: skip
    store = DatasetVersions(tmp_path / "data")
    import_path(store, folder, imported_by="test")
    db = Database(store)
    kpis = F.FundingKpis.from_rows(F.funding_kpis.using(db, **FundingFilters().sql()))
    assert kpis.grants == 669 and kpis.eur_grants == 667
    assert kpis.eur_total == sum(grants.amount, Decimal(0))
    (gbp,) = kpis.other_currencies
    assert (gbp.currency, gbp.grants, gbp.total) == ("GBP", 2, Decimal("255000.00"))
    fields = F.funding_grouped.using(db, **FundingFilters().sql(), group="field", lang="de")
    unassigned = next(g for g in fields if g.key == "")
    assert (unassigned.eur_total, unassigned.eur_grants, unassigned.other_grants) == (0, 0, 2)
    only = F.FundingKpis.from_rows(
        F.funding_kpis.using(db, **FundingFilters(action_field="").sql())
    )
    assert (only.grants, only.eur_grants, only.eur_total) == (2, 0, Decimal("0.00"))
    # A euro band never picks up pounds.
    band = FundingFilters(band=5)  # 100.000 € and more
    assert F.FundingKpis.from_rows(F.funding_kpis.using(db, **band.sql())).other_currencies == ()


def test_grant_downloads_hold_exactly_the_filtered_rows(client, grants):
    chosen = grants[(grants.action_field == "AP") & (grants.regierungsbezirk == "Detmold")]
    query = "feld=AP&region=Detmold&sortierung=betrag"
    response = client.get(f"/daten/foerderungen.csv?{query}")
    assert response.status_code == 200
    text = response.data.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["Nr.", "Titel", "Empfänger"]
    assert sorted(r[0] for r in rows[1:]) == sorted(chosen.grant_id)
    amounts = [Decimal(r[6].replace(",", ".")) for r in rows[1:]]
    assert amounts == sorted(chosen.amount)
    assert all("," in r[6] and "." not in r[6] for r in rows[1:])
    assert all(r[8].count(".") == 2 for r in rows[1:])  # 01.10.2020

    response = client.get(f"/daten/foerderungen.xlsx?{query}")
    sheet = load_workbook(io.BytesIO(response.data)).active
    body = list(sheet.iter_rows(min_row=2, values_only=True))
    assert sorted(r[0] for r in body) == sorted(chosen.grant_id)
    assert sum(Decimal(str(r[6])) for r in body) == sum(chosen.amount, Decimal(0))


def test_a_formula_like_title_is_made_harmless(monkeypatch, client):
    """A grant titled `=HYPERLINK(…)` stays text in both downloads."""
    row = F.FundingGrant(
        "G1", "=HYPERLINK(\"http://x\")", "-Empfänger", None, None, None,
        Decimal("1234.50"), "EUR", pd.Timestamp("2021-01-02").date(),
    )  # fmt: skip
    monkeypatch.setattr(F, "funding_grants", lambda **_params: (row,))
    csv_text = client.get("/daten/foerderungen.csv").data.decode("utf-8")
    (_, cells) = list(csv.reader(io.StringIO(csv_text.lstrip("\ufeff")), delimiter=";"))
    assert cells[1:3] == ['\'=HYPERLINK("http://x")', "'-Empfänger"]
    assert cells[6:] == ["1234,50", "EUR", "02.01.2021"]
    sheet = load_workbook(io.BytesIO(client.get("/daten/foerderungen.xlsx").data)).active
    cell = sheet.cell(row=2, column=2)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_english_names_and_labels(app):
    table = F.by_field(FundingFilters.from_url({}, "en"), "en")
    assert "Old age and care" in table.column("label")
    assert table.columns[1].label == "Total in euros"
    assert F.band_label(F.band_edges(), 0, "en") == "under €10,000"


def test_with_populations_the_map_offers_euros_per_inhabitant(tmp_path, app, grants):
    """The optional `population` column of the districts: € per inhabitant to the cent beside
    the sums (and none of it without the column, as in the demo)."""
    assert F.populations() == {}
    from pages import funding as page

    assert page._metric("je-einwohner") == "summe"  # no populations: the sums
    assert "eur_per_inhabitant" not in [
        c.key for c in F.by_district(FundingFilters(), "de").columns
    ]
    folder = tmp_path / "export"
    shutil.copytree(DEMO_DIR, folder)
    districts = pd.read_csv(folder / "districts.csv", dtype=str)
    districts["population"] = [str(100_000 + 1_000 * i) for i in range(len(districts))]
    districts.loc[districts.ags == "05315", "population"] = "1084831"
    districts.loc[districts.ags == "05111", "population"] = ""  # unknown for one district
    districts.to_csv(folder / "districts.csv", index=False)
    store = DatasetVersions(tmp_path / "data")
    import_path(store, folder, imported_by="test")
    previous = db.configure(Database(store), app.server.config["PORTAL_SETTINGS"])
    try:
        people = F.populations()
        assert people["05315"] == 1084831 and "05111" not in people and len(people) == 52
        table = F.by_district(FundingFilters(), "de")
        row = {r[0]: dict(zip([c.key for c in table.columns], r, strict=True)) for r in table.rows}
        koeln = sum(grants[grants.district_ags == "05315"].amount, Decimal(0))
        assert row["05315"]["eur_per_inhabitant"] == (koeln / 1084831).quantize(Decimal("0.01"))
        assert isinstance(row["05315"]["eur_per_inhabitant"], Decimal)
        assert row["05111"]["population"] is None and row["05111"]["eur_per_inhabitant"] is None
        # The map offers the measure, ranks the districts by it and names the leader.
        from pages import funding as page

        with app.server.test_request_context("/foerderung"):
            assert page._metric("je-einwohner") == "je-einwohner"
            section = str(page._map_section(FundingFilters(), "je-einwohner", "de"))
        assert "Euro je Einwohner" in section and "je-einwohner" in section
        best = max((r for r in row.values() if r["eur_per_inhabitant"]),
                   key=lambda r: r["eur_per_inhabitant"])  # fmt: skip
        assert f"Am meisten: {best['label']}" in section
    finally:
        db.configure(*previous)
