"""A reference of the search folding in Python, written apart from queries/macro_fold_de.sql:
the tests count in Python what the portal should find, and hold the SQL to this."""

from __future__ import annotations

import re
import unicodedata

GERMAN_LETTERS = (("ß", "ss"), ("ä", "a"), ("ö", "o"), ("ü", "u"))
# Umlauts spelled out (DIN 5007-2) fold to the plain vowel, so `mueller` finds `Müller` too.
DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
# The SQL strips accents only where one can be: a Latin letter beyond ASCII or a combining mark.
ACCENTED = re.compile("[\u00c0-\u024f\u0300-\u036f]")


def normalise(text: str) -> str:
    """`Straße` → `strasse`, `Müller` and `Mueller` → `muller`, `Crème` → `creme`."""
    # Character by character, as DuckDB's lower() does: Python would write a final sigma.
    text = "".join(map(str.lower, text))
    for letter, plain in GERMAN_LETTERS:
        text = text.replace(letter, plain)
    if ACCENTED.search(text):
        decomposed = unicodedata.normalize("NFD", text)
        kept = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
        text = unicodedata.normalize("NFC", kept)
    for digraph, vowel in DIGRAPHS:
        text = text.replace(digraph, vowel)
    return text
