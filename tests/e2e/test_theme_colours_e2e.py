"""End-to-end: one colour per theme on every page and in exports, and Oversikt's readable heatmap.

Reads what Chromium drew: the fill of a legend item in plotly's SVG, the figure as the
page holds it, an exported SVG, and the numbers in the heatmap's cells.
"""

from __future__ import annotations

import re
import time

import pytest
from conftest import ARTIFACTS, wait_for_app

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]

FORSVAR = "Forsvar og forsvarsindustri"
FORSVAR_RGB = "rgb(0, 158, 115)"  # style.THEME_COLORS["forsvar"] = #009E73

# Per plotly chart of the page: the colour of each trace as drawn in its legend, by name.
LEGEND_FILLS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(gd =>
    Object.fromEntries([...gd.querySelectorAll('.legend .traces')].map(item => [
        item.querySelector('.legendtext').textContent,
        item.querySelector('.legendpoints path').style.fill])))"""
# Per plotly chart: the marker colour of each trace in the figure the page holds, by name.
TRACE_COLOURS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(gd =>
    Object.fromEntries((gd.data || []).map(t => [t.name, t.marker && t.marker.color])))"""
# The numbers in the heatmap's cells, as drawn.
HEATMAP_TEXT = """() => {
    const gd = document.querySelector('.st-key-oversikt-tema-per-region .js-plotly-plot');
    return gd ? [...gd.querySelectorAll('.heatmaplayer text')].map(t => t.textContent) : [];
}"""


def _open(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot .legend .traces", timeout=30_000)


def _forsvar_fill(page) -> str:
    # The page's charts are drawn one after another, and another chart's legend may come first.
    page.wait_for_function(
        "name => [...document.querySelectorAll('.js-plotly-plot .legend .legendtext')].some(t => t.textContent === name)",
        arg=FORSVAR, timeout=30_000,
    )
    fills = [f[FORSVAR] for f in page.evaluate(LEGEND_FILLS) if FORSVAR in f]
    assert fills, "a chart with a legend item for Forsvar"
    return fills[0]


def test_forsvar_has_one_colour_on_tema_enhet_and_in_the_exported_svg(page, app_url, screenshot):
    _open(page, f"{app_url}/tema?tema=forsvar")
    tema_fill = _forsvar_fill(page)
    # The page draws its charts one after another: wait until the bars per unit are drawn too.
    deadline = time.monotonic() + 30
    figures = page.evaluate(TRACE_COLOURS)
    while not any(list(f.values()) == ["#009E73"] and FORSVAR not in f for f in figures) and time.monotonic() < deadline:
        time.sleep(0.25)
        figures = page.evaluate(TRACE_COLOURS)
    # Tema's trend holds one theme: by rank it would take the first palette colour (blue).
    assert tema_fill == FORSVAR_RGB
    assert any(f.get(FORSVAR) == "#009E73" for f in figures), figures
    # The bars per unit count forsvar only: they are drawn in its colour too.
    assert any(list(f.values()) == ["#009E73"] and FORSVAR not in f for f in figures), figures

    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="SVG", exact=True).first.click()
    svg_path = ARTIFACTS / f"e2e-colour-{info.value.suggested_filename}"
    info.value.save_as(svg_path)
    svg = svg_path.read_text(encoding="utf-8")
    assert re.search(r"fill: ?rgb\(0, ?158, ?115\)", svg), "the exported trend draws forsvar in its colour"
    assert not re.search(r"fill: ?rgb\(0, ?114, ?178\)", svg), "not in the first palette colour"

    # Enhet: Asker reports on several themes; forsvar is one of its largest, so it has its own bar.
    _open(page, f"{app_url}/enhet?enhet=Asker")
    screenshot(page, "e2e-theme-colour-enhet")
    enhet_fill = _forsvar_fill(page)
    assert enhet_fill == tema_fill == FORSVAR_RGB
    legend = next(f for f in page.evaluate(LEGEND_FILLS) if FORSVAR in f)
    assert len(set(legend.values())) == len(legend), f"no two themes share a colour: {legend}"


def test_heatmap_toggles_between_counts_and_shares(page, app_url, screenshot):
    page.goto(app_url)
    wait_for_app(page)
    block = page.locator(".st-key-oversikt-tema-per-region")
    block.scroll_into_view_if_needed()
    page.wait_for_function(f"() => ({HEATMAP_TEXT})().length > 0", timeout=30_000)
    counts = [t for t in page.evaluate(HEATMAP_TEXT) if t]
    assert counts and all(re.fullmatch(r"\d[\d\u00a0 ]*", t) for t in counts), counts[:10]

    # Theme names are level (no rotate() on any tick label) and the toolbar sits above them.
    ticks = block.locator(".xtick text")
    assert ticks.count() >= 3
    transforms = [ticks.nth(i).get_attribute("transform") or "" for i in range(ticks.count())]
    assert not any("rotate" in t for t in transforms), transforms
    block.locator(".js-plotly-plot").hover()  # the toolbar shows on hover
    bar = block.locator(".modebar-container").bounding_box()
    labels_top = min(ticks.nth(i).bounding_box()["y"] for i in range(ticks.count()))
    assert bar["y"] + bar["height"] <= labels_top + 1, (bar, labels_top)

    block.get_by_text("Andel av regionens utsagn", exact=True).click()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        shares = [t for t in page.evaluate(HEATMAP_TEXT) if t]
        if shares and shares != counts:
            break
        time.sleep(0.2)
    screenshot(page, "e2e-heatmap-shares")
    assert shares and all(re.fullmatch(r"(<1|\d{1,3})\u00a0%", t) for t in shares), shares[:10]
    assert len(shares) == len(counts), "the same cells, as shares"
