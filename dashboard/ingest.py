"""Read an export (CSV dialects, Parquet, 360Giving), validate it whole, publish a new version.

SQL in this module is put together only from the contract's table and column names and fixed
fragments; every value from a file reaches DuckDB as a registered Arrow table or a bound `$name`.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dashboard import contract, giving360
from dashboard.contract import Column, Table
from dashboard.i18n import t
from dashboard.sql import bound_params
from dashboard.versions import DatasetVersions, StaleBase

MAX_REPORTED = 50
ROW_COL = "__row"
Progress = Callable[[int, int], None]
EXPORT_SUFFIXES = (".csv", ".txt", ".tsv", ".parquet", ".json")
# The message that tells where to give the table, for the reasons that ask for it (the upload
# page passes its form's hint instead).
TABLE_HINT = "ingest_table_hint"
_ASKS_FOR_TABLE = frozenset({"ingest_which_table", "ingest_ambiguous"})
# How the report names a row and a column: a CSV or Parquet export has spreadsheet rows (the
# header is row 1) and columns; 360Giving JSON has entries (the n-th grant) and their fields.
_AT_ROW = ("ingest_at_row", "ingest_at_column")
_AT_ENTRY = ("ingest_at_entry", "ingest_at_field")
_CONTROL_BYTE = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_COMMON_NON_ASCII = set("äöüÄÖÜßéèêáàâçñ€–—„“”‚‘’…«»°§²³½")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")

Arg = str | int


def explain(
    key: str, args: tuple[Arg, ...] | list[Arg], lang: str, table_hint: str = TABLE_HINT
) -> str:
    """The reason `key` of dashboard/messages/ingest.py with its values, in `lang`."""
    if key in _ASKS_FOR_TABLE:
        args = (*args, t(table_hint, lang=lang))
    return t(key, *args, lang=lang)


@dataclass(frozen=True)
class Problem:
    """One reason an export was refused: where (file, row, column), what (value), and why: a
    message key and the values it names, put into words only when shown (`text`, `reason_for`).

    `row` counts as a spreadsheet does (CSV, Parquet: the header is row 1) or, with `entries`,
    the grants of a 360Giving JSON file (entry 1 is the first grant; `column` is its field).
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    key: str
    args: tuple[Arg, ...] = ()
    entries: bool = False

    def reason_for(self, lang: str, table_hint: str = TABLE_HINT) -> str:
        return explain(self.key, self.args, lang, table_hint)

    @property
    def reason(self) -> str:
        """The reason in German, as the command line prints it."""
        return self.reason_for("de")

    def text(self, lang: str = "de") -> str:
        """`grants.csv, Zeile 3, Spalte amount – Wert 'abc': Kein Geldbetrag (…)` in `lang`."""
        at_row, at_column = _AT_ENTRY if self.entries else _AT_ROW
        where = [self.file]
        if self.row is not None:
            where.append(t(at_row, self.row, lang=lang))
        if self.column:
            where.append(t(at_column, self.column, lang=lang))
        if self.value is not None:
            where[-1] += t("ingest_at_value", repr(_shorten(self.value)), lang=lang)
        return f"{', '.join(where)}: {self.reason_for(lang)}"

    def __str__(self) -> str:
        return self.text("de")


class ImportRejected(Exception):
    """The export broke the contract; nothing was changed."""

    def __init__(self, problems: list[Problem], total: int) -> None:
        self.problems = problems[:MAX_REPORTED]
        self.total = total
        super().__init__(self.report())

    def report(self, lang: str = "de") -> str:
        """The whole report in `lang`: how many problems, then the first MAX_REPORTED."""
        count = "ingest_found_one" if self.total == 1 else "ingest_found_many"
        found = t(count, self.total, lang=lang)
        if self.total > len(self.problems):
            found += t("ingest_found_first", len(self.problems), lang=lang)
        head = t("ingest_report", found, lang=lang)
        return "\n".join([head, *(f"  - {p.text(lang)}" for p in self.problems)])


def _refuse(file: str, key: str, *args: Arg, row: int | None = None) -> ImportRejected:
    return ImportRejected([Problem(file, row, None, None, key, args)], 1)


