"""The board pack: open the PowerPoint and PDF and check slides, pictures, titles and citations."""

from __future__ import annotations

import io
import time

import pandas as pd
import plotly.graph_objects as go
from exports_helpers import FILTERS, MADE, bar_figure, context, region_data, statements
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE

from dashboard import style
from dashboard.exports import api, render


def _charts(n: int = 2):
    out = []
    for i in range(n):
        fig = bar_figure()
        fig.update_traces(marker_color=style.color_for(i))
        out.append((fig, context(f"Graf {i + 1}: utsagn om forsvar", f"graf-{i + 1}"), region_data()))
    return out


def _texts(slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame]


def test_pptx_has_title_chart_and_statement_slides():
    n_statements = style.PACK_STATEMENTS_PER_SLIDE + 2  # two statement slides
    data = api.export_pack(_charts(2), statements(n_statements), FILTERS, "pptx", made=MADE)
    prs = Presentation(io.BytesIO(data))
    slides = list(prs.slides)
    assert len(slides) == 1 + 2 + 2
    assert abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.01

    title_text = "\n".join(_texts(slides[0]))
    assert slides[0].shapes.title.text == "Styrepakke"
    for line in ("Møtene 23. oktober 2025 – 12. mars 2026", "Tema: Forsvar", "Region: Alle", "Laget 26. november 2026"):
        assert line in title_text  # dates in words on the title slide
    assert "Kilde: referater fra Osloregionens faggruppe for Næringssamarbeid" in title_text

    for i, slide in enumerate(slides[1:3]):
        assert slide.shapes.title.text == f"Graf {i + 1}: utsagn om forsvar"
        # A bar chart is a native chart the reader can edit, with the figure's data and colour.
        (frame,) = [s for s in slide.shapes if s.has_chart]
        chart = frame.chart
        assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
        assert list(chart.plots[0].categories) == ["Oslo", "Bærum", "Asker", "Lillestrøm", "Ås"]
        assert list(chart.plots[0].series[0].values) == [12, 7, 5, 4, 3]
        assert str(chart.plots[0].series[0].format.fill.fore_color.rgb) == style.color_for(i).lstrip("#").upper()
        assert not [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        text = "\n".join(_texts(slide))
        assert "Kilde: referater fra Osloregionens faggruppe for Næringssamarbeid, 23.10.2025–12.03.2026" in text
        assert "Tema: Forsvar" in text

    assert slides[3].shapes.title.text == "Sentrale utsagn (1 av 2)"
    statement_text = "\n".join(t for s in slides[3:] for t in _texts(s))
    assert "Bærum kommune, møtet 23. oktober 2025 (referat s. 1)" in statement_text
    assert "Ås kommune, møtet 12. mars 2026 (referat s. 2)" in statement_text
    assert "«Utsagn 0: Forsvarsbygg øker aktiviteten på Kjeller; «næringsareal» på 1,5 mrd.»" in statement_text


def test_pdf_pack_has_same_pages_with_text_and_images():
    from pypdf import PdfReader

    data = api.export_pack(_charts(2), statements(3), FILTERS, "pdf", made=MADE)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1 + 2 + 1
    first = reader.pages[0].extract_text()
    assert "Styrepakke" in first and "Tema: Forsvar" in first and "Laget 26. november 2026" in first
    chart_page = reader.pages[1]
    assert "Graf 1: utsagn om forsvar" in chart_page.extract_text()
    assert "Næringssamarbeid" in chart_page.extract_text()
    assert len(chart_page.images) == 1
    last = reader.pages[3].extract_text()
    assert "Sentrale utsagn" in last and "Bærum kommune, møtet 23. oktober 2025 (referat s. 1)" in last


def test_ten_chart_pack_within_target():
    charts = _charts(10)
    for i, (fig, _, _) in enumerate(charts):
        fig.update_layout(title=f"pakke {i}")  # not cached
    t0 = time.perf_counter()
    api.export_pack(charts, statements(12), FILTERS, "pptx", made=MADE)
    assert time.perf_counter() - t0 < 15


def test_pack_without_chromium_has_tables_and_the_install_hint(monkeypatch):
    def unavailable(*a, **k):
        raise render.ExportUnavailable(render.CHROMIUM_MISSING)

    monkeypatch.setattr(render, "render_many", unavailable)
    heatmap = go.Figure(go.Heatmap(z=[[1, 2], [3, 4]], x=["Forsvar", "Energi"], y=["Follo", "Romerike"]))
    pictured = [(heatmap, context("Temaer per region", "varmekart"), region_data())]  # no native heatmap in PowerPoint
    data = api.export_pack(pictured, statements(2), FILTERS, "pptx", made=MADE)
    slides = list(Presentation(io.BytesIO(data)).slides)
    assert len(slides) == 3
    chart_slide = slides[1]
    assert not [s for s in chart_slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert any(render.CHROMIUM_MISSING in t for t in _texts(chart_slide))
    assert any(s.has_table for s in chart_slide.shapes)
    pdf = api.export_pack(_charts(1), statements(2), FILTERS, "pdf", made=MADE)
    assert pdf.startswith(b"%PDF")


def test_pack_without_charts_or_statements_says_so():
    data = api.export_pack([], pd.DataFrame(), {"Tema": "Alle temaer"}, "pptx", made=MADE)
    slides = list(Presentation(io.BytesIO(data)).slides)
    assert len(slides) == 2
    assert "Ingen utsagn i dette utvalget." in "\n".join(_texts(slides[1]))
