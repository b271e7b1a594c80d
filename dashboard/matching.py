"""How well a patron fits a solution: action field, region and budget left, with the reasons.

Pure: no database, no Dash. The score is exact (Decimal) so that a ranking can be checked by hand:

    score = 0.5 × field + 0.3 × region + 0.2 × budget      (each part 0 … 1)

- field: 1 when the patron funds the solution's action field, 0.5 when the patron names no action
  field (funds any), else 0.
- region: 1 when the patron names the solution's district, 0.5 when one of the patron's districts
  lies in the same Regierungsbezirk or the patron names no district (funds anywhere), else 0.
- budget: the budget left as a share of BUDGET_FULL (25.000 €), at most 1; nothing left is 0.

A patron with no budget left is marked `exhausted` and ranks after every patron who has some.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from dashboard.i18n import format_money_whole, t

FIELD_WEIGHT = Decimal("0.5")
REGION_WEIGHT = Decimal("0.3")
BUDGET_WEIGHT = Decimal("0.2")
BUDGET_FULL = Decimal("25000")  # a budget left of this much or more counts fully
HALF = Decimal("0.5")
SCORE_PLACES = Decimal("0.001")


@dataclass(frozen=True)
class ActionField:
    code: str
    name_de: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_de


@dataclass(frozen=True)
class Place:
    """A district (Kreis or kreisfreie Stadt) and its Regierungsbezirk."""

    ags: str
    name: str
    kind: str
    regierungsbezirk: str

    @property
    def label(self) -> str:
        """`Kreis Unna`, `Dortmund`, `Rhein-Kreis Neuss`: the name as people say it."""
        if self.kind == "Kreis" and not any(w in self.name.lower() for w in ("kreis", "region")):
            return f"Kreis {self.name}"
        return self.name


@dataclass(frozen=True)
class Need:
    """What a solution asks of a patron: its action field and where it works (None: unknown)."""

    action_field: ActionField | None
    place: Place | None


@dataclass(frozen=True)
class Interest:
    """A patron's interests and the budget left (pledges at events and through curation)."""

    patron_id: str
    name: str
    action_fields: tuple[str, ...]  # codes; empty: any action field
    districts: tuple[Place, ...]  # empty: anywhere
    remaining_eur: Decimal


@dataclass(frozen=True)
class Reason:
    """One part of a fit in words: a message key and what it names."""

    key: str
    value: ActionField | Place | Decimal | str | None = None
    positive: bool = True

    def text(self, lang: str) -> str:
        value = self.value
        if value is None:
            return t(self.key, lang=lang)
        if isinstance(value, ActionField):
            shown = value.name(lang)
        elif isinstance(value, Place):
            shown = value.label
        elif isinstance(value, Decimal):
            shown = format_money_whole(value, lang=lang)
        else:
            shown = value
        return t(self.key, shown, lang=lang)


@dataclass(frozen=True)
class Fit:
    """A patron's fit for a solution: the score, its named parts (each 0 … 1) and the reasons."""

    patron_id: str
    name: str
    score: Decimal
    field: Decimal
    region: Decimal
    budget: Decimal
    remaining_eur: Decimal
    reasons: tuple[Reason, ...]

    @property
    def exhausted(self) -> bool:
        """True when the patron has no budget left."""
        return self.remaining_eur <= 0

    def reason_texts(self, lang: str, positive_only: bool = False) -> list[str]:
        return [r.text(lang) for r in self.reasons if r.positive or not positive_only]


def fit(need: Need, patron: Interest) -> Fit:
    """How well `patron` fits a solution with `need`."""
    field, field_reason = _field(need, patron)
    region, region_reason = _region(need, patron)
    budget, budget_reason = _budget(patron.remaining_eur)
    score = FIELD_WEIGHT * field + REGION_WEIGHT * region + BUDGET_WEIGHT * budget
    return Fit(
        patron_id=patron.patron_id,
        name=patron.name,
        score=score.quantize(SCORE_PLACES, rounding=ROUND_HALF_UP),
        field=field,
        region=region,
        budget=budget,
        remaining_eur=patron.remaining_eur,
        reasons=(field_reason, region_reason, budget_reason),
    )


def rank(need: Need, patrons: Iterable[Interest]) -> list[Fit]:
    """Every patron's fit, best first; patrons without budget left come last."""
    fits = [fit(need, p) for p in patrons]
    return sorted(fits, key=lambda f: (f.exhausted, -f.score, f.name.casefold(), f.patron_id))


def best(fits: Iterable[Fit], exclude: Iterable[str] = ()) -> Fit | None:
    """The best-ranked fit with budget left whose patron is not in `exclude`."""
    skip = set(exclude)
    return next((f for f in fits if not f.exhausted and f.patron_id not in skip), None)


def interest(
    patron_id: str,
    name: str,
    action_fields: Iterable[str],
    district_ags: Iterable[str],
    remaining_eur: Decimal,
    places: Mapping[str, Place],
) -> Interest:
    """An Interest from the export's codes; an unknown district keeps its code as its name."""
    districts = tuple(places.get(ags) or Place(ags, ags, "", "") for ags in district_ags)
    return Interest(patron_id, name, tuple(action_fields), districts, Decimal(remaining_eur))


def _field(need: Need, patron: Interest) -> tuple[Decimal, Reason]:
    if not patron.action_fields:
        return HALF, Reason("patrons_reason_any_field")
    if need.action_field is not None and need.action_field.code in patron.action_fields:
        return Decimal(1), Reason("patrons_reason_field", need.action_field)
    return Decimal(0), Reason("patrons_reason_other_field", positive=False)


def _region(need: Need, patron: Interest) -> tuple[Decimal, Reason]:
    if not patron.districts:
        return HALF, Reason("patrons_reason_anywhere")
    place = need.place
    if place is None:
        return Decimal(0), Reason("patrons_reason_region_unknown", positive=False)
    if any(d.ags == place.ags for d in patron.districts):
        return Decimal(1), Reason("patrons_reason_district", place)
    if place.regierungsbezirk and any(
        d.regierungsbezirk == place.regierungsbezirk for d in patron.districts
    ):
        return HALF, Reason("patrons_reason_regierungsbezirk", place.regierungsbezirk)
    return Decimal(0), Reason("patrons_reason_other_region", positive=False)


def _budget(remaining: Decimal) -> tuple[Decimal, Reason]:
    if remaining <= 0:
        return Decimal(0), Reason("patrons_reason_no_budget", positive=False)
    return min(remaining / BUDGET_FULL, Decimal(1)), Reason("patrons_reason_budget", remaining)
