"""Every page on a phone and on a laptop: no page scrolls sideways (WCAG 1.4.10 reflow, tested at
320 CSS px); a table wider than its column scrolls in a labelled, focusable region of its own, and
at laptop width every table fits; nothing is in Bootstrap's blue instead of the portal's colour;
the header's menu folds behind a button on a phone and the internal pages fit one row on a
laptop. One navigation per page and width, one evaluation each."""

from __future__ import annotations

import csv
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import create_account, sign_in
from tests.conftest import DEMO_DIR

PAGES = [
    "/", "/herausforderungen", "/loesungen", "/loesungen/S00001", "/foerderung", "/programm",
    "/skalierung", "/intern", "/admin/kuratierung", "/admin/paten", "/admin/shortlist",
    "/admin/protokoll", "/admin/daten", "/impressum", "/datenschutz", "/barrierefreiheit",
    "/leichte-sprache", "/login", "/gibt-es-nicht",
]  # fmt: skip

# What a page does wrong at the viewport's width, as sentences (empty: nothing).
LAYOUT_PROBLEMS = """(laptop) => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  const scroll = document.documentElement.scrollWidth;
  if (scroll > width) problems.push(`the page scrolls sideways: ${scroll} px in ${width} px`);
  for (const table of document.querySelectorAll("main table")) {
    if (!table.getClientRects().length) continue;  // inside a closed "Tabelle anzeigen"
    const region = table.closest(".table-region");
    const room = table.parentElement.getBoundingClientRect().width;
    const name = (table.querySelector("caption") || table).textContent.slice(0, 60);
    if (!region) {
      if (table.getBoundingClientRect().width > room + 1)
        problems.push(`table "${name}" is wider than its box and not in a scrolling region`);
      continue;
    }
    if (region.getAttribute("role") !== "region" || !region.getAttribute("aria-label")
        || region.tabIndex !== 0)
      problems.push(`the region of "${name}" is not a labelled, focusable region`);
    if (laptop && region.scrollWidth > region.clientWidth + 1)
      problems.push(`table "${name}" does not fit: ${region.scrollWidth} in ${region.clientWidth}`);
  }
  // Bootstrap's own blue instead of the portal's colour, on buttons, links or boxes.
  const bootstrapBlue = "rgb(13, 110, 253)";
  for (const el of document.querySelectorAll("body *")) {
    const style = getComputedStyle(el);
    const painted = [style.color, style.backgroundColor, style.borderTopColor];
    if (el.getClientRects().length && painted.includes(bootstrapBlue)) {
      const what = (el.textContent || el.className || el.tagName).trim().slice(0, 40);
      problems.push(`"${what}" is in Bootstrap's blue, not the portal's colour`);
      break;
    }
  }
  // Charts: no text under 11 px, no axis label outside its chart, no legend over the data.
  for (const plot of document.querySelectorAll("main .js-plotly-plot")) {
    if (!plot.getClientRects().length) continue;
    const box = plot.getBoundingClientRect();
    const title = (plot.closest("section") || plot).querySelector("h2, h3");
    const chart = title ? title.textContent.slice(0, 50) : "a chart";
    for (const text of plot.querySelectorAll("svg text")) {
      const r = text.getBoundingClientRect();
      if (!r.width || !text.textContent.trim()) continue;
      const style = getComputedStyle(text);
      if (style.opacity === "0" || style.display === "none") continue;
      const size = parseFloat(style.fontSize);
      const what = text.textContent.slice(0, 30);
      if (size < 11) problems.push(`"${chart}": text "${what}" at ${size} px`);
      if (text.closest(".xtick, .ytick, .xaxislayer-above, .yaxislayer-above")
          && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1
              || r.bottom > box.bottom + 1))
        problems.push(`"${chart}": axis label "${what}" outside the chart`);
    }
    const legend = plot.querySelector(".legend");
    const area = plot.querySelector(".nsewdrag");
    if (legend && area) {
      const l = legend.getBoundingClientRect(), a = area.getBoundingClientRect();
      const overlap = Math.min(l.right, a.right) - Math.max(l.left, a.left) > 2
        && Math.min(l.bottom, a.bottom) - Math.max(l.top, a.top) > 2;
      if (overlap) problems.push(`"${chart}": the legend lies over the data`);
    }
  }
  return problems;
}"""


@pytest.fixture
def admin_page(watch, portal_url, portal_instance):
    password = create_account(portal_instance, "layout-admin", "admin")
    sign_in(watch.page, portal_url, "layout-admin", password)
    return watch.page


# (width, language, who): every width, both languages, signed out and each role.
VIEWS = [
    (320, "de", "admin"),
    (390, "en", None),
    (390, "de", "leadership"),
    (1366, "de", "curator"),
    (1366, "en", "admin"),
]


@pytest.mark.parametrize(("width", "lang", "role"), VIEWS)
def test_no_page_scrolls_sideways_tables_fit_and_charts_read(
    watch, portal_url, portal_instance, width, lang, role
):
    page = watch.page
    if role:
        password = create_account(portal_instance, f"layout-{role}", role)
        sign_in(page, portal_url, f"layout-{role}", password)
    page.set_viewport_size({"width": width, "height": 844 if width < 992 else 900})
    found = {}
    for path in PAGES:
        page.goto(portal_url + path + ("&" if "?" in path else "?") + f"lang={lang}")
        page.wait_for_load_state("networkidle")
        # "Tabelle anzeigen" open, so that the charts' tables count too.
        page.evaluate("() => document.querySelectorAll('main details').forEach(d => d.open = true)")
        problems = page.evaluate(LAYOUT_PROBLEMS, width >= 1280)
        if problems:
            found[path] = problems
    assert found == {}


