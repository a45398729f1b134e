"""End-to-end: corrections made in Chromium survive a forced rebuild (issue #10).

A person corrects a statement's themes under Møter and merges two saker under
Saker; the warehouse is then rebuilt from scratch (``etl build --force``) while the
server keeps running, and the corrections are still the data under Tema, under
Saker and in the downloaded CSV files.

Runs its own server on its own warehouse, minutes folder and corrections file
(everything in tmp), so the shared session database is never written.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import ARTIFACTS, ROOT, start_server, stop_server, wait_for_app
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]

MINUTES = ROOT / "tests" / "fixtures" / "minutes"
SEED = MINUTES / "seed-referat-2025-10-23.txt"
DOCX = MINUTES / "referat-2026-08-26.docx"
BUDGET = "Bekymring for kutt i statsbudsjettet: FOR-region og kompetansesporet foreslått fjernet."
VIKEN = "Viken Park-prosjekt møter økende innvendinger"
PLAN = "Ny fylkesplan med sterk begrensning på næringsarealer – stor motstand"
SAVED = "Rettelsen er lagret og brukt."
STATEMENT_PICKER = "Vis kildelinjene til et utsagn, og rett det"
MERGE_PICKER = "Slå sammen med en annen sak (samme ting)"
SAK_EXPANDER = "Rett saken: tittel, status, slå sammen, flytt en omtale"
LONG = 60_000  # ms: a save rebuilds the warehouse in a child process


@pytest.fixture
def archive(tmp_path):
    """A warehouse built from two fixture minutes, and a server of its own on it."""
    from etl.warehouse.build import build

    raw = tmp_path / "raw"
    raw.mkdir()
    for doc in (SEED, DOCX):
        shutil.copy(doc, raw / doc.name)
    db = tmp_path / "naering.duckdb"
    corrections = tmp_path / "corrections.jsonl"
    assert build(raw, db, corrections=corrections).ok
    server = start_server(db, log=ARTIFACTS / "streamlit-e2e-corrections.log", env={
        "NAERINGSPULS_RAW": str(raw),
        "NAERINGSPULS_CORRECTIONS": str(corrections),
        "NAERINGSPULS_FIRST_CHART_PAUSE": "0",
    })
    try:
        yield server, raw, db, corrections
    finally:
        stop_server(server.process)


def query(db: Path, sql: str, params=None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def download_csv(page, container_key: str) -> list[dict[str, str]]:
    """Click the CSV button of the table whose download row is ``.st-key-<container_key>``; its rows."""
    box = page.locator(f".st-key-{container_key}")
    box.wait_for()
    with page.expect_download(timeout=LONG) as info:
        box.get_by_role("button", name="CSV", exact=True).click()
    download = info.value
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"e2e-rettelser-{download.suggested_filename}"
    download.save_as(path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for Excel"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def settle(page) -> None:
    """Wait until the script run that renders the page has finished (not just begun to draw):
    an open dropdown is closed by elements the run still sends."""
    wait_for_app(page, timeout=LONG)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=LONG)


def open_page(page, url: str) -> None:
    page.goto(url)
    settle(page)
    assert page.locator('[data-testid="stException"]').count() == 0, url


def pick_option(page, label: str, typed: str, option: re.Pattern) -> None:
    """Choose an option of the selectbox labelled ``label`` by typing part of it.

    Should anything still redraw the page and close the open list, it is opened again."""
    box = page.locator(f'input[aria-label="{label}"]')
    choice = page.get_by_role("option", name=option).first
    for attempt in range(3):
        box.click()
        page.keyboard.press("ControlOrMeta+a")
        page.keyboard.type(typed)
        try:
            choice.click(timeout=5_000)
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            settle(page)
            continue
        if option.search(box.input_value()):
            return
    raise AssertionError(f"could not choose {option.pattern!r} in «{label}» (shows {box.input_value()!r})")


def test_corrections_survive_a_forced_rebuild(page, archive, screenshot):
    server, raw, db, corrections = archive
    labels = dict(query(db, "SELECT theme_id, label FROM dim_themes"))
    [(meeting_id,)] = query(db, "SELECT meeting_id FROM v_meetings WHERE source_file = ?", [SEED.name])
    [(viken_id, viken_quote)] = query(
        db, "SELECT s.sak_id, st.text FROM v_saker s JOIN v_statements st ON st.statement_id = s.first_statement_id "
            "WHERE s.title = ?", [VIKEN])
    [(plan_id, plan_quote)] = query(
        db, "SELECT s.sak_id, st.text FROM v_saker s JOIN v_statements st ON st.statement_id = s.first_statement_id "
            "WHERE s.title = ?", [PLAN])
    assert query(db, "SELECT themes FROM v_statements WHERE text = ?", [BUDGET]) == [
        (["kompetanse", "offentlig_okonomi"],)]
    [(n_energi,)] = query(db, "SELECT count(*) FROM v_statements WHERE list_contains(themes, 'energi')")
    [(n_saker,)] = query(db, "SELECT count(*) FROM v_saker")
    try:
        # Before: Tema «Energi og kraft» does not list the budget statement.
        open_page(page, f"{server.url}/tema?tema=energi")
        energi_before = download_csv(page, "tema-utsagn-dl-downloads")
        assert len(energi_before) == n_energi and BUDGET not in [r["Utsagn"] for r in energi_before]
        assert all(labels["energi"] in r["Tema"].split(", ") for r in energi_before)
        assert "Rettet" not in energi_before[0], "nothing is corrected yet"

        # 1. Møter: pick the budget statement and give it the one theme «Energi og kraft».
        open_page(page, f"{server.url}/moter?mote={meeting_id}")
        pick_option(page, STATEMENT_PICKER, "Bekymring for kutt", re.compile(re.escape(BUDGET[:60])))
        page.get_by_text("Rett utsagnet", exact=True).wait_for()
        save = page.get_by_role("button", name=re.compile("Lagre rettelse av utsagnet"))
        save.scroll_into_view_if_needed()  # the whole form in view: the page won't scroll while a list is open
        themes = page.locator('[data-testid="stMultiSelect"]').filter(has=page.locator('input[aria-label="Tema"]'))
        themes.get_by_text(labels["offentlig_okonomi"]).wait_for()
        themes.locator('input[aria-label="Tema"]').click()
        page.keyboard.press("Backspace")
        page.keyboard.press("Backspace")
        page.keyboard.type("Energi")
        page.get_by_role("option", name=labels["energi"], exact=True).click()
        page.keyboard.press("Escape")
        for old in ("kompetanse", "offentlig_okonomi"):
            assert themes.get_by_text(labels[old]).count() == 0, f"{old} is still chosen"
        themes.get_by_text(labels["energi"]).wait_for()
        save.click()
        page.get_by_text(SAVED).wait_for(timeout=LONG)
        screenshot(page, "e2e-rettelser-01-utsagn")

        # 2. Saker: the Viken Park sak is the same thing as the fylkesplan sak.
        open_page(page, f"{server.url}/saker?sak={viken_id}")
        register_before = download_csv(page, "saker-register-dl-downloads")
        assert len(register_before) == n_saker and "Rettet" not in register_before[0]
        assert sorted((r["Sak"], r["Nevnt"]) for r in register_before if r["Sak-ID"] in (viken_id, plan_id)) == [
            (PLAN, "1"), (VIKEN, "1")]
        page.get_by_text(SAK_EXPANDER).click()
        save = page.get_by_role("button", name=re.compile("Lagre rettelse av saken"))
        save.wait_for()
        save.scroll_into_view_if_needed()  # the whole form in view: the page won't scroll while a list is open
        pick_option(page, MERGE_PICKER, "Ny fylkesplan", re.compile("^" + re.escape(PLAN)))
        save.click()
        page.get_by_text(SAVED).wait_for(timeout=LONG)
        screenshot(page, "e2e-rettelser-02-sak")

        # The corrections file holds exactly the two corrections, in order.
        lines = [json.loads(x) for x in corrections.read_text(encoding="utf-8").splitlines()]
        assert [(c["target"], c["action"]) for c in lines] == [("statement", "set_themes"), ("sak", "merge")]
        themes_c, merge_c = lines
        assert (themes_c["value"], themes_c["old"], themes_c["key"]["text"], themes_c["key"]["source_file"]) == (
            ["energi"], ["kompetanse", "offentlig_okonomi"], BUDGET, SEED.name)
        assert (merge_c["key"]["text"], merge_c["other"]["text"]) == (viken_quote, plan_quote)

        # 3. Rebuild from scratch with the server still running; it swaps the database file.
        before = db.stat()
        res = subprocess.run(
            [sys.executable, "-m", "etl", "build", "--force", "--quiet", "--input", str(raw), "--db", str(db),
             "--corrections", str(corrections)],
            cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
        )
        assert res.returncode == 0, res.stdout + res.stderr
        assert "2 corrections applied" in res.stdout, res.stdout
        after = db.stat()
        assert (after.st_ino, after.st_mtime_ns) != (before.st_ino, before.st_mtime_ns), "the file was rebuilt"

        # 4. Tema «Energi og kraft» now lists the budget statement, marked with its original themes.
        open_page(page, f"{server.url}/tema?tema=energi")
        energi_after = download_csv(page, "tema-utsagn-dl-downloads")
        screenshot(page, "e2e-rettelser-03-tema")
        assert len(energi_after) == n_energi + 1
        assert sorted(r["Utsagn"] for r in energi_after) == sorted([r["Utsagn"] for r in energi_before] + [BUDGET])
        [row] = [r for r in energi_after if r["Utsagn"] == BUDGET]
        assert row["Tema"] == labels["energi"]
        assert row["Rettet"] == f"Rettet: Tema var «{labels['kompetanse']}, {labels['offentlig_okonomi']}»"
        assert [r["Rettet"] for r in energi_after if r["Utsagn"] != BUDGET] == [""] * len(energi_before)

        # 5. Saker: one sak where there were two, mentioned twice, marked corrected.
        open_page(page, f"{server.url}/saker")
        register_after = download_csv(page, "saker-register-dl-downloads")
        assert len(register_after) == n_saker - 1
        pair = [r for r in register_after if r["Sak"] in (VIKEN, PLAN)]
        assert len(pair) == 1, pair
        [merged] = pair  # the Viken Park mention joined the fylkesplan sak, which keeps its title
        assert (merged["Sak"], merged["Nevnt"], merged["Rettet"]) == (PLAN, "2", "Rettet")
        assert [r["Rettet"] for r in register_after if r is not merged] == [""] * (n_saker - 2)
        others_before = sorted(r["Sak"] for r in register_before if r["Sak"] not in (VIKEN, PLAN))
        assert sorted(r["Sak"] for r in register_after if r["Sak"] not in (VIKEN, PLAN)) == others_before

        # The merged sak's page tells both mentions and that it was merged.
        open_page(page, f"{server.url}/saker?sak={merged['Sak-ID']}")
        detail = page.locator(".st-key-sak-detalj")
        detail.get_by_text(merged["Sak"], exact=True).first.wait_for()
        detail.get_by_text("Omtaler, eldste først").wait_for()
        nevnt = detail.locator('[data-testid="stMetric"]').filter(has=page.get_by_text("Nevnt", exact=True)).first
        assert nevnt.locator('[data-testid="stMetricValue"]').inner_text().strip() == "2"
        detail.get_by_text(re.compile("slått sammen med en annen sak")).first.wait_for()
        for quote in (viken_quote, plan_quote):
            detail.get_by_text(quote.rstrip(".")).first.wait_for()
        expect(detail.get_by_text(re.compile(r"^Kilde: seed-referat-2025-10-23\.txt, s\. 1, linje \d+$"))).to_have_count(2)
        screenshot(page, "e2e-rettelser-04-sammenslatt")
    except Exception:
        screenshot(page, "e2e-rettelser-feil")
        raise
