"""End-to-end: the real app in a real Chromium, against the many-meetings fixture database."""

from __future__ import annotations

import re
import time
import urllib.parse

import pytest

from conftest import ARTIFACTS, AppServer, start_server, stop_server, wait_for_app

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]

NAV = '[data-testid="stSidebarNav"]'


def visible_rows(page, testid_index: int = -1) -> list[list[str]]:
    """Rows (lists of cell texts) that the data grid of the statements list currently renders."""
    grid = page.locator('[data-testid="stDataFrame"]').nth(testid_index)
    grid.wait_for()
    rows = []
    for tr in grid.locator("table tbody tr").all():
        cells = [c.inner_text().strip() for c in tr.locator("td").all()]
        if any(cells):
            rows.append(cells)
    return rows


def headers(page, testid_index: int = -1) -> list[str]:
    grid = page.locator('[data-testid="stDataFrame"]').nth(testid_index)
    return [h.inner_text().strip() for h in grid.locator("table thead th").all()]


def check_forsvar_list(page, timeout: float = 30.0) -> None:
    """The statements list shows only forsvar statements: Asker's Chemring Nobel in, Blowtech out."""
    # Wait for the rerun after the filter change: the list settles on forsvar rows.
    deadline = time.monotonic() + timeout
    while True:
        heads = headers(page)
        rows = visible_rows(page)
        tema = heads.index("Tema") if "Tema" in heads else 2
        settled = rows and all("Forsvar" in r[tema] for r in rows if len(r) > tema)
        if settled or time.monotonic() > deadline:
            break
        time.sleep(0.25)
    assert rows, "no statements listed"
    tema = heads.index("Tema") if "Tema" in heads else 2
    text_col = heads.index("Utsagn") if "Utsagn" in heads else 4
    for row in rows:
        assert "Forsvar" in row[tema], row
    texts = [row[text_col] for row in rows]
    assert any("Chemring Nobel" in t for t in texts)
    assert any(re.search(r"Asker", " ".join(r)) and "Chemring" in " ".join(r) for r in rows)
    assert not any("Blowtech" in t for t in texts)


def test_overview_to_forsvar_and_shared_url(page, app_url, screenshot):
    page.goto(app_url)
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot", timeout=30_000)
    assert "Næringspuls" in page.locator("h1").first.inner_text()
    # Oversikt shows the reporting units on the offline map (names drawn as labels).
    page.wait_for_function(
        "() => document.querySelectorAll('.js-plotly-plot .textpoint').length > 0", timeout=30_000
    )
    assert page.locator('[data-testid="stMetric"]').count() >= 6
    screenshot(page, "e2e-01-oversikt")

    # Navigate to Tema through the sidebar navigation.
    page.locator(f'{NAV} a[href$="/tema"]').click()
    page.wait_for_url(re.compile(r"/tema"))
    wait_for_app(page)
    page.locator('input[aria-label="Tema"]').wait_for()

    # Pick Forsvar in the theme multiselect.
    page.locator('input[aria-label="Tema"]').click()
    page.keyboard.type("Forsvar")
    page.get_by_role("option", name=re.compile(r"^Forsvar")).first.click()
    page.keyboard.press("Escape")
    page.wait_for_url(re.compile(r"tema=forsvar"))
    wait_for_app(page)
    check_forsvar_list(page)
    screenshot(page, "e2e-02-tema-forsvar")

    # The copied link reproduces the view in a fresh page.
    url = page.url
    assert "tema=forsvar" in url
    other = page.context.new_page()
    other.goto(url)
    wait_for_app(other)
    check_forsvar_list(other)
    tags = other.locator('[data-testid="stMultiSelect"]').first.inner_text()
    assert "Forsvar" in tags
    screenshot(other, "e2e-03-delt-lenke")
    other.close()


def test_deep_links_every_page(page, app_url, screenshot):
    """Every page serves from a bookmark without an error box."""
    for path, expect in (
        ("/saker?type=datasenter", "Saker"),
        ("/tema?tema=forsvar", "Tema"),
        ("/enhet?enhet=Asker", "Enhet"),
        ("/moter", "Møter"),
        ("/kalender", "Kalender"),
        ("/sok?q=chemring", "Søk"),
        ("/legg-til", "Legg til referat"),
    ):
        page.goto(app_url + path)
        wait_for_app(page)
        assert expect in page.locator("h1").first.inner_text()
        assert page.locator('[data-testid="stException"]').count() == 0, path
        screenshot(page, "e2e-side" + path.split("?")[0].replace("/", "-"))
    # Søk finds Chemring Nobel from the search box URL.
    page.goto(app_url + "/sok?q=chemring")
    wait_for_app(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stDataFrame\"] td')]"
        ".some(td => td.innerText.includes('Chemring'))"
    )


