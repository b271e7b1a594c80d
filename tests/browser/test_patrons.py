"""Patron matching and the shortlist in the browser: suggestions with reasons, an offer, a pledge
that shows in the patron's budget, the print page, its XLSX, axe-clean in German and English."""

from __future__ import annotations

import io
import re
from decimal import Decimal

from axe_playwright_python.sync_playwright import Axe
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from dashboard.store import open_store
from tests.browser.conftest import create_account, sign_in

MATCHED, LISTED = "S00100", "S00200"  # shortlisted here; no other test uses them
CURATOR = "kuratorin-paten"


def _shortlist(instance, *solution_ids: str) -> None:
    """Shortlisted as a curator would in the curation board (not built here)."""
    store = open_store(instance / "curation.sqlite")
    for solution_id in solution_ids:
        entry = store.entry(solution_id)
        if entry.status != "shortlisted":
            store.set_status(solution_id, "shortlisted", entry.version, "kuratorin")


def _euros(text: str) -> Decimal:
    """`62.500,00 €` → Decimal("62500.00")."""
    digits = re.sub(r"[^\d,]", "", text)
    return Decimal(digits.replace(",", "."))


def _axe_clean(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_a_curator_offers_a_solution_and_records_a_pledge(watch, portal_url, portal_instance):
    page = watch.page
    password = create_account(portal_instance, CURATOR, "curator")
    _shortlist(portal_instance, MATCHED, LISTED)
    sign_in(page, portal_url, CURATOR, password, "/admin/paten")
    expect(page.get_by_role("heading", level=1)).to_have_text("Paten und Patinnen")

    page.get_by_label("Lösung (Shortlist oder mit Pate)").select_option(MATCHED)
    expect(page).to_have_url(re.compile(rf"loesung={MATCHED}"))
    top = page.locator("#patrons-suggestions li.patrons-fit").first
    expect(top).to_contain_text("Handlungsfeld passt")
    expect(top).to_contain_text("Budget frei:")
    expect(top.locator(".patrons-score")).to_contain_text("Passung")
    name = re.sub(r"^1\.\s*", "", top.get_by_role("heading").inner_text()).strip()

    # The patron's view before: budget left.
    page.get_by_label("Pate/Patin anzeigen").select_option(label=name)
    remaining = page.locator("#patrons-view-remaining")
    expect(remaining).to_contain_text("€")
    before = _euros(remaining.inner_text())

    top.get_by_role("button", name=f"Anbieten an {name}").click()
    expect(page.locator("#patrons-feedback")).to_contain_text(f"Die Lösung ist {name} angeboten")
    expect(top).to_contain_text("Angeboten")
    title = page.locator(".patrons-solution-facts a").inner_text()
    expect(page.locator("#patrons-view-offers")).to_contain_text(title)
    _axe_clean(page)

    form = page.get_by_role("group", name="Zusage erfassen")
    # The form proposes the best fit.
    expect(form.get_by_label("Zusage von (Pate/Patin)")).to_have_value(_patron_id(page, name))
    form.get_by_label("Betrag in €").fill("12.500,00")
    form.get_by_role("button", name="Zusage erfassen").click()
    expect(page.locator("#patrons-feedback")).to_contain_text(f"Zusage von {name} über 12.500,00")
    expect(page.locator("#patrons-view-pledges")).to_contain_text(title)
    expect(page.locator("#patrons-view-pledges")).to_contain_text("12.500,00 €")
    expect(page.locator("#patrons-view-pledges")).to_contain_text("Kuratierung")
    after = before - Decimal("12500.00")
    expect(remaining).to_have_text(_money_de(after))
    expect(page.locator(".patrons-solution-facts")).to_contain_text("Status: Pate gefunden")
    expect(top).to_contain_text("Zugesagt: 12.500,00 €")
    chosen = page.get_by_label("Lösung (Shortlist oder mit Pate)").locator("option:checked")
    expect(chosen).to_contain_text("(Pate gefunden)")
    store = open_store(portal_instance / "curation.sqlite")
    assert store.entry(MATCHED).status == "matched"
    _axe_clean(page)

    # A refused amount says why and changes nothing.
    form.get_by_label("Betrag in €").fill("1,234")
    form.get_by_role("button", name="Zusage erfassen").click()
    expect(page.locator("#patrons-feedback")).to_contain_text("mehrdeutig")
    expect(remaining).to_have_text(_money_de(after))

    # Someone else changes the solution meanwhile: the next offer is refused, says what changed,
    # and goes through once the curator has loaded the current state.
    entry = store.entry(MATCHED)
    store.set_notes(MATCHED, "Team fragt nach Sachspenden", entry.version, "jonas")
    second = page.locator("#patrons-suggestions li.patrons-fit").nth(1)
    second.get_by_role("button", name=re.compile("^Anbieten")).click()
    feedback = page.locator("#patrons-feedback")
    expect(feedback).to_contain_text("Nicht gespeichert")
    expect(feedback).to_contain_text("jonas: Notizen: (leer) → „Team fragt nach Sachspenden“")
    assert [p.status for p in store.patronships() if p.solution_id == MATCHED] == ["pledged"]
    feedback.get_by_role("button", name="Aktuellen Stand laden").click()
    expect(feedback).to_be_empty()
    second.get_by_role("button", name=re.compile("^Anbieten")).click()
    expect(feedback).to_contain_text("angeboten")
    assert sorted(p.status for p in store.patronships() if p.solution_id == MATCHED) == [
        "offered",
        "pledged",
    ]

    # A reload keeps the state: the URL holds the solution and the patron. The offer to the
    # second patron shows that patron (and puts it in the URL): wait for it, then reload.
    shown = page.locator("#patrons-patron")
    expect(shown).not_to_have_value(_patron_id(page, name))
    patron = shown.input_value()
    expect(page).to_have_url(re.compile(rf"loesung={MATCHED}&pate={re.escape(patron)}"))
    left = page.locator("#patrons-view-remaining").inner_text()
    page.reload()
    expect(page.locator("#patrons-patron")).to_have_value(patron)
    expect(page.locator("#patrons-view-remaining")).to_have_text(left)
    # The first patron's budget still shows the pledge.
    page.get_by_label("Pate/Patin anzeigen").select_option(label=name)
    expect(page.locator("#patrons-view-remaining")).to_have_text(_money_de(after))


def _patron_id(page: Page, name: str) -> str:
    return page.evaluate(
        """(name) => [...document.querySelectorAll('#patrons-patron option')]
            .find((o) => o.textContent === name).value""",
        name,
    )


def _money_de(amount: Decimal) -> str:
    whole, cents = f"{amount:.2f}".split(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{cents}\u00a0€"


def test_the_shortlist_prints_and_downloads(watch, portal_url, portal_instance):
    page = watch.page
    password = create_account(portal_instance, CURATOR, "curator")
    _shortlist(portal_instance, LISTED)
    sign_in(page, portal_url, CURATOR, password, "/admin/paten")
    page.get_by_role("link", name="Shortlist für das Patentreffen").click()
    expect(page).to_have_url(portal_url + "/admin/shortlist")
    expect(page.get_by_role("heading", level=1)).to_have_text("Shortlist für das Patentreffen")
    expect(page.locator("#shortlist-meta")).to_contain_text("Status: Shortlist")
    card = page.locator(".shortlist-card").filter(
        has=page.locator(f'a[href$="/loesungen/{LISTED}"]')
    )
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Vorgeschlagener Pate")
    title = card.get_by_role("heading").inner_text()

    # "Drucken" opens the browser's print dialog (counted here instead).
    page.evaluate("window.print = () => { document.body.dataset.printed = 'ja'; };")
    page.get_by_role("button", name="Drucken").click()
    expect(page.locator("body")).to_have_attribute("data-printed", "ja")
    _axe_clean(page)

    with page.expect_download() as info:
        page.get_by_role("link", name="Als Excel herunterladen").click()
    download = info.value
    assert download.suggested_filename == "shortlist.xlsx"
    sheet = load_workbook(io.BytesIO(download.path().read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Lösung", "Link")
    assert (title, f"/loesungen/{LISTED}") in [r[:2] for r in rows[1:]]
    assert all(r[1] != f"/loesungen/{MATCHED}" for r in rows[1:])  # matched: not shortlisted

    # Filters live in the URL; the download follows them.
    page.get_by_label("Status").select_option("matched")
    expect(page).to_have_url(re.compile(r"status=matched"))
    expect(page.locator("#shortlist-xlsx")).to_have_attribute(
        "href", "/daten/shortlist.xlsx?status=matched"
    )
    expect(page.locator("#shortlist-meta")).to_contain_text("Status: Pate gefunden")


def test_both_pages_in_english(watch, portal_url, portal_instance):
    page = watch.page
    password = create_account(portal_instance, CURATOR, "curator")
    _shortlist(portal_instance, LISTED)
    sign_in(page, portal_url, CURATOR, password, "/admin/paten")
    page.goto(f"{portal_url}/admin/paten?lang=en&loesung={LISTED}")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_role("heading", level=1)).to_have_text("Patrons")
    top = page.locator("#patrons-suggestions li.patrons-fit").first
    expect(top).to_contain_text("Budget left:")
    expect(page.get_by_role("group", name="Record a pledge")).to_be_visible()
    _axe_clean(page)
    page.goto(f"{portal_url}/admin/shortlist?lang=en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Shortlist for the patron meeting")
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    expect(page.get_by_role("link", name="Download as Excel")).to_be_visible()
    _axe_clean(page)
