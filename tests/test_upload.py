"""The data upload `/admin/daten`: admins upload an export through a plain multipart form; the
CLI's checks, a new version the dashboards follow at once, the limit, CSRF, roles, the versions.

Uploads that succeed run against a portal of their own (a gunicorn subprocess with its own data):
the session's app shares its data dir with other tests.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import requests

from dashboard import access, upload
from dashboard.auth import hash_password
from dashboard.i18n import format_money_whole
from dashboard.store import open_store
from tests.conftest import DEMO_DIR
from tests.roles import find_prop, router_request, signed_in_client
from tests.serving import serve
from tests.test_ingest import GRANTS_HEADER, csv_bytes, grant, snapshot

PASSWORD = "upload-passwort-123"


def german_excel_grants(*amounts: str) -> bytes:
    """A grants export as German Excel saves it: `;`, decimal comma, dotted dates, Windows-1252."""
    rows = [GRANTS_HEADER] + [
        grant(n, amount=amount, award_date="01.03.2026", recipient_name="Bürgerhilfe Köln")
        for n, amount in enumerate(amounts, start=1)
    ]
    return csv_bytes(rows, delimiter=";", newline="\r\n").encode("cp1252")


def bad_grants() -> bytes:
    """Row 3 has no money amount, row 4 an unknown action field."""
    rows = [GRANTS_HEADER, grant(1), grant(2, amount="abc"), grant(3, action_field="XYZ")]
    return csv_bytes(rows).encode("utf-8")


def form_post(client, token: str | None, data: bytes | None, name: str = "grants.csv", **fields):
    """POST the upload form with the Flask test client, as a browser sends it (multipart)."""
    form = {"table": "auto", "decimal": "auto", **fields}
    if token is not None:
        form["csrf_token"] = token
    if data is not None:
        form["file"] = (io.BytesIO(data), name)
    return client.post("/admin/daten", data=form, content_type="multipart/form-data")


def page_text(client, search: str = "", path: str = "/admin/daten") -> str:
    """A page as the Pages router renders it for `client`, as JSON text."""
    response = client.post("/_dash-update-component", json=router_request(path, search))
    assert response.status_code == 200
    return json.dumps(response.get_json(), ensure_ascii=False)


def page_in(client, lang: str, search: str) -> str:
    """The page in `lang` (`?lang=`, which the portal also keeps in a cookie), as JSON text."""
    response = client.post(
        f"/_dash-update-component?lang={lang}",
        json=router_request("/admin/daten", f"{search}&lang={lang}"),
    )
    assert response.status_code == 200
    return json.dumps(response.get_json(), ensure_ascii=False)


def outcome_search(response) -> str:
    """The query the upload redirected to: `?ergebnis=<id>`."""
    assert response.status_code == 303
    path, _, query = response.headers["Location"].partition("?")
    assert path == "/admin/daten" and re.fullmatch(r"ergebnis=[A-Za-z0-9_-]{16,64}", query)
    return "?" + query


def token_of(client) -> str:
    response = client.post("/_dash-update-component", json=router_request("/admin/daten"))
    token = find_prop(response.get_json(), "csrf_token")
    assert token
    return token


@pytest.fixture(scope="module")
def admin(app):
    """A test client of the session's app, signed in as an admin."""
    return signed_in_client(app, access.ADMIN, address="10.66.0.1")


# --- in the session's app: refusals, reports, the versions list ------------------------------


def test_a_bad_file_shows_the_report_and_leaves_the_data_untouched(admin, settings):
    before = snapshot(settings.data_dir)
    response = form_post(admin, token_of(admin), bad_grants())
    text = page_text(admin, outcome_search(response))
    assert "Import abgelehnt" in text
    assert "In „grants.csv“ wurden 2 Probleme gefunden. Es wurde nichts geändert." in text
    for cell in ("Datei", "Zeile", "Spalte", "Wert", "Grund", "amount", "abc", "action_field",
                 "XYZ", "Kein Geldbetrag", "Verweis ins Leere"):  # fmt: skip
        assert cell in text, cell
    assert '"children": "3"' in text  # the row of "abc"
    assert snapshot(settings.data_dir) == before


