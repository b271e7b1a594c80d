"""The data contract: data/README.md documents exactly the contract's tables and columns."""

from __future__ import annotations

import re

from dashboard import contract
from tests.serving import ROOT


def _readme_contract_part() -> str:
    text = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- contract:start -->\n(.*)<!-- contract:end -->", text, re.S)
    assert m, "data/README.md lacks the contract:start/end markers"
    return m.group(1)


def test_data_readme_documents_every_table_and_column_of_the_contract():
    part = _readme_contract_part()
    for table in contract.TABLES:
        assert f"### `{table.name}`" in part
        for col in table.columns:
            assert f"| `{col.name}` |" in part, f"{table.name}.{col.name} undocumented"


def test_data_readme_is_in_step_with_the_contract():
    assert _readme_contract_part().strip() == contract.markdown_tables().strip(), (
        "data/README.md drifted from dashboard/contract.py: run `python -m dashboard.contract`"
    )


def test_every_reference_points_at_a_unique_column():
    for table in contract.TABLES:
        for col in table.columns:
            if col.references:
                ref_table, ref_col = col.references
                assert contract.table(ref_table).column(ref_col).unique, f"{table.name}.{col.name}"


def test_money_is_decimal_and_never_float():
    money = [c for t in contract.TABLES for c in t.columns if c.kind == contract.MONEY]
    assert {c.sql_type for c in money} == {"DECIMAL(14,2)"}
    assert {c.name for c in money} >= {"amount", "amount_eur", "budget_eur"}


def test_referenced_tables_come_first_in_dependency_order():
    order = contract.dependency_order()
    assert sorted(order) == sorted(contract.TABLE_NAMES)
    for table in contract.TABLES:
        for col in table.columns:
            if col.references:
                assert order.index(col.references[0]) < order.index(table.name)


def test_youtube_urls_are_recognised_strictly():
    assert contract.youtube_video_id("https://www.youtube.com/watch?v=dQw4w9WgXcQ") == "dQw4w9WgXcQ"
    assert contract.youtube_video_id("https://youtu.be/dQw4w9WgXcQ") == "dQw4w9WgXcQ"
    assert contract.youtube_video_id("https://www.youtube.com/embed/dQw4w9WgXcQ") == "dQw4w9WgXcQ"
    for bad in (
        "javascript:alert(1)",
        "http://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        "https://youtu.be/dQw4w9WgXcQ\njavascript:",
    ):
        assert contract.youtube_video_id(bad) is None, bad
