"""The curation board in a browser: filters, the detail panel's saves, bulk moves, stale saves."""

from __future__ import annotations

import csv
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from dashboard.contract import youtube_video_id
from dashboard.i18n import format_fixed, format_number
from dashboard.store import CRITERIA, CurationStore, open_store
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


def _opener(page: Page, solution: dict[str, str]):
    """A row's title: the button that opens the panel (named with the id: titles repeat)."""
    return page.get_by_role("button", name=f"{solution['title']} ({solution['solution_id']})")


def _open(page: Page, solution: dict[str, str]) -> None:
    _opener(page, solution).click()
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
    _opener(page, ENGLISH).click()
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
        page.locator(f'#curation-table [data-open-solution="{sid}"]').get_attribute("title")
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


# --- the curator's fast path -----------------------------------------------------------------

WALKER = "lena"  # a curator of these tests only: every solution is "not rated by me yet" for her
WALK_FIELD = "MI"  # a field no other test writes to
BY_ID = {s["solution_id"]: s for s in SOLUTIONS}
EMBED = "https://www.youtube-nocookie.com/embed/"
STATUS_LABELS = {"new": "Neu", "reviewing": "In Prüfung", "shortlisted": "Shortlist"}


def _axe(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def _tab_to(page: Page, selector: str, limit: int = 120, back: bool = False) -> None:
    """Tab (or Shift+Tab) until the element is focused: the keyboard's own way there."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
        page.keyboard.press("Shift+Tab" if back else "Tab")
    raise AssertionError(f"{selector} never got the focus")


def _fake_player(page: Page) -> None:
    """The test machine has no internet: the player's host answers with a stub page."""
    page.route(
        f"{EMBED}**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<!doctype html><title>Video</title>"
        ),
    )


@pytest.fixture
def walker(watch, portal_url, portal_instance) -> Page:
    password = create_account(portal_instance, WALKER, "curator")
    sign_in(watch.page, portal_url, WALKER, password, PATH)
    return watch.page


