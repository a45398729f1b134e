"""Time from launching the server to the first rendered Oversikt in Chromium.

    .venv/bin/python benchmarks/bench_first_render.py [--db data/naering.duckdb] [--runs 5]

The server is started as `make run` starts it (`streamlit run dashboard/serve.py`,
with its start-up warm-up) and the clock starts when its process is launched.
The browser is already open, as on a user's laptop; the page is opened as soon
as the server answers its health check.  Printed per run, in seconds from launch:

* server healthy – /_stcore/health answered;
* page painted   – the first animation frame in which Oversikt's title and key
  figures are laid out (recorded in the page with requestAnimationFrame; the
  browser paints right after that callback).  This is the target: <= 3 s;
* first chart    – the same for the first plotly chart (plotly.js is a 4.7 MB
  bundle that Streamlit's frontend loads when it meets the first chart);
* seen by driver – when Playwright's own visibility check returned.  It polls
  from inside the page, so it is late whenever the page's main thread is busy
  (evaluating plotly.js right after the key figures were painted): an upper bound.

"Cold" is a new, empty browser profile each run (a first-ever visit); "warm"
keeps one profile across server restarts (Streamlit's bundles come from the cache).
Uses Debian's Chromium (/usr/bin/chromium); never downloads a browser.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from conftest import CHROMIUM_ARGS, chromium_path, free_port, start_server, stop_server  # noqa: E402

TARGET_S = 3.0
# Frame marks in wall-clock milliseconds (performance.timeOrigin + now), comparable with time.time().
PAINT_MARKS = """
window.__paint = {};
const laidOut = (sel) => { const el = document.querySelector(sel); return !!el && el.getBoundingClientRect().height > 0; };
const frame = () => {
  const now = performance.timeOrigin + performance.now();
  if (!('page' in window.__paint) && laidOut('h1') && laidOut("[data-testid='stMetric']")) window.__paint.page = now;
  if (!('chart' in window.__paint) && laidOut('.js-plotly-plot .main-svg')) window.__paint.chart = now;
  if (!('chart' in window.__paint)) requestAnimationFrame(frame);
};
requestAnimationFrame(frame);
"""


def measure(db: Path, context, port: int) -> dict[str, float]:
    page = context.new_page()  # the browser window is open before the server starts
    server = start_server(db, log=Path("/tmp") / "naeringspuls-first-render.log", port=port)
    launched = time.time() - (time.perf_counter() - server.started)
    try:
        page.goto(server.url)
        page.wait_for_selector("[data-testid='stMetric']", timeout=60_000)
        seen = time.time()
        page.wait_for_function("window.__paint && 'chart' in window.__paint", timeout=60_000)
        marks = page.evaluate("window.__paint")
        page.close()
    finally:
        stop_server(server.process)
    return {
        "healthy": server.ready - server.started,
        "page": marks["page"] / 1000 - launched,
        "chart": marks["chart"] / 1000 - launched,
        "seen": seen - launched,
    }


def report(label: str, results: list[dict[str, float]]) -> None:
    print(f"-- {label}")
    for i, r in enumerate(results, 1):
        print(f"run {i}: server healthy {r['healthy']:.2f} s, page painted {r['page']:.2f} s, "
              f"first chart {r['chart']:.2f} s, seen by driver {r['seen']:.2f} s")
    med = {k: statistics.median(r[k] for r in results) for k in results[0]}
    worst = max(r["page"] for r in results)
    print(f"median page painted ({label}): {med['page']:.2f} s, slowest {worst:.2f} s "
          f"(target <= {TARGET_S:.0f} s){'' if med['page'] <= TARGET_S else '  SLOW'}")
    print(f"median first chart ({label}): {med['chart']:.2f} s; median seen by driver: {med['seen']:.2f} s")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=ROOT / "data" / "naering.duckdb")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    if not args.db.exists():
        sys.exit(f"{args.db} not found: run `make db` (or pass --db)")
    from playwright.sync_api import sync_playwright

    port = free_port()
    with sync_playwright() as pw:
        # The browser is launched before the server, so its start-up is not counted.
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            cold = []
            for _ in range(args.runs):
                ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
                ctx.add_init_script(PAINT_MARKS)
                cold.append(measure(args.db, ctx, port))
                ctx.close()
            ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
            ctx.add_init_script(PAINT_MARKS)
            measure(args.db, ctx, port)  # priming visit, not counted
            warm = [measure(args.db, ctx, port) for _ in range(args.runs)]
            ctx.close()
        finally:
            browser.close()
    report("cold browser cache", cold)
    report("warm browser cache", warm)


if __name__ == "__main__":
    main()