def test_on_a_phone_the_menu_folds_behind_a_button_that_works_by_keyboard(admin_page, portal_url):
    page = admin_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(portal_url + "/foerderung")
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    toggle = nav.get_by_role("button", name="Menü")
    gallery = nav.get_by_role("link", name="Lösungen")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(gallery).to_be_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(gallery).to_be_visible()
    expect(nav.get_by_role("list", name="Interner Bereich")).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(gallery).to_be_hidden()
    expect(toggle).to_be_focused()
    toggle.click()
    gallery.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lösungen")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(gallery).to_be_hidden()


def test_on_a_laptop_the_menu_is_open_and_the_internal_pages_fit_one_row(admin_page, portal_url):
    page = admin_page
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(portal_url + "/admin/kuratierung")
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    expect(nav.get_by_role("button", name="Menü")).to_be_hidden()
    internal = nav.get_by_role("list", name="Interner Bereich")
    expect(internal.get_by_role("link", name="Protokoll")).to_be_visible()
    rows = internal.evaluate(
        "list => new Set([...list.querySelectorAll('a')].map(a => a.getBoundingClientRect().top))"
        ".size"
    )
    header_height = page.locator("header").evaluate("h => h.getBoundingClientRect().height")
    assert rows == 1
    assert header_height < 160  # two rows: the public pages and tools, then the internal pages


def test_on_a_phone_the_filters_fold_behind_a_button_that_counts_them(watch, portal_url):
    page = watch.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(portal_url + "/foerderung?feld=AP")
    toggle = page.locator("#funding-filter-panel > summary")
    field = page.get_by_label("Handlungsfeld", exact=True)
    expect(toggle).to_have_text(re.compile(r"^Filter \(1\) · [\d.]+ Förderungen$"))
    expect(field).to_be_hidden()
    # The figures come first, not two screens of controls.
    assert page.locator(".kpi-list").evaluate("el => el.getBoundingClientRect().top") < 844
    toggle.click()
    expect(field).to_be_visible()
    field.select_option("alle")  # every field again: the button counts no filter
    expect(toggle).to_have_text(re.compile(r"^Filter · [\d.]+ Förderungen$"), timeout=20_000)

    page.goto(portal_url + "/loesungen")
    gallery_toggle = page.locator("#gallery-filter-panel > summary")
    expect(gallery_toggle).to_have_text(re.compile(r"^Filter · [\d.]+ Lösungen gefunden$"))
    expect(page.get_by_label("Alter und Pflege", exact=False).first).to_be_hidden()

    page.goto(portal_url + "/herausforderungen?feld=KJF")
    challenges_toggle = page.locator("#challenges-filter-panel > summary")
    expect(challenges_toggle).to_have_text(re.compile(r"^Filter \(1\) · [\d.]+ Herausforderungen$"))
    expect(page.get_by_label("Handlungsfeld", exact=True)).to_be_hidden()
    # Plotly's toolbar stays out of the way on a touch screen (it would cover the chart's top).
    touch = page.context.browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, locale="de-DE"
    )
    phone = touch.new_page()
    phone.goto(portal_url + "/herausforderungen")
    expect(phone.locator(".js-plotly-plot").first).to_be_visible(timeout=20_000)
    bars = phone.evaluate(
        """() => [...document.querySelectorAll('.modebar-container')]
            .map(el => getComputedStyle(el).display)"""
    )
    touch.close()
    assert bars and set(bars) == {"none"}


def test_a_slow_answer_shows_that_the_block_is_loading(watch, portal_url):
    """A filter change whose answer takes long: the blocks say "Wird geladen …" (a status for
    screen readers, a spinner on screen) over the old figures, and stop saying it afterwards."""
    page = watch.page
    page.goto(portal_url + "/foerderung")
    expect(page.locator("#funding-status")).to_contain_text("Förderungen in dieser Auswahl")
    # The page is drawn (its graphs too) before the visitor changes a filter.
    expect(page.locator("#funding-map-graph .js-plotly-plot")).to_be_visible(timeout=20_000)
    expect(page.locator("#funding-tree-graph .js-plotly-plot")).to_be_visible(timeout=20_000)

    # The network is slow, not the portal (the answer itself is unchanged): every callback
    # request waits 1.5 s in the page, without holding up the test's own polling.
    page.evaluate(
        """() => {
            const fetch = window.fetch.bind(window);
            window.fetch = (url, options) => String(url).includes("_dash-update-component")
                ? new Promise(resolve => setTimeout(resolve, 1500)).then(() => fetch(url, options))
                : fetch(url, options);
        }"""
    )
    page.get_by_label("Handlungsfeld", exact=True).select_option("AP")
    loading = page.get_by_role("status").filter(has_text="Wird geladen")
    expect(loading.first).to_be_visible(timeout=5_000)
    # The old content stays readable beneath, and the answer replaces it.
    expect(page.locator("#funding-overview .kpi-card").first).to_be_visible()
    with open(DEMO_DIR / "grants.csv", encoding="utf-8", newline="") as fh:
        care = sum(1 for g in csv.DictReader(fh) if g["action_field"] == "AP")
    expect(page.locator("#funding-status")).to_contain_text(f"{care} Förderungen", timeout=20_000)
    expect(loading).to_have_count(0, timeout=20_000)
