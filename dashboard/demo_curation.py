"""A curation history for the demo data: what a team of three sample curators might have done.

Without it, a first `make run` shows every solution as new and unrated: the pipeline on
`/intern`, the curators' rating in the scaling score and the shortlist would have nothing to show.
It is written once, into a curation store nobody has used yet, when the demo data is imported for
the first time and DEMO_CURATION is on (`make run` sets it). Deterministic: the same demo data
always gives the same history. The curators' names say that they are samples.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from dashboard.store import CRITERIA, CurationStore, SeedStep

CURATORS = ("beispiel-anna", "beispiel-ben", "beispiel-cem")
SEED = 2026
REVIEWING, SHORTLISTED, DECLINED = 60, 24, 36  # besides the ideas patrons pledged to at events
NOTES = (
    "Starkes Video; das Team hat schon mit einem Träger in der Region gesprochen.",
    "Datenschutzkonzept nachfragen, bevor wir es Paten vorschlagen.",
    "Passt gut zu Trägern im ländlichen Raum; Kosten je Standort klären.",
    "Wurde bereits in einer Einrichtung erprobt, Ansprechpartnerin ist bekannt.",
    "Übertragbar auf andere Handlungsfelder – beim Patentreffen zeigen.",
    "Technisch einfach, aber Schulung der Fachkräfte einplanen.",
)
MATURITY = {"idea": 0, "prototype": 1, "pilot": 2, "in_use": 3}
AWARD = {"winner": 2, "finalist": 1}


@dataclass(frozen=True)
class _Solution:
    solution_id: str
    action_field: str
    quality: float  # what curators would see first: jury, votes, maturity (0–1)


def plan(demo_dir: Path) -> list[SeedStep]:
    """The steps of the demo's curation history, in the order they are written."""
    rng = random.Random(SEED)
    solutions = _solutions(demo_dir / "solutions.csv")
    pledged = _event_pledged(demo_dir / "patronships.csv")
    patrons = _patrons(demo_dir / "patrons.csv")
    ranked = sorted(solutions.values(), key=lambda s: (-s.quality, s.solution_id))
    others = [s for s in ranked if s.solution_id not in pledged]
    shortlisted = others[:SHORTLISTED]
    reviewing = others[SHORTLISTED : SHORTLISTED + REVIEWING]
    declined = rng.sample(others[SHORTLISTED + REVIEWING :], DECLINED)

    steps: list[SeedStep] = []
    for solution_id in sorted(pledged):
        # Pledged at an event: matched; the earliest ones are funded, some already scaling.
        path = ["reviewing", "shortlisted", "matched"]
        rank = sorted(pledged).index(solution_id)
        if rank % 3 == 0:
            path.append("funded")
        if rank % 6 == 0:
            path.append("scaling")
        steps += _moves(rng, solution_id, path)
        steps += _ratings(rng, solutions[solution_id], good=True)
    for s in shortlisted:
        steps += _moves(rng, s.solution_id, ["reviewing", "shortlisted"])
        steps += _ratings(rng, s, good=True)
    for i, s in enumerate(shortlisted[: len(NOTES)]):
        steps.append(SeedStep(rng.choice(CURATORS), s.solution_id, notes=NOTES[i]))
    for s in shortlisted[:8]:
        fitting = [p for p, fields in patrons if not fields or s.action_field in fields]
        if fitting:
            steps.append(SeedStep(rng.choice(CURATORS), s.solution_id, offer_to=fitting[0]))
    for s in reviewing:
        steps += _moves(rng, s.solution_id, ["reviewing"])
        if rng.random() < 0.5:
            steps += _ratings(rng, s, good=False, raters=1)
    for s in declined:
        steps += _moves(rng, s.solution_id, ["reviewing", "declined"])
        steps += _ratings(rng, s, good=False, raters=1)
    return steps


def seed(store: CurationStore, demo_dir: Path) -> bool:
    """Write the history into an unused store (False, nothing written, if it was used)."""
    return store.seed(plan(demo_dir))


def _moves(rng: random.Random, solution_id: str, path: list[str]) -> list[SeedStep]:
    return [SeedStep(rng.choice(CURATORS), solution_id, status=status) for status in path]


def _ratings(
    rng: random.Random, solution: _Solution, good: bool, raters: int | None = None
) -> list[SeedStep]:
    """Scores around what the solution's quality suggests: good ones 3–5, the rest 1–4."""
    who = rng.sample(CURATORS, raters or rng.randint(2, 3))
    centre = 3.2 + 1.4 * solution.quality if good else 1.5 + 2.0 * solution.quality
    return [
        SeedStep(
            curator,
            solution.solution_id,
            scores={c: max(1, min(5, round(centre + rng.uniform(-1, 1)))) for c in CRITERIA},
        )
        for curator in who
    ]


def _solutions(path: Path) -> dict[str, _Solution]:
    rows = list(_rows(path))
    most_votes = max((int(r["votes"] or 0) for r in rows), default=0) or 1
    out = {}
    for r in rows:
        quality = (
            0.4 * AWARD.get(r["award"], 0) / 2
            + 0.35 * int(r["votes"] or 0) / most_votes
            + 0.25 * MATURITY.get(r["maturity"], 0) / 3
        )
        out[r["solution_id"]] = _Solution(r["solution_id"], r["action_field"], quality)
    return out


def _event_pledged(path: Path) -> set[str]:
    return {r["solution_id"] for r in _rows(path)}


def _patrons(path: Path) -> list[tuple[str, set[str]]]:
    """(patron_id, action fields; empty: any), the largest budget first."""
    rows = sorted(_rows(path), key=lambda r: (-Decimal(r["budget_eur"]), r["patron_id"]))
    return [(r["patron_id"], set(filter(None, r["action_fields"].split("|")))) for r in rows]


def _rows(path: Path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        yield from csv.DictReader(fh)
