"""The solution page: its data on the demo, its path template's access, the video behind consent."""

from __future__ import annotations

import csv
import json
from decimal import Decimal

import dash
import pytest
from dash import html

from dashboard import access, video
from dashboard import solutions as feature
from tests.conftest import DEMO_DIR
from tests.roles import router_request

WITH_VIDEO_AND_PLEDGES = "S00007"
WITHOUT_VIDEO = "S00028"


def _demo_rows(table: str) -> list[dict[str, str]]:
    with open(DEMO_DIR / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def solutions(app) -> dict[str, dict[str, str]]:
    """The demo solutions by id (the app fixture points dashboard.data at the demo)."""
    return {row["solution_id"]: row for row in _demo_rows("solutions")}


def _route(client, pathname: str, search: str = "") -> dict:
    """What the Pages router answers for a path: the layout and the document title."""
    response = client.post("/_dash-update-component", json=router_request(pathname, search))
    assert response.status_code == 200
    return response.get_json()["response"]


def _load_video(client, solution_id: str):
    return client.post(
        "/_dash-update-component",
        json={
            "output": f"{video.BODY_ID}.children",
            "outputs": {"id": video.BODY_ID, "property": "children"},
            "inputs": [{"id": video.LOAD_ID, "property": "n_clicks", "value": 1}],
            "state": [{"id": video.LOAD_ID, "property": "value", "value": solution_id}],
            "changedPropIds": [f"{video.LOAD_ID}.n_clicks"],
        },
    )


# --- data -----------------------------------------------------------------------------------


def test_solution_detail_brings_challenge_organisation_and_action_field(solutions):
    row = solutions[WITH_VIDEO_AND_PLEDGES]
    challenge = next(
        c for c in _demo_rows("challenges") if c["challenge_id"] == row["challenge_id"]
    )
    org = next(o for o in _demo_rows("organisations") if o["org_id"] == challenge["org_id"])
    field = next(f for f in _demo_rows("action_fields") if f["code"] == row["action_field"])
    solution = feature.detail(WITH_VIDEO_AND_PLEDGES)
    assert solution.title == row["title"]
    assert solution.challenge_title == challenge["title"]
    assert solution.challenge_org == org["name"]
    assert (solution.action_field_de, solution.action_field_en) == (
        field["name_de"],
        field["name_en"],
    )
    assert solution.tags == tuple(row["tags"].split("|"))
    assert solution.award == row["award"] and solution.votes == int(row["votes"])


def test_unknown_solution_is_none(app):
    assert feature.detail("S99999") is None
    assert feature.detail("'; DROP TABLE solutions; --") is None


def test_pledges_come_with_patron_names_and_exact_decimal_amounts(solutions):
    expected = [p for p in _demo_rows("patronships") if p["solution_id"] == WITH_VIDEO_AND_PLEDGES]
    pledges = feature.pledges(WITH_VIDEO_AND_PLEDGES)
    assert len(pledges) == len(expected) >= 2
    assert all(isinstance(p.amount_eur, Decimal) for p in pledges)
    assert sum(p.amount_eur for p in pledges) == sum(Decimal(p["amount_eur"]) for p in expected)
    assert [p.amount_eur for p in pledges] == sorted((p.amount_eur for p in pledges), reverse=True)
    patrons = {p["patron_id"]: p["name"] for p in _demo_rows("patrons")}
    assert {p.patron_name for p in pledges} == {patrons[p["patron_id"]] for p in expected}
    assert feature.pledges(WITHOUT_VIDEO) == ()


def test_related_solutions_put_the_same_challenge_first_then_the_action_field(solutions):
    # A solution whose challenge has more answers than it, so both kinds of relation occur.
    by_challenge: dict[str, list[str]] = {}
    for sid, row in solutions.items():
        by_challenge.setdefault(row["challenge_id"], []).append(sid)
    sid = next(ids[0] for cid, ids in sorted(by_challenge.items()) if cid and 2 <= len(ids) <= 4)
    this = solutions[sid]
    related = feature.related(sid)
    assert 0 < len(related) <= feature.RELATED_SOLUTIONS
    assert sid not in {r.solution_id for r in related}
    same = [r.same_challenge for r in related]
    assert same == sorted(same, reverse=True) and same[0]
    siblings = len(by_challenge[this["challenge_id"]]) - 1
    assert sum(same) == min(siblings, feature.RELATED_SOLUTIONS)
    for r in related:
        other = solutions[r.solution_id]
        assert (
            other["challenge_id"] == this["challenge_id"]
            or other["action_field"] == this["action_field"]
        )


# --- video helpers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=8_JQdG1f6aO",
        "https://youtu.be/8_JQdG1f6aO",
        "https://www.youtube.com/embed/8_JQdG1f6aO",
        "https://www.youtube.com/watch?v=8_JQdG1f6aO&t=42",
    ],
)
def test_video_of_a_youtube_url_embeds_from_youtube_nocookie(url):
    found = video.video_of(url)
    assert found.video_id == "8_JQdG1f6aO"
    assert found.embed_url == "https://www.youtube-nocookie.com/embed/8_JQdG1f6aO"
    assert found.watch_url == url


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "http://www.youtube.com/watch?v=8_JQdG1f6aO",
        "https://vimeo.com/12345678",
        "https://www.youtube.com/watch?v=short",
        "javascript:alert(1)",
        "https://evil.example/?https://youtu.be/8_JQdG1f6aO",
    ],
)
def test_no_or_an_invalid_video_url_means_no_video(url):
    assert video.video_of(url) is None


