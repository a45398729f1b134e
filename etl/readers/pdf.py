"""PDF via pypdfium2: text layer only, page numbers kept.

Private-use bullet glyphs (Symbol-font U+F0B7 and friends) become "•".

Before pdfium opens the file, every Flate (zlib) stream in it is inflated in
1 MB steps and counted against the unpacked-size limit (``etl.limits``): pdfium
would inflate a page's content stream whole, and an 880 KB PDF holding 300 MB
of text operators took 4 GB.  Streams in other encodings (JPEG images, LZW)
are not counted.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from etl import limits
from etl.errors import DocumentError
from etl.model import SourceLine
from etl.readers.pdf_style import LineLook, line_looks, styles
from etl.readers.pdf_tables import PdfTable, find_tables

_PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_pdf_text(text: str) -> str:
    """Normalise one page's extracted text (bullets, line ends, soft hyphens)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _PRIVATE_USE_RE.sub("•", text)
    text = text.replace("\u00ad", "").replace("\ufffe", "").replace("\u0002", "-")
    return _CONTROL_RE.sub("", text.replace("\t", " "))


def _split_far_hyphens(textpage, text: str, offset: int = 0) -> str:  # noqa: ANN001
    """pdfium marks a line-end hyphen with U+FFFE and glues the next text in the
    content stream onto it.  That is right for the next line, wrong when the next
    text is the page footer (a word hyphenated across a page break: "Heg" + "Side
    1 av 3").  There the hyphen is kept and a line break inserted, so the parser
    sees "Heg-", the footer, and "gedal" on the next page."""
    if "\ufffe" not in text:
        return text
    out: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if ch != "\ufffe" or i == 0 or i + 1 >= len(text) or text[i + 1] in "\r\n":
            continue
        _, bottom, _, top = textpage.get_charbox(offset + i - 1)
        _, nbottom, _, ntop = textpage.get_charbox(offset + i + 1)
        height = max(top - bottom, 1.0)
        if abs(nbottom - bottom) > 3 * height:  # not the next line: a jump
            out.append(text[start:i] + "-\n")
            start = i + 1
    out.append(text[start:])
    return "".join(out)


class _Text(str):
    """A text piece of a page with the look (bold, size) of each of its lines, when known."""

    looks: list[LineLook] | None = None


def _text_piece(textpage, raw: str, pos: int) -> _Text:
    piece = _Text(clean_pdf_text(_split_far_hyphens(textpage, raw, pos)))
    looks = line_looks(textpage, raw, pos)
    # A far hyphen split adds a line; then the looks no longer line up and are dropped.
    piece.looks = looks if len(looks) == len(str(piece).split("\n")) else None
    return piece


def _page_pieces(page, textpage) -> list[str | PdfTable]:  # noqa: ANN001
    """The page as cleaned text with its tables (rows) spliced in where they were."""
    raw = textpage.get_text_range()
    if len(raw) != textpage.count_chars():  # char indexes do not map onto the text
        return [clean_pdf_text(raw)]
    tables = find_tables(page, textpage, raw)
    pieces: list[str | PdfTable] = []
    pos = 0
    for t in tables:
        pieces.append(_text_piece(textpage, raw[pos : t.first_char], pos))
        pieces.append(t)
        pos = t.last_char + 1
    pieces.append(_text_piece(textpage, raw[pos:], pos))
    return pieces


def _short_furniture(text: str) -> bool:
    """At most two short lines: a running header or footer around a page break."""
    rows = [r for r in text.split("\n") if r.strip()]
    return len(rows) <= 2 and all(len(r.split()) <= 8 for r in rows)


def _last_table(pieces: list[str | PdfTable]) -> PdfTable | None:
    if len(pieces) >= 2 and isinstance(pieces[-2], PdfTable) and _short_furniture(str(pieces[-1])):
        return pieces[-2]
    return None


def _continues(prev: PdfTable, table: PdfTable, before: list[str | PdfTable]) -> bool:
    """Is the first row of ``table`` the rest of the last row of ``prev`` (previous page)?"""
    if not all(isinstance(p, str) and _short_furniture(p) for p in before):
        return False
    if len(prev.columns) != len(table.columns) or any(abs(a - b) > 4 for a, b in zip(prev.columns, table.columns)):
        return False
    first_empty = not table.rows[0][0].strip()
    return first_empty or (prev.ruled_bottom is False and table.ruled_top is False and prev.ruled_top)


def _row_text(cells: tuple[str, ...]) -> str:
    return " | ".join(c.replace("\n", " ") for c in cells)


