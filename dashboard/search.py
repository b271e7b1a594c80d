"""Gallery search: text and query normalised alike, so `muller`, `mueller` and `Müller` meet."""

from __future__ import annotations

import re
import unicodedata

# The same steps in the same order as queries/derived_solution_search.sql (a test holds them to it).
GERMAN_LETTERS = (("ß", "ss"), ("ä", "a"), ("ö", "o"), ("ü", "u"))
# Umlauts spelled out (DIN 5007-2) fold to the plain vowel, so `mueller` finds `Müller` too.
DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
# strip_accents is slow in DuckDB, so SQL calls it only where an accent can be: any Latin letter
# beyond ASCII or a combining mark. Python must skip it in the same cases to give the same result.
ACCENTED = re.compile("[\u00c0-\u024f\u0300-\u036f]")
MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
_TERM = re.compile(r'"([^"]+)"|(\S+)')
_EDGE_PUNCTUATION = "\"'„“”‚‘’«»()[]{}.,;:!?*-–—/\\|"


def normalise(text: str) -> str:
    """`Straße` → `strasse`, `Müller` and `Mueller` → `muller`, `Crème` → `creme`."""
    # Character by character, as DuckDB's lower() does: Python would write a final sigma.
    text = "".join(map(str.lower, text))
    for letter, plain in GERMAN_LETTERS:
        text = text.replace(letter, plain)
    if ACCENTED.search(text):
        text = _strip_accents(text)
    for digraph, vowel in DIGRAPHS:
        text = text.replace(digraph, vowel)
    return text


def _strip_accents(text: str) -> str:
    """What DuckDB's strip_accents does: decompose, drop every mark, compose again."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    return unicodedata.normalize("NFC", kept)


def search_terms(query: str | None) -> tuple[str, ...]:
    """The terms of a visitor's query, normalised, each once; `"alte menschen"` stays one term.

    Every term must occur in a solution's title, summary, team or tags, inside words too.
    """
    if not query:
        return ()
    terms: list[str] = []
    for phrase, word in _TERM.findall(query[:MAX_QUERY_LENGTH]):
        term = " ".join(normalise(phrase or word).split()).strip(_EDGE_PUNCTUATION)
        if term and term not in terms:
            terms.append(term)
    return tuple(terms[:MAX_TERMS])
