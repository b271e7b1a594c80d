"""DuckDB: one in-memory connection per process, a cursor per thread, views on the current data."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from dashboard import contract
from dashboard.curation import CurationStore
from dashboard.datastore import DataStore
from dashboard.sql import bound_params, known_queries, load_sql

DERIVED_PREFIX = "derived_"
VIEW_PREFIX = "view_"
CURATION_SCHEMAS = {
    "curation_entries": pa.schema(
        [("solution_id", pa.string()), ("status", pa.string()), ("notes", pa.string()),
         ("version", pa.int64()), ("updated_by", pa.string()), ("updated_at", pa.string())]
    ),
    "ratings": pa.schema(
        [("solution_id", pa.string()), ("username", pa.string()), ("criterion", pa.string()),
         ("score", pa.int64())]
    ),
    "curation_patronships": pa.schema(
        [("solution_id", pa.string()), ("patron_id", pa.string()), ("status", pa.string()),
         ("amount_eur", pa.decimal128(14, 2)), ("pledged_on", pa.date32())]
    ),
}  # fmt: skip


def views() -> list[str]:
    """Views from `queries/view_<name>.sql` over the data and the copied curation state."""
    return [q.removeprefix(VIEW_PREFIX) for q in known_queries() if q.startswith(VIEW_PREFIX)]


def curation_tables(store: CurationStore | None) -> dict[str, pa.Table]:
    """The curation state as Arrow tables (empty ones without a store), for DuckDB to copy."""
    rows: dict[str, list] = {name: [] for name in CURATION_SCHEMAS}
    if store is not None:
        rows["curation_entries"] = [
            (e.solution_id, e.status, e.notes, e.version, e.updated_by, e.updated_at)
            for e in store.entries().values()
        ]
        rows["ratings"] = store.all_ratings()
        rows["curation_patronships"] = [
            (p.solution_id, p.patron_id, p.status, p.amount_eur, p.pledged_on)
            for p in store.patronships()
        ]
    return {
        name: pa.Table.from_pylist(
            [dict(zip(schema.names, row, strict=True)) for row in rows[name]], schema=schema
        )
        for name, schema in CURATION_SCHEMAS.items()
    }


def derived_tables() -> list[str]:
    """Tables built from `queries/derived_<name>.sql` whenever the views move to a new version."""
    return [q.removeprefix(DERIVED_PREFIX) for q in known_queries() if q.startswith(DERIVED_PREFIX)]


class DataUnavailable(RuntimeError):
    """There is no readable dataset version."""


class Database:
    """The only way into DuckDB. Views follow `current` on the next query after a switch."""

    def __init__(
        self,
        store: DataStore,
        threads: int = 2,
        memory_limit: str = "2GB",
        bootstrap: Callable[[], None] | None = None,
        curation: CurationStore | None = None,
    ) -> None:
        self.store = store
        self.curation = curation
        self.curation_version: int | None = None
        self.threads = threads
        self.memory_limit = memory_limit
        self.bootstrap = bootstrap
        self._con: duckdb.DuckDBPyConnection | None = None
        self._pid: int | None = None
        self._lock = threading.Lock()
        self._local = threading.local()
        self.version: str | None = None

    def _connection(self) -> duckdb.DuckDBPyConnection:
        # Opened lazily, so that gunicorn forks before any DuckDB exists (PITFALLS.md).
        if self._con is None or self._pid != os.getpid():
            self._con = duckdb.connect(
                ":memory:",
                config={"threads": self.threads, "memory_limit": self.memory_limit},
            )
            self._pid = os.getpid()
            self.version = None
            self.curation_version = None
            self._local = threading.local()
        return self._con

    def sync(self) -> str:
        """Point the views at the current version if it changed; return the version id."""
        current = self.store.current_version()
        if current is None and self.bootstrap is not None:
            self.bootstrap()
            current = self.store.current_version()
        if current is None:
            raise DataUnavailable(f"no dataset in {self.store.data_dir}")
        curation = self.curation.version() if self.curation is not None else 0
        if current != self.version or curation != self.curation_version or self._pid != os.getpid():
            with self._lock:
                con = self._connection()
                if curation != self.curation_version:
                    # Copied, not attached: DuckDB cannot load its sqlite extension here, and
                    # registered Arrow data would be invisible to the threads' cursors.
                    self._copy_curation(con)
                    self.curation_version = curation
                if current != self.version:
                    self._create_views(con, current)
                    self.version = current
        return current

    def _copy_curation(self, con: duckdb.DuckDBPyConnection) -> None:
        tables = curation_tables(self.curation)
        con.execute("BEGIN TRANSACTION")
        try:
            for name, data in tables.items():
                con.register("curation_in", data)
                con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM curation_in')
                con.unregister("curation_in")
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise

    def _create_views(self, con: duckdb.DuckDBPyConnection, version: str) -> None:
        present = set(self.store.tables(version))
        statements = []
        for table in contract.TABLES:
            if table.name in present:
                path = str(self.store.table_path(version, table.name)).replace("'", "''")
                # DDL cannot bind parameters; the path is ours (DATA_DIR + version id), never input.
                body = f"SELECT * FROM read_parquet('{path}')"
            else:
                cols = ", ".join(f'CAST(NULL AS {c.sql_type}) AS "{c.name}"' for c in table.columns)
                body = f"SELECT {cols} WHERE false"
            statements.append(f'CREATE OR REPLACE VIEW "{table.name}" AS {body}')
        for name in views():
            query = load_sql(f"{VIEW_PREFIX}{name}")
            statements.append(f'CREATE OR REPLACE VIEW "{name}" AS {query.text}')
        for name in derived_tables():
            # Prepared once per version and process, e.g. a normalised search column.
            query = load_sql(f"{DERIVED_PREFIX}{name}")
            statements.append(f'CREATE OR REPLACE TABLE "{name}" AS {query.text}')
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in statements:
                con.execute(statement)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor on the shared connection, with views on the current version."""
        self.sync()
        con = self._connection()
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            cur = con.cursor()
            self._local.cursor = cur
        return cur

    def rows(self, name: str, **params: Any) -> list[tuple]:
        """Run `queries/<name>.sql` with bound parameters; rows keep DECIMAL as Decimal."""
        query = load_sql(name)
        return self.cursor().execute(query.text, bound_params(query.text, params)).fetchall()

    def records(self, name: str, **params: Any) -> list[dict[str, Any]]:
        query = load_sql(name)
        cur = self.cursor()
        result = cur.execute(query.text, bound_params(query.text, params))
        names = [d[0] for d in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def frame(self, name: str, **params: Any) -> pd.DataFrame:
        """Run a query into a DataFrame; DECIMAL stays Decimal (via Arrow), never float."""
        query = load_sql(name)
        rel = self.cursor().sql(query.text, params=bound_params(query.text, params))
        return rel.to_arrow_table().to_pandas()

    def check(self) -> str:
        """Read every table once; the version id, or DataUnavailable."""
        try:
            version = self.sync()
            cur = self.cursor()
            for table in contract.TABLE_NAMES:
                cur.execute(f'SELECT count(*) FROM "{table}"').fetchall()
        except DataUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001 - any read failure means the data is unavailable
            raise DataUnavailable(str(exc)) from exc
        return version
