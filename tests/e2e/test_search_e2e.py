"""End-to-end (issue #11, point 8): Søk finds Norwegian word forms, marks the hits and offers the theme."""

from __future__ import annotations

import re

import duckdb
import pytest
from playwright.sync_api import expect

from conftest import wait_for_app

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]


def expected_counts(db) -> tuple[int, int]:
    """(statements containing "datasenter" literally, those containing any word form with its stem)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        literal = con.execute("SELECT count(*) FROM mart_statements WHERE contains(search_text, 'datasenter')").fetchone()[0]
        forms = [w for (w,) in con.execute("SELECT word FROM mart_search_vocab WHERE stem = 'datasent'").fetchall()]
        stemmed = con.execute(
            "SELECT count(*) FROM mart_statements WHERE contains(search_text, 'datasenter') "
            "OR list_bool_or([contains(search_text, f) FOR f IN $forms])", {"forms": forms}).fetchone()[0]
    finally:
        con.close()
    return literal, stemmed


def test_search_finds_word_forms_marks_hits_and_offers_the_theme(page, app_url, app_db, screenshot):
    literal, stemmed = expected_counts(app_db)
    assert stemmed > literal > 0, "the fixture archive has datasentre besides datasenter"

    page.goto(app_url + "/sok?q=datasenter")
    wait_for_app(page)
    # Every statement with any form is counted, not only those with the literal word.
    page.get_by_text(re.compile(rf"^(Viser \d+ av )?{stemmed} utsagn")).first.wait_for()

    # The newest hits, with the words marked: bold on a coloured background, never raw markup.
    hits = page.locator(".st-key-sok-utdrag")
    hits.wait_for()
    marked = [m.inner_text().strip() for m in hits.locator("strong").all()]
    assert marked and all(re.search(r"datasent", m, re.IGNORECASE) for m in marked), marked
    assert any("datasenter" not in m.lower() for m in marked), f"no other word form marked: {marked}"
    background = hits.locator("strong").first.evaluate(
        "e => getComputedStyle(e.closest('span') || e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
    text = hits.inner_text()
    assert "**" not in text and "orange-background" not in text and "\\" not in text

    # The query names a theme: the page offers its filter, and the button sets it.
    page.get_by_text("Vil du se temaet Datasentre?").wait_for()
    screenshot(page, "sok-datasenter")
    page.get_by_role("button", name="Vis temaet Datasentre").click()
    page.wait_for_url(re.compile(r"tema=datasenter"))
    wait_for_app(page)
    # The Tema filter is found by its label: other multiselects on the page may mention "Tema".
    tema = page.locator('[data-testid="stMultiSelect"]').filter(has=page.locator('input[aria-label="Tema"]'))
    expect(tema).to_contain_text("Datasentre")
    assert page.get_by_text("Vil du se temaet Datasentre?").count() == 0
