"""Scaling candidates (/skalierung, leadership and above): the page's choices as a filter
object, the candidates ranked by the transparent score (dashboard.scaling_score) and the
transfer matrix of demand and supply, each downloadable."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from dashboard import access, challenges, db, scaling_score, tables, urls
from dashboard.i18n import t
from dashboard.scaling_score import COMPONENTS, Candidate, Ranked
from dashboard.store import STATUSES
from dashboard.tables import INTEGER, MONEY, NUMBER, Column, DataTable

# URL parameters (the event and field ones as on /herausforderungen)
EVENT, FIELD = challenges.EVENT, challenges.FIELD
STATUS, REGION, CANDIDATE = "status", "bezirk", "kandidat"
TOP = 50
RANKING_DATASET, MATRIX_DATASET = "skalierung_rangliste", "skalierung_transferkarte"


@dataclass(frozen=True)
class CandidateRow:
    """A candidate's raw score inputs, and the maxima over all solutions (the same each row)."""

    solution_id: str
    title: str
    action_field: str
    action_field_name: str | None
    regierungsbezirk: str | None
    status: str
    award: str | None
    votes: int
    mean_rating: Decimal | float | None
    raters: int
    demand_elsewhere: int
    is_digital: bool
    maturity: str
    max_votes: int | None
    max_demand: int | None


@dataclass(frozen=True)
class Region:
    regierungsbezirk: str


@dataclass(frozen=True)
class TransferCell:
    """One cell of the transfer matrix: an action field in a Regierungsbezirk (or district)."""

    action_field: str
    action_field_name: str
    region_key: str  # the Regierungsbezirk's name, or a district's AGS
    region_name: str
    regierungsbezirk: str
    challenges: int
    solutions: int
    unsolved: int
    eur_grants: Decimal


scaling_candidates = db.reader("scaling_candidates", CandidateRow)
scaling_regions = db.reader("scaling_regions", Region)
scaling_matrix = db.reader("scaling_matrix", TransferCell)


@dataclass(frozen=True)
class ScalingCandidates:
    """Candidates (raw score inputs) under the filters, and the maxima over all solutions."""

    candidates: tuple[Candidate, ...]
    max_votes: int
    max_demand: int


def candidates(
    event_id: str | None, action_field: str | None, status: str | None, lang: str
) -> ScalingCandidates:
    rows = scaling_candidates(
        event_id=event_id, action_field=action_field, status=status, lang=lang
    )
    found = tuple(
        Candidate(
            solution_id=r.solution_id,
            title=r.title,
            action_field=r.action_field,
            action_field_name=r.action_field_name or r.action_field,
            regierungsbezirk=r.regierungsbezirk,
            status=r.status,
            award=r.award,
            votes=int(r.votes),
            mean_rating=None if r.mean_rating is None else float(r.mean_rating),
            raters=int(r.raters),
            demand_elsewhere=int(r.demand_elsewhere),
            is_digital=bool(r.is_digital),
            maturity=r.maturity,
        )
        for r in rows
    )
    # Every row carries the maxima over all solutions (the filters come after them).
    first = rows[0] if rows else None
    max_votes = int(first.max_votes or 0) if first else 0
    max_demand = int(first.max_demand or 0) if first else 0
    return ScalingCandidates(found, max_votes, max_demand)


def regions() -> tuple[str, ...]:
    return tuple(r.regierungsbezirk for r in scaling_regions())


def transfer_matrix(
    regierungsbezirk: str | None, action_field: str | None, lang: str
) -> tuple[TransferCell, ...]:
    """Every field × region cell (zeros included); regions are the districts of
    `regierungsbezirk` when one is given, else the Regierungsbezirke."""
    return scaling_matrix(regierungsbezirk=regierungsbezirk, action_field=action_field, lang=lang)


@dataclass(frozen=True)
class ScalingSelection:
    """The URL's choices on /skalierung, validated (unknown → None, i.e. "all" or default)."""

    event_id: str | None
    action_field: str | None
    status: str | None
    weights: dict[str, int]
    regierungsbezirk: str | None  # the matrix shows its districts
    candidate: str | None  # a solution id whose transfer targets the matrix marks

    @classmethod
    def from_url(cls, params: Mapping[str, Any], lang: str = "de") -> ScalingSelection:
        known = challenges.options("de")
        event, field, status, region, candidate = (
            urls.first(params.get(p)) for p in (EVENT, FIELD, STATUS, REGION, CANDIDATE)
        )
        return cls(
            event_id=event if event in {e.code for e in known.events} else None,
            action_field=field if field in {f.code for f in known.fields} else None,
            status=status if status in STATUSES else None,
            weights=scaling_score.weights_from_params(
                {k: urls.first(v) for k, v in params.items()}
            ),
            regierungsbezirk=region if region in regions() else None,
            candidate=candidate or None,
        )

    def query(self) -> str:
        """The selection with every weight spelled out, so a download says how it was ranked."""
        return urls.encode({
            EVENT: self.event_id,
            FIELD: self.action_field,
            STATUS: self.status,
            **{scaling_score.WEIGHT_PARAMS[n]: str(self.weights[n]) for n in COMPONENTS},
            REGION: self.regierungsbezirk,
            CANDIDATE: self.candidate,
        })  # fmt: skip


