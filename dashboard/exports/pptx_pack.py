"""The board pack as PowerPoint (python-pptx): 16:9, house fonts and colours from style.py."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from dashboard import style
from dashboard.exports import pack as pack_mod
from dashboard.exports import tables
from dashboard.exports.pack import BoardPack

_TITLE_ONLY = 5  # layout index in python-pptx's default template
_W, _H, _M = style.SLIDE_WIDTH_IN, style.SLIDE_HEIGHT_IN, style.SLIDE_MARGIN_IN
_TITLE_TOP, _TITLE_H = 0.35, 0.85
_BODY_TOP = _TITLE_TOP + _TITLE_H + 0.05
_FOOT_H = 0.45


def _color(hex_color: str) -> RGBColor:
    return RGBColor(*style.rgb(hex_color))


def _style_run(run, size: float, *, bold: bool = False, color: str = style.TEXT) -> None:
    run.font.name = style.PACK_FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = _color(color)


def _text_box(slide, left, top, width, height, paragraphs, *, anchor=MSO_ANCHOR.TOP):
    """``paragraphs``: list of (text, size, bold, color, space_after_pt)."""
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    tf = box.text_frame
    tf.word_wrap = True
    tf.vertical_anchor = anchor
    tf.margin_left = tf.margin_right = Inches(0.05)
    for i, (text, size, bold, color, after) in enumerate(paragraphs):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.alignment = PP_ALIGN.LEFT
        p.space_after = Pt(after)
        run = p.add_run()
        run.text = text
        _style_run(run, size, bold=bold, color=color)
    return box


def _slide(prs, title: str):
    slide = prs.slides.add_slide(prs.slide_layouts[_TITLE_ONLY])
    shape = slide.shapes.title
    shape.left, shape.top = Inches(_M), Inches(_TITLE_TOP)
    shape.width, shape.height = Inches(_W - 2 * _M), Inches(_TITLE_H)
    tf = shape.text_frame
    tf.word_wrap = True
    tf.vertical_anchor = MSO_ANCHOR.MIDDLE
    tf.text = title
    p = tf.paragraphs[0]
    p.alignment = PP_ALIGN.LEFT
    for run in p.runs:
        _style_run(run, style.PACK_HEADING_PT, bold=True)
    # Thin accent line under the title: the house colour.
    line = slide.shapes.add_shape(1, Inches(_M), Inches(_TITLE_TOP + _TITLE_H), Inches(1.2), Emu(38100))
    line.fill.solid()
    line.fill.fore_color.rgb = _color(style.PRIMARY)
    line.line.fill.background()
    return slide


def _footer(slide, text: str, page_no: int | None = None) -> None:
    _text_box(slide, _M, _H - _FOOT_H - 0.1, _W - 2 * _M - 0.6, _FOOT_H,
              [(text, style.PACK_NOTE_PT, False, style.MUTED, 0)], anchor=MSO_ANCHOR.BOTTOM)  # fmt: skip
    if page_no is not None:
        box = _text_box(slide, _W - _M - 0.6, _H - _FOOT_H - 0.1, 0.6, _FOOT_H,
                        [(str(page_no), style.PACK_NOTE_PT, False, style.MUTED, 0)], anchor=MSO_ANCHOR.BOTTOM)  # fmt: skip
        box.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT


def _title_slide(prs, pack: BoardPack) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[_TITLE_ONLY])
    shape = slide.shapes.title
    shape.left, shape.top = Inches(_M + 0.3), Inches(1.6)
    shape.width, shape.height = Inches(_W - 2 * _M - 0.6), Inches(1.1)
    shape.text_frame.text = pack.title
    shape.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    for run in shape.text_frame.paragraphs[0].runs:
        _style_run(run, style.PACK_TITLE_PT + 8, bold=True, color=style.PRIMARY)
    band = slide.shapes.add_shape(1, 0, 0, Inches(_W), Inches(0.25))
    band.fill.solid()
    band.fill.fore_color.rgb = _color(style.PRIMARY)
    band.line.fill.background()
    _text_box(slide, _M + 0.3, 1.0, _W - 2 * _M - 0.6, 0.5, [(pack.kicker, style.PACK_BODY_PT, False, style.MUTED, 0)])
    lines = [(f"{k}: {v}", style.PACK_BODY_PT + 4, False, style.TEXT, 6) for k, v in pack.filter_items]
    _text_box(slide, _M + 0.3, 2.9, _W - 2 * _M - 0.6, 2.4, lines)
    _text_box(slide, _M + 0.3, _H - 1.6, _W - 2 * _M - 0.6, 1.0,
              [(pack.source_line, style.PACK_NOTE_PT + 1, False, style.MUTED, 2),
               (pack.made_line, style.PACK_NOTE_PT + 1, False, style.MUTED, 0)])  # fmt: skip


def _chart_slide(prs, chart: pack_mod.PackChart, page_no: int) -> None:
    slide = _slide(prs, chart.title)
    _text_box(slide, _M, _BODY_TOP, _W - 2 * _M, 0.4, [(chart.filters_line, style.PACK_NOTE_PT + 2, False, style.MUTED, 0)])
    top = _BODY_TOP + 0.45
    avail_w, avail_h = _W - 2 * _M, _H - top - _FOOT_H - 0.2
    if chart.png is not None:
        ratio = style.PACK_CHART_WIDTH_PX / style.PACK_CHART_HEIGHT_PX
        w = min(avail_w, avail_h * ratio)
        h = w / ratio
        pic = slide.shapes.add_picture(io.BytesIO(chart.png), Inches(_M + (avail_w - w) / 2), Inches(top), Inches(w), Inches(h))
        pic.name = f"Graf: {chart.title}"
        # Alt text for screen readers.
        pic._element.nvPicPr.cNvPr.set("descr", f"{chart.title}. {chart.filters_line}")
    else:
        _text_box(slide, _M, top, avail_w, 0.8, [(chart.problem or "Grafen kunne ikke tegnes.", style.PACK_BODY_PT, False, style.ACCENT, 0)])
        _data_table(slide, chart, top + 0.9, avail_w, avail_h - 0.9)
    _footer(slide, chart.source_note, page_no)


def _data_table(slide, chart: pack_mod.PackChart, top: float, width: float, height: float) -> None:
    frame = tables.export_frame(chart.data).head(10)
    frame = frame[[c for c in frame.columns if c not in tables.SOURCE_LABELS][:5]]
    if frame.empty or not len(frame.columns):
        return
    rows, cols = len(frame) + 1, len(frame.columns)
    shape = slide.shapes.add_table(rows, cols, Inches(_M), Inches(top), Inches(width), Inches(min(height, 0.35 * rows)))
    table = shape.table
    for j, name in enumerate(frame.columns):
        table.cell(0, j).text = str(name)
        for i, value in enumerate(frame[name].tolist(), start=1):
            table.cell(i, j).text = "" if value is None else str(value)
    for cell in (table.cell(i, j) for i in range(rows) for j in range(cols)):
        for p in cell.text_frame.paragraphs:
            for run in p.runs:
                _style_run(run, style.PACK_NOTE_PT, color=style.TEXT if cell is not table.cell(0, 0) else style.TEXT)


def _key_figures_slide(prs, pack: BoardPack, page_no: int) -> None:
    """The register's counts as large numbers, two rows of up to three."""
    slide = _slide(prs, pack_mod.KEY_FIGURES_TITLE)
    per_row, box_w, box_h = 3, (_W - 2 * _M) / 3, 2.1
    for i, (label, value, note) in enumerate(pack.key_figures):
        row, col = divmod(i, per_row)
        _text_box(slide, _M + col * box_w, _BODY_TOP + 0.3 + row * box_h, box_w - 0.2, box_h - 0.2,
                  [(label, style.PACK_BODY_PT, True, style.MUTED, 2), (value, style.PACK_TITLE_PT + 8, True, style.PRIMARY, 2),
                   (note, style.PACK_NOTE_PT + 2, False, style.TEXT, 0)])  # fmt: skip
    _footer(slide, f"{pack_mod.KEY_FIGURES_NOTE} {pack.source_line}", page_no)


