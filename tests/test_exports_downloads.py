"""The download component in a Streamlit AppTest: buttons, labels, and the no-Chromium path."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.exports import render


def _app():
    import datetime as dt

    import pandas as pd
    import plotly.graph_objects as go

    from dashboard.components.downloads import board_pack_downloads, chart_with_downloads, table_downloads
    from dashboard.exports.spec import ExportContext

    df = pd.DataFrame({"region": ["Oslo", "Bærum"], "n": [3, 2]})
    ctx = ExportContext("Utsagn om forsvar per region", "forsvar-per-region", {"Tema": "Forsvar"},
                        (dt.date(2025, 10, 23), dt.date(2026, 3, 12)))
    ctx2 = ExportContext("Utsagn per møte", "utsagn-per-mote", {}, (dt.date(2025, 10, 23), dt.date(2026, 3, 12)))
    fig = go.Figure(go.Bar(x=df["region"], y=df["n"]))
    chart_with_downloads(fig, ctx, df, key="c1")
    chart_with_downloads(fig, ctx2, df, key="c2", on_select="rerun")
    table_downloads(df, ctx, key="t1")
    board_pack_downloads([(fig, ctx, df), (fig, ctx2, df)], pd.DataFrame(), {"Tema": "Forsvar"}, key="bp")


def _labels(at) -> list[str]:
    return [b.proto.label for b in at.get("download_button")]


def _run(monkeypatch, chromium: str | None) -> AppTest:
    if chromium is None:
        monkeypatch.setenv(render.CHROMIUM_ENV, "/nonexistent")
    else:
        monkeypatch.delenv(render.CHROMIUM_ENV, raising=False)
    monkeypatch.setattr(render, "prewarm", lambda: None)  # no browser in unit tests
    at = AppTest.from_function(_app, default_timeout=30).run()
    assert not at.exception, at.exception
    return at


def test_buttons_and_labels_with_chromium(monkeypatch):
    at = _run(monkeypatch, chromium="yes")
    assert _labels(at) == ["PNG", "SVG", "PDF", "CSV", "Excel"] * 2 + ["CSV", "Excel", "PowerPoint", "PDF"]
    assert not any(render.CHROMIUM_MISSING in c.value for c in at.caption)
    ms = at.multiselect[0]
    assert ms.label == "Grafer i styrepakken" and ms.value == [0, 1], "all charts chosen by default"


def test_without_chromium_app_says_what_to_install_and_keeps_csv_excel(monkeypatch):
    at = _run(monkeypatch, chromium=None)
    labels = _labels(at)
    assert "PNG" not in labels and "SVG" not in labels
    assert labels == ["CSV", "Excel"] * 3 + ["PowerPoint", "PDF"]
    captions = [c.value for c in at.caption]
    hint = "Installer Debian-pakken chromium (sudo apt-get install chromium) for å laste ned PNG, SVG og PDF"
    assert sum(hint in c for c in captions) >= 2
    assert any("Last ned som PNG" in c for c in captions)


def test_modebar_is_norwegian_and_named():
    from dashboard import style

    cfg = style.plotly_config("forsvar-per-region-2026-03-12")
    assert cfg["toImageButtonOptions"] == {
        "format": "png", "filename": "forsvar-per-region-2026-03-12", "width": 1600, "height": 900, "scale": 2,
    }
    assert cfg["locales"]["no"]["dictionary"]["Download plot as a PNG"] == "Last ned som PNG"
    assert cfg["locale"] == "no"
