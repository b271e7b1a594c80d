"""The read layer: DuckDB (one in-memory connection per process, a cursor per thread, views and
macros on the current data version) and the typed, cached reads every feature module uses.

A feature declares each query it runs once, next to the record its rows become:

    funding_kpis = db.reader("funding_kpis", FundingKpiRow)   # runs queries/funding_kpis.sql

and calls it with bound parameters: `funding_kpis(**filters.sql())` → tuple[FundingKpiRow, ...],
cached per data and curation version.
"""

from __future__ import annotations

import dataclasses
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, Generic, TypeVar

import duckdb
import pandas as pd
import pyarrow as pa

from dashboard import contract
from dashboard.settings import Settings
from dashboard.sql import Query, bound_params, known_queries, load_sql
from dashboard.store import CurationStore
from dashboard.versions import DatasetVersions

R = TypeVar("R")
T = TypeVar("T")
MACRO_PREFIX = "macro_"
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


def macros() -> list[str]:
    """`queries/macro_<name>.sql`: shared filters and text folding, each a CREATE MACRO."""
    return [q for q in known_queries() if q.startswith(MACRO_PREFIX)]


def _is_table_macro(name: str) -> bool:
    return bool(re.search(r"\)\s+AS\s+TABLE\b", load_sql(name).text, re.IGNORECASE))


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


class QueryMismatch(TypeError):
    """A query's header, its result columns and its record's fields do not agree."""


def check_record(query: Query, record: type) -> None:
    """Refuse a record whose fields are not exactly the columns the query's header promises."""
    fields = tuple(f.name for f in dataclasses.fields(record))
    if fields != query.columns:
        raise QueryMismatch(
            f"{record.__name__} has the fields {fields}; "
            f"{query.name}.sql promises the columns {query.columns}"
        )


