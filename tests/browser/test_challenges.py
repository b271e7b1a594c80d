"""The challenge statistics in a browser: figures, filters in the URL, Back, tables, sort, pages."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from dashboard.i18n import format_number, format_percent
from tests.conftest import DEMO_DIR

PATH = "/herausforderungen"
SLOW = 20_000  # ms: the first callback of a fresh gunicorn worker opens DuckDB


def _rows(table: str) -> list[dict[str, str]]:
    with open(DEMO_DIR / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _demo() -> list[dict[str, str]]:
    """Challenges with their Regierungsbezirk and number of solutions, counted by hand."""
    solutions = Counter(s["challenge_id"] for s in _rows("solutions") if s["challenge_id"])
    rb = {d["ags"]: d["regierungsbezirk"] for d in _rows("districts")}
    return [
        {**c, "rb": rb[c["district_ags"]], "solutions": solutions[c["challenge_id"]]}
        for c in _rows("challenges")
    ]


CHALLENGES = _demo()


def _kpi(page: Page, label: str):
    card = page.locator(".kpi-card").filter(
        has=page.locator(".kpi-label").get_by_text(label, exact=True)
    )
    return card.locator(".kpi-value")


def _expect_total(page: Page, count: int, lang: str = "de") -> None:
    label = "Herausforderungen" if lang == "de" else "Challenges"
    expect(_kpi(page, label)).to_have_text(format_number(count, lang=lang), timeout=SLOW)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def test_the_page_shows_the_demo_figures_in_german(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH)
    expect(page.get_by_role("heading", level=1)).to_have_text("Herausforderungen")
    solved = sum(1 for c in CHALLENGES if c["solutions"])
    _expect_total(page, len(CHALLENGES))
    expect(_kpi(page, "mit mindestens einer Lösung")).to_have_text(format_number(solved))
    expect(_kpi(page, "ohne Lösung")).to_have_text(format_number(len(CHALLENGES) - solved))
    expect(_kpi(page, "Anteil mit Lösung")).to_have_text(format_percent(solved / len(CHALLENGES)))
    for heading in (
        "Herausforderungen nach Handlungsfeld",
        "Herausforderungen nach Spitzenverband",
        "Herausforderungen nach Regierungsbezirk",
        "Herausforderungen nach Kreis und kreisfreier Stadt",
        "Eingestellte Herausforderungen im Zeitverlauf",
        "Lösungen je Herausforderung nach Handlungsfeld",
        "Herausforderungen ohne Lösung",
    ):
        expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    expect(page.locator(".chart-block .js-plotly-plot")).to_have_count(6)
    top = Counter(c["action_field"] for c in CHALLENGES).most_common(1)[0][1]
    expect(page.locator("#challenges-by-field .chart-summary")).to_contain_text(f"({top})")
    assert page.locator("h1").count() == 1


def test_the_page_in_english_formats_the_english_way(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH + "?lang=en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Challenges")
    solved = sum(1 for c in CHALLENGES if c["solutions"])
    expect(_kpi(page, "Share with a solution")).to_have_text(
        format_percent(solved / len(CHALLENGES), lang="en")
    )
    expect(page.get_by_label("Action field", exact=True)).to_contain_text("Old age and care")
    expect(page.locator("#challenges-coverage .chart-summary")).to_contain_text("got no solution")
    assert page.locator("html").get_attribute("lang") == "en"


def test_the_page_has_no_accessibility_violations(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH + "?feld=AP&sortierung=-titel&seite=2")
    expect(page.locator("#challenges-coverage .js-plotly-plot")).to_be_visible(timeout=SLOW)
    page.locator("#challenges-by-field summary").click()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_choosing_filters_changes_figures_and_url_and_back_restores_each_step(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH)
    _expect_total(page, len(CHALLENGES))
    steps = [
        ("#challenges-field", "AP", "feld=AP", lambda c: c["action_field"] == "AP"),
        ("#challenges-region", "Köln", "region=K%C3%B6ln", lambda c: c["rb"] == "Köln"),
        ("#challenges-event", "E2", "veranstaltung=E2", lambda c: c["event_id"] == "E2"),
    ]
    chosen = CHALLENGES
    counts = [len(chosen)]
    for select, value, param, keep in steps:
        page.select_option(select, value)
        chosen = [c for c in chosen if keep(c)]
        counts.append(len(chosen))
        _expect_total(page, len(chosen))
        expect(page).to_have_url(re.compile(re.escape(param)))
    csv_link = page.locator("#challenges-by-field").get_by_role("link", name="CSV herunterladen")
    expect(csv_link).to_have_attribute("href", re.compile(r"feld=AP.*region=K%C3%B6ln"))
    for (select, _, param, _), count in zip(reversed(steps), reversed(counts[:-1]), strict=True):
        page.go_back()
        _expect_total(page, count)
        expect(page).not_to_have_url(re.compile(re.escape(param)))
        expect(page.locator(select)).to_have_value("alle")
    expect(page).to_have_url(re.compile(re.escape(PATH) + "$"))


def test_a_shared_url_opens_the_same_view(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH + "?feld=KJF&region=05315")
    count = sum(
        1 for c in CHALLENGES if c["action_field"] == "KJF" and c["district_ags"] == "05315"
    )
    _expect_total(page, count)
    expect(page.locator("#challenges-field")).to_have_value("KJF")
    expect(page.locator("#challenges-region")).to_have_value("05315")
    expect(page.locator("#challenges-status")).to_contain_text("Kinder, Jugend und Familie, Köln")


def test_unknown_url_values_show_everything(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH + "?feld=XX&region=Atlantis")
    _expect_total(page, len(CHALLENGES))
    expect(page.locator("#challenges-field")).to_have_value("alle")


def test_reset_shows_everything_again(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH + "?feld=AP&region=Detmold")
    page.get_by_role("button", name="Filter zurücksetzen").click()
    _expect_total(page, len(CHALLENGES))
    expect(page).to_have_url(re.compile(re.escape(PATH) + "$"))


def test_show_table_opens_the_charts_data(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH)
    block = page.locator("#challenges-coverage")
    table = block.get_by_role("table")
    expect(table).to_be_hidden()
    block.get_by_text("Tabelle anzeigen").click()
    expect(table).to_be_visible()
    headers = table.get_by_role("columnheader")
    expect(headers).to_have_text(["Handlungsfeld", "0 Lösungen", "1 Lösung", "2+ Lösungen"])
    expect(table.locator("tbody tr")).to_have_count(6)


def test_the_unsolved_table_sorts_and_pages(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH)
    table = page.locator("#challenges-unsolved table")
    expect(table.locator("tbody tr")).to_have_count(20)
    unsolved = sorted(_fold(c["title"]) for c in CHALLENGES if not c["solutions"])

    title = table.get_by_role("button", name="Titel")
    title.click()
    expect(table.locator("th[aria-sort=ascending]")).to_have_text(
        re.compile("^Titel"), timeout=SLOW
    )
    expect(page).to_have_url(re.compile("sortierung=titel"))
    first = table.locator("tbody tr").first.locator("td").first
    assert _fold(first.inner_text()) == unsolved[0]
    expect(table.get_by_role("button", name="Titel")).to_be_focused()

    table.get_by_role("button", name="Titel").click()
    expect(table.locator("th[aria-sort=descending]")).to_have_text(re.compile("^Titel"))
    assert _fold(first.inner_text()) == unsolved[-1]

    pages = page.get_by_role("navigation", name="Seiten der Tabelle")
    pages.get_by_role("link", name="Nächste Seite").click()
    expect(pages.locator("[aria-current=page]")).to_have_text("Seite 2")
    expect(page).to_have_url(re.compile("sortierung=-titel&seite=2"))
    assert _fold(first.inner_text()) == unsolved[-21]
    expect(page.locator("#challenges-unsolved-heading")).to_be_focused()

    page.go_back()
    expect(pages.locator("[aria-current=page]")).to_have_text("Seite 1")
    assert _fold(first.inner_text()) == unsolved[-1]
