"""Patron matching (/admin/paten) and the shortlist for a patron meeting (/admin/shortlist):
the patrons and their money, suggestions for a solution (dashboard.matching scores them), offers
and pledges with the amounts curators type in, and the shortlist with its filter object.

Writes go through the curation store with the version of the solution's entry the curator saw,
so a change made meanwhile is never overwritten.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from dashboard import access, audit, db, intern, matching, overview, tables, urls
from dashboard import action_fields as action_fields_table
from dashboard.i18n import format_money, t
from dashboard.store import STATUSES, CurationStore, InvalidChange, OverBudget, StaleVersion
from dashboard.tables import INTEGER, NUMBER, Column, DataTable

MAX_AMOUNT = Decimal("999999999999.99")  # DECIMAL(14, 2)


# --- what the database answers --------------------------------------------------------------


@dataclass(frozen=True)
class PatronInterests:
    patron_id: str
    name: str
    kind: str
    action_fields: tuple[str, ...]  # codes; empty: any
    districts: tuple[str, ...]  # AGS; empty: anywhere


@dataclass(frozen=True)
class PatronSummary:
    """A patron's interests and money: budget, pledged (events and curation), remaining."""

    patron_id: str
    name: str
    kind: str
    action_fields: tuple[str, ...]  # codes; empty: any
    districts: tuple[str, ...]  # AGS; empty: anywhere
    budget_eur: Decimal
    pledged_eur: Decimal
    remaining_eur: Decimal


@dataclass(frozen=True)
class MatchingDistrict:
    ags: str
    name: str
    kind: str
    regierungsbezirk: str


@dataclass(frozen=True)
class MatchableSolution:
    """A solution a patron can be found for (shortlisted, or matched for a second patron)."""

    solution_id: str
    title: str
    status: str


@dataclass(frozen=True)
class SolutionNeed:
    """What matching needs of a solution; district_ags is its own, else its challenge's."""

    solution_id: str
    title: str
    status: str
    action_field: str | None
    district_ags: str | None


@dataclass(frozen=True)
class SolutionPatronship:
    """A patron offered (amount None) or pledged (events and curation summed) to one solution."""

    patron_id: str
    status: str
    amount_eur: Decimal | None


@dataclass(frozen=True)
class PatronPatronship:
    """One of a patron's pledges (source `event` or `curation`) or open offers."""

    solution_id: str
    title: str | None
    solution_status: str
    status: str
    amount_eur: Decimal | None
    pledged_on: date | None
    source: str


@dataclass(frozen=True)
class EventPledge:
    patron_id: str
    amount_eur: Decimal


@dataclass(frozen=True)
class ShortlistRow:
    solution_id: str
    title: str
    challenge_title: str | None
    organisation: str | None
    team_name: str
    video_url: str | None
    action_field: str
    action_field_name: str | None
    district_ags: str | None
    event_name: str | None
    status: str
    notes: str
    rating_mean: float | None
    raters: int
    impact: float | None
    transferability: float | None
    readiness: float | None
    cost_effectiveness: float | None


patrons_interests = db.reader("patrons_interests", PatronInterests)
patrons_places = db.reader("patrons_places", MatchingDistrict)
patrons_solution_options = db.reader("patrons_solution_options", MatchableSolution)
patrons_solution = db.reader("patrons_solution", SolutionNeed)
patrons_solution_patronships = db.reader("patrons_solution_patronships", SolutionPatronship)
patrons_patronships = db.reader("patrons_patronships", PatronPatronship)
patrons_event_pledges = db.reader("patrons_event_pledges", EventPledge)
shortlist_rows = db.reader("shortlist_rows", ShortlistRow)


@db.cached
def patrons() -> tuple[PatronSummary, ...]:
    """Every patron by name; the money from the one pledges view (intern_patron_budgets)."""
    money = {r.patron_id: r for r in intern.intern_patron_budgets()}
    return tuple(
        PatronSummary(
            patron_id=p.patron_id,
            name=p.name,
            kind=p.kind,
            action_fields=p.action_fields,
            districts=p.districts,
            budget_eur=money[p.patron_id].budget_eur,
            pledged_eur=money[p.patron_id].pledged_eur,
            remaining_eur=money[p.patron_id].remaining_eur,
        )
        for p in patrons_interests()
    )


def matchable_solutions() -> tuple[MatchableSolution, ...]:
    """Shortlisted solutions first, then matched ones; each by title."""
    return patrons_solution_options()


