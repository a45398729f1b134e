"""The board pack as PDF (fpdf2, DejaVu Sans for æøå): same pages as the PowerPoint, every chart a picture."""

from __future__ import annotations

import io

import pandas as pd
from fpdf import FPDF, FontFace

from dashboard import style
from dashboard.exports import pack as pack_mod
from dashboard.exports import tables, texts
from dashboard.exports.pack import BoardPack

_MM = 25.4
_W, _H, _M = style.SLIDE_WIDTH_IN * _MM, style.SLIDE_HEIGHT_IN * _MM, style.SLIDE_MARGIN_IN * _MM
_FONT = "DejaVu"
_PT_MM = 0.3528  # 1 pt in mm


class _Pdf(FPDF):
    def __init__(self, pack: BoardPack) -> None:
        super().__init__(orientation="L", unit="mm", format=(_H, _W))
        self.pack = pack
        self.set_auto_page_break(False)
        self.set_margins(_M, _M, _M)
        self.add_font(_FONT, "", style.FONT_REGULAR_PATH)
        self.add_font(_FONT, "B", style.FONT_BOLD_PATH)
        self.set_title(f"{pack.title} – " + " · ".join(f"{k}: {v}" for k, v in pack.filter_items))
        self.set_author("Næringspuls")
        self.set_creator("Næringspuls")
        self.set_lang("nb-NO")
        self.primary = pack.organisation.primary

    def color(self, hex_color: str) -> None:
        self.set_text_color(*style.rgb(hex_color))

    def text_block(self, text: str, size: float, *, bold: bool = False, color: str = style.TEXT, w: float = 0,
                   after: float = 0, align: str = "L") -> None:  # fmt: skip
        self.set_font(_FONT, "B" if bold else "", size)
        self.color(color)
        self.multi_cell(w or (_W - 2 * _M), size * _PT_MM * 1.3, text, align=align, new_x="LMARGIN", new_y="NEXT")
        if after:
            self.ln(after)

    def heading(self, title: str) -> None:
        self.add_page()
        self.set_xy(_M, 9)
        self.text_block(title, style.PACK_HEADING_PT, bold=True)
        self.set_fill_color(*style.rgb(self.primary))
        self.rect(_M, self.get_y() + 1, 30, 1, style="F")
        if self.pack.organisation.logo:  # small, top right, clear of the title
            self.image(io.BytesIO(self.pack.organisation.logo), x=_W - _M - 30, y=4, h=8, keep_aspect_ratio=True, w=30)
        self.set_y(self.get_y() + 4)

    def comment(self, text: str) -> None:
        if text:
            self.text_block(text, style.PACK_BODY_PT, after=1)

    def foot(self, text: str) -> None:
        self.set_xy(_M, _H - 13)
        self.text_block(self.pack.foot(text), style.PACK_NOTE_PT, color=style.MUTED, w=_W - 2 * _M - 15)
        self.set_xy(_W - _M - 15, _H - 13)
        self.set_font(_FONT, "", style.PACK_NOTE_PT)
        self.cell(15, style.PACK_NOTE_PT * _PT_MM * 1.3, str(self.page_no()), align="R")


def _title_page(pdf: _Pdf, pack: BoardPack) -> None:
    pdf.add_page()
    pdf.set_fill_color(*style.rgb(pdf.primary))
    pdf.rect(0, 0, _W, 6, style="F")
    if pack.organisation.logo:
        pdf.image(io.BytesIO(pack.organisation.logo), x=_W - _M - 50, y=14, w=50, h=20, keep_aspect_ratio=True)
    pdf.set_xy(_M + 8, 26)
    pdf.text_block(pack.kicker, style.PACK_BODY_PT, color=style.MUTED, after=6)
    pdf.set_x(_M + 8)
    pdf.text_block(pack.title, style.PACK_TITLE_PT + 8, bold=True, color=pdf.primary, after=4)
    if pack.period_words:
        pdf.set_x(_M + 8)
        pdf.text_block(pack.period_words, style.PACK_BODY_PT + 4, bold=True, after=6)
    for k, v in pack.title_filters:
        pdf.set_x(_M + 8)
        pdf.text_block(f"{k}: {v}", style.PACK_BODY_PT + 4, after=2)
    pdf.set_xy(_M + 8, _H - 38)
    pdf.text_block(pack.source_line, style.PACK_NOTE_PT + 1, color=style.MUTED, after=1)
    pdf.set_x(_M + 8)
    pdf.text_block(pack.foot(pack.made_line), style.PACK_NOTE_PT + 1, color=style.MUTED)