def test_served_app_warms_up_and_renders(app_db, browser):
    """The server `make run` starts (dashboard/serve.py) warms up in the background and
    serves Oversikt; the time is printed here and benchmarked in bench_first_render.py."""
    log = ARTIFACTS / "streamlit-first-render.log"
    server: AppServer = start_server(app_db, log=log)
    try:
        ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
        pg = ctx.new_page()
        pg.goto(server.url)
        pg.wait_for_selector("[data-testid='stMetric']", timeout=60_000)
        figures = time.perf_counter()
        pg.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
        chart = time.perf_counter()
        ctx.close()
        deadline = time.monotonic() + 20
        while "warm-up done" not in log.read_text(encoding="utf-8") and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        stop_server(server.process)
    text = log.read_text(encoding="utf-8")
    assert "warm-up done" in text and "'oversikt figures'" in text, text[-2000:]
    assert "warm-up stopped early" not in text, text[-2000:]
    print(f"\nfirst render: server healthy {server.ready - server.started:.2f} s, key figures "
          f"{figures - server.started:.2f} s, first chart {chart - server.started:.2f} s (target <= 3 s)")


def test_clicking_a_bar_narrows_the_list(page, app_url, screenshot):
    """On /tema?tema=forsvar, clicking a unit's bar lists only that unit's statements."""
    page.goto(app_url + "/tema?tema=forsvar")
    wait_for_app(page)
    check_forsvar_list(page)
    heads = headers(page)
    unit_col = heads.index("Enhet")
    before = visible_rows(page)
    units_before = {r[unit_col] for r in before}
    assert len(units_before) > 1, "the fixture must list several units for this test to mean anything"

    unit_chart = page.locator(".js-plotly-plot").nth(1)
    bars = unit_chart.locator(".barlayer .point path")
    assert bars.count() >= 2
    # Bars are sorted ascending: the last drawn is the top (largest) unit.
    # Plotly's drag layer lies over the bars, so click where a user would, by position.
    unit_chart.scroll_into_view_if_needed()
    box = bars.last.bounding_box()
    x, y = box["x"] + min(12, box["width"] / 2), box["y"] + box["height"] / 2
    page.mouse.move(x, y)  # hover first, as a user does: plotly picks the point under the cursor
    page.wait_for_timeout(300)
    page.mouse.click(x, y)
    caption = page.get_by_text(re.compile(r"^Utvalg fra diagrammet: "))
    caption.wait_for(timeout=30_000)
    chosen = caption.inner_text().removeprefix("Utvalg fra diagrammet: ").split(".")[0].strip()

    deadline = time.monotonic() + 30
    while True:
        rows = visible_rows(page)
        if rows and {r[unit_col] for r in rows} == {chosen} or time.monotonic() > deadline:
            break
        time.sleep(0.25)
    assert rows and {r[unit_col] for r in rows} == {chosen}, (chosen, {r[unit_col] for r in rows})
    assert chosen in units_before
    screenshot(page, "e2e-04-valgt-soyle")


def metric_value(page, label: str) -> str:
    """The value of the key figure called ``label`` on the current page."""
    metric = page.locator('[data-testid="stMetric"]').filter(has=page.get_by_text(label, exact=True)).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


