"""The solution gallery in a real browser: search, facets and pages in the URL, Back, a11y."""

from __future__ import annotations

import csv
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from dashboard.i18n import format_number
from tests.browser.conftest import PageWatch
from tests.conftest import DEMO_DIR
from tests.folding import normalise

TOTAL = "1.540 Lösungen gefunden"


@pytest.fixture(autouse=True)
def patient_expect():
    """Each step here waits for a server answer; on a busy 2-core machine 5 s were too tight."""
    expect.set_options(timeout=15_000)
    yield
    expect.set_options(timeout=None)  # Playwright's default again for the other modules


def _demo_rows(table: str) -> list[dict[str, str]]:
    with open(DEMO_DIR / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _count(query: str = "", field: str = "", lang: str = "de") -> str:
    """The count line the gallery should show, worked out from the demo CSV in Python."""
    terms = normalise(query).split()
    found = 0
    for row in _demo_rows("solutions"):
        text = normalise(" ".join([row["title"], row["summary"], row["team_name"], row["tags"]]))
        found += all(term in text for term in terms) and field in ("", row["action_field"])
    noun = "Lösungen gefunden" if lang == "de" else "solutions found"
    return f"{format_number(found, lang=lang)} {noun}"


def _field_name(code: str, lang: str = "de") -> str:
    row = next(r for r in _demo_rows("action_fields") if r["code"] == code)
    return row[f"name_{lang}"]


def _open(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator(".gallery-card").first).to_be_visible()


def _search_box(page: Page):
    return page.get_by_role("searchbox", name=re.compile("Lösungen durchsuchen|Search solutions"))


def _history_length(page: Page) -> int:
    return page.evaluate("window.history.length")


@pytest.mark.parametrize(
    ("lang", "title", "noun"), [("de", "Lösungen", "Lösungen"), ("en", "Solutions", "solutions")]
)
def test_gallery_renders_accessibly_in_both_languages(watch, portal_url, lang, title, noun):
    page = watch.page
    _open(page, f"{portal_url}/loesungen?lang={lang}")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator("#gallery-count")).to_have_text(_count(lang=lang))
    expect(page.locator(".gallery-card")).to_have_count(24)
    assert page.locator("html").get_attribute("lang") == lang
    expect(page.get_by_label(_field_name("AP", lang))).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_cards_link_to_their_solution_and_show_no_youtube_image(watch, portal_url):
    page = watch.page
    _open(page, f"{portal_url}/loesungen")
    first = page.locator(".gallery-card").first
    href = first.get_by_role("link").first.get_attribute("href")
    assert re.fullmatch(r"/loesungen/S\d{5}", href)
    expect(first.get_by_role("heading", level=3)).to_be_visible()
    # The portal draws each card's picture itself: no image from anywhere, a play sign exactly
    # on the cards of solutions with a video, the action field's colour on every card.
    cards = page.evaluate(
        """() => [...document.querySelectorAll('.gallery-card')].map(card => ({
            images: card.querySelectorAll('img').length,
            play: !!card.querySelector('.gallery-play'),
            video: [...card.querySelectorAll('.gallery-badge')]
                .some(b => b.textContent === 'mit Video'),
            colour: card.querySelector('.gallery-visual').style.getPropertyValue('--field-colour'),
            field: card.querySelector('.gallery-facts dd').textContent,
        }))"""
    )
    assert {c["images"] for c in cards} == {0}
    assert all(c["play"] == c["video"] for c in cards)
    assert any(c["video"] for c in cards) and not all(c["video"] for c in cards)
    colours = {}
    for c in cards:
        colours.setdefault(c["field"], set()).add(c["colour"])
    assert all(len(found) == 1 and "#" in next(iter(found)) for found in colours.values())
    assert len({next(iter(found)) for found in colours.values()}) == len(colours)


def test_search_for_strasse_changes_the_count_and_the_url(watch, portal_url):
    page = watch.page
    _open(page, f"{portal_url}/loesungen")
    expect(page.locator("#gallery-count")).to_have_text(TOTAL)
    _search_box(page).fill("strasse")
    expect(page.locator("#gallery-count")).to_have_text(_count("strasse"))
    expect(page).to_have_url(re.compile(r"/loesungen\?q=strasse$"))
    # Straße is found under its own spelling too.
    expect(page.locator(".gallery-card").first).to_contain_text(re.compile("Straße|strasse", re.I))


