"""The board pack as PowerPoint (python-pptx): 16:9, the organisation's colours and logo, Office fonts.

Text is set in Calibri, which every Office PC has (LibreOffice substitutes the
metric-compatible Carlito).  Bar and line charts are native PowerPoint charts the
reader can edit (``pptx_charts``); maps and heatmaps are pictures.
"""

from __future__ import annotations

import io

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from dashboard import style
from dashboard.exports import pack as pack_mod
from dashboard.exports import tables, texts
from dashboard.exports.pack import BoardPack, PackSlide
from dashboard.exports.pptx_charts import add_native_chart

FONT = "Calibri"  # on every Office PC; the PDF keeps DejaVu Sans, which fpdf2 embeds
_TITLE_ONLY = 5  # layout index in python-pptx's default template
_W, _H, _M = style.SLIDE_WIDTH_IN, style.SLIDE_HEIGHT_IN, style.SLIDE_MARGIN_IN
_TITLE_TOP, _TITLE_H = 0.35, 0.85
_BODY_TOP = _TITLE_TOP + _TITLE_H + 0.05
_FOOT_H = 0.45
_LOGO_W, _LOGO_H = 1.6, 0.6  # the logo's box on content slides (top right)
_EM = 0.5  # a character's average width in em, a little over Calibri's, to estimate line breaks


def _color(hex_color: str) -> RGBColor:
    return RGBColor(*style.rgb(hex_color))


def _style_run(run, size: float, *, bold: bool = False, color: str = style.TEXT) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = _color(color)


def _text_box(slide, left, top, width, height, paragraphs, *, anchor=MSO_ANCHOR.TOP, align=PP_ALIGN.LEFT):
    """``paragraphs``: list of (text, size, bold, color, space_after_pt)."""
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    tf = box.text_frame
    tf.word_wrap = True
    tf.vertical_anchor = anchor
    tf.margin_left = tf.margin_right = Inches(0.05)
    for i, (text, size, bold, color, after) in enumerate(paragraphs):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.alignment = align
        p.space_after = Pt(after)
        run = p.add_run()
        run.text = text
        _style_run(run, size, bold=bold, color=color)
    return box


def _lines(text: str, size: float, width_in: float) -> int:
    """Estimated lines ``text`` takes at ``size`` pt in a box ``width_in`` wide (word wrap)."""
    per_line = max(1, int(width_in * 72 / (size * _EM)))
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > per_line:
            lines, used = lines + 1, len(word)
        else:
            used += len(word) + (1 if used else 0)
    return lines


def _logo(slide, pack: BoardPack, left: float, top: float, w: float, h: float) -> None:
    logo = pack.organisation.logo
    if not logo:
        return
    pic = slide.shapes.add_picture(io.BytesIO(logo), Inches(left), Inches(top))
    scale = min(Inches(w) / pic.width, Inches(h) / pic.height)
    pic.width, pic.height = int(pic.width * scale), int(pic.height * scale)
    pic.left = int(Inches(left + w) - pic.width)  # right-aligned in its box
    pic.name = "Logo"


def _slide(prs, pack: BoardPack, title: str):
    slide = prs.slides.add_slide(prs.slide_layouts[_TITLE_ONLY])
    shape = slide.shapes.title
    logo_room = _LOGO_W + 0.2 if pack.organisation.logo else 0
    shape.left, shape.top = Inches(_M), Inches(_TITLE_TOP)
    shape.width, shape.height = Inches(_W - 2 * _M - logo_room), Inches(_TITLE_H)
    tf = shape.text_frame
    tf.word_wrap = True
    tf.vertical_anchor = MSO_ANCHOR.MIDDLE
    tf.text = title
    p = tf.paragraphs[0]
    p.alignment = PP_ALIGN.LEFT
    size = style.PACK_HEADING_PT if _lines(title, style.PACK_HEADING_PT, _W - 2 * _M - logo_room) == 1 else 20
    for run in p.runs:
        _style_run(run, size, bold=True)
    # Thin line under the title: the organisation's colour.
    line = slide.shapes.add_shape(1, Inches(_M), Inches(_TITLE_TOP + _TITLE_H), Inches(1.2), Emu(38100))
    line.fill.solid()
    line.fill.fore_color.rgb = _color(pack.organisation.primary)
    line.line.fill.background()
    _logo(slide, pack, _W - _M - _LOGO_W, _TITLE_TOP + (_TITLE_H - _LOGO_H) / 2, _LOGO_W, _LOGO_H)
    return slide


def _footer(slide, pack: BoardPack, text: str, page_no: int | None = None) -> None:
    _text_box(slide, _M, _H - _FOOT_H - 0.1, _W - 2 * _M - 0.6, _FOOT_H,
              [(pack.foot(text), style.PACK_NOTE_PT - 1, False, style.MUTED, 0)], anchor=MSO_ANCHOR.BOTTOM)  # fmt: skip
    if page_no is not None:
        _text_box(slide, _W - _M - 0.6, _H - _FOOT_H - 0.1, 0.6, _FOOT_H,
                  [(str(page_no), style.PACK_NOTE_PT, False, style.MUTED, 0)], anchor=MSO_ANCHOR.BOTTOM,
                  align=PP_ALIGN.RIGHT)  # fmt: skip