def test_a_curator_walks_through_ten_solutions_with_the_keyboard_alone(
    walker, watch, portal_url, store
):
    """Open, rate (1–5), set the status, write a note, "Speichern & weiter" – ten times, the
    keyboard only; every change in the audit log."""
    page = walker
    in_field = [s for s in SOLUTIONS if s["action_field"] == WALK_FIELD]
    page.goto(f"{portal_url}{PATH}?feld={WALK_FIELD}&bewertung=nicht-von-mir")
    progress = page.locator("#curation-progress")
    expect(progress).to_contain_text(
        f"0 von {format_number(len(in_field))} gesichtet", timeout=SLOW
    )
    expect(page.get_by_role("button", name="Noch nicht von mir bewertet")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(page.locator(".curation-order")).to_have_text(
        "Reihenfolge: neue zuerst, darin die ältesten zuerst (nach Eingang)"
    )
    openers = page.locator("#curation-table [data-open-solution]")
    expect(openers).to_have_count(25, timeout=SLOW)
    order = [openers.nth(i).get_attribute("data-open-solution") for i in range(11)]
    # The default order: all new here, so the oldest submission first.
    dates = [BY_ID[sid]["submitted_on"] for sid in order]
    assert dates == sorted(dates)
    with_video = next(sid for sid in order[:10] if BY_ID[sid]["video_url"])
    _axe(page)

    _tab_to(page, f'[data-open-solution="{order[0]}"]')
    page.keyboard.press("Enter")
    panel = page.get_by_role("dialog")
    heading = panel.locator("#curation-detail-heading")
    expect(heading).to_have_text(BY_ID[order[0]]["title"], timeout=SLOW)
    keys = panel.locator("#curation-detail-keys")
    expect(keys).to_contain_text("J/K nächste/vorherige")
    expect(keys).to_contain_text("Strg+Enter Speichern & weiter")
    _axe(page)

    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    feedback = _feedback(page)
    status_select = page.locator("#curation-detail-status")
    notes = panel.get_by_label("Notizen (nur für das Kuratierungsteam sichtbar)")
    done: dict[str, tuple[list[int], str, str]] = {}
    for i in range(10):
        sid = order[i]
        expect(heading).to_have_attribute("data-solution", sid, timeout=SLOW)
        if i == 3:
            # Next and previous by key; the heading keeps the focus, so a screen reader reads it.
            page.keyboard.press("j")
            expect(heading).to_have_attribute("data-solution", order[i + 1], timeout=SLOW)
            expect(heading).to_be_focused()
            page.keyboard.press("Alt+ArrowUp")
            expect(heading).to_have_attribute("data-solution", sid, timeout=SLOW)
            expect(heading).to_be_focused()
        if sid == with_video:
            _check_the_video_waits_for_consent(page, watch, requests, BY_ID[sid])
        scores = [1 + (i + k) % 5 for k in range(4)]
        for score in scores:
            page.keyboard.press(str(score))
        # After the fourth criterion the focus moves on to the status.
        expect(status_select).to_be_focused()
        status = "reviewing" if i % 2 == 0 else "shortlisted"
        for _ in range(1 if status == "reviewing" else 2):
            page.keyboard.press("ArrowDown")
        expect(status_select).to_have_value(status)
        _tab_to(page, "#curation-detail-notes")
        # In the notes digits and letters are text, not keys: nothing else moves.
        note = f"Gesichtet {i + 1}: jetzt klar, 5 von 5"
        page.keyboard.type(note)
        expect(notes).to_have_value(note)
        expect(heading).to_have_attribute("data-solution", sid)
        expect(
            panel.get_by_role("group", name="Wirkung").get_by_label(str(scores[0]))
        ).to_be_checked()
        if i % 2 == 0:
            page.keyboard.press("Control+Enter")
        else:
            _tab_to(page, "#curation-save-next")
            page.keyboard.press("Enter")
        mean = format_fixed(sum(scores) / 4, 1)
        expect(feedback).to_contain_text(
            f"Gespeichert: Ihre Bewertung (Ihr Mittel: {mean}); Status „{STATUS_LABELS[status]}“; "
            f"Notiz. Weiter mit „{BY_ID[order[i + 1]]['title']}“.",
            timeout=SLOW,
        )
        expect(heading).to_have_attribute("data-solution", order[i + 1], timeout=SLOW)
        expect(heading).to_be_focused()
        expect(panel.locator("#curation-detail-progress")).to_contain_text(
            f"{format_number(i + 1)} von {format_number(len(in_field))} gesichtet"
        )
        done[sid] = (scores, status, note)
        if i == 0:
            _axe(page)

    expect(progress).to_contain_text(
        f"10 von {format_number(len(in_field))} gesichtet", timeout=SLOW
    )
    # The ten left "not rated by me yet"; the panel shows the eleventh, in the board's first row.
    _count(page, f"{format_number(len(in_field) - 10)} Lösungen")
    expect(openers.first).to_have_attribute("data-open-solution", order[10], timeout=SLOW)
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.locator(f'[data-open-solution="{order[10]}"]')).to_be_focused()
    _axe(page)

    for sid, (scores, status, note) in done.items():
        entry = store.entry(sid)
        assert (entry.status, entry.notes, entry.updated_by) == (status, note, WALKER), sid
        assert store.ratings(sid)[WALKER] == dict(zip(CRITERIA, scores, strict=True))
        logged = store.audit_entries(object_id=sid, who=WALKER)
        assert sorted(e["action"] for e in logged) == ["entry.notes", "entry.status", "rating.set"]
    assert store.ratings(order[10]) == {}

    # And in the audit log as curators read it.
    page.goto(f"{portal_url}/admin/protokoll?person={WALKER}")
    expect(page.get_by_text("30 Einträge für diese Auswahl.")).to_be_visible(timeout=SLOW)
    _axe(page)


