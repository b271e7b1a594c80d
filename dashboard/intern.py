"""The leadership view (/intern): the curation pipeline per event, the patrons' budgets and
the shortlist per action field (each downloadable, leadership and above)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from dashboard import access, db, tables
from dashboard.i18n import t
from dashboard.store import STATUSES
from dashboard.tables import INTEGER, MONEY, Column, DataTable


@dataclass(frozen=True)
class PipelineCount:
    event_id: str
    event_name: str
    status: str
    solutions: int


@dataclass(frozen=True)
class PatronBudget:
    """A patron's budget, pledged (events and curation, the one pledges view) and left."""

    patron_id: str
    name: str
    budget_eur: Decimal
    pledged_eur: Decimal
    remaining_eur: Decimal


@dataclass(frozen=True)
class ShortlistCount:
    action_field: str
    name_de: str
    name_en: str
    shortlisted: int


intern_pipeline = db.reader("intern_pipeline", PipelineCount)
intern_patron_budgets = db.reader("intern_patron_budgets", PatronBudget)
intern_shortlist_by_field = db.reader("intern_shortlist_by_field", ShortlistCount)


# The funnel's stages: a solution counts at every stage it has reached (a declined one was looked
# at, nothing more); "scaling" is the last.
FUNNEL = (
    ("all", STATUSES),
    ("reviewed", tuple(s for s in STATUSES if s != "new")),
    ("shortlisted", ("shortlisted", "matched", "funded", "scaling")),
    ("matched", ("matched", "funded", "scaling")),
    ("funded", ("funded", "scaling")),
    ("scaling", ("scaling",)),
)


def funnel() -> tuple[tuple[str, int], ...]:
    """How many solutions reached each stage of the curation, every event together."""
    by_status: dict[str, int] = {}
    for row in intern_pipeline():
        by_status[row.status] = by_status.get(row.status, 0) + row.solutions
    return tuple((stage, sum(by_status.get(s, 0) for s in statuses)) for stage, statuses in FUNNEL)


@tables.dataset("intern_pipeline", access=access.LEADERSHIP)
def pipeline(_filters: None, lang: str) -> DataTable:
    """Solutions per curation status (rows) and event (columns)."""
    rows = intern_pipeline()
    events = list(dict.fromkeys(r.event_id for r in rows))
    names = {r.event_id: r.event_name for r in rows}
    counts = {(r.status, r.event_id): r.solutions for r in rows}
    return DataTable(
        name="intern_pipeline",
        title=t("intern_pipeline_title", lang=lang),
        columns=(
            Column("status", t("intern_col_status", lang=lang)),
            *(Column(e, names[e], INTEGER) for e in events),
            Column("total", t("intern_col_total", lang=lang), INTEGER),
        ),
        rows=tuple(
            (
                t(f"status_{status}", lang=lang),
                *(counts.get((status, e), 0) for e in events),
                sum(counts.get((status, e), 0) for e in events),
            )
            for status in STATUSES
        ),
    )


@tables.dataset("intern_paten_budgets", access=access.LEADERSHIP)
def patron_budgets(_filters: None, lang: str) -> DataTable:
    """Each patron's budget, what was pledged (events and curation) and what is left."""
    return DataTable(
        name="intern_paten_budgets",
        title=t("intern_budgets_title", lang=lang),
        columns=(
            Column("name", t("intern_col_patron", lang=lang)),
            Column("pledged", t("intern_col_pledged", lang=lang), MONEY),
            Column("remaining", t("intern_col_remaining", lang=lang), MONEY),
            Column("budget", t("intern_col_budget", lang=lang), MONEY),
        ),
        rows=tuple(
            (r.name, r.pledged_eur, r.remaining_eur, r.budget_eur) for r in intern_patron_budgets()
        ),
    )


@tables.dataset("intern_shortlist_handlungsfelder", access=access.LEADERSHIP)
def shortlist_by_field(_filters: None, lang: str) -> DataTable:
    """Ideas on the shortlist per action field."""
    return DataTable(
        name="intern_shortlist_handlungsfelder",
        title=t("intern_shortlist_title", lang=lang),
        columns=(
            Column("field", t("intern_col_field", lang=lang)),
            Column("shortlisted", t("intern_col_shortlisted", lang=lang), INTEGER),
        ),
        rows=tuple(
            (r.name_en if lang == "en" else r.name_de, r.shortlisted)
            for r in intern_shortlist_by_field()
        ),
    )
