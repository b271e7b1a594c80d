"""The scaling score by hand: each component, the weights, the ranking, the transfer targets."""

from __future__ import annotations

import pytest

from dashboard import scaling_score as scaling
from dashboard.scaling import TransferCell
from dashboard.scaling_score import Candidate, Maxima

ZERO = dict.fromkeys(scaling.COMPONENTS, 0)
VALUES = {"award": 1.0, "votes": 0.5, "rating": 0.0, "demand": 0.25, "digital": 1.0,
          "maturity": 2 / 3}  # fmt: skip


def candidate(**changes) -> Candidate:
    fields = dict(
        solution_id="S1", title="Eins", action_field="AP", action_field_name="Alter und Pflege",
        regierungsbezirk="Köln", status="new", award=None, votes=0, mean_rating=None, raters=0,
        demand_elsewhere=0, is_digital=False, maturity="idea",
    )  # fmt: skip
    return Candidate(**{**fields, **changes})


# --- the score, by hand ----------------------------------------------------------------------


def test_every_weight_zero_gives_zero_without_dividing_by_zero():
    assert scaling.score(VALUES, ZERO) == 0
    assert scaling.explanation(candidate(), VALUES, ZERO, "de")[-1] == (
        "Alle Gewichte sind 0: Skalierungswert 0."
    )


def test_one_weight_only_gives_that_component():
    for name in scaling.COMPONENTS:
        assert scaling.score(VALUES, {**ZERO, name: 7}) == pytest.approx(VALUES[name])


def test_score_is_the_weighted_mean():
    weights = {**ZERO, "award": 2, "votes": 4, "digital": 2}
    # (2 × 1 + 4 × 0.5 + 2 × 1) / (2 + 4 + 2) = 6 / 8
    assert scaling.score(VALUES, weights) == pytest.approx(0.75)
    parts = scaling.parts(VALUES, weights)
    assert [p.contribution for p in parts] == pytest.approx([0.25, 0.25, 0, 0, 0.25, 0])


def test_weights_outside_zero_to_ten_are_refused_and_url_values_fall_back():
    with pytest.raises(ValueError):
        scaling.score(VALUES, {**ZERO, "votes": 11})
    with pytest.raises(ValueError):
        scaling.score(VALUES, {**ZERO, "charm": 1})
    weights = scaling.weights_from_params(
        {
            "gewicht_stimmen": "10",
            "gewicht_jury": "0",
            "gewicht_reife": "elf",
            "gewicht_bedarf": "-1",
        }
    )
    assert weights == {**scaling.DEFAULT_WEIGHTS, "votes": 10, "award": 0}


def test_award_and_maturity_mapping():
    assert [scaling.award_value(a) for a in ("winner", "finalist", None, "")] == [1, 0.5, 0, 0]
    assert [scaling.maturity_value(m) for m in ("idea", "prototype", "pilot", "in_use")] == (
        pytest.approx([0, 1 / 3, 2 / 3, 1])
    )


def test_missing_rating_counts_zero_and_says_not_yet_rated():
    assert scaling.rating_value(None) == 0
    assert scaling.rating_value(1) == 0
    assert scaling.rating_value(4) == 0.75
    assert scaling.rating_value(5) == 1
    lines = scaling.explanation(candidate(), VALUES, scaling.DEFAULT_WEIGHTS, "de")
    assert "Bewertung der Kuratierung: noch nicht bewertet → 0,00 × Gewicht 3 = 0,00" in lines
    english = scaling.explanation(candidate(), VALUES, scaling.DEFAULT_WEIGHTS, "en")
    assert "Curators' rating: not yet rated → 0.00 × weight 3 = 0.00" in english


def test_votes_are_log_scaled_against_the_most_voted():
    assert scaling.votes_value(3, 15) == pytest.approx(0.5)  # ln 4 / ln 16
    assert scaling.votes_value(15, 15) == 1
    assert scaling.votes_value(0, 15) == 0
    assert scaling.votes_value(5, 0) == 0


def test_demand_is_normalised_to_the_largest():
    assert scaling.demand_value(13, 52) == 0.25
    assert scaling.demand_value(52, 52) == 1
    assert scaling.demand_value(0, 52) == 0
    assert scaling.demand_value(3, 0) == 0


def test_components_of_a_candidate_and_the_explanation_add_up():
    c = candidate(award="finalist", votes=3, mean_rating=3.0, raters=2, demand_elsewhere=13,
                   is_digital=True, maturity="pilot")  # fmt: skip
    values = scaling.components(c, Maxima(votes=15, demand=52))
    assert values == pytest.approx(
        {
            "award": 0.5,
            "votes": 0.5,
            "rating": 0.5,
            "demand": 0.25,
            "digital": 1,
            "maturity": 2 / 3,
        }  # fmt: skip
    )
    weights = {"award": 1, "votes": 1, "rating": 2, "demand": 4, "digital": 0, "maturity": 3}
    # (0.5 + 0.5 + 1 + 1 + 0 + 2) / 11 = 5 / 11
    assert scaling.score(values, weights) == pytest.approx(5 / 11)
    lines = scaling.explanation(c, values, weights, "de")
    assert lines[0] == "Jury-Auszeichnung: Finalist der Jury → 0,50 × Gewicht 1 = 0,50"
    assert lines[-1] == "Summe 5,00 ÷ Summe der Gewichte 11 = Skalierungswert 0,45"


def test_ranking_follows_the_weights():
    voted = candidate(solution_id="V", title="Viele Stimmen", votes=100)
    awarded = candidate(solution_id="A", title="Ausgezeichnet", award="winner", votes=1)
    maxima = Maxima(votes=100, demand=0)
    by_votes = scaling.rank([awarded, voted], maxima, {**ZERO, "votes": 10})
    by_award = scaling.rank([awarded, voted], maxima, {**ZERO, "award": 10})
    assert [r.candidate.solution_id for r in by_votes] == ["V", "A"]
    assert [r.candidate.solution_id for r in by_award] == ["A", "V"]
    assert [r.rank for r in by_award] == [1, 2]


def test_transfer_targets_are_same_field_other_regions_with_unsolved_challenges():
    cells = [
        TransferCell("AP", "Alter", "Köln", "Köln", "Köln", 5, 1, 2, 0),
        TransferCell("AP", "Alter", "Detmold", "Detmold", "Detmold", 4, 0, 4, 0),
        TransferCell("AP", "Alter", "Münster", "Münster", "Münster", 3, 3, 0, 0),
        TransferCell("KJF", "Kinder", "Detmold", "Detmold", "Detmold", 9, 0, 9, 0),
    ]
    assert scaling.transfer_targets(cells, candidate()) == {("AP", "Detmold")}
