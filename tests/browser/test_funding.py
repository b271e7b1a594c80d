"""The funding statistics in a browser: figures, filters in the URL, Back, map, treemap, tables."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

import pandas as pd
from axe_playwright_python.sync_playwright import Axe
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from dashboard.i18n import format_money_whole, format_number
from tests.conftest import DEMO_DIR

PATH = "/foerderung"
SLOW = 20_000  # ms: the first callback of a fresh gunicorn worker opens DuckDB


def _rows(table: str) -> list[dict[str, str]]:
    with open(DEMO_DIR / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


RB = {d["ags"]: d["regierungsbezirk"] for d in _rows("districts")}
GRANTS = [{**g, "rb": RB[g["district_ags"]]} for g in _rows("grants")]


def _total(grants: list[dict[str, str]]) -> Decimal:
    return sum((Decimal(g["amount"]) for g in grants), Decimal(0))


def _kpi(page: Page, label: str):
    card = page.locator(".kpi-card").filter(
        has=page.locator(".kpi-label").get_by_text(label, exact=True)
    )
    return card.locator(".kpi-value")


def _expect_figures(page: Page, grants: list[dict[str, str]], lang: str = "de") -> None:
    total, count = ("Fördersumme", "Förderungen") if lang == "de" else ("Total funding", "Grants")
    expect(_kpi(page, count)).to_have_text(format_number(len(grants), lang=lang), timeout=SLOW)
    expect(_kpi(page, total)).to_have_text(format_money_whole(_total(grants), lang=lang))


def _ready(page: Page) -> None:
    expect(page.locator("#funding-map-graph .js-plotly-plot")).to_be_visible(timeout=SLOW)
    expect(page.locator("#funding-tree-graph .js-plotly-plot")).to_be_visible(timeout=SLOW)


def test_the_page_shows_the_demo_figures_in_german_without_violations(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH)
    expect(page.get_by_role("heading", level=1)).to_have_text("Förderung", timeout=SLOW)
    _expect_figures(page, GRANTS)
    recipients = len({g["recipient_org_id"] for g in GRANTS})
    expect(_kpi(page, "Empfänger")).to_have_text(format_number(recipients))
    for heading in (
        "Fördersumme nach Handlungsfeld",
        "Fördersumme nach Regierungsbezirk",
        "Bewilligungen nach Monat",
        "Förderungen nach Betragsklasse",
        "Fördersumme nach Kreis und kreisfreier Stadt",
        "Fördersumme: Handlungsfeld, Spitzenverband, Empfänger",
        "Die Förderungen",
    ):
        expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    _ready(page)
    expect(page.get_by_text("© GeoBasis-DE / BKG")).to_be_visible()
    # Months as German writes them, on the axis of the monthly chart.
    ticks = page.locator("#funding-by-month .xtick text, #funding-by-month .x2tick text")
    expect(ticks.filter(has_text=re.compile(r"^Okt\. 2020$")).first).to_be_visible()
    assert page.locator("h1").count() == 1
    page.locator("#funding-by-field summary").click()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_the_page_in_english_has_no_violations(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH + "?lang=en&feld=AP&sortierung=betrag&seite=2")
    expect(page.get_by_role("heading", level=1)).to_have_text("Funding", timeout=SLOW)
    _expect_figures(page, [g for g in GRANTS if g["action_field"] == "AP"], lang="en")
    expect(page.get_by_label("Action field", exact=True)).to_contain_text("Old age and care")
    _ready(page)
    assert page.locator("html").get_attribute("lang") == "en"
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_filters_change_figures_and_url_and_back_restores_each_step(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH)
    _expect_figures(page, GRANTS)
    steps = [
        ("#funding-field", "KJF", "feld=KJF", lambda g: g["action_field"] == "KJF"),
        ("#funding-region", "Köln", "region=K%C3%B6ln", lambda g: g["rb"] == "Köln"),
        ("#funding-year-from", "2021", "von=2021", lambda g: g["award_date"] >= "2021"),
        ("#funding-band", "5", "betrag=5", lambda g: Decimal(g["amount"]) >= 100000),
    ]
    chosen = GRANTS
    chosen_steps = [chosen]
    for select, value, param, keep in steps:
        page.select_option(select, value)
        chosen = [g for g in chosen if keep(g)]
        chosen_steps.append(chosen)
        _expect_figures(page, chosen)
        expect(page).to_have_url(re.compile(re.escape(param)))
    csv_link = page.locator("#funding-by-field").get_by_role("link", name="CSV herunterladen")
    expect(csv_link).to_have_attribute("href", re.compile(r"von=2021.*feld=KJF.*region=K%C3%B6ln"))
    for (select, _, param, _), before in zip(
        reversed(steps), reversed(chosen_steps[:-1]), strict=True
    ):
        page.go_back()
        _expect_figures(page, before)
        expect(page).not_to_have_url(re.compile(re.escape(param)))
        expect(page.locator(select)).to_have_value("alle")
    expect(page).to_have_url(re.compile(re.escape(PATH) + "$"))


def _click_district(page, lon: float, lat: float, ags: str) -> None:
    """Click the map at a point inside the district `ags` until the region filter shows it."""
    graph = page.locator("#funding-map-graph")
    graph.scroll_into_view_if_needed()
    expect(graph.locator("canvas").first).to_be_visible()
    region = page.locator("#funding-region")
    # The shapes arrive after the canvas (the GeoJSON loads in a worker): click until one hits.
    for _ in range(20):
        point = page.evaluate(
            """([lon, lat]) => {
                const gd = document.querySelector('#funding-map-graph .js-plotly-plot');
                const map = gd._fullLayout.map._subplot.map;
                const p = map.project([lon, lat]);
                const r = map.getCanvas().getBoundingClientRect();
                return {x: r.left + p.x, y: r.top + p.y};
            }""",
            [lon, lat],
        )
        page.mouse.move(point["x"], point["y"])
        page.mouse.click(point["x"], point["y"])
        try:
            expect(region).to_have_value(ags, timeout=1_000)
            break
        except AssertionError:
            continue
    expect(region).to_have_value(ags, timeout=SLOW)


def test_a_click_on_a_district_of_the_map_filters_the_page(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH)
    _ready(page)
    _expect_figures(page, GRANTS)
    # Münster (05515) lies around the map's point 7.63 E, 51.96 N: click its drawn shape.
    _click_district(page, 7.63, 51.96, "05515")
    expect(page).to_have_url(re.compile("region=05515"))
    _expect_figures(page, [g for g in GRANTS if g["district_ags"] == "05515"])
    # The other districts stay on the map (grey): a click on Köln chooses Köln instead.
    _click_district(page, 6.96, 50.94, "05315")
    expect(page).to_have_url(re.compile("region=05315"))
    _expect_figures(page, [g for g in GRANTS if g["district_ags"] == "05315"])


def _expect_chips(page: Page, *labels: str) -> None:
    chips = page.locator("#funding-chips .funding-chip")
    expect(chips).to_have_count(len(labels), timeout=SLOW)
    for chip, label in zip(chips.all(), labels, strict=True):
        expect(chip).to_contain_text(label)


def _expect_grants_table(page: Page, grants: list[dict[str, str]]) -> None:
    """The grants table below holds exactly this selection (its row count, "… von N")."""
    expect(page.locator("#funding-grants .funding-page-range")).to_contain_text(
        f"von {format_number(len(grants))}", timeout=SLOW
    )


def test_the_treemap_and_the_map_filter_the_whole_page_and_back_undoes_each_step(watch, portal_url):
    """A tile, then a tile of the next level, then a district: each is a filter — the key
    figures, the grants table, the URL and the chips follow; Back undoes one step at a time."""
    page = watch.page
    page.goto(portal_url + PATH)
    _ready(page)
    block = page.locator("#funding-tree-block")
    crumbs = block.get_by_role("navigation", name="Ebene der Kachelgrafik")
    kjf = [g for g in GRANTS if g["action_field"] == "KJF"]
    caritas = [g for g in kjf if g["association"] == "CARITAS"]
    koeln = [g for g in caritas if g["district_ags"] == "05315"]

    block.locator("g.slice").filter(has_text="Kinder, Jugend").first.click()
    expect(page).to_have_url(re.compile(r"feld=KJF"), timeout=SLOW)
    _expect_figures(page, kjf)
    _expect_chips(page, "Handlungsfeld: Kinder, Jugend und Familie")
    _expect_grants_table(page, kjf)
    expect(crumbs.locator("[aria-current]")).to_have_text("Kinder, Jugend und Familie")
    # The field chart keeps every field, the chosen one in its colour, the others in grey.
    colours = page.evaluate(
        """() => {
            const gd = document.querySelector('#funding-by-field-graph .js-plotly-plot');
            const t = gd.data[0];
            return t.customdata.map((c, i) => [c[1], t.marker.color[i]]);
        }"""
    )
    assert len(colours) == 6
    assert len({c for k, c in colours if k != "KJF"}) == 1  # one grey for the others
    assert dict(colours)["KJF"] not in {c for k, c in colours if k != "KJF"}

    block.locator("g.slice").filter(has_text="Deutscher").first.click()
    expect(page).to_have_url(re.compile(r"feld=KJF&verband=CARITAS"), timeout=SLOW)
    _expect_figures(page, caritas)
    _expect_chips(page, "Handlungsfeld: Kinder", "Spitzenverband: Deutscher Caritasverband")
    _expect_grants_table(page, caritas)
    # The recipients as bars — the largest ones, the rest counted and left to the grants table.
    recipients = len({g["recipient_org_id"] for g in caritas})
    expect(block).to_contain_text(f"{recipients - 15} weitere stehen in der Liste")
    expect(block.locator(".js-plotly-plot g.point")).to_have_count(15)
    expect(block.locator("g.slice")).to_have_count(0)
    results = Axe().run(page)  # the chips, the recipients' bars, the grey context bars
    assert results.violations_count == 0, results.generate_report()

    _click_district(page, 6.96, 50.94, "05315")
    expect(page).to_have_url(re.compile(r"region=05315"))
    _expect_figures(page, koeln)
    _expect_chips(page, "Handlungsfeld", "Spitzenverband", "Region: Köln")

    page.go_back()
    expect(page).not_to_have_url(re.compile("region="))
    _expect_figures(page, caritas)
    _expect_chips(page, "Handlungsfeld", "Spitzenverband")
    _expect_grants_table(page, caritas)
    page.go_back()
    expect(page).not_to_have_url(re.compile("verband="))
    _expect_figures(page, kjf)
    expect(crumbs.locator("[aria-current]")).to_have_text("Kinder, Jugend und Familie")
    page.go_back()
    expect(page).to_have_url(re.compile(re.escape(PATH) + "$"))
    _expect_figures(page, GRANTS)
    expect(page.locator("#funding-chips .funding-chip")).to_have_count(0)
    expect(crumbs.locator("[aria-current]")).to_have_text("Alle Handlungsfelder")


def test_a_bar_is_a_filter_and_its_chip_removes_it_by_keyboard(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH + "?von=2021")
    _ready(page)
    recent = [g for g in GRANTS if g["award_date"] >= "2021"]
    care = [g for g in recent if g["action_field"] == "AP"]
    bar = page.locator("#funding-by-field-graph g.point").filter(
        has_text=format_money_whole(_total(care))
    )
    # plotly's drag layer lies over the bars and takes the click where the pointer is.
    bar.scroll_into_view_if_needed()
    box = bar.locator("path").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(re.compile(r"von=2021&feld=AP"), timeout=SLOW)
    _expect_figures(page, care)
    _expect_chips(page, "Bewilligt von (Jahr): 2021", "Handlungsfeld: Alter und Pflege")
    # The chip's button, by keyboard: the filter goes, the focus stays among the chips.
    chip = page.get_by_role("button", name="Filter entfernen: Handlungsfeld: Alter und Pflege")
    chip.focus()
    page.keyboard.press("Enter")
    expect(page).not_to_have_url(re.compile("feld="), timeout=SLOW)
    _expect_figures(page, recent)
    remaining = page.get_by_role("button", name="Filter entfernen: Bewilligt von (Jahr): 2021")
    expect(remaining).to_be_focused(timeout=SLOW)
    expect(page.locator("#funding-field")).to_have_value("alle")
    # A leading district beside the map is a button for the same filter as its shape.
    page.locator(".funding-leaders").get_by_role("button").first.click()
    expect(page).to_have_url(re.compile(r"region=\d{5}"), timeout=SLOW)
    expect(page.locator("#funding-chips .funding-chip")).to_have_count(2, timeout=SLOW)


def test_the_treemap_drills_down_with_the_keyboard_alone(watch, portal_url):
    """No mouse: choose a tile in the list beside the treemap, "Aufschlüsseln"; focus follows."""
    page = watch.page
    page.goto(portal_url + PATH)
    _ready(page)
    block = page.locator("#funding-tree-block")
    crumbs = block.get_by_role("navigation", name="Ebene der Kachelgrafik")
    choice = block.get_by_label("Ein Handlungsfeld aufschlüsseln (nach Spitzenverband)")
    choice.focus()
    choice.select_option(label="Kinder, Jugend und Familie")
    page.keyboard.press("Tab")
    expect(block.get_by_role("button", name="Aufschlüsseln")).to_be_focused()
    page.keyboard.press("Enter")
    expect(crumbs.locator("[aria-current]")).to_have_text(
        "Kinder, Jugend und Familie", timeout=SLOW
    )
    expect(page).to_have_url(re.compile("feld=KJF"))
    # The next level's choice has the focus: the visitor goes on where they were.
    choice = block.get_by_label("Einen Spitzenverband aufschlüsseln (nach Empfänger)")
    expect(choice).to_be_focused()
    choice.select_option(label="Deutscher Caritasverband")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(crumbs.locator("[aria-current]")).to_have_text("Deutscher Caritasverband", timeout=SLOW)
    expect(page).to_have_url(re.compile("verband=CARITAS"))
    # At the recipients there is nothing to break down: the breadcrumb's first step has the focus.
    expect(block.locator("#funding-drill-select")).to_have_count(0)
    home = crumbs.get_by_role("button", name="Alle Handlungsfelder")
    expect(home).to_be_focused()
    page.keyboard.press("Enter")
    expect(crumbs.locator("[aria-current]")).to_have_text("Alle Handlungsfelder", timeout=SLOW)
    expect(
        block.get_by_label("Ein Handlungsfeld aufschlüsseln (nach Spitzenverband)")
    ).to_be_focused()
    expect(page).to_have_url(re.compile(re.escape(PATH) + "$"))


def test_show_table_and_downloads_hold_the_filtered_rows(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH + "?feld=AP&region=D%C3%BCsseldorf")
    chosen = [g for g in GRANTS if g["action_field"] == "AP" and g["rb"] == "Düsseldorf"]
    _expect_figures(page, chosen)
    block = page.locator("#funding-by-band")
    table = block.get_by_role("table")
    expect(table).to_be_hidden()
    block.get_by_text("Tabelle anzeigen").click()
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(6)

    grants = page.locator("#funding-grants")
    with page.expect_download() as info:
        grants.get_by_role("link", name="CSV herunterladen").click()
    frame = pd.read_csv(
        info.value.path(),
        sep=";",
        decimal=",",
        thousands=None,
        encoding="utf-8-sig",
        dtype={"Nr.": str},
    )
    assert sorted(frame["Nr."]) == sorted(g["grant_id"] for g in chosen)
    assert sum(Decimal(str(v)) for v in frame["Betrag"]) == _total(chosen)
    text = info.value.path().read_text(encoding="utf-8-sig")
    assert re.search(r";\d+,\d\d;EUR;", text)

    with page.expect_download() as info:
        grants.get_by_role("link", name="Excel herunterladen (XLSX)").click()
    assert info.value.suggested_filename == "foerderungen.xlsx"
    sheet = load_workbook(io.BytesIO(info.value.path().read_bytes())).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert sorted(r[0] for r in rows) == sorted(g["grant_id"] for g in chosen)
    assert sum(Decimal(str(r[6])) for r in rows) == _total(chosen)


def test_the_grants_table_sorts_and_pages(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH)
    table = page.locator("#funding-grants table")
    expect(table.locator("tbody tr")).to_have_count(20, timeout=SLOW)
    table.get_by_role("button", name="Betrag").click()
    expect(table.locator("th[aria-sort=ascending]")).to_have_text(
        re.compile("^Betrag"), timeout=SLOW
    )
    expect(page).to_have_url(re.compile("sortierung=betrag"))
    smallest = min(Decimal(g["amount"]) for g in GRANTS)
    first = table.locator("tbody tr").first.locator("td").nth(6)
    expect(first).to_have_text(re.compile(format_number(smallest).split(",")[0]))
    expect(table.get_by_role("button", name="Betrag")).to_be_focused()
    pages = page.get_by_role("navigation", name="Seiten der Förderliste")
    pages.get_by_role("link", name="Nächste Seite").click()
    expect(pages.locator("[aria-current=page]")).to_have_text("Seite 2", timeout=SLOW)
    expect(page).to_have_url(re.compile("sortierung=betrag&seite=2"))
    page.go_back()
    expect(pages.locator("[aria-current=page]")).to_have_text("Seite 1", timeout=SLOW)


def test_the_language_switch_keeps_the_filters(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH + "?feld=KJF&von=2021")
    _ready(page)
    page.get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Funding")
    expect(page).to_have_url(re.compile(r"feld=KJF"))
    expect(page).to_have_url(re.compile(r"von=2021"))
    expect(page.locator("#funding-field")).to_have_value("KJF")
    _expect_figures(page, [g for g in GRANTS if g["action_field"] == "KJF"
                           and g["award_date"] >= "2021"], lang="en")  # fmt: skip
    page.get_by_role("link", name="Deutsch").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Förderung")
    expect(page.locator("#funding-field")).to_have_value("KJF")