def _chart_page(pdf: _Pdf, chart: pack_mod.PackSlide) -> None:
    pdf.heading(chart.title)
    pdf.comment(chart.comment)
    pdf.text_block(chart.filters_line, style.PACK_NOTE_PT + 2, color=style.MUTED, after=2)
    top = pdf.get_y()
    avail_w, avail_h = _W - 2 * _M, _H - top - 16
    if chart.png is not None:
        ratio = pack_mod.picture_ratio(chart.png)
        w = min(avail_w, avail_h * ratio)
        pdf.image(io.BytesIO(chart.png), x=_M + (avail_w - w) / 2, y=top, w=w, h=w / ratio, alt_text=chart.title)
    else:
        pdf.text_block(chart.problem or "Grafen kunne ikke tegnes.", style.PACK_BODY_PT,
                       color=pdf.pack.organisation.accent, after=3)
        _table(pdf, chart.data, avail_w)
    pdf.foot(chart.source_note)


def _table(pdf: _Pdf, data, width: float, lines: int = 2) -> None:
    """The first rows of the data; the first column (a name or title) twice as wide, each cell cut to
    ``lines`` lines, so the table ends above the foot of the slide."""
    frame = tables.export_frame(data).head(pack_mod.TABLE_ROWS)
    frame = frame[[c for c in frame.columns if c not in tables.SOURCE_LABELS][:5]]
    if frame.empty or not len(frame.columns):
        return
    size = style.PACK_NOTE_PT - 1
    shares = [2] + [1] * (len(frame.columns) - 1)
    # DejaVu Sans averages about 0.55 em a character; the cell padding takes about 4 mm.
    per_line = [max(8, int((width * s / sum(shares) - 4) / (size * _PT_MM * 0.55))) for s in shares]
    pdf.set_font(_FONT, "", size)
    pdf.color(style.TEXT)
    pdf.set_draw_color(*style.rgb(style.GRID))
    pdf.set_fill_color(242, 244, 247)  # the heading rule left the primary colour as fill
    heading = FontFace(emphasis="BOLD", color=style.rgb(style.BACKGROUND), fill_color=style.rgb(pdf.primary))
    with pdf.table(width=width, col_widths=shares, text_align="LEFT", line_height=size * _PT_MM * 1.3, padding=1.6,
                   headings_style=heading, cell_fill_color=(242, 244, 247), cell_fill_mode="ROWS") as table:
        table.row([texts.shorten(str(c), n) for c, n in zip(frame.columns, per_line, strict=True)])
        for values in frame.itertuples(index=False, name=None):
            table.row([texts.shorten("" if v is None or pd.isna(v) else str(v), n * lines)
                       for v, n in zip(values, per_line, strict=True)])  # fmt: skip


def _table_page(pdf: _Pdf, slide: pack_mod.PackSlide) -> None:
    pdf.heading(slide.title)
    pdf.comment(slide.comment)
    pdf.text_block(slide.filters_line, style.PACK_NOTE_PT + 2, color=style.MUTED, after=3)
    _table(pdf, slide.data, _W - 2 * _M)
    pdf.foot(slide.source_note)


