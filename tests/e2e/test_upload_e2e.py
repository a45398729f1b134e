"""End-to-end: add a Word and a PDF referat through "Legg til referat" in Chromium.

Runs its own server on a copy of the seed minutes, so uploads never touch data/raw.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ARTIFACTS, ROOT, start_server, stop_server, wait_for_app

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]

MINUTES = ROOT / "tests" / "fixtures" / "minutes"
SEED = ROOT / "data" / "raw" / "referat-faggruppe-naering-2025-10-23.txt"


@pytest.fixture
def upload_server(tmp_path):
    from etl.warehouse.build import build

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    db = tmp_path / "naering.duckdb"
    assert build(raw, db).ok
    server = start_server(db, log=ARTIFACTS / "streamlit-e2e-upload.log", env={"NAERINGSPULS_RAW": str(raw)})
    try:
        yield server, raw
    finally:
        stop_server(server.process)


def test_adding_minutes_in_the_browser(page, upload_server, screenshot):
    server, raw = upload_server
    page.goto(f"{server.url}/legg-til")
    wait_for_app(page)
    files: list[Path] = [MINUTES / "referat-2026-03-18.docx", MINUTES / "referat-2026-01-14.pdf"]
    page.locator("input[type=file]").set_input_files([str(f) for f in files])
    page.get_by_text(re.compile(r"01-14\.pdf$")).first.wait_for()  # staged (the uploader shortens names)
    page.get_by_role("button", name="Legg til og oppdater").click()
    page.get_by_text("lagt til: møtet 14. januar 2026").wait_for(timeout=60_000)
    page.get_by_text("lagt til: møtet 18. mars 2026").wait_for()
    screenshot(page, "e2e-legg-til")
    assert sorted(p.name for p in raw.iterdir()) == sorted([SEED.name] + [f.name for f in files])

    # The link opens the new meeting under Møter, parsed next to its source text.
    page.get_by_role("link", name="Kontroller tolkningen under Møter").first.click()
    page.wait_for_url("**/moter?mote=2026-03-18*")
    wait_for_app(page)
    page.get_by_text("referat-2026-03-18.docx").first.wait_for()

    # Oversikt counts three meetings now, without a restart.
    page.goto(server.url)
    wait_for_app(page)
    figure = page.locator("[data-testid='stMetric']").filter(has_text="Møter").first
    assert figure.locator("[data-testid='stMetricValue']").inner_text().strip() == "3"