def solution_need(solution_id: str) -> SolutionNeed | None:
    return patrons_solution.one(solution_id=solution_id)


def patron_patronships(patron_id: str) -> tuple[PatronPatronship, ...]:
    """Pledges (newest first) and open offers of one patron."""
    return patrons_patronships(patron_id=patron_id)


def event_pledges() -> dict[str, Decimal]:
    """Per patron: what was pledged at the events (the export), without curation pledges."""
    return {r.patron_id: r.amount_eur for r in patrons_event_pledges()}


# --- suggestions --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestions:
    """A solution, its patrons ranked by fit, and who was offered it or pledged already."""

    solution: SolutionNeed
    need: matching.Need
    fits: tuple[matching.Fit, ...]
    offered: frozenset[str]
    pledged: dict[str, Decimal] = field(default_factory=dict)

    @property
    def best(self) -> matching.Fit | None:
        """The best fit with budget left that has not pledged to this solution yet."""
        return matching.best(self.fits, exclude=self.pledged)


def places() -> dict[str, matching.Place]:
    return {
        d.ags: matching.Place(d.ags, d.name, d.kind, d.regierungsbezirk) for d in patrons_places()
    }


def action_fields() -> dict[str, matching.ActionField]:
    return {
        f.code: matching.ActionField(f.code, f.name_de, f.name_en)
        for f in action_fields_table.action_fields()
    }


def need_of(
    action_field: str | None,
    district_ags: str | None,
    fields: dict[str, matching.ActionField],
    known_places: dict[str, matching.Place],
) -> matching.Need:
    return matching.Need(
        fields.get(action_field or ""),
        known_places.get(district_ags or "") if district_ags else None,
    )


def interests(known_places: dict[str, matching.Place]) -> list[matching.Interest]:
    return [
        matching.interest(
            p.patron_id, p.name, p.action_fields, p.districts, p.remaining_eur, known_places
        )
        for p in patrons()
    ]


def suggestions(solution_id: str) -> Suggestions | None:
    """The patrons for a solution, best fit first; None when there is no such solution."""
    solution = solution_need(solution_id)
    if solution is None:
        return None
    known_places = places()
    need = need_of(solution.action_field, solution.district_ags, action_fields(), known_places)
    fits = matching.rank(need, interests(known_places))
    existing = patrons_solution_patronships(solution_id=solution_id)
    return Suggestions(
        solution=solution,
        need=need,
        fits=tuple(fits),
        offered=frozenset(p.patron_id for p in existing if p.status == "offered"),
        pledged={p.patron_id: p.amount_eur for p in existing if p.status == "pledged"},
    )


# --- amounts and dates typed in -------------------------------------------------------------------


class Refused(ValueError):
    """Input the page refuses; `key` names the message that says why."""

    def __init__(self, key: str, *args: Any) -> None:
        self.key = key
        self.args_ = args
        super().__init__(key)

    def text(self, lang: str) -> str:
        return t(self.key, *(_shown(a, lang) for a in self.args_), lang=lang)


_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+|\d{1,3}(?: \d{3})+")
_PLAIN = re.compile(r"\d+")


def parse_amount(text: str | None) -> Decimal:
    """A euro amount as people type it in German: `12.500,00`, `12500`, `12 500,5`, `12.500 €`.

    The rule, exactly: an optional `€`/`EUR`; digits, grouped by thousands with `.` (or a space)
    or not grouped at all; then optionally `,` and one or two decimals. Nothing else is read:
    a sign (`-5`), letters (`abc`), a decimal point (`12500.50`) or more than two decimals are
    refused. `1,234` is refused as ambiguous (1.234 € in English, 1,234 € has no cents in German).
    The result is exact (Decimal), positive, and fits DECIMAL(14, 2).
    """
    raw = (text or "").replace("\u00a0", " ").replace("\u202f", " ").strip()
    cleaned = re.sub(r"^(€|eur)\s*|\s*(€|eur)$", "", raw, flags=re.IGNORECASE).strip()
    if not cleaned:
        raise Refused("patrons_amount_empty")
    if re.fullmatch(r"[-−–]\s*[\d.,\s]+", cleaned):
        raise Refused("patrons_amount_not_positive")
    whole, comma, cents = cleaned.partition(",")
    if not (_PLAIN.fullmatch(whole) or _GROUPED.fullmatch(whole)) or "," in cents:
        raise Refused("patrons_amount_invalid", raw)
    if comma and not re.fullmatch(r"\d+", cents):
        raise Refused("patrons_amount_invalid", raw)
    if len(cents) == 3 and _PLAIN.fullmatch(whole):
        raise Refused("patrons_amount_ambiguous", raw)
    if len(cents) > 2:
        raise Refused("patrons_amount_too_precise", raw)
    try:
        amount = Decimal(whole.replace(".", "").replace(" ", "") + "." + (cents or "0"))
    except InvalidOperation:  # pragma: no cover - the patterns above only let digits through
        raise Refused("patrons_amount_invalid", raw) from None
    if amount <= 0:
        raise Refused("patrons_amount_not_positive")
    if amount > MAX_AMOUNT:
        raise Refused("patrons_amount_too_large")
    return amount.quantize(Decimal("0.01"))


