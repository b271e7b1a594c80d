"""The solution gallery's data: search, ranking, facet counts, pages; and the page's URL state."""

from __future__ import annotations

import csv
from datetime import date

import pyarrow as pa
import pytest

from dashboard import db, gallery
from dashboard.db import Database
from dashboard.versions import DatasetVersions
from tests.conftest import DEMO_DIR
from tests.folding import normalise

Filters = gallery.GalleryFilters


def _demo_solutions() -> list[dict[str, str]]:
    with open(DEMO_DIR / "solutions.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _expected_count(query: str) -> int:
    """How many solutions hold every term in title, summary, team or tags (done in Python)."""
    terms = normalise(query).split()
    count = 0
    for row in _demo_solutions():
        text = normalise(" ".join([row["title"], row["summary"], row["team_name"], row["tags"]]))
        count += all(term in text for term in terms)
    return count


@pytest.fixture(scope="module")
def demo(app):
    """dashboard.gallery on the demo dataset (the session app configures it)."""
    return gallery


def test_the_whole_gallery_shows_every_solution_24_a_page(demo):
    result = demo.gallery(Filters())
    assert result.total == len(_demo_solutions()) == 1540
    assert result.page == 1 and result.pages == 65 and len(result.cards) == 24


def test_cards_name_the_teams_district_for_the_list_view(demo):
    with open(DEMO_DIR / "districts.csv", encoding="utf-8", newline="") as fh:
        names = {d["ags"]: d["name"] for d in csv.DictReader(fh)}
    district = {s["solution_id"]: names.get(s["district_ags"]) for s in _demo_solutions()}
    cards = demo.gallery(Filters(sort="votes")).cards
    assert [c.district_name for c in cards] == [district[c.solution_id] for c in cards]
    assert any(c.district_name for c in cards) and None in district.values()


def test_the_view_is_cards_unless_the_url_asks_for_the_list():
    assert gallery.view_of({}) == gallery.view_of({"ansicht": "x"}) == "kacheln"
    assert gallery.view_of({"ansicht": "liste"}) == "liste"
    assert gallery.view_of({"ansicht": ["liste", "kacheln"]}) == "liste"


@pytest.mark.parametrize("query", ["strasse", "pflege", "muller", "pflege demenz"])
def test_search_finds_what_the_folded_text_holds(demo, query):
    expected = _expected_count(query)
    assert 0 < expected < 1540
    assert demo.gallery(Filters(query=query)).total == expected


def test_spellings_of_one_word_find_the_same_solutions(demo):
    totals = {q: demo.gallery(Filters(query=q)).total for q in ("muller", "mueller", "Müller")}
    assert len(set(totals.values())) == 1, totals
    assert (
        demo.gallery(Filters(query="Straße")).total == demo.gallery(Filters(query="strasse")).total
    )


def test_several_terms_must_all_match(demo):
    both = demo.gallery(Filters(query="pflege strasse")).total
    assert (
        0
        < both
        < min(
            demo.gallery(Filters(query="pflege")).total,
            demo.gallery(Filters(query="strasse")).total,
        )
    )


def test_facet_counts_follow_the_search(demo):
    everything = demo.facets(Filters())
    searched = demo.facets(Filters(query="pflege"))
    assert searched.total < everything.total
    for facet in ("events", "fields", "awards", "digital", "maturities"):
        counts = getattr(searched, facet)
        assert sum(o.solutions for o in counts) == searched.total, facet
        assert counts != getattr(everything, facet), facet


def test_each_facet_counts_as_if_its_own_choice_were_not_made(demo):
    searched = demo.facets(Filters(query="pflege"))
    chosen = demo.facets(Filters(query="pflege", fields=("AP",)))
    assert chosen.fields == searched.fields  # the other fields still say what they would bring
    assert chosen.total == next(o.solutions for o in searched.fields if o.value == "AP")
    assert sum(o.solutions for o in chosen.digital) == chosen.total


def test_facets_name_events_and_action_fields_from_the_data_in_the_language(demo):
    german = {o.value: o.label for o in demo.facets(Filters(), "de").fields}
    english = {o.value: o.label for o in demo.facets(Filters(), "en").fields}
    assert german["AP"] != english["AP"] and german["AP"] and english["AP"]
    events = demo.facets(Filters()).events
    assert events and all(o.label and o.solutions > 0 for o in events)


def test_the_tag_facet_shows_the_most_frequent_tags_and_every_chosen_one(demo):
    tags = demo.facets(Filters()).tags
    assert len(tags) == gallery.TAG_FACET_SIZE
    assert [o.solutions for o in tags] == sorted((o.solutions for o in tags), reverse=True)
    rare = demo.facets(Filters(tags=("gibt-es-nicht",))).tags
    assert ("gibt-es-nicht", 0) in [(o.value, o.solutions) for o in rare]


def test_pages_beyond_either_end_show_the_nearest_page(demo):
    last = demo.gallery(Filters(page=10_000))
    assert last.page == last.pages == 65 and len(last.cards) == 1540 - 64 * 24
    for page in (0, -3):
        assert demo.gallery(Filters(page=page)).page == 1
    ids = [c.solution_id for p in (1, 2) for c in demo.gallery(Filters(sort="title", page=p)).cards]
    assert len(set(ids)) == 48


def test_sort_orders(demo):
    newest = demo.gallery(Filters(sort="newest")).cards
    assert [c.submitted_on for c in newest] == sorted(
        (c.submitted_on for c in newest), reverse=True
    )
    votes = demo.gallery(Filters(sort="votes")).cards
    assert [c.votes for c in votes] == sorted((c.votes for c in votes), reverse=True)
    titles = demo.gallery(Filters(sort="title")).cards
    assert [normalise(c.title) for c in titles] == sorted(normalise(c.title) for c in titles)


@pytest.mark.parametrize("query", ["'; DROP TABLE solutions; --", "%", "_", "\\", "' OR 1=1 --"])
def test_a_query_that_looks_like_sql_is_only_text(demo, query):
    result = demo.gallery(Filters(query=query))
    if query.startswith("'"):
        assert result.total == 0 and result.cards == ()
    assert demo.gallery(Filters()).total == 1540  # nothing was dropped


def test_an_empty_result_has_no_cards_and_one_page(demo):
    result = demo.gallery(Filters(query="xyzzy-quatsch"))
    assert (result.total, result.page, result.pages, result.cards) == (0, 1, 1, ())


# --- ranking, on a dataset made for it -----------------------------------------------------------


def _solutions(rows: list[tuple[str, str, str, int]]) -> pa.Table:
    n = len(rows)
    return pa.table(
        {
            "solution_id": [r[0] for r in rows],
            "event_id": ["E1"] * n,
            "challenge_id": pa.array([None] * n, pa.string()),
            "title": [r[1] for r in rows],
            "summary": [r[2] for r in rows],
            "team_name": ["Team"] * n,
            "team_size": [3] * n,
            "district_ags": pa.array([None] * n, pa.string()),
            "video_url": pa.array([None] * n, pa.string()),
            "tags": pa.array([[] for _ in rows], pa.list_(pa.string())),
            "is_digital": [True] * n,
            "maturity": ["idea"] * n,
            "action_field": ["AP"] * n,
            "submitted_on": [date(2024, 1, 1)] * n,
            "award": pa.array([None] * n, pa.string()),
            "votes": [r[3] for r in rows],
        }
    )


@pytest.fixture
def ranking(app, tmp_path):
    """dashboard.gallery on four solutions made for ranking; the demo again afterwards."""
    store = DatasetVersions(tmp_path / "data")
    rows = [
        ("R1", "Pflegedienst digital", "Eine Idee", 1),
        ("R2", "Anderes Vorhaben", "Entlastung für den Pflegedienst", 500),
        ("R3", "Pflege im Quartier", "Eine Idee", 5),
        ("R4", "Pflege zu Hause", "Eine Idee", 50),
    ]
    store.publish({"solutions": _solutions(rows)}, {})
    previous = db.configure(Database(store))
    yield gallery
    db.configure(*previous)


def test_a_title_hit_ranks_above_a_summary_hit_with_more_votes(ranking):
    cards = ranking.gallery(Filters(query="pflegedienst")).cards
    assert [c.solution_id for c in cards] == ["R1", "R2"]


def test_votes_break_ties_between_equal_hits(ranking):
    cards = ranking.gallery(Filters(query="pflege")).cards
    assert [c.solution_id for c in cards] == ["R4", "R3", "R1", "R2"]