def _check_the_video_waits_for_consent(page: Page, watch, requests: list[str], solution) -> None:
    """The video behind the public page's two-click consent: nothing to YouTube before the
    click, then youtube-nocookie.com only; the keyboard gets out of the player again."""
    video_id = youtube_video_id(solution["video_url"])
    panel = page.get_by_role("dialog")
    expect(panel.get_by_role("button", name="Video laden")).to_be_visible()
    expect(panel.locator("iframe")).to_have_count(0)
    assert not [url for url in requests if "youtu" in url or "google" in url]
    assert watch.foreign_requests == []
    _fake_player(page)
    _tab_to(page, "#curation-video-load")
    with page.expect_request(lambda request: request.url.startswith(EMBED + video_id)):
        page.keyboard.press("Enter")
    frame = panel.locator("iframe")
    expect(frame).to_have_attribute("src", re.compile("^" + re.escape(EMBED + video_id)))
    expect(frame).to_have_attribute("title", f"Video: {solution['title']}")
    page.wait_for_function("document.activeElement && document.activeElement.tagName === 'IFRAME'")
    assert all(url.startswith(EMBED) for url in watch.foreign_requests)
    watch.foreign_requests.clear()
    _axe(page)
    # Out of the player with the keyboard, on in the panel (where the keys work again).
    page.keyboard.press("Tab")
    page.wait_for_function(
        "document.activeElement && document.activeElement.tagName !== 'IFRAME'"
        " && !!document.activeElement.closest('#curation-detail-body')"
    )


def test_the_fast_path_speaks_english_and_refuses_a_stale_save(walker, portal_url, store):
    page = walker
    field = "EGH"
    in_field = [s for s in SOLUTIONS if s["action_field"] == field]
    page.goto(f"{portal_url}{PATH}?feld={field}&lang=en")
    expect(page.locator("#curation-progress")).to_contain_text(
        f"0 of {len(in_field)} reviewed", timeout=SLOW
    )
    openers = page.locator("#curation-table [data-open-solution]")
    expect(openers).to_have_count(25, timeout=SLOW)
    order = [openers.nth(i).get_attribute("data-open-solution") for i in range(3)]
    _tab_to(page, f'[data-open-solution="{order[0]}"]')
    page.keyboard.press("Enter")
    panel = page.get_by_role("dialog")
    heading = panel.locator("#curation-detail-heading")
    expect(heading).to_have_text(BY_ID[order[0]]["title"], timeout=SLOW)
    expect(panel.locator("#curation-detail-keys")).to_contain_text("Ctrl+Enter Save & next")
    for score in "3333":
        page.keyboard.press(score)
    page.keyboard.press("Control+Enter")
    feedback = _feedback(page)
    expect(feedback).to_have_text(
        f"Saved: your rating (your mean: 3.0). Next: “{BY_ID[order[1]]['title']}”.", timeout=SLOW
    )
    expect(heading).to_be_focused()
    expect(panel.locator("#curation-detail-progress")).to_contain_text(
        f"1 of {len(in_field)} reviewed"
    )
    _axe(page)

    # Meanwhile another curator declines the next one: the one save is refused whole.
    seen = store.entry(order[1])
    store.set_status(order[1], "declined", seen.version, "jonas")
    _tab_to(page, "#curation-detail-status")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Control+Enter")
    expect(feedback).to_contain_text("Not saved", timeout=SLOW)
    expect(feedback).to_contain_text("Status: New → Declined")
    expect(feedback).to_contain_text("Your input was: status “Reviewing”.")
    expect(heading).to_have_attribute("data-solution", order[1])
    assert store.entry(order[1]).status == "declined"
    _axe(page)
    page.get_by_role("button", name="Load the current state").click()
    expect(page.locator("#curation-detail-state")).to_contain_text(
        "Status “Declined”", timeout=SLOW
    )
    expect(page.locator("#curation-detail-status")).to_have_value("declined")
    expect(heading).to_be_focused()  # not lost with the notice's button
    page.keyboard.press("Control+Enter")  # nothing to save: on to the next one
    expect(feedback).to_have_text(
        f"Nothing changed. Next: “{BY_ID[order[2]]['title']}”.", timeout=SLOW
    )
    assert store.entry(order[1]).version == seen.version + 1


