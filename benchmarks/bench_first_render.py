"""Time from launching `streamlit run` to the first rendered Oversikt in Chromium.

    .venv/bin/python benchmarks/bench_first_render.py [--db data/naering.duckdb] [--runs 3]

Prints, measured from the moment the server process was launched: server healthy,
first rendered page (Oversikt's title and key figures on screen) and first chart
drawn (plotly.js is loaded lazily by Streamlit's frontend).  Target: first
rendered page <= 3 s.
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


def measure(db: Path, context, port: int) -> tuple[float, float, float]:
    server = start_server(db, log=Path("/tmp") / "naeringspuls-first-render.log", port=port)
    try:
        page = context.new_page()
        page.goto(server.url)
        # First rendered page: the Oversikt title and its key figures are on screen.
        page.wait_for_selector("h1", timeout=60_000)
        page.wait_for_selector("[data-testid='stMetric']", timeout=60_000)
        content = time.perf_counter()
        # Then the first chart (plotly.js is a lazily loaded bundle in Streamlit's frontend).
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)
        chart = time.perf_counter()
        page.close()
    finally:
        stop_server(server.process)
    return server.ready - server.started, content - server.started, chart - server.started


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=ROOT / "data" / "naering.duckdb")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    if not args.db.exists():
        sys.exit(f"{args.db} not found: run `make db` (or pass --db)")
    from playwright.sync_api import sync_playwright

    port = free_port()
    with sync_playwright() as pw:
        # The browser is launched before the server, so its start-up is not counted.
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            # Cold: a new, empty browser profile each run (a first-ever visit).
            cold = []
            for _ in range(args.runs):
                ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
                cold.append(measure(args.db, ctx, port))
                ctx.close()
            # Warm: the same profile across server restarts, as on a laptop that has
            # opened the dashboard before (Streamlit's bundles are cached as immutable).
            ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
            measure(args.db, ctx, port)  # priming visit, not counted
            warm = [measure(args.db, ctx, port) for _ in range(args.runs)]
            ctx.close()
        finally:
            browser.close()
    for label, results in (("cold browser cache", cold), ("warm browser cache", warm)):
        print(f"-- {label}")
        for i, (healthy, content, chart) in enumerate(results, 1):
            print(f"run {i}: server healthy {healthy:.2f} s, page rendered {content:.2f} s, first chart {chart:.2f} s")
        med = statistics.median(c for _, c, _ in results)
        med_chart = statistics.median(c for *_, c in results)
        print(f"median first rendered page ({label}): {med:.2f} s (target <= 3 s){'' if med <= 3 else '  SLOW'}")
        print(f"median first chart drawn ({label}):   {med_chart:.2f} s")


if __name__ == "__main__":
    main()
