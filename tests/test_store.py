"""The curation store (dashboard.store): versioned entries, ratings, patronships, the audit log,
and writers in several processes."""

from __future__ import annotations

import multiprocessing
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from dashboard.store import CurationStore, InvalidChange, OverBudget, StaleVersion, open_store


@pytest.fixture
def store(tmp_path) -> CurationStore:
    """An empty curation store in a real SQLite file."""
    return open_store(tmp_path / "curation.sqlite")


def test_an_untouched_solution_is_new_at_version_0(store):
    entry = store.entry("S1")
    assert (entry.status, entry.version, entry.notes) == ("new", 0, "")


def test_a_status_move_is_versioned_and_logged(store):
    moved = store.set_status("S1", "reviewing", expected_version=0, by="erika")
    assert (moved.status, moved.version, moved.updated_by) == ("reviewing", 1, "erika")
    (log,) = store.audit_entries(object_id="S1")
    assert log["who"] == "erika" and log["action"] == "entry.status"
    assert log["before"]["status"] == "new" and log["after"]["status"] == "reviewing"


def test_any_status_may_follow_any_other(store):
    store.set_status("S1", "funded", 0, "erika")
    assert store.set_status("S1", "new", 1, "erika").status == "new"


def test_a_save_on_an_outdated_version_is_refused_and_says_what_changed(store):
    store.set_status("S1", "reviewing", 0, "erika")
    store.set_notes("S1", "Starkes Video", 1, "jonas")
    with pytest.raises(StaleVersion) as info:
        store.set_status("S1", "declined", 0, "erika")
    assert info.value.current.version == 2
    assert [(c["who"], c["action"]) for c in info.value.changes] == [
        ("erika", "entry.status"),
        ("jonas", "entry.notes"),
    ]
    assert store.entry("S1").status == "reviewing"


def test_a_bulk_move_is_all_or_nothing(store):
    store.set_status("S2", "reviewing", 0, "jonas")
    with pytest.raises(StaleVersion):
        store.bulk_set_status({"S1": 0, "S2": 0, "S3": 0}, "shortlisted", "erika")
    assert store.entry("S1").version == 0 and store.entry("S3").version == 0
    moved = store.bulk_set_status({"S1": 0, "S2": 1, "S3": 0}, "shortlisted", "erika")
    assert [e.status for e in moved] == ["shortlisted"] * 3


FOURS = {"impact": 4, "transferability": 4, "readiness": 4, "cost_effectiveness": 4}


def test_a_review_saves_status_notes_and_scores_in_one_go_each_logged(store):
    entry = store.review("S1", 0, "erika", status="reviewing", notes="Stark", scores=FOURS)
    assert (entry.status, entry.notes, entry.version) == ("reviewing", "Stark", 2)
    assert store.ratings("S1") == {"erika": FOURS}
    logged = store.audit_entries(object_id="S1")
    assert [(e["who"], e["action"]) for e in logged] == [
        ("erika", "rating.set"),
        ("erika", "entry.notes"),
        ("erika", "entry.status"),
    ]
    # What is as stored already is not written again.
    same = store.review("S1", 2, "erika", status="reviewing", notes="Stark", scores=FOURS)
    assert same.version == 2 and len(store.audit_entries(object_id="S1")) == 3


def test_a_stale_review_writes_nothing_not_even_the_scores(store):
    store.set_status("S1", "declined", 0, "jonas")
    with pytest.raises(StaleVersion) as info:
        store.review("S1", 0, "erika", status="shortlisted", notes="Ja", scores=FOURS)
    assert [c["who"] for c in info.value.changes] == ["jonas"]
    assert store.entry("S1").status == "declined" and store.ratings("S1") == {}
    # Scores alone are the curator's own: no version to be stale against.
    store.review("S1", 0, "erika", scores=FOURS)
    assert store.ratings("S1") == {"erika": FOURS} and store.entry("S1").version == 1


def test_a_review_refuses_unknown_statuses_and_scores(store):
    with pytest.raises(InvalidChange):
        store.review("S1", 0, "erika", status="verloren")
    with pytest.raises(InvalidChange):
        store.review("S1", 0, "erika", scores={**FOURS, "impact": 9})
    assert store.audit_entries() == []


def test_an_unknown_status_is_refused(store):
    with pytest.raises(InvalidChange):
        store.set_status("S1", "verloren", 0, "erika")


