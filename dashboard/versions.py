"""Dataset versions on disk: build a version beside the old one, switch `current` atomically."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

KEEP_VERSIONS = 5
ANY_BASE = object()


class StaleBase(RuntimeError):
    """`current` changed since the caller read it."""


MANIFEST = "manifest.json"


class DatasetVersions:
    """The versions under DATA_DIR/versions and the `current` symlink that names one of them."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.versions_dir = self.data_dir / "versions"
        self.current_link = self.data_dir / "current"

    def current_version(self) -> str | None:
        """The id of the version `current` points to, or None when there is none yet."""
        try:
            target = os.readlink(self.current_link)
        except (FileNotFoundError, NotADirectoryError):
            return None
        return Path(target).name

    def version_dir(self, version: str) -> Path:
        return self.versions_dir / version

    def table_path(self, version: str, table: str) -> Path:
        return self.version_dir(version) / f"{table}.parquet"

    def tables(self, version: str) -> list[str]:
        """The tables a version holds."""
        return sorted(p.stem for p in self.version_dir(version).glob("*.parquet"))

    def manifest(self, version: str) -> dict:
        path = self.version_dir(version) / MANIFEST
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"version": version, "tables": {}}

    def versions(self) -> list[dict]:
        """Every complete version's manifest, newest first."""
        if not self.versions_dir.is_dir():
            return []
        found = [
            self.manifest(p.name)
            for p in self.versions_dir.iterdir()
            if p.is_dir() and not p.name.startswith(".")
        ]
        return sorted(found, key=lambda m: m.get("version", ""), reverse=True)

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """One writer at a time, across processes."""
        with self._flock(".lock"):
            yield

    @contextlib.contextmanager
    def bootstrap_lock(self) -> Iterator[None]:
        """One process builds the first version; the others wait and find it there."""
        with self._flock(".bootstrap.lock"):
            yield

    @contextlib.contextmanager
    def _flock(self, name: str) -> Iterator[None]:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with open(self.data_dir / name, "a+b") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def publish(
        self,
        tables: dict[str, pa.Table],
        sources: dict[str, str],
        imported_by: str | None = None,
        demo: bool = False,
        base: str | None | object = ANY_BASE,
    ) -> str:
        """Write a new version with `tables` replaced and every other table kept; switch to it.

        The new version is written under a hidden name and renamed when complete, and `current`
        is replaced by rename too: a reader (or a `kill -9`) sees the complete old or new version.
        With `base`, refuse (StaleBase) when `current` is no longer the version the tables were
        checked against, so two imports at once cannot publish a dangling reference.
        """
        with self.lock():
            previous = self.current_version()
            if base is not ANY_BASE and previous != base:
                raise StaleBase(f"current is {previous}, not {base}")
            now = datetime.now(UTC)
            version = now.strftime("%Y%m%dT%H%M%S%fZ") + "-" + secrets.token_hex(3)
            self.versions_dir.mkdir(parents=True, exist_ok=True)
            staging = self.versions_dir / f".tmp-{version}"
            staging.mkdir()
            try:
                entries = self._keep_unchanged(staging, previous, set(tables))
                for name, data in tables.items():
                    pq.write_table(data, staging / f"{name}.parquet", compression="zstd")
                    entries[name] = {
                        "rows": data.num_rows,
                        "source": sources.get(name, ""),
                        "imported_by": imported_by,
                        "imported_at": now.isoformat(timespec="seconds"),
                        "version": version,
                        "demo": demo,
                    }
                manifest = {
                    "version": version,
                    "created_at": now.isoformat(timespec="seconds"),
                    "previous": previous,
                    "imported_by": imported_by,
                    "replaced": sorted(tables),
                    "tables": dict(sorted(entries.items())),
                }
                (staging / MANIFEST).write_text(
                    json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8"
                )
                _fsync_tree(staging)
                os.rename(staging, self.version_dir(version))
                _fsync_dir(self.versions_dir)  # the rename is on disk before `current` names it
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            self._switch(version)
            self._prune(KEEP_VERSIONS)
            return version

    def _keep_unchanged(self, staging: Path, previous: str | None, replaced: set[str]) -> dict:
        if not previous:
            return {}
        old = self.manifest(previous).get("tables", {})
        kept = {}
        for name in self.tables(previous):
            if name not in replaced:
                # Hard links: no copy, and pruning the old version later cannot take the file
                # away from the new one.
                os.link(self.table_path(previous, name), staging / f"{name}.parquet")
                kept[name] = old.get(name, {"rows": None})
        return kept

    def _switch(self, version: str) -> None:
        tmp_link = self.data_dir / f".current-{version}"
        os.symlink(Path("versions") / version, tmp_link)
        os.replace(tmp_link, self.current_link)
        _fsync_dir(self.data_dir)

    def prune(self, keep: int = KEEP_VERSIONS) -> None:
        """Remove all but the newest `keep` versions (never the current one) and stale staging."""
        with self.lock():  # a staging folder is stale only while no writer holds the lock
            self._prune(keep)

    def _prune(self, keep: int) -> None:
        if not self.versions_dir.is_dir():
            return
        current = self.current_version()
        for stale in self.versions_dir.glob(".tmp-*"):
            shutil.rmtree(stale, ignore_errors=True)
        for stale in self.data_dir.glob(".current-*"):
            stale.unlink(missing_ok=True)
        names = sorted(
            (p.name for p in self.versions_dir.iterdir() if p.is_dir() and p.name[0] != "."),
            reverse=True,
        )
        for name in names[keep:]:
            if name != current:
                shutil.rmtree(self.versions_dir / name, ignore_errors=True)


def _fsync_tree(folder: Path) -> None:
    for path in folder.iterdir():
        with open(path, "rb") as fh:
            os.fsync(fh.fileno())
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
