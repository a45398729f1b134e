"""Plain text and Markdown.

Decoding: UTF-8 (with or without BOM; UTF-16 with BOM), else Windows-1252, else
Latin-1.  A file is *binary* if it contains NUL bytes; it is *undecodable* if no
candidate encoding yields text free of control characters (C0 other than tab,
newline, carriage return and form feed, or C1).  A form feed starts a new page.
"""

from __future__ import annotations

import re
from pathlib import Path

from etl.errors import DocumentError
from etl.model import SourceLine

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise DocumentError."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise DocumentError(path, "text has a UTF-16 byte-order mark but is not valid UTF-16.") from None
    if b"\x00" in data:
        raise DocumentError(path, "file contains binary data (NUL bytes) and is not a text document.")
    candidates: list[tuple[str, str]] = []
    try:
        candidates.append((data.decode("utf-8-sig"), "utf-8"))
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
            # Bytes 0x80-0x9f are where cp1252 and latin-1 differ.
            enc = "cp1252" if re.search(rb"[\x80-\x9f]", data) else "latin-1"
            candidates.append((text, enc))
        except UnicodeDecodeError:
            candidates.append((data.decode("latin-1"), "latin-1"))
    for text, enc in candidates:
        if not _CONTROL_RE.search(text):
            return text, enc
    raise DocumentError(
        path, "text could not be decoded: it is not valid UTF-8, Windows-1252 or Latin-1 (control bytes found)."
    )


def text_to_lines(text: str) -> tuple[list[SourceLine], int]:
    """Split text into numbered lines; a form feed moves to the next page."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[SourceLine] = []
    page = 1
    parts = text.split("\n")
    if parts and parts[-1] == "":
        parts.pop()
    for part in parts:
        line_page = page
        if "\f" in part:
            head, _, _ = part.partition("\f")
            # A line that starts with (or is only) a form feed belongs to the new page.
            if not head.strip():
                line_page = page + part.count("\f")
            page += part.count("\f")
            part = part.replace("\f", "")
        lines.append(SourceLine(line_no=len(lines) + 1, page=line_page, text=part))
    # A trailing form feed does not open a page with content.
    n_pages = max((ln.page for ln in lines), default=1)
    return lines, n_pages


def read_text(path: Path, data: bytes) -> tuple[list[SourceLine], int, str]:
    text, enc = decode_text(path, data)
    if not text.strip():
        raise DocumentError(path, "file is empty.")
    lines, n_pages = text_to_lines(text)
    return lines, n_pages, enc
