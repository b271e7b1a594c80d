"""Search: the visitor's terms (dashboard.search) and the one folding of text and terms in SQL
(queries/macro_fold_de.sql), held to a reference written apart from it (tests/folding.py)."""

from __future__ import annotations

import duckdb
import pytest

from dashboard import contract
from dashboard.search import MAX_TERMS, search_terms
from dashboard.sql import known_queries, load_sql
from tests.folding import normalise

TRICKY = (
    "Müller",
    "Mueller",
    "MÜLLER",
    "Straße",
    "STRASSE",
    "Maßnahme",
    "Ärztinnen",
    "Öffnungszeiten",
    "Übergänge",
    "Quelle",
    "Bauer",
    "Poesie",
    "Crème brûlée",
    "Ångström",
    "Łódź",
    "İstanbul",
    "ΟΔΟΣ",
    "Mu\u0308ller",  # ü written as u + combining diaeresis
    "ẞ",
    "Œuvre – „Zitat“ 100 €",
    "Kaya & Yılmaz",
    "한국어 é",
    "",
)


def _macros(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    for name in known_queries():
        if name.startswith("macro_") and " AS TABLE" not in load_sql(name).text:
            con.execute(load_sql(name).text)
    return con


FOLD = _macros(duckdb.connect())


def _folded_terms(query: str) -> tuple[str, ...]:
    """The query's terms as the SQL searches for them."""
    terms = list(search_terms(query)) or None
    (found,) = FOLD.execute("SELECT fold_terms($terms)", {"terms": terms}).fetchone()
    return tuple(sorted(found or ()))


def _matches(query: str, text: str) -> bool:
    """What every search of the portal does: each folded term in the folded text."""
    (folded,) = FOLD.execute("SELECT fold_de($text)", {"text": text}).fetchone()
    return all(term in folded for term in _folded_terms(query))


@pytest.mark.parametrize("query", ["muller", "mueller", "Müller", "MÜLLER"])
def test_every_spelling_of_mueller_finds_mueller(query):
    assert _matches(query, "Team Müller & Söhne")
    assert _matches(query, "Familie Mueller")


@pytest.mark.parametrize("query", ["strasse", "Straße", "STRASSE", "straße"])
def test_strasse_finds_strasse_with_sharp_s(query):
    assert _matches(query, "Hilfe auf der Straße")
    assert _matches(query, "Straßensozialarbeit")


@pytest.mark.parametrize("text", ["Altenpflege", "Pflegedienst", "pflegende Angehörige"])
def test_a_term_matches_inside_german_compounds(text):
    assert _matches("pflege", text)


def test_every_term_must_match():
    assert _matches("pflege demenz", "Altenpflege bei Demenz")
    assert not _matches("pflege kita", "Altenpflege bei Demenz")


def test_other_accents_are_stripped():
    assert FOLD.execute("SELECT fold_de('Crème brûlée')").fetchone() == ("creme brulee",)
    assert _matches("cafe", "Café im Quartier")


def test_terms_are_normalised_deduplicated_and_bounded():
    assert _folded_terms("  Pflege, PFLEGE;  Straße! ") == ("pflege", "strasse")
    assert _folded_terms('"Alte   Menschen" Quartier') == ("alte menschen", "quartier")
    assert search_terms("") == () and search_terms(None) == () and search_terms(" -- ") == ()
    assert len(search_terms(" ".join(f"w{i}" for i in range(30)))) == MAX_TERMS


def _fold_in_sql(texts: list[str]) -> list[tuple[str, str]]:
    """Title and body of the derived table `solution_search`, built from solutions with `texts`."""
    con = _macros(duckdb.connect())
    for name in ("solutions", "challenges"):
        table = contract.table(name)
        columns = ", ".join(f'"{c.name}" {c.sql_type}' for c in table.columns)
        con.execute(f"CREATE TABLE {name} ({columns})")
    for i, text in enumerate(texts):
        con.execute(
            "INSERT INTO solutions (solution_id, title, summary, team_name, tags) "
            "VALUES ($id, $text, $text, $text, [$text, $text])",
            {"id": f"S{i:03d}", "text": text},
        )
    query = load_sql("derived_solution_search").text
    return con.execute(
        f"SELECT title_norm, body_norm FROM ({query}) ORDER BY solution_id", {}
    ).fetchall()


def test_sql_folding_agrees_with_the_reference_on_tricky_words():
    folded = _fold_in_sql(list(TRICKY))
    for text, (title_norm, body_norm) in zip(TRICKY, folded, strict=True):
        assert title_norm == normalise(text), text
        assert body_norm == normalise(" ".join([text] * 4)), text


def test_the_terms_fold_like_the_text_on_tricky_words():
    """A visitor's term and the text it is looked for in go through the same folding."""
    words = [w for w in TRICKY if w.strip()]
    (folded,) = FOLD.execute(
        "SELECT list_transform($words, lambda w: fold_terms([w])[1])", {"words": words}
    ).fetchone()
    assert folded == [normalise(w) for w in words]
