"""End-to-end: click PNG and PowerPoint on /tema?tema=forsvar in Chromium and check the files.

Runs against a server on the bundled seed minutes (what `make run` shows).
"""

from __future__ import annotations

import io
import re

import pytest

from conftest import ARTIFACTS, start_server, stop_server, wait_for_app

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]

FILE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*-\d{4}-\d{2}-\d{2}\.(png|pptx|pdf|svg|csv|xlsx)$")
CITATION = re.compile(r"møtet \d{1,2}\. [a-zæøå]+ \d{4} \(referat s\. \d+\)")  # words a board reads


@pytest.fixture(scope="module")
def seed_app_url(seed_db):
    server = start_server(seed_db, log=ARTIFACTS / "streamlit-e2e-downloads.log")
    try:
        yield server.url
    finally:
        stop_server(server.process)


def _open_tema(page, url: str) -> None:
    page.goto(f"{url}/tema?tema=forsvar")
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot", timeout=30_000)
    page.get_by_role("button", name="PowerPoint").wait_for(timeout=30_000)


def _download(page, name: str):
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=name, exact=True).first.click()
    download = info.value
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"e2e-{download.suggested_filename}"
    download.save_as(path)
    return download.suggested_filename, path


def test_png_download_is_slide_ready(page, seed_app_url, screenshot):
    from PIL import Image

    _open_tema(page, seed_app_url)
    screenshot(page, "e2e-tema-forsvar-downloads")
    name, path = _download(page, "PNG")
    assert FILE_NAME.match(name), name
    assert name.startswith("tema-over-tid-"), name
    im = Image.open(path)
    assert im.format == "PNG" and im.size == (3200, 1800)
    dark = sum(im.convert("L").histogram()[:245])
    assert dark > 50_000, "chart, title and source line are drawn"


def test_powerpoint_download_has_right_titles_filters_and_sources(page, seed_app_url):
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    _open_tema(page, seed_app_url)
    name, path = _download(page, "PowerPoint")
    assert FILE_NAME.match(name) and name.startswith("styrepakke-forsvar-"), name
    prs = Presentation(io.BytesIO(path.read_bytes()))
    slides = list(prs.slides)
    assert len(slides) >= 5, "title, key figures, two charts, statements"

    def texts(slide) -> str:
        return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)

    first = texts(slides[0])
    assert "Styrepakke" in first
    assert "Tema: Forsvar" in first and "Region: Alle" in first
    assert re.search(r"Møte(t|ne) \d{1,2}\. [a-zæøå]+ \d{4}", first), first  # the period in words
    assert "Kilde: referater fra Osloregionens faggruppe for Næringssamarbeid" in first

    # The register's counts for the view (forsvar in the seed: Chemring Nobel's possible factory).
    assert slides[1].shapes.title.text == "Nøkkeltall – saker"
    assert "Etableringer\n1\n" in texts(slides[1]) and "Saker i alt\n1\n" in texts(slides[1]), texts(slides[1])

    chart_titles = [s.shapes.title.text for s in slides[2:4]]
    assert chart_titles[0].startswith("Utsagn om forsvar") and chart_titles[0].endswith("per møte"), chart_titles
    assert chart_titles[1] == "Utsagn per kommune og region"
    for slide in slides[2:4]:
        # Bars are native PowerPoint charts; what PowerPoint cannot draw is a picture.
        assert [s for s in slide.shapes if s.has_chart or s.shape_type == MSO_SHAPE_TYPE.PICTURE], "chart"
        body = texts(slide)
        assert "Tema: Forsvar" in body
        assert "Kilde: referater fra Osloregionens faggruppe for Næringssamarbeid" in body

    # The statements close the pack, after however many charts the page sends.
    first_statements = next(i for i, s in enumerate(slides) if s.shapes.title.text.startswith("Sentrale utsagn"))
    assert first_statements >= 4
    statement_text = "\n".join(texts(s) for s in slides[first_statements:])
    assert all(s.shapes.title.text.startswith("Sentrale utsagn") for s in slides[first_statements:])
    assert CITATION.search(statement_text), statement_text[:500]
