"""Dataset versions on disk: readers see a complete old or new version, whatever happens."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dashboard.db import Database
from dashboard.ingest import import_path
from dashboard.settings import ROOT
from dashboard.versions import KEEP_VERSIONS, DatasetVersions, StaleBase

GRANTS_HEADER = (
    "grant_id,programme,funder_name,title,recipient_org_id,recipient_name,amount,award_date"
)


def grants(n: int) -> pa.Table:
    return pa.table({"grant_id": [f"G{i}" for i in range(n)], "amount": list(range(n))})


def complete(store: DatasetVersions, version: str) -> dict[str, int]:
    """Row counts of a version, read back from its Parquet files; they must match its manifest."""
    folder = store.version_dir(version)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    counts = {
        name: pq.read_table(folder / f"{name}.parquet").num_rows for name in manifest["tables"]
    }
    assert counts == {name: entry["rows"] for name, entry in manifest["tables"].items()}
    assert sorted(counts) == store.tables(version)
    return counts


def write_grants_csv(path: Path, n: int) -> Path:
    lines = [GRANTS_HEADER]
    lines += [
        f"G{i},Programm,Stiftung,Vorhaben {i},O{i % 97},Träger {i % 97},{i % 5000}.50,2026-01-02"
        for i in range(n)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_publish_switches_current_by_rename_so_readers_never_see_a_gap(tmp_path):
    store = DatasetVersions(tmp_path / "data")
    store.publish({"grants": grants(1)}, {})
    seen: set[str] = set()
    errors: list[BaseException] = []
    stop = threading.Event()

    def read_current() -> None:
        while not stop.is_set():
            try:
                target = os.readlink(store.current_link)  # never missing, never half-written
                seen.add(Path(target).name)
                complete(store, Path(target).name)
            except BaseException as exc:  # noqa: BLE001 - any failure is what this test looks for
                errors.append(exc)
                return

    reader = threading.Thread(target=read_current)
    reader.start()
    published = [store.publish({"grants": grants(n)}, {}) for n in range(2, KEEP_VERSIONS + 1)]
    stop.set()
    reader.join()
    assert errors == []
    assert len(seen) > 1
    assert os.readlink(store.current_link) == f"versions/{published[-1]}"
    assert not list(store.data_dir.glob(".current-*"))
    assert not list(store.versions_dir.glob(".tmp-*"))
    assert complete(store, store.current_version()) == {"grants": KEEP_VERSIONS}


def test_old_versions_are_pruned_to_five_newest(tmp_path):
    store = DatasetVersions(tmp_path / "data")
    published = [store.publish({"grants": grants(n)}, {}) for n in range(1, 9)]
    kept = [m["version"] for m in store.versions()]
    assert kept == published[::-1][:KEEP_VERSIONS]
    assert store.current_version() == published[-1]


def test_current_version_is_never_pruned_even_when_newer_ones_exist(tmp_path, monkeypatch):
    store = DatasetVersions(tmp_path / "data")
    current = store.publish({"grants": grants(3)}, {})

    def crash(version: str) -> None:
        raise RuntimeError("killed between writing the version and switching to it")

    monkeypatch.setattr(store, "_switch", crash)
    for n in range(KEEP_VERSIONS + 2):
        with pytest.raises(RuntimeError):
            store.publish({"grants": grants(n)}, {})
    assert store.current_version() == current
    store.prune()
    assert store.current_version() == current
    assert complete(store, current) == {"grants": 3}
    assert len(store.versions()) == KEEP_VERSIONS + 1


def test_stale_staging_from_a_crash_is_removed_and_never_becomes_current(tmp_path):
    store = DatasetVersions(tmp_path / "data")
    first = store.publish({"grants": grants(1)}, {})
    stale = store.versions_dir / ".tmp-99991231T235959999999Z-dead00"
    stale.mkdir()
    (stale / "grants.parquet").write_bytes(b"PAR1 half written")
    stale_link = store.data_dir / ".current-99991231T235959999999Z-dead00"
    os.symlink("versions/.tmp-99991231T235959999999Z-dead00", stale_link)
    assert [m["version"] for m in store.versions()] == [first]
    second = store.publish({"grants": grants(2)}, {})
    assert store.current_version() == second
    assert not stale.exists() and not stale_link.is_symlink()
    assert [m["version"] for m in store.versions()] == [second, first]


def test_a_new_version_hard_links_the_tables_it_does_not_replace(tmp_path):
    store = DatasetVersions(tmp_path / "data")
    first = store.publish({"grants": grants(2), "districts": grants(3)}, {"grants": "g.csv"})
    second = store.publish({"grants": grants(4)}, {"grants": "neu.csv"}, imported_by="admin")
    old, new = store.table_path(first, "districts"), store.table_path(second, "districts")
    assert old.stat().st_ino == new.stat().st_ino
    manifest = store.manifest(second)
    assert manifest["previous"] == first and manifest["replaced"] == ["grants"]
    assert manifest["tables"]["grants"]["source"] == "neu.csv"
    assert manifest["tables"]["districts"]["rows"] == 3
    assert complete(store, second) == {"districts": 3, "grants": 4}


def test_kill_9_during_an_import_leaves_the_complete_old_version(tmp_path):
    store = DatasetVersions(tmp_path / "data")
    old = import_path(store, write_grants_csv(tmp_path / "grants.csv", 3)).version
    before = complete(store, old)
    big = write_grants_csv(tmp_path / "export.csv", 300_000)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "INSTANCE_DIR": str(tmp_path / "inst")}
    flask = str(Path(sys.executable).parent / "flask")
    proc = subprocess.Popen(
        [flask, "--app", "app", "import", str(big), "--table", "grants",
         "--data-dir", str(store.data_dir)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not list(store.versions_dir.glob(".tmp-*")):
            assert proc.poll() is None, "the import finished before it could be killed"
            assert time.monotonic() < deadline, "the import never started writing a version"
            time.sleep(0.002)
        os.kill(proc.pid, signal.SIGKILL)  # while it writes the new version
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert store.current_version() == old
    assert complete(store, old) == before == {"grants": 3}
    assert Database(store).check() == old
    # The next import clears the half-written staging folder away.
    new = import_path(store, write_grants_csv(tmp_path / "grants.csv", 5)).version
    assert store.current_version() == new
    assert not list(store.versions_dir.glob(".tmp-*"))
    assert complete(store, new) == {"grants": 5}


def test_publish_refuses_a_base_that_is_no_longer_current(tmp_path):
    store = DatasetVersions(tmp_path / "data")
    table = pa.table({"code": ["AWO"], "name_de": ["AWO"], "name_en": ["AWO"]})
    first = store.publish({"associations": table}, {})
    second = store.publish({"associations": table}, {}, base=first)
    with pytest.raises(StaleBase):
        store.publish({"associations": table}, {}, base=first)
    assert store.current_version() == second
