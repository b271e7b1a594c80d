"""Solutions one by one: a solution's page (/loesungen/<id>) — the solution, who pledged to it,
related solutions — and the titles and ids other features look up."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from urllib.parse import unquote

from dashboard import db

MAX_ID_LENGTH = 64  # ids are short; a longer path segment cannot be one
RELATED_SOLUTIONS = 6


@dataclass(frozen=True)
class SolutionDetail:
    """One solution as its page shows it; action field names in both languages."""

    solution_id: str
    title: str
    summary: str
    team_name: str
    team_size: int
    video_url: str | None
    tags: tuple[str, ...]
    maturity: str
    award: str | None
    votes: int
    submitted_on: date
    action_field: str
    action_field_de: str
    action_field_en: str
    district_name: str | None
    event_id: str
    event_name: str
    event_starts_on: date
    event_ends_on: date
    challenge_id: str | None
    challenge_title: str | None
    challenge_org: str | None


@dataclass(frozen=True)
class Pledge:
    """A patron's pledge to a solution."""

    patron_id: str
    patron_name: str
    patron_kind: str
    amount_eur: Decimal
    pledged_on: date


@dataclass(frozen=True)
class RelatedSolution:
    solution_id: str
    title: str
    award: str | None
    same_challenge: bool


@dataclass(frozen=True)
class SolutionTitle:
    solution_id: str
    title: str


@dataclass(frozen=True)
class KnownSolution:
    solution_id: str


solution_detail = db.reader("solution_detail", SolutionDetail)
solution_pledges = db.reader("solution_pledges", Pledge)
solution_related = db.reader("solution_related", RelatedSolution)
# Not cached: asked with ever other ids (a curator's selection, an audit log page).
solution_titles = db.reader("solution_titles", SolutionTitle, cache=False)
curation_known_solutions = db.reader("curation_known_solutions", KnownSolution, cache=False)


def find(segment: str | None) -> SolutionDetail | None:
    """The solution of a path segment as the browser sent it (percent-encoded), or None."""
    solution_id = unquote(segment or "")
    if not solution_id or len(solution_id) > MAX_ID_LENGTH:
        return None
    return detail(solution_id)


def detail(solution_id: str) -> SolutionDetail | None:
    """The solution `solution_id`, or None when there is none."""
    return solution_detail.one(solution_id=solution_id)


def pledges(solution_id: str) -> tuple[Pledge, ...]:
    """Who pledged how much to the solution, largest pledge first."""
    return solution_pledges(solution_id=solution_id)


def related(solution_id: str) -> tuple[RelatedSolution, ...]:
    """Up to six others: same challenge first, then same action field; awarded, popular first."""
    return solution_related(solution_id=solution_id, limit=RELATED_SOLUTIONS)


def titles(solution_ids: Iterable[str]) -> dict[str, str]:
    """{id: title} for those of `solution_ids` in the current dataset."""
    ids = sorted({i for i in solution_ids if i})
    return {r.solution_id: r.title for r in solution_titles(ids=ids)} if ids else {}


def known(solution_ids: Iterable[str]) -> set[str]:
    """Those of `solution_ids` that are solutions of the current dataset."""
    ids = sorted(set(solution_ids))
    return {r.solution_id for r in curation_known_solutions(ids=ids)} if ids else set()
