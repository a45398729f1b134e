"""The PowerPoint board pack as a reader sees it: converted by LibreOffice, rasterised by pdftoppm.

Built on the many-meeting fixture warehouse with every slide the Styrepakke page offers
(map, heatmap, key figures, trends, the saker table …) and hand-picked statements, plus a
worst case of long statements and titles under an organisation template.  For every slide:
a title, a "Kilde:" line at the foot, no text outside the slide (neither a shape's box in the
pptx nor ink in a margin strip of the rendered image) and ink in both halves of the body.
``make test`` installs LibreOffice (libreoffice-impress) and poppler-utils (pdftoppm).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import numpy as np
import pytest
from exports_helpers import MADE, builder_pack
from exports_helpers import statements as sample_statements
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches
from test_pack_slides import (
    FOOT_BAND,
    INK,
    MIN_INK_SHARE,
    TITLE_BAND,
    band_text,
    slides,
)

from dashboard import db, organisation, pack_slides, style
from dashboard.exports import api

TITLE_BAND_IN = 0.25  # the title slide's colour band (pptx_pack)
MARGIN_STRIP = 0.012  # of the width/height at each edge: the slide's outer margin carries no ink
DPI = 50

pytestmark = pytest.mark.xdist_group("libreoffice")  # one soffice at a time on two cores


def to_pdf(pptx: bytes, tmp: Path) -> bytes:
    """The pptx as LibreOffice prints it (its own profile dir, so parallel runs never share one)."""
    src = tmp / "pakke.pptx"
    src.write_bytes(pptx)
    subprocess.run(
        [shutil.which("soffice") or "soffice", "--headless", f"-env:UserInstallation=file://{tmp / 'lo-profile'}",
         "--convert-to", "pdf", "--outdir", str(tmp), str(src)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    return (tmp / "pakke.pdf").read_bytes()


def rasterise(pdf: bytes, tmp: Path) -> list[np.ndarray]:
    (tmp / "pakke-r.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(tmp / "pakke-r.pdf"), str(tmp / "side")], check=True,
                   capture_output=True, timeout=120)  # fmt: skip
    return [np.asarray(Image.open(p).convert("RGB")) for p in sorted(tmp.glob("side-*.png"))]


def worst_case_pack(tmp: Path, monkeypatch) -> bytes:
    """Long statements, a long title and comment, an organisation with a logo and a long footer."""
    logo = tmp / "logo.png"
    Image.new("RGB", (600, 200), "#7A1F5C").save(logo)
    template = tmp / "org.toml"
    template.write_text(f'[organisation]\nname = "Follo næringsråd <b>&amp;</b>"\nlogo = "{logo}"\n'
                        f'primary_colour = "#7A1F5C"\naccent_colour = "#C05500"\nfooter = "{"Intern " * 25}"\n',
                        encoding="utf-8")  # fmt: skip
    monkeypatch.setenv(organisation.ENV, str(template))
    st = sample_statements(style.PACK_MAX_STATEMENTS)
    word = "Kommunen melder om vekst i næringsarealet og nye arbeidsplasser ved Gardermoen "
    st["text"] = [f"{i}. " + word * (style.PACK_STATEMENT_CHARS // len(word) + 2) for i in range(len(st))]
    st["unit_name"] = "Nordre Follo kommune og Ås kommune i fellesskap med Vestby kommune"
    return api.export_pack([], st, {"Tema": "Forsvar og forsvarsindustri, næringsarealer, datasentre"}, "pptx",
                           made=MADE)  # fmt: skip


@pytest.fixture(scope="module")
def packs(fixture_db, tmp_path_factory) -> dict[str, tuple[bytes, bytes, list[np.ndarray]]]:
    mp = pytest.MonkeyPatch()
    out = {}
    try:
        mp.setenv("NAERINGSPULS_DB", str(fixture_db))
        full, _ = builder_pack(db.db_version(), "pptx", made=MADE)
        worst = worst_case_pack(tmp_path_factory.mktemp("org"), mp)
        for name, pptx in (("bygger", full), ("lange-utsagn", worst)):
            tmp = tmp_path_factory.mktemp(name)
            pdf = to_pdf(pptx, tmp)
            out[name] = (pptx, pdf, rasterise(pdf, tmp))
        return out
    finally:
        mp.undo()


@pytest.mark.parametrize("name,expected", [("bygger", 1 + len(pack_slides.SLIDES) + 2), ("lange-utsagn", 1 + 3)])
def test_every_rendered_slide_has_title_source_nothing_outside_and_no_empty_half(packs, name, expected):
    pptx, pdf, images = packs[name]
    prs = Presentation(io.BytesIO(pptx))
    assert len(prs.slides) == len(images) == expected
    problems: list[str] = []
    for n, (slide, (_, w, h, chars, tp, _), img) in enumerate(zip(prs.slides, slides(pdf), images, strict=True), 1):
        if not (slide.shapes.title is not None and slide.shapes.title.text.strip()):
            problems.append(f"side {n}: ingen tittel i lysbildet")
        if not band_text(tp, w, h, 0, 0.4 if n == 1 else TITLE_BAND):
            problems.append(f"side {n}: ingen tittel øverst i bildet")
        if "Kilde:" not in band_text(tp, w, h, FOOT_BAND - 0.1, 1):
            problems.append(f"side {n}: ingen «Kilde:»-linje nederst")
        for shape in slide.shapes:  # every box inside the slide
            if shape.left < 0 or shape.top < 0 or shape.left + shape.width > prs.slide_width \
                    or shape.top + shape.height > prs.slide_height:
                problems.append(f"side {n}: «{shape.name}» går utenfor lysbildet")
        outside = [c for c, left, bottom, right, top in chars if c.strip() and (left < 0 or bottom < 0 or right > w or top > h)]
        if outside:
            problems.append(f"side {n}: tekst utenfor siden: {''.join(outside)[:60]!r}")
        ink = (255 - img.min(axis=2)) > INK
        ih, iw = ink.shape
        my, mx = max(2, int(ih * MARGIN_STRIP)), max(2, int(iw * MARGIN_STRIP))
        # The title slide's colour band runs to the edges by design: its strips start below it.
        band = int(ih * TITLE_BAND_IN / style.SLIDE_HEIGHT_IN) + 1 if n == 1 else 0
        strips = {"venstre": ink[band:, :mx], "høyre": ink[band:, -mx:], "nederste": ink[-my:, :],
                  "øverste": ink[band:band + my, :]}
        for edge, strip in strips.items():
            if strip.any():
                problems.append(f"side {n}: blekk i {edge} marg")
        body_top, body_bottom = int(ih * TITLE_BAND), int(ih * FOOT_BAND)
        mid = (body_top + body_bottom) // 2
        for label, part in (("øvre", ink[body_top:mid]), ("nedre", ink[mid:body_bottom])):
            if part.mean() < MIN_INK_SHARE:
                problems.append(f"side {n}: {label} halvdel er tom ({part.mean():.4f})")
    assert problems == [], "\n".join(problems)


def test_builder_pack_has_native_charts_office_fonts_and_citations_in_words(packs):
    pptx, _, _ = packs["bygger"]
    names = zipfile.ZipFile(io.BytesIO(pptx)).namelist()
    charts = [n for n in names if n.startswith("ppt/charts/chart") and n.endswith(".xml")]
    # Key figures and the saker table are text; map, heatmap and the two trends with their mean line are pictures;
    # the theme trend, bars per unit and saker per status are native charts.
    assert len(charts) == 3
    prs = Presentation(io.BytesIO(pptx))
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles[1:10] == [pack_slides.SLIDES[k].title for k in pack_slides.SLIDES]
    natives = [s.shapes.title.text for s in prs.slides if any(sh.has_chart for sh in s.shapes)]
    assert natives == ["Utsagn per tema over tid", "Utsagn per kommune og region", "Saker per type og status"]
    xml = "".join(zipfile.ZipFile(io.BytesIO(pptx)).read(n).decode() for n in names if n.startswith("ppt/slides/slide"))
    assert 'typeface="Calibri"' in xml and "DejaVu" not in xml
    text = "\n".join(sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame)
    assert "Sentrale utsagn (1 av 2)" in text and "Viser 6 av 6 utsagn" not in text
    assert ", møtet " in text and "(referat s. " in text
    assert "Laget 26. november 2026" in text


def test_worst_case_carries_the_template_as_plain_text(packs):
    pptx, _, _ = packs["lange-utsagn"]
    prs = Presentation(io.BytesIO(pptx))
    first = "\n".join(sh.text_frame.text for sh in prs.slides[0].shapes if sh.has_text_frame)
    assert "Follo næringsråd <b>&amp;</b>" in first  # markup in the template is shown, not interpreted
    assert [sh.name for sh in prs.slides[1].shapes if sh.name == "Logo"] == ["Logo"]
    band = prs.slides[0].shapes[1] if prs.slides[0].shapes[1].shape_type == 1 else None
    assert band is not None and str(band.fill.fore_color.rgb) == "7A1F5C"


def test_the_map_fills_its_slide(packs):
    """The map keeps its proportions, so it is rendered wide: its picture spans the slide's body, and the
    rendered slide has map colours (not white) near both side margins."""
    pptx, _, images = packs["bygger"]
    prs = Presentation(io.BytesIO(pptx))
    index, slide = next((i, s) for i, s in enumerate(prs.slides) if s.shapes.title.text == pack_slides.SLIDES["kart"].title)
    pic = next(sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE and sh.name.startswith("Graf"))
    body = prs.slide_width - 2 * Inches(style.SLIDE_MARGIN_IN)
    assert pic.width >= 0.97 * body, (pic.width / body)
    img = images[index]
    h, w = img.shape[:2]
    band = img[int(pic.top / prs.slide_height * h):int((pic.top + pic.height) / prs.slide_height * h)]
    ink = (band < 240).any(axis=-1) if band.ndim == 3 else band < 240
    columns = ink.any(axis=0)
    assert columns[: int(w * 0.12)].any() and columns[int(w * 0.88):].any()
