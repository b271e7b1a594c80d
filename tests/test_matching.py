"""A patron's fit for a solution: hand-computed scores, the ranking, reasons in de and en."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dashboard import matching
from dashboard.matching import ActionField, Interest, Need, Place

CARE = ActionField("AP", "Alter und Pflege", "Old age and care")
UNNA = Place("05978", "Unna", "Kreis", "Arnsberg")
DORTMUND = Place("05913", "Dortmund", "kreisfreie Stadt", "Arnsberg")
ESSEN = Place("05113", "Essen", "kreisfreie Stadt", "Düsseldorf")
NEED = Need(CARE, UNNA)
NBSP = "\u00a0"


def patron(fields=("AP",), districts=(UNNA,), remaining="42500", name="Pate") -> Interest:
    return Interest(name.lower(), name, tuple(fields), tuple(districts), Decimal(remaining))


def test_field_and_district_match_with_budget_is_a_perfect_fit():
    fit = matching.fit(NEED, patron())
    # 0.5 × 1 + 0.3 × 1 + 0.2 × min(42 500 / 25 000, 1)
    assert (fit.field, fit.region, fit.budget) == (1, 1, 1)
    assert fit.score == Decimal("1.000")
    assert fit.reason_texts("de") == [
        "Handlungsfeld passt: Alter und Pflege",
        "Region passt: Kreis Unna",
        f"Budget frei: 42.500{NBSP}€",
    ]
    assert fit.reason_texts("en") == [
        "Action field matches: Old age and care",
        "Region matches: Kreis Unna",
        "Budget left: €42,500",
    ]


def test_same_regierungsbezirk_counts_half_and_a_small_budget_counts_its_share():
    fit = matching.fit(NEED, patron(districts=(DORTMUND, ESSEN), remaining="10000"))
    # 0.5 × 1 + 0.3 × 0.5 + 0.2 × (10 000 / 25 000) = 0.5 + 0.15 + 0.08
    assert (fit.region, fit.budget) == (Decimal("0.5"), Decimal("0.4"))
    assert fit.score == Decimal("0.730")
    assert fit.reason_texts("de")[1] == "gleicher Regierungsbezirk: Arnsberg"
    assert fit.reason_texts("en")[1] == "same government region: Arnsberg"


def test_another_field_and_region_score_only_the_budget():
    fit = matching.fit(NEED, patron(fields=("KJF",), districts=(ESSEN,), remaining="5000"))
    # 0.5 × 0 + 0.3 × 0 + 0.2 × 0.2
    assert fit.score == Decimal("0.040")
    assert fit.reason_texts("de") == [
        "anderes Handlungsfeld",
        "andere Region",
        f"Budget frei: 5.000{NBSP}€",
    ]
    assert fit.reason_texts("de", positive_only=True) == [f"Budget frei: 5.000{NBSP}€"]


def test_a_patron_without_preferences_fits_half_in_field_and_region():
    fit = matching.fit(NEED, patron(fields=(), districts=(), remaining="25000"))
    # 0.5 × 0.5 + 0.3 × 0.5 + 0.2 × 1
    assert fit.score == Decimal("0.600")
    assert fit.reason_texts("de")[:2] == [
        "fördert alle Handlungsfelder",
        "keine regionale Einschränkung",
    ]
    assert fit.reason_texts("en")[:2] == ["funds any action field", "no regional restriction"]


def test_a_solution_without_a_region_fits_no_regional_patron():
    fit = matching.fit(Need(CARE, None), patron())
    assert fit.region == 0 and fit.score == Decimal("0.700")
    assert fit.reason_texts("de")[1] == "Region der Lösung unbekannt"


def test_a_patron_with_no_budget_left_is_marked_and_ranks_last():
    broke = patron(name="Ohne Budget", remaining="0")
    weak = patron(fields=("KJF",), districts=(ESSEN,), remaining="5000", name="Schwach")
    overdrawn = patron(name="Überzogen", remaining="-100.00")
    fit = matching.fit(NEED, broke)
    assert fit.exhausted and fit.budget == 0 and fit.score == Decimal("0.800")
    assert fit.reason_texts("de")[2] == "kein Budget mehr frei"
    assert fit.reason_texts("en")[2] == "no budget left"
    ranked = matching.rank(NEED, [broke, overdrawn, weak, patron(name="Stark")])
    assert [f.name for f in ranked] == ["Stark", "Schwach", "Ohne Budget", "Überzogen"]
    assert matching.best(ranked).name == "Stark"
    assert matching.best(ranked, exclude={"stark"}).name == "Schwach"
    assert matching.best([matching.fit(NEED, broke)]) is None


def test_equal_scores_rank_by_name():
    ranked = matching.rank(NEED, [patron(name="Zora"), patron(name="anna"), patron(name="Ben")])
    assert [f.name for f in ranked] == ["anna", "Ben", "Zora"]


@pytest.mark.parametrize(
    ("place", "label"),
    [
        (UNNA, "Kreis Unna"),
        (DORTMUND, "Dortmund"),
        (Place("05162", "Rhein-Kreis Neuss", "Kreis", "Düsseldorf"), "Rhein-Kreis Neuss"),
        (Place("05334", "Städteregion Aachen", "Kreis", "Köln"), "Städteregion Aachen"),
    ],
)
def test_a_district_is_named_as_people_say_it(place, label):
    assert place.label == label


def test_an_interest_from_codes_keeps_unknown_districts():
    interest = matching.interest("P1", "Pate", ["AP"], ["05978", "09999"], Decimal("1"),
                                 {"05978": UNNA})  # fmt: skip
    assert interest.districts == (UNNA, Place("09999", "09999", "", ""))
