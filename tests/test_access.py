"""Deny by default: every callback is declared, undeclared ones are refused before they run."""

from __future__ import annotations

import pytest

from dashboard import access


@pytest.fixture(scope="module")
def callback_map(app):
    """The app's callbacks (Dash fills the map on the first request)."""
    app.server.test_client().get("/")
    return app.callback_map


def _server_callbacks(callback_map) -> list[str]:
    return [key for key, spec in callback_map.items() if "callback" in spec]


def test_every_server_callback_declares_who_may_call_it(callback_map):
    keys = _server_callbacks(callback_map)
    assert access.ROUTER_OUTPUT in keys
    undeclared = [key for key in keys if access.callback_access(key) is None]
    assert undeclared == []


def test_an_undeclared_callback_is_refused_with_401(client):
    response = client.post(
        "/_dash-update-component",
        json={
            "output": "secret-table.data",
            "outputs": {"id": "secret-table", "property": "data"},
            "inputs": [],
            "changedPropIds": [],
        },
    )
    assert response.status_code == 401


def test_a_request_without_a_body_is_refused(client):
    response = client.post("/_dash-update-component", data="not json")
    assert response.status_code == 401


def test_the_pages_router_answers_anonymous_visitors(client):
    response = client.post(
        "/_dash-update-component",
        json={
            "output": access.ROUTER_OUTPUT,
            "outputs": [
                {"id": "_pages_content", "property": "children"},
                {"id": "_pages_store", "property": "data"},
            ],
            "inputs": [
                {"id": "_pages_location", "property": "pathname", "value": "/"},
                {"id": "_pages_location", "property": "search", "value": ""},
            ],
            "changedPropIds": ["_pages_location.pathname"],
        },
    )
    assert response.status_code == 200
    assert "Kennzahlen" in response.get_data(as_text=True)


def test_mcp_endpoint_is_off_and_denied(app, client):
    rules = [rule.rule for rule in app.server.url_map.iter_rules()]
    assert not [r for r in rules if r.startswith("/_mcp")]
    assert client.get("/_mcp").status_code == 403
    assert client.post("/_mcp", json={}).status_code == 403


def test_every_route_is_known(app):
    """A new route must be added here on purpose: it is public unless the guard protects it."""
    rules = {rule.rule for rule in app.server.url_map.iter_rules()}
    assert rules == {
        "/",
        "/<path:path>",
        "/healthz",
        "/login",
        "/logout",
        "/daten/<name>.<fmt>",
        "/assets/<path:filename>",
        "/_dash-component-suites/<string:package_name>/<path:fingerprinted_path>",
        "/_dash-layout",
        "/_dash-dependencies",
        "/_dash-update-component",
        "/_reload-hash",
        "/_favicon.ico",
    }


def test_roles_are_ordered():
    assert access.has_access(None, access.PUBLIC)
    assert not access.has_access(None, access.LEADERSHIP)
    assert access.has_access(access.ADMIN, access.CURATOR)
    assert access.has_access(access.CURATOR, access.LEADERSHIP)
    assert not access.has_access(access.LEADERSHIP, access.CURATOR)
    assert not access.has_access("unknown-role", access.LEADERSHIP)