@dataclass
class RawTable:
    """One export file read as text cells, before validation."""

    table: Table
    file: str
    columns: dict[str, list[str | None] | pa.Array | pa.ChunkedArray]
    rows: list[int]  # where each record is, as Problem.row counts (CSV: header = row 1)
    decimal: str  # "," or "."
    titles: dict[str, str]  # our column → its name in the file, for the report
    problems: list[Problem] = field(default_factory=list)
    entries: bool = False  # 360Giving JSON: rows are the n-th grants, columns their fields

    def title(self, column: str) -> str:
        return self.titles.get(column, column)


@dataclass(frozen=True)
class ImportResult:
    """What an import published."""

    version: str
    rows: dict[str, int]


def import_path(
    store: DatasetVersions,
    path: Path,
    table: str | None = None,
    decimal: str | None = None,
    imported_by: str | None = None,
    progress: Progress | None = None,
    demo: bool = False,
) -> ImportResult:
    """Validate every export at `path` (a file or a folder) and publish them as one new version."""
    files = export_files(Path(path))
    if table and len(files) > 1:
        raise _refuse(str(path), "ingest_table_for_folder")
    raws: list[RawTable] = []
    problems: list[Problem] = []
    total = 0
    for f in files:
        try:
            raws.append(read_export(f, table=table, decimal=decimal, progress=progress))
        except ImportRejected as exc:
            problems.extend(exc.problems)
            total += exc.total
    seen: dict[str, str] = {}
    for raw in raws:
        if raw.table.name in seen:
            twice = Problem(raw.file, None, None, None, "ingest_twice", (seen[raw.table.name],))
            problems.append(twice)
            total += 1
        seen[raw.table.name] = raw.file
    if problems:
        raise ImportRejected(problems, total)
    sources = {raw.table.name: raw.file for raw in raws}
    for _attempt in range(3):
        base = store.current_version()
        typed = validate(store, raws, base)
        try:
            version = store.publish(typed, sources, imported_by=imported_by, demo=demo, base=base)
        except StaleBase:
            continue  # another import switched versions meanwhile: check against the new one
        return ImportResult(version, {name: t.num_rows for name, t in typed.items()})
    raise _refuse(str(path), "ingest_busy")


def export_files(path: Path) -> list[Path]:
    """The export files a path names: the file itself, or the export files of a folder."""
    if path.is_dir():
        files = sorted(
            p
            for p in path.iterdir()
            if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in EXPORT_SUFFIXES
        )
        if not files:
            raise _refuse(str(path), "ingest_empty_folder")
        return files
    if not path.is_file():
        raise _refuse(str(path), "ingest_missing_file")
    return [path]


# --- reading -------------------------------------------------------------------------------


def read_export(
    path: Path,
    table: str | None = None,
    decimal: str | None = None,
    progress: Progress | None = None,
) -> RawTable:
    """Read one export file into text cells, recognising its format and table."""
    name = path.name
    data = path.read_bytes()
    if not data:
        raise _refuse(name, "ingest_empty", row=1)
    if data[:4] == b"PAR1" or path.suffix.lower() == ".parquet":
        return _read_parquet(path, table)
    text = _decode(name, data)
    if not text.strip(" \t\r\n\ufeff"):
        raise _refuse(name, "ingest_empty", row=1)
    if path.suffix.lower() == ".json" or text.lstrip()[:1] in ("{", "["):
        return _read_json(name, text, table)
    return _read_csv(name, text, path.stem, table, decimal, progress)


