"""Patron matching: budgets with event and curation pledges, offers and pledges as the page makes
them, amounts typed in German, and the shortlist for a patron meeting (rows and XLSX)."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from dashboard import db
from dashboard import patrons as patronage
from dashboard.db import Database
from dashboard.ingest import import_path
from dashboard.patrons import ShortlistFilters
from dashboard.store import CurationStore, open_store
from dashboard.versions import DatasetVersions
from tests.conftest import DEMO_DIR
from tests.roles import signed_in_client

# P004: budget 100.000 €, pledged at the event 7.500 + 5.000 + 25.000 € (patronships.csv).
PATRON, PATRON_BUDGET, EVENT_PLEDGES = "P004", Decimal("100000.00"), Decimal("37500.00")
SOLUTION, OTHER, THIRD = "S00100", "S00200", "S00300"  # no event pledges, no other test's
FORMULA_TITLE = '=HYPERLINK("https://example.org","Klick")'


def _use(database: Database):
    """Point dashboard.db at `database` until the returned callable restores the session's."""
    original = db.configure(database)
    return lambda: db.configure(*original)


@pytest.fixture
def store(app, demo_data_dir, tmp_path):
    """An empty curation store of its own, seen by dashboard.db (not the session's)."""
    curation = open_store(tmp_path / "curation.sqlite")
    restore = _use(Database(DatasetVersions(demo_data_dir), curation=curation))
    yield curation
    restore()


def _shortlist(store: CurationStore, *solution_ids: str) -> None:
    for solution_id in solution_ids:
        store.set_status(solution_id, "shortlisted", store.entry(solution_id).version, "erika")


def _patron(patron_id: str) -> patronage.PatronSummary:
    return next(p for p in patronage.patrons() if p.patron_id == patron_id)


# --- budgets --------------------------------------------------------------------------------------


def test_the_remaining_budget_counts_event_and_curation_pledges(store):
    before = _patron(PATRON)
    assert (before.budget_eur, before.pledged_eur) == (PATRON_BUDGET, EVENT_PLEDGES)
    assert before.remaining_eur == Decimal("62500.00")
    _shortlist(store, SOLUTION)
    outcome = patronage.pledge(
        store, SOLUTION, PATRON, "12.500,00", "2026-11-23", seen_version=1, by="erika"
    )
    assert outcome.done, outcome.text("de")
    after = _patron(PATRON)
    assert after.pledged_eur == EVENT_PLEDGES + Decimal("12500.00")
    assert after.remaining_eur == Decimal("50000.00")
    rows = patronage.patron_patronships(PATRON)
    assert [(r.solution_id, r.source) for r in rows if r.status == "pledged"][0] == (
        SOLUTION,
        "curation",
    )
    assert sorted(r.source for r in rows) == ["curation", "event", "event", "event"]
    assert sum(r.amount_eur for r in rows) == after.pledged_eur


# --- offers and pledges as the page makes them ----------------------------------------------------


def test_offering_records_an_offered_patronship_without_moving_the_solution(store):
    _shortlist(store, SOLUTION)
    outcome = patronage.offer(store, SOLUTION, PATRON, seen_version=1, by="erika")
    assert outcome.done and outcome.text("de") == (
        "Die Lösung ist Zweckverband Quartiersentwicklung Bergland (Beispiel) angeboten."
    )
    (offer,) = store.patronships(PATRON)
    assert (offer.solution_id, offer.status, offer.amount_eur) == (SOLUTION, "offered", None)
    assert store.entry(SOLUTION).status == "shortlisted"
    assert PATRON in patronage.suggestions(SOLUTION).offered
    offered = [r for r in patronage.patron_patronships(PATRON) if r.status == "offered"]
    assert [(r.solution_id, r.solution_status) for r in offered] == [(SOLUTION, "shortlisted")]
    # Offers are no pledges: the budget stays.
    assert _patron(PATRON).remaining_eur == Decimal("62500.00")