def test_each_curator_has_one_set_of_ratings_and_the_mean_covers_all(store):
    store.rate("S1", "erika", {"impact": 5, "transferability": 4, "readiness": 3,
                               "cost_effectiveness": 4})  # fmt: skip
    store.rate("S1", "erika", {"impact": 4, "transferability": 4, "readiness": 4,
                               "cost_effectiveness": 4})  # fmt: skip
    store.rate("S1", "jonas", {"impact": 2, "transferability": 2, "readiness": 2,
                               "cost_effectiveness": 2})  # fmt: skip
    assert store.ratings("S1")["erika"]["impact"] == 4
    assert store.mean_ratings()["S1"] == (3.0, 2)


@pytest.mark.parametrize("scores", [{"impact": 0}, {"impact": 6}, {"schoenheit": 3}])
def test_scores_outside_1_to_5_or_unknown_criteria_are_refused(store, scores):
    with pytest.raises(InvalidChange):
        store.rate("S1", "erika", scores)
    assert store.ratings("S1") == {}


def test_a_pledge_records_the_exact_amount_and_matches_the_solution(store):
    store.set_status("S1", "shortlisted", 0, "erika")
    store.offer("S1", "P1", "erika")
    assert store.patronships("P1")[0].status == "offered"
    pledge = store.pledge("S1", "P1", Decimal("12500.10"), date(2026, 11, 23), 1, "erika")
    assert pledge.amount_eur == Decimal("12500.10") and pledge.status == "pledged"
    assert store.entry("S1").status == "matched"
    # Offering again does not undo the pledge.
    assert store.offer("S1", "P1", "erika").status == "pledged"


def test_a_bulk_move_leaves_entries_already_in_the_target_status_untouched(store):
    store.set_status("S2", "shortlisted", 0, "jonas")
    moved = store.bulk_set_status({"S1": 0, "S2": 1}, "shortlisted", "erika")
    assert [(e.solution_id, e.version) for e in moved] == [("S1", 1), ("S2", 1)]
    assert store.entry("S2").updated_by == "jonas"
    assert [e["who"] for e in store.audit_entries(object_id="S2")] == ["jonas"]


def test_the_budget_is_checked_inside_the_pledge_transaction(store):
    """Two curators read 1.000 € left at the same time; the second pledge must not overspend."""
    store.set_status("S1", "shortlisted", 0, "erika")
    store.set_status("S2", "shortlisted", 0, "jonas")
    store.pledge("S1", "P1", Decimal("600"), date(2026, 11, 23), 1, "erika", Decimal("1000"))
    with pytest.raises(OverBudget) as info:
        store.pledge("S2", "P1", Decimal("600"), date(2026, 11, 23), 1, "jonas", Decimal("1000"))
    assert info.value.available == Decimal("400")
    assert [p.solution_id for p in store.patronships("P1")] == ["S1"]
    assert store.entry("S2").status == "shortlisted"
    # A new pledge to the same solution replaces the earlier one, so its amount is free again.
    store.pledge("S1", "P1", Decimal("1000"), date(2026, 11, 24), 2, "erika", Decimal("1000"))


def test_a_pledge_on_an_outdated_version_changes_nothing(store):
    store.set_status("S1", "shortlisted", 0, "erika")
    with pytest.raises(StaleVersion):
        store.pledge("S1", "P1", Decimal("100"), date(2026, 11, 23), 0, "erika")
    assert store.patronships() == []


@pytest.mark.parametrize("amount", ["0", "-5", "10.001"])
def test_a_pledge_needs_a_positive_amount_in_cents(store, amount):
    with pytest.raises(InvalidChange):
        store.pledge("S1", "P1", Decimal(amount), date(2026, 11, 23), 0, "erika")


def test_the_audit_log_filters_by_person_and_action(store):
    store.set_status("S1", "reviewing", 0, "erika")
    store.set_status("S2", "reviewing", 0, "jonas")
    store.rate("S1", "jonas", {"impact": 3})
    assert {e["object"] for e in store.audit_entries(who="jonas")} == {"S1", "S2"}
    assert [e["action"] for e in store.audit_entries(action="rating")] == ["rating.set"]


