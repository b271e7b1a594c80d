"""Browser fixtures: Debian's Chromium via Playwright, the portal under gunicorn, a watched page."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page

from tests.serving import ROOT, serve

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    """Playwright launches Debian's Chromium (Playwright's own download fails here)."""
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def browser_context_args() -> dict:
    return {"locale": "de-DE", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture(scope="session")
def portal_instance(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The INSTANCE_DIR of the browser tests' portal (data, curation store, secret key)."""
    return tmp_path_factory.mktemp("browser-instance")


@pytest.fixture(scope="session")
def portal_url(portal_instance: Path) -> Iterator[str]:
    """The portal served by gunicorn (2 workers) on a fresh data dir built from the demo exports."""
    with serve(portal_instance, gunicorn_workers=2) as url:
        yield url


_CREATED: set[tuple[str, str, str]] = set()  # (instance, username, role) made this session


def create_account(instance: Path, username: str, role: str) -> str:
    """An account made with the users CLI, as an operator would; returns its password.

    Once per portal and name in a session: the CLI starts the whole app (seconds), and tests
    that sign in again need no new account."""
    password = f"{username}-passwort-2026"
    if (str(instance), username, role) in _CREATED:
        return password
    result = subprocess.run(
        [str(Path(sys.executable).parent / "flask"), "--app", "app", "users", "create", username,
         "--role", role, "--password-stdin"],
        cwd=ROOT, input=password + "\n", capture_output=True, text=True, timeout=60,
        env={**os.environ, "INSTANCE_DIR": str(instance)},
    )  # fmt: skip
    assert result.returncode == 0 or "gibt es schon" in result.stderr, result.stderr
    _CREATED.add((str(instance), username, role))
    return password


def sign_in(page: Page, base_url: str, username: str, password: str, next_path: str = "/") -> None:
    """Sign in through the login form, as a person would."""
    page.goto(f"{base_url}/login?next={next_path}")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{base_url}{next_path}")


class PageWatch:
    """What a page did: console errors and requests to hosts other than the portal's own."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.host = urlparse(base_url).netloc
        self.console_errors: list[str] = []
        self.foreign_requests: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.console_errors.append(f"pageerror: {exc}"))
        page.on("request", self._request)
        self.refused_documents: set[str] = set()  # pages answered 403/404, as asked for
        page.on("response", self._response)

    def _response(self, response) -> None:
        if response.request.resource_type == "document" and response.status in (403, 404):
            self.refused_documents.add(response.url)

    def _console(self, message) -> None:
        if message.type != "error":
            return
        # An address that is no page answers 404 with the friendly page, a page of another
        # role 403: Chromium reports the document's status as a console error, which is the
        # answer asked for, not a fault.
        url = message.location.get("url")
        document = url in self.refused_documents or (
            message.page is not None and url == message.page.url
        )
        failed = message.text.startswith("Failed to load resource") and (
            "404" in message.text or "403" in message.text
        )
        if document and failed:
            return
        self.console_errors.append(message.text)

    def _request(self, request) -> None:
        parsed = urlparse(request.url)
        if parsed.scheme in ("data", "blob", "about"):
            return
        if parsed.netloc != self.host:
            self.foreign_requests.append(request.url)


@pytest.fixture
def watch(page: Page, portal_url: str) -> Iterator[PageWatch]:
    """The test's page, watched; the test fails on a console error or a third-party request."""
    yield from watching(page, portal_url)


def watching(page: Page, base_url: str) -> Iterator[PageWatch]:
    """A fixture's body: the page watched on `base_url`; afterwards no console error and no
    request to another host."""
    watched = PageWatch(page, base_url)
    yield watched
    assert watched.console_errors == [], "console errors"
    assert watched.foreign_requests == [], "requests left the portal's host"


def own_portal(factory: pytest.TempPathFactory, name: str) -> Iterator[tuple[str, Path]]:
    """A module fixture's body: a portal of its own under gunicorn (2 workers) on the demo data,
    for tests that change its data: (URL, INSTANCE_DIR)."""
    instance = factory.mktemp(name)
    with serve(instance, gunicorn_workers=2) as url:
        yield url, instance