def _title_slide(prs, pack: BoardPack) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[_TITLE_ONLY])
    left, width = _M + 0.3, _W - 2 * _M - 0.6
    shape = slide.shapes.title
    shape.left, shape.top = Inches(left), Inches(1.5)
    shape.width, shape.height = Inches(width - 2.6), Inches(1.1)
    shape.text_frame.text = pack.title
    shape.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    for run in shape.text_frame.paragraphs[0].runs:
        _style_run(run, style.PACK_TITLE_PT + 8, bold=True, color=pack.organisation.primary)
    band = slide.shapes.add_shape(1, 0, 0, Inches(_W), Inches(0.25))
    band.fill.solid()
    band.fill.fore_color.rgb = _color(pack.organisation.primary)
    band.line.fill.background()
    _logo(slide, pack, _W - _M - 2.4, 0.6, 2.4, 1.2)
    _text_box(slide, left, 0.9, width - 2.6, 0.6, [(pack.kicker, style.PACK_BODY_PT + 2, False, style.MUTED, 0)])
    lines = [(pack.period_words, style.PACK_BODY_PT + 6, True, style.TEXT, 10)] if pack.period_words else []
    lines += [(f"{k}: {v}", style.PACK_BODY_PT + 2, False, style.TEXT, 4) for k, v in pack.title_filters]
    _text_box(slide, left, 2.75, width, 2.6, lines)
    # Source and date just inside the foot band, so the lower half of the slide is not empty.
    _text_box(slide, left, _H - 1.75, width, 1.1,
              [(pack.source_line, style.PACK_NOTE_PT + 1, False, style.MUTED, 2),
               (pack.foot(pack.made_line), style.PACK_NOTE_PT + 1, False, style.MUTED, 0)])  # fmt: skip


def _heading_block(slide, slide_data: PackSlide) -> float:
    """The comment (if any) and the filters under the title; returns where the body starts (in)."""
    top = _BODY_TOP + 0.05
    if slide_data.comment:
        size = style.PACK_BODY_PT if _lines(slide_data.comment, style.PACK_BODY_PT, _W - 2 * _M) <= 2 else 13
        h = 0.3 * min(_lines(slide_data.comment, size, _W - 2 * _M), 4) * size / style.PACK_BODY_PT + 0.12
        _text_box(slide, _M, top, _W - 2 * _M, h, [(slide_data.comment, size, False, style.TEXT, 0)])
        top += h
    _text_box(slide, _M, top, _W - 2 * _M, 0.32, [(slide_data.filters_line, style.PACK_NOTE_PT, False, style.MUTED, 0)])
    return top + 0.4


def _chart_slide(prs, pack: BoardPack, chart: PackSlide, page_no: int) -> None:
    slide = _slide(prs, pack, chart.title)
    top = _heading_block(slide, chart)
    avail_w, avail_h = _W - 2 * _M, _H - top - _FOOT_H - 0.2
    if chart.native is not None:
        frame = add_native_chart(slide, chart.native, Inches(_M), Inches(top), Inches(avail_w), Inches(avail_h), FONT,
                                 name=f"Graf: {chart.title}")  # fmt: skip
        frame._element.nvGraphicFramePr.cNvPr.set("descr", f"{chart.title}. {chart.filters_line}")  # alt text
    elif chart.png is not None:
        ratio = pack_mod.picture_ratio(chart.png)
        w = min(avail_w, avail_h * ratio)
        h = w / ratio
        pic = slide.shapes.add_picture(io.BytesIO(chart.png), Inches(_M + (avail_w - w) / 2), Inches(top), Inches(w), Inches(h))
        pic.name = f"Graf: {chart.title}"
        # Alt text for screen readers.
        pic._element.nvPicPr.cNvPr.set("descr", f"{chart.title}. {chart.filters_line}")
    else:
        _text_box(slide, _M, top, avail_w, 0.6,
                  [(chart.problem or "Grafen kunne ikke tegnes.", style.PACK_BODY_PT, False, pack.organisation.accent, 0)])  # fmt: skip
        _data_table(slide, chart, top + 0.7, avail_w, avail_h - 0.7)
    _footer(slide, pack, chart.source_note, page_no)


