"""The downloads of /foerderung in a real browser, after an admin uploaded a grants export: the
files hold exactly the filtered rows, German numbers, and a title that looks like a formula comes
out harmless (CSV: a leading apostrophe; XLSX: a text cell, never a formula).

The upload changes the data, so this runs against a portal of its own (its own INSTANCE_DIR). The
filters are set through /foerderung's URL parameters, not its controls.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from dashboard.tables import FORMULA_START
from tests.browser.conftest import PageWatch, create_account, own_portal, sign_in, watching
from tests.test_ingest import GRANTS_HEADER, csv_bytes, grant

# (id, title, action field, award date, amount as German Excel writes it, the amount)
GRANTS = (
    ("G1", '=HYPERLINK("http://x","y")', "AP", "01.03.2026", "1.234,56", "1234.56"),
    ("G2", "+SUM(A1)", "AP", "15.06.2026", "10.000,00", "10000.00"),
    ("G3", "@cmd", "AP", "30.09.2026", "0,50", "0.50"),
    ("G4", "-1+2", "AP", "01.03.2025", "500,00", "500.00"),  # another year
    ("G5", "Kita-Ausflug", "KJF", "01.03.2026", "99,99", "99.99"),  # another field
)
FILTER = "feld=AP&von=2026&bis=2026"
FILTERED = {"G1", "G2", "G3"}


@pytest.fixture(scope="module")
def downloads_portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    yield from own_portal(tmp_path_factory, "downloads-portal")


@pytest.fixture
def watched(page: Page, downloads_portal: tuple[str, Path]) -> Iterator[PageWatch]:
    yield from watching(page, downloads_portal[0])


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A German Excel grants export on disk (`;`, decimal comma, dotted dates, Windows-1252)."""
    path = tmp_path_factory.mktemp("export") / "Förderungen.csv"
    rows = [GRANTS_HEADER] + [
        grant(int(gid[1:]), title=title, action_field=field, award_date=day, amount=amount)
        for gid, title, field, day, amount, _ in GRANTS
    ]
    path.write_bytes(csv_bytes(rows, delimiter=";", newline="\r\n").encode("cp1252"))
    return path


def test_filtered_downloads_hold_exactly_the_rows_german_numbers_and_no_formula(
    watched, downloads_portal, export
):
    page = watched.page
    url, instance = downloads_portal
    password = create_account(instance, "downloadadmin", "admin")
    sign_in(page, url, "downloadadmin", password, "/admin/daten")
    page.get_by_label(re.compile("^Exportdatei")).set_input_files(export)
    page.get_by_label("Tabelle", exact=True).select_option("grants")
    page.get_by_label("Dezimaltrennzeichen").select_option("komma")
    page.get_by_role("button", name="Hochladen und prüfen").click()
    outcome = page.locator("#upload-outcome")
    expect(outcome.get_by_role("heading", name="Import erfolgreich")).to_be_visible()
    expect(outcome).to_contain_text(f"grants: {len(GRANTS)} Zeilen")

    page.goto(f"{url}/foerderung?{FILTER}")
    grants = page.locator("#funding-grants")
    expect(page.get_by_text(f"{len(FILTERED)} Förderungen in dieser Auswahl.")).to_be_visible()
    expect(grants.locator("tbody tr")).to_have_count(len(FILTERED))
    shown = set(grants.locator("tbody tr td:first-child").all_inner_texts())
    assert shown == FILTERED

    with page.expect_download() as info:
        grants.get_by_role("link", name="CSV herunterladen").click()
    raw = info.value.path().read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: German Excel reads the umlauts
    header, *body = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(header) > 5  # `;` separates the columns (German Excel's list separator)
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    assert len(body) == len(by_id) and set(by_id) == FILTERED
    expected = {gid: (title, amount, day) for gid, title, _, day, amount, _ in GRANTS}
    for gid, row in by_id.items():
        title, amount, day = expected[gid]
        assert row["Titel"] == "'" + title  # starts with ' : Excel shows it, never runs it
        # German numbers: a decimal comma, no point (Excel reads 1234,56 as a number).
        assert row["Betrag"] == amount.replace(".", ""), row
        assert row["Bewilligt am"] == day
    assert not [cell for row in body for cell in row if cell.startswith(FORMULA_START)]

    with page.expect_download() as info:
        grants.get_by_role("link", name="Excel herunterladen (XLSX)").click()
    sheet = load_workbook(io.BytesIO(info.value.path().read_bytes())).active
    names = [cell.value for cell in sheet[1]]
    title_col, amount_col = names.index("Titel") + 1, names.index("Betrag") + 1
    cells = {
        sheet.cell(row=r, column=1).value: (
            sheet.cell(row=r, column=title_col),
            sheet.cell(row=r, column=amount_col),
        )
        for r in range(2, sheet.max_row + 1)
    }
    assert set(cells) == FILTERED and sheet.max_row - 1 == len(FILTERED)
    numbers = {gid: Decimal(number) for gid, *_, number in GRANTS}
    for gid, (title, amount) in cells.items():
        assert title.data_type == "s" and title.value == expected[gid][0]  # text, not a formula
        assert amount.data_type == "n" and Decimal(str(amount.value)) == numbers[gid]