def _key_figures_page(pdf: _Pdf, slide: pack_mod.PackSlide) -> None:
    """The register's counts as large numbers, two rows of up to three."""
    pdf.heading(slide.title)
    pdf.comment(slide.comment)
    top, box_w, box_h = pdf.get_y() + 6, (_W - 2 * _M) / 3, 52
    for i, (label, value, note) in enumerate(slide.key_figures):
        row, col = divmod(i, 3)
        pdf.set_xy(_M + col * box_w, top + row * box_h)
        pdf.text_block(label, style.PACK_BODY_PT, bold=True, color=style.MUTED, w=box_w - 4, after=1)
        pdf.set_x(_M + col * box_w)
        pdf.text_block(value, style.PACK_TITLE_PT + 4, bold=True, color=pdf.primary, w=box_w - 4, after=1)
        pdf.set_x(_M + col * box_w)
        pdf.text_block(note, style.PACK_NOTE_PT + 2, w=box_w - 4)
    pdf.foot(slide.source_note)


def _block_height(pdf: _Pdf, text: str, size: float, *, bold: bool = False) -> float:
    pdf.set_font(_FONT, "B" if bold else "", size)
    return pdf.multi_cell(_W - 2 * _M, size * _PT_MM * 1.3, text, dry_run=True, output="HEIGHT")


def _statement_size(pdf: _Pdf, items: list[pack_mod.PackStatement], avail: float) -> tuple[float, list[float]]:
    """The largest body size (down to 9 pt) at which the page's statements fit above the foot,
    and each statement's height with its citation; long statements would otherwise run off the slide."""
    size = style.PACK_BODY_PT - 1
    while True:
        note = size - (style.PACK_BODY_PT - 1 - style.PACK_NOTE_PT - 1)
        heights = [_block_height(pdf, f"«{st.text}»", size) + 1 + _block_height(pdf, st.citation, note) for st in items]
        if sum(heights) + 3 * (len(items) - 1) <= avail or size <= 9:
            return size, heights
        size -= 1


def _statement_tops(top: float, avail: float, heights: list[float]) -> list[float]:
    """Where each statement starts: centred in an equal share of the body when each fits its share (two
    statements sit at a quarter and three quarters, not at the very top and bottom), else one after the
    other, spread over the body and never closer than 3 mm. Either way no half of the slide is empty."""
    if not heights:
        return []
    slot = avail / len(heights)
    if all(h <= slot for h in heights):
        return [top + i * slot + (slot - h) / 2 for i, h in enumerate(heights)]
    gap = max(3.0, (avail - sum(heights)) / (len(heights) - 1)) if len(heights) > 1 else 0
    tops = [top]
    for h in heights[:-1]:
        tops.append(tops[-1] + h + gap)
    return tops


def _statement_pages(pdf: _Pdf, pack: BoardPack) -> None:
    pages = pack.statement_pages()
    for n, items in enumerate(pages, start=1):
        title = pack_mod.STATEMENTS_TITLE if len(pages) == 1 else f"{pack_mod.STATEMENTS_TITLE} ({n} av {len(pages)})"
        pdf.heading(title)
        pdf.ln(2)
        top = pdf.get_y()
        avail = _H - 16 - top
        size, heights = _statement_size(pdf, items, avail)
        for st, at in zip(items, _statement_tops(top, avail, heights), strict=True):
            pdf.set_y(at)
            pdf.text_block(f"«{st.text}»", size, after=1)
            pdf.text_block(st.citation, size - (style.PACK_BODY_PT - 1 - style.PACK_NOTE_PT - 1), color=pdf.primary)
        if not items:
            pdf.text_block(pack_mod.NO_STATEMENTS, style.PACK_BODY_PT, color=style.MUTED)
        note = pack.source_line
        if pack.n_statements_total > len(pack.statements):
            note = f"Viser {len(pack.statements)} av {pack.n_statements_total} utsagn. {note}"
        pdf.foot(note)


def build_pdf(pack: BoardPack) -> bytes:
    pdf = _Pdf(pack)
    _title_page(pdf, pack)
    pages = {"chart": _chart_page, "key_figures": _key_figures_page, "table": _table_page}
    for slide in pack.slides:
        pages[slide.kind](pdf, slide)
    _statement_pages(pdf, pack)
    return bytes(pdf.output())
