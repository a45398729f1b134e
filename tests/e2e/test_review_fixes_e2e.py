"""End-to-end in Chromium: the review's small fixes (issue #11, point 9).

* Oversikt never shows "nan" for a sak without a unit;
* two themes download under different file names, and a long board-pack name ends on a whole word;
* a chart PDF is titled after the chart (not Chromium's "Kaleido-fier");
* at 1440×900 the key figures and the top of the map are above the fold.

One server on a copy of the many-meetings warehouse in which one sak of the latest meeting has
lost its unit (as a sak nobody could place has: NULL unit, kind and kommune).
"""

from __future__ import annotations

import io
import re
import shutil

import duckdb
import pytest
from conftest import ARTIFACTS, start_server, stop_server, wait_for_app

from dashboard.exports.naming import slugify
from etl.vocab import SAK_KIND_LABELS

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]

DATE = r"\d{4}-\d{2}-\d{2}"


@pytest.fixture(scope="module")
def review(fixture_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("review-db") / "naering.duckdb"
    shutil.copy(fixture_db, db)
    with duckdb.connect(str(db)) as con:
        mid, day = con.execute("SELECT meeting_id, meeting_date FROM v_meetings WHERE meeting_date IS NOT NULL "
                               "ORDER BY meeting_date DESC, meeting_id DESC LIMIT 1").fetchone()
        # A sak of the latest meeting without figures, so its caption is just kind · [unit ·] change.
        sak_id, kind, title, first = con.execute(
            "SELECT sak_id, kind, title, first_mentioned FROM v_saker WHERE jobs IS NULL AND amount_nok IS NULL "
            "AND area_daa IS NULL AND sak_id IN (SELECT sak_id FROM v_sak_mentions WHERE meeting_id = ?) "
            "ORDER BY sak_id LIMIT 1", [mid]).fetchone()
        con.execute("UPDATE saker SET unit_name = NULL, unit_kind = NULL, kommunenummer = NULL WHERE sak_id = ?",
                    [sak_id])
        n_with_unit = con.execute("SELECT count(*) FROM v_saker WHERE unit_name IS NOT NULL").fetchone()[0]
        last = con.execute("SELECT max(meeting_date) FROM v_meetings").fetchone()[0]
    assert n_with_unit > 0, "the unit column mixes names and NULLs, as pandas turns into NaN"
    server = start_server(db, log=ARTIFACTS / "streamlit-e2e-review.log")
    try:
        yield {"url": server.url, "title": title, "kind": kind, "new": first == day, "last": last}
    finally:
        stop_server(server.process)


def _open(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)


def _download(page, name: str, nth: int = 0):
    with page.expect_download(timeout=90_000) as info:
        page.get_by_role("button", name=name, exact=True).nth(nth).click()
    download = info.value
    path = ARTIFACTS / f"e2e-review-{download.suggested_filename}"
    ARTIFACTS.mkdir(exist_ok=True)
    download.save_as(path)
    return download.suggested_filename, path


def test_a_sak_without_unit_shows_no_nan_on_oversikt(page, review, screenshot):
    _open(page, review["url"])
    heading = page.get_by_text(review["title"], exact=True).first
    heading.wait_for()
    captions = page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').all_inner_texts()
    assert captions and not [c for c in captions if "nan" in c.split(" · ")], captions
    # The caption right under the sak's title names its kind and what changed, and no unit.
    box = page.locator('[data-testid="stVerticalBlock"]', has=heading).last
    line = box.locator('[data-testid="stCaptionContainer"]').first.inner_text()
    expected = f"{SAK_KIND_LABELS[review['kind']]} · {'ny sak' if review['new'] else 'nevnt igjen'}"
    assert line == expected or (not review["new"] and line.startswith(SAK_KIND_LABELS[review["kind"]] + " · ")), line
    screenshot(page, "e2e-review-oversikt-sak-without-unit")


def test_two_themes_download_under_their_own_names(page, review):
    names = {}
    for theme, label in (("forsvar", "Forsvar og forsvarsindustri"), ("naeringsarealer", "Næringsarealer")):
        _open(page, f"{review['url']}/tema?tema={theme}")
        page.get_by_role("button", name="PNG", exact=True).first.wait_for(timeout=30_000)
        name, path = _download(page, "PNG")
        assert name == f"tema-over-tid-{slugify(label)}-{review['last']:%Y-%m-%d}.png", name
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        names[theme] = name
    assert names["forsvar"] != names["naeringsarealer"]


def test_chart_pdf_is_titled_after_the_chart(page, review):
    from pypdf import PdfReader

    _open(page, f"{review['url']}/tema?tema=forsvar")
    title = page.locator('[data-testid="stMain"] h3').first.inner_text().strip()
    assert title.startswith("Utsagn om forsvar"), title
    name, path = _download(page, "PDF")
    assert re.fullmatch(rf"tema-over-tid-forsvar-og-forsvarsindustri-{DATE}\.pdf", name), name
    meta = PdfReader(io.BytesIO(path.read_bytes())).metadata
    assert meta.title == title and "Kaleido" not in str(meta.title)
    assert meta.subject.startswith("Tema: Forsvar og forsvarsindustri · Region: Alle · Periode: ")
    assert meta.author == "Næringspuls"


def test_a_long_board_pack_name_ends_on_a_whole_word(page, review):
    themes = ["forsvar", "naeringsarealer", "datasenter", "energi", "reiseliv", "kompetanse"]
    _open(page, f"{review['url']}/tema?tema={','.join(themes)}")
    page.get_by_role("button", name="PowerPoint").wait_for(timeout=30_000)
    name, path = _download(page, "PowerPoint")
    assert path.stat().st_size > 10_000
    # Whole theme names, then "mfl" (med flere) and a hash of the whole view; never "…-energi-og".
    m = re.fullmatch(rf"(styrepakke-[a-z0-9-]+)-mfl-[0-9a-f]{{6}}-{DATE}\.pptx", name)
    assert m and len(m.group(1)) + len("-mfl-123456") <= 80, name
    labels = ["Forsvar og forsvarsindustri", "Næringsarealer", "Datasentre", "Energi og kraft",
              "Reiseliv og opplevelser", "Kompetanse og arbeidskraft"]
    kept = m.group(1).removeprefix("styrepakke-")
    whole = ["-".join(slugify(x) for x in labels[:n]) for n in range(1, len(labels))]
    assert kept in whole, (kept, whole)


def test_key_figures_and_map_above_the_fold_at_1440x900(browser, review, screenshot):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="nb-NO", timezone_id="Europe/Oslo")
    try:
        pg = context.new_page()
        _open(pg, review["url"])
        pg.locator('[data-testid="stMetric"]').nth(7).wait_for()
        box = pg.evaluate("""() => {
            const metrics = [...document.querySelectorAll('[data-testid="stMetric"]')];
            const plot = document.querySelector('.js-plotly-plot');
            const map = plot.querySelector('.geolayer, .cartesianlayer .plot, .bglayer');
            return {metrics: metrics.length, figures: Math.max(...metrics.map(m => m.getBoundingClientRect().bottom)),
                    plot: plot.getBoundingClientRect().top, map: (map || plot).getBoundingClientRect().top,
                    label: plot.closest('[data-testid="stVerticalBlock"]').innerText.slice(0, 40),
                    scrolled: window.scrollY};
        }""")
        screenshot(pg, "e2e-review-oversikt-1440x900", full_page=False)
        assert box["metrics"] == 8 and box["scrolled"] == 0
        assert box["label"].startswith("Aktivitet per kommune og region"), box
        assert box["figures"] <= 900, box
        # Not just the chart's frame: its top ~quarter (legend and the northern markers) is in view.
        assert box["plot"] <= 900 - 150 and box["map"] <= 900 - 100, box
    finally:
        context.close()
