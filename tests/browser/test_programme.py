"""The programme page in a real browser: story, key figures, a tool list kept in the URL."""

from __future__ import annotations

import csv
import re
from decimal import Decimal

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from dashboard.i18n import format_money_whole
from tests.conftest import DEMO_DIR


def _demo_rows(table: str) -> list[dict[str, str]]:
    with open(DEMO_DIR / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _eur_total(lang: str) -> str:
    (event,) = [e for e in _demo_rows("events") if e["kind"] == "programme"]
    grants = _demo_rows("grants")
    total = sum(
        Decimal(g["amount"])
        for g in grants
        if g["programme"] == event["name"] and g["currency"] in ("", "EUR")
    )
    return format_money_whole(total, lang=lang)


def test_programme_page_in_german_and_english_is_accessible(watch, portal_url):
    page = watch.page
    tools = len(_demo_rows("tools"))
    page.goto(portal_url + "/programm")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Digitalisierung stärken")
    expect(page.get_by_role("note")).to_contain_text("Muster")
    expect(page.locator(".kpi-value").get_by_text(_eur_total("de"), exact=True)).to_be_visible()
    expect(page.get_by_role("status")).to_have_text(f"{tools} von {tools} Werkzeugen")
    expect(page.get_by_role("heading", name="Was die Evaluation zeigt")).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    page.goto(portal_url + "/programm?lang=en")
    expect(page.get_by_role("heading", level=1)).to_contain_text("strengthening digitalisation")
    expect(page.locator(".kpi-value").get_by_text(_eur_total("en"), exact=True)).to_be_visible()
    expect(page.get_by_role("status")).to_have_text(f"{tools} of {tools} tools")
    expect(page.get_by_label("Category")).to_have_value("alle")
    # The data's category, cost and privacy note come in English too (columns *_en).
    first = _demo_rows("tools")[0]
    card = page.locator(".tool-card").filter(has_text=first["name"])
    expect(card.locator(".tool-category")).to_have_text(first["category_en"])
    expect(card.locator(".tool-meta")).to_contain_text(first["privacy_note_en"])
    options = page.get_by_label("Category").locator("option").all_inner_texts()
    assert set(options) - {"", "All categories"} == {t["category_en"] for t in _demo_rows("tools")}
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_tool_search_and_category_filter_the_list_and_live_in_the_url(watch, portal_url):
    page = watch.page
    tools = _demo_rows("tools")
    page.goto(portal_url + "/programm")
    count = page.get_by_role("status")
    expect(count).to_have_attribute("aria-live", "polite")
    cards = page.locator(".tool-card")
    expect(cards).to_have_count(len(tools))

    # "praesentation" finds "Präsentationen": umlauts may be typed spelled out.
    page.get_by_label("Suche in Name und Beschreibung").fill("praesentation")
    matching = [t for t in tools if "präsentation" in (t["name"] + t["description_de"]).lower()]
    expect(count).to_have_text(f"{len(matching)} von {len(tools)} Werkzeugen")
    expect(cards).to_have_count(len(matching))
    expect(page).to_have_url(re.compile(r"/programm\?suche=praesentation$"))

    category = matching[0]["category"]
    page.get_by_label("Kategorie").select_option(category)
    both = [t for t in matching if t["category"] == category]
    expect(count).to_have_text(f"{len(both)} von {len(tools)} Werkzeugen")
    expect(page).to_have_url(re.compile(r"suche=praesentation&kategorie="))
    link = cards.first.get_by_role("link")
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    expect(link).to_contain_text("(öffnet in neuem Fenster)")

    page.reload()
    expect(page.get_by_label("Suche in Name und Beschreibung")).to_have_value("praesentation")
    expect(page.get_by_label("Kategorie")).to_have_value(category)
    expect(count).to_have_text(f"{len(both)} von {len(tools)} Werkzeugen")
    expect(cards).to_have_count(len(both))

    # The category was a step of its own: Back returns to the search alone.
    page.go_back()
    expect(page.get_by_label("Kategorie")).to_have_value("alle")
    expect(count).to_have_text(f"{len(matching)} von {len(tools)} Werkzeugen")
    expect(page).to_have_url(re.compile(r"/programm\?suche=praesentation$"))


def test_a_search_without_match_shows_the_empty_state(watch, portal_url):
    page = watch.page
    tools = len(_demo_rows("tools"))
    page.goto(portal_url + "/programm?suche=zzzz")
    expect(page.get_by_role("status")).to_have_text(f"0 von {tools} Werkzeugen")
    expect(page.get_by_text("Kein Werkzeug passt zu dieser Suche.")).to_be_visible()
    page.get_by_label("Suche in Name und Beschreibung").fill("")
    expect(page.get_by_role("status")).to_have_text(f"{tools} von {tools} Werkzeugen")
    expect(page).to_have_url(portal_url + "/programm")
