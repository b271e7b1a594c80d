"""`make screenshots`: a PNG of every page at 390 and 1366 px, signed in where a page needs it.

Serves the demo (with its sample curation history) from a fresh temporary instance with gunicorn,
makes an admin account with the users CLI, as an operator would, and walks every page in Debian's
Chromium. Writes `screenshots/<lang>/<page>-<width>.png` (git-ignored) and prints what it wrote.

    .venv/bin/python scripts/screenshots.py [--out screenshots] [--lang de en] [--width 390 1366]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip
# (file name, path); "{solution}" is the first solution the gallery links to.
PAGES = [
    ("home", "/"),
    ("herausforderungen", "/herausforderungen"),
    ("loesungen", "/loesungen"),
    ("loesung", "{solution}"),
    ("foerderung", "/foerderung"),
    ("programm", "/programm"),
    ("skalierung", "/skalierung"),
    ("intern", "/intern"),
    ("kuratierung", "/admin/kuratierung"),
    ("paten", "/admin/paten"),
    ("shortlist", "/admin/shortlist"),
    ("protokoll", "/admin/protokoll"),
    ("daten", "/admin/daten"),
    ("impressum", "/impressum"),
    ("datenschutz", "/datenschutz"),
    ("barrierefreiheit", "/barrierefreiheit"),
    ("leichte-sprache", "/leichte-sprache"),
    ("nicht-gefunden", "/gibt-es-nicht"),
]
USER, PASSWORD = "screenshots", "screenshots-passwort-2026"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, proc: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"Der Server hat sich beendet (Code {proc.returncode}).")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=5):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    sys.exit(f"Der Server unter {url} antwortet nicht.")


def _shoot(base: str, out: Path, langs: list[str], widths: list[int]) -> list[Path]:
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for lang in langs:
            for width in widths:
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                page.goto(f"{base}/login?next=/&lang={lang}")
                page.locator("#login-username").fill(USER)
                page.locator("#login-password").fill(PASSWORD)
                page.locator("form.login-form button[type=submit]").click()
                page.wait_for_url(f"{base}/")
                page.goto(f"{base}/loesungen")
                page.wait_for_load_state("networkidle")
                solution = page.locator(".gallery-card a[href^='/loesungen/']").first
                solution_path = solution.get_attribute("href")
                (out / lang).mkdir(parents=True, exist_ok=True)
                for name, path in PAGES:
                    page.goto(base + path.format(solution=solution_path))
                    page.wait_for_load_state("networkidle")
                    page.wait_for_timeout(500)  # plotly's resize after the last request
                    target = out / lang / f"{name}-{width}.png"
                    page.screenshot(path=str(target), full_page=True)
                    written.append(target)
                    print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
                context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--lang", nargs="+", default=["de"], choices=["de", "en"])
    parser.add_argument("--width", nargs="+", type=int, default=[390, 1366])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="portal-screenshots-") as instance:
        env = {
            **{k: v for k, v in os.environ.items() if k not in ("DATA_DIR", "SECRET_KEY")},
            "INSTANCE_DIR": instance,
            "PORTAL_ENV": "development",
            "DEMO_CURATION": "1",
        }
        subprocess.run(
            [str(BIN / "flask"), "--app", "app", "users", "create", USER, "--role", "admin",
             "--password-stdin"],
            cwd=ROOT, env=env, input=PASSWORD + "\n", text=True, check=True, capture_output=True,
        )  # fmt: skip
        port = _free_port()
        command = [str(BIN / "gunicorn"), "--no-control-socket", "-w", "2", "--threads", "4",
                   "-b", f"127.0.0.1:{port}", "app:server"]  # fmt: skip
        with open(Path(instance) / "server.log", "wb") as log:
            proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
            try:
                base = f"http://127.0.0.1:{port}"
                _wait(base, proc)
                written = _shoot(base, args.out.resolve(), args.lang, args.width)
            finally:
                proc.terminate()
                proc.wait(timeout=30)
    print(f"{len(written)} Bildschirmfotos in {args.out}")


if __name__ == "__main__":
    main()
