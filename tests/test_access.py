"""Deny by default: every callback is declared, undeclared ones are refused before they run."""

from __future__ import annotations

import re

import pytest

from dashboard import access
from tests.roles import router_request, signed_in_client


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
    assert "Was daraus wurde" in response.get_data(as_text=True)  # the overview's story


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
        "/admin/daten",  # POST only: the upload checks the admin role itself
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


VISITORS = (None, access.LEADERSHIP, access.CURATOR, access.ADMIN)


@pytest.fixture(scope="module")
def clients(app):
    """A client per visitor: anonymous and one signed in per role."""
    return {role: signed_in_client(app, role, address=f"10.88.0.{i}") for i, role in
            enumerate(VISITORS)}  # fmt: skip


def test_every_callback_answers_each_role_as_declared(callback_map, clients):
    """Walks everything the app registers, so a new callback cannot slip through."""
    wrong = []
    for key in _server_callbacks(callback_map):
        needed = access.callback_access(key)
        for role, client in clients.items():
            body = {"output": key, "outputs": [], "inputs": [], "state": [], "changedPropIds": []}
            if key == access.ROUTER_OUTPUT:
                body = router_request("/")
            status = client.post("/_dash-update-component", json=body).status_code
            if not access.has_access(role, needed):
                expected_refusal = 401 if role is None else 403
                if status != expected_refusal:
                    wrong.append((key, role, status, expected_refusal))
            elif status in (401, 403):
                wrong.append((key, role, status, "allowed"))
    assert wrong == []


def _protected_paths() -> list[tuple[str, str]]:
    pages = [
        (p, needed) for p, needed in access.declared_pages().items() if needed != access.PUBLIC
    ]
    return [(re.sub(r"<[^>]+>", "x", p), needed) for p, needed in pages]


def test_every_protected_page_redirects_or_refuses_as_declared(app, clients):
    wrong = []
    for path, needed in _protected_paths():
        for role, client in clients.items():
            response = client.get(path)
            if access.has_access(role, needed):
                ok = response.status_code == 200
            elif role is None:
                ok = response.status_code == 302 and response.headers["Location"] == (
                    "/login?next=" + path
                )
            else:  # a short page in the visitor's language, not the framework's
                ok = response.status_code == 403 and "Kein Zugang" in response.text
            if not ok:
                wrong.append((path, role, response.status_code))
    assert wrong == []


def test_the_router_serves_protected_layouts_only_to_the_role(app, clients):
    wrong = []
    for path, needed in _protected_paths():
        for role, client in clients.items():
            response = client.post("/_dash-update-component", json=router_request(path))
            text = response.get_data(as_text=True)
            refused = "Anmeldung erforderlich" in text or "Keine Berechtigung" in text
            if response.status_code != 200 or refused == access.has_access(role, needed):
                wrong.append((path, role, response.status_code, refused))
    assert wrong == []


def test_protected_layouts_check_the_role_themselves():
    import dash

    unguarded = [
        page["path"]
        for page in dash.page_registry.values()
        if access.page_access(page["path"]) != access.PUBLIC
        and getattr(page["layout"], "required_role", None) != access.page_access(page["path"])
    ]
    assert unguarded == []


def test_an_address_that_is_no_page_answers_404_with_the_friendly_page(client):
    # A solution id that is not in the data is no page either, however it is spelled.
    unknown = ("/loesungen/S99999", "/loesungen/S00001/extra", "/loesungen/" + "S" * 100)
    for path in ("/gibt-es-nicht", "/foerderung/extra", "/admin", *unknown):
        response = client.get(path)
        assert response.status_code == 404, path
        # The page shell that the router fills with the "not found" page, not a bare error.
        assert b'id="react-entry-point"' in response.data, path
    assert client.get("/foerderung").status_code == 200
    assert client.get("/loesungen/S00001").status_code == 200  # a template page
    assert client.get("/healthz").status_code in (200, 503)
