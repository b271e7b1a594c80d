"""The demo dataset: the committed files, what they model, and the data contract they keep."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dashboard import contract, demo
from dashboard.ingest import import_path
from dashboard.versions import DatasetVersions

ROOT = Path(__file__).resolve().parents[1]
DEMO_DIR = ROOT / "data" / "demo"
REFERENCE_DISTRICTS = ROOT / "data" / "reference" / "nrw_districts.csv"
MONEY_CELL = re.compile(r"\d+\.\d\d")
DATE_CELL = re.compile(r"\d{4}-\d\d-\d\d")

Rows = dict[str, list[dict[str, Any]]]


def read_raw_csv(directory: Path) -> dict[str, list[dict[str, str]]]:
    """Every table's CSV rows as plain strings."""
    tables = {}
    for table in contract.TABLES:
        with (directory / f"{table.name}.csv").open(encoding="utf-8", newline="") as f:
            tables[table.name] = list(csv.DictReader(f))
    return tables


def typed_csv(raw: dict[str, list[dict[str, str]]]) -> Rows:
    """Rows as the import sees them: lists split at `|`, empty cells None."""
    tables: Rows = {}
    for table in contract.TABLES:
        lists = {c.name for c in table.columns if c.kind == contract.TEXT_LIST}
        tables[table.name] = [
            {
                k: (v.split(contract.LIST_SEPARATOR) if v else []) if k in lists else (v or None)
                for k, v in row.items()
            }
            for row in raw[table.name]
        ]
    return tables


def read_parquet(directory: Path) -> Rows:
    """Rows of the Parquet files, a null list read as an empty one."""
    tables: Rows = {}
    for table in contract.TABLES:
        lists = {c.name for c in table.columns if c.kind == contract.TEXT_LIST}
        rows = pq.read_table(directory / f"{table.name}.parquet").to_pylist()
        tables[table.name] = [
            {k: (v or []) if k in lists else v for k, v in row.items()} for row in rows
        ]
    return tables