def test_typing_keeps_the_focus_and_makes_one_history_entry(watch, portal_url):
    page = watch.page
    _open(page, f"{portal_url}/loesungen")
    before = _history_length(page)
    box = _search_box(page)
    box.click()
    page.keyboard.type("pfl")
    expect(page.locator("#gallery-count")).to_have_text(_count("pfl"))
    expect(box).to_be_focused()
    page.keyboard.type("ege")
    expect(page.locator("#gallery-count")).to_have_text(_count("pflege"))
    expect(page).to_have_url(re.compile(r"\?q=pflege$"))
    expect(box).to_be_focused()
    expect(box).to_have_value("pflege")
    assert _history_length(page) == before + 1


def test_a_facet_click_changes_the_count_and_the_url(watch, portal_url):
    page = watch.page
    _open(page, f"{portal_url}/loesungen")
    page.get_by_label(_field_name("AP")).check()
    expect(page.locator("#gallery-count")).to_have_text(_count(field="AP"))
    expect(page).to_have_url(re.compile(r"/loesungen\?feld=AP$"))
    expect(page.get_by_role("link", name=re.compile("Filter entfernen"))).to_have_count(1)


def test_back_restores_each_earlier_state_three_steps_deep(watch, portal_url):
    page = watch.page
    count = page.locator("#gallery-count")
    field = page.get_by_label(_field_name("AP"))
    _open(page, f"{portal_url}/loesungen")
    _search_box(page).fill("strasse")
    expect(count).to_have_text(_count("strasse"))
    field.check()
    expect(count).to_have_text(_count("strasse", "AP"))
    page.get_by_role("link", name=re.compile("Nächste")).click()
    expect(page.locator("[aria-current=page]")).to_have_text("Seite 2")
    expect(page).to_have_url(re.compile(r"\?q=strasse&feld=AP&seite=2$"))

    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=strasse&feld=AP$"))
    expect(page.locator("[aria-current=page]")).to_have_text("Seite 1")
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=strasse$"))
    expect(count).to_have_text(_count("strasse"))
    expect(field).not_to_be_checked()
    expect(_search_box(page)).to_have_value("strasse")
    page.go_back()
    expect(page).to_have_url(re.compile(r"/loesungen$"))
    expect(count).to_have_text(TOTAL)
    expect(_search_box(page)).to_have_value("")

    page.go_forward()
    expect(count).to_have_text(_count("strasse"))
    expect(_search_box(page)).to_have_value("strasse")


def test_a_filter_change_resets_the_page_in_one_history_entry(watch, portal_url):
    page = watch.page
    _open(page, f"{portal_url}/loesungen?seite=3")
    expect(page.locator("[aria-current=page]")).to_have_text("Seite 3")
    before = _history_length(page)
    page.get_by_label(_field_name("AP")).check()
    expect(page.locator("[aria-current=page]")).to_have_text("Seite 1")
    expect(page).to_have_url(re.compile(r"/loesungen\?feld=AP$"))
    assert _history_length(page) == before + 1
    page.go_back()
    expect(page.locator("[aria-current=page]")).to_have_text("Seite 3")
    expect(page.get_by_label(_field_name("AP"))).not_to_be_checked()


