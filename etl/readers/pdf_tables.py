"""Tables in a PDF's text layer (a Word table printed to PDF), rebuilt into rows.

pdfium's plain text puts text that shares a baseline on one line, so a table with
wrapped cells comes out interleaved ("Lillestrøm" / "kommune Kari Holm • Data…").
Here the page's text segments (``PdfTextPage.get_rect``) are grouped into visual
lines; a run of lines whose segments sit in the same columns (at least two lines
with two or more segments separated by a wide gap) is a table.  Rows are split at
the table's horizontal rules (path objects) when it has them, else where the first
column starts again (after lines without it, after a wider gap, or on a line that
also fills other columns and starts with a capital).

The result is the char-index range each table occupies in the page text and its
rows as cell tuples (wrapped cell lines joined by "\\n"), so the reader can splice
the rows in place of the interleaved text.  Pages without a table cost one pass
over the segments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_MIN_GAP = 8.0  # pt between two cells on one line
_ALIGN = 4.0  # pt tolerance for a column start
# A list with hanging indents puts its bullet or number in a column of its own: no table.
_LIST_MARKER_RE = re.compile(r"^(?:[•●▪■◦·*\-–—\ue000-\uf8ff]|\d{1,2}[.)]|[a-hA-H]\))$")
_PAGE_NO_RE = re.compile(r"^(?:side\s*)?\d{1,3}(?:\s*(?:av|/)\s*\d{1,3})?$|^[-–]\s*\d{1,3}\s*[-–]$", re.I)


@dataclass(slots=True)
class _Seg:
    left: float
    bottom: float
    right: float
    top: float
    textpage: object  # the text is read only for segments inside a table
    _text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            raw = self.textpage.get_text_bounded(self.left, self.bottom, self.right, self.top)  # type: ignore[attr-defined]
            self._text = raw.replace("\r", "").replace("\n", " ").strip()
        return self._text

    @property
    def mid(self) -> float:
        return (self.bottom + self.top) / 2


@dataclass(slots=True)
class _VLine:
    segs: list[_Seg]

    @property
    def mid(self) -> float:
        return sum(s.mid for s in self.segs) / len(self.segs)

    @property
    def top(self) -> float:
        return max(s.top for s in self.segs)

    @property
    def bottom(self) -> float:
        return min(s.bottom for s in self.segs)

    def multi(self) -> bool:
        s = self.segs
        return len(s) >= 2 and all(b.left - a.right >= _MIN_GAP for a, b in zip(s, s[1:]))


@dataclass(slots=True)
class PdfTable:
    first_char: int
    last_char: int
    rows: list[tuple[str, ...]] = field(default_factory=list)
    columns: tuple[float, ...] = ()
    ruled_top: bool = False  # a rule above the first row: it starts a row
    ruled_bottom: bool = False  # a rule below the last row: the table (or row) ends here


def _segments(textpage) -> list[_Seg]:  # noqa: ANN001
    out: list[_Seg] = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        if right - left > 0.5:
            out.append(_Seg(left, bottom, right, top, textpage))
    return out


def _visual_lines(segs: list[_Seg]) -> list[_VLine]:
    lines: list[_VLine] = []
    for s in sorted(segs, key=lambda s: -s.mid):
        height = max(s.top - s.bottom, 1.0)
        if lines and abs(lines[-1].mid - s.mid) < 0.35 * height:
            lines[-1].segs.append(s)
        else:
            lines.append(_VLine([s]))
    for ln in lines:
        ln.segs.sort(key=lambda s: s.left)
    return lines


def _column_of(seg: _Seg, cols: list[float]) -> int | None:
    """The column a segment fits in: starts at or after a column start, ends before the next."""
    idx = None
    for i, c in enumerate(cols):
        if seg.left >= c - _ALIGN:
            idx = i
    if idx is None:
        return None
    if idx + 1 < len(cols) and seg.right > cols[idx + 1] + _ALIGN:
        return None
    return idx


def _fits(ln: _VLine, cols: list[float]) -> bool:
    """Every segment in a column of its own."""
    placed = [_column_of(s, cols) for s in ln.segs]
    return None not in placed and len(set(placed)) == len(placed)


def _rules(page) -> list[float]:  # noqa: ANN001
    """y of horizontal rules and of the top/bottom edges of drawn boxes."""
    import pypdfium2.raw as pdfium_c

    ys: list[float] = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        if right - left < 20:
            continue
        ys.extend((bottom, top) if top - bottom >= 3 else ((bottom + top) / 2,))
    return ys


def _list_markers(region: list[_VLine], cols: list[float]) -> bool:
    """The first column holds nothing but bullets or list numbers ("•", "2.", "b)"):
    a bulleted or numbered list whose text starts at a tab, not a table."""
    firsts = [ln.segs[0] for ln in region if _column_of(ln.segs[0], cols) == 0]
    return bool(firsts) and all(_LIST_MARKER_RE.match(s.text) for s in firsts)


def _regions(lines: list[_VLine], rules) -> list[tuple[list[_VLine], list[float]]]:  # noqa: ANN001
    """Runs of lines that form a table; ``rules()`` gives the page's rules (read lazily)."""
    out: list[tuple[list[_VLine], list[float]]] = []
    i = 0
    while i < len(lines):
        if not lines[i].multi():
            i += 1
            continue
        cols = [s.left for s in lines[i].segs]
        region = [lines[i]]
        pitch = None
        j = i + 1
        while j < len(lines):
            ln = lines[j]
            gap = region[-1].mid - ln.mid
            if pitch is not None and gap > 2.0 * pitch:
                ruled = gap <= 4.0 * pitch and any(ln.top - 1 <= y <= region[-1].bottom + 1 for y in rules())
                if not ruled:  # a wide gap ends the table unless a row rule lies in it
                    break
            if ln.multi() and not _fits(ln, cols):
                new = [s.left for s in ln.segs if all(abs(s.left - c) > _ALIGN for c in cols)]
                if len(new) == 1 and len(ln.segs) >= 3:  # a column left empty in the first row
                    cols = sorted([*cols, new[0]])
            if not _fits(ln, cols):
                break
            pitch = gap if pitch is None else min(pitch, gap)
            region.append(ln)
            j += 1
        if len(region) > 1 and _PAGE_NO_RE.match(region[-1].segs[0].text) and len(region[-1].segs) == 1:
            region.pop()  # the page number below the table
        if sum(ln.multi() for ln in region) >= 2 and not _list_markers(region, cols):
            out.append((region, cols))
            i = j
        else:
            i += 1
    return out


