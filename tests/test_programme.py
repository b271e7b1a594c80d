"""The programme page: its text with a sample, its key figures, the searchable tool list."""

from __future__ import annotations

import csv
import dataclasses
import json
from decimal import Decimal

import pytest
from dash import html

from dashboard import access, programme, tool_list
from dashboard.content import programme_text, split_title
from tests.conftest import DEMO_DIR
from tests.folding import normalise


def _demo_rows(table: str) -> list[dict[str, str]]:
    with open(DEMO_DIR / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def demo_tools(app) -> list[dict[str, str]]:
    """The demo tools (the app fixture points dashboard.data at the demo)."""
    return _demo_rows("tools")


# --- text -----------------------------------------------------------------------------------


def test_programme_text_ships_a_sample_in_both_languages(tmp_path):
    for lang, words in (("de", "Hochschule Düsseldorf"), ("en", "Hochschule Düsseldorf")):
        text, is_sample = programme_text(lang, tmp_path)
        assert is_sample and text.startswith("# ") and words in text
        assert "neun Transferworkshops" in text or "nine transfer workshops" in text


def test_operators_programme_text_replaces_the_sample(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "programm.de.md").write_text("# Unser Programm\n\nText", "utf-8")
    text, is_sample = programme_text("en", tmp_path)
    assert text.startswith("# Unser Programm") and not is_sample


def test_split_title_takes_the_h1_and_demotes_any_other():
    title, body = split_title("# Programm\n\nText\n\n# Noch eins\n\n```\n# kein Titel\n```\n")
    assert title == "Programm"
    assert "## Noch eins" in body and "\n# kein Titel" in body and "# Programm" not in body
    assert split_title("Nur Text\n\n## Abschnitt") == (None, "Nur Text\n\n## Abschnitt")


# --- key figures ----------------------------------------------------------------------------


def test_programme_totals_count_the_programmes_grants_in_euro(app):
    (event,) = [e for e in _demo_rows("events") if e["kind"] == "programme"]
    grants = [g for g in _demo_rows("grants") if g["programme"] == event["name"]]
    eur = [g for g in grants if g["currency"] in ("", "EUR")]
    found = programme.totals()
    totals = found.programme
    assert totals.name == event["name"]
    assert totals.grants == len(grants) and totals.eur_grants == len(eur)
    assert totals.eur_total == sum(Decimal(g["amount"]) for g in eur)
    assert isinstance(totals.eur_total, Decimal)
    assert totals.recipients == len({g["recipient_org_id"] for g in grants})
    assert found.eur_average == totals.eur_total / len(eur)
    assert found.other_currencies == ()


# --- tools ----------------------------------------------------------------------------------


def test_tool_categories_are_those_of_the_data(demo_tools):
    assert set(programme.categories()) == {t["category"] for t in demo_tools}


def test_every_tool_is_listed_without_a_search(demo_tools):
    assert len(programme.tools(None, None, "de")) == len(demo_tools)


def test_every_word_of_a_tool_finds_it_however_umlauts_are_typed(demo_tools):
    # The SQL folds the text and the search terms alike (fold_de, as the gallery does): every
    # spelling of every word of the data finds its tool.
    for tool in demo_tools:
        for word in f"{tool['name']} {tool['description_de']}".split():
            word = word.strip('.,;:()„“"')
            if len(word) < 3:
                continue
            spelled_out = word.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
            for variant in {word, word.upper(), spelled_out, normalise(word)}:
                found = {t.tool_id for t in programme.tools(variant, None, "de")}
                assert tool["tool_id"] in found, (variant, tool["tool_id"])


def test_every_term_of_a_search_must_match(demo_tools):
    tool = demo_tools[0]
    words = [w.strip(".,;") for w in tool["description_de"].split() if len(w) > 4]
    both = programme.tools(f"{tool['name']} {words[0]}", None, "de")
    assert tool["tool_id"] in {t.tool_id for t in both}
    assert programme.tools(f"{tool['name']} zzzz", None, "de") == ()


def test_search_matches_the_description_in_the_active_language(demo_tools):
    tool = demo_tools[0]
    english_word = max(tool["description_en"].split(), key=len).strip(".,;")
    assert tool["tool_id"] in {t.tool_id for t in programme.tools(english_word, None, "en")}
    (shown,) = [
        t for t in programme.tools(tool["name"], None, "en") if t.tool_id == tool["tool_id"]
    ]
    assert shown.description == tool["description_en"]


def test_category_filter_and_search_combine(demo_tools):
    category = demo_tools[0]["category"]
    in_category = programme.tools(None, category, "de")
    assert {t.tool_id for t in in_category} == {
        t["tool_id"] for t in demo_tools if t["category"] == category
    }
    assert (
        programme.tools(demo_tools[0]["name"], category, "de")[0].tool_id
        == demo_tools[0]["tool_id"]
    )
    assert programme.tools("zzzz-gibt-es-nicht", None, "de") == ()


def test_search_wildcards_are_plain_text(app):
    assert programme.tools("%", None, "de") == ()
    assert programme.tools("_", None, "de") == ()


def test_tool_link_opens_a_new_window_and_says_so(app, demo_tools):
    with app.server.test_request_context("/"):
        item = tool_list.tool_item(programme.tools(None, None, "de")[0])
    link = item.children[0].children
    assert link.target == "_blank" and link.rel == "noopener noreferrer"
    assert link.children[1].children == " (öffnet in neuem Fenster)"
    assert "visually-hidden" in link.children[1].className


def _texts(component) -> list[tuple[str, str | None]]:
    """Every text of a component tree with the `lang` of the element around it."""
    found = []

    def walk(node, lang):
        if isinstance(node, str):
            found.append((node, lang))
        elif isinstance(node, list | tuple):
            for child in node:
                walk(child, lang)
        elif node is not None:
            walk(getattr(node, "children", None), getattr(node, "lang", None) or lang)

    walk(component, None)
    return found


def test_an_english_page_shows_each_tools_category_cost_and_privacy_note_in_english(
    app, demo_tools
):
    demo = {t["tool_id"]: t for t in demo_tools}
    with app.server.test_request_context("/?lang=en"):
        shown = programme.tools(None, None, "en")
        items = {tool.tool_id: _texts(tool_list.tool_item(tool)) for tool in shown}
    assert len(items) == len(demo)
    for tool_id, texts in items.items():
        row = demo[tool_id]
        for column in ("category", "cost", "privacy_note"):
            assert (row[f"{column}_en"], None) in texts, (tool_id, column)
            if row[column] != row[f"{column}_en"]:  # "Freemium" is both
                assert row[column] not in [text for text, _ in texts], (tool_id, column)
        assert not any("(in German)" in text for text, _ in texts)


def test_without_english_the_german_text_is_shown_marked_as_german(app, demo_tools):
    (tool,) = [t for t in programme.tools(None, None, "en") if t.tool_id == "signal"]
    german_only = dataclasses.replace(tool, category_en=None, cost_en="", privacy_note_en=None)
    with app.server.test_request_context("/?lang=en"):
        texts = _texts(tool_list.tool_item(german_only))
        label = tool_list.category_label(tool.category, None, "en")
    for german in (tool.category, tool.cost, tool.privacy_note):
        position = texts.index((german, "de"))
        assert texts[position + 1] == (" (in German)", None)
    assert label == f"{tool.category} (in German)"
    with app.server.test_request_context("/"):  # a German page shows German, unmarked
        texts = _texts(tool_list.tool_item(tool))
    assert (tool.privacy_note, None) in texts and not any("Deutsch" in x for x, _ in texts)


def test_the_category_filter_names_categories_in_english(app, demo_tools):
    names = programme.category_names()
    assert names == {t["category"]: t["category_en"] for t in demo_tools}
    assert tool_list.category_label("Büro", names["Büro"], "en") == "Office"
    assert tool_list.category_label("Büro", names["Büro"], "de") == "Büro"


def test_count_text_and_empty_state(app):
    assert tool_list.count_text(1234, 5000, lang="de") == "1.234 von 5.000 Werkzeugen"
    assert tool_list.count_text(3, 43, lang="en") == "3 of 43 tools"
    with app.server.test_request_context("/"):
        empty = tool_list.tool_list(())
    assert isinstance(empty, html.P) and "Kein Werkzeug" in empty.children


# --- the page -------------------------------------------------------------------------------


def _post(client, payload: dict) -> dict:
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200
    return response.get_json()["response"]


def test_programme_page_restores_search_and_category_from_the_url(client, demo_tools):
    category = demo_tools[0]["category"]
    answer = _post(
        client,
        {
            "output": access.ROUTER_OUTPUT,
            "outputs": [
                {"id": "_pages_content", "property": "children"},
                {"id": "_pages_store", "property": "data"},
            ],
            "inputs": [
                {"id": "_pages_location", "property": "pathname", "value": "/programm"},
                {
                    "id": "_pages_location",
                    "property": "search",
                    "value": f"?suche={demo_tools[0]['name']}&kategorie={category}",
                },
            ],
            "changedPropIds": ["_pages_location.pathname"],
        },
    )
    layout = json.dumps(answer["_pages_content"]["children"], ensure_ascii=False)
    assert f"1 von {len(demo_tools)} Werkzeugen" in layout
    assert "42.485.391" in layout and "Muster" in layout


def test_filter_tools_callback_answers_anonymous_visitors(client, demo_tools):
    answer = _post(
        client,
        {
            "output": "..programme-tools-count.children...programme-tools-list.children..",
            "outputs": [
                {"id": "programme-tools-count", "property": "children"},
                {"id": "programme-tools-list", "property": "children"},
            ],
            "inputs": [
                {"id": "programme-tools-search", "property": "value", "value": "zzzz"},
                {"id": "programme-tools-category", "property": "value", "value": "no-such"},
            ],
            "changedPropIds": ["programme-tools-search.value"],
        },
    )
    assert answer["programme-tools-count"]["children"] == f"0 von {len(demo_tools)} Werkzeugen"
    assert "Kein Werkzeug" in json.dumps(answer["programme-tools-list"], ensure_ascii=False)
