"""Importing exports: the dialects German offices and 360Giving funders send, and refusals."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dashboard import ingest
from dashboard.ingest import MAX_REPORTED, ImportRejected, import_path
from dashboard.messages.ingest import MESSAGES as INGEST_MESSAGES
from dashboard.settings import ROOT
from dashboard.store import open_store
from dashboard.versions import DatasetVersions

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"  # tests/fixtures/ingest/


@dataclass(frozen=True)
class Sample360:
    """The same grants as 360Giving CSV and as 360Giving JSON, and what they hold."""

    csv: Path
    json: Path
    grants: int
    funders: set[str]
    currencies: set[str]
    first: dict[str, object]  # the first grant, as imported


# The project's own 360Giving files (made up, written by tests/fixtures/ingest/make_fixtures.py).
OWN_SAMPLE = Sample360(
    FIXTURES / "360giving_sample.csv",
    FIXTURES / "360giving_sample.json",
    grants=10,
    funders={"Bürgerstiftung Rheinland (Beispiel)", "Stiftung Gemeinsinn Westfalen (Beispiel)"},
    currencies={"EUR", "GBP"},
    first={
        "grant_id": "360G-BSR-0001",
        "programme": "Miteinander im Quartier",
        "recipient_name": "Seniorennetz Köln-Nippes e. V.",
        "recipient_city": "Köln",
        "duration_months": 12,
    },  # fmt: skip
)
# Real 360Giving test data (AGPL, not part of the project) is checked too where this variable
# names its folder; CI sets it (.ci/run) when it has the samples, and a clone alone goes without.
REAL_SAMPLES_VARIABLE = "PORTAL_360GIVING_SAMPLES"
REAL_SAMPLES = (
    Path(os.environ[REAL_SAMPLES_VARIABLE]) if os.environ.get(REAL_SAMPLES_VARIABLE) else None
)
SAMPLE_GRANTS = 4116
SAMPLE_FUNDER = "Lloyds Bank Foundation for England and Wales"
REAL_SAMPLE = (
    Sample360(
        REAL_SAMPLES / "grants_sample_a.csv",
        REAL_SAMPLES / "grants_sample_a.json",
        grants=SAMPLE_GRANTS,
        funders={SAMPLE_FUNDER},
        currencies={"GBP"},
        first={
            "grant_id": "360G-LBFEW-114001",
            "programme": "Enable South",
            "recipient_name": "Women's Aid Leicestershire",
            "recipient_city": "Leicester",
            "duration_months": 12,
        },  # fmt: skip
    )
    if REAL_SAMPLES
    else None
)
SAMPLES_360 = [pytest.param(OWN_SAMPLE, id="own")] + (
    [pytest.param(REAL_SAMPLE, id="real")] if REAL_SAMPLE else []
)

ACTION_FIELDS = [
    ["code", "name_de", "name_en", "description_de", "description_en"],
    ["KJF", "Kinder, Jugend und Familie", "Children, youth and family", "", ""],
    ["ALT", "Alter", "Old age", "Ältere Menschen", "Older people"],
]
ASSOCIATIONS = [
    ["code", "name_de", "name_en"],
    ["AWO", "Arbeiterwohlfahrt", "Workers' Welfare"],
    ["CARITAS", "Deutscher Caritasverband", "Caritas Germany"],
]
DISTRICTS = [
    ["ags", "name", "kind", "regierungsbezirk"],
    ["05111", "Düsseldorf", "kreisfreie Stadt", "Düsseldorf"],
    ["05315", "Köln", "kreisfreie Stadt", "Köln"],
]
ORGANISATIONS = [
    ["org_id", "name", "association", "org_type", "district_ags"],
    ["O1", "AWO Kita Sonnenschein", "AWO", "Kita", "05111"],
    ["O2", "Caritas Beratung Köln", "CARITAS", "Beratungsstelle", "05315"],
]
EVENTS = [
    ["event_id", "name", "kind", "starts_on", "ends_on", "participants"],
    ["E1", "Hackathon Wohlfahrt 2026", "hackathon", "2026-11-20", "2026-11-22", "120"],
]
CHALLENGES = [
    ["challenge_id", "event_id", "title", "description", "org_id", "action_field",
     "district_ags", "posted_on"],
    ["C1", "E1", "Dienstpläne", "Dienstpläne per App", "O1", "KJF", "05111", "2026-10-01"],
]  # fmt: skip
SOLUTIONS_HEADER = [
    "solution_id", "event_id", "challenge_id", "title", "summary", "team_name", "team_size",
    "district_ags", "video_url", "tags", "is_digital", "maturity", "action_field",
    "submitted_on", "award", "votes",
]  # fmt: skip
GRANTS_HEADER = [
    "grant_id", "programme", "funder_name", "title", "description", "recipient_org_id",
    "recipient_name", "recipient_city", "association", "action_field", "district_ags",
    "amount", "currency", "award_date", "duration_months",
]  # fmt: skip


def grant(n: int, **values: str) -> list[str]:
    """One valid grant row (as text cells), with `values` overriding columns by name."""
    row = {
        "grant_id": f"G{n}",
        "programme": "Zukunft Pflege",
        "funder_name": "Stiftung Wohlfahrtspflege NRW",
        "title": f"Vorhaben {n}",
        "description": "",
        "recipient_org_id": "O1",
        "recipient_name": "AWO Kita Sonnenschein",
        "recipient_city": "Düsseldorf",
        "association": "AWO",
        "action_field": "KJF",
        "district_ags": "05111",
        "amount": "1000.00",
        "currency": "EUR",
        "award_date": "2026-03-01",
        "duration_months": "12",
    } | values
    return [row[c] for c in GRANTS_HEADER]


def solution(n: int, **values: str) -> list[str]:
    row = {
        "solution_id": f"S{n}",
        "event_id": "E1",
        "challenge_id": "C1",
        "title": f"Lösung {n}",
        "summary": "Eine App",
        "team_name": "Team",
        "team_size": "4",
        "district_ags": "",
        "video_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "tags": "app|pflege",
        "is_digital": "ja",
        "maturity": "prototype",
        "action_field": "KJF",
        "submitted_on": "22.11.2026",
        "award": "",
        "votes": "17",
    } | values
    return [row[c] for c in SOLUTIONS_HEADER]


def csv_bytes(rows: list[list[str]], delimiter: str = ",", newline: str = "\n") -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return buffer.getvalue()


def write_csv(
    path: Path,
    rows: list[list[str]],
    delimiter: str = ",",
    encoding: str = "utf-8",
    newline: str = "\n",
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(csv_bytes(rows, delimiter, newline).encode(encoding))
    return path


def write_base(folder: Path) -> Path:
    """A folder of valid exports: the code tables, organisations, events, challenges, grants."""
    write_csv(folder / "action_fields.csv", ACTION_FIELDS)
    write_csv(folder / "associations.csv", ASSOCIATIONS)
    write_csv(folder / "districts.csv", DISTRICTS)
    write_csv(folder / "organisations.csv", ORGANISATIONS)
    write_csv(folder / "events.csv", EVENTS)
    write_csv(folder / "challenges.csv", CHALLENGES)
    write_csv(folder / "grants.csv", [GRANTS_HEADER, grant(1), grant(2)])
    return folder


@pytest.fixture(scope="module")
def base_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with one version of the base exports, made once (tests get a copy)."""
    folder = tmp_path_factory.mktemp("base")
    import_path(DatasetVersions(folder / "data"), write_base(folder / "export"))
    return folder / "data"