def test_rows_are_one_line_and_the_tick_box_and_title_stay_in_view(curator, portal_url):
    page = curator
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{portal_url}{PATH}?feld=KJF")
        rows = page.locator("#curation-table tbody tr")
        expect(rows).to_have_count(25, timeout=SLOW)
        heights = rows.evaluate_all("rows => rows.map(r => r.getBoundingClientRect().height)")
        line = rows.first.evaluate("r => parseFloat(getComputedStyle(r).lineHeight) || 24")
        assert max(heights) < 2 * line, (width, heights)
        # A long title ends in "…"; the whole of it is its title and its accessible name.
        cut = page.locator("#curation-table .curation-open").evaluate_all(
            "bs => bs.filter(b => b.scrollWidth > b.clientWidth)"
            ".map(b => [b.title, b.getAttribute('data-open-solution')])"
        )
        assert cut, "no title was long enough to be cut"
        title, sid = cut[0]
        assert title == BY_ID[sid]["title"]
        expect(page.get_by_role("button", name=f"{title} ({sid})", exact=True)).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        if width == 390:
            cell = page.locator("#curation-table tbody td.curation-title").first
            box = page.locator("#curation-table tbody td.curation-check").first
            before = (cell.bounding_box()["x"], box.bounding_box()["x"])
            page.locator("#curation-table .table-region").evaluate("r => { r.scrollLeft = 500; }")
            assert page.locator("#curation-table .table-region").evaluate("r => r.scrollLeft") > 0
            after = (cell.bounding_box()["x"], box.bounding_box()["x"])
            assert max(abs(a - b) for a, b in zip(before, after, strict=True)) < 1
        _axe(page)


def test_the_order_and_the_not_mine_switch_live_in_the_url(curator, portal_url):
    page = curator
    page.goto(f"{portal_url}{PATH}?feld=WA")
    order = page.locator(".curation-order")
    expect(order).to_have_text(
        "Reihenfolge: neue zuerst, darin die ältesten zuerst (nach Eingang)", timeout=SLOW
    )
    page.locator('#curation-table [data-sort-key="titel"]').click()
    expect(page).to_have_url(f"{portal_url}{PATH}?feld=WA&sortierung=titel")
    expect(order).to_contain_text("nach Titel (aufsteigend)", timeout=SLOW)
    page.get_by_role("button", name="Zur Standardreihenfolge").click()
    expect(page).to_have_url(f"{portal_url}{PATH}?feld=WA")
    expect(order).to_contain_text("neue zuerst", timeout=SLOW)
    expect(page.locator("#curation-results-heading")).to_be_focused()

    switch = page.get_by_role("button", name="Noch nicht von mir bewertet")
    expect(switch).to_have_attribute("aria-pressed", "false")
    switch.click()
    expect(page).to_have_url(f"{portal_url}{PATH}?feld=WA&bewertung=nicht-von-mir")
    expect(switch).to_have_attribute("aria-pressed", "true", timeout=SLOW)
    expect(page.locator("#curation-rating")).to_have_value("nicht-von-mir")
    _axe(page)
    switch.click()
    expect(page).to_have_url(f"{portal_url}{PATH}?feld=WA")
    expect(switch).to_have_attribute("aria-pressed", "false", timeout=SLOW)
    page.go_back()
    expect(page).to_have_url(f"{portal_url}{PATH}?feld=WA&bewertung=nicht-von-mir")
    expect(switch).to_have_attribute("aria-pressed", "true", timeout=SLOW)
