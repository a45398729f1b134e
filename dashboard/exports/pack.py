"""The board pack's content, shared by the PowerPoint and the PDF version.

One place decides what goes in: a title slide with the filters, the period and the
date in words, then the slides the user asked for, in their order (a chart, the
register's key figures, or a table), each with its title, an optional comment and
its source line, and the key statements with citations a board reads.  Charts that
PowerPoint can draw natively carry their data (``native_chart``); the others, and
every chart of the PDF, a picture rendered in parallel on the warm exporter.
Without Chromium a picture slide carries the install hint and the chart's data.
"""

from __future__ import annotations

import struct

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from dashboard import organisation as org_mod
from dashboard import style
from dashboard.exports import native_chart, render, texts
from dashboard.exports.decorate import decorate
from dashboard.exports.naming import pack_file_name
from dashboard.exports.spec import ExportContext

PACK_TITLE = "Styrepakke"
STATEMENTS_TITLE = "Sentrale utsagn"
KEY_FIGURES_TITLE = "Nøkkeltall – saker"
KEY_FIGURES_NOTE = "Hver sak er telt én gang (siste tall som er nevnt); stansede saker og fryktede nedleggelser er ikke med."
NO_STATEMENTS = "Ingen utsagn i dette utvalget."
TABLE_ROWS = 10  # rows of a table slide; the rest are in the Excel download

ChartItem = tuple[go.Figure, ExportContext, pd.DataFrame]


@dataclass(frozen=True)
class SlideRequest:
    """One slide the user asked for: a chart (``fig``), the key figures (``key_figures``) or a table
    (``data`` alone). ``ctx.title`` is the slide's title; ``comment`` the user's words under it."""

    ctx: ExportContext
    fig: go.Figure | None = None
    data: pd.DataFrame | None = None
    key_figures: Mapping | None = None
    comment: str = ""


@dataclass
class PackSlide:
    kind: str  # "chart", "key_figures" or "table"
    title: str
    comment: str
    filters_line: str
    source_note: str
    png: bytes | None = None  # a chart's picture (None: native, or Chromium missing)
    native: native_chart.NativeChart | None = None
    data: pd.DataFrame = field(default_factory=pd.DataFrame)
    key_figures: list[tuple[str, str, str]] = field(default_factory=list)  # (label, value, note)
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
    organisation: org_mod.Organisation = field(default_factory=org_mod.Organisation)
    slides: list[PackSlide] = field(default_factory=list)
    statements: list[PackStatement] = field(default_factory=list)
    n_statements_total: int = 0

    @property
    def made_line(self) -> str:
        return f"Laget {texts.date_words(self.made)}"

    @property
    def title_filters(self) -> list[tuple[str, str]]:
        """The filters on the title slide: the period is said in words above them."""
        return [(k, v) for k, v in self.filter_items if not (self.period_words and k.lower() == "periode")]

    @property
    def period_words(self) -> str | None:
        start, end = self.period
        if start is None and end is None:
            return None
        start, end = start or end, end or start
        if start == end:
            return f"Møtet {texts.date_words(start)}"
        return f"Møtene {texts.date_words(start)} – {texts.date_words(end)}"

    def foot(self, note: str) -> str:
        """A slide's foot: its source note, then the organisation's footer text."""
        return f"{note}{texts.SEPARATOR}{self.organisation.footer}" if self.organisation.footer else note

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
        return [items[a:b] for a, b in itertools.pairwise(bounds)]


def _span(dates: Sequence) -> tuple[dt.date | None, dt.date | None]:
    clean = [pd.Timestamp(d).date() for d in dates if d is not None and not pd.isna(d)]
    return (min(clean), max(clean)) if clean else (None, None)


def pack_period(requests: Sequence[SlideRequest | ChartItem], statements: pd.DataFrame | None) -> tuple[dt.date | None, dt.date | None]:
    dates: list = []
    for r in requests:
        ctx = r.ctx if isinstance(r, SlideRequest) else r[1]
        dates += [d for d in ctx.period if d is not None]
    if statements is not None and "meeting_date" in statements.columns:
        dates += list(statements["meeting_date"].dropna())
    return _span(dates)


def unique_statements(statements: pd.DataFrame | None) -> pd.DataFrame:
    """Each statement once: the same words from the same unit (a minute repeated in two documents,
    or one picked twice) keep their first row."""
    if statements is None or statements.empty:
        return pd.DataFrame() if statements is None else statements
    text = statements["text"].fillna("").map(lambda t: " ".join(str(t).split()).casefold())
    unit = statements["unit_name"].fillna("") if "unit_name" in statements else ""
    return statements[~pd.DataFrame({"t": text, "u": unit}).duplicated()]


