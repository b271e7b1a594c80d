"""Pure: the scaling score of a solution – named components, each 0–1, and their weighted mean
(the formula and its words; dashboard.scaling reads the candidates and serves the page)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dashboard.i18n import format_fixed, format_number, t

# The components in the order the page shows them; their URL parameter names follow.
COMPONENTS = ("award", "votes", "rating", "demand", "digital", "maturity")
WEIGHT_PARAMS = {
    "award": "gewicht_jury",
    "votes": "gewicht_stimmen",
    "rating": "gewicht_bewertung",
    "demand": "gewicht_bedarf",
    "digital": "gewicht_digital",
    "maturity": "gewicht_reife",
}
# Voreinstellung (documented on the page): what a curator judged and what is asked for elsewhere
# count most; the public vote and reusability count, but less.
DEFAULT_WEIGHTS: dict[str, int] = {
    "award": 3,
    "votes": 2,
    "rating": 3,
    "demand": 3,
    "digital": 1,
    "maturity": 2,
}
MIN_WEIGHT, MAX_WEIGHT = 0, 10
AWARD_VALUES = {"winner": 1.0, "finalist": 0.5}
MATURITY_VALUES = {"idea": 0.0, "prototype": 1 / 3, "pilot": 2 / 3, "in_use": 1.0}


@dataclass(frozen=True)
class Candidate:
    """A solution's raw inputs to the score, as the data holds them."""

    solution_id: str
    title: str
    action_field: str
    action_field_name: str
    regierungsbezirk: str | None  # its own district's, else its challenge's
    status: str
    award: str | None  # None, "finalist" or "winner"
    votes: int
    mean_rating: float | None  # over all curators and criteria, 1–5; None: not rated yet
    raters: int
    demand_elsewhere: int  # unsolved challenges of its field outside its Regierungsbezirk
    is_digital: bool
    maturity: str  # idea, prototype, pilot, in_use


@dataclass(frozen=True)
class Maxima:
    """What votes and demand are measured against: the largest values among all solutions."""

    votes: int
    demand: int


@dataclass(frozen=True)
class Part:
    """One component's share of a score: value (0–1) × weight, divided by the sum of weights."""

    component: str
    value: float
    weight: int
    contribution: float


@dataclass(frozen=True)
class Ranked:
    rank: int
    candidate: Candidate
    components: dict[str, float]
    score: float


def award_value(award: str | None) -> float:
    """Jury award: winner 1, finalist 0.5, none 0."""
    return AWARD_VALUES.get(award or "", 0.0)


def votes_value(votes: int, max_votes: int) -> float:
    """Public votes, log-scaled relative to the most-voted solution: ln(1+v) / ln(1+max).

    Log-scaled because a few solutions collect a thousand votes and most a dozen: linear, all but
    the top few would be near 0. No votes anywhere → 0.
    """
    if max_votes <= 0 or votes <= 0:
        return 0.0
    return min(1.0, math.log1p(votes) / math.log1p(max_votes))


def rating_value(mean_rating: float | None) -> float:
    """Curators' mean rating 1–5 → (mean − 1) / 4; not rated yet → 0."""
    if mean_rating is None:
        return 0.0
    return min(1.0, max(0.0, (mean_rating - 1) / 4))


def demand_value(demand_elsewhere: int, max_demand: int) -> float:
    """Unsolved challenges in the same field elsewhere, relative to the largest such number."""
    if max_demand <= 0:
        return 0.0
    return min(1.0, max(0.0, demand_elsewhere / max_demand))


def digital_value(is_digital: bool) -> float:
    return 1.0 if is_digital else 0.0


def maturity_value(maturity: str | None) -> float:
    """idea 0, prototype 1/3, pilot 2/3, in use 1 (unknown: 0)."""
    return MATURITY_VALUES.get(maturity or "", 0.0)


def components(candidate: Candidate, maxima: Maxima) -> dict[str, float]:
    """Every component of a candidate, each normalised to 0–1."""
    return {
        "award": award_value(candidate.award),
        "votes": votes_value(candidate.votes, maxima.votes),
        "rating": rating_value(candidate.mean_rating),
        "demand": demand_value(candidate.demand_elsewhere, maxima.demand),
        "digital": digital_value(candidate.is_digital),
        "maturity": maturity_value(candidate.maturity),
    }


def check_weights(weights: Mapping[str, int]) -> None:
    for name, weight in weights.items():
        if name not in COMPONENTS:
            raise ValueError(f"unknown component {name!r}; known: {', '.join(COMPONENTS)}")
        if not MIN_WEIGHT <= weight <= MAX_WEIGHT:
            raise ValueError(f"weight of {name} must be {MIN_WEIGHT}–{MAX_WEIGHT}, not {weight}")


