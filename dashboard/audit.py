"""The audit log as people read it (/admin/protokoll, curators): the URL as a filter object, a
page of entries, the download, and the one description of an entry in words that every page
uses (the log, a curator's history, a refusal that says what changed meanwhile)."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from dashboard import access, tables, urls
from dashboard.i18n import (
    PORTAL_TIMEZONE,
    format_date,
    format_datetime,
    format_money,
    format_number,
    t,
)
from dashboard.store import CRITERIA, current_store
from dashboard.tables import Column, DataTable

DATASET = "protokoll"
PERSON_PARAM, ACTION_PARAM, OBJECT_PARAM = "person", "aktion", "objekt"
FROM_PARAM, TO_PARAM, PAGE_PARAM = "von", "bis", "seite"
PAGE_SIZE = 50
EXPORT_LIMIT = 50_000
MAX_OBJECT_LENGTH = 200
SHOWN_TEXT = 60
# The kinds a curator filters by; a kind finds its actions (`rating` finds `rating.set`).
ACTION_KINDS = ("entry.status", "entry.notes", "rating", "patronship", "user", "data.import")
# Actions whose object is a solution (a patronship's is `<solution>/<patron>`).
SOLUTION_ACTIONS = ("entry.", "rating.", "patronship.")
KNOWN_ACTIONS = (
    "entry.status", "entry.notes", "rating.set", "patronship.offer", "patronship.pledge",
    "user.create", "user.set_password", "user.set_active", "data.import",
)  # fmt: skip


@dataclass(frozen=True)
class AuditFilters:
    """What the URL asks for; None: no restriction."""

    who: str | None = None
    action: str | None = None
    object_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def store_args(self) -> dict[str, str | None]:
        """The filters as `CurationStore.audit_page` takes them: days in German time → UTC."""
        until = self.date_to + timedelta(days=1) if self.date_to else None
        return {
            "who": self.who,
            "action": self.action,
            "object_id": self.object_id,
            "since": _utc_start(self.date_from),
            "until": _utc_start(until),
        }

    def query(self) -> str:
        """The query string of these filters (what the URL holds), for the download links."""
        return urls.encode({
            PERSON_PARAM: self.who,
            ACTION_PARAM: self.action,
            OBJECT_PARAM: self.object_id,
            FROM_PARAM: self.date_from and self.date_from.isoformat(),
            TO_PARAM: self.date_to and self.date_to.isoformat(),
        })  # fmt: skip

    @classmethod
    def from_url(cls, url_params: Mapping[str, Any], lang: str = "de") -> AuditFilters:
        """The URL's filters, validated: an unknown person, kind or date is ignored."""
        who, action, object_id, date_from, date_to = (
            urls.first(url_params.get(p))
            for p in (PERSON_PARAM, ACTION_PARAM, OBJECT_PARAM, FROM_PARAM, TO_PARAM)
        )
        return cls(
            who=who if who and who in people() else None,
            action=action if action in ACTION_KINDS else None,
            object_id=object_id[:MAX_OBJECT_LENGTH] or None,
            date_from=_day(date_from),
            date_to=_day(date_to),
        )


def _utc_start(day: date | None) -> str | None:
    if day is None:
        return None
    start = datetime.combine(day, time(0), tzinfo=PORTAL_TIMEZONE).astimezone(UTC)
    return start.isoformat(timespec="microseconds")


def people() -> list[str]:
    """Everyone who appears in the log: the choices of the person filter."""
    return current_store().audit_people()


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class AuditPage:
    """One page of the filtered log, newest first."""

    entries: list[dict[str, Any]]
    total: int
    page: int
    pages: int


def audit_page(filters: AuditFilters, page: int | None) -> AuditPage:
    """The entries of page `page` (1-based; out of range → the nearest page that exists)."""
    store = current_store()
    args = filters.store_args()
    page = max(1, page or 1)
    entries, total = store.audit_page((page - 1) * PAGE_SIZE, PAGE_SIZE, **args)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    if page > pages:
        page = pages
        entries, total = store.audit_page((page - 1) * PAGE_SIZE, PAGE_SIZE, **args)
    return AuditPage(entries, total, page, pages)


@tables.dataset(DATASET, parse=AuditFilters.from_url, access=access.CURATOR)
def log_table(filters: AuditFilters, lang: str) -> DataTable:
    """The filtered log as a download: every entry (newest first, at most EXPORT_LIMIT)."""
    entries, _total = current_store().audit_page(0, EXPORT_LIMIT, **filters.store_args())
    return DataTable(
        name=DATASET,
        title=t("audit_table_title", lang=lang),
        columns=(
            Column("zeitpunkt", t("audit_col_when", lang=lang)),
            Column("person", t("audit_col_who", lang=lang)),
            Column("aktion", t("audit_col_action", lang=lang)),
            Column("objekt", t("audit_col_object", lang=lang)),
            Column("aenderung", t("audit_col_change", lang=lang)),
        ),
        rows=tuple(
            (
                format_datetime(e["at"], lang),
                e["who"],
                action_words(e["action"], lang),
                e["object"],
                describe(e, lang),
            )
            for e in entries
        ),
    )


