"""What every table shares: the DataTable a chart plots, its downloads (CSV for German Excel,
XLSX) registered by name for /daten/<name>.<csv|xlsx>, and server-side sorting and paging."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

TEXT = "text"
INTEGER = "integer"
NUMBER = "number"
MONEY = "money"
DATE = "date"
PERCENT = "percent"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_FORMATS = {
    INTEGER: "#,##0",
    NUMBER: "#,##0.0",
    MONEY: "#,##0.00",
    DATE: "DD.MM.YYYY",
    PERCENT: "0.0%",
}


@dataclass(frozen=True)
class Column:
    """One column of a shown table: its key, its heading in the active language, its kind."""

    key: str
    label: str
    kind: str = TEXT
    currency: str = "EUR"


@dataclass(frozen=True)
class DataTable:
    """Exactly the data a chart plots: its table view and both downloads are made from it."""

    name: str  # the dataset's name, also the download's file name
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]

    def column(self, key: str) -> list[Any]:
        i = [c.key for c in self.columns].index(key)
        return [row[i] for row in self.rows]

    @property
    def empty(self) -> bool:
        return not self.rows


Parse = Callable[[Mapping[str, Any], str], Any]
Build = Callable[[Any, str], DataTable]


@dataclass(frozen=True)
class Download:
    """A dataset served at /daten/<name>.<csv|xlsx>: the URL's parameters become the page's
    filter object (`parse`, the same the page uses), then the same table the page shows."""

    name: str
    parse: Parse
    build: Build
    access: str

    def table(self, url_params: Mapping[str, Any], lang: str) -> DataTable:
        return self.build(self.parse(url_params, lang), lang)


_downloads: dict[str, Download] = {}


def no_filters(url_params: Mapping[str, Any], lang: str) -> None:
    """The `parse` of a dataset that takes no filters."""
    return None


def dataset(
    name: str, parse: Parse = no_filters, access: str = "public"
) -> Callable[[Build], Build]:
    """Register `fn(filters, lang) → DataTable` as downloadable under `name`; `parse` turns the
    URL's parameters into its filters (the feature's `…Filters.from_url`)."""

    def decorator(fn: Build) -> Build:
        if name in _downloads:
            raise ValueError(f"dataset {name!r} registered twice")
        _downloads[name] = Download(name, parse, fn, access)
        return fn

    return decorator


def registered(name: str) -> Download | None:
    return _downloads.get(name)


def dataset_names() -> list[str]:
    return sorted(_downloads)


@dataclass(frozen=True)
class TablePage:
    """One page of a server-side table (the unsolved challenges, the grants), and where it
    stands: its sort (a key of the table's sorts), the page and how many there are."""

    table: DataTable
    sort: str
    descending: bool
    page: int
    pages: int
    total: int

    @property
    def sort_value(self) -> str:
        """The sort as the URL writes it: `titel`, `-datum`."""
        return ("-" if self.descending else "") + self.sort


def url_sort(value: str | None, sorts: Mapping[str, object], default: str) -> tuple[str, bool]:
    """A `sortierung` value (`titel`, `-datum` …) → (sort key, descending); empty or unknown →
    the `default` value's."""
    value = value or default
    key = value.removeprefix("-")
    if key not in sorts:
        return url_sort(default, sorts, default)
    return key, value.startswith("-")


def url_page(value: Any, total: int, size: int) -> tuple[int, int]:
    """A `seite` value → (page, pages): a number, clamped to the pages `total` rows fill."""
    pages = max(1, math.ceil(total / size))
    try:
        page = int(value or 1)
    except (TypeError, ValueError):
        page = 1
    return min(max(page, 1), pages), pages


def harmless(text: str) -> str:
    """A cell Excel would run as a formula (`=`, `+`, `-`, `@` …) is kept as plain text."""
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(table: DataTable, lang: str = "de") -> bytes:
    """CSV that German Excel opens as it is: `;`, decimal comma, UTF-8 BOM (en: `,` and `.`)."""
    delimiter, decimal = (";", ",") if lang == "de" else (",", ".")
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([harmless(c.label) for c in table.columns])
    for row in table.rows:
        writer.writerow(
            [_csv_cell(v, c, decimal, lang) for v, c in zip(row, table.columns, strict=True)]
        )
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def _csv_cell(value: Any, column: Column, decimal: str, lang: str) -> str:
    if value is None:
        return ""
    if column.kind in (MONEY, NUMBER, PERCENT) and isinstance(value, int | float | Decimal):
        places = 2 if column.kind == MONEY else None
        text = f"{Decimal(str(value)):.{places}f}" if places is not None else _plain(value)
        return text.replace(".", decimal)
    if column.kind == INTEGER and isinstance(value, int | Decimal):
        return str(int(value))
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y") if lang == "de" else value.isoformat()
    return harmless(str(value))


def _plain(value: int | float | Decimal) -> str:
    text = format(Decimal(str(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def to_xlsx(table: DataTable, lang: str = "de") -> bytes:
    """An XLSX workbook: numbers stay numbers, text never turns into a formula."""
    book = Workbook()
    sheet = book.active
    sheet.title = _sheet_title(table.title)
    sheet.append([c.label for c in table.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.data_type = "s"
    for r, row in enumerate(table.rows, start=2):
        for c, (value, column) in enumerate(zip(row, table.columns, strict=True), start=1):
            cell = sheet.cell(row=r, column=c)
            if isinstance(value, str) or column.kind == TEXT:
                cell.value = None if value is None else str(value)
                cell.data_type = "s"  # openpyxl would take "=…" for a formula
            else:
                cell.value = value
                if column.kind in XLSX_FORMATS:
                    cell.number_format = XLSX_FORMATS[column.kind]
    for c, column in enumerate(table.columns, start=1):
        width = max([len(column.label), *(len(str(row[c - 1] or "")) for row in table.rows[:200])])
        sheet.column_dimensions[sheet.cell(row=1, column=c).column_letter].width = min(
            60, width + 2
        )
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_title(title: str) -> str:
    cleaned = "".join(ch for ch in title if ch not in "[]:*?/\\")
    return (cleaned or "Daten")[:31]
