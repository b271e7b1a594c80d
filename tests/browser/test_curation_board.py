"""The curation board in a browser: filters, the detail panel's saves, bulk moves, stale saves."""

from __future__ import annotations

import csv
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from dashboard.i18n import format_number
from dashboard.store import CurationStore, open_store
from tests.browser.conftest import create_account, sign_in
from tests.conftest import DEMO_DIR
from tests.serving import http_get

PATH = "/admin/kuratierung"
SLOW = 20_000  # ms: the first callback of a fresh gunicorn worker opens DuckDB
CURATOR = "erika"


def _solutions() -> list[dict[str, str]]:
    with open(DEMO_DIR / "solutions.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


SOLUTIONS = _solutions()
AP = [s for s in SOLUTIONS if s["action_field"] == "AP"]
# Solutions of this file's own (late ids of one field), so other tests' moves do not meet them.
MOVED, STALE, STALE_BULK, ENGLISH = AP[-1], AP[-2], AP[-3], AP[-4]


@pytest.fixture
def store(portal_instance) -> CurationStore:
    """The portal's curation store, as another curator's writes reach it."""
    return open_store(portal_instance / "curation.sqlite")


@pytest.fixture
def curator(watch, portal_url, portal_instance) -> Page:
    """A curator signed in on the board."""
    password = create_account(portal_instance, CURATOR, "curator")
    sign_in(watch.page, portal_url, CURATOR, password, PATH)
    expect(watch.page.get_by_role("heading", level=1)).to_have_text("Kuratierung")
    return watch.page


def _count(page: Page, text: str) -> None:
    expect(page.locator("#curation-count")).to_have_text(text, timeout=SLOW)


def _open(page: Page, solution: dict[str, str]) -> None:
    page.get_by_role("button", name=f"Öffnen: {solution['title']}").click()
    panel = page.get_by_role("dialog")
    expect(panel.get_by_role("heading", level=2)).to_have_text(solution["title"], timeout=SLOW)


def _feedback(page: Page):
    return page.locator("#curation-detail-feedback")


def test_anonymous_visitors_are_sent_to_the_login(watch, portal_url):
    page = watch.page
    page.goto(portal_url + PATH + "?status=new")
    expect(page).to_have_url(re.compile(re.escape("/login?next=" + PATH)))
    expect(page.get_by_role("heading", level=1)).to_have_text("Anmeldung")
    status, body = http_get(portal_url + "/daten/kuratierung.csv")
    assert status == 401 and b"S00001" not in body


def test_a_curator_filters_opens_moves_rates_notes_and_sees_the_history(curator, portal_url, store):
    page = curator
    _count(page, f"{format_number(len(SOLUTIONS))} Lösungen")
    page.select_option("#curation-field", "AP")
    expect(page).to_have_url(re.compile("feld=AP"))
    _count(page, f"{format_number(len(AP))} Lösungen")
    page.get_by_role("searchbox", name="Suche").fill(MOVED["solution_id"])
    _count(page, "1 Lösung")
    expect(page).to_have_url(re.compile(f"feld=AP&q={MOVED['solution_id']}"))

    _open(page, MOVED)
    state = page.locator("#curation-detail-state")
    expect(state).to_have_text("Status „Neu“ · noch nicht bearbeitet")
    for status, label in (("reviewing", "In Prüfung"), ("shortlisted", "Shortlist")):
        page.select_option("#curation-detail-status", status)
        page.get_by_role("button", name="Status speichern").click()
        expect(_feedback(page)).to_have_text(f"Status gespeichert: „{label}“.", timeout=SLOW)
    # The panel says the saved state and who changed it last (the version is no word for them).
    expect(state).to_contain_text("Status „Shortlist“ · zuletzt geändert von erika am ")

    for criterion, score in (("Wirkung", 4), ("Übertragbarkeit", 5), ("Umsetzungsreife", 3),
                             ("Kosten-Nutzen", 4)):  # fmt: skip
        page.get_by_role("group", name=criterion).get_by_label(str(score), exact=True).check()
    page.get_by_role("button", name="Bewertung speichern").click()
    expect(_feedback(page)).to_have_text(
        "Ihre Bewertung ist gespeichert (Ihr Mittel: 4,0).", timeout=SLOW
    )
    expect(page.locator("#curation-detail-ratings")).to_contain_text(f"{CURATOR} (Sie)")

    page.get_by_label("Notizen (nur für das Kuratierungsteam sichtbar)").fill(
        "Starkes Video; Kontakt zur AWO Köln"
    )
    page.get_by_role("button", name="Notiz speichern").click()
    expect(_feedback(page)).to_have_text("Notiz gespeichert.", timeout=SLOW)

    history = page.locator("#curation-detail-history li")
    expect(history).to_have_count(4)
    expect(history.nth(0)).to_contain_text(
        "Notizen: (leer) → „Starkes Video; Kontakt zur AWO Köln“"
    )
    expect(history.nth(1)).to_contain_text("Bewertung: Wirkung 4, Übertragbarkeit 5")
    expect(history.nth(2)).to_contain_text("Status: In Prüfung → Shortlist")
    expect(history.nth(3)).to_contain_text("Status: Neu → In Prüfung")
    expect(history.nth(3)).to_contain_text(CURATOR)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    page.get_by_role("button", name="Schließen").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    row = page.locator("#curation-table tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Shortlist", timeout=SLOW)
    expect(row).to_contain_text("4,0")
    expect(row).to_contain_text("Starkes Video")
    expect(page.locator(f'[data-open-solution="{MOVED["solution_id"]}"]')).to_be_focused()

    entry = store.entry(MOVED["solution_id"])
    assert (entry.status, entry.version, entry.updated_by) == ("shortlisted", 3, CURATOR)
    logged = store.audit_entries(object_id=MOVED["solution_id"])
    assert [e["action"] for e in logged] == [
        "entry.notes",
        "rating.set",
        "entry.status",
        "entry.status",
    ]


def test_a_curator_selects_rows_and_moves_two_at_once(curator, store):
    page = curator
    page.goto(page.url.split("?")[0] + "?feld=AP")
    page.get_by_role("button", name=re.compile("^Neu ")).click()
    expect(page).to_have_url(re.compile(r"\?status=new&feld=AP$"))
    expect(page.get_by_role("button", name=re.compile("^Neu "))).to_have_attribute(
        "aria-pressed", "true", timeout=SLOW
    )
    rows = page.locator("#curation-table tbody tr")
    expect(rows).to_have_count(25, timeout=SLOW)
    before = page.locator("#curation-count").inner_text()

    page.get_by_label("Alle Zeilen dieser Seite auswählen").check()
    expect(page.locator("#curation-selected")).to_have_text("25 Zeilen ausgewählt")
    page.get_by_label("Alle Zeilen dieser Seite auswählen").uncheck()
    expect(page.locator("#curation-selected")).to_have_text("Keine Zeile ausgewählt")

    chosen = [rows.nth(i).locator("[data-open-solution]").get_attribute("data-open-solution")
              for i in (0, 1)]  # fmt: skip
    rows.nth(0).get_by_role("checkbox").check()
    rows.nth(1).get_by_role("checkbox").check()
    expect(page.locator("#curation-selected")).to_have_text("2 Zeilen ausgewählt")
    page.select_option("#curation-bulk-status", "reviewing")
    page.get_by_role("button", name="Auswahl verschieben").click()
    expect(page.locator("#curation-bulk-feedback")).to_have_text(
        "2 Lösungen verschoben nach „In Prüfung“.", timeout=SLOW
    )
    total = int(before.split()[0].replace(".", ""))
    _count(page, f"{format_number(total - 2)} Lösungen")
    expect(page.locator("#curation-selected")).to_have_text("Keine Zeile ausgewählt")
    for solution_id in chosen:
        assert store.entry(solution_id).status == "reviewing"
        (last, *_) = store.audit_entries(object_id=solution_id)
        assert (last["who"], last["after"]["status"]) == (CURATOR, "reviewing")


def test_a_stale_save_is_refused_with_the_change_in_between(curator, portal_url, store):
    page = curator
    page.goto(f"{portal_url}{PATH}?q={STALE['solution_id']}")
    _count(page, "1 Lösung")
    _open(page, STALE)
    # Meanwhile another curator declines it.
    seen = store.entry(STALE["solution_id"])
    store.set_status(STALE["solution_id"], "declined", seen.version, "jonas")

    # A rating is the curator's own and goes through; it does not make the panel's version new.
    for criterion in ("Wirkung", "Übertragbarkeit", "Umsetzungsreife", "Kosten-Nutzen"):
        page.get_by_role("group", name=criterion).get_by_label("2", exact=True).check()
    page.get_by_role("button", name="Bewertung speichern").click()
    expect(_feedback(page)).to_have_text(
        "Ihre Bewertung ist gespeichert (Ihr Mittel: 2,0).", timeout=SLOW
    )

    page.select_option("#curation-detail-status", "shortlisted")
    page.get_by_role("button", name="Status speichern").click()
    refusal = _feedback(page)
    expect(refusal).to_contain_text("Nicht gespeichert", timeout=SLOW)
    expect(refusal).to_contain_text("jonas")
    expect(refusal).to_contain_text("Status: Neu → Abgelehnt")
    expect(refusal).to_contain_text("Ihre Eingabe war: Status „Shortlist“.")
    assert store.entry(STALE["solution_id"]).status == "declined"
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    page.get_by_role("button", name="Aktuellen Stand laden").click()
    expect(page.locator("#curation-detail-state")).to_contain_text(
        re.compile(r"^Status „Abgelehnt“ · zuletzt geändert von jonas am "), timeout=SLOW
    )
    expect(page.locator("#curation-detail-state")).not_to_contain_text("Version")
    expect(page.locator("#curation-detail-status")).to_have_value("declined")
    expect(page.locator("#curation-table tbody tr")).to_contain_text("Abgelehnt", timeout=SLOW)
    page.get_by_label("Notizen (nur für das Kuratierungsteam sichtbar)").fill("Zu Recht abgelehnt")
    page.get_by_role("button", name="Notiz speichern").click()
    expect(_feedback(page)).to_have_text("Notiz gespeichert.", timeout=SLOW)
    assert store.entry(STALE["solution_id"]).version == 2


def test_filters_live_in_the_url_and_back_restores_each_step(curator, portal_url):
    page = curator
    _count(page, f"{format_number(len(SOLUTIONS))} Lösungen")
    page.select_option("#curation-field", "AP")
    expect(page).to_have_url(f"{portal_url}{PATH}?feld=AP")
    _count(page, f"{format_number(len(AP))} Lösungen")
    page.get_by_role("button", name=re.compile("^Neu ")).click()
    expect(page).to_have_url(f"{portal_url}{PATH}?status=new&feld=AP")
    expect(page.locator("#curation-status")).to_have_value("new")

    page.go_back()
    expect(page).to_have_url(f"{portal_url}{PATH}?feld=AP")
    expect(page.locator("#curation-status")).to_have_value("alle")
    _count(page, f"{format_number(len(AP))} Lösungen")
    page.go_back()
    expect(page).to_have_url(f"{portal_url}{PATH}")
    expect(page.locator("#curation-field")).to_have_value("alle")
    _count(page, f"{format_number(len(SOLUTIONS))} Lösungen")
    page.reload()
    expect(page.locator("#curation-field")).to_have_value("alle")


def test_a_stale_bulk_move_moves_nothing_and_names_the_change(curator, portal_url, store):
    page = curator
    page.goto(f"{portal_url}{PATH}?q={STALE_BULK['solution_id']}")
    _count(page, "1 Lösung")
    row = page.locator("#curation-table tbody tr")
    row.get_by_role("checkbox").check()
    seen = store.entry(STALE_BULK["solution_id"])
    store.set_status(STALE_BULK["solution_id"], "reviewing", seen.version, "jonas")

    page.select_option("#curation-bulk-status", "shortlisted")
    page.get_by_role("button", name="Auswahl verschieben").click()
    feedback = page.locator("#curation-bulk-feedback")
    expect(feedback).to_contain_text(f"Nichts verschoben: „{STALE_BULK['title']}“", timeout=SLOW)
    expect(feedback).to_contain_text("jonas")
    assert store.entry(STALE_BULK["solution_id"]).status == "reviewing"

    page.get_by_role("button", name="Aktuellen Stand laden").click()
    expect(row).to_contain_text("In Prüfung", timeout=SLOW)
    expect(row.get_by_role("checkbox")).to_be_checked()
    page.get_by_role("button", name="Auswahl verschieben").click()
    expect(feedback).to_have_text("1 Lösung verschoben nach „Shortlist“.", timeout=SLOW)
    assert store.entry(STALE_BULK["solution_id"]).status == "shortlisted"


def test_the_board_is_accessible_and_speaks_english(curator, portal_url):
    page = curator
    page.goto(f"{portal_url}{PATH}?feld=AP&sortierung=-bewertung&seite=2")
    expect(page.locator("#curation-table tbody tr")).to_have_count(25, timeout=SLOW)
    assert page.locator("h1").count() == 1
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    page.goto(f"{portal_url}{PATH}?q={ENGLISH['solution_id']}&lang=en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Curation")
    assert page.locator("html").get_attribute("lang") == "en"
    _count(page, "1 solution")
    page.get_by_role("button", name=f"Open: {ENGLISH['title']}").click()
    expect(page.get_by_role("dialog").get_by_role("heading", level=2)).to_have_text(
        ENGLISH["title"]
    )
    page.select_option("#curation-detail-status", "reviewing")
    page.get_by_role("button", name="Save status").click()
    expect(_feedback(page)).to_have_text("Status saved: “Reviewing”.", timeout=SLOW)
    expect(page.locator("#curation-detail-history li").first).to_contain_text(
        "Status: New → Reviewing"
    )
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.get_by_role("button", name="Close").click()
    expect(page.get_by_role("dialog")).to_have_count(0)


def test_a_curator_moves_through_the_list_in_the_panel(curator, portal_url):
    """Work through the list without closing the panel; unsaved notes hold the step."""
    page = curator
    page.goto(f"{portal_url}{PATH}?feld=SB")
    openers = page.locator("#curation-table [data-open-solution]")
    expect(openers).to_have_count(25, timeout=SLOW)
    ids = [openers.nth(i).get_attribute("data-open-solution") for i in range(3)]
    titles = [
        page.locator(f'#curation-table tr:has([data-open-solution="{sid}"]) .curation-title a')
        .first.inner_text()
        for sid in ids
    ]  # fmt: skip
    openers.first.click()
    panel = page.get_by_role("dialog")
    heading = panel.get_by_role("heading", level=2)
    expect(heading).to_have_text(titles[0], timeout=SLOW)
    steps = panel.get_by_role("navigation", name="In der Liste blättern")
    expect(steps.get_by_role("button", name="‹ Vorherige")).to_be_disabled()
    expect(steps).to_contain_text("1 von 25 auf dieser Seite")

    steps.get_by_role("button", name="Nächste ›").click()
    expect(heading).to_have_text(titles[1], timeout=SLOW)
    expect(steps).to_contain_text("2 von 25 auf dieser Seite")
    expect(steps.get_by_role("button", name="Nächste ›")).to_be_focused()
    page.keyboard.press("Enter")
    expect(heading).to_have_text(titles[2], timeout=SLOW)

    # A note typed but not saved: the step is held, with a reason, nothing is lost.
    notes = panel.get_by_label("Notizen (nur für das Kuratierungsteam sichtbar)")
    notes.fill("Noch nicht gespeichert")
    steps.get_by_role("button", name="‹ Vorherige").click()
    expect(_feedback(page)).to_contain_text("noch nicht gespeichert", timeout=SLOW)
    expect(heading).to_have_text(titles[2])
    expect(notes).to_have_value("Noch nicht gespeichert")
    notes.fill("")
    steps.get_by_role("button", name="‹ Vorherige").click()
    expect(heading).to_have_text(titles[1], timeout=SLOW)
