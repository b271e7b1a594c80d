"""Search terms as a visitor types them: phrases in quotes stay one term, punctuation at a term's
edges goes, each term once (as typed; SQL folds and merges them), at most MAX_TERMS.

The folding that lets `muller`, `mueller` and `Müller` meet happens in SQL only, to the text and
the terms alike (queries/macro_fold_de.sql, macro_fold_terms.sql)."""

from __future__ import annotations

import re

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
_TERM = re.compile(r'"([^"]+)"|(\S+)')
_EDGE_PUNCTUATION = "\"'„“”‚‘’«»()[]{}.,;:!?*-–—/\\|"


def search_terms(query: str | None) -> tuple[str, ...]:
    """The terms of a visitor's query, each once; `"alte menschen"` stays one term.

    Every term must occur in a solution's title, summary, team or tags, inside words too.
    """
    if not query:
        return ()
    terms: list[str] = []
    for phrase, word in _TERM.findall(query[:MAX_QUERY_LENGTH]):
        term = " ".join((phrase or word).split()).strip(_EDGE_PUNCTUATION)
        if term and term not in terms:
            terms.append(term)
    return tuple(terms[:MAX_TERMS])
