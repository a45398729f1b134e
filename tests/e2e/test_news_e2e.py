"""End-to-end in Chromium: "Siden forrige møte" on Oversikt (issue #11, point 7) shows the latest
meeting's saker in groups with a summary line, and its PDF download is one A4 page."""

from __future__ import annotations

import re

import pytest
from conftest import ARTIFACTS, wait_for_app
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]


def test_oversikt_groups_the_news_and_downloads_one_page(page, app_url, screenshot):
    page.goto(app_url)
    wait_for_app(page)
    heading = page.get_by_role("heading", name=re.compile(r"^Siden forrige møte – \d+\. \w+ \d{4}"))
    heading.wait_for(timeout=30_000)
    heading.scroll_into_view_if_needed()
    main = page.locator('[data-testid="stMain"]')
    # The fixture warehouse's latest meeting: 2 new saker, 1 status change, 1 closure of 70 jobs.
    main.get_by_text("2 nye saker · 1 statusendring · 1 nedleggelse (70 arbeidsplasser)", exact=False).wait_for()
    for group in ("Nye saker (2)", "Endret status (1)", "Nedleggelser (1)"):
        expect(main.get_by_text(group, exact=True)).to_have_count(1)
    assert main.get_by_text("Nytt næringsareal", exact=False).count() == 0  # an empty group is not shown
    # The links come in a later delta than the group headings: wait for all four, do not count at once.
    expect(main.get_by_role("link", name=re.compile("Åpne saken"))).to_have_count(4, timeout=30_000)
    screenshot(page, "e2e-news-oversikt")

    with page.expect_download(timeout=90_000) as info:
        page.get_by_role("button", name=re.compile("Last ned som PDF")).click()
    download = info.value
    name = download.suggested_filename
    assert re.fullmatch(r"siden-forrige-mote-\d{4}-\d{2}-\d{2}\.pdf", name), name
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"e2e-{name}"
    download.save_as(path)
    reader = PdfReader(path)
    text = " ".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1
    assert text.startswith("Siden forrige møte – ") and "Nedleggelser (1)" in text
