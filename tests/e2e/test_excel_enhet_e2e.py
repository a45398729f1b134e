"""End-to-end (issue #11, points 4 and 6): sub-regions on Enhet, and an Excel file that sums, in Chromium.

``/enhet?enhet=Follo`` must show the region Follo (never Nordre Follo) as the sum of its
members and itself; its per-member table, downloaded as Excel, must be an Excel table of
numbers and dates whose "Antall utsagn" adds up to the page's figure; Vestregionen,
which never reports under its own name, must be reachable from the selector.
"""

from __future__ import annotations

import io
import re
import urllib.parse

import duckdb
import pytest
from conftest import ARTIFACTS, wait_for_app
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]

FOLLO = ["Nordre Follo", "Nesodden", "Frogn", "Vestby", "Ås", "Enebakk"]
VESTREGIONEN = ["Bærum", "Asker", "Drammen", "Lier", "Øvre Eiker"]
SELECTOR = "Kommune eller region"


def region_count(db, members: list[str], region: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT count(*) FROM mart_statements WHERE (unit_kind = 'kommune' AND list_contains($m, unit_name))"
            " OR (unit_kind = 'region' AND unit_name = $r)", {"m": members, "r": region}).fetchone()[0]


def metric(page, label: str) -> int:
    box = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return int(re.sub(r"\D", "", box.locator('[data-testid="stMetricValue"]').inner_text()))


def chosen(page) -> str:
    return page.locator(f'input[aria-label="{SELECTOR}"]').input_value()


def test_follo_is_the_region_and_its_excel_breakdown_sums(page, app_url, app_db, screenshot):
    from openpyxl import load_workbook

    page.goto(f"{app_url}/enhet?enhet=Follo")
    wait_for_app(page)
    page.get_by_text("Per medlemskommune").first.wait_for()
    assert chosen(page) == "Follo (region)", "never silently Nordre Follo"
    assert urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["enhet"] == ["Follo"]
    n = region_count(app_db, FOLLO, "Follo")
    assert n > 0 and metric(page, "Utsagn") == n
    screenshot(page, "e2e-enhet-follo")

    buttons = page.locator(".st-key-enhet-medlemmer-dl-downloads")
    with page.expect_download(timeout=60_000) as info:
        buttons.get_by_role("button", name="Excel", exact=True).click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    path = ARTIFACTS / f"e2e-{download.suggested_filename}"
    download.save_as(path)

    wb = load_workbook(io.BytesIO(path.read_bytes()))
    ws = wb["Data"]
    header = [c.value for c in ws[1]]
    assert header == ["Enhet", "Type", "Antall utsagn", "Møter med rapport", "Arbeidsplasser", "Beløp (kr)",
                      "Sist rapportert"]
    assert list(ws.tables) == ["Data"] and ws.tables["Data"].ref == f"A1:G{len(FOLLO) + 2}"
    assert not ws.merged_cells.ranges and ws.freeze_panes == "A2"
    rows = [dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]
    assert rows[0]["Enhet"] == "Follo" and rows[0]["Type"] == "Regionen selv"
    assert {r["Enhet"] for r in rows[1:]} == set(FOLLO)
    assert all(isinstance(r["Antall utsagn"], int) for r in rows), "counts are numbers, not text"
    assert sum(r["Antall utsagn"] for r in rows) == n, "the page's figure is the sum of the rows"
    nordre = next(r for r in rows if r["Enhet"] == "Nordre Follo")
    assert isinstance(nordre["Arbeidsplasser"], int) and nordre["Sist rapportert"].year >= 2024
    col = {h: ws.cell(1, i + 1).column_letter for i, h in enumerate(header)}
    assert ws[f"{col['Sist rapportert']}3"].number_format == "DD.MM.YYYY" and ws[f"{col['Sist rapportert']}3"].is_date
    assert ws[f"{col['Arbeidsplasser']}3"].number_format == "#,##0"
    about = [(r[0], r[1]) for r in wb["Om uttrekket"].iter_rows(values_only=True)]
    start = [a for a, _ in about].index("Kolonne") + 1
    assert [a for a, _ in about[start:]] == header, "Om uttrekket lists exactly the columns of Data"


def test_vestregionen_is_reachable_from_the_selector(page, app_url, app_db):
    page.goto(f"{app_url}/enhet?enhet=Asker")
    wait_for_app(page)
    box = page.locator(f'input[aria-label="{SELECTOR}"]')
    option = page.get_by_role("option", name=re.compile(r"^Vestregionen \(region\)$"))
    for _ in range(3):  # a rerun may close the open list; open it again
        box.click()
        page.keyboard.type("Vestreg")
        try:
            option.first.click(timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            wait_for_app(page)
    page.wait_for_url(re.compile(r"enhet=Vestregionen"), timeout=30_000)
    wait_for_app(page)
    page.get_by_text("Per medlemskommune").first.wait_for()
    assert chosen(page) == "Vestregionen (region)"
    assert metric(page, "Utsagn") == region_count(app_db, VESTREGIONEN, "Vestregionen") > 0
    assert page.locator('[data-testid="stException"]').count() == 0
