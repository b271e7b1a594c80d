"""Challenge statistics: figures as counted from the demo CSVs, filters, sort, pages, downloads."""

from __future__ import annotations

import csv
import io
import shutil
import unicodedata
from datetime import date, timedelta

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard import challenges as C
from dashboard.challenges import ChallengeFilters
from dashboard.db import Database
from dashboard.ingest import import_path
from dashboard.versions import DatasetVersions
from tests.conftest import DEMO_DIR


def _csv(table: str) -> pd.DataFrame:
    return pd.read_csv(DEMO_DIR / f"{table}.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def demo() -> pd.DataFrame:
    """Challenges joined by hand with organisation, district and their number of solutions."""
    challenges = _csv("challenges")
    solutions = _csv("solutions")
    per_challenge = solutions[solutions.challenge_id != ""].groupby("challenge_id").size()
    frame = challenges.merge(
        _csv("organisations")[["org_id", "association"]], on="org_id", how="left"
    ).merge(
        _csv("districts").rename(columns={"ags": "district_ags", "name": "district"}),
        on="district_ags",
        how="left",
    )
    frame["solutions"] = frame.challenge_id.map(per_challenge).fillna(0).astype(int)
    return frame


@pytest.fixture(scope="module")
def names() -> dict[str, dict[str, str]]:
    """Code → German name of action fields and associations."""
    return {
        table: dict(zip(_csv(table).code, _csv(table).name_de, strict=True))
        for table in ("action_fields", "associations")
    }


def _pairs(table) -> dict:
    """label → challenges of a count table, groups without any left out (pandas has none)."""
    return {row[0]: row[1] for row in table.rows if row[1]}


def test_the_demo_has_the_challenges_the_page_is_built_for(demo):
    assert len(demo) == 421
    assert demo.event_id.value_counts().to_dict() == {"E2": 400, "E1": 21}


def test_counts_by_action_field_match_the_demo_data(app, demo, names):
    table = C.by_field(ChallengeFilters.from_url({}, "de"), "de")
    expected = {names["action_fields"][k]: n for k, n in demo.action_field.value_counts().items()}
    assert _pairs(table) == expected
    counts = table.column("challenges")
    assert counts == sorted(counts, reverse=True)
    assert sum(table.column("share")) == pytest.approx(1, abs=0.001)


def test_action_field_names_follow_the_language(app):
    english = C.by_field(ChallengeFilters.from_url({}, "en"), "en")
    assert "Old age and care" in english.column("label")
    assert english.columns[0].label == "Action field"


def test_counts_by_umbrella_association_match_the_demo_data(app, demo, names):
    table = C.by_association(ChallengeFilters.from_url({}, "de"), "de")
    expected = {names["associations"][k]: n for k, n in demo.association.value_counts().items()}
    assert _pairs(table) == expected


def test_counts_by_regierungsbezirk_and_district_match_the_demo_data(app, demo):
    by_rb = C.by_regierungsbezirk(ChallengeFilters.from_url({}, "de"), "de")
    assert _pairs(by_rb) == demo.regierungsbezirk.value_counts().to_dict()
    by_district = C.by_district(ChallengeFilters.from_url({}, "de"), "de")
    # Every district is listed, also one without any challenge (that is news too).
    assert len(by_district.rows) == len(_csv("districts"))
    counted = {row[0]: row[2] for row in by_district.rows if row[2]}
    assert counted == demo.district.value_counts().to_dict()


def test_coverage_counts_zero_one_and_more_solutions_per_action_field(app, demo, names):
    table = C.coverage(ChallengeFilters.from_url({}, "de"), "de")
    assert [c.label for c in table.columns][1:] == ["0 Lösungen", "1 Lösung", "2+ Lösungen"]
    expected = {
        names["action_fields"][field]: (
            int((group.solutions == 0).sum()),
            int((group.solutions == 1).sum()),
            int((group.solutions >= 2).sum()),
        )
        for field, group in demo.groupby("action_field")
    }
    assert {row[0]: row[1:] for row in table.rows} == expected
    assert sum(sum(row[1:]) for row in table.rows) == 421


def test_key_figures_count_challenges_with_and_without_a_solution(app, demo):

    kpis = C.kpis(ChallengeFilters.from_url({}, "de"))
    assert kpis.challenges == 421
    assert kpis.with_solution == int((demo.solutions > 0).sum())
    assert kpis.without_solution == int((demo.solutions == 0).sum())
    assert kpis.share_covered == pytest.approx(kpis.with_solution / 421)


@pytest.mark.parametrize(
    ("params", "column", "value"),
    [
        ({"feld": "AP"}, "action_field", "AP"),
        ({"veranstaltung": "E1"}, "event_id", "E1"),
        ({"region": "Köln"}, "regierungsbezirk", "Köln"),
        ({"region": "05315"}, "district_ags", "05315"),
    ],
)
def test_each_filter_narrows_every_chart(app, demo, params, column, value):
    chosen = demo[demo[column] == value]
    assert sum(
        C.by_field(ChallengeFilters.from_url(params, "de"), "de").column("challenges")
    ) == len(chosen)
    assert _pairs(C.by_regierungsbezirk(ChallengeFilters.from_url(params, "de"), "de")) == (
        chosen.regierungsbezirk.value_counts().to_dict()
    )
    coverage = C.coverage(ChallengeFilters.from_url(params, "de"), "de")
    assert sum(row[1] for row in coverage.rows) == int((chosen.solutions == 0).sum())
    assert sum(
        C.timeline(ChallengeFilters.from_url(params, "de"), "de").column("challenges")
    ) == len(chosen)


def test_filters_combine(app, demo):
    params = {"veranstaltung": "E2", "feld": "KJF", "region": "Münster"}
    chosen = demo[
        (demo.event_id == "E2")
        & (demo.action_field == "KJF")
        & (demo.regierungsbezirk == "Münster")
    ]
    by_district = C.by_district(ChallengeFilters.from_url(params, "de"), "de")
    assert {row[0]: row[2] for row in by_district.rows if row[2]} == (
        chosen.district.value_counts().to_dict()
    )
    # Only the Regierungsbezirk's districts are listed.
    assert set(by_district.column("regierungsbezirk")) == {"Münster"}


@pytest.mark.parametrize(
    "params",
    [
        {"feld": "XX", "veranstaltung": "E9", "region": "Atlantis"},
        {"feld": "AP' OR '1'='1", "region": "05315; DROP TABLE challenges"},
        {"feld": "", "region": ""},
    ],
)
def test_unknown_filter_values_are_ignored(app, params):
    assert ChallengeFilters.from_url(params, "de") == ChallengeFilters.from_url({}, "de")
    assert C.by_field(ChallengeFilters.from_url(params, "de"), "de") == C.by_field(
        ChallengeFilters.from_url({}, "de"), "de"
    )


def test_a_filter_with_no_challenge_gives_empty_tables(app):
    params = {"veranstaltung": "E1", "region": "05111"}  # no E1 challenge from Düsseldorf
    filters = ChallengeFilters.from_url(params, "de")
    for build in (
        C.by_field,
        C.by_association,
        C.by_regierungsbezirk,
        C.by_district,
        C.timeline,
        C.coverage,
        C.unsolved,
    ):
        assert build(filters, "de").empty, build.__name__


def test_the_timeline_counts_every_day_with_gaps_as_zero(app, demo):
    table = C.timeline(ChallengeFilters.from_url({}, "de"), "de")
    days = table.column("day")
    assert days[0] == date.fromisoformat(demo.posted_on.min())
    assert days[-1] == date.fromisoformat(demo.posted_on.max())
    assert all(b - a == timedelta(days=1) for a, b in zip(days, days[1:], strict=False))
    expected = demo.posted_on.value_counts()
    assert {d: n for d, n in zip(days, table.column("challenges"), strict=True) if n} == {
        date.fromisoformat(d): n for d, n in expected.items()
    }
    assert "pro Tag" in C.summary_timeline(table, "de")


def test_a_period_longer_than_two_months_is_counted_per_week(tmp_path):
    demo_copy = tmp_path / "export"
    shutil.copytree(DEMO_DIR, demo_copy)
    challenges = _csv("challenges")
    # Spread the postings over half a year.
    challenges["posted_on"] = [
        (date(2020, 1, 6) + timedelta(days=i % 180)).isoformat() for i in range(len(challenges))
    ]
    challenges.to_csv(demo_copy / "challenges.csv", index=False)
    store = DatasetVersions(tmp_path / "data")
    import_path(store, demo_copy, imported_by="test")
    rows = C.challenges_timeline.using(
        Database(store), event_id=None, action_field=None, regierungsbezirk=None,
        district_ags=None,
    )  # fmt: skip
    assert {r.unit for r in rows} == {"week"}
    assert all(r.period.weekday() == 0 for r in rows)  # weeks start on Monday
    assert sum(r.challenges for r in rows) == len(challenges)


def _fold(text: str) -> str:
    """The table's sort key: lower case, umlauts with their base letter."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def test_the_unsolved_table_pages_through_every_unsolved_challenge(app, demo):
    unsolved = demo[demo.solutions == 0]
    first = C.unsolved_page(ChallengeFilters.from_url({}, "de"), "de")
    assert (first.total, first.pages, first.page) == (172, 9, 1)
    titles = []
    for page in range(1, first.pages + 1):
        table = C.unsolved_page(ChallengeFilters.from_url({"seite": str(page)}, "de"), "de").table
        assert len(table.rows) == (20 if page < 9 else 12)
        titles += table.column("titel")
    assert sorted(titles) == sorted(unsolved.title)
    # The default order: oldest first, ties by title.
    expected = unsolved.assign(key=unsolved.title.map(_fold)).sort_values(
        ["posted_on", "key", "challenge_id"]
    )
    assert titles == list(expected.title)


@pytest.mark.parametrize(
    ("sort", "column", "descending"),
    [("titel", "title", False), ("-titel", "title", True), ("kreis", "district", False)],
)
def test_the_unsolved_table_sorts_on_the_server(app, demo, sort, column, descending):
    unsolved = demo[demo.solutions == 0]
    page = C.unsolved_page(
        ChallengeFilters.from_url({"sortierung": sort, "seite": "2"}, "de"), "de"
    )
    assert page.sort == sort.lstrip("-") and page.descending is descending
    keys = sorted(unsolved[column].map(_fold), reverse=descending)
    shown = page.table.column({"title": "titel", "district": "kreis"}[column])
    assert [_fold(v) for v in shown] == keys[20:40]


def test_the_unsolved_table_clamps_pages_and_ignores_an_unknown_sort(app):
    page = C.unsolved_page(
        ChallengeFilters.from_url({"seite": "99", "sortierung": "passwort"}, "de"), "de"
    )
    assert (page.page, page.sort, page.descending) == (9, "datum", False)
    assert C.unsolved_page(ChallengeFilters.from_url({"seite": "-3"}, "de"), "de").page == 1
    assert C.unsolved_page(ChallengeFilters.from_url({"seite": "zwei"}, "de"), "de").page == 1


def _read_csv(body: bytes) -> list[list[str]]:
    assert body.startswith(b"\xef\xbb\xbf"), "German Excel needs the UTF-8 BOM"
    return list(csv.reader(io.StringIO(body[3:].decode("utf-8")), delimiter=";"))


def test_a_charts_csv_holds_exactly_the_filtered_rows_for_german_excel(client, demo):
    response = client.get("/daten/herausforderungen_handlungsfelder.csv?feld=AP")
    assert response.status_code == 200
    rows = _read_csv(response.data)
    count = int((demo.action_field == "AP").sum())
    assert rows == [
        ["Handlungsfeld", "Herausforderungen", "Anteil"],
        ["Alter und Pflege", str(count), "1"],
    ]
    response = client.get("/daten/herausforderungen_regierungsbezirke.csv?region=K%C3%B6ln")
    rows = _read_csv(response.data)
    assert rows[1] == ["Köln", str(int((demo.regierungsbezirk == "Köln").sum())), "1"]
    # The share has a decimal comma: 0,3349 for 141 of 421.
    rows = _read_csv(client.get("/daten/herausforderungen_handlungsfelder.csv").data)
    assert rows[1] == ["Kinder, Jugend und Familie", "141", "0,3349"]


def test_a_charts_xlsx_holds_exactly_the_filtered_rows(client, demo):
    response = client.get("/daten/herausforderungen_loesungsabdeckung.xlsx?feld=AP")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    field = demo[demo.action_field == "AP"]
    assert rows == [
        ("Handlungsfeld", "0 Lösungen", "1 Lösung", "2+ Lösungen"),
        (
            "Alter und Pflege",
            int((field.solutions == 0).sum()),
            int((field.solutions == 1).sum()),
            int((field.solutions >= 2).sum()),
        ),
    ]


def test_the_unsolved_download_holds_every_unsolved_challenge_under_the_filters(client, demo):
    response = client.get("/daten/herausforderungen_ohne_loesung.csv?feld=AP&sortierung=-titel")
    rows = _read_csv(response.data)
    expected = demo[(demo.action_field == "AP") & (demo.solutions == 0)]
    assert rows[0] == ["Titel", "Organisation", "Handlungsfeld", "Kreis / kreisfreie Stadt",
                       "Eingestellt am"]  # fmt: skip
    assert len(rows) - 1 == len(expected) > C.UNSOLVED_PAGE_SIZE
    assert [_fold(r[0]) for r in rows[1:]] == sorted(expected.title.map(_fold), reverse=True)
    assert all(r[2] == "Alter und Pflege" for r in rows[1:])
    assert all(len(r[4]) == 10 and r[4][2] == "." for r in rows[1:])  # 27.04.2020
    sheet = load_workbook(io.BytesIO(client.get(
        "/daten/herausforderungen_ohne_loesung.xlsx?feld=AP"
    ).data)).active  # fmt: skip
    assert sheet.max_row - 1 == len(expected)


def test_every_chart_of_the_page_can_be_downloaded(client):
    for name in (
        "herausforderungen_handlungsfelder",
        "herausforderungen_spitzenverbaende",
        "herausforderungen_regierungsbezirke",
        "herausforderungen_kreise",
        "herausforderungen_zeitverlauf",
        "herausforderungen_loesungsabdeckung",
        "herausforderungen_ohne_loesung",
    ):
        for fmt in ("csv", "xlsx"):
            assert client.get(f"/daten/{name}.{fmt}?region=Detmold").status_code == 200, name


def test_summaries_name_the_key_numbers_in_both_languages(app):
    field = C.by_field(ChallengeFilters.from_url({}, "de"), "de")
    assert C.summary_by_field(field, "de") == (
        "Die meisten Herausforderungen (141) kamen aus dem Handlungsfeld Kinder, Jugend und "
        "Familie, die wenigsten (25) aus dem Handlungsfeld Migration und Integration."
    )
    coverage = C.coverage(ChallengeFilters.from_url({}, "en"), "en")
    assert C.summary_coverage(coverage, "en").startswith(
        "Of 421 challenges, 172 got no solution (40.9%), 38 exactly one and 211 two or more."
    )
    one = C.by_regierungsbezirk(ChallengeFilters.from_url({"region": "Köln"}, "de"), "de")
    assert C.summary_by_regierungsbezirk(one, "de") == (
        "Alle 95 Herausforderungen dieser Auswahl kamen aus dem Regierungsbezirk Köln."
    )
