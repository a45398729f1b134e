"""Chart exports through Debian's Chromium: open every file and check it."""

from __future__ import annotations

import io
import time
import xml.etree.ElementTree as ET

import pytest

from dashboard import style
from dashboard.exports import api, render
from exports_helpers import MADE, bar_figure, context



@pytest.fixture(scope="module")
def warm():
    """One exporter for the module (started once, as in the app)."""
    render.start()
    yield
    render.clear_cache()


def _non_white(png: bytes) -> tuple[tuple[int, int], int]:
    from PIL import Image

    im = Image.open(io.BytesIO(png)).convert("L")
    hist = im.histogram()
    return im.size, sum(hist[:245])


def test_png_is_slide_sized_and_not_blank(warm):
    png = api.export_chart(bar_figure(), context(), "png", made=MADE)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    size, dark = _non_white(png)
    assert size == (style.EXPORT_WIDTH * style.EXPORT_SCALE, style.EXPORT_HEIGHT * style.EXPORT_SCALE) == (3200, 1800)
    assert dark > 50_000, "bars, title and text are drawn"


def test_svg_parses_and_carries_title_filters_source(warm):
    svg = api.export_chart(bar_figure(), context(), "svg", made=MADE).decode("utf-8")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    text = " ".join(t for t in root.itertext())
    assert "Utsagn om forsvar per region" in text
    assert "Tema: Forsvar · Region: Alle · Periode: 23.10.2025–12.03.2026" in text
    assert "Kilde: referater fra Osloregionens faggruppe for Næringssamarbeid, 23.10.2025–12.03.2026" in text
    assert "Laget 26.11.2026" in text
    assert "Bærum" in text and "Lillestrøm" in text


def test_pdf_has_a_page_with_the_title(warm):
    from pypdf import PdfReader

    pdf = api.export_chart(bar_figure(), context(), "pdf", made=MADE)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Utsagn om forsvar per region" in text
    assert "Næringssamarbeid" in text
    box = reader.pages[0].mediabox
    assert abs(float(box.width) / float(box.height) - 16 / 9) < 0.01


def test_pdf_document_properties_name_the_chart_not_kaleido(warm):
    """A PDF reader's title bar showed "Kaleido-fier" (the title of kaleido's page in Chromium)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(api.export_chart(bar_figure(), context(), "pdf", made=MADE)))
    meta = reader.metadata
    assert meta.title == "Utsagn om forsvar per region"
    assert meta.subject == "Tema: Forsvar · Region: Alle · Periode: 23.10.2025–12.03.2026"
    assert meta.author == "Næringspuls" and meta.creator == "Næringspuls"
    assert reader.trailer["/Root"]["/Lang"] == "nb"
    assert "Utsagn om forsvar per region" in reader.pages[0].extract_text()  # the page itself is untouched


def test_norwegian_months_on_date_axes(warm):
    import plotly.graph_objects as go

    fig = go.Figure(go.Scatter(x=["2025-10-01", "2025-12-01", "2026-03-01"], y=[1, 3, 2]))
    svg = api.export_chart(fig, context(), "svg", made=MADE).decode()
    assert "okt" in svg and "des" in svg and "Oct" not in svg


def test_warm_exports_are_fast_and_cached(warm):
    fig = bar_figure()
    fig.update_layout(title="fart")  # a figure not rendered before
    for fmt in ("png", "svg", "pdf"):
        t0 = time.perf_counter()
        api.export_chart(fig, context(), fmt, made=MADE)
        # Target is ≤ 1 s (see benchmarks/bench_export.py); slack here for busy CI machines.
        assert time.perf_counter() - t0 < 2.5, f"{fmt} warm export too slow"
    t0 = time.perf_counter()
    api.export_chart(fig, context(), "png", made=MADE)
    assert time.perf_counter() - t0 < 0.5, "second export of the same figure comes from the cache"


def test_concurrent_exports_from_many_threads(warm):
    from concurrent.futures import ThreadPoolExecutor

    figs = [bar_figure() for _ in range(6)]
    for i, f in enumerate(figs):
        f.update_layout(title=f"tråd {i}")
    with ThreadPoolExecutor(6) as pool:
        out = list(pool.map(lambda f: api.export_chart(f, context(), "svg", made=MADE), figs))
    assert all(b"<svg" in b for b in out)


def test_decorate_does_not_touch_the_screen_figure():
    from dashboard.exports.decorate import decorate

    fig = bar_figure()
    before = fig.to_json()
    out = decorate(fig, context(), made=MADE)
    assert fig.to_json() == before
    assert out.layout.width == style.EXPORT_WIDTH and out.layout.height == style.EXPORT_HEIGHT
    assert "Utsagn om forsvar per region" in out.layout.title.text
    assert out.layout.font.family == style.EXPORT_FONT_FAMILY


def test_decorate_moves_top_axis_labels_below_the_plot():
    """The heatmap's theme names sit above it on screen; on a slide they would hit the title."""
    import pandas as pd

    from dashboard import charts
    from dashboard.exports.decorate import decorate

    heat = charts.region_theme_heatmap(pd.DataFrame({
        "region": ["Follo", "Hadeland"], "theme_id": ["forsvar", "energi"],
        "theme_label": ["Forsvar og forsvarsindustri", "Energi og kraft"], "n": [3, 1]}))
    assert heat.layout.xaxis.side == "top"
    out = decorate(heat, context(), made=MADE)
    assert out.layout.xaxis.side == "bottom" and out.layout.xaxis.tickangle == 0
    assert list(out.layout.xaxis.ticktext) == ["Forsvar og<br>forsvarsindustri", "Energi og<br>kraft"]
    assert heat.layout.xaxis.side == "top", "the screen figure is unchanged"


def test_decorate_makes_map_labels_readable_on_a_slide():
    import pandas as pd

    from dashboard import charts
    from dashboard.exports.decorate import decorate

    fig = charts.unit_map(pd.DataFrame({"unit_name": ["Asker", "Oslo"], "unit_kind": ["kommune"] * 2,
                                        "lat": [59.78, 59.93], "lon": [10.42, 10.75], "n_statements": [5, 9]}))
    labelled = [t for t in decorate(fig, context(), made=MADE).data if t.mode == "markers+text"]
    assert labelled and all(t.textfont.size == style.EXPORT_NOTE_SIZE > 11 for t in labelled)
    assert all(t.textfont.size == 11 for t in fig.data if t.mode == "markers+text"), "the screen figure is unchanged"


def test_missing_chromium_is_reported_in_norwegian(monkeypatch):
    monkeypatch.setenv(render.CHROMIUM_ENV, "/nonexistent")
    assert render.find_chromium() is None
    assert not render.chromium_available()
    with pytest.raises(render.ExportUnavailable) as exc:
        render._Renderer().start()  # a fresh renderer: the process-wide one may already run
    assert str(exc.value) == (
        "Installer Debian-pakken chromium (sudo apt-get install chromium) for å laste ned PNG, SVG og PDF"
    )


def test_chromium_override_points_at_a_binary(monkeypatch, tmp_path):
    exe = tmp_path / "chromium"
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    monkeypatch.setenv(render.CHROMIUM_ENV, str(exe))
    assert render.find_chromium() == str(exe)
