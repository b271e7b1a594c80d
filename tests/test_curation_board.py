"""The curation board: its filters and counts against the store's state, saves that refuse stale
versions and say what changed, the URL state, the download."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from dashboard import audit
from dashboard import curation_board as board
from dashboard.store import STATUSES
from tests.conftest import DEMO_DIR
from tests.folding import normalise
from tests.roles import signed_in_client


def _demo(table: str) -> list[dict[str, str]]:
    with open(DEMO_DIR / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


SOLUTIONS = _demo("solutions")
FOUR = {"impact": 4, "transferability": 4, "readiness": 4, "cost_effectiveness": 4}


def _ids(filters: board.CurationFilters, **kwargs) -> list[str]:
    board_page = board.board(filters, "de", page_size=50, **kwargs)
    assert board_page.total <= 50, "narrow the filters: the test reads one page"
    return [r.solution_id for r in board_page.rows]


def test_untouched_solutions_are_new_and_counted_per_status(curated):
    result = board.board(board.CurationFilters(), "de")
    assert result.total == len(SOLUTIONS) == 1540
    assert result.counts == {status: (1540 if status == "new" else 0) for status in STATUSES}
    assert (result.page, result.pages, len(result.rows)) == (1, 62, 25)
    assert all(r.status == "new" and r.version == 0 and r.raters == 0 for r in result.rows)


def test_status_filter_and_counts_follow_the_store(curated):
    curated.bulk_set_status({"S00001": 0, "S00002": 0}, "shortlisted", "erika")
    curated.set_status("S00003", "declined", 0, "jonas")
    counts = board.status_counts(board.CurationFilters())
    assert (counts["new"], counts["shortlisted"], counts["declined"]) == (1537, 2, 1)
    assert _ids(board.CurationFilters(status="shortlisted")) == sorted(
        ["S00001", "S00002"], key=lambda i: normalise(next(s["title"] for s in SOLUTIONS
                                                          if s["solution_id"] == i))
    )  # fmt: skip
    row = board.board(board.CurationFilters(status="declined"), "de").rows[0]
    assert (row.solution_id, row.version, row.updated_by) == ("S00003", 1, "jonas")


def test_counts_ignore_the_status_filter_but_keep_the_others(curated):
    curated.set_status("S00001", "reviewing", 0, "erika")
    field = next(s["action_field"] for s in SOLUTIONS if s["solution_id"] == "S00001")
    in_field = sum(1 for s in SOLUTIONS if s["action_field"] == field)
    result = board.board(board.CurationFilters(action_field=field, status="new"), "de")
    assert result.total == in_field - 1
    assert result.counts["reviewing"] == 1 and result.counts["new"] == in_field - 1


def test_field_and_event_filters_match_the_demo_csv(curated):
    for field in ("AP", "KJF"):
        expected = sum(1 for s in SOLUTIONS if s["action_field"] == field)
        assert board.board(board.CurationFilters(action_field=field), "de").total == expected
    both = sum(1 for s in SOLUTIONS if s["action_field"] == "AP" and s["event_id"] == "E2")
    filters = board.CurationFilters(event_id="E2", action_field="AP")
    assert board.board(filters, "de").total == both


def test_rating_filters_use_the_mean_over_curators_and_criteria(curated):
    curated.rate("S00010", "erika", {**FOUR, "impact": 5})  # 4.25
    curated.rate("S00010", "jonas", FOUR)  # mean over both: 4.125
    curated.rate("S00011", "jonas", {c: 2 for c in FOUR})
    assert _ids(board.CurationFilters(min_rating=4.0)) == ["S00010"]
    assert _ids(board.CurationFilters(min_rating=4.5)) == []
    rated = board.board(board.CurationFilters(min_rating=2.0), "de", "rating", True).rows
    assert [(r.solution_id, r.mean_rating, r.raters) for r in rated] == [
        ("S00010", 4.125, 2),
        ("S00011", 2.0, 1),
    ]
    assert board.board(board.CurationFilters(unrated=True), "de").total == 1538
    not_by_erika = board.board(board.CurationFilters(not_rated_by="erika"), "de").total
    assert not_by_erika == 1539


def test_patron_filter_sees_event_pledges_and_curation_offers(curated):
    pledges = _demo("patronships")
    patron = pledges[0]["patron_id"]
    pledged_by_patron = {p["solution_id"] for p in pledges if p["patron_id"] == patron}
    curated.offer("S00020", patron, "erika")
    assert set(_ids(board.CurationFilters(patron_id=patron))) == pledged_by_patron | {"S00020"}
    with_any = {p["solution_id"] for p in pledges} | {"S00020"}
    assert set(_ids(board.CurationFilters(patronage="any"))) == with_any
    without = board.board(board.CurationFilters(patronage="none"), "de").total
    assert without == 1540 - len(with_any)


def test_a_curation_pledge_counts_for_its_patron(curated):
    curated.pledge("S00021", "P002", Decimal("500.00"), date(2026, 1, 5), 0, "erika")
    assert "S00021" in _ids(board.CurationFilters(patron_id="P002"))
    assert _ids(board.CurationFilters(status="matched")) == ["S00021"]


def test_text_search_finds_titles_ids_and_notes_in_any_spelling(curated):
    title = next(s["title"] for s in SOLUTIONS if s["solution_id"] == "S00030")
    word = max(title.split(":")[0].split(), key=len)
    expected = sum(
        1
        for s in SOLUTIONS
        if normalise(word)
        in normalise(" ".join([s["title"], s["summary"], s["team_name"], s["tags"]]))
    )
    assert board.board(board.CurationFilters(query=word), "de").total == expected
    assert _ids(board.CurationFilters(query="s00030")) == ["S00030"]
    curated.set_notes("S00031", "Gespräch mit Frau Quäkelmann in der Grünkohlstraße", 0, "erika")
    for spelling in ("quaekelmann gruenkohlstrasse", "Quäkelmann Grünkohlstraße", "QUAKELMANN"):
        assert _ids(board.CurationFilters(query=spelling)) == ["S00031"], spelling


def test_sorting_by_status_follows_the_pipeline(curated):
    curated.set_status("S00040", "scaling", 0, "erika")
    curated.set_status("S00041", "reviewing", 0, "erika")
    filters = board.CurationFilters(query="s0004")  # S00040 … S00049
    rows = board.board(filters, "de", "status", True).rows
    assert [r.status for r in rows[:2]] == ["scaling", "reviewing"]
    rows = board.board(filters, "de", "updated", True).rows
    assert rows[0].solution_id == "S00041" and rows[-1].updated_at is None


def _submitted(solution_id: str) -> str:
    return next(s["submitted_on"] for s in SOLUTIONS if s["solution_id"] == solution_id)


def test_the_default_order_is_new_first_then_the_oldest_submission(curated):
    field = "SB"
    in_field = [s for s in SOLUTIONS if s["action_field"] == field]
    oldest = min(in_field, key=lambda s: s["submitted_on"])["solution_id"]
    curated.set_status(oldest, "reviewing", 0, "erika")
    view = board.board_view({"feld": field, "anzahl": "100"}, "de", "erika")
    assert (view.sort, view.descending) == ("neu", False)
    assert view.query() == "feld=SB"  # the default order stays out of the URL
    found = board.order(view, "de")
    assert len(found) == len(in_field)
    statuses = [r.status for r in found]
    assert statuses[-1] == "reviewing" and set(statuses[:-1]) == {"new"}
    dates = [_submitted(r.solution_id) for r in found[:-1]]
    assert dates == sorted(dates)
    # Only one direction: "-neu" is the default order too.
    assert board.board_sort("-neu") == ("neu", False)
    assert board.board_sort("-eingang") == ("eingang", True)
    newest = board.board_view({"feld": field, "sortierung": "-eingang"}, "de", "erika")
    assert _submitted(newest.board.rows[0].solution_id) == max(s["submitted_on"] for s in in_field)


def test_progress_counts_what_i_rated_under_the_filters_but_the_rating_filter(curated):
    in_field = [s["solution_id"] for s in SOLUTIONS if s["action_field"] == "AP"]
    curated.rate(in_field[0], "erika", FOUR)
    curated.rate(in_field[1], "erika", FOUR)
    curated.rate(in_field[2], "jonas", FOUR)  # not mine
    elsewhere = next(s["solution_id"] for s in SOLUTIONS if s["action_field"] != "AP")
    curated.rate(elsewhere, "erika", FOUR)  # not under the filters
    view = board.board_view({"feld": "AP", "bewertung": "nicht-von-mir"}, "de", "erika")
    assert view.progress == board.Progress(solutions=len(in_field), rated=2)
    assert view.board.total == len(in_field) - 2  # the rest of the pile
    assert board.board_view({"feld": "AP"}, "de", "jonas").progress.rated == 1


def test_a_place_knows_its_neighbours_across_pages(curated):
    view = board.board_view({"feld": "AP"}, "de", "erika")
    ordered = [r.solution_id for r in board.order(view, "de")]
    last_on_first = board.place(view, "de", ordered[24])
    assert (last_on_first.page, last_on_first.row, last_on_first.page_rows) == (1, 25, 25)
    assert last_on_first.next.solution_id == ordered[25]
    first_on_second = board.place(view, "de", ordered[25])
    assert (first_on_second.page, first_on_second.row) == (2, 1)
    assert first_on_second.previous.solution_id == ordered[24]
    first = board.place(view, "de", ordered[0])
    assert first.previous is None and first.index == 0


def test_a_row_that_left_the_filters_takes_its_neighbours_from_the_rows_seen(curated):
    params = {"feld": "AP", "bewertung": "nicht-von-mir"}
    seen = [r.solution_id for r in board.board_view(params, "de", "erika").board.rows]
    curated.rate(seen[3], "erika", FOUR)  # now it is no longer "not rated by me"
    view = board.board_view(params, "de", "erika")
    where = board.place(view, "de", seen[3], seen)
    assert where.index is None and where.page is None
    assert (where.previous.solution_id, where.next.solution_id) == (seen[2], seen[4])


# --- saves ---------------------------------------------------------------------------------------


def test_a_status_save_on_the_seen_version_is_written_and_logged(curated):
    result = board.save_status(curated, "S00050", "reviewing", 0, "new", "erika", "de")
    assert result.saved and result.entry.version == 1
    assert result.message == "Status gespeichert: „In Prüfung“."
    (log,) = curated.audit_entries(object_id="S00050")
    assert (log["who"], log["before"]["status"], log["after"]["status"]) == (
        "erika",
        "new",
        "reviewing",
    )


def test_a_stale_status_save_is_refused_and_names_the_change_in_between(curated):
    curated.set_status("S00051", "declined", 0, "jonas")
    result = board.save_status(curated, "S00051", "shortlisted", 0, "new", "erika", "de")
    assert result.outcome == "stale" and not result.saved
    assert "Nicht gespeichert" in result.message and "„Shortlist“" in result.message
    (change,) = result.changes
    assert change.who == "jonas" and change.what == "Status: Neu → Abgelehnt"
    assert curated.entry("S00051").status == "declined"
    english = board.save_status(curated, "S00051", "shortlisted", 0, "new", "erika", "en")
    assert english.message.startswith("Not saved") and english.changes[0].what == (
        "Status: New → Declined"
    )


def test_a_stale_notes_save_keeps_the_other_text_and_returns_the_unsaved_one(curated):
    curated.set_notes("S00052", "Erst klären: Datenschutz", 0, "jonas")
    result = board.save_notes(curated, "S00052", "Sehr stark", 0, "", "erika", "de")
    assert result.outcome == "stale"
    assert "„Sehr stark“" in result.message
    assert result.changes[0].what == "Notizen: (leer) → „Erst klären: Datenschutz“"
    assert curated.entry("S00052").notes == "Erst klären: Datenschutz"


def test_nothing_to_save_writes_nothing(curated):
    assert board.save_status(curated, "S00053", "new", 0, "new", "erika", "de").outcome == (
        "unchanged"
    )
    assert board.save_notes(curated, "S00053", "  ", 0, "", "erika", "de").outcome == "unchanged"
    assert curated.audit_entries(object_id="S00053") == []


def test_unknown_solutions_and_statuses_are_refused(curated):
    assert board.save_status(curated, "S99999", "reviewing", 0, "new", "e", "de").outcome == (
        "invalid"
    )
    assert board.save_status(curated, "S00054", "archived", 0, "new", "e", "de").outcome == (
        "invalid"
    )
    assert board.bulk_move(curated, {"S00054": 0, "X1": 0}, "reviewing", "e", "de").outcome == (
        "invalid"
    )
    assert curated.audit_entries() == []


def test_a_rating_needs_all_four_criteria_and_replaces_the_own_earlier_one(curated):
    partial = board.save_rating(curated, "S00055", "erika", {"impact": 5}, "de")
    assert partial.outcome == "invalid" and curated.ratings("S00055") == {}
    assert board.save_rating(curated, "S00055", "erika", FOUR, "de").saved
    done = board.save_rating(curated, "S00055", "erika", {**FOUR, "impact": 2}, "de")
    assert done.message == "Ihre Bewertung ist gespeichert (Ihr Mittel: 3,5)."
    assert curated.ratings("S00055") == {"erika": {**FOUR, "impact": 2}}


def _seen(curated, solution_id: str, username: str = "erika") -> board.Seen:
    entry = curated.entry(solution_id)
    mine = curated.ratings(solution_id).get(username, {})
    return board.Seen(entry.version, entry.status, entry.notes, mine)


def test_save_and_next_saves_rating_status_and_notes_in_one_save(curated):
    sid = "S00056"
    result = board.save_review(
        curated, sid, _seen(curated, sid), "reviewing", " Gutes Video ", FOUR, "erika", "de"
    )
    assert result.saved
    assert result.message == (
        "Gespeichert: Ihre Bewertung (Ihr Mittel: 4,0); Status „In Prüfung“; Notiz."
    )
    entry = curated.entry(sid)
    assert (entry.status, entry.notes, entry.updated_by) == ("reviewing", "Gutes Video", "erika")
    assert curated.ratings(sid) == {"erika": FOUR}
    lines = [audit.change_line(e, "de").what for e in curated.audit_entries(object_id=sid)]
    assert lines == [
        "Bewertung: Wirkung 4, Übertragbarkeit 4, Umsetzungsreife 4, Kosten-Nutzen 4",
        "Notizen: (leer) → „Gutes Video“",
        "Status: Neu → In Prüfung",
    ]
    again = board.save_review(
        curated, sid, _seen(curated, sid), "reviewing", "Gutes Video", FOUR, "erika", "en"
    )
    assert again.outcome == "unchanged" and again.message == "Nothing changed."
    only_rating = {**FOUR, "impact": 2}
    english = board.save_review(
        curated, sid, _seen(curated, sid), "reviewing", "Gutes Video", only_rating, "erika", "en"
    )
    assert english.message == "Saved: your rating (your mean: 3.5)."
    assert len(curated.audit_entries(object_id=sid)) == 4


def test_save_and_next_refuses_a_stale_save_whole_and_says_what_changed(curated):
    sid = "S00057"
    seen = _seen(curated, sid)
    curated.set_notes(sid, "Erst klären", 0, "jonas")
    result = board.save_review(curated, sid, seen, "shortlisted", "", FOUR, "erika", "de")
    assert result.outcome == "stale"
    assert result.message.startswith("Nicht gespeichert")
    assert "Bewertung Wirkung 4" in result.message and "Status „Shortlist“" in result.message
    assert result.changes[0].what == "Notizen: (leer) → „Erst klären“"
    assert curated.entry(sid).status == "new" and curated.ratings(sid) == {}
    # A rating alone is one's own: it is saved although the entry moved meanwhile.
    alone = board.save_review(curated, sid, seen, "new", "", FOUR, "erika", "de")
    assert alone.saved and curated.ratings(sid) == {"erika": FOUR}


def test_save_and_next_refuses_half_a_rating_and_unknown_things(curated):
    sid = "S00058"
    half = board.save_review(
        curated, sid, _seen(curated, sid), "reviewing", "", {"impact": 4}, "erika", "de"
    )
    assert half.outcome == "invalid" and half.message.startswith("Bitte alle vier Kriterien")
    wrong = board.save_review(curated, sid, _seen(curated, sid), "weg", "", {}, "erika", "de")
    assert wrong.outcome == "invalid"
    nobody = board.save_review(curated, "S99999", _seen(curated, sid), "new", "x", {}, "e", "de")
    assert nobody.outcome == "invalid"
    assert curated.audit_entries(object_id=sid) == [] and curated.entry(sid).version == 0


def test_a_bulk_move_is_one_transaction_and_refused_whole_when_one_is_stale(curated):
    curated.set_status("S00061", "reviewing", 0, "jonas")
    seen = {"S00060": 0, "S00061": 0, "S00062": 0}
    titles = {"S00061": "Die zweite Idee"}
    result = board.bulk_move(curated, seen, "shortlisted", "erika", "de", titles)
    assert result.outcome == "stale"
    assert result.message.startswith("Nichts verschoben: „Die zweite Idee“")
    assert [str(c).split(", ")[0] for c in result.changes] == ["jonas"]
    assert [curated.entry(i).status for i in seen] == ["new", "reviewing", "new"]
    moved = board.bulk_move(curated, {**seen, "S00061": 1}, "shortlisted", "erika", "de")
    assert moved.saved and moved.message == "3 Lösungen verschoben nach „Shortlist“."
    assert {curated.entry(i).status for i in seen} == {"shortlisted"}


def test_a_bulk_move_says_which_rows_were_already_there(curated):
    curated.set_status("S00063", "declined", 0, "jonas")
    result = board.bulk_move(curated, {"S00063": 1, "S00064": 0}, "declined", "erika", "de")
    assert result.message == (
        "1 Lösung verschoben nach „Abgelehnt“. Eine stand schon dort und blieb unverändert."
    )
    again = board.bulk_move(curated, {"S00063": 1, "S00064": 1}, "declined", "erika", "de")
    assert again.outcome == "unchanged" and "nichts geändert" in again.message
    assert curated.entry("S00063").updated_by == "jonas"


def test_a_bulk_move_without_selection_says_so(curated):
    assert board.bulk_move(curated, {}, "reviewing", "erika", "de").outcome == "invalid"


def test_history_lines_describe_each_kind_of_change(curated):
    curated.set_status("S00070", "reviewing", 0, "erika")
    curated.set_notes("S00070", "", 1, "erika")
    curated.rate("S00070", "erika", FOUR)
    curated.offer("S00070", "P003", "erika")
    lines = [audit.change_line(e, "de").what for e in curated.audit_entries(object_id="S00070")]
    # In the audit log's words (dashboard.audit.describe: one wording on every page).
    assert lines == [
        "Patenschaft: – → angeboten",
        "Bewertung: Wirkung 4, Übertragbarkeit 4, Umsetzungsreife 4, Kosten-Nutzen 4",
        "Notizen: (leer) → (leer)",
        "Status: Neu → In Prüfung",
    ]


# --- the URL -----------------------------------------------------------------------------------


def test_unknown_url_values_mean_all_and_the_page_is_clamped(curated):
    view = board.board_view(
        {"status": "archived", "feld": "XX", "bewertung": "7", "pate": "P999", "seite": "999",
         "sortierung": "-quatsch", "anzahl": "1000"},
        "de",
        "erika",
    )  # fmt: skip
    assert view.filters == board.CurationFilters()
    # An unknown order is the default one: the new ones first, the oldest first.
    assert (view.sort, view.descending, view.page_size) == ("neu", False, 25)
    assert view.board.page == view.board.pages == 62
    assert view.query() == ""


def test_url_values_become_filters(curated):
    view = board.board_view(
        {"status": "shortlisted", "feld": "AP", "bewertung": "nicht-von-mir", "pate": "mit",
         "q": "pflege", "sortierung": "-bewertung", "anzahl": "50"},
        "de",
        "erika",
    )  # fmt: skip
    assert view.filters == board.CurationFilters(
        status="shortlisted", action_field="AP", not_rated_by="erika", patronage="any",
        query="pflege",
    )  # fmt: skip
    assert (view.sort, view.descending, view.page_size) == ("bewertung", True, 50)
    assert view.query() == (
        "status=shortlisted&feld=AP&bewertung=nicht-von-mir&pate=mit&q=pflege&sortierung=-bewertung"
    )
    assert board.CurationFilters.from_url({"bewertung": "3.5"}, "de", None).min_rating == 3.5


# --- the download (the session app's own store: read only) ---------------------------------------


def test_the_filtered_board_downloads_for_curators_only(app):
    field_count = sum(1 for s in SOLUTIONS if s["action_field"] == "KJF")
    anonymous = signed_in_client(app, None, address="10.66.0.1")
    assert anonymous.get("/daten/kuratierung.csv?feld=KJF").status_code == 401
    leadership = signed_in_client(app, "leadership", address="10.66.0.2")
    assert leadership.get("/daten/kuratierung.csv?feld=KJF").status_code == 403
    curator = signed_in_client(app, "curator", address="10.66.0.3")
    response = curator.get("/daten/kuratierung.csv?feld=KJF")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["ID", "Titel", "Veranstaltung", "Handlungsfeld", "Status"]
    assert len(rows) - 1 == field_count
    assert {r[3] for r in rows[1:]} == {"Kinder, Jugend und Familie"}
    assert curator.get("/daten/kuratierung.xlsx?feld=KJF").status_code == 200
