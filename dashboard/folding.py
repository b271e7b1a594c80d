"""Search folding: text and query compared in one form (lower case, umlauts spelled out)."""

from __future__ import annotations

import unicodedata

# German spelling without umlauts (DIN 5007-2): "buero" finds "Büro", and so does "büro".
# Spelled out rather than dropped ("ü" → "u"), so a search for a plain substring never misses.
UMLAUTS = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"))
MAX_SEARCH_LENGTH = 100


def fold(text: str) -> str:
    """`Straße Büro Café` → `strasse buero cafe`.

    The SQL of `queries/tools_list.sql` folds the searched text the same way, step for step:
    lower(nfc_normalize(…)), the umlauts spelled out, then strip_accents.
    """
    text = unicodedata.normalize("NFC", text).lower()
    for umlaut, spelled in UMLAUTS:
        text = text.replace(umlaut, spelled)
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_term(query: str | None) -> str | None:
    """A visitor's search as the SQL expects it: folded, spaces collapsed; None when empty."""
    if not query:
        return None
    term = " ".join(fold(query[:MAX_SEARCH_LENGTH]).split())
    return term or None