def test_a_sak_opens_from_an_oversikt_key_figure(page, app_url, screenshot):
    """Oversikt's datacenter figure links to exactly those saker; one opens with its story and sources."""
    page.goto(app_url)
    wait_for_app(page)
    figure = metric_value(page, "Datasenterprosjekter")
    page.locator('[data-testid="stPageLink"] a[href*="saker?type=datasenter"]').first.click()
    page.wait_for_url(re.compile(r"/saker\?type=datasenter"), timeout=30_000)
    wait_for_app(page)
    page.get_by_text("Registeret").first.wait_for()
    assert metric_value(page, "Datasenterprosjekter") == figure  # the same count, from the same register
    assert "Datasenter" in page.locator('[data-testid="stMultiSelect"]').first.inner_text()
    screenshot(page, "e2e-06-saker-datasenter")

    page.locator('input[aria-label="Åpne sak"]').click()
    option = page.get_by_role("option").first
    title = option.inner_text().strip()
    option.click()
    page.wait_for_url(re.compile(r"sak=sak-[0-9a-f]{10}"), timeout=30_000)
    wait_for_app(page)
    detail = page.locator(".st-key-sak-detalj")
    detail.get_by_text(title, exact=True).first.wait_for()
    detail.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=30_000)  # the timeline
    detail.get_by_text("Omtaler, eldste først").wait_for()
    assert detail.get_by_text(re.compile(r"^Kilde: .+, linje \d+")).count() >= 1
    screenshot(page, "e2e-07-sak")

    # A bookmark of the sak reopens it; its sources open the minutes under Møter.
    url = page.url
    other = page.context.new_page()
    other.goto(url)
    wait_for_app(other)
    other.locator(".st-key-sak-detalj").get_by_text(title, exact=True).first.wait_for()
    other.locator('.st-key-sak-detalj [data-testid="stPageLink"] a[href*="moter?mote="]').first.click()
    other.wait_for_url(re.compile(r"/moter\?mote=.+"), timeout=30_000)
    wait_for_app(other)
    other.close()


def _click_plot(page, x: float, y: float) -> None:
    page.mouse.move(x, y)  # hover first, as a user does: plotly picks the point under the cursor
    page.wait_for_timeout(300)
    page.mouse.click(x, y)


def test_oversikt_drills_down_from_map_and_heatmap(page, app_url, screenshot):
    """A map point opens that unit under Enhet; a heatmap cell opens Tema for that theme and region."""
    page.goto(app_url)
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    # The kommune trace comes after the base map's layers (water, land, lakes, border) and the idle units.
    index = page.evaluate("() => document.querySelector('.js-plotly-plot').data.findIndex(t => t.name === 'Kommune')")
    kommuner = page.locator(".js-plotly-plot").nth(0).locator(".subplot.xy .scatterlayer .trace").nth(index)
    kommuner = kommuner.locator(".point")
    assert kommuner.count() > 1
    box = kommuner.first.bounding_box()
    _click_plot(page, box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(r"/enhet\?enhet=.+"), timeout=30_000)
    wait_for_app(page)
    unit = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["enhet"][0]
    chosen = page.locator('[data-testid="stSelectbox"] input').first.input_value()
    assert chosen.startswith(unit), (unit, chosen)

    page.goto(app_url)
    wait_for_app(page)
    heat = page.locator(".js-plotly-plot").nth(1)
    heat.scroll_into_view_if_needed()
    heat.locator(".main-svg").first.wait_for()
    area = heat.locator(".nsewdrag").first.bounding_box()
    _click_plot(page, area["x"] + 8, area["y"] + area["height"] - 8)  # the bottom-left cell
    page.wait_for_url(re.compile(r"/tema\?.*tema=.+"), timeout=30_000)
    wait_for_app(page)
    query = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)
    assert query.get("region") and query.get("tema"), page.url
    region_filter = page.locator('[data-testid="stMultiSelect"]').nth(1)
    region_filter.get_by_text(query["region"][0]).first.wait_for()  # the region filter is set from the cell
    deadline = time.monotonic() + 30
    while not visible_rows(page) and time.monotonic() < deadline:
        time.sleep(0.25)
    assert visible_rows(page), "the cell's statements are listed"
    screenshot(page, "e2e-05-fra-varmekart")


def test_no_request_leaves_the_machine(page, app_url):
    """Offline use: every page loads with no request to any other host (no CDN, no tiles, no fonts)."""
    outside: list[str] = []

    def note(request):
        url = request.url
        if not (url.startswith(app_url) or url.startswith(("data:", "blob:", "about:"))):
            outside.append(url)

    page.on("request", note)
    for path in ("/", "/saker", "/tema?tema=forsvar", "/enhet?enhet=Asker", "/moter", "/kalender", "/sok?q=datasenter",
                 "/legg-til"):
        page.goto(app_url + path)
        wait_for_app(page)
        if not path.startswith(("/kalender", "/sok", "/legg-til")):  # pages with charts: wait for plotly too
            page.wait_for_selector(".js-plotly-plot", timeout=30_000)
        page.wait_for_timeout(500)
    assert outside == [], f"requests to other hosts: {sorted(set(outside))[:5]}"
