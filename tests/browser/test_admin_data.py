"""Admins upload exports in the browser and follow them in the versions list, the overview and
the audit log; curators read the log but cannot upload.

These tests change the data, so they run against a portal of their own (its own INSTANCE_DIR and
data): the shared browser-test portal keeps the demo data for every other test.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from dashboard.i18n import format_money_whole
from tests.browser.conftest import PageWatch, create_account, own_portal, sign_in, watching
from tests.conftest import DEMO_DIR
from tests.test_ingest import GRANTS_HEADER, csv_bytes, grant

# (amount as German Excel writes it, the same as a number)
UPLOADED = (("12.345,67", "12345.67"), ("1.000,00", "1000.00"), ("250,50", "250.50"))
FORMULA_TITLE = '=HYPERLINK("https://example.org","Klick")'  # a spreadsheet must not run it


@pytest.fixture(scope="module")
def data_portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    yield from own_portal(tmp_path_factory, "admin-data-portal")


@pytest.fixture
def watched(page: Page, data_portal: tuple[str, Path]) -> Iterator[PageWatch]:
    yield from watching(page, data_portal[0])


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A German Excel grants export (`;`, decimal comma, dotted dates, Windows-1252), a bad one."""
    folder = tmp_path_factory.mktemp("exports")
    good = folder / "Förderungen Excel.csv"
    rows = [GRANTS_HEADER] + [
        grant(n, amount=amount, award_date="01.03.2026", recipient_name="Bürgerhilfe Köln",
              title=FORMULA_TITLE if n == 1 else f"Vorhaben {n}")
        for n, (amount, _) in enumerate(UPLOADED, start=1)
    ]  # fmt: skip
    good.write_bytes(csv_bytes(rows, delimiter=";", newline="\r\n").encode("cp1252"))
    bad = folder / "grants.csv"
    rows = [GRANTS_HEADER, grant(1), grant(2, amount="abc"), grant(3, action_field="XYZ")]
    bad.write_bytes(csv_bytes(rows).encode("utf-8"))
    return {"good": good, "bad": bad}


