"""End-to-end: put a board pack together on /styrepakke in Chromium and open the PowerPoint.

Two slides are added (the trend per region, then the key figures), the first gets its own
title and comment, two statements are ticked in the table, and the downloaded pptx must
carry exactly that: the slides in that order with those words, and the two statements
with citations in words.
"""

from __future__ import annotations

import io
import re
import time

import pytest
from conftest import ARTIFACTS, wait_for_app
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]

LONG = 60_000
SLIDES_LABEL = "Lysbilder, i den rekkefølgen de skal komme"
TITLE = "Regionene driver veksten"
COMMENT = "Follo og Romerike står for mesteparten av økningen siden i fjor."
CITATION = re.compile(r"^(.+), møtet \d{1,2}\. [a-zæøå]+ \d{4} \(referat s\. \d+\)$")


def settle(page) -> None:
    wait_for_app(page, timeout=LONG)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=LONG)


def add_slide(page, typed: str, option: str) -> None:
    box = page.locator(f'input[aria-label="{SLIDES_LABEL}"]')
    for _ in range(3):
        box.click()
        page.keyboard.type(typed)
        try:
            page.get_by_role("option", name=option, exact=True).click(timeout=5_000)
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            settle(page)
            continue
        page.keyboard.press("Escape")
        settle(page)
        return
    raise AssertionError(f"could not add {option!r}")


def tick_rows(page, rows: list[int]) -> None:
    """Tick rows of the statements grid by its row-selection column (the grid is a canvas)."""
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    row_h = 35  # Streamlit's data grid: header and rows 35 px
    for r in rows:
        page.mouse.click(box["x"] + 16, box["y"] + row_h * (r + 1) + row_h / 2)
        settle(page)


def test_builder_makes_the_pack_the_user_put_together(page, app_url, screenshot):
    from pptx import Presentation

    page.set_viewport_size({"width": 1440, "height": 1400})
    page.goto(f"{app_url}/styrepakke")
    settle(page)
    assert page.locator('[data-testid="stException"]').count() == 0

    add_slide(page, "Trend per region", "Trend per region")
    add_slide(page, "Nøkkeltall", "Nøkkeltall for sakene")
    first = page.locator(".st-key-styrepakke-lysbilde-trend-region")
    first.locator('input[aria-label="Tittel"]').fill(TITLE)
    first.locator('input[aria-label="Tittel"]').press("Enter")
    settle(page)
    comment = first.locator('textarea[aria-label="Kommentar"]')
    comment.fill(COMMENT)
    comment.press("Tab")  # a text area commits when it loses focus
    settle(page)

    tick_rows(page, [0, 2])
    picked = page.locator('[data-testid="stMultiSelect"]').filter(
        has=page.locator('input[aria-label="Valgte utsagn (i denne rekkefølgen)"]'))
    deadline = time.monotonic() + LONG / 1000
    while True:  # the picked statements appear as tags "Unit: text"
        tags = [line for line in picked.inner_text().split("\n") if ": " in line]
        if len(tags) == 2 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert len(tags) == 2, picked.inner_text()
    chosen_units = [t.split(":")[0].strip() for t in tags]
    screenshot(page, "e2e-styrepakke-bygger")

    with page.expect_download(timeout=120_000) as info:
        page.locator(".st-key-styrepakke-knapper").get_by_role("button", name="PowerPoint", exact=True).click()
    download = info.value
    assert re.fullmatch(r"styrepakke-[a-z0-9-]*\d{4}-\d{2}-\d{2}\.pptx", download.suggested_filename)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "e2e-styrepakke-bygger.pptx"
    download.save_as(path)
    prs = Presentation(io.BytesIO(path.read_bytes()))
    slides = list(prs.slides)

    def texts(slide) -> list[str]:
        return [s.text_frame.text for s in slide.shapes if s.has_text_frame]

    assert [s.shapes.title.text for s in slides] == ["Styrepakke", TITLE, "Nøkkeltall – saker", "Sentrale utsagn"]
    assert COMMENT in texts(slides[1])
    assert any(s.shape_type == 13 for s in slides[1].shapes), "the trend with its mean line is a picture"
    citations = [t for t in texts(slides[3]) for line in t.split("\n") if CITATION.match(line)]
    lines = [line for t in citations for line in t.split("\n") if CITATION.match(line)]
    assert len(lines) == 2, texts(slides[3])
    assert [CITATION.match(line).group(1).removesuffix(" kommune") for line in lines] == \
        [u.removesuffix(" kommune") for u in chosen_units]