def select_statements(statements: pd.DataFrame | None, limit: int = style.PACK_MAX_STATEMENTS) -> list[PackStatement]:
    """The first ``limit`` distinct statements in the given order (the user or the page decides what is key)."""
    rows = unique_statements(statements)
    if rows.empty:
        return []
    return [
        PackStatement(text=texts.shorten(r.get("text", ""), style.PACK_STATEMENT_CHARS), citation=texts.board_citation(r))
        for r in rows.head(limit).to_dict("records")
    ]


def requests_from_charts(charts: Sequence[ChartItem], key_figures: Mapping | None, filters: Mapping[str, str]) -> list[SlideRequest]:
    """The one-click pack of a page: its key figures (if any), then its charts."""
    period = pack_period(charts, None)
    out = [SlideRequest(ExportContext(KEY_FIGURES_TITLE, "nokkeltall", dict(filters), period), key_figures=key_figures)] if key_figures else []
    return out + [SlideRequest(ctx, fig=fig, data=data) for fig, ctx, data in charts]


def is_map(fig: go.Figure) -> bool:
    """A map keeps its proportions (its y axis is anchored to x): it fills a slide only when drawn wide."""
    return fig.layout.yaxis.scaleanchor is not None


def picture_height(fig: go.Figure) -> int:
    return style.PACK_MAP_HEIGHT_PX if is_map(fig) else style.PACK_CHART_HEIGHT_PX


def picture_ratio(png: bytes) -> float:
    """Width / height of a PNG, from its header (the IHDR chunk's first two fields)."""
    width, height = struct.unpack(">II", png[16:24])
    return width / height


def _pictures(figs: list[go.Figure]) -> tuple[list[bytes | None], str | None]:
    """Every picture at the pack's width, each at its own height (``picture_height``), in one batch per height."""
    if not figs:
        return [], None
    out: list[bytes | None] = [None] * len(figs)
    try:
        for height in sorted({int(f.layout.height or style.PACK_CHART_HEIGHT_PX) for f in figs}):
            idx = [i for i, f in enumerate(figs) if int(f.layout.height or style.PACK_CHART_HEIGHT_PX) == height]
            pngs = render.render_many([figs[i] for i in idx], "png", width=style.PACK_CHART_WIDTH_PX, height=height,
                                      scale=style.PACK_CHART_SCALE)  # fmt: skip
            for i, png in zip(idx, pngs, strict=True):
                out[i] = png
        return out, None
    except render.ExportUnavailable as exc:
        return [None] * len(figs), str(exc)


def build_pack(
    requests: Sequence[SlideRequest],
    statements: pd.DataFrame | None,
    filters: dict[str, str],
    *,
    made: dt.date | None = None,
    native: bool = True,
    organisation: org_mod.Organisation | None = None,
) -> BoardPack:
    """Render the pictures the pack needs (in parallel, cached) and assemble its content.
    ``native``: charts python-pptx can draw carry their data instead of a picture (PowerPoint)."""
    made = made or texts.today()
    period = pack_period(requests, statements)
    org = organisation or org_mod.load()
    pack = BoardPack(
        title=PACK_TITLE,
        kicker=org.name,
        filter_items=texts.filter_items(filters, period),
        period=period,
        made=made,
        source_line=texts.source_line(period, max((r.ctx.corrections for r in requests), default=0)),
        organisation=org,
        statements=select_statements(statements),
        n_statements_total=len(unique_statements(statements)),
    )
    natives = [native_chart.from_figure(r.fig) if native and r.fig is not None else None for r in requests]
    wants_png = [r.fig is not None and n is None for r, n in zip(requests, natives, strict=True)]
    figs = [
        decorate(r.fig, r.ctx, made=made, title=False, footer=False,
                 width=style.PACK_CHART_WIDTH_PX, height=picture_height(r.fig))
        for r, want in zip(requests, wants_png, strict=True) if want
    ]  # fmt: skip
    pngs, problem = _pictures(figs)
    png_iter = iter(pngs)
    for r, nat, want in zip(requests, natives, wants_png, strict=True):
        common = {"title": r.ctx.title, "comment": " ".join(str(r.comment or "").split()),
                  "filters_line": texts.filters_line(r.ctx.filters, r.ctx.period),
                  "source_note": texts.footer_line(r.ctx.period, made, r.ctx.corrections)}  # fmt: skip
        data = r.data if r.data is not None else pd.DataFrame()
        if r.key_figures is not None:
            slide = PackSlide("key_figures", **common, key_figures=texts.sak_figure_items(r.key_figures))
            slide.source_note = f"{KEY_FIGURES_NOTE} {slide.source_note}"
        elif r.fig is not None:
            png = next(png_iter) if want else None
            slide = PackSlide("chart", **common, png=png, native=nat, data=data, problem=problem if want else None)
        else:
            slide = PackSlide("table", **common, data=data.head(TABLE_ROWS))
        pack.slides.append(slide)
    return pack
