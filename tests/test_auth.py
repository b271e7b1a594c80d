"""Signing in: CSRF, the throttle, session renewal, the safe `next`, the users CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import access
from dashboard.auth import hash_password, safe_next
from dashboard.store import CurationStore, open_store
from tests.roles import csrf
from tests.serving import ROOT

PASSWORD = "richtig-geheim-42"


@pytest.fixture(scope="module")
def curation_store(app) -> CurationStore:
    """The session app's curation store, with one curator and one deactivated account."""
    store: CurationStore = app.server.config["CURATION_STORE"]
    for name, role in (("erika", access.CURATOR), ("alt", access.CURATOR)):
        if store.user(name) is None:
            store.create_user(name, hash_password(PASSWORD), role)
    store.set_active("alt", False)
    return store


def _login(client, username: str, password: str, next_path: str = "/", address: str = "10.0.0.1"):
    return client.post(
        "/login",
        data={"csrf_token": csrf(client), "username": username, "password": password,
              "next": next_path},
        environ_base={"REMOTE_ADDR": address},
    )  # fmt: skip


def test_right_password_signs_in_and_follows_next(app, curation_store):
    client = app.server.test_client()
    response = _login(client, "erika", PASSWORD, "/impressum", address="10.1.0.1")
    assert response.status_code == 303
    assert response.headers["Location"] == "/impressum"
    with client.session_transaction() as session:
        assert session["_user_id"] == "erika"


def test_wrong_password_returns_to_the_form_with_a_message(app, curation_store):
    client = app.server.test_client()
    response = _login(client, "erika", "falsch", address="10.1.0.2")
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/login?fehler=1")
    with client.session_transaction() as session:
        assert "_user_id" not in session


def test_deactivated_account_cannot_sign_in(app, curation_store):
    client = app.server.test_client()
    response = _login(client, "alt", PASSWORD, address="10.1.0.3")
    assert response.headers["Location"].startswith("/login?fehler=1")


def test_login_without_csrf_token_is_refused(app, curation_store):
    client = app.server.test_client()
    csrf(client)
    response = client.post("/login", data={"username": "erika", "password": PASSWORD})
    assert response.status_code == 400
    response = client.post(
        "/login", data={"username": "erika", "password": PASSWORD, "csrf_token": "geraten"}
    )
    assert response.status_code == 400


def test_sign_in_renews_the_session(app, curation_store):
    client = app.server.test_client()
    before = csrf(client)
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    _login(client, "erika", PASSWORD, address="10.1.0.4")
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["csrf_token"] != before


def test_sixth_attempt_for_an_account_gets_429_even_with_the_right_password(app, curation_store):
    client = app.server.test_client()
    for n in range(5):
        _login(client, "erika", "falsch", address=f"10.2.0.{n}")
    response = _login(client, "erika", PASSWORD, address="10.2.0.99")
    assert response.status_code == 429
    assert "Zu viele Anmeldeversuche" in response.get_data(as_text=True)
    curation_store._connect().execute("DELETE FROM login_attempts")


def test_sixth_attempt_from_one_address_gets_429_for_any_account(app, curation_store):
    client = app.server.test_client()
    for n in range(5):
        _login(client, f"niemand{n}", "falsch", address="10.3.0.1")
    assert _login(client, "erika", PASSWORD, address="10.3.0.1").status_code == 429
    assert _login(client, "erika", PASSWORD, address="10.3.0.2").status_code == 303
    curation_store._connect().execute("DELETE FROM login_attempts")


def test_the_throttle_counts_in_the_shared_store_not_in_one_process(tmp_path):
    first, second = open_store(tmp_path / "c.sqlite"), open_store(tmp_path / "c.sqlite")
    for _ in range(5):
        first.record_login("erika", "10.4.0.1", success=False)
    assert second.failed_logins(
        "erika", "10.9.9.9", __import__("datetime").timedelta(minutes=15)
    ) == (5, 0)


def test_logout_ends_the_session(app, curation_store):
    client = app.server.test_client()
    _login(client, "erika", PASSWORD, address="10.5.0.1")
    with client.session_transaction() as session:
        token = session["csrf_token"]
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    with client.session_transaction() as session:
        assert "_user_id" not in session


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/impressum", "/impressum"),
        ("/impressum?lang=en", "/impressum?lang=en"),
        ("//evil.example/", "/"),
        ("https://evil.example/impressum", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("/no-such-page", "/"),
        ("", "/"),
    ],
)
def test_next_is_followed_only_to_the_portals_own_pages(app, target, expected):
    assert safe_next(target) == expected


def _cli(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(Path(sys.executable).parent / "flask"), "--app", "app", "users", *args],
        cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=60,
        env={"INSTANCE_DIR": str(tmp_path), "PATH": os.environ.get("PATH", "/usr/bin:/bin")},
    )  # fmt: skip


def test_users_cli_creates_lists_resets_and_deactivates(tmp_path):
    created = _cli(tmp_path, "create", "maria", "--role", "leadership", "--password-stdin",
                   stdin="ein-langes-passwort\n")  # fmt: skip
    assert created.returncode == 0, created.stderr
    assert "maria\tleadership\taktiv" in _cli(tmp_path, "list").stdout
    assert _cli(tmp_path, "create", "maria", "--role", "curator", "--password-stdin",
                stdin="noch-ein-passwort\n").returncode != 0  # fmt: skip
    assert _cli(tmp_path, "create", "kurz", "--role", "curator", "--password-stdin",
                stdin="kurz\n").returncode != 0  # fmt: skip
    reset = _cli(tmp_path, "set-password", "maria", "--password-stdin", stdin="ganz-neues-wort\n")
    assert reset.returncode == 0
    assert _cli(tmp_path, "deactivate", "maria").returncode == 0
    assert "maria\tleadership\tdeaktiviert" in _cli(tmp_path, "list").stdout
    store = open_store(tmp_path / "curation.sqlite")
    actions = [e["action"] for e in store.audit_entries()]
    assert actions == ["user.set_active", "user.set_password", "user.create"]
    assert _cli(tmp_path, "deactivate", "niemand").returncode != 0


def test_behind_a_reverse_proxy_the_throttle_counts_each_visitor_not_the_proxy(tmp_path):
    """PROXY_COUNT=1 (nginx in front): five failures from one visitor lock out that visitor's
    address, not every visitor the proxy forwards."""
    import requests
    from flask import Flask
    from flask.sessions import SecureCookieSessionInterface

    from tests.serving import serve

    with serve(tmp_path, env={"PROXY_COUNT": "1"}, gunicorn_workers=1) as url:
        signer = Flask("signer")
        signer.secret_key = (tmp_path / "secret_key").read_text(encoding="utf-8").strip()
        cookie = (
            SecureCookieSessionInterface().get_signing_serializer(signer).dumps({"csrf_token": "t"})
        )

        def attempt(visitor: str, username: str) -> int:
            return requests.post(
                f"{url}/login",
                data={"csrf_token": "t", "username": username, "password": "falsch"},
                cookies={"session": cookie},
                headers={"X-Forwarded-For": visitor},
                allow_redirects=False,
                timeout=30,
            ).status_code

        assert [attempt("203.0.113.7", f"niemand{n}") for n in range(5)] == [303] * 5
        assert attempt("203.0.113.7", "erika") == 429
        assert attempt("198.51.100.9", "erika") == 303  # someone else behind the same proxy