def test_the_report_is_kept_as_message_keys_and_shown_in_the_readers_language(admin, settings):
    response = form_post(admin, token_of(admin), bad_grants())
    search = outcome_search(response)
    kept = json.loads(
        (settings.instance_dir / "uploads" / "results" / f"{search.split('=')[1]}.json").read_text(
            encoding="utf-8"
        )
    )
    assert [(p["row"], p["key"], p["args"]) for p in kept["problems"]] == [
        (3, "ingest_money", ["63250.00"]),
        (4, "ingest_dangling", ["action_fields", "code"]),
    ]
    assert not any("reason" in p for p in kept["problems"])  # no sentence in either language
    english, german = page_in(admin, "en", search), page_in(admin, "de", search)
    assert "Kein Geldbetrag (erwartet z. B. 63250.00, höchstens zwei Nachkommastellen)." in german
    assert "Not an amount of money (expected e.g. 63250.00, at most two decimals)." in english
    assert "Reference to nothing: no entry with this value in action_fields.code." in english
    assert "Kein Geldbetrag" not in english and "Not an amount" not in german


def test_an_unrecognised_table_points_at_the_forms_table_choice(admin):
    rows = [["foo", "bar"], ["1", "2"]]
    search = outcome_search(
        form_post(admin, token_of(admin), csv_bytes(rows).encode(), "liste.csv")
    )
    english, german = page_in(admin, "en", search), page_in(admin, "de", search)
    assert "Tabelle nicht erkannt" in german and "Bitte im Formular die Tabelle wählen." in german
    assert "Table not recognised" in english and "Please choose the table in the form." in english
    assert "--table" not in german and "--table" not in english


def test_an_outcome_kept_before_reasons_had_keys_still_shows_its_reason(admin, settings):
    results = settings.instance_dir / "uploads" / "results"
    results.mkdir(parents=True, exist_ok=True)
    problem = {"file": "grants.csv", "row": 3, "column": "amount", "value": "abc",
               "reason": "Kein Geldbetrag (alt gespeichert).", "entries": False}  # fmt: skip
    outcome = {"status": "rejected", "file": "grants.csv", "total": 1, "problems": [problem]}
    (results / "vorher-gespeichertes-ergebnis.json").write_text(json.dumps(outcome), "utf-8")
    text = page_text(admin, "?ergebnis=vorher-gespeichertes-ergebnis")
    assert "Kein Geldbetrag (alt gespeichert)." in text


def test_the_temporary_upload_is_gone_and_a_path_as_name_stays_a_name(admin, settings):
    response = form_post(admin, token_of(admin), bad_grants(), name="../../../grants.csv")
    text = page_text(admin, outcome_search(response))
    assert "In „grants.csv“ wurden 2 Probleme" in text  # the table came from the name
    uploads = settings.instance_dir / "uploads"
    assert [p.name for p in uploads.iterdir()] == ["results"]
    assert not (settings.instance_dir.parent / "grants.csv").exists()


def test_no_file_chosen_says_so(admin):
    response = form_post(admin, token_of(admin), None)
    assert "Keine Datei gewählt" in page_text(admin, outcome_search(response))


def test_an_unknown_outcome_id_says_it_is_gone(admin):
    assert "nicht mehr vorhanden" in page_text(admin, "?ergebnis=abcdefghijklmnopqrstuvwx")
    assert "nicht mehr vorhanden" in page_text(admin, "?ergebnis=../../secret_key")


@pytest.mark.parametrize("token", [None, "", "falsches-token"])
def test_a_post_without_the_right_csrf_token_is_refused(admin, settings, token):
    before = snapshot(settings.data_dir)
    assert form_post(admin, token, german_excel_grants("1,00")).status_code == 400
    assert snapshot(settings.data_dir) == before


