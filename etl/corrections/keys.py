"""Keys that find a correction's target by its source text (``model.Correction.key``).

Shared by the dashboard, which writes them, and the build, which resolves them (resolve.py):
a statement is found by its file and text (or, if the file was renamed, by its
meeting date and text), and ``n`` tells identical texts in one file apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

def norm(text: str | None) -> str:
    """Runs of whitespace (any Unicode space) as one space, none at the ends."""
    return " ".join((text or "").split())


def _date(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    text = str(value)[:10]
    return text if text and text != "NaT" else None


def statement_key(source_file: str, meeting_date, text: str, n: int = 0, part: int | None = None) -> dict:
    key = {"source_file": source_file, "meeting_date": _date(meeting_date), "text": norm(text), "n": int(n)}
    if part:
        key["part"] = int(part)
    return key


def lines_key(source_file: str, line_start: int, line_end: int, lines: Iterable[str]) -> dict:
    return {"source_file": source_file, "line_start": int(line_start), "line_end": int(line_end),
            "lines": [norm(t) for t in lines]}


def meeting_key(source_file: str, first_line: str) -> dict:
    return {"source_file": source_file, "first_line": norm(first_line)}
