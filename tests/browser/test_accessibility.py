"""Every public page in German and English: one h1, the right `<html lang>`, axe-core clean."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

PUBLIC_PAGES = (
    "/",
    "/herausforderungen",
    "/loesungen",
    "/loesungen?ansicht=liste",  # the gallery's compact list view
    "/loesungen/S00001",
    "/programm",
    "/impressum",
    "/datenschutz",
    "/barrierefreiheit",
    "/leichte-sprache",
    "/login",
    "/gibt-es-nicht",
)


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_is_accessible_in_both_languages(watch, portal_url, path, lang):
    page = watch.page
    page.goto(f"{portal_url}{path}{'&' if '?' in path else '?'}lang={lang}")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_count(1)
    expect(heading).to_be_visible()
    assert page.locator("html").get_attribute("lang") == lang
    expect(page.get_by_role("main")).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_be_visible()
    # Charts and lazy parts must have rendered before axe looks at the page.
    page.wait_for_load_state("networkidle")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
