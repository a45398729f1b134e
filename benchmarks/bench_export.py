"""Export timings: cold start, warm per chart per format, 10-chart board pack (PPTX, PDF).

Run: ``.venv/bin/python benchmarks/bench_export.py`` (needs Debian's chromium).
Targets: ≤ 1 s per chart once warm, ≤ 15 s for a 10-chart pack.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import plotly.graph_objects as go  # noqa: E402

from dashboard import style  # noqa: E402
from dashboard.exports import api, render  # noqa: E402
from dashboard.exports.spec import ExportContext  # noqa: E402

PERIOD = (dt.date(2025, 10, 23), dt.date(2026, 3, 12))
FILTERS = {"Tema": "Forsvar", "Region": "Alle", "Periode": "23.10.2025–12.03.2026"}
REGIONS = ["Oslo", "Bærum", "Asker", "Lillestrøm", "Ås", "Nordre Follo", "Lørenskog", "Ullensaker"]


def chart(i: int) -> tuple[go.Figure, ExportContext, pd.DataFrame]:
    rng = np.random.default_rng(i)
    style.register_template()
    if i % 2:
        data = pd.DataFrame({"region": REGIONS, "n": rng.integers(1, 30, len(REGIONS))})
        fig = go.Figure(go.Bar(x=data["n"], y=data["region"], orientation="h"))
    else:
        dates = pd.date_range("2025-10-23", periods=12, freq="14D")
        data = pd.DataFrame({"meeting_date": dates, "n": rng.integers(0, 12, len(dates))})
        fig = go.Figure(go.Scatter(x=data["meeting_date"], y=data["n"], mode="lines+markers"))
    fig.update_layout(template=style.TEMPLATE_NAME)
    ctx = ExportContext(f"Graf {i}: utsagn om forsvar", f"graf-{i}", FILTERS, PERIOD)
    return fig, ctx, data


def statements(n: int = 12) -> pd.DataFrame:
    return pd.DataFrame({
        "unit_name": [REGIONS[i % len(REGIONS)] for i in range(n)],
        "meeting_date": pd.to_datetime(["2025-10-23"] * n),
        "text": ["Forsvarsbygg planlegger økt aktivitet, og kommunen følger opp med arealplaner."] * n,
        "source_file": ["referat-2025-10-23.pdf"] * n,
        "page": [1] * n, "line_start": list(range(10, 10 + n)), "line_end": list(range(12, 12 + n)),
    })  # fmt: skip


def main() -> int:
    if not render.chromium_available():
        print(render.CHROMIUM_MISSING)
        return 1
    print(f"Chromium: {render.find_chromium()}")
    t0 = time.perf_counter()
    render.start()
    first = api.export_chart(*chart(0)[:2], "png")
    cold = time.perf_counter() - t0
    print(f"cold start + first PNG:            {cold:6.2f} s  ({len(first) / 1024:.0f} KiB)")

    ok = True
    for fmt in ("png", "svg", "pdf"):
        times = []
        for i in range(1, 9):
            fig, ctx, _ = chart(i)
            t = time.perf_counter()
            api.export_chart(fig, ctx, fmt)
            times.append(time.perf_counter() - t)
        worst = max(times)
        ok &= worst <= 1.0
        print(f"warm {fmt.upper():3} per chart (8 charts):     median {statistics.median(times):5.2f} s, max {worst:5.2f} s")
    fig, ctx, _ = chart(1)
    t = time.perf_counter()
    api.export_chart(fig, ctx, "png")
    print(f"cached PNG (same figure again):    {time.perf_counter() - t:6.3f} s")

    for fmt in ("pptx", "pdf"):
        render.clear_cache()
        charts = [chart(100 + i + (0 if fmt == "pptx" else 50)) for i in range(10)]
        t = time.perf_counter()
        data = api.export_pack(charts, statements(), FILTERS, fmt)
        took = time.perf_counter() - t
        ok &= took <= 15
        print(f"10-chart board pack {fmt.upper():4}:          {took:6.2f} s  ({len(data) / 1024 / 1024:.1f} MiB)")
    render.shutdown()
    print("targets met (≤1 s/chart warm, ≤15 s/pack):", "ja" if ok else "NEI")
    return 0 if ok else 2


if __name__ == "__main__":
    raise SystemExit(main())
