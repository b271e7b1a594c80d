"""Signed-in test clients for each role, made through the real login form (CSRF included)."""

from __future__ import annotations

from dashboard import access
from dashboard.auth import hash_password
from dashboard.store import CurationStore

PASSWORD = "test-passwort-123"
ROLE_USERS = {access.LEADERSHIP: "leitung", access.CURATOR: "kuratorin", access.ADMIN: "admin"}


def router_request(pathname: str, search: str = "") -> dict:
    """The body the browser sends to render a page through the Pages router."""
    return {
        "output": access.ROUTER_OUTPUT,
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": pathname},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "changedPropIds": ["_pages_location.pathname"],
    }


def find_prop(node, name: str) -> str | None:
    """The `value` of the component whose `name` prop is `name`, anywhere in a Dash response."""
    if isinstance(node, dict):
        props = node.get("props")
        if isinstance(props, dict) and props.get("name") == name:
            return props.get("value")
        children = node.values()
    elif isinstance(node, list):
        children = node
    else:
        return None
    for child in children:
        found = find_prop(child, name)
        if found:
            return found
    return None


def csrf(client) -> str:
    response = client.post("/_dash-update-component", json=router_request("/login"))
    token = find_prop(response.get_json(), "csrf_token")
    assert token, "login form without CSRF token"
    return token


def signed_in_client(app, role: str | None, address: str = "10.77.0.1"):
    """A test client signed in with `role` (None: anonymous); the user is made if missing."""
    client = app.server.test_client()
    # Sessions are bound to the address (flask-login's strong protection): keep one per client.
    client.environ_base["REMOTE_ADDR"] = address
    if role is None:
        return client
    store: CurationStore = app.server.config["CURATION_STORE"]
    username = ROLE_USERS[role]
    if store.user(username) is None:
        store.create_user(username, hash_password(PASSWORD), role)
    response = client.post(
        "/login",
        data={"csrf_token": csrf(client), "username": username, "password": PASSWORD, "next": "/"},
    )
    assert response.status_code == 303 and response.headers["Location"] == "/", "login failed"
    return client