def _frozen(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


class Database:
    """The only way into DuckDB. Views follow `current` on the next query after a switch."""

    def __init__(
        self,
        versions: DatasetVersions,
        threads: int = 2,
        memory_limit: str = "2GB",
        bootstrap: Callable[[], None] | None = None,
        curation: CurationStore | None = None,
    ) -> None:
        self.versions = versions
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
        # Opened lazily: a connection opened before gunicorn forks is shared, broken, by every
        # worker (so no --preload).
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
        current = self.versions.current_version()
        if current is None and self.bootstrap is not None:
            self.bootstrap()
            current = self.versions.current_version()
        if current is None:
            raise DataUnavailable(f"no dataset in {self.versions.data_dir}")
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
        present = set(self.versions.tables(version))
        statements = []
        for table in contract.TABLES:
            if table.name in present:
                path = str(self.versions.table_path(version, table.name)).replace("'", "''")
                # DDL cannot bind parameters; the path is ours (DATA_DIR + version id), never input.
                source = f"read_parquet('{path}')"
                # A version written before an optional column joined the contract lacks it: NULL.
                found = {
                    row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
                }
                missing = "".join(
                    f', CAST(NULL AS {c.sql_type}) AS "{c.name}"'
                    for c in table.columns
                    if c.name not in found
                )
                body = f"SELECT *{missing} FROM {source}"
            else:
                cols = ", ".join(f'CAST(NULL AS {c.sql_type}) AS "{c.name}"' for c in table.columns)
                body = f"SELECT {cols} WHERE false"
            statements.append(f'CREATE OR REPLACE VIEW "{table.name}" AS {body}')
        # DuckDB binds a table macro when it is created: scalar macros (text folding) first,
        # then the views and derived tables, then the table macros (filters) over them.
        table_macros = [m for m in macros() if _is_table_macro(m)]
        for name in macros():
            if name not in table_macros:
                statements.append(load_sql(name).text)  # CREATE OR REPLACE MACRO …
        for name in views():
            query = load_sql(f"{VIEW_PREFIX}{name}")
            statements.append(f'CREATE OR REPLACE VIEW "{name}" AS {query.text}')
        for name in derived_tables():
            # Prepared once per version and process, e.g. a normalised search column.
            query = load_sql(f"{DERIVED_PREFIX}{name}")
            statements.append(f'CREATE OR REPLACE TABLE "{name}" AS {query.text}')
        statements += [load_sql(name).text for name in table_macros]
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

    def fetch(self, record: type[R], name: str, **params: Any) -> tuple[R, ...]:
        """Run `queries/<name>.sql` with bound parameters into `record`s, by column name.

        Refuses (QueryMismatch) a result whose columns differ from the query's header, or a
        header that differs from the record's fields. DECIMAL stays Decimal; lists are tuples.
        """
        query = load_sql(name)
        check_record(query, record)
        result = self.cursor().execute(query.text, bound_params(query.text, params))
        names = tuple(d[0] for d in result.description)
        if names != query.columns:
            raise QueryMismatch(
                f"{name}.sql returned the columns {names}, its header promises {query.columns}"
            )
        return tuple(
            record(**{n: _frozen(v) for n, v in zip(names, row, strict=True)})
            for row in result.fetchall()
        )

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


# --- the read layer that feature modules use -----------------------------------------------------

_database: Database | None = None
_settings: Settings | None = None
_cache: OrderedDict[tuple, Any] = OrderedDict()
_cache_lock = threading.Lock()
CACHE_SIZE = 512


def configure(database: Database, settings: Settings | None = None) -> tuple[Database, Settings]:
    """Read from `database`, with the operator's `settings` (e.g. FUNDING_BANDS), everywhere
    (create_app calls it once; a test may swap them and put back what this returns)."""
    global _database, _settings
    previous = (_database, _settings)
    _database, _settings = database, settings or _settings
    with _cache_lock:
        _cache.clear()
    return previous  # type: ignore[return-value]


def database() -> Database:
    if _database is None:
        raise RuntimeError("dashboard.db is not configured: call create_app() first")
    return _database


def settings() -> Settings:
    """The settings the reads depend on (the amount bands); defaults until configured."""
    return _settings or _DEFAULTS


_DEFAULTS = Settings(instance_dir=Path("instance"), data_dir=Path("instance/data"), secret_key="")


def _cache_key(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(_cache_key(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _cache_key(v)) for k, v in value.items()))
    return value


def _remembered(key: tuple, compute: Callable[[], T]) -> T:
    db = database()
    key = (*key, db.sync(), db.curation_version)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    value = compute()
    with _cache_lock:
        _cache[key] = value
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return value


def cached(fn: Callable[..., T]) -> Callable[..., T]:
    """Cache a computation over reads per data and curation version (arguments hashable)."""

    @wraps(fn)
    def wrapper(*args: Any) -> T:
        return _remembered((fn.__module__, fn.__qualname__, _cache_key(args)), lambda: fn(*args))

    return wrapper


class Reader(Generic[R]):
    """One query of `queries/` and the record its rows become; calling it runs the query."""

    def __init__(self, name: str, record: type[R], cache: bool = True) -> None:
        self.query = load_sql(name)
        self.record = record
        self.cache = cache
        check_record(self.query, record)  # at import: a mismatch never reaches a page
        _readers[name] = self

    @property
    def name(self) -> str:
        return self.query.name

    def __call__(self, **params: Any) -> tuple[R, ...]:
        """The rows for `params` (bound; those the query does not name are left out)."""
        if not self.cache:
            return database().fetch(self.record, self.name, **params)
        key = ("reader", self.name, _cache_key(params))
        return _remembered(key, lambda: database().fetch(self.record, self.name, **params))

    def one(self, **params: Any) -> R | None:
        """The first row, or None."""
        rows = self(**params)
        return rows[0] if rows else None

    def using(self, db: Database, **params: Any) -> tuple[R, ...]:
        """The rows from another database (not cached): e.g. a test's own data version."""
        return db.fetch(self.record, self.name, **params)


_readers: dict[str, Reader[Any]] = {}


def reader(name: str, record: type[R], cache: bool = True) -> Reader[R]:
    """Declare that `queries/<name>.sql` is read into `record` (once per query)."""
    if name in _readers:
        raise ValueError(f"queries/{name}.sql already has a reader ({_readers[name].record})")
    return Reader(name, record, cache)


def readers() -> dict[str, Reader[Any]]:
    """Every declared reader by query name (the test that runs every query uses it)."""
    return dict(_readers)


def dataset_info() -> dict[str, Any]:
    """The current version's manifest: which tables, from where, and whether they are demo data."""
    db = database()
    return db.versions.manifest(db.sync())


def is_demo_data() -> bool:
    """Whether any table of the current version is the demo's (the pages then say so)."""
    return any(entry.get("demo") for entry in dataset_info().get("tables", {}).values())
