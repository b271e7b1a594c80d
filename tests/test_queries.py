"""Every SQL file runs on the demo data and returns the columns its header promises; every query
a feature reads has its record, whose fields are exactly those columns."""

from __future__ import annotations

import dataclasses

import pytest

from dashboard import db
from dashboard.db import Database, QueryMismatch, check_record
from dashboard.sql import QUERIES_DIR, Query, known_queries, load_sql
from dashboard.versions import DatasetVersions

PREFIXES = ("macro_", "view_", "derived_")


@pytest.fixture(scope="module")
def database(demo_data_dir):
    """A DuckDB layer on the demo data."""
    return Database(DatasetVersions(demo_data_dir))


def test_there_are_queries():
    assert known_queries(), f"no .sql files in {QUERIES_DIR}"


@pytest.mark.parametrize("name", known_queries())
def test_query_returns_the_columns_its_header_promises(database, name):
    query = load_sql(name)
    assert query.purpose, f"{name}.sql has no '-- Purpose:' line"
    if name.startswith("macro_"):
        _check_macro(database, query)
        return
    assert query.columns, f"{name}.sql has no '-- Columns:' line"
    result = database.cursor().execute(query.text, {p: None for p in query.parameters})
    assert tuple(d[0] for d in result.description) == query.columns
    result.fetchall()


def _check_macro(database: Database, query: Query) -> None:
    """A table macro answers with its header's columns; a scalar macro (no columns) runs."""
    function = query.name.removeprefix("macro_")
    nulls = ", ".join("NULL" for _ in query.parameters)
    assert f"MACRO {function}(" in query.text, f"{query.name}.sql creates no macro {function}"
    if query.columns:
        result = database.cursor().execute(f"SELECT * FROM {function}({nulls})")
        assert tuple(d[0] for d in result.description) == query.columns
    else:
        result = database.cursor().execute(f"SELECT {function}({nulls})")
    result.fetchall()


def test_every_query_has_a_reader_and_its_record_fits(app):
    """What the pages read: each query of queries/ (macros, views, derived tables aside) is
    declared once with its record (db.reader), named like its file."""
    readers = db.readers()
    queries = [q for q in known_queries() if not q.startswith(PREFIXES)]
    assert sorted(readers) == queries
    for name, reader in readers.items():
        fields = tuple(f.name for f in dataclasses.fields(reader.record))
        assert fields == load_sql(name).columns, name


def test_a_record_that_does_not_fit_its_query_is_refused():
    @dataclasses.dataclass(frozen=True)
    class Wrong:
        category: str
        count: int

    with pytest.raises(QueryMismatch, match="tools_categories.sql promises"):
        check_record(load_sql("tools_categories"), Wrong)
    with pytest.raises(QueryMismatch):
        db.Reader("tools_categories", Wrong)


def test_a_result_that_does_not_keep_its_header_is_refused(database, monkeypatch):
    """The header is the promise: a query that answers with other columns fails loudly."""

    @dataclasses.dataclass(frozen=True)
    class Promised:
        category: str
        count: int

    real = load_sql("tools_categories")
    promised = dataclasses.replace(real, columns=("category", "count"))
    monkeypatch.setattr(db, "load_sql", lambda name: promised)
    with pytest.raises(QueryMismatch, match="returned the columns"):
        database.fetch(Promised, "tools_categories")


def test_rows_come_by_column_name_into_their_records(app):
    from dashboard import programme

    (first, *_) = programme.tools_categories()
    assert isinstance(first, programme.CategoryCount)
    assert isinstance(first.category, str) and isinstance(first.tools, int)


def test_unknown_query_lists_the_known_ones():
    with pytest.raises(KeyError, match="overview_totals"):
        load_sql("no_such_query")


def test_a_query_name_cannot_leave_the_queries_folder():
    with pytest.raises(KeyError):
        load_sql("../pyproject")