def _merge_rows(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    n = max(len(a), len(b))
    a, b = a + ("",) * (n - len(a)), b + ("",) * (n - len(b))
    return tuple("\n".join(x for x in (p, q) if x) for p, q in zip(a, b))


_STREAM_RE = re.compile(rb"(?<!end)stream\r?\n")
_STEP = 1 << 20


def check_streams(path: Path, data: bytes) -> None:
    """Raise DocumentError when the PDF's zlib streams inflate to more than the unpacked-size limit.

    The inflater, not the ``/Length`` or ``endstream`` the file claims, decides where
    a stream ends; at most one step of output is held at a time."""
    limit = limits.max_expanded_bytes()
    total = 0
    for m in _STREAM_RE.finditer(data):
        inflater = zlib.decompressobj()
        pos = m.end()
        try:
            while not inflater.eof:
                if inflater.unconsumed_tail:
                    piece = inflater.unconsumed_tail
                elif pos < len(data):
                    piece, pos = data[pos:pos + 65536], pos + 65536
                else:
                    break
                total += len(inflater.decompress(piece, _STEP))
                if total > limit:
                    raise limits.over(path, f"PDF expands to more than {limit / limits.MB:g} MB when its streams "
                                            "are unpacked", limits.EXPANDED_MB)
        except zlib.error:  # not a zlib stream (an image, another encoding) or a broken one: pdfium decides
            continue


def read_pdf(path: Path, data: bytes) -> tuple[list[SourceLine], int]:
    import pypdfium2 as pdfium

    if not data.lstrip().startswith(b"%PDF"):
        raise DocumentError(path, "file is not a PDF (no %PDF header).")
    check_streams(path, data)
    try:
        pdf = pdfium.PdfDocument(data)
    except DocumentError:  # the time budget ran out
        raise
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg or "security" in msg:
            raise DocumentError(path, "PDF is encrypted (password-protected) and cannot be read.") from None
        raise DocumentError(path, "PDF is truncated or corrupt and cannot be opened.") from None
    except Exception:  # noqa: BLE001 - any library failure is a bad document
        raise DocumentError(path, "PDF is truncated or corrupt and cannot be opened.") from None
    try:
        lines: list[SourceLine] = []
        looks: dict[int, LineLook | None] = {}  # index in lines → the text line's look
        n_chars = 0
        n_pages = len(pdf)
        if n_pages == 0:
            raise DocumentError(path, "PDF has no pages.")
        if n_pages > limits.value(limits.PDF_PAGES):  # before a page is read
            raise limits.over(path, f"PDF has {n_pages} pages", limits.PDF_PAGES)
        prev: PdfTable | None = None  # the last table of the previous page, if it ended that page
        for page_index in range(n_pages):
            page = pdf[page_index]
            textpage = page.get_textpage()
            pieces = _page_pieces(page, textpage)
            textpage.close()
            page.close()
            for k, piece in enumerate(pieces):
                if isinstance(piece, str):
                    n_chars += len(piece.strip())
                    parts = piece.split("\n")
                    piece_looks = getattr(piece, "looks", None) or [None] * len(parts)
                    if parts and parts[-1] == "":
                        parts.pop()
                    for part, look in zip(parts, piece_looks):
                        looks[len(lines)] = look
                        lines.append(SourceLine(line_no=len(lines) + 1, page=page_index + 1, text=part))
                    continue
                rows = piece.rows
                if k <= 1 and prev is not None and _continues(prev, piece, pieces[:k]):
                    # A row broken across the page break is one row (kept where it starts).
                    at = max(i for i, ln in enumerate(lines) if ln.cells is not None)
                    cells = _merge_rows(lines[at].cells or (), rows[0])
                    lines[at] = SourceLine(lines[at].line_no, lines[at].page, _row_text(cells), cells=cells)
                    rows = rows[1:]
                for row in rows:
                    text = _row_text(row)
                    n_chars += len(text)
                    lines.append(SourceLine(line_no=len(lines) + 1, page=page_index + 1, text=text, cells=row))
            prev = _last_table(pieces)
    except DocumentError:
        raise
    except Exception:  # noqa: BLE001
        raise DocumentError(path, "PDF is truncated or corrupt: its pages cannot be read.") from None
    finally:
        pdf.close()
    if n_chars == 0:
        raise DocumentError(path, "PDF has no text layer — the PDF needs OCR (scanned document?).")
    return _styled(lines, looks), n_pages


def _styled(lines: list[SourceLine], looks: dict[int, LineLook | None]) -> list[SourceLine]:
    """Text lines with the Word-like style their typography gives them (bold line, heading)."""
    found = styles([looks.get(i) for i in range(len(lines))], [ln.text for ln in lines])
    return [SourceLine(ln.line_no, ln.page, ln.text, style=st) if st and ln.cells is None else ln
            for ln, st in zip(lines, found)]