def _statement_slides(prs, pack: BoardPack, first_page_no: int) -> int:
    pages = pack.statement_pages()
    for n, items in enumerate(pages, start=1):
        title = pack_mod.STATEMENTS_TITLE if len(pages) == 1 else f"{pack_mod.STATEMENTS_TITLE} ({n} av {len(pages)})"
        slide = _slide(prs, title)
        paragraphs = []
        for st in items:
            paragraphs.append((f"«{st.text}»", style.PACK_BODY_PT, False, style.TEXT, 2))
            paragraphs.append((st.citation, style.PACK_NOTE_PT + 1, False, style.PRIMARY, 14))
        if not items:
            paragraphs.append((pack_mod.NO_STATEMENTS, style.PACK_BODY_PT, False, style.MUTED, 0))
        _text_box(slide, _M, _BODY_TOP + 0.2, _W - 2 * _M, _H - _BODY_TOP - _FOOT_H - 0.5, paragraphs)
        note = pack.source_line
        if pack.n_statements_total > len(pack.statements):
            note = f"Viser {len(pack.statements)} av {pack.n_statements_total} utsagn. {note}"
        _footer(slide, note, first_page_no + n - 1)
    return len(pages)


def build_pptx(pack: BoardPack) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(_W), Inches(_H)
    prs.core_properties.title = f"{pack.title} – " + " · ".join(f"{k}: {v}" for k, v in pack.filter_items)
    prs.core_properties.author = "Næringspuls"
    prs.core_properties.language = "nb-NO"
    _title_slide(prs, pack)
    page = 2
    if pack.key_figures:
        _key_figures_slide(prs, pack, page)
        page += 1
    for chart in pack.charts:
        _chart_slide(prs, chart, page)
        page += 1
    _statement_slides(prs, pack, page)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