@pytest.mark.parametrize(
    ("role", "status"),
    [(None, 401), (access.LEADERSHIP, 403), (access.CURATOR, 403)],
)
def test_only_admins_may_post_an_upload(app, settings, role, status):
    client = signed_in_client(app, role, address=f"10.66.1.{len(str(role))}")
    # A valid token of the visitor's own session: the role alone decides.
    token = find_prop(
        client.post("/_dash-update-component", json=router_request("/login")).get_json(),
        "csrf_token",
    )
    before = snapshot(settings.data_dir)
    assert form_post(client, token, german_excel_grants("1,00")).status_code == status
    assert snapshot(settings.data_dir) == before


def test_the_get_of_the_upload_path_is_the_page_for_admins_only(app, admin):
    assert admin.get("/admin/daten").status_code == 200
    anonymous = signed_in_client(app, None)
    assert anonymous.get("/admin/daten").headers["Location"] == "/login?next=/admin/daten"
    curator = signed_in_client(app, access.CURATOR, address="10.66.2.1")
    assert curator.get("/admin/daten").status_code == 403


def test_the_page_has_a_labelled_multipart_form_with_the_token(admin):
    response = admin.post("/_dash-update-component", json=router_request("/admin/daten"))
    body = response.get_json()
    assert find_prop(body, "csrf_token")
    text = page_text(admin)
    assert '"encType": "multipart/form-data"' in text
    for label in ("Exportdatei", "Tabelle", "Dezimaltrennzeichen", "höchstens 200 MB",
                  "Automatisch erkennen", "Komma", "Punkt", "Hochladen und prüfen"):  # fmt: skip
        assert label in text, label


def test_the_versions_list_shows_who_imported_which_table_from_which_file(admin):
    text = page_text(admin)
    assert "Datenstände" in text
    # The session's data: the demo exports, imported by "test" (tests/conftest.py).
    assert "grants – 667 Zeilen aus grants.csv" in text
    assert '"children": "test"' in text
    assert "Beispieldaten" in text and "aktuell" in text


def test_english_page(admin):
    response = admin.post(
        "/_dash-update-component?lang=en", json=router_request("/admin/daten", "?lang=en")
    )
    text = response.get_data(as_text=True)
    assert "Upload data" in text and "Dataset versions" in text


def test_file_names_are_cleaned_but_kept_for_the_report():
    assert upload.display_name("C:\\Users\\erika\\Förderungen 2026.csv") == "Förderungen 2026.csv"
    assert upload.safe_name("Förderungen 2026.csv") == "Förderungen 2026.csv"
    assert upload.safe_name("../../etc/passwd") == "passwd"
    assert upload.safe_name("..\\..\\grants.CSV") == "grants.csv"
    assert upload.safe_name("bericht.exe") == "bericht.exe"
    assert upload.safe_name("..") == upload.safe_name("") == "upload"
    assert upload.safe_name(".csv") == "upload.csv"
    assert upload.safe_name("a/b\\c\x00d;rm -rf.csv") == "c_d_rm -rf.csv"


# --- a portal of its own: a real upload over HTTP, the limit --------------------------------


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A portal under gunicorn (2 workers) on its own demo data, with a 1 MB upload limit."""
    instance = tmp_path_factory.mktemp("upload-portal")
    open_store(instance / "curation.sqlite").create_user(
        "datenpflege", hash_password(PASSWORD), access.ADMIN
    )
    with serve(instance, env={"MAX_UPLOAD_MB": "1"}, gunicorn_workers=2) as url:
        yield url, instance


@pytest.fixture
def session(portal) -> Iterator[requests.Session]:
    """A browser-like session signed in as the portal's admin."""
    url, _instance = portal
    with requests.Session() as http:
        token = _token(http, url, "/login")
        response = http.post(
            f"{url}/login",
            data={"csrf_token": token, "username": "datenpflege", "password": PASSWORD},
            allow_redirects=False,
        )
        assert response.status_code == 303
        yield http


def _router(http: requests.Session, url: str, path: str, search: str = "") -> dict:
    response = http.post(f"{url}/_dash-update-component", json=router_request(path, search))
    assert response.status_code == 200
    return response.json()


def _token(http: requests.Session, url: str, path: str) -> str:
    token = find_prop(_router(http, url, path), "csrf_token")
    assert token
    return token