def test_audit_filters_take_percent_and_underscore_literally(store):
    store.set_status("S_1", "reviewing", 0, "erika")
    store.set_status("SX1", "reviewing", 0, "erika")
    store.offer("S_1", "P1", "erika")
    assert [e["object"] for e in store.audit_entries(object_id="S_1")] == ["S_1/P1", "S_1"]
    assert store.audit_entries(object_id="S%") == []
    assert store.audit_entries(action="%") == []


def test_the_store_version_grows_with_curation_changes_only(store):
    before = store.version()
    store.record_login("erika", "10.0.0.1", success=False)
    assert store.version() == before
    store.set_status("S1", "reviewing", 0, "erika")
    assert store.version() == before + 1


def _writer(path: str, worker: int, rounds: int) -> None:
    store = open_store(Path(path))
    for n in range(rounds):
        # Everyone moves the one shared entry: re-read on a stale version, as the page does.
        while True:
            current = store.entry("SHARED")
            try:
                store.set_notes("SHARED", f"{worker}-{n}", current.version, f"w{worker}")
                break
            except StaleVersion:
                continue
        store.set_status(f"S{worker}-{n}", "reviewing", 0, f"w{worker}")


def test_four_processes_writing_one_store_lose_no_write(tmp_path):
    path = str(tmp_path / "curation.sqlite")
    # Like gunicorn's workers: separate processes that each open the file themselves (an SQLite
    # connection must never cross a fork).
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_writer, args=(path, w, 25)) for w in range(4)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(60)
        assert p.exitcode == 0
    store = open_store(Path(path))
    assert store.entry("SHARED").version == 100
    assert len(store.entries()) == 101
    assert len(store.audit_entries(limit=1000)) == 200


def test_an_offer_on_an_outdated_version_is_refused_and_says_what_changed(store):
    store.set_status("S1", "shortlisted", 0, "erika")
    store.set_status("S1", "declined", 1, "jonas")
    with pytest.raises(StaleVersion) as info:
        store.offer_checked("S1", "P1", expected_version=1, by="erika")
    assert info.value.current.status == "declined"
    assert [(c["who"], c["after"]["status"]) for c in info.value.changes] == [("jonas", "declined")]
    assert store.patronships() == []
    offered = store.offer_checked("S1", "P1", expected_version=2, by="erika")
    assert offered.status == "offered" and store.entry("S1").version == 2  # no status change
    (log,) = store.audit_entries(action="patronship")
    assert log["object"] == "S1/P1" and log["after"]["status"] == "offered"
    store.pledge("S1", "P1", Decimal("500"), date(2026, 11, 23), 2, "erika")
    assert store.offer_checked("S1", "P1", 3, "erika").status == "pledged"


def test_an_event_from_outside_is_logged_and_the_log_pages_by_person_kind_and_object(store):
    store.record_event("admin", "data.import", "V1", None, {"file": "grants.csv"})
    store.set_status("S1", "reviewing", 0, "erika")
    store.offer("S1", "P7", "jonas")
    store.rate("S12", "erika", {"impact": 4})
    (logged,) = store.audit_entries(action="data.import")
    assert (logged["who"], logged["object"], logged["before"]) == ("admin", "V1", None)
    assert logged["after"] == {"file": "grants.csv"}
    assert store.version() == 3  # an import is no curation change: DuckDB copies nothing anew
    assert store.audit_people() == ["admin", "erika", "jonas"]
    entries, total = store.audit_page(0, 2)
    assert total == 4 and [e["action"] for e in entries] == ["rating.set", "patronship.offer"]
    entries, total = store.audit_page(2, 2)
    assert total == 4 and [e["action"] for e in entries] == ["entry.status", "data.import"]
    assert store.audit_page(who="erika")[1] == 2
    assert [e["action"] for e in store.audit_page(action="rating")[0]] == ["rating.set"]
    assert store.audit_page(action="entry")[1] == 1 and store.audit_page(action="entr")[1] == 0
    # An object is found by itself or by either side of a pair, never by a mere prefix.
    assert [e["object"] for e in store.audit_page(object_id="S1")[0]] == ["S1/P7", "S1"]
    assert [e["object"] for e in store.audit_page(object_id="P7")[0]] == ["S1/P7"]
    assert store.audit_page(object_id="%")[1] == 0
    first = store.audit_entries(limit=10)[-1]["at"]
    assert store.audit_page(since=first)[1] == 4 and store.audit_page(until=first)[1] == 0
