"""The board pack's content, shared by the PowerPoint and the PDF version.

One place decides what goes in: a title page with the filters and period, one
page per chosen chart (a picture rendered in parallel on the warm exporter, its
title and source note), and key statements with citations.  Without Chromium
the chart pages carry the install hint and the chart's data instead of a picture.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from dashboard import style
from dashboard.exports import render, texts
from dashboard.exports.decorate import decorate
from dashboard.exports.naming import pack_file_name
from dashboard.exports.spec import ExportContext

PACK_TITLE = "Styrepakke"
PACK_KICKER = "Næringspuls · Osloregionens faggruppe for Næringssamarbeid"
STATEMENTS_TITLE = "Sentrale utsagn"
KEY_FIGURES_TITLE = "Nøkkeltall – saker"
KEY_FIGURES_NOTE = "Hver sak er telt én gang (siste tall som er nevnt); stansede saker og fryktede nedleggelser er ikke med."
NO_STATEMENTS = "Ingen utsagn i dette utvalget."

ChartItem = tuple[go.Figure, ExportContext, pd.DataFrame]


@dataclass
class PackChart:
    title: str
    filters_line: str
    source_note: str
    png: bytes | None  # None when Chromium is missing
    data: pd.DataFrame
    problem: str | None = None  # Norwegian, shown instead of the picture


@dataclass
class PackStatement:
    text: str
    citation: str


@dataclass
class BoardPack:
    title: str
    kicker: str
    filter_items: list[tuple[str, str]]
    period: tuple[dt.date | None, dt.date | None]
    made: dt.date
    source_line: str
    charts: list[PackChart] = field(default_factory=list)
    statements: list[PackStatement] = field(default_factory=list)
    n_statements_total: int = 0
    key_figures: list[tuple[str, str, str]] = field(default_factory=list)  # (label, value, note)

    @property
    def made_line(self) -> str:
        return texts.made_line(self.made)

    def file_name(self, ext: str) -> str:
        return pack_file_name(dict(self.filter_items), self.period[1], ext)

    def statement_pages(self, per_page: int = style.PACK_STATEMENTS_PER_SLIDE) -> list[list[PackStatement]]:
        items = self.statements
        if not items:
            return [[]]
        # As few slides as ``per_page`` allows, filled evenly (5 → 3 + 2, never 4 + a lone one on a
        # half-empty slide).
        slides = -(-len(items) // per_page)
        size, extra = divmod(len(items), slides)
        bounds = [0]
        for i in range(slides):
            bounds.append(bounds[-1] + size + (1 if i < extra else 0))
        return [items[a:b] for a, b in zip(bounds, bounds[1:])]


def _span(dates: Sequence) -> tuple[dt.date | None, dt.date | None]:
    clean = [pd.Timestamp(d).date() for d in dates if d is not None and not pd.isna(d)]
    return (min(clean), max(clean)) if clean else (None, None)


def pack_period(charts: Sequence[ChartItem], statements: pd.DataFrame | None) -> tuple[dt.date | None, dt.date | None]:
    dates: list = []
    for _, ctx, _ in charts:
        dates += [d for d in ctx.period if d is not None]
    if statements is not None and "meeting_date" in statements.columns:
        dates += list(statements["meeting_date"].dropna())
    return _span(dates)


def select_statements(statements: pd.DataFrame | None, limit: int = style.PACK_MAX_STATEMENTS) -> list[PackStatement]:
    """The first ``limit`` statements in the page's order (the page decides what is "key")."""
    if statements is None or statements.empty:
        return []
    rows = statements.head(limit).to_dict("records")
    return [
        PackStatement(text=texts.shorten(r.get("text", ""), style.PACK_STATEMENT_CHARS), citation=texts.citation(r))
        for r in rows
    ]


def build_pack(
    charts: Sequence[ChartItem],
    statements: pd.DataFrame | None,
    filters: dict[str, str],
    *,
    made: dt.date | None = None,
    key_figures: Mapping | None = None,
) -> BoardPack:
    """Render every chart picture (in parallel, cached) and assemble the pack's content."""
    made = made or texts.today()
    period = pack_period(charts, statements)
    pack = BoardPack(
        title=PACK_TITLE,
        kicker=PACK_KICKER,
        filter_items=texts.filter_items(filters, period),
        period=period,
        made=made,
        source_line=texts.source_line(period, max((ctx.corrections for _, ctx, _ in charts), default=0)),
        statements=select_statements(statements),
        n_statements_total=0 if statements is None else len(statements),
        key_figures=texts.sak_figure_items(key_figures) if key_figures else [],
    )
    figs = [
        decorate(
            fig, ctx, made=made, title=False, footer=False,
            width=style.PACK_CHART_WIDTH_PX, height=style.PACK_CHART_HEIGHT_PX,
        )
        for fig, ctx, _ in charts
    ]  # fmt: skip
    problem: str | None = None
    pngs: list[bytes | None]
    try:
        pngs = list(
            render.render_many(
                figs, "png", width=style.PACK_CHART_WIDTH_PX, height=style.PACK_CHART_HEIGHT_PX, scale=style.PACK_CHART_SCALE
            )
        )
    except render.ExportUnavailable as exc:
        problem = str(exc)
        pngs = [None] * len(figs)
    for (_, ctx, data), png in zip(charts, pngs, strict=True):
        pack.charts.append(
            PackChart(
                title=ctx.title,
                filters_line=texts.filters_line(ctx.filters, ctx.period),
                source_note=texts.footer_line(ctx.period, made, ctx.corrections),
                png=png,
                data=data if data is not None else pd.DataFrame(),
                problem=problem,
            )
        )
    return pack
