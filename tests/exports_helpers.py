"""Shared sample charts and data for the export tests (not a test module)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import style
from dashboard.exports.spec import ExportContext

MADE = dt.date(2026, 11, 26)
PERIOD = (dt.date(2025, 10, 23), dt.date(2026, 3, 12))
FILTERS = {"Tema": "Forsvar", "Region": "Alle", "Periode": "23.10.2025–12.03.2026"}


def region_data() -> pd.DataFrame:
    return pd.DataFrame({"region": ["Oslo", "Bærum", "Asker", "Lillestrøm", "Ås"], "n": [12, 7, 5, 4, 3]})


def bar_figure(df: pd.DataFrame | None = None) -> go.Figure:
    style.register_template()
    df = region_data() if df is None else df
    fig = go.Figure(go.Bar(x=df["n"], y=df["region"], orientation="h", marker_color=style.PRIMARY))
    fig.update_layout(template=style.TEMPLATE_NAME, height=420)
    return fig


def context(title: str = "Utsagn om forsvar per region", slug: str = "forsvar-per-region") -> ExportContext:
    return ExportContext(title=title, slug=slug, filters=dict(FILTERS), period=PERIOD)


def statements(n: int = 6) -> pd.DataFrame:
    units = ["Bærum kommune", "Ås kommune", "Lillestrøm kommune"]
    return pd.DataFrame(
        {
            "statement_id": [f"s{i}" for i in range(n)],
            "unit_name": [units[i % 3] for i in range(n)],
            "meeting_date": pd.to_datetime(["2025-10-23", "2026-03-12"] * (n // 2) + ["2025-10-23"] * (n % 2)),
            "text": [f"Utsagn {i}: Forsvarsbygg øker aktiviteten på Kjeller; «næringsareal» på 1,5 mrd." for i in range(n)],
            "themes": [np.array(["forsvar", "naeringsareal"])] * n,
            "source_file": ["referat-2025-10-23.pdf"] * n,
            "page": [1 + i % 2 for i in range(n)],
            "line_start": [49 + i for i in range(n)],
            "line_end": [51 + i for i in range(n)],
        }
    )


def tema_pack_pdf(version, made: dt.date | None = None) -> bytes:
    """The Tema page's board pack for all themes and regions, as its Styrepakke button builds it: its two
    charts, its statements and the register's key figures (used by the slide checks and docs/make_screenshots.py)."""
    from dashboard import charts, queries
    from dashboard.exports import api

    summ = queries.summary(version)
    period = (summ["first_date"], summ["last_date"])
    f = queries.StatementFilter((), (), None, None)
    grain = queries.trend_grain(queries.meeting_dates(version))
    filters = {"Tema": "Alle temaer", "Region": "Alle", "Periode": "Alle"}
    trend, by_unit = queries.theme_trend(version, f, grain), queries.theme_by_unit(version, f)
    items = [
        (charts.theme_trend(trend, grain=grain), ExportContext(f"Utsagn per tema {queries.GRAIN_LABELS[grain]}", "tema-over-tid",
                                                  filters, period), trend),
        (charts.unit_bars(by_unit, color=style.PRIMARY),
         ExportContext("Utsagn per kommune og region", "tema-per-enhet", filters, period), by_unit),
    ]  # fmt: skip
    rows, _ = queries.filtered_statements(version, f, (), (), (), grain=grain)
    return api.export_pack(items, rows, filters, "pdf", made=made, key_figures=queries.sak_key_figures(version))


def builder_pack(version, fmt: str, made: dt.date | None = None) -> tuple[bytes, int]:
    """What the Styrepakke page makes when every slide it offers is picked, in its order, with six
    hand-picked statements and one of them picked twice (it goes in once); (file, number of slides asked for)."""
    from dashboard import pack_slides, queries
    from dashboard.exports import api

    summ = queries.summary(version)
    view = pack_slides.PackView(grain="quarter", labels={"Tema": "Alle temaer", "Region": "Alle"},
                                period=(summ["first_date"], summ["last_date"]))  # fmt: skip
    requests = [pack_slides.make_slide(version, view, kind) for kind in pack_slides.SLIDES]
    rows, _ = queries.filtered_statements(version, view.statement_filter, (), (), ())
    picked = pd.concat([rows.head(6), rows.head(1)])
    return api.export_slides(requests, picked, view.labels, fmt, made=made), len(requests)
