"""Scaling candidates: only for leadership; the weights re-rank live; the reasons, the transfer
map and the downloads; axe-clean in German and English."""

from __future__ import annotations

import csv
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import create_account, sign_in
from tests.conftest import DEMO_DIR
from tests.serving import http_get

WEIGHTS = ("award", "votes", "rating", "demand", "digital", "maturity")
# Each weight re-ranks on the server and redraws 50 rows: on a busy test machine that takes a while.
SLOW = 60_000


def _most_voted() -> tuple[str, int]:
    with open(DEMO_DIR / "solutions.csv", encoding="utf-8", newline="") as fh:
        best = max(csv.DictReader(fh), key=lambda s: int(s["votes"]))
    return best["solution_id"], int(best["votes"])


@pytest.fixture
def leadership(watch, portal_url, portal_instance):
    """The watched page, signed in as leadership on /skalierung."""
    password = create_account(portal_instance, "leitung-skalierung", "leadership")
    sign_in(watch.page, portal_url, "leitung-skalierung", password, "/skalierung")
    # The first visit of a worker reads the data cold; later ones answer in well under a second.
    expect(watch.page.locator(".scaling-ranking-table")).to_be_visible(timeout=SLOW)
    return watch.page


def test_anonymous_visitors_are_sent_to_the_login(watch, portal_url):
    page = watch.page
    page.goto(portal_url + "/skalierung")
    expect(page).to_have_url(portal_url + "/login?next=/skalierung")
    status, _body = http_get(portal_url + "/daten/skalierung_rangliste.csv")
    assert status == 401


def test_weights_rerank_live_and_the_reasons_show_the_parts(leadership, portal_url):
    page = leadership
    expect(page.get_by_role("heading", level=1)).to_have_text("Skalierungskandidaten")
    expect(page.get_by_text("Voreinstellung: Jury-Auszeichnung 3")).to_be_visible()
    rows = page.locator(".scaling-ranking-table tbody tr")
    expect(rows).to_have_count(50)
    most_voted, votes = _most_voted()
    expect(rows.first).not_to_have_attribute("data-solution", most_voted)

    for name in WEIGHTS:
        slider = page.get_by_label(
            {
                "award": "Jury-Auszeichnung",
                "votes": "Publikumsstimmen",
                "rating": "Bewertung der Kuratierung",
                "demand": "Bedarf anderswo",
                "digital": "Digital wiederverwendbar",
                "maturity": "Reifegrad",
            }[name]  # fmt: skip
        )
        slider.focus()
        page.keyboard.press("End" if name == "votes" else "Home")
        expect(page.locator(f"#scaling-weight-{name}-value")).to_have_text(
            "10" if name == "votes" else "0", timeout=SLOW
        )
    expect(rows.first).to_have_attribute("data-solution", most_voted, timeout=SLOW)
    assert "gewicht_stimmen=10" in page.url and "gewicht_jury=0" in page.url

    first = rows.first
    first.get_by_text("Warum dieser Rang?").click()
    parts = first.locator(".scaling-why-parts li")
    expect(parts).to_have_count(7, timeout=SLOW)
    expect(parts.nth(1)).to_have_text(
        f"Publikumsstimmen: {votes:,}".replace(",", ".") + " Stimmen → 1,00 × Gewicht 10 = 10,00"
    )
    expect(parts.last).to_have_text("Summe 10,00 ÷ Summe der Gewichte 10 = Skalierungswert 1,00")

    # The download carries the weights it was ranked with.
    with page.expect_download() as info:
        page.locator("#scaling-ranking").get_by_role("link", name="CSV herunterladen").click()
    download = info.value
    assert download.suggested_filename == "skalierung_rangliste.csv"
    text = download.path().read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert lines[1].split(";")[1] == most_voted
    assert lines[1].endswith("Jury 0, Stimmen 10, Bewertung 0, Bedarf 0, Digital 0, Reife 0")

    # Reload: the weights stay (they live in the URL).
    page.reload()
    expect(page.locator("#scaling-weight-votes-value")).to_have_text("10", timeout=SLOW)
    expect(rows.first).to_have_attribute("data-solution", most_voted, timeout=SLOW)

    # "Gewichte zurücksetzen": the documented defaults again, in the sliders, the URL, the ranking.
    page.get_by_role("button", name="Gewichte zurücksetzen").click()
    expect(page.locator("#scaling-weight-votes-value")).to_have_text("2", timeout=SLOW)
    expect(page.locator("#scaling-weight-award-value")).to_have_text("3")
    expect(page.get_by_label("Publikumsstimmen")).to_have_value("2")
    expect(page).not_to_have_url(re.compile("gewicht_"), timeout=SLOW)
    expect(rows.first).not_to_have_attribute("data-solution", most_voted, timeout=SLOW)


def test_transfer_map_highlights_gaps_and_a_candidates_targets(leadership, portal_url):
    page = leadership
    matrix = page.locator(".scaling-matrix-table")
    expect(matrix.locator("td.scaling-gap").first).to_contain_text("Bedarf ohne Lösung:")
    expect(matrix.locator("td.scaling-target")).to_have_count(0)
    page.get_by_label("Kandidat für die Übertragung").select_option(
        index=2
    )  # 0: dbc.Select's hidden placeholder, 1: none
    expect(matrix.locator("td.scaling-target").first).to_contain_text("Ziel für", timeout=SLOW)
    expect(page.locator(".scaling-target-note")).to_be_visible()
    page.get_by_label("Regionen").select_option("Köln")
    expect(matrix.locator("thead th").first).to_have_text("Bonn", timeout=SLOW)
    expect(page.locator("#scaling-heatmap .js-plotly-plot")).to_be_visible()
    page.locator("#scaling-heatmap").get_by_text("Tabelle anzeigen").click()
    expect(page.locator("#scaling-heatmap table")).to_contain_text("Bonn")
    with page.expect_download() as info:
        page.locator("#scaling-heatmap").get_by_role(
            "link", name="Excel herunterladen (XLSX)"
        ).click()
    assert info.value.suggested_filename == "skalierung_transferkarte.xlsx"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_page_is_accessible_in_both_languages(leadership, portal_url, lang):
    page = leadership
    page.goto(f"{portal_url}/skalierung?lang={lang}&kandidat=S00780")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_count(1)
    expect(heading).to_have_text("Skalierungskandidaten" if lang == "de" else "Scaling candidates")
    assert page.locator("html").get_attribute("lang") == lang
    expect(page.locator(".scaling-ranking-table tbody tr")).to_have_count(50, timeout=SLOW)
    page.locator(".scaling-why summary").first.click()
    page.wait_for_load_state("networkidle")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