def parse_date(text: str | None) -> date:
    """The date of a date field (`2026-11-23`); empty or anything else is refused."""
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        raise Refused("patrons_date_invalid") from None


# --- offers and pledges ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What an offer or a pledge did: `done`, `refused` (input) or `stale` (changed meanwhile)."""

    kind: str
    key: str
    args: tuple[Any, ...] = ()
    version: int | None = None  # the entry's version after the write (or the current one)
    changes: tuple[dict[str, Any], ...] = ()  # for `stale`: what happened since the curator saw it

    @property
    def done(self) -> bool:
        return self.kind == "done"

    def text(self, lang: str) -> str:
        return t(self.key, *(_shown(a, lang) for a in self.args), lang=lang)


def offer(
    store: CurationStore, solution_id: str, patron_id: str, seen_version: int, by: str
) -> Outcome:
    """Offer the solution to the patron, if the solution is still as the curator saw it."""
    patron = _patron(patron_id)
    if patron is None or solution_need(solution_id) is None:
        return Outcome("refused", "patrons_unknown_choice")
    try:
        result = store.offer_checked(solution_id, patron_id, seen_version, by)
    except StaleVersion as stale:
        return _stale(stale)
    if result.status == "pledged":
        return Outcome("done", "patrons_offer_already_pledged", (patron.name,), seen_version)
    return Outcome("done", "patrons_offer_done", (patron.name,), seen_version)


def pledge(
    store: CurationStore,
    solution_id: str,
    patron_id: str,
    amount_text: str | None,
    date_text: str | None,
    seen_version: int,
    by: str,
) -> Outcome:
    """Record a pledge (the solution becomes matched), if the input is sound and nothing moved.

    A pledge larger than the patron's budget left is refused: budgets come from the export, and
    a larger pledge means the export is out of date (an admin imports the new budget first).
    """
    patron = _patron(patron_id)
    if patron is None or solution_need(solution_id) is None:
        return Outcome("refused", "patrons_unknown_choice")
    try:
        amount = parse_amount(amount_text)
        pledged_on = parse_date(date_text)
    except Refused as refused:
        return Outcome("refused", refused.key, refused.args_)
    # A new pledge of the same patron to the same solution replaces the earlier curation pledge.
    earlier = sum(
        (p.amount_eur or Decimal(0) for p in store.patronships(patron_id)
         if p.solution_id == solution_id and p.status == "pledged"),
        Decimal(0),
    )  # fmt: skip
    available = patron.remaining_eur + earlier
    if amount > available:
        return Outcome("refused", "patrons_amount_over_budget", (patron.name, available))
    # The store checks the budget again inside its write transaction: another curator may have
    # pledged this patron's money since the figures above were read.
    outside = patron.budget_eur - event_pledges().get(patron_id, Decimal(0))
    try:
        store.pledge(solution_id, patron_id, amount, pledged_on, seen_version, by, outside)
    except StaleVersion as stale:
        return _stale(stale)
    except OverBudget as over:
        return Outcome("refused", "patrons_amount_over_budget", (patron.name, over.available))
    except InvalidChange:  # pragma: no cover - parse_amount already keeps to what the store takes
        return Outcome("refused", "patrons_amount_invalid", (amount_text or "",))
    version = store.entry(solution_id).version
    return Outcome(
        "done", "patrons_pledge_done", (patron.name, amount, available - amount), version
    )


def change_text(change: dict[str, Any], lang: str) -> str:
    """A change made meanwhile: "23.11.2026, 14:02 – jonas: Status: Shortlist → Abgelehnt"."""
    line = audit.change_line(change, lang)
    return t("patrons_change", line.when, line.who, line.what, lang=lang)


def _patron(patron_id: str) -> PatronSummary | None:
    return next((p for p in patrons() if p.patron_id == patron_id), None)


