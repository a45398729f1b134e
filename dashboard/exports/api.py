"""One call per download: what the buttons, tests and benchmarks use.

* ``export_chart(fig, ctx, "png")``  → slide-ready PNG/SVG/PDF bytes (decorated, cached).
* ``export_table(df, ctx, "csv")``   → CSV or Excel bytes.
* ``export_pack(charts, statements, filters, "pptx")`` → the board pack (PowerPoint or PDF).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from dashboard.exports import render, tables, texts
from dashboard.exports.decorate import decorate
from dashboard.exports.pack import ChartItem, build_pack
from dashboard.exports.spec import ExportContext

CHART_FORMATS = ("png", "svg", "pdf")
TABLE_FORMATS = ("csv", "xlsx")
PACK_FORMATS = ("pptx", "pdf")

_pack_cache: OrderedDict[str, bytes] = OrderedDict()
_pack_lock = threading.Lock()
_PACK_CACHE_ENTRIES = 8


def export_chart(fig: go.Figure, ctx: ExportContext, fmt: str, *, made: dt.date | None = None) -> bytes:
    """The chart as a file that stands on its own: title, filters, source, made date; 16:9."""
    if fmt not in CHART_FORMATS:
        raise ValueError(f"Unknown chart format {fmt!r}")
    data = render.render(decorate(fig, ctx, made=made), fmt)
    if fmt == "pdf":  # the reader's title bar and document properties name the chart, in Norwegian
        data = render.with_pdf_metadata(data, title=ctx.title, subject=texts.filters_line(ctx.filters, ctx.period))
    return data


def export_table(df: pd.DataFrame, ctx: ExportContext, fmt: str, *, made: dt.date | None = None) -> bytes:
    if fmt == "csv":
        return tables.to_csv_bytes(df)
    if fmt == "xlsx":
        return tables.to_excel_bytes(df, ctx, made=made)
    raise ValueError(f"Unknown table format {fmt!r}")


def _pack_key(charts: Sequence[ChartItem], statements: pd.DataFrame | None, filters: dict, fmt: str, made,
              key_figures=None) -> str:
    h = hashlib.sha256()
    h.update(repr(sorted((key_figures or {}).items())).encode())
    for fig, ctx, data in charts:
        h.update(fig.to_json().encode())
        h.update(repr(ctx).encode())
        h.update(pd.util.hash_pandas_object(data.astype(str), index=False).values.tobytes() if data is not None else b"")
    if statements is not None and not statements.empty:
        h.update(pd.util.hash_pandas_object(statements.astype(str), index=False).values.tobytes())
    h.update(repr((sorted(filters.items()), fmt, made)).encode())
    return h.hexdigest()


def export_pack(
    charts: Sequence[ChartItem],
    statements: pd.DataFrame | None,
    filters: dict[str, str],
    fmt: str,
    *,
    made: dt.date | None = None,
    key_figures: dict | None = None,
) -> bytes:
    """The board pack as PowerPoint (``pptx``) or PDF (``pdf``); cached for identical views.
    ``key_figures`` (``queries.sak_key_figures``) adds a slide of the register's counts."""
    if fmt not in PACK_FORMATS:
        raise ValueError(f"Unknown pack format {fmt!r}")
    key = _pack_key(charts, statements, filters, fmt, made, key_figures)
    with _pack_lock:
        if key in _pack_cache:
            _pack_cache.move_to_end(key)
            return _pack_cache[key]
    pack = build_pack(charts, statements, filters, made=made, key_figures=key_figures)
    if fmt == "pptx":
        from dashboard.exports.pptx_pack import build_pptx

        data = build_pptx(pack)
    else:
        from dashboard.exports.pdf_pack import build_pdf

        data = build_pdf(pack)
    if all(c.png is not None for c in pack.charts):  # don't keep a degraded pack
        with _pack_lock:
            _pack_cache[key] = data
            while len(_pack_cache) > _PACK_CACHE_ENTRIES:
                _pack_cache.popitem(last=False)
    return data


def pack_file_name(charts: Sequence[ChartItem], statements: pd.DataFrame | None, filters: dict[str, str], ext: str) -> str:
    from dashboard.exports.naming import pack_file_name as _name
    from dashboard.exports.pack import pack_period

    return _name(filters, pack_period(charts, statements)[1], ext)
