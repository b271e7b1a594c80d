"""The internal funnel: every solution counts at each stage of the curation it has reached."""

from __future__ import annotations

from dashboard import intern


def test_untouched_solutions_stand_at_the_first_stage_only(curated):
    assert intern.funnel() == (
        ("all", 1540), ("reviewed", 0), ("shortlisted", 0), ("matched", 0), ("funded", 0),
        ("scaling", 0),
    )  # fmt: skip


def test_a_solution_counts_at_every_stage_it_has_reached(curated):
    curated.bulk_set_status({"S00001": 0, "S00002": 0, "S00003": 0}, "reviewing", "erika")
    curated.bulk_set_status({"S00002": 1, "S00003": 1}, "shortlisted", "erika")
    curated.set_status("S00003", "scaling", 2, "erika")
    curated.set_status("S00004", "declined", 0, "jonas")
    assert dict(intern.funnel()) == {
        "all": 1540, "reviewed": 4, "shortlisted": 2, "matched": 1, "funded": 1, "scaling": 1,
    }  # fmt: skip
