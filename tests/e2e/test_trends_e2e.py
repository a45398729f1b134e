"""End-to-end in Chromium: Tema's trend by region (issue #11, point 2) draws stacked bars per
sub-region on a category axis of periods, the grain control redraws it, and "Denne perioden mot
forrige" shows the top three regions' numbers."""

from __future__ import annotations

import pytest
from conftest import wait_for_app

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]

# The by-region chart is the page's one plot on a category axis: its periods and trace names, as drawn.
REGION_CHART = """() => {
    const gd = [...document.querySelectorAll('.js-plotly-plot')]
        .find(g => g.layout && g.layout.xaxis && g.layout.xaxis.type === 'category');
    if (!gd) return null;
    return {categories: [...gd.querySelectorAll('.xtick text')].map(t => t.textContent),
            names: [...gd.querySelectorAll('.legend .legendtext')].map(t => t.textContent),
            bars: gd.querySelectorAll('.barlayer .point').length};
}"""


def _region_chart(page) -> dict:
    page.wait_for_function(f"() => ({REGION_CHART})() && ({REGION_CHART})().bars > 0", timeout=30_000)
    return page.evaluate(REGION_CHART)


def test_trend_by_region_with_grain_control_and_period_numbers(page, app_url, screenshot):
    page.goto(f"{app_url}/tema?tema=forsvar")
    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    main.get_by_role("heading", name="Utsagn per region per møte").wait_for(timeout=30_000)
    chart = _region_chart(page)
    assert "Vestregionen" in chart["names"] and "Mosseregionen (region)" in chart["names"]
    assert "Snitt siste 3 perioder" in chart["names"]
    # 14.01.2026 and 15.01.2026 in the fixture archive: their own ticks, so their own bars.
    assert len(chart["categories"]) > 10 and chart["categories"][0] == "18.01.2024"

    main.get_by_text("År", exact=True).click()
    main.get_by_role("heading", name="Utsagn per region per år").wait_for(timeout=30_000)
    wait_for_app(page)
    page.wait_for_function(f"() => ({REGION_CHART})() && ({REGION_CHART})().categories.join() === '2024,2025,2026'",
                           timeout=30_000)
    main.get_by_text("Denne perioden mot forrige", exact=False).wait_for()
    metrics = main.locator('[data-testid="stMetric"]')
    assert metrics.count() == 3
    texts = [" ".join(metrics.nth(i).inner_text().split()) for i in range(3)]
    assert texts[0].startswith("Vestregionen 5") and "3" in texts[0], texts
    assert texts[2].startswith("Uten enhet 7"), texts
    main.get_by_role("heading", name="Utsagn per region per år").scroll_into_view_if_needed()
    screenshot(page, "e2e-trends-by-region")