def _decode(name: str, data: bytes) -> str:
    """The file as text: UTF-16 (Excel's "Unicode text"), UTF-8 with or without BOM, or cp1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _refuse(name, "ingest_encoding") from None
    control = _CONTROL_BYTE.search(data)
    # Control characters in the header, or in a file that is no text at all: not an export.
    if control and b"\n" not in data[: control.start()]:
        raise _refuse(name, "ingest_binary", row=1)
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _has_utf8_letters(data):
            # UTF-8 umlauts beside a byte that is no UTF-8: read as cp1252, every ä would turn
            # into Ã¤ without a word. Refuse and point at the first foreign byte.
            row = data.count(b"\n", 0, exc.start) + 1
            raise _refuse(name, "ingest_mixed_encoding", row=row) from None
        try:
            # German offices and older Excel export Windows-1252; DuckDB cannot read it here.
            return data.decode("cp1252")
        except UnicodeDecodeError:
            at = control.start() if control else exc.start
            row = data.count(b"\n", 0, at) + 1
            raise _refuse(
                name, "ingest_binary" if control else "ingest_encoding", row=row
            ) from None


def _has_utf8_letters(data: bytes) -> bool:
    """True when the bytes hold UTF-8 umlauts or typographic marks (not cp1252 look-alikes)."""
    for match in _UTF8_SEQUENCE.finditer(data):
        try:
            if match.group().decode("utf-8") in _COMMON_NON_ASCII:
                return True
        except UnicodeDecodeError:
            continue
    return False


def _sniff_delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {d: _count_outside_quotes(first, d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            count += 1
    return count


def _read_csv(
    name: str,
    text: str,
    stem: str,
    table: str | None,
    decimal: str | None,
    progress: Progress | None,
) -> RawTable:
    delimiter = _sniff_delimiter(text)
    buffer = io.StringIO(text, newline="")
    reader = csv.reader(buffer, delimiter=delimiter, strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise _refuse(name, "ingest_csv", str(exc), row=1) from None
    is_360 = giving360.is_360_header(header)
    target = _choose_table(name, stem, table, header, is_360)
    is_360 = is_360 and target.name == "grants"
    problems: list[Problem] = []
    # A 360Giving file is mapped record by record; any other export goes column by column into
    # Arrow, a batch at a time, so that a million rows never sit in memory as Python strings.
    columns_of = _ArrowColumns(target, _find_columns(name, target, header)) if not is_360 else None
    records: list[list[str]] = []
    rows: list[int] = []
    record_no = 1  # a spreadsheet's row: a quoted line break stays inside its row
    try:
        for record in reader:
            record_no += 1
            if not "".join(record).strip():
                continue  # blank lines, and Excel's trailing `;;;;` rows
            if len(record) != len(header):
                problems.append(_ragged(name, record_no, record, header, delimiter))
                continue
            records.append(record)
            rows.append(record_no)
            if columns_of is not None and len(records) == CSV_BATCH:
                columns_of.add(records)
                records = []
            if progress and record_no % 10000 == 0:
                progress(buffer.tell(), len(text))
    except csv.Error as exc:
        problems.append(Problem(name, record_no + 1, None, None, "ingest_csv", (str(exc),)))
    if progress:
        progress(len(text), len(text))
    if not rows and not problems:
        raise _refuse(name, "ingest_no_rows", row=2)
    if columns_of is None:
        columns, titles, issues = giving360.map_csv(header, records, rows)
        found = [Problem(name, row, col, None, key) for row, col, key in issues]
    else:
        columns_of.add(records)
        columns, titles, found = (
            columns_of.columns(),
            columns_of.titles(header),
            columns_of.problems,
        )
    in_header = [p for p in found if p.row == 1]
    if in_header:
        # Without its columns the rows cannot be checked; report the header and the ragged rows.
        raise ImportRejected(in_header + problems, len(in_header) + len(problems))
    if decimal is None:
        decimal = "," if delimiter == ";" and not is_360 else "."
    return RawTable(target, name, columns, rows, decimal, titles, problems=found + problems)


def _ragged(name: str, row: int, record: list[str], header: list[str], delimiter: str) -> Problem:
    """A row with more or fewer fields than the header; a short one names its first gap."""
    short = len(record) < len(header)
    shown = "Tab" if delimiter == "\t" else delimiter
    key = "ingest_ragged_short" if short else "ingest_ragged_long"
    args = (len(record), len(header)) if short else (len(record), len(header), shown)
    column = header[len(record)] if short else None
    return Problem(name, row, column, _shorten(delimiter.join(record)), key, args)


class _ArrowColumns:
    """The contract's columns of a CSV export, found by (case-insensitive) header name and
    filled batch by batch as Arrow strings; missing ones are NULL."""

    def __init__(self, target: Table, found: tuple[dict[str, int], list[Problem]]) -> None:
        self.target = target
        self.index, self.problems = found
        self.chunks: dict[str, list[pa.Array]] = {col: [] for col in target.column_names}

    def add(self, records: list[list[str]]) -> None:
        if not records:
            return
        for col in self.target.column_names:
            i = self.index.get(col)
            values = [r[i] for r in records] if i is not None else None
            chunk = (
                pa.array(values, pa.string())
                if values is not None
                else pa.nulls(len(records), pa.string())
            )
            self.chunks[col].append(chunk)

    def columns(self) -> dict[str, pa.ChunkedArray]:
        return {col: pa.chunked_array(chunks, pa.string()) for col, chunks in self.chunks.items()}

    def titles(self, header: list[str]) -> dict[str, str]:
        return {col: header[i] for col, i in self.index.items()}


def _find_columns(
    name: str, target: Table, header: list[str]
) -> tuple[dict[str, int], list[Problem]]:
    """Where each of the table's columns is in the header; a missing required one is a problem."""
    positions: dict[str, list[int]] = {}
    for i, h in enumerate(header):
        positions.setdefault(h.strip().lower(), []).append(i)
    index: dict[str, int] = {}
    problems: list[Problem] = []
    for col in target.columns:
        found = positions.get(col.name, [])
        if len(found) > 1:
            problems.append(Problem(name, 1, header[found[1]], None, "ingest_dup_header"))
        if found:
            index[col.name] = found[0]
        elif col.required:
            problems.append(Problem(name, 1, col.name, None, "ingest_missing_column"))
    return index, problems