@pytest.fixture
def store(tmp_path: Path, base_data_dir: Path) -> DatasetVersions:
    """A data dir of this test's own holding one complete version of the base exports."""
    shutil.copytree(base_data_dir, tmp_path / "data", symlinks=True)
    return DatasetVersions(tmp_path / "data")


def read_table(store: DatasetVersions, name: str) -> pa.Table:
    return pq.read_table(store.table_path(store.current_version(), name))


def snapshot(root: Path) -> dict[str, str]:
    """Every file's hash, every symlink's target and every folder under `root`."""
    found: dict[str, str] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            key = str(path.relative_to(root))
            if path.is_symlink():
                found[key] = "-> " + os.readlink(path)
            elif path.is_dir():
                found[key] = "folder"
            else:
                found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def rejected(store: DatasetVersions, path: Path, **kwargs) -> ImportRejected:
    """Import `path`, expect a refusal, and check that the data dir did not change at all."""
    before = snapshot(store.data_dir)
    with pytest.raises(ImportRejected) as info:
        import_path(store, path, **kwargs)
    assert snapshot(store.data_dir) == before
    return info.value


def run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "INSTANCE_DIR": str(tmp_path / "instance"),
        "DATA_DIR": str(tmp_path / "cli-data"),
    }
    flask = Path(sys.executable).parent / "flask"
    return subprocess.run(
        [str(flask), "--app", "app", "import", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


# --- 360Giving ------------------------------------------------------------------------------


def sample_amounts_from_csv(path: Path) -> dict[str, Decimal]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["Identifier"]: Decimal(r["Amount Awarded"]) for r in csv.DictReader(fh)}


def sample_amounts_from_json(path: Path) -> dict[str, Decimal]:
    doc = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    return {g["id"]: Decimal(g["amountAwarded"]) for g in doc["grants"]}


@pytest.mark.skipif(
    REAL_SAMPLE is None,
    reason=f"real 360Giving samples not checked: {REAL_SAMPLES_VARIABLE} names no folder "
    "(.ci/run sets it); the project's own fixtures prove the same",
)
def test_the_real_360giving_samples_are_where_the_variable_says():
    assert REAL_SAMPLE is not None
    assert REAL_SAMPLE.csv.is_file() and REAL_SAMPLE.json.is_file(), REAL_SAMPLES


@pytest.mark.parametrize("sample", SAMPLES_360)
@pytest.mark.parametrize("form", ["csv", "json"])
def test_360giving_sample_imports_with_exact_amounts_currency_and_funder(tmp_path, sample, form):
    path, source_amounts = {
        "csv": (sample.csv, sample_amounts_from_csv),
        "json": (sample.json, sample_amounts_from_json),
    }[form]
    store = DatasetVersions(tmp_path / "data")
    result = import_path(store, path)
    assert result.rows == {"grants": sample.grants}
    grants = read_table(store, "grants")
    assert grants.num_rows == sample.grants
    assert grants.schema.field("amount").type == pa.decimal128(14, 2)
    assert grants.schema.field("award_date").type == pa.date32()
    expected = source_amounts(path)
    imported = dict(zip(grants["grant_id"].to_pylist(), grants["amount"].to_pylist(), strict=True))
    assert imported == expected
    assert sum(imported.values(), Decimal(0)) == sum(expected.values(), Decimal(0))
    assert set(grants["currency"].to_pylist()) == sample.currencies
    assert set(grants["funder_name"].to_pylist()) == sample.funders
    assert grants["action_field"].null_count == sample.grants  # shown as "ohne Zuordnung"


@pytest.mark.parametrize("sample", SAMPLES_360)
def test_360giving_json_timestamps_become_their_dates(tmp_path, sample):
    store = DatasetVersions(tmp_path / "data")
    import_path(store, sample.json)
    doc = json.loads(sample.json.read_text(encoding="utf-8"))
    expected = {g["id"]: date.fromisoformat(g["awardDate"][:10]) for g in doc["grants"]}
    assert doc["grants"][0]["awardDate"].endswith("T00:00:00+00:00")
    grants = read_table(store, "grants")
    dates = grants["award_date"].to_pylist()
    assert dict(zip(grants["grant_id"].to_pylist(), dates, strict=True)) == expected
    first = grants.slice(0, 1).to_pylist()[0]
    assert {k: first[k] for k in sample.first} == sample.first


@pytest.mark.parametrize("sample", SAMPLES_360)
def test_both_360giving_samples_import_one_after_the_other(tmp_path, sample):
    store = DatasetVersions(tmp_path / "data")
    first = import_path(store, sample.csv).version
    second = import_path(store, sample.json).version
    assert store.current_version() == second != first
    assert read_table(store, "grants").num_rows == sample.grants


def test_360giving_csv_and_json_of_the_same_grants_give_the_same_table(tmp_path):
    """What the files leave out or give oddly: the funder stands in for a missing programme, a
    missing city stays empty, a currency other than euro is kept, 6.0 months are 6, no planned
    dates no duration, a timestamp late in the day keeps its date, a line break stays."""
    tables = []
    for path in (OWN_SAMPLE.csv, OWN_SAMPLE.json):
        store = DatasetVersions(tmp_path / path.suffix[1:])
        import_path(store, path)
        tables.append(read_table(store, "grants").to_pylist())
    from_csv, from_json = tables
    assert from_csv == from_json
    by_id = {g["grant_id"]: g for g in from_json}
    no_programme = by_id["360G-BSR-0003"]
    assert no_programme["programme"] == no_programme["funder_name"]
    assert no_programme["recipient_city"] is None
    assert no_programme["amount"] == Decimal("2500.50")
    assert [g["grant_id"] for g in from_json if g["currency"] == "GBP"] == ["360G-BSR-0005"]
    assert by_id["360G-BSR-0006"]["duration_months"] == 6
    assert by_id["360G-BSR-0007"]["duration_months"] is None
    assert by_id["360G-BSR-0007"]["description"] is None
    assert by_id["360G-BSR-0004"]["award_date"] == date(2024, 11, 30)
    assert by_id["360G-BSR-0004"]["description"] == (
        "Zeile eins der Beschreibung\nZeile zwei der Beschreibung"
    )
    assert by_id["360G-BSR-0002"]["description"].startswith("Beratung für Familien, die „zwischen")
    assert by_id["360G-BSR-0008"]["amount"] == Decimal("1000000.00")


def test_360giving_json_problems_name_the_grant_and_its_json_field(tmp_path, store):
    doc = {
        "grants": [
            {"id": "A", "title": "t", "currency": "GBP", "amountAwarded": 10,
             "awardDate": "2015-01-01T00:00:00+00:00",
             "recipientOrganization": [{"id": "R", "name": "r"}],
             "fundingOrganization": [{"id": "F", "name": "f"}]},
        ]
    }  # fmt: skip
    bad = dict(doc["grants"][0], id="B", amountAwarded=-5)
    doc["grants"].append(bad)
    path = tmp_path / "grants.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    exc = rejected(store, path)
    (problem,) = exc.problems
    assert (problem.row, problem.column, problem.value) == (2, "amountAwarded", "-5")
    assert "Eintrag 2" in str(problem) and "negativ" in problem.reason


def test_360giving_json_duplicates_and_missing_currency_name_the_grants(tmp_path, store):
    grant_a = {"id": "A", "title": "t", "currency": "GBP", "amountAwarded": 10,
               "awardDate": "2015-01-01", "recipientOrganization": [{"id": "R", "name": "r"}],
               "fundingOrganization": [{"id": "F", "name": "f"}]}  # fmt: skip
    no_currency = {k: v for k, v in grant_a.items() if k != "currency"} | {"id": "B"}
    path = tmp_path / "grants.json"
    path.write_text(json.dumps({"grants": [grant_a, no_currency, grant_a]}), encoding="utf-8")
    exc = rejected(store, path)
    assert [(p.row, p.column) for p in exc.problems] == [(2, "currency"), (3, "id")]
    assert "Währung fehlt" in exc.problems[0].reason
    assert str(exc.problems[1]).startswith("grants.json, Eintrag 3, Feld id – Wert 'A'")
    assert "zuerst in Eintrag 1" in exc.problems[1].reason


def test_360giving_json_entry_that_is_no_object_is_refused(tmp_path, store):
    path = tmp_path / "grants.json"
    path.write_text('{"grants": [{"id": "A"}, 42]}', encoding="utf-8")
    exc = rejected(store, path)
    assert [(p.row, p.column) for p in exc.problems] == [(2, None)]


def test_360giving_json_without_grants_is_refused(tmp_path, store):
    path = tmp_path / "grants.json"
    path.write_text('{"grants": []}', encoding="utf-8")
    exc = rejected(store, path)
    assert "keine" in exc.problems[0].reason


@pytest.mark.parametrize("sample", SAMPLES_360)
def test_360giving_csv_problems_name_the_column_as_the_file_titles_it(tmp_path, store, sample):
    with sample.csv.open(encoding="utf-8", newline="") as fh:
        header, first, second = list(csv.reader(fh))[:3]
    amount = header.index("Amount Awarded")
    second[amount] = "-" + second[amount]  # the second grant, the spreadsheet's row 3
    path = write_csv(tmp_path / "spender.csv", [header, first, second])
    exc = rejected(store, path)
    (problem,) = exc.problems
    assert (problem.row, problem.column) == (3, "Amount Awarded")


# --- CSV dialects, Parquet -----------------------------------------------------------------


def test_german_excel_csv_imports_with_decimal_comma_and_dotted_dates(store):
    path = FIXTURES / "grants_excel_cp1252.csv"  # `;`, Windows-1252, CRLF, a trailing `;;;` row
    assert b"\r\n" in path.read_bytes() and "€".encode("cp1252") in path.read_bytes()
    assert path.read_bytes().startswith(b"grant_id;programme;")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    import_path(store, path)
    grants = read_table(store, "grants").to_pylist()
    assert [g["amount"] for g in grants] == [Decimal("1234.56"), Decimal("63250.00"), Decimal(7)]
    assert [g["award_date"] for g in grants] == [
        date(2026, 3, 15),
        date(2025, 12, 1),
        date(2026, 1, 31),
    ]
    assert grants[0]["title"] == "Café für Ältere – 10 € Zuschuss"
    assert grants[0]["description"] == "Zeile eins\nZeile zwei"
    assert grants[1]["recipient_name"] == "Straßenkinder e. V."


def test_row_numbers_count_records_as_a_spreadsheet_does(store):
    path = FIXTURES / "grants_excel_bad_date.csv"  # row 2 spans lines 2 to 4 of the file
    assert path.read_bytes().count(b"\n") == 5
    exc = rejected(store, path)
    (problem,) = exc.problems
    assert (problem.row, problem.column, problem.value) == (3, "award_date", "32.01.2026")


def test_utf8_file_with_byte_order_mark_imports(store):
    path = FIXTURES / "grants_excel_utf8_bom.csv"  # Excel's "CSV UTF-8": `;`, CRLF, German numbers
    assert path.read_bytes().startswith(b"\xef\xbb\xbfgrant_id;")
    import_path(store, path)
    assert read_table(store, "grants")["title"].to_pylist() == ["Größe", "Vorhaben 2"]
    grants = read_table(store, "grants").to_pylist()
    assert [g["amount"] for g in grants] == [Decimal("1000.00"), Decimal("250.50")]
    assert [g["award_date"] for g in grants] == [date(2026, 3, 1), date(2025, 12, 31)]
    assert grants[0]["description"] == "Straße „Am Ufer“\nHof links"


def test_semicolon_file_reads_german_numbers_unless_decimal_point_is_given(tmp_path, store):
    path = write_csv(tmp_path / "grants.csv", [GRANTS_HEADER, grant(1, amount="1.500")], ";")
    import_path(store, path)
    assert read_table(store, "grants")["amount"].to_pylist() == [Decimal("1500.00")]
    path = write_csv(tmp_path / "grants.csv", [GRANTS_HEADER, grant(1, amount="1234.5")], ";")
    import_path(store, path, decimal=".")
    assert read_table(store, "grants")["amount"].to_pylist() == [Decimal("1234.50")]


def test_amount_with_more_than_two_decimals_is_refused_not_rounded(tmp_path, store):
    path = write_csv(tmp_path / "grants.csv", [GRANTS_HEADER, grant(1, amount="10.005")])
    exc = rejected(store, path)
    assert (exc.problems[0].row, exc.problems[0].column) == (2, "amount")


def test_parquet_export_imports_with_typed_columns(tmp_path, store):
    data = pa.table(
        {
            "grant_id": ["P1", "P2"],
            "programme": ["Prog", "Prog"],
            "funder_name": ["Stiftung", "Stiftung"],
            "title": ["Eins", "Zwei"],
            "recipient_org_id": ["O1", "O2"],
            "recipient_name": ["AWO", "Caritas"],
            "action_field": ["KJF", None],
            "amount": pa.array([Decimal("12.3400"), Decimal("5000")], pa.decimal128(18, 4)),
            "award_date": pa.array([date(2026, 1, 2), date(2026, 2, 3)], pa.date32()),
            "duration_months": pa.array([6, None], pa.int32()),
        }
    )
    path = tmp_path / "export.parquet"
    pq.write_table(data, path)
    import_path(store, path, table="grants")
    grants = read_table(store, "grants").to_pylist()
    assert [g["amount"] for g in grants] == [Decimal("12.34"), Decimal("5000.00")]
    assert [g["award_date"] for g in grants] == [date(2026, 1, 2), date(2026, 2, 3)]
    assert [g["currency"] for g in grants] == ["EUR", "EUR"]
    assert [g["duration_months"] for g in grants] == [6, None]


def test_parquet_timestamps_become_dates_and_float_money_must_be_exact(tmp_path, store):
    path = tmp_path / "grants.parquet"
    base = {
        "grant_id": ["P1"], "programme": ["p"], "funder_name": ["f"], "title": ["t"],
        "recipient_org_id": ["O1"], "recipient_name": ["r"],
        "award_date": pa.array([datetime(2026, 1, 2, 13, 30)], pa.timestamp("s")),
    }  # fmt: skip
    pq.write_table(pa.table(base | {"amount": pa.array([0.1 + 0.2])}), path)
    exc = rejected(store, path)
    assert (exc.problems[0].row, exc.problems[0].column) == (2, "amount")
    pq.write_table(pa.table(base | {"amount": pa.array([1500.5])}), path)
    import_path(store, path)
    (row,) = read_table(store, "grants").to_pylist()
    assert (row["amount"], row["award_date"]) == (Decimal("1500.50"), date(2026, 1, 2))


def test_folder_import_brings_all_its_tables_in_one_version(tmp_path):
    store = DatasetVersions(tmp_path / "data")
    folder = write_base(tmp_path / "export")
    write_bytes(folder / "._grants.csv", b"\x00\x05\x16\x07 macOS resource fork")
    (folder / "README.md").write_text("Exporte vom 23.11.2026", encoding="utf-8")
    result = import_path(store, folder)
    tables = ["action_fields", "associations", "challenges", "districts", "events", "grants",
              "organisations"]  # fmt: skip
    assert sorted(result.rows) == tables
    assert [v["version"] for v in store.versions()] == [result.version]
    assert store.tables(result.version) == tables
    assert sorted(store.manifest(result.version)["tables"]) == tables


def test_table_comes_from_option_then_file_name_then_content(tmp_path, store):
    rows = [GRANTS_HEADER, grant(7)]
    import_path(store, write_csv(tmp_path / "a" / "export.csv", rows), table="grants")
    assert read_table(store, "grants")["grant_id"].to_pylist() == ["G7"]
    import_path(store, write_csv(tmp_path / "b" / "grants.csv", [GRANTS_HEADER, grant(8)]))
    assert read_table(store, "grants")["grant_id"].to_pylist() == ["G8"]
    import_path(store, write_csv(tmp_path / "c" / "foerderungen.csv", [GRANTS_HEADER, grant(9)]))
    assert read_table(store, "grants")["grant_id"].to_pylist() == ["G9"]
    extra = [*ASSOCIATIONS, ["DRK", "Deutsches Rotes Kreuz", "German Red Cross"]]
    result = import_path(store, write_csv(tmp_path / "d" / "verbaende.csv", extra))
    assert result.rows == {"associations": 3}


def test_unrecognised_table_asks_for_the_table_option(tmp_path, store):
    path = write_csv(tmp_path / "liste.csv", [["foo", "bar"], ["1", "2"]])
    exc = rejected(store, path)
    assert "--table" in exc.problems[0].reason


def test_header_fitting_two_tables_equally_asks_for_the_table_option(tmp_path, store):
    header = ["event_id", "name", "kind", "starts_on", "ends_on", "participants",
              "patron_id", "action_fields", "districts", "budget_eur"]  # fmt: skip
    exc = rejected(store, write_csv(tmp_path / "liste.csv", [header, ["x"] * len(header)]))
    assert "events, patrons" in exc.problems[0].reason
    assert "--table" in exc.problems[0].reason


@pytest.mark.parametrize("sample", SAMPLES_360)
def test_360giving_file_forced_into_another_table_is_refused_by_its_columns(store, sample):
    exc = rejected(store, sample.csv, table="organisations")
    assert (exc.problems[0].row, exc.problems[0].column) == (1, "org_id")


def test_excel_unicode_text_utf16_with_tabs_imports(tmp_path, store):
    path = tmp_path / "grants.txt"
    text = csv_bytes([GRANTS_HEADER, grant(1, title="Übergänge gestalten")], "\t", "\r\n")
    path.write_bytes(text.encode("utf-16"))
    import_path(store, path)
    assert read_table(store, "grants")["title"].to_pylist() == ["Übergänge gestalten"]


def test_reference_to_a_table_the_dataset_lacks_says_to_import_it_first(tmp_path):
    store = DatasetVersions(tmp_path / "data")
    exc = rejected(store, _grants_file(tmp_path, grant(1, association="", district_ags="")))
    (problem,) = exc.problems
    assert (problem.row, problem.column, problem.value) == (2, "action_field", "KJF")
    assert "gibt es noch keine Tabelle action_fields" in problem.reason


def test_import_replaces_only_its_table_and_hard_links_the_others(store, tmp_path):
    old = store.current_version()
    result = import_path(store, write_csv(tmp_path / "grants.csv", [GRANTS_HEADER, grant(5)]))
    assert store.current_version() == result.version != old
    assert read_table(store, "grants")["grant_id"].to_pylist() == ["G5"]
    assert store.tables(result.version) == store.tables(old)
    for name in store.tables(old):
        before, after = store.table_path(old, name), store.table_path(result.version, name)
        if name == "grants":
            assert before.read_bytes() != after.read_bytes()
        else:
            assert before.read_bytes() == after.read_bytes()
            assert before.stat().st_ino == after.stat().st_ino


def test_challenges_alone_resolve_against_the_existing_version(store, tmp_path):
    rows = [*CHALLENGES, ["C2", "E1", "Fahrdienst", "Touren planen", "O2", "ALT", "05315",
                          "02.10.2026"]]  # fmt: skip
    result = import_path(store, write_csv(tmp_path / "challenges.csv", rows))
    assert result.rows == {"challenges": 2}
    rows.append(["C3", "E1", "x", "y", "O9", "ALT", "05315", "2026-10-03"])
    exc = rejected(store, write_csv(tmp_path / "challenges.csv", rows))
    (problem,) = exc.problems
    assert (problem.row, problem.column, problem.value) == (4, "org_id", "O9")
    assert "organisations.org_id" in problem.reason


def test_replacing_action_fields_without_a_code_grants_still_use_is_refused(store, tmp_path):
    path = write_csv(tmp_path / "action_fields.csv", [ACTION_FIELDS[0], ACTION_FIELDS[2]])
    exc = rejected(store, path)
    assert exc.total == 2  # challenges and grants both still use KJF
    for problem, user in zip(exc.problems, ["challenges", "grants"], strict=True):
        assert (problem.file, problem.column, problem.value) == ("action_fields.csv", "code", "KJF")
        assert f"noch von {user}.action_field verwendet" in problem.reason


def test_a_folder_may_not_bring_one_table_twice(tmp_path, store):
    folder = tmp_path / "export"
    write_csv(folder / "grants.csv", [GRANTS_HEADER, grant(1)])
    write_csv(folder / "foerderungen.csv", [GRANTS_HEADER, grant(2)])
    exc = rejected(store, folder)
    assert "zweimal" in exc.problems[0].reason


# --- bad input ------------------------------------------------------------------------------


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _grants_file(folder: Path, *rows: list[str]) -> Path:
    return write_csv(folder / "grants.csv", [GRANTS_HEADER, *rows])


def _without(column: str) -> list[str]:
    return [c for c in GRANTS_HEADER if c != column]


BAD_FILES = {
    "missing required column": (
        lambda p: write_csv(
            p / "grants.csv",
            [
                _without("amount"),
                [v for c, v in zip(GRANTS_HEADER, grant(1), strict=True) if c != "amount"],
            ],
        ),
        (1, "amount", "Pflichtspalte"),
    ),
    "empty required field": (
        lambda p: _grants_file(p, grant(1), grant(2, title=" \u00a0\n ")),
        (3, "title", "Pflichtfeld"),
    ),
    "impossible date": (
        lambda p: _grants_file(p, grant(1), grant(2), grant(3, award_date="2026-02-30")),
        (4, "award_date", "Datum"),
    ),
    "two-digit year": (
        lambda p: _grants_file(p, grant(1, award_date="01.02.26")),
        (2, "award_date", "Datum"),
    ),
    "date with trailing text": (
        lambda p: _grants_file(p, grant(1, award_date="2026-02-01 oder so")),
        (2, "award_date", "Datum"),
    ),
    "duplicate id": (
        lambda p: _grants_file(p, grant(1), grant(2), grant(1)),
        (4, "grant_id", "Doppelte Kennung (zuerst in Zeile 2)"),
    ),
    "negative amount": (
        lambda p: _grants_file(p, grant(1, amount="-5.00")),
        (2, "amount", "negativ"),
    ),
    "non-numeric amount": (
        lambda p: _grants_file(p, grant(1), grant(2, amount="zwölf Euro")),
        (3, "amount", "Geldbetrag"),
    ),
    "unknown currency": (
        lambda p: _grants_file(p, grant(1, currency="Euro")),
        (2, "currency", "ISO 4217"),
    ),
    "unknown action field": (
        lambda p: _grants_file(p, grant(1), grant(2, action_field="XYZ")),
        (3, "action_field", "action_fields.code"),
    ),
    "dangling foreign key": (
        lambda p: _grants_file(p, grant(1, district_ags="05999")),
        (2, "district_ags", "districts.ags"),
    ),
    "value outside its list": (
        lambda p: write_csv(
            p / "events.csv", [*EVENTS, ["E2", "x", "party", "2026-01-01", "2026-01-02", ""]]
        ),
        (3, "kind", "erlaubt: hackathon, programme"),
    ),
    "ragged row with a field too many": (
        lambda p: _grants_file(p, grant(1), [*grant(2), "zu viel"]),
        (3, None, "16 Felder"),
    ),
    "ragged row with fields missing": (
        lambda p: _grants_file(p, grant(1), grant(2)[:12]),
        (3, "currency", "12 Felder"),
    ),
    "unterminated quote": (
        lambda p: write_bytes(
            p / "grants.csv", (csv_bytes([GRANTS_HEADER, grant(1)]) + '"G2,Prog\n').encode()
        ),
        (3, None, "nicht lesbar"),
    ),
    "empty file": (
        lambda p: write_bytes(p / "grants.csv", b""),
        (1, None, "leer"),
    ),
    "only blanks and a byte order mark": (
        lambda p: write_bytes(p / "grants.csv", b"\xef\xbb\xbf \r\n\r\n"),
        (1, None, "leer"),
    ),
    "header only": (
        lambda p: _grants_file(p),
        (2, None, "keine Datenzeilen"),
    ),
    "blank lines only after the header": (
        lambda p: write_bytes(p / "grants.csv", (";".join(GRANTS_HEADER) + "\r\n;;;\r\n").encode()),
        (2, None, "keine Datenzeilen"),
    ),
    "binary garbage": (
        lambda p: write_bytes(p / "grants.csv", bytes(range(1, 256)) * 40),
        (1, None, "Binärdatei"),
    ),
    "NUL bytes": (
        lambda p: write_bytes(
            p / "grants.csv",
            csv_bytes([GRANTS_HEADER, grant(1), grant(2, title="Vor\x00haben")]).encode(),
        ),
        (3, "title", "NUL"),
    ),
    "control characters late in a large file": (
        lambda p: _grants_file(p, *[grant(n) for n in range(3000)], grant(9999, title="\x1b[2J")),
        (3002, "title", "Steuerzeichen"),
    ),
    "corrupt parquet": (
        lambda p: write_bytes(p / "grants.parquet", b"PAR1" + b"\xff" * 64),
        (None, None, "Parquet"),
    ),
    "undecodable text": (
        lambda p: write_bytes(
            p / "grants.csv", csv_bytes([GRANTS_HEADER, grant(1)]).encode() + b"G2,\x81\x8d\n"
        ),
        (3, None, "Zeichenkodierung"),
    ),
    "javascript video url": (
        lambda p: write_csv(
            p / "solutions.csv",
            [SOLUTIONS_HEADER, solution(1), solution(2, video_url="javascript:alert(1)")],
        ),
        (3, "video_url", "YouTube"),
    ),
    "plain http youtube url": (
        lambda p: write_csv(
            p / "solutions.csv",
            [SOLUTIONS_HEADER, solution(1, video_url="http://www.youtube.com/watch?v=dQw4w9WgXcQ")],
        ),
        (2, "video_url", "YouTube"),
    ),
    "youtube url with a bad video id": (
        lambda p: write_csv(
            p / "solutions.csv",
            [SOLUTIONS_HEADER, solution(1, video_url="https://youtu.be/dQw4w9")],
        ),
        (2, "video_url", "YouTube"),
    ),
    "not a boolean": (
        lambda p: write_csv(
            p / "solutions.csv", [SOLUTIONS_HEADER, solution(1, is_digital="vielleicht")]
        ),
        (2, "is_digital", "Wahrheitswert"),
    ),
    "dangling reference in a list": (
        lambda p: write_csv(
            p / "patrons.csv",
            [
                ["patron_id", "name", "kind", "action_fields", "districts", "budget_eur"],
                ["P1", "Stiftung", "foundation", "KJF|NOPE", "05111", "10.000,00"],
            ],
            ";",
        ),
        (2, "action_fields", "action_fields.code"),
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES), ids=list(BAD_FILES))
def test_bad_file_is_refused_with_row_column_and_reason_and_changes_nothing(tmp_path, store, case):
    make, (row, column, reason) = BAD_FILES[case]
    folder = tmp_path / "bad"
    folder.mkdir()
    path = make(folder)
    exc = rejected(store, path)
    problem = exc.problems[0]
    assert (problem.row, problem.column) == (row, column), str(exc)
    assert reason in problem.reason, str(exc)
    assert problem.file == path.name
    assert exc.total >= 1
    assert str(exc).startswith("Import abgelehnt")


def test_bad_file_into_an_empty_data_dir_creates_nothing(tmp_path):
    store = DatasetVersions(tmp_path / "data")
    with pytest.raises(ImportRejected):
        import_path(store, _grants_file(tmp_path, grant(1, amount="-1")))
    assert not store.data_dir.exists()


def test_only_the_first_50_problems_are_listed_but_all_are_counted(tmp_path, store):
    rows = [grant(n, amount="abc") for n in range(120)]
    exc = rejected(store, _grants_file(tmp_path, *rows))
    assert exc.total == 120
    assert len(exc.problems) == MAX_REPORTED
    assert [p.row for p in exc.problems] == list(range(2, 2 + MAX_REPORTED))
    assert "120 Probleme" in exc.report() and "ersten 50" in exc.report()


def test_problems_of_several_files_are_counted_together(tmp_path, store):
    folder = tmp_path / "export"
    ragged_grants = [grant(n)[:5] for n in range(60)]
    write_csv(folder / "grants.csv", [_without("amount"), *ragged_grants])
    write_csv(folder / "events.csv", [EVENTS[0][1:], *[["x", "y"]] * 70])
    exc = rejected(store, folder)
    assert exc.total == (1 + 60) + (1 + 70)  # a missing column and the ragged rows, per file
    assert len(exc.problems) == MAX_REPORTED


# --- the command line -----------------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLES_360)
def test_cli_import_prints_the_new_version_and_exits_0(tmp_path, sample):
    done = run_cli(tmp_path, str(sample.csv))
    assert done.returncode == 0, done.stderr
    version = DatasetVersions(tmp_path / "cli-data").current_version()
    assert version and version in done.stdout
    assert f"grants: {sample.grants} Zeilen" in done.stdout
    # The import is in the audit log (and the versions list) like an upload, with the OS user.
    store = open_store(tmp_path / "instance" / "curation.sqlite")
    (logged,) = store.audit_entries(action="data.import")
    assert logged["object"] == version and logged["who"].startswith("cli:")
    assert logged["after"] == {"file": sample.csv.name, "tables": {"grants": sample.grants}}


def test_cli_refuses_a_bad_file_with_the_report_on_stderr_and_exit_1(tmp_path):
    unassigned = {"association": "", "action_field": "", "district_ags": ""}
    bad = grant(1, award_date="30.02.2026", **unassigned)
    done = run_cli(tmp_path, str(write_csv(tmp_path / "grants.csv", [GRANTS_HEADER, bad])))
    assert done.returncode == 1
    assert "Import abgelehnt: 1 Problem gefunden" in done.stderr
    assert "grants.csv, Zeile 2, Spalte award_date – Wert '30.02.2026': Kein gültiges Datum" in (
        done.stderr
    )
    assert not (tmp_path / "cli-data").exists()


def test_cli_speaks_english_when_asked_and_german_otherwise(tmp_path):
    unassigned = {"association": "", "action_field": "", "district_ags": ""}
    bad_row = grant(1, award_date="30.02.2026", **unassigned)
    bad = write_csv(tmp_path / "grants.csv", [GRANTS_HEADER, bad_row])
    done = run_cli(tmp_path, str(bad), "--lang", "en")
    assert done.returncode == 1
    assert done.stderr.startswith("Import refused: 1 problem found, nothing was changed.\n")
    assert (
        "grants.csv, row 2, column award_date – value '30.02.2026': Not a valid date "
        "(expected YYYY-MM-DD or DD.MM.YYYY)." in done.stderr
    )
    good = write_csv(tmp_path / "grants.csv", [GRANTS_HEADER, grant(1, **unassigned)])
    done = run_cli(tmp_path, str(good), "--lang", "en")
    assert done.returncode == 0, done.stderr
    version = DatasetVersions(tmp_path / "cli-data").current_version()
    assert done.stdout.startswith(f"New dataset version {version} in ")
    assert "(grants: 1 rows)." in done.stdout
    done = run_cli(tmp_path, str(good), "--lang", "de")
    assert done.stdout.startswith("Neue Datenversion ") and "(grants: 1 Zeilen)." in done.stdout
    done = run_cli(tmp_path, str(good), "--lang", "fr")
    assert done.returncode == 2 and "'de', 'en'" in done.stderr


def test_import_is_checked_again_when_another_import_switched_versions_meanwhile(
    store, tmp_path, monkeypatch
):
    """Two imports at once cannot together publish a reference into nothing."""
    grants = write_csv(tmp_path / "grants.csv", [GRANTS_HEADER, grant(7, action_field="ALT")])
    fields_without_alt = write_csv(tmp_path / "other" / "action_fields.csv", ACTION_FIELDS[:2])
    first_check = ingest.validate
    calls = []

    def validate_while_another_import_lands(*args, **kwargs):
        calls.append(1)
        typed = first_check(*args, **kwargs)
        if len(calls) == 1:
            # Another worker replaces action_fields (dropping ALT) after this check passed.
            write_csv(tmp_path / "other" / "grants.csv", [GRANTS_HEADER, grant(1)])
            write_csv(tmp_path / "other" / "challenges.csv", CHALLENGES)
            import_path(DatasetVersions(store.data_dir), fields_without_alt.parent)
        return typed

    monkeypatch.setattr(ingest, "validate", validate_while_another_import_lands)
    with pytest.raises(ImportRejected) as info:
        import_path(store, grants)
    assert len(calls) == 3  # this import, the other one, this import again
    assert (info.value.problems[0].column, info.value.problems[0].value) == ("action_field", "ALT")
    assert read_table(store, "grants").column("grant_id").to_pylist() == ["G1"]


def test_mixed_utf8_and_windows_1252_is_refused_at_the_foreign_byte(tmp_path, store):
    good = csv_bytes([GRANTS_HEADER, grant(1, title="Bürgerzentrum")]).encode("utf-8")
    bad = csv_bytes([grant(2, title="Straße")])[0:].encode("cp1252")
    path = write_bytes(tmp_path / "grants.csv", good + bad)
    exc = rejected(store, path)
    assert exc.problems[0].row == 3
    assert "Gemischte Zeichenkodierung" in exc.problems[0].reason


def test_windows_1252_with_eszett_before_a_quote_mark_is_not_taken_for_mixed(tmp_path, store):
    # In cp1252, "ß“" is the byte pair DF 93, which looks like a UTF-8 sequence.
    rows = [GRANTS_HEADER, grant(1, title="Projekt „Fuß“ – Gruß…")]
    path = write_bytes(tmp_path / "grants.csv", csv_bytes(rows).encode("cp1252"))
    import_path(store, path)
    assert read_table(store, "grants").column("title").to_pylist() == ["Projekt „Fuß“ – Gruß…"]


def test_a_csv_read_in_batches_keeps_every_row_and_reports_the_right_ones(
    tmp_path, store, monkeypatch
):
    """Rows go into Arrow a batch at a time: values, order and report rows across batches."""
    monkeypatch.setattr(ingest, "CSV_BATCH", 2)
    rows = [grant(n, title=f"Vorhaben {n}", amount=f"{n}00.50") for n in range(1, 6)]
    rows.insert(3, ["G9", "kurz", "zu"])  # a short row between the batches: reported
    path = write_csv(tmp_path / "grants.csv", [GRANTS_HEADER, *rows])
    exc = rejected(store, path)
    assert [(p.row, p.column) for p in exc.problems] == [(5, "title")]
    del rows[3]
    rows[4][GRANTS_HEADER.index("amount")] = "abc"
    exc = rejected(store, write_csv(path, [GRANTS_HEADER, *rows]))
    assert [(p.row, p.column, p.value) for p in exc.problems] == [(6, "amount", "abc")]
    rows[4][GRANTS_HEADER.index("amount")] = "500.50"
    import_path(store, write_csv(path, [GRANTS_HEADER, *rows]))
    grants = read_table(store, "grants").to_pylist()
    assert [g["title"] for g in grants] == [f"Vorhaben {n}" for n in range(1, 6)]
    assert [g["amount"] for g in grants] == [Decimal(f"{n}00.50") for n in range(1, 6)]


def test_every_reason_has_its_english_for_the_upload_page():
    """The upload page in English shows the checks' reasons in English, values kept."""
    assert ingest.explain("ingest_money", ["63.250,00"], "en") == (
        "Not an amount of money (expected e.g. 63.250,00, at most two decimals)."
    )
    assert ingest.explain("ingest_duplicate", ["7"], "en") == (
        "Duplicate identifier (first in row 7)."
    )
    assert ingest.explain("ingest_csv", ["line contains NUL"], "en") == (
        "The CSV file cannot be read (line contains NUL)"
    )
    assert ingest.explain("ingest_required", [], "de") == "Pflichtfeld ist leer."
    # Every message of the import, filled with sample values, has its English.
    for key, (german, english) in INGEST_MESSAGES.items():
        assert german.count("{}") == english.count("{}"), key
        assert english != german, key


def test_a_report_is_worded_in_the_language_asked_for(tmp_path, store):
    """The same problems, in German (the command line's default) and in English."""
    grant_a = {"id": "A", "title": "t", "currency": "GBP", "amountAwarded": 10,
               "awardDate": "2015-01-01", "recipientOrganization": [{"id": "R", "name": "r"}],
               "fundingOrganization": [{"id": "F", "name": "f"}]}  # fmt: skip
    path = tmp_path / "grants.json"
    path.write_text(json.dumps({"grants": [grant_a, grant_a]}), encoding="utf-8")
    exc = rejected(store, path)
    assert exc.report() == exc.report("de") == str(exc)
    assert exc.report("de") == (
        "Import abgelehnt: 1 Problem gefunden, nichts wurde geändert.\n"
        "  - grants.json, Eintrag 2, Feld id – Wert 'A': "
        "Doppelte Kennung (zuerst in Eintrag 1)."
    )
    assert exc.report("en") == (
        "Import refused: 1 problem found, nothing was changed.\n"
        "  - grants.json, entry 2, field id – value 'A': Duplicate identifier (first in entry 1)."
    )
    rows = [grant(n, amount="abc") for n in range(60)]
    exc = rejected(store, _grants_file(tmp_path, *rows))
    head, first = exc.report("en").splitlines()[:2]
    assert head == "Import refused: 60 problems found (the first 50 follow), nothing was changed."
    assert first == (
        "  - grants.csv, row 2, column amount – value 'abc': Not an amount of money "
        "(expected e.g. 63250.00, at most two decimals)."
    )
    assert exc.report().splitlines()[0] == (
        "Import abgelehnt: 60 Probleme gefunden (die ersten 50 folgen), nichts wurde geändert."
    )
