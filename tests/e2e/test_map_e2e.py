"""End-to-end: Oversikt's map in Chromium — base map (with fylke borders) under the points, labels
apart, Nord-Fron in the inset, and a PNG whose map fills the slide."""

from __future__ import annotations

import pytest

from conftest import ARTIFACTS, wait_for_app

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]

MAP = ".js-plotly-plot"  # the first chart on Oversikt


def _open_map(page, url: str):
    page.goto(url)
    wait_for_app(page)
    page.wait_for_function(
        f"() => {{ const gd = document.querySelector('{MAP}');"
        " return gd && gd.data && gd.querySelectorAll('.subplot.xy .textpoint text').length > 0; }",
        timeout=30_000,
    )
    return page.locator(MAP).first


def test_map_has_base_map_labels_apart_and_an_inset(page, app_url, screenshot):
    _open_map(page, app_url)
    # The figure as plotly.js holds it in the page: the base map's layers under the units.
    figure = page.evaluate(
        f"""() => {{ const gd = document.querySelector('{MAP}');
                   return {{names: gd.data.map(t => t.name), axes: gd.data.map(t => t.xaxis || 'x'),
                            points: gd._fullData.map(t => t.x ? t.x.length : 0),  // decoded from base64
                            inset: !!gd.layout.xaxis2, domain: gd._fullLayout.xaxis.domain}}; }}"""
    )
    assert figure["names"][:5] == ["Hav", "Land", "Innsjøer", "Fylkesgrenser", "Riksgrense"], figure["names"]
    assert figure["points"][1] > 1000 and figure["points"][2] > 100, "coast and lakes have their shape"
    assert figure["points"][3] > 300, "Kartverket's fylke borders"
    assert "Kommune" in figure["names"] and figure["names"].index("Kommune") > 4, "units above the base map"
    # Nord-Fron is a member far north: drawn in the inset beside the map, not stretching it.
    assert figure["inset"] and figure["domain"][0] > 0.15
    inset_labels = page.evaluate(
        f"() => [...document.querySelectorAll('{MAP} .subplot.x2y2 .textpoint text')].map(t => t.textContent)")
    assert "Nord-Fron" in inset_labels
    # The land is painted in its colour (a filled path), not just listed in the JSON.
    fills = page.evaluate(
        f"""() => [...document.querySelectorAll('{MAP} .subplot.xy .scatterlayer .trace')]
                 .slice(0, 3).map(t => {{ const p = t.querySelector('path.js-fill');
                                          return p ? getComputedStyle(p).fill : null; }})"""
    )
    assert fills[1] == "rgb(243, 241, 234)", fills  # map.LAND
    # The fylke borders are drawn as thin grey lines across the view, not just listed: the stroked
    # paths of the fourth trace (one per line between gaps), in map.FYLKE_BORDER, with a length of several screen widths.
    fylker = page.evaluate(
        f"""() => {{ const t = document.querySelectorAll('{MAP} .subplot.xy .scatterlayer .trace')[3];
                    const ps = [...t.querySelectorAll('path.js-line')]; const s = getComputedStyle(ps[0]);
                    return [s.stroke, parseFloat(s.strokeWidth), ps.reduce((a, p) => a + p.getTotalLength(), 0)]; }}"""
    )
    assert fylker[0] == "rgb(180, 180, 180)" and fylker[1] < 1.2, fylker
    assert fylker[2] > 2000, fylker

    # Labels as Chromium laid them out: every one visible, none over another.
    labels = page.evaluate(
        f"""() => [...document.querySelectorAll('{MAP} .subplot.xy .textpoint text')]
                 .filter(t => t.textContent.trim())
                 .map(t => {{ const r = t.getBoundingClientRect();
                             return [t.textContent, r.left, r.top, r.right, r.bottom]; }})"""
    )
    names = [name for name, *_ in labels]
    assert len(names) >= 5 and "Oslo" in names, names
    for i, (a, *box_a) in enumerate(labels):
        for b, *box_b in labels[i + 1:]:
            w = min(box_a[2], box_b[2]) - max(box_a[0], box_b[0])
            h = min(box_a[3], box_b[3]) - max(box_a[1], box_b[1])
            assert w <= 1 or h <= 1, f"labels {a} and {b} overlap on screen"
    oslo = page.locator(f"{MAP} .subplot.xy .textpoint text", has_text="Oslo").first
    assert oslo.is_visible()
    screenshot(page, "e2e-kart-oversikt", full_page=False)


def test_map_png_fills_the_slide(page, app_url):
    import numpy as np
    from PIL import Image

    chart = _open_map(page, app_url)
    chart.scroll_into_view_if_needed()
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="PNG", exact=True).first.click()  # the map's: the first chart
    download = info.value
    assert download.suggested_filename.startswith("aktivitet-kart-"), download.suggested_filename
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"e2e-{download.suggested_filename}"
    download.save_as(path)
    im = Image.open(path).convert("RGB")
    assert im.size == (3200, 1800)
    # Land and water cover most of the slide: the map is not a small box in a white page.
    pixels = np.asarray(im.resize((320, 180)), dtype=int)
    share = lambda ref: float((np.abs(pixels - ref).max(axis=2) <= 6).mean())  # noqa: E731
    land, water = share((243, 241, 234)), share((212, 229, 241))  # map.LAND, map.WATER
    assert land > 0.3 and water > 0.02, (land, water)
    assert land + water > 0.45, (land, water)