def test_a_pledge_turns_the_offer_into_a_pledge_and_matches_the_solution(store):
    _shortlist(store, SOLUTION)
    patronage.offer(store, SOLUTION, PATRON, 1, "erika")
    outcome = patronage.pledge(store, SOLUTION, PATRON, "12500", "2026-11-23", 1, "erika")
    assert outcome.done and outcome.version == 2
    assert outcome.text("de") == (
        "Zusage von Zweckverband Quartiersentwicklung Bergland (Beispiel) über 12.500,00\u00a0€ "
        "erfasst; die Lösung hat jetzt einen Paten. Noch frei: 50.000,00\u00a0€."
    )
    (pledge,) = store.patronships(PATRON)
    assert (pledge.status, pledge.amount_eur, pledge.pledged_on) == (
        "pledged",
        Decimal("12500.00"),
        date(2026, 11, 23),
    )
    assert store.entry(SOLUTION).status == "matched"
    found = patronage.suggestions(SOLUTION)
    assert found.pledged == {PATRON: Decimal("12500.00")} and PATRON not in found.offered
    assert found.best.patron_id != PATRON


def test_an_offer_after_an_unseen_change_is_refused_and_says_what_changed(store):
    _shortlist(store, SOLUTION)  # the curator opened the page at version 1 …
    store.set_status(SOLUTION, "declined", 1, "jonas")  # … and meanwhile Jonas declined it
    outcome = patronage.offer(store, SOLUTION, PATRON, seen_version=1, by="erika")
    assert outcome.kind == "stale" and outcome.version == 2
    assert store.patronships() == []
    (change,) = outcome.changes
    text = patronage.change_text(change, "de")
    # In the audit log's words (dashboard.audit.describe: one wording on every page).
    assert text.endswith(" – jonas: Status: Shortlist → Abgelehnt")
    assert patronage.change_text(change, "en").endswith(" – jonas: Status: Shortlisted → Declined")


def test_a_pledge_after_an_unseen_change_is_refused_and_nothing_is_overwritten(store):
    _shortlist(store, SOLUTION)
    store.set_notes(SOLUTION, "Team hat abgesagt", 1, "jonas")
    outcome = patronage.pledge(store, SOLUTION, PATRON, "12.500,00", "2026-11-23", 1, "erika")
    assert outcome.kind == "stale"
    assert outcome.text("de").startswith("Nicht gespeichert")
    assert [patronage.change_text(c, "de").split(": ", 1)[1] for c in outcome.changes] == [
        "Notizen: (leer) → „Team hat abgesagt“"
    ]
    assert store.patronships() == []
    assert store.entry(SOLUTION).notes == "Team hat abgesagt"
    assert store.entry(SOLUTION).status == "shortlisted"


def test_a_pledge_larger_than_the_budget_left_is_refused(store):
    _shortlist(store, SOLUTION)
    outcome = patronage.pledge(store, SOLUTION, PATRON, "62.500,01", "2026-11-23", 1, "erika")
    assert outcome.kind == "refused" and "62.500,00\u00a0€" in outcome.text("de")
    assert store.patronships() == []
    assert patronage.pledge(store, SOLUTION, PATRON, "62.500,00", "2026-11-23", 1, "erika").done


def test_a_corrected_pledge_replaces_the_earlier_one(store):
    _shortlist(store, SOLUTION)
    patronage.pledge(store, SOLUTION, PATRON, "60.000", "2026-11-23", 1, "erika")
    # 2.500 € are left, but the new pledge replaces the 60.000 € one: 62.500 € are available.
    assert patronage.pledge(store, SOLUTION, PATRON, "61.000", "2026-11-24", 2, "erika").done
    assert _patron(PATRON).remaining_eur == Decimal("1500.00")


@pytest.mark.parametrize(
    ("amount", "pledged_on", "key"),
    [
        ("abc", "2026-11-23", "patrons_amount_invalid"),
        ("-5", "2026-11-23", "patrons_amount_not_positive"),
        ("1,234", "2026-11-23", "patrons_amount_ambiguous"),
        ("100", "", "patrons_date_invalid"),
        ("100", "23.11.2026", "patrons_date_invalid"),
    ],
)
def test_nonsense_is_refused_with_a_clear_message_and_nothing_is_written(
    store, amount, pledged_on, key
):
    _shortlist(store, SOLUTION)
    outcome = patronage.pledge(store, SOLUTION, PATRON, amount, pledged_on, 1, "erika")
    assert (outcome.kind, outcome.key) == ("refused", key)
    assert store.patronships() == [] and store.entry(SOLUTION).status == "shortlisted"