def _choose_table(
    name: str, stem: str, table: str | None, header: list[str], is_360: bool
) -> Table:
    """The table from --table, else the file name, else the content."""
    if table:
        try:
            return contract.table(table)
        except KeyError:
            known = ", ".join(contract.TABLE_NAMES)
            raise _refuse(name, "ingest_unknown_table", repr(table), known) from None
    if stem.lower() in contract.TABLES_BY_NAME:
        return contract.table(stem.lower())
    if is_360:
        return contract.table("grants")
    names = {h.strip().lower() for h in header}

    def fit(t: Table) -> tuple[int, int]:
        # Most of the file's columns used, then fewest of the table's columns left out.
        return len(names & set(t.column_names)), -len(set(t.column_names) - names)

    candidates = sorted(
        (t for t in contract.TABLES if {c.name for c in t.columns if c.required} <= names),
        key=fit,
        reverse=True,
    )
    if not candidates:
        raise _refuse(name, "ingest_which_table", ", ".join(contract.TABLE_NAMES), row=1)
    if len(candidates) > 1 and fit(candidates[0]) == fit(candidates[1]):
        tied = ", ".join(t.name for t in candidates if fit(t) == fit(candidates[0]))
        raise _refuse(name, "ingest_ambiguous", tied, row=1)
    return candidates[0]


def _read_parquet(path: Path, table: str | None) -> RawTable:
    name = path.name
    try:
        data = pq.read_table(path)
    except Exception as exc:  # noqa: BLE001 - any unreadable file gets the same clear answer
        raise _refuse(name, "ingest_parquet", str(exc)) from None
    header = data.column_names
    target = _choose_table(name, path.stem, table, header, is_360=False)
    index, problems = _find_columns(name, target, header)
    if data.num_rows == 0:
        problems.append(Problem(name, 2, None, None, "ingest_no_rows"))
    if problems:
        raise ImportRejected(problems, len(problems))
    columns = {
        col: _parquet_text(data.column(i)) if (i := index.get(col)) is not None
        else pa.nulls(data.num_rows, pa.string())
        for col in target.column_names
    }  # fmt: skip
    rows = list(range(2, data.num_rows + 2))
    titles = {col: header[i] for col, i in index.items()}
    return RawTable(target, name, columns, rows, ".", titles)


def _parquet_text(column: pa.ChunkedArray) -> pa.ChunkedArray | list[str | None]:
    """Parquet values in the same text form a CSV export uses, so one validation serves both.

    Kept in Arrow for the usual types (a million rows must not become a million Python strings);
    lists, floats (their Python repr is what the report shows) and rarer types go the Python way.
    """
    kind = column.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return column.cast(pa.string())
    if pa.types.is_boolean(kind):
        return pc.if_else(column, "true", "false")
    if pa.types.is_timestamp(kind):
        return pc.strftime(column, format="%Y-%m-%d")  # a timestamp becomes its date
    if pa.types.is_date(kind) or pa.types.is_integer(kind):
        return column.cast(pa.string())
    if pa.types.is_decimal(kind):
        # DECIMAL(18,4) exports write 1500.0000: the trailing zeros say nothing.
        text = column.cast(pa.string())
        text = pc.replace_substring_regex(text, pattern=r"(\.\d*?)0+$", replacement=r"\1")
        return pc.replace_substring_regex(text, pattern=r"\.$", replacement="")
    return _python_text(column)


