"""The layering, read from the source: pages import dashboard, dashboard never imports pages, no
import cycle among dashboard's modules, and each layer imports only those below it."""

from __future__ import annotations

import ast
from pathlib import Path

from dashboard import FEATURES
from tests.serving import ROOT

PACKAGE = ROOT / "dashboard"
# The read layer and what it builds on know nothing of features, pages or Dash.
READ_LAYER = ("dashboard.db", "dashboard.sql", "dashboard.versions", "dashboard.tables",
              "dashboard.urls", "dashboard.store")  # fmt: skip
DASH = ("dash", "dash_bootstrap_components", "plotly", "dashboard.components",
        "dashboard.figures", "dashboard.curation_panel", "dashboard.tool_list")  # fmt: skip


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {
        _module_name(p): p for folder in (PACKAGE, ROOT / "pages") for p in folder.rglob("*.py")
    }


def _imports(path: Path, known: set[str]) -> set[str]:
    """Every module `path` imports, at its top or inside a function (`from dashboard import db`
    counts as dashboard.db)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            submodules = {f"{node.module}.{a.name}" for a in node.names} & known
            found |= submodules
            if len(submodules) < len(node.names):  # a name of the module itself
                found.add(node.module)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(path, set(modules)) for name, path in modules.items()}


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_dashboard_never_imports_pages_and_pages_never_import_each_other():
    graph = _graph()
    assert len([m for m in graph if m.startswith("pages.")]) > 10  # the scan sees the pages
    upward = sorted(
        (m, i) for m, found in graph.items() for i in found
        if m.startswith(("dashboard", "pages.")) and _within(i, ("pages",))
    )  # fmt: skip
    assert upward == []


def test_pages_hold_no_sql_and_no_duckdb():
    graph = _graph()
    assert (
        sorted(m for m, found in graph.items() if m.startswith("pages.") and "duckdb" in found)
        == []
    )


def test_no_import_cycle_among_dashboards_modules():
    graph = {
        m: {i for i in found if _within(i, ("dashboard",)) and i != m}
        for m, found in _graph().items()
        if _within(m, ("dashboard",))
    }
    cycles = []
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for nxt in sorted(graph.get(module, ())):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt) :] + [nxt] if nxt in path else [module, nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_read_layer_knows_no_feature_page_or_dash():
    graph = _graph()
    features = tuple(f"dashboard.{f}" for f in FEATURES)
    wrong = sorted(
        (m, i) for m, found in graph.items() if _within(m, READ_LAYER) for i in found
        if _within(i, (*features, *DASH, "pages"))
    )  # fmt: skip
    assert wrong == []


def test_feature_modules_hold_no_dash():
    """A feature is its filter object, its reads and its tables; pages draw them."""
    graph = _graph()
    wrong = sorted(
        (f"dashboard.{f}", i) for f in FEATURES for i in graph[f"dashboard.{f}"] if _within(i, DASH)
    )  # fmt: skip
    assert wrong == []
