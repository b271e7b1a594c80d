"""The DuckDB layer: views over the current version that follow a switch without a restart."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import date
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pytest

from dashboard.db import Database, DataUnavailable
from dashboard.store import open_store
from dashboard.versions import DatasetVersions
from tests.serving import ROOT

GRANTS_HEADER = (
    "grant_id,programme,funder_name,title,recipient_org_id,recipient_name,amount,currency,"
    "award_date\n"
)


def _grants_csv(path: Path, amounts: list[str]) -> Path:
    rows = [
        f"G{i},Programm,Stiftung,Vorhaben {i},O{i},Träger {i},{amount},EUR,2021-01-0{1 + i % 9}\n"
        for i, amount in enumerate(amounts)
    ]
    path.write_text(GRANTS_HEADER + "".join(rows), encoding="utf-8")
    return path


def _import_in_another_process(data_dir: Path, export: Path, instance: Path) -> None:
    subprocess.run(
        [str(Path(sys.executable).parent / "flask"), "--app", "app", "import", str(export),
         "--data-dir", str(data_dir)],
        cwd=ROOT, check=True, capture_output=True,
        env={"INSTANCE_DIR": str(instance), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def test_views_follow_an_import_by_another_process_without_restart(tmp_path):
    data_dir = tmp_path / "data"
    _import_in_another_process(
        data_dir, _grants_csv(tmp_path / "grants.csv", ["100.10", "200.20"]), tmp_path
    )
    db = Database(DatasetVersions(data_dir))
    first = db.sync()
    assert db.cursor().execute("SELECT sum(amount) FROM grants").fetchall() == [
        (Decimal("300.30"),)
    ]

    _import_in_another_process(data_dir, _grants_csv(tmp_path / "grants.csv", ["5.00"]), tmp_path)
    assert db.cursor().execute("SELECT sum(amount) FROM grants").fetchall() == [(Decimal("5.00"),)]
    assert db.version != first


def test_money_stays_decimal_in_rows_and_frames(demo_data_dir):
    from dashboard.overview import Totals

    db = Database(DatasetVersions(demo_data_dir))
    (row,) = db.fetch(Totals, "overview_totals", event_id=None)
    assert isinstance(row.eur_total, Decimal)
    frame = db.frame("grants_by_currency", event_id=None)
    assert all(isinstance(v, Decimal) for v in frame["total"])


def test_tables_missing_from_the_dataset_read_as_empty(tmp_path):
    store = DatasetVersions(tmp_path / "data")
    store.publish(
        {
            "districts": pa.table(
                {
                    "ags": ["05111"],
                    "name": ["Düsseldorf"],
                    "kind": ["kreisfreie Stadt"],
                    "regierungsbezirk": ["Düsseldorf"],
                }
            )
        },
        {},
    )
    db = Database(store)
    assert db.cursor().execute("SELECT count(*) FROM grants").fetchall() == [(0,)]
    assert db.cursor().execute("SELECT count(*) FROM districts").fetchall() == [(1,)]
    # A version written before an optional column (population) joined the contract reads NULL.
    assert db.cursor().execute("SELECT ags, population FROM districts").fetchall() == [
        ("05111", None)
    ]


def test_each_thread_gets_its_own_cursor(demo_data_dir):
    db = Database(DatasetVersions(demo_data_dir))
    cursors = []
    results = []

    def work() -> None:
        cur = db.cursor()
        cursors.append(cur)
        results.append(cur.execute("SELECT count(*) FROM grants").fetchall()[0][0])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len({id(c) for c in cursors}) == 4
    assert len(set(results)) == 1 and results[0] > 0


def test_an_empty_data_dir_without_bootstrap_is_unavailable(tmp_path):
    db = Database(DatasetVersions(tmp_path / "empty"))
    with pytest.raises(DataUnavailable):
        db.check()


def test_curation_pledges_reach_the_pledges_view_without_restart(demo_data_dir, tmp_path):
    curation = open_store(tmp_path / "curation.sqlite")
    db = Database(DatasetVersions(demo_data_dir), curation=curation)
    before = db.cursor().execute("SELECT count(*), sum(amount_eur) FROM pledges").fetchall()[0]
    curation.set_status("S00001", "shortlisted", 0, "erika")
    curation.pledge("S00001", "P001", Decimal("999.99"), date(2026, 11, 23), 1, "erika")
    after = db.cursor().execute("SELECT count(*), sum(amount_eur) FROM pledges").fetchall()[0]
    assert after == (before[0] + 1, before[1] + Decimal("999.99"))
    status = (
        db.cursor()
        .execute("SELECT status FROM curation_entries WHERE solution_id = 'S00001'")
        .fetchall()
    )
    assert status == [("matched",)]