def _python_text(column: pa.ChunkedArray) -> list[str | None]:
    """Any Parquet column as text, value by value."""
    out: list[str | None] = []
    for value in column.to_pylist():
        if value is None:
            out.append(None)
        elif isinstance(value, bool):
            out.append("true" if value else "false")
        elif isinstance(value, list):
            out.append(contract.LIST_SEPARATOR.join("" if v is None else str(v) for v in value))
        elif isinstance(value, datetime):
            out.append(value.date().isoformat())  # a timestamp becomes its date
        elif isinstance(value, Decimal):
            # DECIMAL(18,4) exports write 1500.0000: the trailing zeros say nothing.
            text = f"{value:f}"
            out.append(text.rstrip("0").rstrip(".") if "." in text else text)
        elif hasattr(value, "isoformat"):
            out.append(value.isoformat())
        else:
            out.append(str(value))
    return out


def _read_json(name: str, text: str, table: str | None) -> RawTable:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _refuse(name, "ingest_json", exc.msg, row=exc.lineno) from None
    if table not in (None, "grants") or not giving360.is_360_json(doc):
        raise _refuse(name, "ingest_json_kind")
    if not doc["grants"]:
        raise _refuse(name, "ingest_no_grants")
    odd = [n for n, grant in enumerate(doc["grants"], 1) if not isinstance(grant, dict)]
    if odd:
        raise ImportRejected(
            [Problem(name, n, None, None, "ingest_not_object", entries=True) for n in odd],
            len(odd),
        )
    columns, titles, issues = giving360.map_json(doc)
    problems = [Problem(name, row, col, None, key, entries=True) for row, col, key in issues]
    rows = list(range(1, len(doc["grants"]) + 1))
    grants = contract.table("grants")
    return RawTable(grants, name, columns, rows, ".", titles, problems, entries=True)


# --- validation ------------------------------------------------------------------------------


def validate(store: DatasetVersions, raws: list[RawTable], base: str | None) -> dict[str, pa.Table]:
    """Check every rule of the contract on all files at once, foreign keys against version `base`.

    Returns the typed tables, or raises ImportRejected.
    """
    con = duckdb.connect(config={"threads": 2})
    try:
        problems: list[Problem] = []
        total = 0
        for raw in raws:
            stage = f"raw_{raw.table.name}"
            arrays = {name: _text_array(values) for name, values in raw.columns.items()}
            arrays[ROW_COL] = pa.array(raw.rows, pa.int64())
            con.register("arrow_in", pa.table(arrays))
            # Every cell trimmed once, beside the text as the file has it (for the report).
            trimmed = ", ".join(
                f"NULLIF(trim(\"{c}\", $blank), '') AS {_trimmed(c)}" for c in raw.columns
            )
            con.execute(
                f'CREATE TABLE "{stage}" AS SELECT *, {trimmed} FROM arrow_in', {"blank": _BLANK}
            )
            con.unregister("arrow_in")
            found, count = _cell_problems(con, raw, stage)
            problems.extend(raw.problems + found)
            total += len(raw.problems) + count
            select = f'CREATE TABLE "new_{raw.table.name}" AS {_typed_select(raw, stage)}'
            con.execute(select, bound_params(select, _params(raw)))
        found, count = _reference_problems(con, store, raws, base)
        problems.extend(found)
        total += count
        if total:
            problems.sort(key=lambda p: (p.file, p.row or 0))
            raise ImportRejected(problems, total)
        typed: dict[str, pa.Table] = {}
        for raw in raws:
            query = (
                f'SELECT * EXCLUDE ("{ROW_COL}") FROM "new_{raw.table.name}" ORDER BY "{ROW_COL}"'
            )
            typed[raw.table.name] = con.sql(query).to_arrow_table()
        return typed
    finally:
        con.close()


def _text_array(values: list[str | None] | pa.Array | pa.ChunkedArray) -> pa.ChunkedArray:
    if isinstance(values, (pa.Array, pa.ChunkedArray)):
        return values.cast(pa.string())
    return pa.chunked_array([pa.array(values, pa.string())])