def assert_accessible(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def funding_total(page: Page, url: str, label: str = "Fördersumme") -> str:
    page.goto(url + "/")
    name = page.locator(".kpi-label").get_by_text(label, exact=True)
    return page.locator(".kpi-card").filter(has=name).locator(".kpi-value").inner_text()


def demo_funding_total() -> Decimal:
    with open(DEMO_DIR / "grants.csv", encoding="utf-8", newline="") as fh:
        return sum(Decimal(g["amount"]) for g in csv.DictReader(fh) if g["currency"] in ("", "EUR"))


def test_an_admin_uploads_grants_and_follows_them_to_the_overview_and_the_log(
    watched, data_portal, exports
):
    page = watched.page
    url, instance = data_portal
    password = create_account(instance, "datenadmin", "admin")
    sign_in(page, url, "datenadmin", password, "/admin/daten")
    expect(page.get_by_role("heading", level=1)).to_have_text("Daten hochladen")
    assert_accessible(page)
    assert funding_total(page, url) == format_money_whole(demo_funding_total())

    page.goto(url + "/admin/daten")
    page.get_by_label(re.compile("^Exportdatei")).set_input_files(exports["good"])
    page.get_by_label("Tabelle", exact=True).select_option("grants")
    page.get_by_label("Dezimaltrennzeichen").select_option("komma")
    page.get_by_role("button", name="Hochladen und prüfen").click()
    expect(page).to_have_url(re.compile(r"/admin/daten\?ergebnis=[\w-]+$"))
    outcome = page.locator("#upload-outcome")
    expect(outcome.get_by_role("heading", name="Import erfolgreich")).to_be_visible()
    expect(outcome).to_contain_text("„Förderungen Excel.csv“ ist als neuer Datenstand")
    expect(outcome).to_contain_text("grants: 3 Zeilen")
    newest = page.locator("#upload-versions tbody tr").first
    expect(newest).to_contain_text("aktuell")
    expect(newest).to_contain_text("datenadmin")
    expect(newest).to_contain_text("grants – 3 Zeilen aus Förderungen Excel.csv")
    version = newest.locator("code").inner_text()
    expect(outcome).to_contain_text(version)
    expect(page.locator("#upload-versions tbody tr").nth(1)).to_contain_text("Beispieldaten")
    assert_accessible(page)
    expected = format_money_whole(sum(Decimal(number) for _, number in UPLOADED))
    assert funding_total(page, url) == expected

    # /foerderung's grants download holds exactly the uploaded rows, German numbers, the formula
    # of a title made harmless (CSV: a leading apostrophe; XLSX: text, never a formula).
    page.goto(url + "/foerderung")
    grants = page.locator("#funding-grants")
    with page.expect_download() as info:
        grants.get_by_role("link", name="CSV herunterladen").click()
    text = info.value.path().read_text(encoding="utf-8-sig")
    body = sorted(list(csv.reader(io.StringIO(text), delimiter=";"))[1:])
    assert [(r[0], r[-3:]) for r in body] == [
        ("G1", ["12345,67", "EUR", "01.03.2026"]),
        ("G2", ["1000,00", "EUR", "01.03.2026"]),
        ("G3", ["250,50", "EUR", "01.03.2026"]),
    ]
    assert body[0][1] == "'" + FORMULA_TITLE
    with page.expect_download() as info:
        grants.get_by_role("link", name="Excel herunterladen (XLSX)").click()
    assert info.value.suggested_filename == "foerderungen.xlsx"
    sheet = load_workbook(io.BytesIO(info.value.path().read_bytes())).active
    rows = sorted(sheet.iter_rows(min_row=2, values_only=True), key=lambda r: r[0])
    assert [r[0] for r in rows] == ["G1", "G2", "G3"]
    assert rows[0][1] == FORMULA_TITLE and sheet.cell(row=2, column=2).data_type == "s"
    assert [Decimal(str(r[6])) for r in rows] == [Decimal(n) for _, n in UPLOADED]

    page.goto(url + "/admin/daten")
    page.get_by_label(re.compile("^Exportdatei")).set_input_files(exports["bad"])
    page.get_by_role("button", name="Hochladen und prüfen").click()
    expect(page.get_by_role("heading", name="Import abgelehnt")).to_be_visible()
    expect(page.locator("#upload-outcome")).to_contain_text("2 Probleme gefunden")
    problems = page.get_by_role("table", name="Probleme in „grants.csv“")
    expect(problems.locator("thead")).to_have_text("DateiZeileSpalteWertGrund")
    first = problems.locator("tbody tr").first
    expect(first.locator("td").nth(1)).to_have_text("3")
    expect(first.locator("td").nth(2)).to_have_text("amount")
    expect(first.locator("td").nth(3)).to_have_text("abc")
    expect(first.locator("td").nth(4)).to_contain_text("Kein Geldbetrag")
    expect(page.locator("#upload-versions tbody tr").first).to_contain_text(version)
    assert_accessible(page)
    assert funding_total(page, url) == expected

    page.goto(url + "/admin/protokoll")
    expect(page.get_by_role("heading", level=1)).to_have_text("Protokoll")
    log = page.locator("#audit-table tbody")
    expect(log.locator("tr").first).to_contain_text("Daten importiert")
    expect(log.locator("tr").first).to_contain_text(version)
    expect(log).to_contain_text("Benutzerkonto angelegt")
    assert_accessible(page)
    page.get_by_label("Person").select_option("datenadmin")
    expect(page).to_have_url(re.compile(r"person=datenadmin"))
    page.get_by_label("Art der Änderung").select_option("data.import")
    expect(page).to_have_url(re.compile(r"person=datenadmin&aktion=data.import"))
    expect(page.locator("#audit-status")).to_have_text("1 Eintrag für diese Auswahl.")
    expect(log.locator("tr")).to_have_count(1)
    expect(log).to_contain_text("grants: 3 Zeilen aus „Förderungen Excel.csv“")
    page.get_by_label("Art der Änderung").select_option("user")
    expect(page.locator("#audit-status")).to_have_text(
        "Keine Einträge für diese Auswahl. Bitte Filter lockern."
    )
    page.go_back()
    expect(page.get_by_label("Art der Änderung")).to_have_value("data.import")
    expect(log.locator("tr")).to_have_count(1)
    page.reload()
    expect(page.get_by_label("Person")).to_have_value("datenadmin")
    expect(page.locator("#audit-table tbody tr")).to_have_count(1)


def test_in_english_the_upload_report_and_the_log_speak_english(watched, data_portal, exports):
    page = watched.page
    url, instance = data_portal
    password = create_account(instance, "dataadmin", "admin")
    sign_in(page, url, "dataadmin", password, "/admin/daten")
    page.goto(url + "/admin/daten?lang=en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Upload data")
    page.get_by_label(re.compile("^Export file")).set_input_files(exports["bad"])
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_role("heading", name="Import refused")).to_be_visible()
    problems = page.get_by_role("table", name="Problems in “grants.csv”")
    expect(problems.locator("thead")).to_have_text("FileRowColumnValueReason")
    reasons = problems.locator("tbody tr td:nth-child(5)")
    expect(reasons.first).to_contain_text("Not an amount of money (expected e.g. 63250.00")
    expect(reasons.nth(1)).to_have_text(
        "Reference to nothing: no entry with this value in action_fields.code."
    )
    expect(page.get_by_role("heading", name="Dataset versions")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
    page.goto(url + "/admin/protokoll")
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit log")
    page.get_by_label("Kind of change").select_option("user")
    expect(page.locator("#audit-table tbody")).to_contain_text("User account created")
    assert_accessible(page)


def test_a_curator_reads_the_log_but_gets_no_access_to_uploads(watched, data_portal):
    page = watched.page
    url, instance = data_portal
    password = create_account(instance, "datenkuratorin", "curator")
    sign_in(page, url, "datenkuratorin", password, "/admin/protokoll")
    expect(page.get_by_role("heading", level=1)).to_have_text("Protokoll")
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    expect(nav.get_by_role("link", name="Protokoll")).to_be_visible()
    expect(nav.get_by_role("link", name="Daten", exact=True)).to_have_count(0)
    assert page.request.get(url + "/admin/daten").status == 403
    refused = page.request.post(
        url + "/admin/daten",
        multipart={"file": {"name": "grants.csv", "mimeType": "text/csv", "buffer": b"x"}},
    )
    assert refused.status == 403
