"""Patron matching without Dash: suggestions for a solution, offers and pledges, amounts typed in.

`/admin/paten` and the shortlist export call these; writes go through `dashboard.curation` with the
version of the solution's entry the curator saw, so a change made meanwhile is never overwritten.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from dashboard import data, matching
from dashboard.curation import STATUSES, CurationStore, InvalidChange, OverBudget, StaleVersion
from dashboard.i18n import format_date, format_money, t

MAX_AMOUNT = Decimal("999999999999.99")  # DECIMAL(14, 2)
PORTAL_TIMEZONE = ZoneInfo("Europe/Berlin")


# --- suggestions --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestions:
    """A solution, its patrons ranked by fit, and who was offered it or pledged already."""

    solution: data.SolutionNeed
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
        d.ags: matching.Place(d.ags, d.name, d.kind, d.regierungsbezirk)
        for d in data.matching_districts()
    }


def action_fields() -> dict[str, matching.ActionField]:
    return {
        f.code: matching.ActionField(f.code, f.name_de, f.name_en) for f in data.matching_fields()
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
        for p in data.patrons()
    ]


def suggestions(solution_id: str) -> Suggestions | None:
    """The patrons for a solution, best fit first; None when there is no such solution."""
    solution = data.solution_need(solution_id)
    if solution is None:
        return None
    known_places = places()
    need = need_of(solution.action_field, solution.district_ags, action_fields(), known_places)
    fits = matching.rank(need, interests(known_places))
    existing = data.solution_patronships(solution_id)
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
    if patron is None or data.solution_need(solution_id) is None:
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
    if patron is None or data.solution_need(solution_id) is None:
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
    outside = patron.budget_eur - data.event_pledges().get(patron_id, Decimal(0))
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


def describe_change(change: dict[str, Any], lang: str) -> str:
    """An audit entry of a solution's entry in words: when, who, and what changed."""
    when = _moment(change["at"], lang)
    before, after = change.get("before") or {}, change.get("after") or {}
    if change["action"] == "entry.status":
        what = t(
            "patrons_change_status",
            t(f"status_{before.get('status', 'new')}", lang=lang),
            t(f"status_{after.get('status', 'new')}", lang=lang),
            lang=lang,
        )
    else:
        what = t("patrons_change_notes", lang=lang)
    return t("patrons_change", when, change["who"], what, lang=lang)


def _patron(patron_id: str) -> data.PatronSummary | None:
    return next((p for p in data.patrons() if p.patron_id == patron_id), None)


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


def _moment(iso: str, lang: str) -> str:
    moment = datetime.fromisoformat(iso)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone(PORTAL_TIMEZONE)
    return f"{format_date(local.date(), lang=lang)}, {local:%H:%M}"


# --- the shortlist for a patron meeting (/admin/shortlist, /daten/shortlist.xlsx) ----------------

EVENT_PARAM, FIELD_PARAM, STATUS_PARAM = "veranstaltung", "feld", "status"
DEFAULT_STATUS = "shortlisted"


def shortlist_filters(url_params: Mapping[str, str]) -> data.ShortlistFilters:
    """The URL's filters, validated: an unknown event or field is "all", an unknown status the
    default (shortlisted)."""
    event = url_params.get(EVENT_PARAM)
    field_code = url_params.get(FIELD_PARAM)
    status = url_params.get(STATUS_PARAM)
    return data.ShortlistFilters(
        status=status if status in STATUSES else DEFAULT_STATUS,
        event_id=event if event in {e.event_id for e in data.events()} else None,
        action_field=field_code if field_code in action_fields() else None,
    )


def shortlist_query(filters: data.ShortlistFilters) -> str:
    """The query string of `filters`, defaults left out (for the download link)."""
    params = {
        EVENT_PARAM: filters.event_id,
        FIELD_PARAM: filters.action_field,
        STATUS_PARAM: None if filters.status == DEFAULT_STATUS else filters.status,
    }
    return urlencode({k: v for k, v in params.items() if v})
