"""360Giving grant files (CSV column titles or JSON) mapped onto the contract's `grants` table."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

# (row, column as the file names it, message key): ingest turns these into its Problems.
Issue = tuple[int | None, str | None, str]

# Our column → the 360Giving CSV column titles that may hold it; the first title present wins.
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "grant_id": ("Identifier",),
    "title": ("Title",),
    "description": ("Description",),
    "currency": ("Currency",),
    "amount": ("Amount Awarded",),
    "award_date": ("Award Date",),
    "duration_months": ("Planned Dates:Duration (months)",),
    "recipient_org_id": ("Recipient Org:Identifier", "Recipient Ind:Identifier"),
    "recipient_name": ("Recipient Org:Name", "Recipient Ind:Name"),
    "recipient_city": ("Recipient Org:City", "Recipient Org:Address Locality"),
    "funder_name": ("Funding Org:Name",),
    "programme": ("Grant Programme:Title",),
}
# Our column → the 360Giving JSON fields (`object.field` of the object's first entry).
JSON_FIELDS: dict[str, tuple[str, ...]] = {
    "grant_id": ("id",),
    "title": ("title",),
    "description": ("description",),
    "currency": ("currency",),
    "amount": ("amountAwarded",),
    "award_date": ("awardDate",),
    "duration_months": ("plannedDates.duration",),
    "recipient_org_id": ("recipientOrganization.id", "recipientIndividual.id"),
    "recipient_name": ("recipientOrganization.name", "recipientIndividual.name"),
    "recipient_city": ("recipientOrganization.addressLocality", "recipientOrganization.city"),
    "funder_name": ("fundingOrganization.name",),
    "programme": ("grantProgramme.title",),
}
# Without these a 360Giving file cannot become grants (a missing programme becomes the funder).
REQUIRED = (
    "grant_id", "title", "currency", "amount", "award_date", "recipient_org_id",
    "recipient_name", "funder_name",
)  # fmt: skip
GRANT_COLUMNS = (
    "grant_id", "programme", "funder_name", "title", "description", "recipient_org_id",
    "recipient_name", "recipient_city", "association", "action_field", "district_ags",
    "amount", "currency", "award_date", "duration_months",
)  # fmt: skip
# Their texts are in dashboard/messages/ingest.py.
MISSING_TITLE = "ingest_360_missing_title"
MISSING_CURRENCY = "ingest_360_missing_currency"
_TIMESTAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[T ].*")

Columns = dict[str, list[str | None]]


def is_360_header(header: list[str]) -> bool:
    """True for a 360Giving CSV: it names its columns `Identifier`, `Amount Awarded`, …"""
    names = {h.strip() for h in header}
    return {"Identifier", "Amount Awarded"} <= names


def is_360_json(doc: Any) -> bool:
    return isinstance(doc, dict) and isinstance(doc.get("grants"), list)


def map_csv(
    header: list[str], records: list[list[str]], rows: list[int]
) -> tuple[Columns, dict[str, str], list[Issue]]:
    """The `grants` columns of a 360Giving CSV, the title each came from, and what is missing."""
    index = {h.strip(): i for i, h in enumerate(header)}
    columns: Columns = {c: [None] * len(records) for c in GRANT_COLUMNS}
    titles: dict[str, str] = {}
    issues: list[Issue] = []
    for ours, candidates in CSV_COLUMNS.items():
        title = next((t for t in candidates if t in index), None)
        titles[ours] = title or candidates[0]
        if title is not None:
            i = index[title]
            columns[ours] = [r[i] for r in records]
        elif ours in REQUIRED:
            issues.append((1, candidates[0], MISSING_TITLE))
    return columns, titles, issues + _finish(columns, rows, titles)


def map_json(doc: dict) -> tuple[Columns, dict[str, str], list[Issue]]:
    """The `grants` columns of 360Giving JSON, the field of each, issues (row = n-th grant)."""
    columns: Columns = {c: [] for c in GRANT_COLUMNS}
    for grant in doc["grants"]:
        for col in GRANT_COLUMNS:
            paths = JSON_FIELDS.get(col, ())
            value = next((v for v in (_lookup(grant, p) for p in paths) if v is not None), None)
            columns[col].append(_text(value))
    titles = {ours: paths[0] for ours, paths in JSON_FIELDS.items()}
    rows = list(range(1, len(doc["grants"]) + 1))
    return columns, titles, _finish(columns, rows, titles)


def _finish(columns: Columns, rows: list[int], titles: dict[str, str]) -> list[Issue]:
    """Timestamps become dates, whole durations integers, a missing programme the funder.

    Returns the grants without a currency.
    """
    columns["award_date"] = [_date_part(v) for v in columns["award_date"]]
    columns["duration_months"] = [_whole(v) for v in columns["duration_months"]]
    columns["programme"] = [
        p if p and p.strip() else f
        for p, f in zip(columns["programme"], columns["funder_name"], strict=True)
    ]
    # Our own exports may leave the currency empty for EUR; a 360Giving grant never does.
    return [
        (row, titles["currency"], MISSING_CURRENCY)
        for row, currency in zip(rows, columns["currency"], strict=True)
        if not (currency and currency.strip())
    ]


def _lookup(grant: dict, path: str) -> Any:
    value: Any = grant
    for key in path.split("."):
        if isinstance(value, list):
            value = value[0] if value else None
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        # JSON numbers arrive as float; repr is the shortest exact text (15000.5, not 15000.499…).
        return repr(value)
    return str(value)


def _date_part(value: str | None) -> str | None:
    if value is None:
        return None
    m = _TIMESTAMP.fullmatch(value.strip())
    return m.group(1) if m else value


def _whole(value: str | None) -> str | None:
    if value is None or not value.strip():
        return value
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        return value
    return str(int(number)) if number == number.to_integral_value() else value