def _params(raw: RawTable) -> dict:
    params: dict[str, object] = {
        "youtube": contract.YOUTUBE_URL_PATTERN,
        "currency": contract.CURRENCY_PATTERN,
        "http_url": contract.HTTP_URL_PATTERN,
        "true_words": list(contract.TRUE_WORDS),
        "false_words": list(contract.FALSE_WORDS),
        "sep": contract.LIST_SEPARATOR,
        "money_re": _MONEY_COMMA if raw.decimal == "," else _MONEY_POINT,
        "int_re": _INT_COMMA if raw.decimal == "," else _INT_POINT,
        "thousands": "." if raw.decimal == "," else ",",
        "decimal": raw.decimal,
        "decoration": _MONEY_DECORATION,
        "iso_date": _ISO_DATE,
        "german_date": _GERMAN_DATE,
        "blank": _BLANK,
        "nul": "\x00",
        "control": _CONTROL,
    }
    for i, col in enumerate(raw.table.columns):
        if col.allowed:
            params[f"allowed_{i}"] = list(col.allowed)
        if col.default is not None:
            params[f"default_{i}"] = col.default
    return params


_MONEY_COMMA = r"-?(\d{1,3}(\.\d{3})+|\d+)(,\d{1,2})?"
_MONEY_POINT = r"-?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?"
_INT_COMMA = r"-?(\d{1,3}(\.\d{3})+|\d+)"
_INT_POINT = r"-?(\d{1,3}(,\d{3})+|\d+)(\.0+)?"
_MONEY_DECORATION = "[\\s\u00a0€]|EUR"  # "63.250,00 €" as Excel shows it
_ISO_DATE = r"\d{4}-\d{2}-\d{2}"
_GERMAN_DATE = r"\d{1,2}\.\d{1,2}\.\d{4}"  # never a two-digit year: 01.02.26 is not year 26
_BLANK = " \t\r\n\u00a0"  # trimmed from both ends of every cell
_CONTROL = "[\x01-\x08\x0b\x0c\x0e-\x1f]"


def _trimmed(column: str) -> str:
    """The staged column holding the cell without blanks around it, NULL when nothing is left."""
    return f'"{column}__trimmed"'


def _number_text(v: str) -> str:
    """SQL turning a checked number text into plain `1234.56` form."""
    return f"replace(replace({v}, $thousands, ''), $decimal, '.')"


def _value_sql(col: Column, i: int) -> str:
    """SQL for the typed value of a column, NULL where the text does not parse."""
    v = _trimmed(col.name)
    if col.kind == contract.MONEY:
        m = f"regexp_replace({v}, $decoration, '', 'g')"
        return (
            f"CASE WHEN regexp_full_match({m}, $money_re) "
            f"THEN TRY_CAST({_number_text(m)} AS DECIMAL(14,2)) END"
        )
    if col.kind == contract.INTEGER:
        return (
            f"CASE WHEN regexp_full_match({v}, $int_re) "
            f"THEN TRY_CAST(split_part(replace({v}, $thousands, ''), $decimal, 1) AS BIGINT) END"
        )
    if col.kind == contract.DATE:
        return (
            f"CASE WHEN regexp_full_match({v}, $iso_date) THEN TRY_STRPTIME({v}, '%Y-%m-%d') "
            f"WHEN regexp_full_match({v}, $german_date) THEN TRY_STRPTIME({v}, '%d.%m.%Y') "
            f"END::DATE"
        )
    if col.kind == contract.BOOLEAN:
        return (
            f"CASE WHEN list_contains($true_words, lower({v})) THEN true "
            f"WHEN list_contains($false_words, lower({v})) THEN false END"
        )
    if col.kind == contract.TEXT_LIST:
        return (
            f"list_filter(list_transform(string_split(coalesce({v}, ''), $sep), "
            f"lambda x: trim(x, $blank)), lambda x: x <> '')"
        )
    if col.kind == contract.CURRENCY:
        default = f"$default_{i}" if col.default is not None else "NULL"
        return f"coalesce(upper({v}), {default})"
    return v


def _typed_select(raw: RawTable, stage: str) -> str:
    parts = [f'{_value_sql(c, i)} AS "{c.name}"' for i, c in enumerate(raw.table.columns)]
    return f'SELECT {", ".join(parts)}, "{ROW_COL}" FROM "{stage}"'


