"""One call per download: what the buttons, tests and benchmarks use.

* ``export_chart(fig, ctx, "png")``  → slide-ready PNG/SVG/PDF bytes (decorated, cached).
* ``export_table(df, ctx, "csv")``   → CSV or Excel bytes.
* ``export_pack(charts, statements, filters, "pptx")`` → a page's one-click board pack (PowerPoint or PDF).
* ``export_slides(requests, statements, filters, "pptx")`` → the pack put together on the Styrepakke page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from dashboard import organisation
from dashboard.exports import render, tables, texts
from dashboard.exports.decorate import decorate
from dashboard.exports.pack import (
    ChartItem,
    SlideRequest,
    build_pack,
    requests_from_charts,
)
from dashboard.exports.spec import ExportContext
from dashboard.organisation import Organisation

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


def _pack_key(requests: Sequence[SlideRequest], statements: pd.DataFrame | None, filters: dict, fmt: str, made,
              org: Organisation) -> str:
    h = hashlib.sha256()
    h.update(repr(org).encode())
    for r in requests:
        h.update(repr((r.ctx, r.comment, sorted((r.key_figures or {}).items()))).encode())
        h.update(r.fig.to_json().encode() if r.fig is not None else b"-")
        data = r.data
        h.update(pd.util.hash_pandas_object(data.astype(str), index=False).values.tobytes() if data is not None else b"")
    if statements is not None and not statements.empty:
        h.update(pd.util.hash_pandas_object(statements.astype(str), index=False).values.tobytes())
    h.update(repr((sorted(filters.items()), fmt, made)).encode())
    return h.hexdigest()


def export_slides(
    requests: Sequence[SlideRequest],
    statements: pd.DataFrame | None,
    filters: dict[str, str],
    fmt: str,
    *,
    made: dt.date | None = None,
) -> bytes:
    """The board pack the user put together (the Styrepakke page): the slides in ``requests`` in
    their order, then ``statements`` (in their order, each once) with citations; PowerPoint (``pptx``,
    native charts where PowerPoint has the type) or PDF (``pdf``); cached for identical packs.
    The organisation template is read from ``$NAERINGSPULS_ORGANISATION`` on every call."""
    if fmt not in PACK_FORMATS:
        raise ValueError(f"Unknown pack format {fmt!r}")
    org = organisation.load()
    key = _pack_key(requests, statements, filters, fmt, made, org)
    with _pack_lock:
        if key in _pack_cache:
            _pack_cache.move_to_end(key)
            return _pack_cache[key]
    pack = build_pack(requests, statements, filters, made=made, native=fmt == "pptx", organisation=org)
    if fmt == "pptx":
        from dashboard.exports.pptx_pack import build_pptx

        data = build_pptx(pack)
    else:
        from dashboard.exports.pdf_pack import build_pdf

        data = build_pdf(pack)
    if not any(s.problem for s in pack.slides):  # don't keep a degraded pack
        with _pack_lock:
            _pack_cache[key] = data
            while len(_pack_cache) > _PACK_CACHE_ENTRIES:
                _pack_cache.popitem(last=False)
    return data


def export_pack(
    charts: Sequence[ChartItem],
    statements: pd.DataFrame | None,
    filters: dict[str, str],
    fmt: str,
    *,
    made: dt.date | None = None,
    key_figures: dict | None = None,
) -> bytes:
    """A page's one-click board pack: ``key_figures`` (``queries.sak_key_figures``) as the first slide,
    then ``charts`` with their own titles, then the first statements of ``statements``."""
    return export_slides(requests_from_charts(charts, key_figures, filters), statements, filters, fmt, made=made)


def pack_file_name(charts: Sequence[ChartItem], statements: pd.DataFrame | None, filters: dict[str, str], ext: str) -> str:
    from dashboard.exports.naming import pack_file_name as _name
    from dashboard.exports.pack import pack_period

    return _name(filters, pack_period(charts, statements)[1], ext)
