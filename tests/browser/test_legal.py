"""Legal pages: reachable from every page's footer, marked as samples, accessible."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

LEGAL = [
    ("Impressum", "/impressum", "Impressum"),
    ("Datenschutz", "/datenschutz", "Datenschutzerklärung"),
    ("Barrierefreiheit", "/barrierefreiheit", "Erklärung zur Barrierefreiheit"),
    ("Leichte Sprache", "/leichte-sprache", "Leichte Sprache"),
]


@pytest.mark.parametrize(("link", "path", "heading"), LEGAL)
def test_footer_links_to_the_legal_page(watch, portal_url, link, path, heading):
    page = watch.page
    page.goto(portal_url + "/")
    # The page is up (the router has drawn it) before the visitor clicks on.
    expect(page.get_by_role("heading", level=1)).to_have_text("Überblick", timeout=20_000)
    page.wait_for_load_state("networkidle")
    footer = page.get_by_role("contentinfo")
    footer.get_by_role("link", name=link).click()
    expect(page).to_have_url(portal_url + path, timeout=20_000)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_role("note")).to_contain_text("Muster")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_legal_page_in_english(watch, portal_url):
    page = watch.page
    page.goto(portal_url + "/datenschutz?lang=en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy policy")
    footer = page.get_by_role("contentinfo")
    expect(footer.get_by_role("link", name="Privacy")).to_be_visible()
    expect(footer).to_contain_text("Challenges, solutions and funding in the independent welfare")
    expect(footer).not_to_contain_text("Wohlfahrtspflege")


def test_the_imprint_keeps_the_address_lines_apart(watch, portal_url):
    page = watch.page
    page.goto(portal_url + "/impressum")
    expect(page.get_by_role("heading", level=1)).to_have_text("Impressum")
    address = page.locator(".legal-text p", has_text="Musterstraße")
    # One line each, as in the Markdown (a backslash at the end of a line is a line break).
    lines = re.compile(r"\(Beispiel\)\s*\nMusterstraße 1\s*\n40210 Düsseldorf")
    expect(address).to_contain_text("40210 Düsseldorf")
    shown = address.inner_text()  # as rendered: a line break is a "\n"
    assert lines.search(shown), shown
    assert "\\" not in shown