def _cell_checks(col: Column, i: int, decimal: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(condition on a row, message key, its values) for one column; the row is refused where
    the condition holds."""
    raw = f'"{col.name}"'
    v = _trimmed(col.name)
    typed = _value_sql(col, i)
    checks: list[tuple[str, str, tuple[str, ...]]] = [
        (f"strpos({raw}, $nul) > 0", "ingest_nul", ()),
        (f"regexp_matches({raw}, $control)", "ingest_control", ()),
    ]
    if col.required:
        checks.append((f"{v} IS NULL", "ingest_required", ()))
    parse = {
        contract.MONEY: ("ingest_money", ("63.250,00" if decimal == "," else "63250.00",)),
        contract.INTEGER: ("ingest_integer", ()),
        contract.DATE: ("ingest_date", ()),
        contract.BOOLEAN: ("ingest_boolean", ()),
    }
    if col.kind in parse:
        checks.append((f"{v} IS NOT NULL AND ({typed}) IS NULL", *parse[col.kind]))
    if col.non_negative and col.kind in (contract.MONEY, contract.INTEGER):
        checks.append((f"({typed}) < 0", "ingest_negative", ()))
    patterns = {
        contract.YOUTUBE_URL: ("$youtube", "ingest_youtube"),
        contract.CURRENCY: ("$currency", "ingest_currency"),
        contract.HTTP_URL: ("$http_url", "ingest_url"),
    }
    if col.kind in patterns:
        pattern, key = patterns[col.kind]
        value = f"upper({v})" if col.kind == contract.CURRENCY else v
        checks.append((f"{v} IS NOT NULL AND NOT regexp_full_match({value}, {pattern})", key, ()))
    if col.allowed:
        allowed = (", ".join(col.allowed),)
        checks.append(
            (f"{v} IS NOT NULL AND NOT list_contains($allowed_{i}, {v})", "ingest_allowed", allowed)
        )
    return checks


def _cell_problems(
    con: duckdb.DuckDBPyConnection, raw: RawTable, stage: str
) -> tuple[list[Problem], int]:
    """Every broken cell and duplicate key of one file: the first MAX_REPORTED, and the count.

    Each found row names its message key and the values the message needs (`args`), never text.
    """
    params = _params(raw)
    selects = []
    for i, col in enumerate(raw.table.columns):
        params[f"c_{i}"] = raw.title(col.name)
        for j, (cond, key, args) in enumerate(_cell_checks(col, i, raw.decimal)):
            params[f"k_{i}_{j}"] = key
            params[f"a_{i}_{j}"] = list(args)
            selects.append(
                f'SELECT "{ROW_COL}" AS row, {i} AS ord, $c_{i} AS col, "{col.name}" AS value, '
                f'$k_{i}_{j} AS key, $a_{i}_{j}::VARCHAR[] AS args FROM "{stage}" WHERE {cond}'
            )
        if col.unique:
            selects.append(_duplicates_sql(stage, [col.name], i, f"$c_{i}"))
    for k, names in enumerate(raw.table.unique_together):
        params[f"c_together_{k}"] = " + ".join(raw.title(n) for n in names)
        selects.append(_duplicates_sql(stage, list(names), 0, f"$c_together_{k}"))
    union = " UNION ALL ".join(selects)
    params["duplicate"] = "ingest_duplicate_entry" if raw.entries else "ingest_duplicate"
    con.execute(f"CREATE TEMP TABLE found AS {union}", bound_params(union, params))
    try:
        count = con.execute("SELECT count(*) FROM found").fetchall()[0][0]
        rows = con.execute(
            "SELECT row, col, value, key, args FROM found ORDER BY row, ord LIMIT $n",
            {"n": MAX_REPORTED},
        ).fetchall()
    finally:
        con.execute("DROP TABLE found")
    return [
        Problem(raw.file, row, col, value, key, tuple(args), raw.entries)
        for row, col, value, key, args in rows
    ], count


def _duplicates_sql(stage: str, names: list[str], ord_: int, col_param: str) -> str:
    """Rows whose key (trimmed) an earlier row already has; the message names that earlier row."""
    key = ", ".join(_trimmed(n) for n in names)
    present = " AND ".join(f"{_trimmed(n)} IS NOT NULL" for n in names)
    return (
        f"SELECT row, {ord_}, {col_param}, value, $duplicate, [first::VARCHAR] FROM ("
        f"SELECT \"{ROW_COL}\" AS row, concat_ws(' / ', {key}) AS value, "
        f'min("{ROW_COL}") OVER (PARTITION BY {key}) AS first FROM "{stage}" WHERE {present}) '
        f"WHERE row > first"
    )


def _reference_problems(
    con: duckdb.DuckDBPyConnection,
    store: DatasetVersions,
    raws: list[RawTable],
    version: str | None,
) -> tuple[list[Problem], int]:
    """Every foreign key must resolve in the dataset as it will be after the import."""
    batch = {raw.table.name: raw for raw in raws}
    existing = set(store.tables(version)) if version else set()
    problems: list[Problem] = []
    total = 0

    def source(name: str) -> str | None:
        if name in batch:
            return f'"new_{name}"'
        if name in existing:
            con.execute(
                f'CREATE TABLE IF NOT EXISTS "old_{name}" AS SELECT * FROM read_parquet($path)',
                {"path": str(store.table_path(version, name))},
            )
            return f'"old_{name}"'
        return None

    for table in contract.TABLES:
        for col in table.columns:
            if not col.references or (table.name not in batch and col.references[0] not in batch):
                continue  # neither side changes
            child = source(table.name)
            if child is None:
                continue
            ref_table, ref_col = col.references
            parent = source(ref_table)
            values = f'unnest("{col.name}")' if col.kind == contract.TEXT_LIST else f'"{col.name}"'
            if table.name in batch:
                found, count = _dangling(con, batch[table.name], col, child, parent, values)
            else:
                found, count = _still_used(con, batch[ref_table], table, col, child, values)
            problems.extend(found)
            total += count
    return problems, total


def _dangling(
    con: duckdb.DuckDBPyConnection,
    raw: RawTable,
    col: Column,
    child: str,
    parent: str | None,
    values: str,
) -> tuple[list[Problem], int]:
    """Rows of an imported file whose reference finds nothing."""
    ref_table, ref_col = col.references
    keys = _keys(parent, ref_col) if parent else "SELECT NULL::VARCHAR WHERE false"
    missing = (
        f'SELECT row, value FROM (SELECT "{ROW_COL}" AS row, {values} AS value FROM {child}) '
        f"WHERE value IS NOT NULL AND value NOT IN ({keys})"
    )
    count = con.execute(f"SELECT count(*) FROM ({missing})").fetchall()[0][0]
    if not count:
        return [], 0
    rows = con.execute(f"{missing} ORDER BY row LIMIT $n", {"n": MAX_REPORTED}).fetchall()
    key = "ingest_dangling" if parent else "ingest_no_table"
    title = raw.title(col.name)
    return [
        Problem(raw.file, row, title, value, key, (ref_table, ref_col), raw.entries)
        for row, value in rows
    ], count


def _still_used(
    con: duckdb.DuckDBPyConnection,
    parent_raw: RawTable,
    table: Table,
    col: Column,
    child: str,
    values: str,
) -> tuple[list[Problem], int]:
    """Keys an imported file drops although a table it does not replace still uses them."""
    ref_col = col.references[1]
    keys = _keys(f'"new_{parent_raw.table.name}"', ref_col)
    missing = (
        f"SELECT value, count(*) AS uses FROM (SELECT {values} AS value FROM {child}) "
        f"WHERE value IS NOT NULL AND value NOT IN ({keys}) GROUP BY value"
    )
    count = con.execute(f"SELECT count(*) FROM ({missing})").fetchall()[0][0]
    if not count:
        return [], 0
    rows = con.execute(f"{missing} ORDER BY value LIMIT $n", {"n": MAX_REPORTED}).fetchall()
    title = parent_raw.title(ref_col)
    return [
        Problem(parent_raw.file, None, title, value, "ingest_still_used",
                (table.name, col.name, uses), parent_raw.entries)
        for value, uses in rows
    ], count  # fmt: skip


def _keys(parent: str, column: str) -> str:
    return f'SELECT "{column}" FROM {parent} WHERE "{column}" IS NOT NULL'


def _shorten(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


CSV_BATCH = 50_000  # records of a CSV export read before they go into Arrow columns