# --- in words --------------------------------------------------------------------------------


def action_words(action: str, lang: str | None = None) -> str:
    """`entry.status` → "Status geändert"; an action this portal does not know stays as it is."""
    if action in KNOWN_ACTIONS:
        return t("audit_action_" + action.replace(".", "_"), lang=lang)
    return action


def kind_words(kind: str, lang: str | None = None) -> str:
    return t("audit_kind_" + kind.replace(".", "_"), lang=lang)


def solution_of(entry: dict[str, Any]) -> str | None:
    """The solution an entry is about (its page can be linked), or None."""
    if entry["action"].startswith(SOLUTION_ACTIONS) and entry["object"]:
        return entry["object"].split("/", 1)[0] or None
    return None


@dataclass(frozen=True)
class ChangeLine:
    """An audit entry as a curator reads it: who, when (German time), what."""

    who: str
    when: str
    what: str

    def __str__(self) -> str:
        return f"{self.who}, {self.when}: {self.what}"


def change_line(entry: Mapping[str, Any], lang: str) -> ChangeLine:
    """Who changed what, when: a line of a solution's history or of a refusal's news."""
    return ChangeLine(entry.get("who", ""), format_datetime(entry["at"], lang=lang),
                      describe(entry, lang))  # fmt: skip


def describe(entry: Mapping[str, Any], lang: str | None = None) -> str:
    """An audit entry in words, before → after: "Status: Neu → Shortlist" (the one wording of
    every page that shows a change)."""
    action = entry["action"]
    before = entry.get("before") or {}
    after = entry.get("after") or {}
    try:
        if action == "entry.status":
            return t("audit_change_status", _status(before, lang), _status(after, lang), lang=lang)
        if action == "entry.notes":
            old, new = _quoted(before.get("notes"), lang), _quoted(after.get("notes"), lang)
            return t("audit_change_notes", old, new, lang=lang)
        if action == "rating.set":
            return t("audit_change_rating", _scores(before, after, lang), lang=lang)
        if action.startswith("patronship."):
            old, new = _patronship(entry.get("before"), lang), _patronship(after, lang)
            return t("audit_change_patronship", old, new, lang=lang)
        if action == "user.create":
            active = t("audit_yes" if after.get("active") else "audit_no", lang=lang)
            return t("audit_change_user", _role(after.get("role"), lang), active, lang=lang)
        if action == "user.set_password":
            return t("audit_change_password", lang=lang)
        if action == "user.set_active":
            old = t("audit_yes" if before.get("active") else "audit_no", lang=lang)
            new = t("audit_yes" if after.get("active") else "audit_no", lang=lang)
            return t("audit_change_active", old, new, lang=lang)
        if action == "data.import":
            return _import(after, lang)
    except (AttributeError, KeyError, TypeError, ValueError, InvalidOperation):
        pass  # an entry of an unexpected shape: shown as it is stored
    return _raw(entry.get("before"), entry.get("after"))


def _status(state: dict[str, Any], lang: str | None) -> str:
    status = state.get("status")
    if not status:
        return "–"
    key = f"status_{status}"
    try:
        return t(key, lang=lang)
    except KeyError:
        return str(status)


def _quoted(text: str | None, lang: str | None) -> str:
    if not text:
        return t("audit_empty", lang=lang)
    text = " ".join(str(text).split())
    shown = text if len(text) <= SHOWN_TEXT else text[: SHOWN_TEXT - 1] + "…"
    return t("audit_quoted", shown, lang=lang)


def _scores(before: dict[str, Any], after: dict[str, Any], lang: str | None) -> str:
    parts = []
    for criterion in [*CRITERIA, *sorted(set(after) - set(CRITERIA))]:
        if criterion not in after:
            continue
        name = t(f"audit_criterion_{criterion}", lang=lang) if criterion in CRITERIA else criterion
        old = before.get(criterion)
        if old is None or old == after[criterion]:
            parts.append(f"{name} {after[criterion]}")
        else:
            parts.append(f"{name} {old} → {after[criterion]}")
    return ", ".join(parts)


def _patronship(state: dict[str, Any] | None, lang: str | None) -> str:
    if not state:
        return "–"
    words = t(f"audit_patronship_{state.get('status')}", lang=lang)
    amount, pledged_on = state.get("amount_eur"), state.get("pledged_on")
    if amount and pledged_on:
        money = format_money(Decimal(amount), lang=lang)
        day = format_date(date.fromisoformat(pledged_on), lang=lang)
        words = t("audit_patronship_amount", words, money, day, lang=lang)
    return words


def _role(role: str | None, lang: str | None) -> str:
    return t(f"audit_role_{role}", lang=lang) if role in ("leadership", "curator", "admin") else "–"


def _import(after: dict[str, Any], lang: str | None) -> str:
    tables = ", ".join(
        t("audit_import_table", name, format_number(rows, lang=lang), lang=lang)
        for name, rows in sorted(after.get("tables", {}).items())
    )
    return t("audit_change_import", tables, after.get("file", "–"), lang=lang)


def _raw(before: Any, after: Any) -> str:
    def text(value: Any) -> str:
        return "–" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    return f"{text(before)} → {text(after)}"