def _data_table(slide, chart: PackSlide, top: float, width: float, height: float, *, fill: bool = False) -> None:
    """The first rows of the data as a table; the first column (a name or title) gets twice the width, and a cell
    is cut to two lines, so the table never runs past the foot of the slide."""
    frame = tables.export_frame(chart.data).head(pack_mod.TABLE_ROWS)
    frame = frame[[c for c in frame.columns if c not in tables.SOURCE_LABELS][:5]]
    if frame.empty or not len(frame.columns):
        return
    rows, cols = len(frame) + 1, len(frame.columns)
    size = style.PACK_NOTE_PT - 1
    row_h = min(height / rows, 0.45) if fill else min(height / rows, 0.35)
    shares = [2.0] + [1.0] * (cols - 1)
    widths = [width * s / sum(shares) for s in shares]
    per_line = [max(8, int((w - 0.2) * 72 / (size * _EM))) for w in widths]
    shape = slide.shapes.add_table(rows, cols, Inches(_M), Inches(top), Inches(width), Inches(row_h * rows))
    table = shape.table
    for j, w in enumerate(widths):
        table.columns[j].width = Inches(w)
    for j, name in enumerate(frame.columns):
        table.cell(0, j).text = texts.shorten(str(name), per_line[j])
        for i, value in enumerate(frame[name].tolist(), start=1):
            text = "" if value is None or pd.isna(value) else str(value)
            table.cell(i, j).text = texts.shorten(text, per_line[j] * (2 if row_h >= 0.4 else 1))
    for i in range(rows):
        table.rows[i].height = Inches(row_h)
        for j in range(cols):
            cell = table.cell(i, j)
            cell.margin_top = cell.margin_bottom = Inches(0.03)
            for p in cell.text_frame.paragraphs:
                for run in p.runs:
                    _style_run(run, size, bold=i == 0, color=style.BACKGROUND if i == 0 else style.TEXT)


def _table_slide(prs, pack: BoardPack, slide_data: PackSlide, page_no: int) -> None:
    slide = _slide(prs, pack, slide_data.title)
    top = _heading_block(slide, slide_data)
    _data_table(slide, slide_data, top, _W - 2 * _M, _H - top - _FOOT_H - 0.3, fill=True)
    _footer(slide, pack, slide_data.source_note, page_no)


def _key_figures_slide(prs, pack: BoardPack, slide_data: PackSlide, page_no: int) -> None:
    """The register's counts as large numbers, two rows of up to three."""
    slide = _slide(prs, pack, slide_data.title)
    top = _heading_block(slide, slide_data) if slide_data.comment else _BODY_TOP + 0.3
    per_row, box_w = 3, (_W - 2 * _M) / 3
    box_h = min(2.3, (_H - top - _FOOT_H - 0.3) / 2)
    for i, (label, value, note) in enumerate(slide_data.key_figures):
        row, col = divmod(i, per_row)
        _text_box(slide, _M + col * box_w, top + row * box_h, box_w - 0.2, box_h - 0.1,
                  [(label, style.PACK_BODY_PT, True, style.MUTED, 2),
                   (value, style.PACK_TITLE_PT + 4, True, pack.organisation.primary, 2),
                   (note, style.PACK_NOTE_PT + 2, False, style.TEXT, 0)])  # fmt: skip
    _footer(slide, pack, slide_data.source_note, page_no)


def _statement_size(items, avail_h: float, width: float) -> float:
    """The largest body size (down to 10 pt) at which the statements fit the body by estimate."""
    size = float(style.PACK_BODY_PT)
    while size > 10:
        note = size - 4
        need = sum(_lines(f"«{st.text}»", size, width) * size * 1.2 / 72 + _lines(st.citation, note, width) * note * 1.2 / 72
                   + 0.25 for st in items)  # fmt: skip
        if need <= avail_h:
            break
        size -= 1
    return size


def _statement_slides(prs, pack: BoardPack, first_page_no: int) -> int:
    pages = pack.statement_pages()
    top, width = _BODY_TOP + 0.2, _W - 2 * _M
    avail_h = _H - top - _FOOT_H - 0.3
    for n, items in enumerate(pages, start=1):
        title = pack_mod.STATEMENTS_TITLE if len(pages) == 1 else f"{pack_mod.STATEMENTS_TITLE} ({n} av {len(pages)})"
        slide = _slide(prs, pack, title)
        if not items:
            _text_box(slide, _M, top, width, 0.6, [(pack_mod.NO_STATEMENTS, style.PACK_BODY_PT, False, style.MUTED, 0)])
        size = _statement_size(items, avail_h, width - 0.1)
        # One box per statement, each centred in an equal share of the body: two statements sit at a quarter
        # and three quarters of it, so neither half of the slide is empty.
        slot = avail_h / max(len(items), 1)
        for i, st in enumerate(items):
            _text_box(slide, _M, top + i * slot, width, slot,
                      [(f"«{st.text}»", size, False, style.TEXT, 3),
                       (st.citation, size - 4, False, pack.organisation.primary, 0)], anchor=MSO_ANCHOR.MIDDLE)  # fmt: skip
        note = pack.source_line
        if pack.n_statements_total > len(pack.statements):
            note = f"Viser {len(pack.statements)} av {pack.n_statements_total} utsagn. {note}"
        _footer(slide, pack, note, first_page_no + n - 1)
    return len(pages)


def build_pptx(pack: BoardPack) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(_W), Inches(_H)
    prs.core_properties.title = f"{pack.title} – " + " · ".join(f"{k}: {v}" for k, v in pack.filter_items)
    prs.core_properties.author = pack.organisation.name
    prs.core_properties.language = "nb-NO"
    _title_slide(prs, pack)
    builders = {"chart": _chart_slide, "key_figures": _key_figures_slide, "table": _table_slide}
    page = 2
    for slide in pack.slides:
        builders[slide.kind](prs, pack, slide, page)
        page += 1
    _statement_slides(prs, pack, page)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
