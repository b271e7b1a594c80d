"""The overview in a real browser: key figures from the data, accessible, nothing sent elsewhere."""

from __future__ import annotations

import csv
from decimal import Decimal

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from dashboard.i18n import format_money_whole, format_number
from tests.conftest import DEMO_DIR


def _demo_rows(table: str) -> list[dict[str, str]]:
    with open(DEMO_DIR / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _expected_figures(lang: str) -> dict[str, str]:
    grants = _demo_rows("grants")
    eur = sum(Decimal(g["amount"]) for g in grants if g["currency"] in ("", "EUR"))
    return {
        "challenges": format_number(len(_demo_rows("challenges")), lang=lang),
        "solutions": format_number(len(_demo_rows("solutions")), lang=lang),
        "grants": format_number(len(grants), lang=lang),
        "eur_total": format_money_whole(eur, lang=lang),
    }


def test_overview_shows_the_demo_key_figures_in_german(watch, portal_url):
    page = watch.page
    page.goto(portal_url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Überblick")
    figures = page.locator(".kpi-card")
    expect(figures).to_have_count(9)  # the two chains: € → grants → recipients; challenges → …
    expected = _expected_figures("de")
    for label, key in (
        ("Herausforderungen", "challenges"),
        ("Lösungen", "solutions"),
        ("Förderungen", "grants"),
        ("Fördersumme", "eur_total"),
    ):
        card = figures.filter(has=page.locator(".kpi-label").get_by_text(label, exact=True))
        expect(card.locator(".kpi-value")).to_have_text(expected[key])
    assert "." in expected["eur_total"] and expected["eur_total"].endswith("€")
    expect(page.get_by_text("Beispieldaten", exact=True)).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "de"


def test_overview_in_english_formats_numbers_the_english_way(watch, portal_url):
    page = watch.page
    page.goto(portal_url + "/?lang=en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overview")
    expected = _expected_figures("en")
    label = page.locator(".kpi-label").get_by_text("Total funding", exact=True)
    card = page.locator(".kpi-card").filter(has=label)
    expect(card.locator(".kpi-value")).to_have_text(expected["eur_total"])
    assert page.locator("html").get_attribute("lang") == "en"
    # The choice is kept: the next page load without ?lang stays English.
    page.goto(portal_url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overview")


def test_overview_has_no_accessibility_violations(watch, portal_url):
    page = watch.page
    page.goto(portal_url + "/")
    expect(page.locator(".kpi-card").first).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_unknown_path_shows_the_not_found_page_with_a_way_back(watch, portal_url):
    page = watch.page
    response = page.goto(portal_url + "/gibt-es-nicht")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Seite nicht gefunden")
    page.get_by_role("link", name="Zum Überblick").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Überblick")


def test_skip_link_moves_focus_to_the_main_content(watch, portal_url):
    page = watch.page
    page.goto(portal_url + "/")
    expect(page.locator(".kpi-card").first).to_be_visible()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()


def test_the_overview_tells_the_story_and_each_step_leads_to_its_page(watch, portal_url):
    page = watch.page
    page.goto(portal_url + "/")
    expected = _expected_figures("de")
    recipients = format_number(len({g["recipient_org_id"] for g in _demo_rows("grants")}), "de")
    awarded = format_number(sum(1 for s in _demo_rows("solutions") if s["award"]), lang="de")
    headline = page.locator(".overview-headline")
    expect(headline).to_have_text(
        f"{expected['eur_total']} in {expected['grants']} Förderungen an {recipients} Empfänger"
        f" – und aus {expected['challenges']} Herausforderungen wurden {expected['solutions']}"
        f" Lösungen, {awarded} davon ausgezeichnet."
    )
    money = page.get_by_role("list", name="Vom Geld zu den Empfängern")
    results = page.get_by_role("list", name="Von der Herausforderung zur Patenschaft")
    expect(money.get_by_role("listitem")).to_have_count(3)
    expect(results.get_by_role("listitem")).to_have_count(6)
    links = page.evaluate(
        """() => [...document.querySelectorAll('.story-chain a')]
            .map(a => [a.textContent, a.getAttribute('href')])"""
    )
    assert links == [
        [expected["eur_total"], "/foerderung"],
        [expected["grants"], "/foerderung#funding-grants"],
        [recipients, "/foerderung"],
        [expected["challenges"], "/herausforderungen"],
        [expected["solutions"], "/loesungen"],
        [awarded, "/loesungen?auszeichnung=winner&auszeichnung=finalist"],
    ]
    # The one chart: where the money went by action field, with its table and downloads.
    expect(page.get_by_role("heading", name="Fördersumme nach Handlungsfeld")).to_be_visible()
    results.get_by_role("link", name=awarded).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lösungen")
    expect(page.locator("#gallery-count")).to_have_text(f"{awarded} Lösungen gefunden")


def test_choosing_an_event_shows_its_figures_and_keeps_them_in_the_url(watch, portal_url):
    page = watch.page
    page.goto(portal_url + "/")
    select = page.get_by_label("Veranstaltung", exact=True)
    challenges = page.locator(".kpi-card").filter(
        has=page.locator(".kpi-label").get_by_text("Herausforderungen", exact=True)
    )
    expect(challenges.locator(".kpi-value")).to_have_text(_expected_figures("de")["challenges"])
    e1 = [c for c in _demo_rows("challenges") if c["event_id"] == "E1"]
    select.select_option("E1")
    expect(challenges.locator(".kpi-value")).to_have_text(format_number(len(e1), lang="de"))
    expect(page).to_have_url(portal_url + "/?veranstaltung=E1")
    # A programme has grants, not challenges.
    select.select_option("E3")
    expect(page.locator(".kpi-label").get_by_text("Förderungen", exact=True)).to_be_visible()
    expect(challenges).to_have_count(0)
    page.go_back()
    expect(page).to_have_url(portal_url + "/?veranstaltung=E1")
    expect(select).to_have_value("E1")
    expect(challenges.locator(".kpi-value")).to_have_text(format_number(len(e1), lang="de"))
    page.go_back()
    expect(page).to_have_url(portal_url + "/")
    expect(select).to_have_value("alle")
    expect(select.locator("option:checked")).to_have_text("Alle Veranstaltungen")


def test_a_shared_overview_url_opens_the_same_event(watch, portal_url):
    page = watch.page
    page.goto(portal_url + "/?veranstaltung=E1")
    expect(page.get_by_label("Veranstaltung", exact=True)).to_have_value("E1")
    pledged = page.locator(".kpi-card").filter(
        has=page.locator(".kpi-label").get_by_text("Zugesagt von Paten", exact=True)
    )
    total = sum(Decimal(p["amount_eur"]) for p in _demo_rows("patronships"))
    expect(pledged.locator(".kpi-value")).to_have_text(format_money_whole(total, lang="de"))