def test_embed_url_refuses_anything_but_a_video_id():
    with pytest.raises(ValueError):
        video.embed_url("8_JQdG1f6aO/../../evil")


def _walk(component):
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str):
            yield from _walk(child)


def test_placeholder_before_consent_holds_no_player_and_nothing_from_youtube(app):
    found = video.video_of("https://youtu.be/8_JQdG1f6aO")
    with app.server.test_request_context("/"):
        section = video.video_section(found, WITH_VIDEO_AND_PLEDGES)
    parts = list(_walk(section))
    assert not [p for p in parts if isinstance(p, html.Iframe)]
    sources = [p.src for p in parts if getattr(p, "src", None)]
    assert sources == [video.PLACEHOLDER] and sources[0].startswith("/assets/")
    (button,) = [p for p in parts if isinstance(p, html.Button)]
    assert button.children == "Video laden" and button.value == WITH_VIDEO_AND_PLEDGES
    (watch,) = [p for p in parts if isinstance(p, html.A) and p.target == "_blank"]
    assert watch.href == found.watch_url and watch.rel == "noopener noreferrer"


def test_player_after_consent_is_titled_and_allows_only_what_it_needs(app):
    found = video.video_of("https://youtu.be/8_JQdG1f6aO")
    with app.server.test_request_context("/?lang=en"):
        frame = video.player(found, "HilfeHub").children
    assert isinstance(frame, html.Iframe)
    assert frame.src == "https://www.youtube-nocookie.com/embed/8_JQdG1f6aO"
    assert frame.title == "Video: HilfeHub"
    assert "autoplay" not in frame.allow and "encrypted-media" in frame.allow


# --- the page through the router and its callback ---------------------------------------------


def test_solution_path_template_is_a_public_page(app):
    assert access.page_access(f"/loesungen/{WITH_VIDEO_AND_PLEDGES}") == access.PUBLIC
    templates = {p["path_template"] for p in dash.page_registry.values()}
    assert "/loesungen/<solution_id>" in templates


def test_page_access_judges_a_template_as_dash_matches_it(monkeypatch):
    # Dash's router lets a <variable> span segments; the guard must protect those paths too.
    monkeypatch.setitem(access._pages, "/intern/<report>", access.LEADERSHIP)
    assert access.page_access("/intern/quartal") == access.LEADERSHIP
    assert access.page_access("/intern/quartal/2024") == access.LEADERSHIP
    assert access.page_access("/internet") == access.PUBLIC


def test_page_access_takes_the_strictest_of_several_matching_pages(monkeypatch):
    monkeypatch.setitem(access._pages, "/bericht/<name>", access.PUBLIC)
    monkeypatch.setitem(access._pages, "/bericht/intern", access.CURATOR)
    assert access.page_access("/bericht/intern") == access.CURATOR
    assert access.page_access("/bericht/offen") == access.PUBLIC


def test_register_page_needs_a_path_or_a_template():
    with pytest.raises(ValueError):
        access.register_page("pages.nowhere")


def test_a_solution_renders_with_its_title_and_without_a_player(client, solutions):
    answer = _route(client, f"/loesungen/{WITH_VIDEO_AND_PLEDGES}")
    assert answer["_pages_store"]["data"]["title"] == solutions[WITH_VIDEO_AND_PLEDGES]["title"]
    layout = json.dumps(answer["_pages_content"]["children"], ensure_ascii=False)
    assert video.EMBED_BASE not in layout and '"Iframe"' not in layout
    assert "Video laden" in layout and "15.000,00" in layout


def test_an_unknown_solution_says_not_found(client):
    answer = _route(client, "/loesungen/S99999")
    assert answer["_pages_store"]["data"]["title"] == "Lösung nicht gefunden"
    assert "Lösung nicht gefunden" in json.dumps(
        answer["_pages_content"]["children"], ensure_ascii=False
    )


def test_a_plain_get_of_a_solution_is_served(client):
    assert client.get(f"/loesungen/{WITH_VIDEO_AND_PLEDGES}").status_code == 200


def test_load_video_answers_anonymous_visitors_with_the_player(client, solutions):
    response = _load_video(client, WITH_VIDEO_AND_PLEDGES)
    assert response.status_code == 200
    body = json.dumps(response.get_json())
    video_id = video.video_of(solutions[WITH_VIDEO_AND_PLEDGES]["video_url"]).video_id
    assert f"https://www.youtube-nocookie.com/embed/{video_id}" in body.replace("\\u002f", "/")


def test_load_video_of_a_solution_without_video_says_so(client):
    body = json.dumps(_load_video(client, WITHOUT_VIDEO).get_json(), ensure_ascii=False)
    assert "Kein Video vorhanden" in body and "Iframe" not in body
