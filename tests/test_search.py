"""Gallery search: one normalisation for text and query, in Python and in the derived SQL table."""

from __future__ import annotations

import duckdb
import pytest

from dashboard import contract
from dashboard.search import MAX_TERMS, normalise, search_terms
from dashboard.sql import load_sql

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


def _matches(query: str, text: str) -> bool:
    folded = normalise(text)
    return all(term in folded for term in search_terms(query))


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
    assert normalise("Crème brûlée") == "creme brulee"
    assert _matches("cafe", "Café im Quartier")


def test_terms_are_normalised_deduplicated_and_bounded():
    assert search_terms("  Pflege, PFLEGE;  Straße! ") == ("pflege", "strasse")
    assert search_terms('"Alte   Menschen" Quartier') == ("alte menschen", "quartier")
    assert search_terms("") == () and search_terms(None) == () and search_terms(" -- ") == ()
    assert len(search_terms(" ".join(f"w{i}" for i in range(30)))) == MAX_TERMS


def _fold_in_sql(texts: list[str]) -> list[tuple[str, str]]:
    """Title and body of the derived table `solution_search`, built from solutions with `texts`."""
    con = duckdb.connect()
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


def test_sql_folding_agrees_with_python_on_tricky_words():
    folded = _fold_in_sql(list(TRICKY))
    for text, (title_norm, body_norm) in zip(TRICKY, folded, strict=True):
        assert title_norm == normalise(text), text
        assert body_norm == normalise(" ".join([text] * 4)), text
