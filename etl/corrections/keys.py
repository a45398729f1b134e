"""Keys that find a correction's target by its source text (``model.Correction.key``).

Shared by the dashboard, which writes them, and the build, which resolves them:
a statement is found by its file and text (or, if the file was renamed, by its
meeting date and text), and ``n`` tells identical texts in one file apart.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
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


class StatementIndex:
    """Statements by (file, text) and by (meeting date, text), in document order."""

    def __init__(self, rows: Iterable[tuple], wanted: set[str] | None = None) -> None:
        """``rows``: (statement_id, source_file, meeting_date, text, seq); ``wanted``: the only
        (normalised) texts that will be looked up, when known (a large archive indexes fewer)."""
        self.by_file: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.by_date: dict[tuple[str | None, str], list[str]] = defaultdict(list)
        for sid, source_file, meeting_date, text, _seq in sorted(rows, key=lambda r: (r[1], r[4])):
            t = norm(text)
            if wanted is not None and t not in wanted:
                continue
            self.by_file[(source_file, t)].append(sid)
            self.by_date[(_date(meeting_date), t)].append(sid)

    def find(self, key: dict) -> str | None:
        """The statement ``key`` names, or None when its text is no longer there."""
        text = norm(key.get("text"))
        n = int(key.get("n") or 0)
        for hits in (self.by_file.get((key.get("source_file"), text)), self.by_date.get((key.get("meeting_date"), text))):
            if hits and n < len(hits):
                return hits[n]
        return None

    def occurrence(self, statement_id: str, source_file: str, text: str) -> int:
        """``n`` of a statement among identical texts in its file (for writing a key)."""
        hits = self.by_file.get((source_file, norm(text)), [])
        return hits.index(statement_id) if statement_id in hits else 0