def test_an_unknown_patron_or_solution_is_refused(store):
    _shortlist(store, SOLUTION)
    assert patronage.offer(store, SOLUTION, "P999", 1, "erika").kind == "refused"
    assert patronage.pledge(store, "S99999", PATRON, "5", "2026-11-23", 0, "erika").kind == (
        "refused"
    )
    assert store.patronships() == []


# --- amounts typed in German ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("12.500,00", "12500.00"),
        ("12500", "12500.00"),
        ("12500,5", "12500.50"),
        ("1.234.567,89", "1234567.89"),
        ("1.234", "1234.00"),  # the point groups thousands in German
        ("12 500,00", "12500.00"),
        ("12\u00a0500,00\u00a0€", "12500.00"),
        ("€ 250", "250.00"),
        ("  7500 EUR ", "7500.00"),
        ("0,01", "0.01"),
    ],
)
def test_german_amounts_are_read_exactly(text, amount):
    parsed = patronage.parse_amount(text)
    assert isinstance(parsed, Decimal) and parsed == Decimal(amount)
    assert str(parsed) == amount


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "patrons_amount_empty"),
        ("   ", "patrons_amount_empty"),
        (None, "patrons_amount_empty"),
        ("abc", "patrons_amount_invalid"),
        ("-5", "patrons_amount_not_positive"),
        ("−5", "patrons_amount_not_positive"),
        ("0", "patrons_amount_not_positive"),
        ("0,00", "patrons_amount_not_positive"),
        ("1,234", "patrons_amount_ambiguous"),
        ("12,345", "patrons_amount_ambiguous"),
        ("1.234,567", "patrons_amount_too_precise"),
        ("12,5678", "patrons_amount_too_precise"),
        ("12500.50", "patrons_amount_invalid"),  # a decimal point: not German
        ("12,500.00", "patrons_amount_invalid"),
        ("12.50,00", "patrons_amount_invalid"),
        ("1.5", "patrons_amount_invalid"),
        ("12,", "patrons_amount_invalid"),
        ("+5", "patrons_amount_invalid"),
        ("5e3", "patrons_amount_invalid"),
        ("NaN", "patrons_amount_invalid"),
        ("1.000.000.000.000,00", "patrons_amount_too_large"),
    ],
)
def test_nonsense_amounts_are_refused(text, key):
    with pytest.raises(patronage.Refused) as info:
        patronage.parse_amount(text)
    assert info.value.key == key


def test_refusals_say_what_to_type_in_both_languages():
    with pytest.raises(patronage.Refused) as info:
        patronage.parse_amount("1,234")
    assert "1.234,00 € oder 1,23 €" in info.value.text("de")
    assert "Do you mean 1.234,00 € or 1,23 €?" in info.value.text("en")
    with pytest.raises(patronage.Refused) as info:
        patronage.parse_amount("abc")
    assert (
        info.value.text("de") == "„abc“ ist kein Betrag. Bitte so eingeben: 12.500,00 oder 12500."
    )


# --- the shortlist for a patron meeting -----------------------------------------------------------


def _demo_solutions() -> dict[str, dict[str, str]]:
    with open(DEMO_DIR / "solutions.csv", encoding="utf-8", newline="") as fh:
        return {r["solution_id"]: r for r in csv.DictReader(fh)}


def _rows(table) -> list[dict]:
    keys = [c.key for c in table.columns]
    return [dict(zip(keys, row, strict=True)) for row in table.rows]


