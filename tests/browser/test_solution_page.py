"""The solution page in a real browser: accessible in both languages, YouTube only after consent."""

from __future__ import annotations

import csv
import re
from urllib.parse import urlparse

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from dashboard.contract import youtube_video_id
from tests.conftest import DEMO_DIR

WITH_VIDEO_AND_PLEDGES = "S00007"
WITHOUT_VIDEO = "S00028"
EMBED = "https://www.youtube-nocookie.com/embed/"
GOOGLE_HOSTS = re.compile(r"(youtube|youtu\.be|ytimg|google|gstatic|ggpht|doubleclick)", re.I)


def _solution(solution_id: str) -> dict[str, str]:
    with open(DEMO_DIR / "solutions.csv", encoding="utf-8", newline="") as fh:
        return next(row for row in csv.DictReader(fh) if row["solution_id"] == solution_id)


def _fake_player(page) -> None:
    """The test machine has no internet: the player's host answers with a stub page."""
    page.route(
        f"{EMBED}**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<!doctype html><title>Video</title>"
        ),
    )


def test_solution_page_in_german_and_english_is_accessible(watch, portal_url):
    page = watch.page
    solution = _solution(WITH_VIDEO_AND_PLEDGES)
    page.goto(f"{portal_url}/loesungen/{WITH_VIDEO_AND_PLEDGES}")
    expect(page.get_by_role("heading", level=1)).to_have_text(solution["title"])
    expect(page).to_have_title(solution["title"])
    expect(page.get_by_role("table")).to_contain_text("15.000,00\u00a0€")
    expect(page.get_by_text("Finalist").first).to_be_visible()
    expect(page.get_by_role("link", name="Zurück zur Galerie")).to_have_attribute(
        "href", "/loesungen"
    )
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    page.goto(f"{portal_url}/loesungen/{WITH_VIDEO_AND_PLEDGES}?lang=en")
    expect(page.get_by_role("heading", name="Profile")).to_be_visible()
    expect(page.get_by_role("button", name="Load video")).to_be_visible()
    expect(page.get_by_role("link", name="Back to the gallery")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("€15,000.00")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_video_loads_from_youtube_nocookie_only_after_the_click(watch, portal_url):
    page = watch.page
    solution = _solution(WITH_VIDEO_AND_PLEDGES)
    video_id = youtube_video_id(solution["video_url"])
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{portal_url}/loesungen/{WITH_VIDEO_AND_PLEDGES}")
    load = page.get_by_role("button", name="Video laden")
    expect(load).to_be_visible()
    expect(
        page.locator("#solution-video").get_by_role("link", name="Datenschutzerklärung")
    ).to_be_visible()
    watch_link = page.get_by_role("link", name=re.compile("^Auf YouTube ansehen"))
    expect(watch_link).to_have_attribute("href", solution["video_url"])
    expect(watch_link).to_have_attribute("target", "_blank")
    expect(watch_link).to_have_attribute("rel", "noopener noreferrer")
    expect(page.locator("iframe")).to_have_count(0)
    assert not [url for url in requests if GOOGLE_HOSTS.search(urlparse(url).netloc)]
    assert watch.foreign_requests == []

    _fake_player(page)
    with page.expect_request(lambda request: request.url.startswith(EMBED + video_id)):
        load.click()
    frame = page.locator("iframe")
    expect(frame).to_have_count(1)
    expect(frame).to_have_attribute("src", re.compile("^" + re.escape(EMBED + video_id)))
    expect(frame).to_have_attribute("title", f"Video: {solution['title']}")
    # Focus moves to the player. Playwright's to_be_focused also wants the top document to hold
    # focus, which it no longer does once focus is inside the (cross-origin) player's document.
    page.wait_for_function("document.activeElement && document.activeElement.tagName === 'IFRAME'")
    # After consent, exactly the player's host may have been asked; nothing else left the portal.
    assert all(url.startswith(EMBED) for url in watch.foreign_requests)
    watch.foreign_requests.clear()


def test_solution_without_video_says_so(watch, portal_url):
    page = watch.page
    page.goto(f"{portal_url}/loesungen/{WITHOUT_VIDEO}")
    expect(page.get_by_text("Kein Video vorhanden")).to_be_visible()
    expect(page.get_by_role("button", name="Video laden")).to_have_count(0)
    expect(page.get_by_text("Für diese Lösung gibt es noch keine Patenschaft.")).to_be_visible()


def test_related_solution_link_leads_to_its_page(watch, portal_url):
    page = watch.page
    page.goto(f"{portal_url}/loesungen/{WITHOUT_VIDEO}")
    related = page.get_by_role("navigation", name="Ähnliche Lösungen").get_by_role("link").first
    title = related.inner_text()
    related.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(
        page.get_by_role("button", name="Video laden").or_(page.get_by_text("Kein Video vorhanden"))
    ).to_be_visible()


def test_unknown_solution_shows_not_found_with_a_way_to_the_gallery(watch, portal_url):
    page = watch.page
    response = page.goto(f"{portal_url}/loesungen/S99999")
    assert response.status == 404  # the friendly page, and the status a link checker reads
    expect(page.get_by_role("heading", level=1)).to_have_text("Lösung nicht gefunden")
    expect(page).to_have_title("Lösung nicht gefunden")
    expect(
        page.get_by_role("main").get_by_role("link", name="Zurück zur Galerie")
    ).to_have_attribute("href", "/loesungen")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_on_a_phone_the_video_comes_right_under_the_title_and_beside_it_on_a_laptop(
    watch, portal_url
):
    page = watch.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{portal_url}/loesungen/{WITH_VIDEO_AND_PLEDGES}")
    expect(page.get_by_role("button", name="Video laden")).to_be_visible()
    measure = """() => {
        const box = el => el.getBoundingClientRect();
        const h1 = document.querySelector('h1');
        const video = document.getElementById('solution-video');
        const button = video.querySelector('button');
        const summary = document.querySelector('.solution-page .lead');
        const facts = document.getElementById('solution-facts-heading');
        const headings = [...document.querySelectorAll('main h1, main h2')]
            .map(h => h.id || h.tagName);
        return {
            h1: box(h1), video: box(video), button: box(button), summary: box(summary),
            facts: box(facts), headings: headings, viewport: window.innerHeight,
        };
    }"""
    phone = page.evaluate(measure)
    # In reading order too: the first heading after the title is the video's.
    assert phone["headings"][:2] == ["H1", "solution-video-heading"]
    assert 0 <= phone["video"]["top"] - phone["h1"]["bottom"] < 40
    assert phone["button"]["bottom"] <= phone["viewport"]  # the consent button on the first screen
    assert phone["button"]["bottom"] < phone["summary"]["top"] < phone["facts"]["top"]

    page.set_viewport_size({"width": 1366, "height": 900})
    laptop = page.evaluate(measure)
    assert laptop["video"]["right"] < laptop["summary"]["left"]  # beside the summary
    assert laptop["video"]["right"] < laptop["facts"]["left"]
    assert laptop["video"]["top"] < laptop["facts"]["top"] < laptop["video"]["bottom"]
