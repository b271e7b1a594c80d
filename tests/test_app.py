"""The app shell over HTTP: health check, language, security headers, the page frame."""

from __future__ import annotations

import json
import os

from tests.serving import http_get, serve


def test_healthz_reports_the_data_version(client, app):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["data_version"] == os.path.basename(
        os.readlink(app.server.config["PORTAL_SETTINGS"].data_dir / "current")
    )


def test_page_html_is_german_by_default_and_english_on_request(client):
    assert '<html lang="de">' in client.get("/").get_data(as_text=True)
    response = client.get("/?lang=en")
    assert '<html lang="en">' in response.get_data(as_text=True)
    assert "lang=en" in response.headers["Set-Cookie"]


def test_pages_carry_a_strict_content_security_policy(client):
    csp = client.get("/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "unsafe-eval" not in csp
    assert "script-src 'self' 'sha256-" in csp


def test_page_loads_nothing_from_a_cdn(client):
    html = client.get("/").get_data(as_text=True)
    assert "cdn" not in html.lower()
    assert "/assets/bootstrap.min.css" in html


def test_healthz_is_503_when_the_data_cannot_be_read(tmp_path):
    data_dir = tmp_path / "data"
    version = data_dir / "versions" / "broken"
    version.mkdir(parents=True)
    (version / "grants.parquet").write_bytes(b"PAR1 this is not parquet")
    (data_dir / "current").symlink_to("versions/broken")
    with serve(tmp_path / "instance", env={"DATA_DIR": str(data_dir)}, ready_status=(503,)) as url:
        status, body = http_get(url + "/healthz")
    assert status == 503
    assert json.loads(body)["status"] == "unavailable"


def test_first_start_on_an_empty_data_dir_builds_the_demo_version(tmp_path):
    with serve(tmp_path / "instance") as url:
        status, body = http_get(url + "/healthz")
        versions = list((tmp_path / "instance" / "data" / "versions").iterdir())
    assert status == 200
    assert [v.name for v in versions] == [json.loads(body)["data_version"]]
    manifest = json.loads((versions[0] / "manifest.json").read_text())
    assert manifest["tables"]["grants"]["demo"] is True
