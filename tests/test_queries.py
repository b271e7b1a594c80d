"""Every SQL file runs on the demo data and returns the columns its header promises."""

from __future__ import annotations

import pytest

from dashboard.datastore import DataStore
from dashboard.db import Database
from dashboard.sql import QUERIES_DIR, known_queries, load_sql


@pytest.fixture(scope="module")
def database(demo_data_dir):
    """A DuckDB layer on the demo data."""
    return Database(DataStore(demo_data_dir))


def test_there_are_queries():
    assert known_queries(), f"no .sql files in {QUERIES_DIR}"


@pytest.mark.parametrize("name", known_queries())
def test_query_returns_the_columns_its_header_promises(database, name):
    query = load_sql(name)
    assert query.purpose, f"{name}.sql has no '-- Purpose:' line"
    assert query.columns, f"{name}.sql has no '-- Columns:' line"
    result = database.cursor().execute(query.text, {p: None for p in query.parameters})
    assert tuple(d[0] for d in result.description) == query.columns
    result.fetchall()


def test_unknown_query_lists_the_known_ones():
    with pytest.raises(KeyError, match="overview_totals"):
        load_sql("no_such_query")


def test_a_query_name_cannot_leave_the_queries_folder():
    with pytest.raises(KeyError):
        load_sql("../pyproject")
