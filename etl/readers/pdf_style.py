"""Typography of PDF text lines: bold and font size, read from pdfium's text page.

A PDF has no paragraph styles, but its minutes show structure the way Word
does: a unit or item name set in bold on a line of its own, headings in a
larger size.  Each text line gets the style a Word paragraph would have:
``BOLD_LINE_STYLE`` for a short line set entirely in bold at body size, and
"Heading 1"…"Heading 3" for short lines in a size above the body text
(largest first).  Only a line's first character's size is read, and the bold
check stops at the first regular character, so a page costs about two calls
per line.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass

from etl.model import BOLD_LINE_STYLE

_BOLD_WEIGHT = 600  # CSS/OpenType: 600 is semi-bold, 700 bold
_MAX_CHARS = 80  # a longer line is prose even when bold (as in the Word reader)
_HEADING_STEP = 0.5  # points above the body size that make a heading (sizes are set in half points)
_FORCE_BOLD_FLAG = 1 << 18  # PDF font descriptor flag "ForceBold"
_BREAK_RE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class LineLook:
    bold: bool
    size: float  # the font size of the line's first character, 0 if unknown


def _char_bold(textpage, index: int) -> bool:
    import pypdfium2.raw as pdfium_c

    weight = pdfium_c.FPDFText_GetFontWeight(textpage.raw, index)
    if weight >= 0:
        return weight >= _BOLD_WEIGHT
    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int(0)
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buf, len(buf), ctypes.byref(flags))
    return bool(flags.value & _FORCE_BOLD_FLAG) or b"bold" in buf.value.lower()


def line_looks(textpage, raw: str, offset: int) -> list[LineLook]:
    """One LineLook per line of ``raw`` (the page text from char ``offset``), split where
    pdfium breaks lines; empty lines get LineLook(False, 0)."""
    import pypdfium2.raw as pdfium_c

    out: list[LineLook] = []
    start = 0
    for m in [*_BREAK_RE.finditer(raw), None]:
        end = m.start() if m is not None else len(raw)
        chars = [i for i in range(start, end) if not raw[i].isspace()]
        if not chars:
            out.append(LineLook(False, 0.0))
        else:
            size = float(pdfium_c.FPDFText_GetFontSize(textpage.raw, offset + chars[0]))
            bold = len(raw[start:end].strip()) <= _MAX_CHARS and all(_char_bold(textpage, offset + i) for i in chars)
            out.append(LineLook(bold, round(size, 1)))
        if m is not None:
            start = m.end()
    return out


def styles(looks: list[LineLook | None], texts: list[str]) -> list[str | None]:
    """Word-like styles for the document's lines: headings by size rank, bold lines."""
    sizes: Counter[float] = Counter()
    for look, text in zip(looks, texts):
        if look is not None and look.size:
            sizes[look.size] += len(text)
    if not sizes:
        return [None] * len(looks)
    body = sizes.most_common(1)[0][0]
    ranks = sorted((s for s in sizes if s >= body + _HEADING_STEP), reverse=True)[:3]
    out: list[str | None] = []
    for look, text in zip(looks, texts):
        t = text.strip()
        short = 0 < len(t) <= _MAX_CHARS and not t.endswith((".", "!", "?", ","))
        if look is None or not short:
            out.append(None)
        elif look.size in ranks:
            out.append(f"Heading {ranks.index(look.size) + 1}")
        elif look.bold and look.size >= body:
            out.append(BOLD_LINE_STYLE)
        else:
            out.append(None)
    return out


__all__ = ["LineLook", "line_looks", "styles"]
