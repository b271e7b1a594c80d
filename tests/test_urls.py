"""The URL state, as the pages and assets/url_state.js share it."""

from __future__ import annotations

from dashboard import urls

PARAMS = [
    urls.UrlParam("q", "q-box", default="", typing=True),
    urls.UrlParam("feld", "fields", kind="list"),
    urls.UrlParam("sortierung", "sort", default="relevance"),
    urls.UrlParam("seite", None, default=1, kind="int", reset=True),
]


def test_url_values_decode_the_query_as_the_router_passes_it():
    query = urls.query_params("q=stra%C3%9Fe+hilfe&feld=AP&feld=KJF&seite=2")
    values = urls.url_values(PARAMS, query)
    assert values == {
        "q": "straße hilfe",
        "feld": ["AP", "KJF"],
        "sortierung": "relevance",
        "seite": 2,
    }
    assert urls.url_values(PARAMS, {"feld": "AP", "seite": "zwei"})["seite"] == 1
    assert urls.url_values(PARAMS, {"feld": "AP"})["feld"] == ["AP"]


def test_url_query_leaves_defaults_out_and_repeats_lists():
    values = {"q": "straße hilfe", "feld": ["AP", "KJF"], "sortierung": "relevance", "seite": 1}
    assert urls.url_query(PARAMS, values) == "q=stra%C3%9Fe+hilfe&feld=AP&feld=KJF"
    assert urls.url_query(PARAMS, {"seite": 3, "sortierung": "votes"}) == (
        "sortierung=votes&seite=3"
    )
