"""Load the SQL statements of `queries/`: one statement a file, its name the file's name.

Prefixes say what a file is: `macro_` a CREATE MACRO (a shared filter or text folding), `view_` a
view and `derived_` a table built per data version (both over the data), anything else a query
that a feature module reads (`db.reader`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
_HEADER = re.compile(r"^--\s*(purpose|parameters|columns)\s*:\s*(.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Query:
    """A statement and what its header comment promises."""

    name: str
    text: str
    purpose: str
    parameters: tuple[str, ...]
    columns: tuple[str, ...]


def known_queries() -> list[str]:
    return sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


@cache
def load_sql(name: str) -> Query:
    """The query `queries/<name>.sql`, read once; an unknown name lists the known ones."""
    path = QUERIES_DIR / f"{name}.sql"
    if not re.fullmatch(r"[a-z0-9_]+", name) or not path.is_file():
        raise KeyError(f"unknown query {name!r}; known: {', '.join(known_queries())}")
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    for line in text.splitlines():
        m = _HEADER.match(line.strip())
        if m:
            header[m.group(1).lower()] = m.group(2).strip()
    return Query(
        name=name,
        text=text,
        purpose=header.get("purpose", ""),
        parameters=_parameters(header.get("parameters", "")),
        columns=_names(header.get("columns", "")),
    )


def bound_params(text: str, params: dict[str, Any]) -> dict[str, Any]:
    """The parameters a statement names as `$name`: DuckDB refuses any it does not use."""
    named = set(re.findall(r"\$([A-Za-z_]\w*)", text))
    return {k: v for k, v in params.items() if k in named}


def _parameters(listing: str) -> tuple[str, ...]:
    """`$event_id (text or NULL), and the filters of …: $lang` → ("event_id", "lang"); a
    macro's header names its parameters without `$` (`p_year_from, p_year_to (integer)`)."""
    if "$" in listing:
        return tuple(dict.fromkeys(re.findall(r"\$([A-Za-z_]\w*)", listing)))
    return _names(listing)


def _names(listing: str) -> tuple[str, ...]:
    """`code, name (text), challenges` → ("code", "name", "challenges"); `none …` → ()."""
    listing = re.sub(r"\([^)]*\)", "", listing)
    if listing.strip().lower() in ("", "none", "keine"):
        return ()
    return tuple(p.strip().split()[0] for p in listing.split(",") if p.strip())