def _stale(stale: StaleVersion) -> Outcome:
    return Outcome(
        "stale",
        "patrons_stale",
        (),
        version=stale.current.version,
        changes=tuple(stale.changes),
    )


def _shown(value: Any, lang: str) -> str:
    if isinstance(value, Decimal):
        return format_money(value, lang=lang)
    return str(value)


# --- the shortlist for a patron meeting (/admin/shortlist, /daten/shortlist.xlsx) ----------------

EVENT, FIELD, STATUS = "veranstaltung", "feld", "status"  # the URL parameters
DEFAULT_STATUS = "shortlisted"
SHORTLIST_DATASET = "shortlist"
CRITERIA_COLUMNS = (
    ("impact", "patrons_col_impact"),
    ("transferability", "patrons_col_transferability"),
    ("readiness", "patrons_col_readiness"),
    ("cost_effectiveness", "patrons_col_cost_effectiveness"),
)


@dataclass(frozen=True)
class ShortlistFilters:
    """The shortlist's filters: one curation status; None means "all" for event and field."""

    status: str = DEFAULT_STATUS
    event_id: str | None = None
    action_field: str | None = None

    @classmethod
    def from_url(cls, params: Mapping[str, Any], lang: str = "de") -> ShortlistFilters:
        """The URL's filters, validated: an unknown event or field is "all", an unknown status
        the default (shortlisted)."""
        event, field_code, status = (urls.first(params.get(p)) for p in (EVENT, FIELD, STATUS))
        return cls(
            status=status if status in STATUSES else DEFAULT_STATUS,
            event_id=event if event in {e.event_id for e in overview.events()} else None,
            action_field=field_code if field_code in action_fields() else None,
        )

    def query(self) -> str:
        """The query string of the filters, defaults left out (for the download link)."""
        return urls.encode({
            EVENT: self.event_id,
            FIELD: self.action_field,
            STATUS: None if self.status == DEFAULT_STATUS else self.status,
        })  # fmt: skip


def shortlist_entries(filters: ShortlistFilters, lang: str) -> tuple[ShortlistRow, ...]:
    """Solutions in `filters.status`, best rated first, with ratings and notes."""
    return shortlist_rows(
        status=filters.status, event_id=filters.event_id, action_field=filters.action_field,
        lang=lang,
    )  # fmt: skip


@tables.dataset(SHORTLIST_DATASET, parse=ShortlistFilters.from_url, access=access.CURATOR)
def shortlist(filters: ShortlistFilters, lang: str) -> DataTable:
    """The shortlist for a patron meeting (`veranstaltung`, `feld`, `status` from the URL): each
    solution with its challenge, team, video, ratings, notes and the best-fitting patron."""
    rows = []
    for r in shortlist_entries(filters, lang):
        found = suggestions(r.solution_id)
        best = found.best if found else None
        rows.append(
            (
                r.title,
                f"/loesungen/{r.solution_id}",
                r.challenge_title,
                r.organisation,
                r.action_field_name,
                r.team_name,
                r.video_url,
                r.rating_mean,
                r.raters,
                *(getattr(r, key) for key, _ in CRITERIA_COLUMNS),
                r.notes,
                best.name if best else None,
                "; ".join(best.reason_texts(lang, positive_only=True)) if best else None,
            )
        )
    return DataTable(
        name=SHORTLIST_DATASET,
        title=t("patrons_shortlist_table_title", lang=lang),
        columns=(
            Column("titel", t("patrons_col_solution", lang=lang)),
            Column("link", t("patrons_col_link", lang=lang)),
            Column("herausforderung", t("patrons_col_challenge", lang=lang)),
            Column("organisation", t("patrons_col_organisation", lang=lang)),
            Column("feld", t("patrons_col_field", lang=lang)),
            Column("team", t("patrons_col_team", lang=lang)),
            Column("video", t("patrons_col_video", lang=lang)),
            Column("bewertung", t("patrons_col_rating", lang=lang), NUMBER),
            Column("bewertende", t("patrons_col_raters", lang=lang), INTEGER),
            *(Column(key, t(label, lang=lang), NUMBER) for key, label in CRITERIA_COLUMNS),
            Column("notizen", t("patrons_col_notes", lang=lang)),
            Column("pate", t("patrons_col_suggested", lang=lang)),
            Column("begruendung", t("patrons_col_reason", lang=lang)),
        ),
        rows=tuple(rows),
    )
