"""The demo's curation history: written once, into an unused store, when the demo data is first
imported with DEMO_CURATION on; the same every time; every step in the audit log."""

from __future__ import annotations

import csv
from collections import Counter

from dashboard import bootstrap_demo, demo_curation
from dashboard.settings import Settings
from dashboard.store import CRITERIA, open_store
from dashboard.versions import DatasetVersions
from tests.conftest import DEMO_DIR


def _event_pledged() -> set[str]:
    with (DEMO_DIR / "patronships.csv").open(encoding="utf-8") as fh:
        return {r["solution_id"] for r in csv.DictReader(fh)}


def test_the_first_demo_import_with_demo_curation_writes_a_sample_history(tmp_path):
    store = open_store(tmp_path / "curation.sqlite")
    bootstrap_demo(DatasetVersions(tmp_path / "data"), DEMO_DIR, store)
    entries = store.entries()
    counts = Counter(e.status for e in entries.values())
    assert counts["shortlisted"] == demo_curation.SHORTLISTED
    assert counts["reviewing"] == demo_curation.REVIEWING
    assert counts["declined"] == demo_curation.DECLINED
    # What patrons pledged at the events is matched, funded or already scaling.
    pledged = _event_pledged()
    assert {entries[s].status for s in pledged} <= {"matched", "funded", "scaling"}
    assert {"matched", "funded", "scaling"} <= {entries[s].status for s in pledged}
    # Ratings from the sample curators only, 1–5 on all four criteria.
    scores = store.all_ratings()
    assert {who for _, who, _, _ in scores} <= set(demo_curation.CURATORS)
    assert {criterion for _, _, criterion, _ in scores} == set(CRITERIA)
    assert all(1 <= score <= 5 for *_, score in scores)
    assert all(entries[s].status != "new" for s in store.mean_ratings())
    assert store.patronships() and {p.status for p in store.patronships()} == {"offered"}
    # Every step is in the audit log, under the sample curators' names.
    log = store.audit_entries(limit=10_000)
    assert {e["who"] for e in log} == set(demo_curation.CURATORS)
    assert sum(1 for e in log if e["action"] == "entry.status") == sum(
        e.version for e in entries.values()
    ) - sum(1 for e in entries.values() if e.notes)


def test_the_history_is_the_same_every_time(tmp_path):
    assert demo_curation.plan(DEMO_DIR) == demo_curation.plan(DEMO_DIR)


def test_a_store_someone_used_is_left_alone(tmp_path):
    store = open_store(tmp_path / "curation.sqlite")
    store.set_status("S00001", "declined", 0, "erika")
    assert demo_curation.seed(store, DEMO_DIR) is False
    assert list(store.entries()) == ["S00001"]
    assert [e["who"] for e in store.audit_entries()] == ["erika"]


def test_without_demo_curation_the_store_stays_empty(tmp_path):
    store = open_store(tmp_path / "curation.sqlite")
    bootstrap_demo(DatasetVersions(tmp_path / "data"), DEMO_DIR, None)
    assert store.entries() == {} and store.audit_entries() == []


def test_demo_curation_is_off_unless_set(tmp_path):
    assert Settings.from_env({"INSTANCE_DIR": str(tmp_path)}).demo_curation is False
    assert Settings.from_env({"INSTANCE_DIR": str(tmp_path), "DEMO_CURATION": "1"}).demo_curation