def ranking(selection: ScalingSelection, lang: str) -> tuple[list[Ranked], int]:
    """The top TOP ranked candidates and how many there are."""
    found = candidates(selection.event_id, selection.action_field, selection.status, lang)
    maxima = scaling_score.Maxima(found.max_votes, found.max_demand)
    ranked = scaling_score.rank(found.candidates, maxima, selection.weights)
    return ranked[:TOP], len(ranked)


@tables.dataset(RANKING_DATASET, parse=ScalingSelection.from_url, access=access.LEADERSHIP)
def ranking_table(selection: ScalingSelection, lang: str) -> DataTable:
    """The ranking as the page shows it (top 50) with every component, for the URL's weights."""
    ranked, _total = ranking(selection, lang)
    weights = ", ".join(
        f"{t(f'scaling_short_{name}', lang=lang)} {selection.weights[name]}" for name in COMPONENTS
    )
    rows = tuple(
        (
            r.rank,
            r.candidate.solution_id,
            r.candidate.title,
            f"/loesungen/{r.candidate.solution_id}",
            r.candidate.action_field_name,
            r.candidate.regierungsbezirk,
            t(f"status_{r.candidate.status}", lang=lang),
            round(r.score, 4),
            *(round(r.components[name], 4) for name in COMPONENTS),
            r.candidate.votes,
            None if r.candidate.mean_rating is None else round(r.candidate.mean_rating, 2),
            r.candidate.demand_elsewhere,
            weights,
        )
        for r in ranked
    )
    return DataTable(
        name=RANKING_DATASET,
        title=t("scaling_ranking_title", lang=lang),
        columns=(
            Column("rang", t("scaling_col_rank", lang=lang), INTEGER),
            Column("kennung", t("scaling_col_id", lang=lang)),
            Column("titel", t("scaling_col_solution", lang=lang)),
            Column("link", t("scaling_col_link", lang=lang)),
            Column("feld", t("scaling_col_field", lang=lang)),
            Column("regierungsbezirk", t("scaling_col_region", lang=lang)),
            Column("status", t("scaling_col_status", lang=lang)),
            Column("wert", t("scaling_col_score", lang=lang), NUMBER),
            *(
                Column(name, t(f"scaling_component_{name}", lang=lang), NUMBER)
                for name in COMPONENTS
            ),
            Column("stimmen", t("scaling_col_votes_raw", lang=lang), INTEGER),
            Column("bewertung", t("scaling_col_rating_raw", lang=lang), NUMBER),
            Column("bedarf", t("scaling_col_demand_raw", lang=lang), INTEGER),
            Column("gewichte", t("scaling_col_weights", lang=lang)),
        ),
        rows=rows,
    )


def matrix(
    selection: ScalingSelection, lang: str
) -> tuple[tuple[TransferCell, ...], Candidate | None, set[tuple[str, str]]]:
    """The matrix cells, the chosen candidate (or None) and the cells it could scale into."""
    cells = transfer_matrix(selection.regierungsbezirk, selection.action_field, lang)
    everyone = candidates(None, None, None, lang)
    chosen = next((c for c in everyone.candidates if c.solution_id == selection.candidate), None)
    targets = scaling_score.transfer_targets(cells, chosen) if chosen else set()
    return cells, chosen, targets


@tables.dataset(MATRIX_DATASET, parse=ScalingSelection.from_url, access=access.LEADERSHIP)
def matrix_table(selection: ScalingSelection, lang: str) -> DataTable:
    """The transfer matrix, one row per cell, with its gap and (for a candidate) its target flag."""
    cells, chosen, targets = matrix(selection, lang)
    yes, no = t("scaling_yes", lang=lang), t("scaling_no", lang=lang)
    columns = [
        Column("feld", t("scaling_col_field", lang=lang)),
        Column("region", t("scaling_col_region_name", lang=lang)),
        Column("regierungsbezirk", t("scaling_col_region", lang=lang)),
        Column("herausforderungen", t("scaling_col_challenges", lang=lang), INTEGER),
        Column("loesungen", t("scaling_col_solutions", lang=lang), INTEGER),
        Column("ohne_loesung", t("scaling_col_unsolved", lang=lang), INTEGER),
        Column("foerderung", t("scaling_col_grants", lang=lang), MONEY),
        Column("bedarf_ohne_loesung", t("scaling_col_gap", lang=lang)),
    ]
    if chosen:
        columns.append(Column("ziel", t("scaling_col_target", lang=lang)))
    rows = tuple(
        (
            c.action_field_name,
            c.region_name,
            c.regierungsbezirk,
            c.challenges,
            c.solutions,
            c.unsolved,
            c.eur_grants,
            yes if c.unsolved else no,
            *([yes if (c.action_field, c.region_key) in targets else no] if chosen else []),
        )
        for c in cells
    )
    return DataTable(
        name=MATRIX_DATASET,
        title=t("scaling_matrix_table_title", lang=lang),
        columns=tuple(columns),
        rows=rows,
    )
