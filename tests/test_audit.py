"""The audit log `/admin/protokoll`: who changed what, when, readably; filters in the URL; pages;
the filtered log as CSV/XLSX; curators and admins only."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta

import pytest

from dashboard import access
from dashboard.i18n import PORTAL_TIMEZONE
from tests.conftest import DEMO_DIR
from tests.roles import router_request, signed_in_client

PATH = "/admin/protokoll"
# Names of their own: the session's curation store is shared with other tests.
ERIKA, JONAS = "prot-erika", "prot-jonas"
RESULTS_OUTPUT = "..audit-results.children...audit-status.children.."


@pytest.fixture(scope="module")
def logged(app):
    """Erika moved S1 to the shortlist and rated it, Jonas offered it a patron; Erika 60 moves."""
    store = app.server.config["CURATION_STORE"]
    version = store.entry("PROT-S1").version
    store.set_status("PROT-S1", "shortlisted", version, ERIKA)
    store.rate("PROT-S1", ERIKA, {"impact": 4, "readiness": 2})
    store.offer("PROT-S1", "PROT-P1", JONAS)
    for n in range(60):
        store.set_notes("PROT-S2", f"Notiz {n}", store.entry("PROT-S2").version, ERIKA)
    return store


@pytest.fixture(scope="module")
def curator(app, logged):
    return signed_in_client(app, access.CURATOR, address="10.55.0.1")


def page(client, search: str = "") -> str:
    response = client.post("/_dash-update-component", json=router_request(PATH, search))
    assert response.status_code == 200
    return json.dumps(response.get_json(), ensure_ascii=False)


def results(client, query: str) -> tuple[int, str]:
    """What the page's callback answers when the URL state becomes `query`."""
    body = {
        "output": RESULTS_OUTPUT,
        "outputs": [
            {"id": "audit-results", "property": "children"},
            {"id": "audit-status", "property": "children"},
        ],
        "inputs": [{"id": "audit-query", "property": "data", "value": query}],
        "changedPropIds": ["audit-query.data"],
    }
    response = client.post("/_dash-update-component", json=body)
    return response.status_code, json.dumps(response.get_json(silent=True), ensure_ascii=False)


def rows_of(text: str) -> int:
    return text.count('"type": "Tr"') - 1  # minus the header row


def test_the_log_shows_who_did_what_readably_with_the_solution_linked(curator):
    text = page(curator, f"?person={ERIKA}&aktion=entry.status")
    assert "Protokoll" in text
    assert "Status geändert" in text and "Status: Neu → Shortlist" in text
    assert '"href": "/loesungen/PROT-S1"' in text
    text = page(curator, f"?person={JONAS}")
    assert "Patenschaft angeboten" in text and "Patenschaft: – → angeboten" in text
    assert "Pate/Patin PROT-P1" in text
    text = page(curator, f"?person={ERIKA}&aktion=rating")
    assert "Bewertung: Wirkung 4, Umsetzungsreife 2" in text


def test_a_solution_of_the_data_is_named_by_its_title_beside_its_id(app, curator):
    store = app.server.config["CURATION_STORE"]
    store.set_status("S00042", "reviewing", store.entry("S00042").version, "prot-titel")
    text = page(curator, "?person=prot-titel")
    assert '"href": "/loesungen/S00042"' in text
    with open(DEMO_DIR / "solutions.csv", encoding="utf-8") as fh:
        title = next(r["title"] for r in csv.DictReader(fh) if r["solution_id"] == "S00042")
    assert json.dumps(title, ensure_ascii=False) in text


def test_filters_by_person_action_and_object(curator):
    status, text = results(curator, f"person={JONAS}")
    assert status == 200 and rows_of(text) == 1 and ERIKA not in text
    assert "1 Eintrag für diese Auswahl." in text
    status, text = results(curator, f"person={ERIKA}&aktion=rating")
    assert rows_of(text) == 1 and "Bewertung abgegeben" in text
    status, text = results(curator, "objekt=PROT-P1")
    assert rows_of(text) == 1 and JONAS in text
    status, text = results(curator, f"person={ERIKA}&objekt=PROT-S1")
    assert rows_of(text) == 2
    # The person filter offers everyone in the log; an unknown one is ignored, not an error.
    assert f'"label": "{ERIKA}", "value": "{ERIKA}"' in page(curator)
    assert results(curator, "person=niemand") == results(curator, "")


def test_filters_by_date_in_german_time(curator):
    today = datetime.now(PORTAL_TIMEZONE).date()
    yesterday, tomorrow = today - timedelta(days=1), today + timedelta(days=1)
    assert rows_of(results(curator, f"person={JONAS}&von={today}&bis={today}")[1]) == 1
    assert "Keine Einträge" in results(curator, f"person={JONAS}&von={tomorrow}")[1]
    assert "Keine Einträge" in results(curator, f"person={JONAS}&bis={yesterday}")[1]
    assert rows_of(results(curator, f"person={JONAS}&bis={today}&von=kein-datum")[1]) == 1


def test_the_log_is_paged_on_the_server(curator):
    status, text = results(curator, f"person={ERIKA}")
    assert "62 Einträge für diese Auswahl." in text
    assert rows_of(text) == 50 and "Seite 1 von 2" in text
    assert f"/admin/protokoll?person={ERIKA}&seite=2" in text
    status, text = results(curator, f"person={ERIKA}&seite=2")
    assert rows_of(text) == 12 and "Seite 2 von 2" in text
    assert "Status: Neu → Shortlist" in text  # the oldest last
    # A page past the end shows the last one.
    assert "Seite 2 von 2" in results(curator, f"person={ERIKA}&seite=99")[1]


def test_the_filtered_log_downloads_as_csv_and_xlsx(app, curator):
    response = curator.get(f"/daten/protokoll.csv?person={JONAS}")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Zeitpunkt", "Person", "Aktion", "Objekt", "Änderung (vorher → nachher)"]
    assert rows[1][1:] == [
        JONAS, "Patenschaft angeboten", "PROT-S1/PROT-P1", "Patenschaft: – → angeboten"
    ]  # fmt: skip
    assert len(rows) == 2
    assert len(list(csv.reader(io.StringIO(
        curator.get(f"/daten/protokoll.csv?person={ERIKA}").data.decode("utf-8-sig")
    ), delimiter=";"))) == 63  # fmt: skip
    assert curator.get(f"/daten/protokoll.xlsx?person={ERIKA}").status_code == 200
    leadership = signed_in_client(app, access.LEADERSHIP, address="10.55.0.2")
    assert leadership.get("/daten/protokoll.csv").status_code == 403
    assert signed_in_client(app, None).get("/daten/protokoll.csv").status_code == 401


def test_only_curators_and_admins_may_use_the_log(app, logged):
    for role, allowed in ((None, False), (access.LEADERSHIP, False), (access.CURATOR, True),
                          (access.ADMIN, True)):  # fmt: skip
        client = signed_in_client(app, role, address="10.55.1.1")
        status, text = results(client, f"person={ERIKA}")
        assert (status == 200) == allowed, role
        assert (ERIKA in page(client)) == allowed, role


def test_english(curator):
    response = curator.post(
        "/_dash-update-component?lang=en",
        json=router_request(PATH, f"?lang=en&person={ERIKA}&aktion=entry.status"),
    )
    text = json.dumps(response.get_json(), ensure_ascii=False)
    assert "Audit log" in text and "Status changed" in text
    assert "Status: New → Shortlisted" in text