def _rows(region: list[_VLine], cols: list[float], rules: list[float]) -> list[list[list[str]]]:
    rows: list[list[list[str]]] = []
    pitch = min((a.mid - b.mid for a, b in zip(region, region[1:])), default=0.0)
    prev: _VLine | None = None
    prev_first = False
    for ln in region:
        placed: dict[int, str] = {}
        for s in ln.segs:
            placed[_column_of(s, cols) or 0] = s.text
        first = 0 in placed
        if prev is None:
            new = True
        elif any(ln.top - 1 <= y <= prev.bottom + 1 for y in rules):
            new = True
        elif rules:
            new = False
        else:
            # No rules: a row starts where the first column starts again — after lines
            # without it, after a wider gap, or on a line that also starts other cells
            # with a capital ("Nordre Follo" / "kommune | | …" is one wrapped cell).
            new = first and (
                not prev_first or prev.mid - ln.mid > 1.3 * pitch or (ln.multi() and placed[0][:1].isupper())
            )
        if new:
            rows.append([[] for _ in cols])
        for c, text in placed.items():
            rows[-1][c].append(text)
        prev, prev_first = ln, first
    return rows


def find_tables(page, textpage, raw: str) -> list[PdfTable]:  # noqa: ANN001
    """The tables on one page, top to bottom; [] when there are none.  ``raw`` is
    the page text (``get_text_range``), one character per char index."""
    segs = _segments(textpage)
    if len(segs) < 4:
        return []
    cache: list[list[float]] = []

    def page_rules() -> list[float]:
        if not cache:
            cache.append(_rules(page))
        return cache[0]

    regions = _regions(_visual_lines(segs), page_rules)
    if not regions:
        return []
    rules = page_rules()
    tables: list[PdfTable] = []
    for region, cols in regions:
        top, bottom = region[0].top, region[-1].bottom
        inside = [y for y in rules if bottom - 1 <= y <= top + 1]
        idx: list[int] = []
        for ln in region:
            for s in ln.segs:
                for x in (s.left + 0.5, s.right - 0.5):
                    k = textpage.get_index(x, s.mid, 2, 2)
                    if k is not None and k >= 0:
                        idx.append(k)
        if not idx:
            continue
        first, last = min(idx), max(idx)
        while first > 0 and raw[first - 1] not in "\r\n":  # whole text lines
            first -= 1
        while last + 1 < len(raw) and raw[last + 1] not in "\r\n":
            last += 1
        rows = [tuple("\n".join(cell) for cell in row) for row in _rows(region, cols, inside)]
        line_h = max(region[0].top - region[0].bottom, 1.0)
        ruled_top = any(top - 1 <= y <= top + 0.8 * line_h for y in rules)
        ruled_bottom = any(bottom - 0.8 * line_h <= y <= bottom + 1 for y in rules)
        tables.append(PdfTable(first, last, rows, tuple(cols), ruled_top, ruled_bottom))
    tables.sort(key=lambda t: t.first_char)
    # Overlapping char ranges mean the table is not contiguous in the text: give up on it.
    return [t for k, t in enumerate(tables) if k == 0 or t.first_char > tables[k - 1].last_char]
