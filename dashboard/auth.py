"""Sign-in: flask-login, users from the curation store, login/logout routes, CSRF, throttling."""

from __future__ import annotations

import hmac
import logging
import secrets
from datetime import timedelta
from urllib.parse import urlencode, urlsplit

from flask import Flask, Response, abort, current_app, redirect, request, session
from flask_login import LoginManager, UserMixin, login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash

from dashboard import access
from dashboard.i18n import t
from dashboard.store import CurationStore, User

log = logging.getLogger(__name__)
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
CSRF_KEY = "csrf_token"
DEV_ACCOUNT = "kurator"
# Checked against when the user does not exist, so that a wrong name costs as long as a wrong
# password and the answer time does not tell which names exist.
_DUMMY_HASH = generate_password_hash("no-such-user", method="scrypt")


class SignedInUser(UserMixin):
    """The user flask-login keeps in the session."""

    def __init__(self, user: User) -> None:
        self.id = user.username
        self.username = user.username
        self.role = user.role


def hash_password(password: str) -> str:
    return generate_password_hash(password, method="scrypt")


def init_app(server: Flask, store: CurationStore) -> None:
    """Sessions, the user loader and the login/logout routes."""
    manager = LoginManager()
    manager.session_protection = "strong"
    manager.init_app(server)
    server.config["CURATION_STORE"] = store

    @manager.user_loader
    def load_user(username: str) -> SignedInUser | None:
        user = store.user(username)
        return SignedInUser(user) if user and user.active else None

    server.add_url_rule("/login", "login_submit", login_submit, methods=["POST"])
    server.add_url_rule("/logout", "logout", logout, methods=["POST"])


def csrf_token() -> str:
    """The session's CSRF token, made on first use; every form of the portal carries it."""
    token = session.get(CSRF_KEY)
    if not token:
        token = secrets.token_urlsafe(32)
        session[CSRF_KEY] = token
    return token


def check_csrf() -> None:
    sent = request.form.get(CSRF_KEY, "")
    expected = session.get(CSRF_KEY, "")
    if not expected or not hmac.compare_digest(sent, expected):
        abort(400, description=t("auth_csrf_failed"))


def safe_next(target: str | None) -> str:
    """Follow `next` only to one of the portal's own pages; anything else goes to the start."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    if "\\" in target or not access.is_page(parts.path):
        return "/"
    return target


def login_submit() -> Response:
    check_csrf()
    store: CurationStore = current_app.config["CURATION_STORE"]
    username = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    target = safe_next(request.form.get("next"))
    address = request.remote_addr or "unknown"
    by_user, by_address = store.failed_logins(username, address, FAILURE_WINDOW)
    if by_user >= MAX_FAILURES or by_address >= MAX_FAILURES:
        return _too_many()
    user = store.user(username)
    valid = check_password_hash(user.password_hash if user else _DUMMY_HASH, password)
    if not (user and user.active and valid):
        store.record_login(username, address, success=False)
        query = urlencode({"fehler": "1", "next": target})
        return redirect(f"/login?{query}", code=303)
    store.record_login(username, address, success=True)
    # A new session on sign-in: nothing an attacker planted before survives it.
    session.clear()
    login_user(SignedInUser(user))
    csrf_token()
    return redirect(target, code=303)


def logout() -> Response:
    check_csrf()
    logout_user()
    session.clear()
    return redirect("/", code=303)


def _too_many() -> Response:
    message = t("auth_too_many")
    body = (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>'
        f"{message}</title></head><body><main><h1>{message}</h1>"
        f'<p>{t("auth_too_many_detail")}</p><p><a href="/">{t("back_home")}</a></p>'
        "</main></body></html>"
    )
    response = Response(body, status=429, mimetype="text/html")
    response.headers["Retry-After"] = str(int(FAILURE_WINDOW.total_seconds()))
    return response


def ensure_development_account(store: CurationStore) -> None:
    """In development, a `kurator` account with a random password, printed once to the console."""
    password = secrets.token_urlsafe(12)
    if store.create_first_user(DEV_ACCOUNT, hash_password(password), access.CURATOR):
        # The console is the only place this password ever appears.
        print(  # noqa: T201
            f"\n  Entwicklungszugang angelegt: Benutzer '{DEV_ACCOUNT}', Passwort '{password}'\n"
            "  (nur dieses eine Mal angezeigt; neu setzen mit "
            f"`flask --app app users set-password {DEV_ACCOUNT}`)\n",
            flush=True,
        )
