"""The leadership view: only after signing in, accessible, its downloads protected."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import create_account, sign_in
from tests.serving import http_get


def test_anonymous_visitors_are_sent_to_the_login(watch, portal_url):
    page = watch.page
    page.goto(portal_url + "/intern")
    expect(page).to_have_url(portal_url + "/login?next=/intern")
    expect(page.get_by_role("heading", level=1)).to_have_text("Anmeldung")
    status, body = http_get(portal_url + "/daten/intern_pipeline.csv")
    assert status == 401
    assert "Shortlist" not in body.decode("utf-8", "replace")


def test_leadership_sees_the_pipeline_and_signing_out_ends_access(
    watch, portal_url, portal_instance
):
    page = watch.page
    password = create_account(portal_instance, "leitung", "leadership")
    sign_in(page, portal_url, "leitung", password, "/intern")
    expect(page.get_by_role("heading", level=1)).to_have_text("Interne Übersicht")
    expect(page.get_by_role("heading", name="Auswahlprozess je Veranstaltung")).to_be_visible()
    # The public chain goes on inside, as a funnel from all solutions to those being scaled.
    funnel = page.get_by_role("list", name="Stufen der Auswahl").get_by_role("listitem")
    expect(funnel).to_have_count(6)
    expect(funnel.first).to_contain_text("1.540")
    expect(page.locator(".overview-headline")).to_contain_text("Von 1.540 Lösungen sind")
    page.get_by_text("Tabelle anzeigen").first.click()
    expect(page.locator("#intern-pipeline table")).to_contain_text("Neu")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    # The download goes with the browser's session, so it works while signed in.
    response = page.request.get(portal_url + "/daten/intern_pipeline.csv")
    assert response.status == 200
    assert response.body().decode("utf-8-sig").startswith("Status;")
    page.get_by_role("button", name="Abmelden").click()
    expect(page.get_by_role("link", name="Anmelden")).to_be_visible()
    page.goto(portal_url + "/intern")
    expect(page).to_have_url(portal_url + "/login?next=/intern")