def test_the_shortlist_holds_exactly_the_shortlisted_solutions_with_ratings_and_a_patron(store):
    _shortlist(store, SOLUTION, OTHER, THIRD)
    store.set_status(THIRD, "matched", 1, "erika")
    store.set_notes(SOLUTION, "Stark im Pilot", 1, "erika")
    store.rate(SOLUTION, "erika", {"impact": 5, "transferability": 4, "readiness": 3,
                                   "cost_effectiveness": 4})  # fmt: skip
    store.rate(SOLUTION, "jonas", {"impact": 3, "transferability": 4, "readiness": 3,
                                   "cost_effectiveness": 2})  # fmt: skip
    rows = _rows(patronage.shortlist(ShortlistFilters.from_url({}), "de"))
    assert [r["link"] for r in rows] == [f"/loesungen/{SOLUTION}", f"/loesungen/{OTHER}"]
    first = rows[0]
    solutions = _demo_solutions()
    assert first["titel"] == solutions[SOLUTION]["title"]
    assert first["team"] == solutions[SOLUTION]["team_name"]
    assert first["video"] == solutions[SOLUTION]["video_url"]
    assert (first["bewertung"], first["bewertende"]) == (3.5, 2)
    assert (first["impact"], first["readiness"], first["cost_effectiveness"]) == (4.0, 3.0, 3.0)
    assert first["notizen"] == "Stark im Pilot"
    assert first["herausforderung"] and first["organisation"]
    best = patronage.suggestions(SOLUTION).best
    assert first["pate"] == best.name
    assert first["begruendung"] == "; ".join(best.reason_texts("de", positive_only=True))
    assert rows[1]["bewertung"] is None and rows[1]["bewertende"] == 0
    matched = _rows(patronage.shortlist(ShortlistFilters.from_url({"status": "matched"}), "de"))
    assert [r["link"] for r in matched] == [f"/loesungen/{THIRD}"]
    # An unknown status is the default, an unknown field or event "all".
    assert len(
        _rows(
            patronage.shortlist(
                ShortlistFilters.from_url({"status": "x", "feld": "x", "veranstaltung": "x"}), "de"
            )
        )
    )


def test_the_shortlist_filters_by_event_and_action_field(store):
    # S00100, S00200: event E2, disability support; S00300: E2, care; S00017: E1, care.
    _shortlist(store, SOLUTION, OTHER, THIRD, "S00017")

    def ids(params):
        return sorted(
            r["link"].rsplit("/", 1)[1]
            for r in _rows(patronage.shortlist(ShortlistFilters.from_url(params), "en"))
        )

    assert ids({"feld": "EGH"}) == [SOLUTION, OTHER]
    assert ids({"feld": "AP"}) == ["S00017", THIRD]
    assert ids({"veranstaltung": "E1"}) == ["S00017"]
    assert ids({"veranstaltung": "E1", "feld": "EGH"}) == []
    assert patronage.shortlist(ShortlistFilters.from_url({}), "en").columns[0].label == "Solution"


@pytest.fixture
def formula_data(app, tmp_path):
    """Demo data in which one solution's title looks like an Excel formula, and a store in which
    it and one other solution are shortlisted."""
    exports = tmp_path / "exports"
    shutil.copytree(DEMO_DIR, exports)
    path = exports / "solutions.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fieldnames, rows = reader.fieldnames, list(reader)
    for row in rows:
        if row["solution_id"] == SOLUTION:
            row["title"] = FORMULA_TITLE
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fieldnames)
        writer.writeheader()
        writer.writerows(rows)
    import_path(DatasetVersions(tmp_path / "data"), exports, imported_by="test")
    curation = open_store(tmp_path / "curation.sqlite")
    _shortlist(curation, SOLUTION, OTHER)
    curation.set_status(THIRD, "reviewing", 0, "erika")
    restore = _use(Database(DatasetVersions(tmp_path / "data"), curation=curation))
    yield
    restore()


def test_curators_download_the_shortlist_as_xlsx_with_formulas_kept_as_text(app, formula_data):
    client = signed_in_client(app, "curator", address="10.66.0.1")
    response = client.get("/daten/shortlist.xlsx")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="shortlist.xlsx"'
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Lösung", "Link", "Herausforderung")
    assert sorted(r[1] for r in rows[1:]) == [f"/loesungen/{SOLUTION}", f"/loesungen/{OTHER}"]
    cell = next(c for c in sheet["A"] if c.value == FORMULA_TITLE)
    assert cell.data_type == "s"  # text, never a formula Excel would run
    csv_text = client.get("/daten/shortlist.csv").data.decode("utf-8-sig")
    assert "'" + FORMULA_TITLE.replace('"', '""') in csv_text


def test_the_shortlist_download_is_refused_to_anonymous_visitors_and_leadership(app):
    assert app.server.test_client().get("/daten/shortlist.xlsx").status_code == 401
    leadership = signed_in_client(app, "leadership", address="10.66.0.2")
    assert leadership.get("/daten/shortlist.xlsx").status_code == 403