def parts(values: Mapping[str, float], weights: Mapping[str, int]) -> list[Part]:
    """Each component's part of the score; they add up to `score(values, weights)`."""
    check_weights(weights)
    total = sum(weights.get(name, 0) for name in COMPONENTS)
    return [
        Part(
            name,
            values[name],
            weights.get(name, 0),
            values[name] * weights.get(name, 0) / total if total else 0.0,
        )
        for name in COMPONENTS
    ]


def score(values: Mapping[str, float], weights: Mapping[str, int]) -> float:
    """The weighted mean of the components (weights 0–10); every weight 0 → 0."""
    return sum(p.contribution for p in parts(values, weights))


def rank(
    candidates: Iterable[Candidate], maxima: Maxima, weights: Mapping[str, int]
) -> list[Ranked]:
    """Best score first; ties by votes, then title, then id (a stable order for equal scores)."""
    scored = []
    for c in candidates:
        values = components(c, maxima)
        scored.append((round(score(values, weights), 9), c, values))
    scored.sort(key=lambda s: (-s[0], -s[1].votes, s[1].title.casefold(), s[1].solution_id))
    return [Ranked(i, c, values, s) for i, (s, c, values) in enumerate(scored, start=1)]


def weights_from_params(params: Mapping[str, object]) -> dict[str, int]:
    """Weights from URL values (`gewicht_…`): whole numbers 0–10; anything else → its default."""
    weights = {}
    for name in COMPONENTS:
        raw = params.get(WEIGHT_PARAMS[name])
        try:
            value = int(str(raw))
        except (TypeError, ValueError):
            value = DEFAULT_WEIGHTS[name]
        weights[name] = value if MIN_WEIGHT <= value <= MAX_WEIGHT else DEFAULT_WEIGHTS[name]
    return weights


def reason(candidate: Candidate, component: str, lang: str) -> str:
    """Why a component has its value, in words (de/en): the raw input behind it."""
    if component == "award":
        return t(f"scaling_reason_award_{candidate.award or 'none'}", lang=lang)
    if component == "votes":
        return t("scaling_reason_votes", format_number(candidate.votes, lang=lang), lang=lang)
    if component == "rating":
        if candidate.mean_rating is None:
            return t("scaling_not_rated", lang=lang)
        return t(
            "scaling_reason_rating",
            format_fixed(candidate.mean_rating, 1, lang=lang),
            format_number(candidate.raters, lang=lang),
            lang=lang,
        )
    if component == "demand":
        return t(
            "scaling_reason_demand",
            format_number(candidate.demand_elsewhere, lang=lang),
            candidate.action_field_name,
            lang=lang,
        )
    if component == "digital":
        key = "scaling_reason_digital_yes" if candidate.is_digital else "scaling_reason_digital_no"
        return t(key, lang=lang)
    if component == "maturity":
        return t(f"scaling_maturity_{candidate.maturity}", lang=lang)
    raise ValueError(f"unknown component {component!r}")


def explanation(
    candidate: Candidate, values: Mapping[str, float], weights: Mapping[str, int], lang: str
) -> list[str]:
    """ "Warum dieser Rang?": one line per component (reason, value × weight), then the total."""
    found = parts(values, weights)
    lines = [
        t(
            "scaling_part",
            t(f"scaling_component_{p.component}", lang=lang),
            reason(candidate, p.component, lang),
            format_fixed(p.value, 2, lang=lang),
            format_number(p.weight, lang=lang),
            format_fixed(p.value * p.weight, 2, lang=lang),
            lang=lang,
        )
        for p in found
    ]
    total = sum(p.weight for p in found)
    if not total:
        return [*lines, t("scaling_total_no_weights", lang=lang)]
    weighted = sum(p.value * p.weight for p in found)
    return [
        *lines,
        t(
            "scaling_total",
            format_fixed(weighted, 2, lang=lang),
            format_number(total, lang=lang),
            format_fixed(weighted / total, 2, lang=lang),
            lang=lang,
        ),
    ]


def transfer_targets(cells: Iterable, candidate: Candidate) -> set[tuple[str, str]]:
    """(action field, region key) of the matrix cells a candidate could scale into: its own
    field, Regierungsbezirke other than its own, challenges without a solution there."""
    return {
        (c.action_field, c.region_key)
        for c in cells
        if c.action_field == candidate.action_field
        and c.regierungsbezirk != candidate.regierungsbezirk
        and c.unsolved > 0
    }
