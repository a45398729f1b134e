"""The board pack PDF, slide by slide, as a reader sees it: rendered with pdfium.

Built on the many-meeting fixture warehouse with the Tema page's real charts, its
statements and the saker key figures (what the page's Styrepakke button sends), plus a
worst case of the longest statements the pack takes.  Every slide must have a title in
the top band, a "Kilde:" line at the foot, no text outside the page, and something in
both halves of the space between title and foot.
"""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pytest
from exports_helpers import FILTERS, MADE, builder_pack, tema_pack_pdf
from exports_helpers import statements as sample_statements

from dashboard import db, queries, style
from dashboard.exports import api

TITLE_BAND = 0.22  # top share of the slide where its title sits
FOOT_BAND = 0.85  # the source line starts below this share of the height
INK = 40  # a pixel this much darker than white (any channel) is ink, not background
MIN_INK_SHARE = 0.002  # of a half's pixels: more than a stray rule or one letter


def tema_pack(fixture_db, monkeypatch) -> bytes:
    """The Tema page's pack for all themes and regions, built as its button builds it."""
    monkeypatch.setenv("NAERINGSPULS_DB", str(fixture_db))
    v = db.db_version()
    rows, _ = queries.filtered_statements(v, queries.StatementFilter((), (), None, None), (), (), (),
                                          grain=queries.trend_grain(queries.meeting_dates(v)))
    assert len(rows) > style.PACK_STATEMENTS_PER_SLIDE  # several statement slides
    return tema_pack_pdf(v, made=MADE)


def long_statements_pack() -> bytes:
    """The most the pack takes: full statement slides of statements cut at the longest length."""
    st = sample_statements(style.PACK_MAX_STATEMENTS)
    word = "Kommunen melder om vekst i næringsarealet og nye arbeidsplasser ved Gardermoen "
    # Each one different: the pack takes the same words from the same unit once.
    st["text"] = [f"{i}. " + word * (style.PACK_STATEMENT_CHARS // len(word) + 2) for i in range(len(st))]
    st["unit_name"] = "Nordre Follo kommune og Ås kommune i fellesskap med Vestby kommune"
    st["source_file"] = "referat-fra-faggruppen-for-naeringssamarbeid-2026-03-12-endelig-versjon.pdf"
    return api.export_pack([], st, dict(FILTERS), "pdf", made=MADE)


def five_statements_pack() -> bytes:
    """Five statements: split 3 + 2, never 4 and a lone statement on a half-empty slide."""
    return api.export_pack([], sample_statements(5), dict(FILTERS), "pdf", made=MADE)


@pytest.fixture(scope="module")
def packs(fixture_db) -> dict[str, bytes]:
    mp = pytest.MonkeyPatch()
    try:
        packs = {"tema": tema_pack(fixture_db, mp), "lange-utsagn": long_statements_pack(),
                 "fem-utsagn": five_statements_pack()}
        packs["bygger"] = builder_pack(db.db_version(), "pdf", made=MADE)[0]  # every slide the Styrepakke page offers
        return packs
    finally:
        mp.undo()


def slides(data: bytes):
    """(page number, width, height, [(char, left, bottom, right, top)], grey image array) per page."""
    pdf = pdfium.PdfDocument(data)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            w, h = page.get_size()
            tp = page.get_textpage()
            text = tp.get_text_range()
            chars = [(text[k] if k < len(text) else "", *tp.get_charbox(k)) for k in range(tp.count_chars())]
            img = np.asarray(page.render(scale=1).to_pil().convert("RGB"))
            yield i + 1, w, h, chars, tp, img
    finally:
        pdf.close()


def band_text(tp, w: float, h: float, top_share: float, bottom_share: float) -> str:
    """Text within a horizontal band, shares measured from the top of the page."""
    return tp.get_text_bounded(left=0, bottom=h * (1 - bottom_share), right=w, top=h * (1 - top_share)).strip()


# title, key figures (Tema only), charts, statements (4 per slide at most, spread evenly)
@pytest.mark.parametrize("name,expected_pages", [("tema", 7), ("lange-utsagn", 4), ("fem-utsagn", 3), ("bygger", 12)])
def test_every_slide_has_title_source_text_inside_and_no_empty_half(packs, name, expected_pages):
    problems: list[str] = []
    n_pages = 0
    for n, w, h, chars, tp, img in slides(packs[name]):
        n_pages += 1
        title = band_text(tp, w, h, 0, TITLE_BAND)
        if not title:
            problems.append(f"side {n}: ingen tittel øverst")
        if "Kilde:" not in band_text(tp, w, h, FOOT_BAND - 0.1, 1):
            problems.append(f"side {n}: ingen «Kilde:»-linje nederst")
        outside = [c for c, left, bottom, right, top in chars
                   if c.strip() and (left < 0 or bottom < 0 or right > w or top > h)]  # fmt: skip
        if outside:
            problems.append(f"side {n}: tekst utenfor siden: {''.join(outside)[:60]!r}")
        # Body: between the title band and the foot band; each half must carry ink.
        ih = img.shape[0]
        ink = (255 - img.min(axis=2)) > INK
        body_top, body_bottom = int(ih * TITLE_BAND), int(ih * FOOT_BAND)
        mid = (body_top + body_bottom) // 2
        for label, part in (("øvre", ink[body_top:mid]), ("nedre", ink[mid:body_bottom])):
            if part.mean() < MIN_INK_SHARE:
                problems.append(f"side {n}: {label} halvdel er tom ({part.mean():.4f})")
    assert n_pages == expected_pages
    assert problems == []


def test_tema_pack_has_its_pages_in_order(packs):
    titles = [band_text(tp, w, h, 0, TITLE_BAND) for _, w, h, _, tp, _ in slides(packs["tema"])]
    tops = [band_text(tp, w, h, 0, 0.4) for _, w, h, _, tp, _ in slides(packs["tema"])]
    assert "Styrepakke" in tops[0]  # below the kicker
    assert titles[1].startswith("Nøkkeltall – saker")
    assert titles[2].startswith("Utsagn per tema") and titles[3].startswith("Utsagn per kommune og region")
    assert all(t.startswith("Sentrale utsagn") for t in titles[4:]) and len(titles) == 4 + 3  # 12 statements, 4 a page


def test_text_outside_the_page_is_caught():
    """The check itself: a line set past the right edge is found by its char boxes."""
    from fpdf import FPDF

    pdf = FPDF(orientation="L", unit="mm", format=(190.5, 338.7))
    pdf.add_page()
    pdf.add_font("DejaVu", "", style.FONT_REGULAR_PATH)
    pdf.set_font("DejaVu", "", 20)
    pdf.text(330, 100, "Utenfor kanten")
    (_, w, _, chars, _, _), = list(slides(bytes(pdf.output())))
    assert any(right > w for c, left, bottom, right, top in chars if c.strip())


@pytest.mark.parametrize("n,sizes", [(1, [1]), (4, [4]), (5, [3, 2]), (8, [4, 4]), (9, [3, 3, 3]), (12, [4, 4, 4])])
def test_statements_are_spread_evenly_over_as_few_slides_as_fit(n, sizes):
    from dashboard.exports.pack import build_pack

    pack = build_pack([], sample_statements(n), dict(FILTERS), made=MADE)
    assert [len(page) for page in pack.statement_pages()] == sizes
