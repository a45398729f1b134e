"""PDF via pypdfium2: text layer only, page numbers kept.

Private-use bullet glyphs (Symbol-font U+F0B7 and friends) become "•".
"""

from __future__ import annotations

import re
from pathlib import Path

from etl.errors import DocumentError
from etl.model import SourceLine

_PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_pdf_text(text: str) -> str:
    """Normalise one page's extracted text (bullets, line ends, soft hyphens)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _PRIVATE_USE_RE.sub("•", text)
    text = text.replace("\u00ad", "").replace("\ufffe", "").replace("\u0002", "-")
    return _CONTROL_RE.sub("", text.replace("\t", " "))


def _split_far_hyphens(textpage, text: str) -> str:  # noqa: ANN001
    """pdfium marks a line-end hyphen with U+FFFE and glues the next text in the
    content stream onto it.  That is right for the next line, wrong when the next
    text is the page footer (a word hyphenated across a page break: "Heg" + "Side
    1 av 3").  There the hyphen is kept and a line break inserted, so the parser
    sees "Heg-", the footer, and "gedal" on the next page."""
    if "\ufffe" not in text or len(text) != textpage.count_chars():
        return text
    out: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if ch != "\ufffe" or i == 0 or i + 1 >= len(text) or text[i + 1] in "\r\n":
            continue
        _, bottom, _, top = textpage.get_charbox(i - 1)
        _, nbottom, _, ntop = textpage.get_charbox(i + 1)
        height = max(top - bottom, 1.0)
        if abs(nbottom - bottom) > 3 * height:  # not the next line: a jump
            out.append(text[start:i] + "-\n")
            start = i + 1
    out.append(text[start:])
    return "".join(out)


def read_pdf(path: Path, data: bytes) -> tuple[list[SourceLine], int]:
    import pypdfium2 as pdfium

    if not data.lstrip().startswith(b"%PDF"):
        raise DocumentError(path, "file is not a PDF (no %PDF header).")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg or "security" in msg:
            raise DocumentError(path, "PDF is encrypted (password-protected) and cannot be read.") from None
        raise DocumentError(path, "PDF is truncated or corrupt and cannot be opened.") from None
    except Exception:  # noqa: BLE001 - any library failure is a bad document
        raise DocumentError(path, "PDF is truncated or corrupt and cannot be opened.") from None
    try:
        lines: list[SourceLine] = []
        n_chars = 0
        n_pages = len(pdf)
        if n_pages == 0:
            raise DocumentError(path, "PDF has no pages.")
        for page_index in range(n_pages):
            page = pdf[page_index]
            textpage = page.get_textpage()
            text = clean_pdf_text(_split_far_hyphens(textpage, textpage.get_text_range()))
            textpage.close()
            page.close()
            n_chars += len(text.strip())
            parts = text.split("\n")
            if parts and parts[-1] == "":
                parts.pop()
            for part in parts:
                lines.append(SourceLine(line_no=len(lines) + 1, page=page_index + 1, text=part))
    except DocumentError:
        raise
    except Exception:  # noqa: BLE001
        raise DocumentError(path, "PDF is truncated or corrupt: its pages cannot be read.") from None
    finally:
        pdf.close()
    if n_chars == 0:
        raise DocumentError(path, "PDF has no text layer — the PDF needs OCR (scanned document?).")
    return lines, n_pages