def test_a_shared_url_opens_the_same_view_in_a_fresh_page(browser, portal_url):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    watched = PageWatch(page, portal_url)
    shared = f"{portal_url}/loesungen?q=pflege&feld=AP&seite=2"
    _open(page, shared)
    expect(_search_box(page)).to_have_value("pflege")
    expect(page.get_by_label(_field_name("AP"))).to_be_checked()
    expect(page.locator("#gallery-count")).to_have_text(_count("pflege", "AP"))
    expect(page.locator("[aria-current=page]")).to_have_text("Seite 2")
    assert page.url == shared
    results = Axe().run(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()
    assert watched.console_errors == [] and watched.foreign_requests == []


def test_a_nonsense_search_shows_the_empty_state_with_a_way_out(watch, portal_url):
    page = watch.page
    _open(page, f"{portal_url}/loesungen")
    _search_box(page).fill("xyzzyquatsch")
    expect(page.locator("#gallery-count")).to_have_text("Keine Lösung gefunden")
    expect(page.get_by_text("Keine Lösung passt zu dieser Suche.")).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.locator(".gallery-empty").get_by_role("link", name="Alle Filter zurücksetzen").click()
    expect(page.locator("#gallery-count")).to_have_text(TOTAL)
    expect(_search_box(page)).to_have_value("")
    expect(page).to_have_url(re.compile(r"/loesungen$"))


def test_back_from_a_solution_page_returns_to_the_search_and_further(watch, portal_url):
    page = watch.page
    count = page.locator("#gallery-count")
    _open(page, f"{portal_url}/loesungen")
    _search_box(page).fill("strasse")
    expect(count).to_have_text(_count("strasse"))
    page.get_by_label(_field_name("AP")).check()
    expect(count).to_have_text(_count("strasse", "AP"))
    title = page.locator(".gallery-card h3").first.inner_text()
    page.locator(".gallery-card h3 a").first.click()
    expect(page).to_have_url(re.compile(r"/loesungen/S\d{5}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    page.go_back()  # the router renders the gallery again, from the URL
    expect(count).to_have_text(_count("strasse", "AP"))
    expect(page.get_by_label(_field_name("AP"))).to_be_checked()
    page.go_back()  # and the gallery follows the URL itself again
    expect(page).to_have_url(re.compile(r"\?q=strasse$"))
    expect(count).to_have_text(_count("strasse"))
    expect(page.get_by_label(_field_name("AP"))).not_to_be_checked()


def test_the_search_box_shows_the_whole_typed_search_on_a_phone_and_a_laptop(watch, portal_url):
    page = watch.page
    typed = "Nachbarschaftshilfe digital"
    for width, height in ((390, 844), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        _open(page, f"{portal_url}/loesungen?q={typed.replace(' ', '+')}")
        box = _search_box(page)
        expect(box).to_have_value(typed)
        # The text fits the box: nothing of it is scrolled out of sight.
        fits = box.evaluate(
            "el => ({fits: el.scrollWidth <= el.clientWidth, "
            "box: el.getBoundingClientRect().width, "
            "frame: el.parentElement.getBoundingClientRect().width})"
        )
        assert fits["fits"], (width, fits)
        assert fits["box"] >= fits["frame"] - 2, (width, fits)  # the input fills its frame


def test_the_list_view_is_a_toggle_kept_in_the_url_with_the_page(watch, portal_url):
    page = watch.page
    _open(page, f"{portal_url}/loesungen?seite=2")
    first_card = page.locator(".gallery-card h3").first.inner_text()
    toggle = page.get_by_role("group", name="Ansicht")
    expect(toggle.get_by_role("radio", name="Kacheln")).to_be_checked()
    before = _history_length(page)
    toggle.get_by_text("Liste", exact=True).click()
    expect(page.locator(".gallery-row")).to_have_count(24)
    expect(page.locator(".gallery-card")).to_have_count(0)
    expect(toggle.get_by_role("radio", name="Liste")).to_be_checked()
    expect(toggle.get_by_role("radio", name="Liste")).to_be_focused()  # no re-render
    expect(page).to_have_url(re.compile(r"/loesungen\?ansicht=liste&seite=2$"))
    expect(page.locator("[aria-current=page]")).to_have_text("Seite 2")
    assert _history_length(page) == before + 1
    rows = page.evaluate(
        """() => [...document.querySelectorAll('.gallery-row')].map(row => ({
            links: [...row.querySelectorAll('a')].map(a => a.getAttribute('href')),
            title: row.querySelector('h3').textContent,
            text: row.textContent,
        }))"""
    )
    assert rows[0]["title"] == first_card  # the same solutions in the same order
    fields = {r["name_de"] for r in _demo_rows("action_fields")}
    for row in rows:
        assert len(row["links"]) == 1 and re.fullmatch(r"/loesungen/S\d{5}", row["links"][0])
        assert any(f"Handlungsfeld: {name}" in row["text"] for name in fields), row
        assert "Region: " in row["text"] and re.search(r"\d Stimmen?", row["text"]), row
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    # A filter keeps the list view; Back returns to the cards of page 2.
    page.get_by_label(_field_name("AP")).check()
    expect(page).to_have_url(re.compile(r"/loesungen\?feld=AP&ansicht=liste$"))
    expect(page.locator(".gallery-row").first).to_contain_text(_field_name("AP"))
    page.go_back()
    page.go_back()
    expect(page).to_have_url(re.compile(r"/loesungen\?seite=2$"))
    expect(page.locator(".gallery-card")).to_have_count(24)
    expect(toggle.get_by_role("radio", name="Kacheln")).to_be_checked()
