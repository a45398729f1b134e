"""End-to-end in Chromium: Tema's trend by region (issue #11, point 2) draws stacked bars per
sub-region on a category axis of periods, the grain control redraws it, and "Denne perioden mot
forrige" shows the top three regions' numbers; a click on one chart narrows the others and the list,
«Fjern utvalg» undoes it; ``?inndeling=år`` opens per year; meetings a day apart are two bars."""

from __future__ import annotations

import re
import time

import pytest
from conftest import wait_for_app
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]

# The by-region chart is the page's one plot with a rolling mean: its periods and trace names, as drawn.
REGION_CHART = """() => {
    const gd = [...document.querySelectorAll('.js-plotly-plot')]
        .find(g => g.data && g.data.some(t => (t.name || '').startsWith('Snitt siste')));
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
    expect(metrics).to_have_count(3)
    texts = [" ".join(metrics.nth(i).inner_text().split()) for i in range(3)]
    assert texts[0].startswith("Vestregionen 5") and "3" in texts[0], texts
    assert texts[2].startswith("Uten enhet 7"), texts
    main.get_by_role("heading", name="Utsagn per region per år").scroll_into_view_if_needed()
    screenshot(page, "e2e-trends-by-region")


# A chart as plotly drew it (0 the trend per theme, 1 per unit, 2 per region), found by its element key
# (tema-trend-<n>, …), not by its place among the page's plots, which depends on which were drawn first:
# its bar traces, the categories that have a bar, the total, and each category's pixel centre and bar width.
CHART = """(i) => {
    const key = ['tema-trend', 'tema-enhet', 'tema-region'][i];
    const gd = document.querySelector(`[data-testid="stMain"] [class*="st-key-${key}-"] .js-plotly-plot`);
    if (!gd || !gd.calcdata || !gd._fullLayout) return null;
    const bars = gd.calcdata.filter(cd => cd[0] && cd[0].trace.type === 'bar');
    const cats = new Set(), centre = {};
    let total = 0, width = 0;
    for (const cd of bars) {
        const ax = cd[0].trace.orientation === 'h' ? gd._fullLayout.yaxis : gd._fullLayout.xaxis;
        for (const pt of cd) {
            if (!Number.isFinite(pt.s) || pt.s === 0) continue;
            const name = ax._categories[pt.p];
            cats.add(name); total += pt.s;
            centre[name] = ax.c2p(pt.p); width = Math.max(width, Math.abs(ax.c2p(pt.p + pt.w / 2) - ax.c2p(pt.p - pt.w / 2)));
        }
    }
    return {traces: bars.length, categories: [...cats], total: total, centre: centre, width: width};
}"""


def _chart(page, i: int) -> dict:
    page.wait_for_function(f"() => ({CHART})({i}) && ({CHART})({i}).total > 0", timeout=30_000)
    return page.evaluate(f"({CHART})({i})")


def _changed(page, i: int, before: dict, timeout: float = 30.0) -> dict:
    """Chart ``i`` once its figure differs from ``before`` (the rerun after a click has drawn it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = page.evaluate(f"({CHART})({i})")
        if now and (now["total"], now["categories"]) != (before["total"], before["categories"]):
            return now
        time.sleep(0.25)
    raise AssertionError(f"chart {i} did not change: {before}")


def _click_bar(page, i: int, bar: int) -> None:
    """Click the ``bar``-th bar of chart ``i`` where a user would (plotly's drag layer lies over the bars)."""
    chart = page.locator('[data-testid="stMain"] .js-plotly-plot').nth(i)
    chart.scroll_into_view_if_needed()
    box = chart.locator(".barlayer .point path").nth(bar).bounding_box()
    x, y = box["x"] + min(12, box["width"] / 2), box["y"] + box["height"] / 2
    page.mouse.move(x, y)  # hover first: plotly picks the point under the cursor
    page.wait_for_timeout(300)
    page.mouse.click(x, y)


def _count(page) -> int:
    """The statements list's total, from its caption ("99 utsagn." or "Viser 200 av 1 234 utsagn …")."""
    text = page.locator('[data-testid="stCaptionContainer"]').filter(has_text=re.compile(r"\d utsagn")).last.inner_text()
    return int(re.search(r"([\d\u00a0 ]+) utsagn", text).group(1).replace("\u00a0", "").replace(" ", ""))


def test_a_click_on_one_chart_narrows_the_other_charts_and_the_list(page, app_url, screenshot):
    page.goto(f"{app_url}/tema?tema=forsvar&inndeling=år")
    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    main.get_by_role("heading", name=re.compile("per år$")).first.wait_for(timeout=30_000)
    trend, units, regions = _chart(page, 0), _chart(page, 1), _chart(page, 2)
    assert trend["categories"] == ["2024", "2025", "2026"], "?inndeling=år opens per year"
    assert main.get_by_role("radio", name="År").is_checked()
    listed = _count(page)
    assert listed == trend["total"], "one theme: the list counts what the trend draws"

    # A unit's bar (the top one, the largest): the trend per theme and per region narrow to that unit.
    _click_bar(page, 1, -1)
    caption = page.get_by_text(re.compile(r"^Utvalg fra diagrammet: "))
    caption.wait_for(timeout=30_000)
    chosen = caption.inner_text().removeprefix("Utvalg fra diagrammet: ").split(".")[0].strip()
    narrowed = _changed(page, 0, trend)
    assert 0 < narrowed["total"] < trend["total"]
    by_region = _changed(page, 2, regions)
    assert by_region["traces"] < regions["traces"] and by_region["total"] == narrowed["total"], (chosen, by_region)
    assert _chart(page, 1)["categories"] == units["categories"], "the clicked chart keeps every bar"
    deadline = time.monotonic() + 30
    while _count(page) != narrowed["total"] and time.monotonic() < deadline:
        time.sleep(0.25)
    assert _count(page) == narrowed["total"] < listed
    assert "utvalg=enhet" in page.url
    screenshot(page, "e2e-trends-click-unit")

    # «Fjern utvalg» brings everything back; then a period of the trend narrows the bars per unit.
    main.get_by_role("button", name=re.compile("Fjern utvalg")).click()
    page.wait_for_function(f"() => ({CHART})(0) && ({CHART})(0).total === {trend['total']}", timeout=30_000)
    assert "utvalg" not in page.url
    units_all = _chart(page, 1)
    _click_bar(page, 0, 0)  # the first drawn bar: the largest theme in 2024
    per_unit = _changed(page, 1, units_all)
    assert len(per_unit["categories"]) <= len(units_all["categories"]) and per_unit["total"] < units_all["total"]
    main.get_by_role("button", name=re.compile("Fjern utvalg")).wait_for()


def test_meetings_a_day_apart_are_two_bars_per_meeting(page, app_url):
    """14.01.2026 and 15.01.2026 in the fixture archive: two categories, bars side by side, not on top of each other."""
    page.goto(f"{app_url}/tema?inndeling=møte")
    wait_for_app(page)
    for i in (0, 2):  # the trend per theme and the trend per region
        chart = _chart(page, i)
        assert "14.01.2026" in chart["centre"], sorted(chart["centre"])
        first, second = chart["centre"]["14.01.2026"], chart["centre"]["15.01.2026"]
        assert second - first >= chart["width"] > 0, chart
