"""What pyproject.toml declares is what the code imports: every imported distribution is declared
(the portal's own in `dependencies`; the tests', the benchmark's and the scripts' in the `test`
extra), nothing declared goes unused, and uv.lock pins what pyproject.toml asks for."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Declared for what they provide to others, not imported: gunicorn serves `app:server`, dash's
# `compress` extra brings flask-compress, pytest-playwright gives the `page` fixture, ruff lints.
NOT_IMPORTED = {"gunicorn", "pytest-playwright", "ruff"}


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _imported(*folders: str) -> set[str]:
    """Top-level third-party modules imported anywhere under the folders, as distributions."""
    modules: set[str] = set()
    for folder in folders:
        paths = [ROOT / folder] if folder.endswith(".py") else (ROOT / folder).rglob("*.py")
        for path in paths:
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    modules.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules.add(node.module.split(".")[0])
    own = {"dashboard", "pages", "tests", "app", "bench", "folding", "serving", "make_fixtures"}
    third = modules - set(sys.stdlib_module_names) - own - {"__future__"}
    distributions = packages_distributions()
    missing = {m for m in third if m not in distributions}
    assert not missing, f"imported, but no installed distribution provides it: {sorted(missing)}"
    return {distributions[m][0].lower().replace("_", "-") for m in third}


def test_the_portal_declares_every_distribution_it_imports_and_nothing_else():
    declared = {_name(r) for r in PROJECT["project"]["dependencies"]}
    imported = _imported("dashboard", "pages", "app.py")
    assert imported - declared == set(), "imported but not declared in dependencies"
    assert declared - imported - NOT_IMPORTED == set(), "declared but never imported"


def test_the_tools_declare_what_they_import_beyond_the_portal():
    portal = {_name(r) for r in PROJECT["project"]["dependencies"]}
    test_extra = {_name(r) for r in PROJECT["project"]["optional-dependencies"]["test"]}
    imported = _imported("tests", "bench", "scripts")
    assert imported - portal - test_extra == set(), "imported by tests or tools but not declared"
    assert test_extra - imported - NOT_IMPORTED == set(), "declared for tests but never imported"


def test_the_lock_pins_every_declared_distribution_and_is_not_built():
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    pinned = {p["name"] for p in lock["package"]}
    extras = PROJECT["project"]["optional-dependencies"]
    wanted = {_name(r) for r in PROJECT["project"]["dependencies"] + extras["test"]}
    assert wanted - pinned == set()
    assert lock["requires-python"] == PROJECT["project"]["requires-python"]
    # The portal runs from its checkout: nothing builds it, so nothing writes *.egg-info into it.
    assert PROJECT["tool"]["uv"]["package"] is False
    assert "build-system" not in PROJECT