def key_problems(tables: Rows) -> list[str]:
    """Every duplicate or empty id and every foreign key that does not resolve."""
    problems = []
    for table in contract.TABLES:
        rows = tables[table.name]
        for col in table.columns:
            values = [row[col.name] for row in rows]
            if col.unique:
                twice = [v for v, n in Counter(values).items() if n > 1 or v in (None, "")]
                problems += [f"{table.name}.{col.name}: {v!r} not a unique id" for v in twice]
            if col.references:
                ref_table, ref_col = col.references
                known = {row[ref_col] for row in tables[ref_table]}
                items = [i for v in values for i in (v if isinstance(v, list) else [v])]
                missing = sorted({i for i in items if i is not None and i not in known})
                problems += [f"{table.name}.{col.name}: {i!r} not in {ref_table}" for i in missing]
        for names in table.unique_together:
            keys = Counter(tuple(row[n] for n in names) for row in rows)
            problems += [f"{table.name}: {k} twice" for k, n in keys.items() if n > 1]
    return problems


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The default demo written afresh into a temporary directory, with its row counts."""
    out = tmp_path_factory.mktemp("demo")
    return out, demo.generate(out)


@pytest.fixture(scope="module")
def raw() -> dict[str, list[dict[str, str]]]:
    """The committed demo CSV files as strings."""
    return read_raw_csv(DEMO_DIR)


@pytest.fixture(scope="module")
def committed(raw: dict[str, list[dict[str, str]]]) -> Rows:
    """The committed demo as the import reads it."""
    return typed_csv(raw)


@pytest.fixture(scope="module")
def scaled_parquet(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """A larger demo written as Parquet, with its row counts."""
    out = tmp_path_factory.mktemp("scaled")
    return out, demo.generate(out, grants=2000, solutions=500, fmt="parquet")


@pytest.fixture(scope="module")
def tiny_csv(tmp_path_factory: pytest.TempPathFactory) -> Rows:
    """The smallest demo the generator allows, read back from CSV."""
    out = tmp_path_factory.mktemp("tiny")
    demo.generate(out, grants=1, solutions=2, seed=7)
    return typed_csv(read_raw_csv(out))


def test_regenerating_the_demo_reproduces_the_committed_files(regenerated):
    out, _ = regenerated
    committed_files = sorted(p.name for p in DEMO_DIR.glob("*.csv"))
    assert committed_files == sorted(f"{name}.csv" for name in contract.TABLE_NAMES)
    for name in committed_files:
        assert (out / name).read_bytes() == (DEMO_DIR / name).read_bytes(), (
            f"{name} drifted from the generator: run `python -m dashboard.demo --out data/demo`"
        )


def test_every_file_is_utf8_without_bom_with_unix_lines_and_the_contract_header():
    for table in contract.TABLES:
        data = (DEMO_DIR / f"{table.name}.csv").read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf"), table.name
        assert b"\r" not in data, table.name
        header = data.decode("utf-8").split("\n", 1)[0]
        assert header == ",".join(table.column_names), table.name


def test_districts_are_the_53_nrw_districts_with_their_leading_zero(raw):
    with REFERENCE_DISTRICTS.open(encoding="utf-8", newline="") as f:
        reference = list(csv.DictReader(f))
    # The reference's columns exactly; the optional population stays empty (no sourced figure).
    assert [{k: v for k, v in row.items() if k != "population"} for row in raw["districts"]] == (
        reference
    )
    assert {row["population"] for row in raw["districts"]} == {""}
    assert len(raw["districts"]) == 53
    assert all(re.fullmatch(r"05\d{3}", row["ags"]) for row in raw["districts"])


def test_the_small_hackathon_has_21_challenges_and_8_awards_each_with_a_patron(committed):
    challenges = [c for c in committed["challenges"] if c["event_id"] == "E1"]
    assert len(challenges) == 21
    assert all("2020-04-06" <= c["posted_on"] <= "2020-04-16" for c in challenges)
    solutions = [s for s in committed["solutions"] if s["event_id"] == "E1"]
    assert 35 <= len(solutions) <= 45
    assert {c["challenge_id"] for c in challenges} == {s["challenge_id"] for s in solutions}
    awarded = {s["solution_id"]: s["award"] for s in solutions if s["award"]}
    assert Counter(awarded.values()) == {"winner": 3, "finalist": 5}
    pledged = {p["solution_id"] for p in committed["patronships"]}
    assert pledged == set(awarded)
    for pledge in committed["patronships"]:
        assert pledge["pledged_on"] == "2020-04-26"
        assert Decimal("2500") <= Decimal(pledge["amount_eur"]) <= Decimal("25000")


def test_patrons_never_pledge_beyond_their_budget(committed):
    budget = {p["patron_id"]: Decimal(p["budget_eur"]) for p in committed["patrons"]}
    pledged: Counter[str] = Counter()
    for pledge in committed["patronships"]:
        pledged[pledge["patron_id"]] += Decimal(pledge["amount_eur"])
    assert all(pledged[p] <= budget[p] for p in pledged)


def test_the_large_hackathon_leaves_many_challenges_without_a_solution(committed):
    challenges = [c["challenge_id"] for c in committed["challenges"] if c["event_id"] == "E2"]
    answers = Counter(s["challenge_id"] for s in committed["solutions"] if s["event_id"] == "E2")
    assert 300 <= len(challenges) <= 500
    assert sum(1 for c in challenges if not answers[c]) >= len(challenges) // 4
    assert max(answers[c] for c in challenges) >= 5
    assert answers[None] > 0, "a few free ideas answer no challenge"
    awards = Counter(s["award"] for s in committed["solutions"] if s["event_id"] == "E2")
    assert awards["winner"] == 20 and awards["finalist"] > 20


def test_the_programme_has_667_grants_worth_about_42_5_million_euro(committed):
    grants = committed["grants"]
    amounts = [Decimal(g["amount"]) for g in grants]
    assert len(grants) == 667
    assert Decimal("42300000") <= sum(amounts) <= Decimal("42700000")
    assert all(Decimal("5000") <= a <= Decimal("100000") for a in amounts)
    assert 0.3 <= amounts.count(Decimal("100000")) / len(amounts) <= 0.4
    assert all("2020-10-01" <= g["award_date"] <= "2021-09-30" for g in grants)
    assert {g["programme"] for g in grants} == {demo.PROGRAMME}
    assert len({g["recipient_org_id"] for g in grants}) == 653


def test_grants_reach_every_district_action_field_and_association(committed):
    grants = committed["grants"]
    assert {g["district_ags"] for g in grants} == {d["ags"] for d in committed["districts"]}
    assert {g["action_field"] for g in grants} == {a["code"] for a in committed["action_fields"]}
    assert {g["association"] for g in grants} == set(contract.ASSOCIATION_CODES)


def test_grant_recipients_carry_their_organisations_name_and_place(committed):
    orgs = {o["org_id"]: o for o in committed["organisations"]}
    for grant in committed["grants"]:
        org = orgs[grant["recipient_org_id"]]
        assert grant["recipient_name"] == org["name"]
        assert grant["district_ags"] == org["district_ags"]
        assert grant["association"] == org["association"]


@pytest.mark.parametrize("dataset", ["committed", "scaled_parquet", "tiny_csv"])
def test_every_id_is_unique_and_every_foreign_key_resolves(dataset, request):
    value = request.getfixturevalue(dataset)
    tables = read_parquet(value[0]) if dataset == "scaled_parquet" else value
    assert key_problems(tables) == []


def test_every_value_keeps_the_contract(raw):
    for table in contract.TABLES:
        for row in raw[table.name]:
            for col in table.columns:
                cell = row[col.name]
                where = f"{table.name}.{col.name}={cell!r}"
                assert cell or not col.required, where
                if not cell:
                    continue
                if col.allowed:
                    assert cell in col.allowed, where
                if col.kind == contract.MONEY:
                    assert MONEY_CELL.fullmatch(cell), where
                if col.kind == contract.DATE:
                    assert DATE_CELL.fullmatch(cell) and date.fromisoformat(cell), where
                if col.kind == contract.BOOLEAN:
                    assert cell in ("true", "false"), where
                if col.kind == contract.INTEGER:
                    assert cell.isdigit(), where
                if col.kind == contract.YOUTUBE_URL:
                    assert contract.youtube_video_id(cell), where
                if col.kind == contract.CURRENCY:
                    assert re.fullmatch(contract.CURRENCY_PATTERN, cell), where


def test_solutions_read_like_a_real_gallery(committed):
    solutions = committed["solutions"]
    assert len({s["title"] for s in solutions}) >= 0.98 * len(solutions)
    assert all(1 <= int(s["team_size"]) <= 12 for s in solutions)
    assert all(1 <= len(s["tags"]) <= 4 for s in solutions)
    assert 0.6 <= sum(s["is_digital"] == "true" for s in solutions) / len(solutions) < 0.95
    missing_video = sum(s["video_url"] is None for s in solutions) / len(solutions)
    assert 0.02 <= missing_video <= 0.08
    votes = sorted(int(s["votes"]) for s in solutions)
    assert votes[len(votes) // 2] * 10 < votes[-1], "a few solutions draw most votes"


def test_texts_hold_the_words_the_gallery_search_is_tested_on(committed):
    text = " ".join(f"{s['title']} {s['summary']} {s['team_name']}" for s in committed["solutions"])
    for word in (
        "Straße",
        "straße",
        "Müller",
        "Altenpflege",
        "Pflegedienst",
        "pflegende Angehörige",
    ):
        assert word in text, word
    assert "lorem" not in text.lower()


def test_parquet_keeps_decimal_money_dates_lists_and_the_requested_volume(scaled_parquet):
    out, counts = scaled_parquet
    assert counts["grants"] == 2000 and counts["solutions"] == 500
    assert counts["organisations"] >= 2000 * 0.95
    grants = pq.read_table(out / "grants.parquet")
    assert grants.column_names == contract.table("grants").column_names
    assert grants.schema.field("amount").type == pa.decimal128(14, 2)
    assert grants.schema.field("award_date").type == pa.date32()
    first = grants.slice(0, 1).to_pylist()[0]
    assert isinstance(first["amount"], Decimal) and isinstance(first["award_date"], date)
    solutions = pq.read_table(out / "solutions.parquet")
    assert solutions.schema.field("tags").type == pa.list_(pa.string())
    assert solutions.schema.field("is_digital").type == pa.bool_()
    assert solutions.schema.field("votes").type == pa.int64()


def test_an_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown format"):
        demo.generate(tmp_path, fmt="xlsx")


def test_demo_data_command_writes_importable_parquet_at_the_asked_volume(tmp_path):
    out = tmp_path / "gross"
    result = subprocess.run(
        [str(Path(sys.executable).parent / "flask"), "--app", "app", "demo-data",
         "--grants", "3000", "--solutions", "800", "--format", "parquet", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={"INSTANCE_DIR": str(tmp_path / "instance"), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "grants: 3000" in result.stdout
    imported = import_path(DatasetVersions(tmp_path / "data"), out)
    assert imported.rows["grants"] == 3000
    assert imported.rows["solutions"] == 800