def _funding_total(http: requests.Session, url: str) -> str:
    """The overview's Fördersumme as the page shows it."""
    found = _kpi_values(_router(http, url, "/"))
    assert "Fördersumme" in found, "no Fördersumme on the overview"
    return found["Fördersumme"]


def _kpi_values(node) -> dict[str, str]:
    """Every key figure of a rendered page: label → value."""
    found: dict[str, str] = {}
    if isinstance(node, dict):
        props = node.get("props") or {}
        if "kpi-card" in str(props.get("className") or "").split():
            spans = {c["props"].get("className"): c["props"]["children"] for c in props["children"]
                     if isinstance(c, dict)}  # fmt: skip
            value = spans["kpi-value d-block"]
            if isinstance(value, dict):  # a step of the overview's story links to its page
                value = value["props"]["children"]
            found[spans["kpi-label d-block"]] = value
        for child in node.values():
            found |= _kpi_values(child)
    elif isinstance(node, list):
        for child in node:
            found |= _kpi_values(child)
    return found


def _page(http: requests.Session, url: str, path: str, search: str = "") -> str:
    return json.dumps(_router(http, url, path, search), ensure_ascii=False)


def _version(url: str) -> str:
    return requests.get(f"{url}/healthz", timeout=10).json()["data_version"]


def test_an_admin_upload_becomes_the_data_every_worker_shows_without_restart(portal, session):
    url, instance = portal
    before = _version(url)
    with open(DEMO_DIR / "grants.csv", encoding="utf-8", newline="") as fh:
        demo = list(csv.DictReader(fh))
    demo_total = sum(Decimal(g["amount"]) for g in demo if g["currency"] in ("", "EUR"))
    assert _funding_total(session, url) == format_money_whole(demo_total)
    response = session.post(
        f"{url}/admin/daten",
        data={"csrf_token": _token(session, url, "/admin/daten"), "table": "grants",
              "decimal": "komma"},
        files={"file": ("Förderungen Excel.csv", german_excel_grants("12.345,67", "1.000,00"))},
        allow_redirects=False,
    )  # fmt: skip
    outcome = _page(session, url, "/admin/daten", outcome_search(response))
    after = _version(url)
    assert after != before
    assert "Import erfolgreich" in outcome and after in outcome
    assert "grants: 2 Zeilen" in outcome
    # Every worker follows the new version on its next request, no restart.
    assert {_version(url) for _ in range(8)} == {after}
    for _ in range(4):
        assert _funding_total(session, url) == format_money_whole(Decimal("13345.67"))
    # The versions list: who imported which table from which file, the new one current.
    listing = _page(session, url, "/admin/daten")
    assert "grants – 2 Zeilen aus Förderungen Excel.csv" in listing
    assert '"children": "datenpflege"' in listing
    assert listing.index(after) < listing.index(before)
    # The import is in the audit log.
    log = session.get(f"{url}/daten/protokoll.csv?aktion=data.import").content.decode("utf-8-sig")
    assert f"datenpflege;Daten importiert;{after};grants: 2 Zeilen aus „Förderungen Excel.csv“" in (
        log
    )
    assert not [p for p in (instance / "uploads").iterdir() if p.name != "results"]


def test_a_file_over_the_limit_is_refused_with_413_naming_it_and_changes_nothing(portal, session):
    url, instance = portal
    data_dir = instance / "data"
    before, version = snapshot(data_dir), _version(url)
    big = german_excel_grants(*(["1,00"] * 8000))  # > 1 MB
    assert len(big) > 1024 * 1024
    response = session.post(
        f"{url}/admin/daten",
        data={"csrf_token": _token(session, url, "/admin/daten")},
        files={"file": ("grants.csv", big)},
        allow_redirects=False,
    )
    assert response.status_code == 413
    assert "Datei zu groß" in response.text
    assert "größer als die erlaubten 1 MB (MAX_UPLOAD_MB)" in response.text
    assert "Es wurde nichts geändert" in response.text
    assert snapshot(data_dir) == before and _version(url) == version
    assert not [p for p in (instance / "uploads").iterdir() if p.name != "results"]
    # The page names the limit too, before anything is sent.
    assert "höchstens 1 MB" in _page(session, url, "/admin/daten")
