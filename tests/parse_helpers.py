"""Shared by the parser's snippet tests: parse a text as a TXT document, and read its round of reports."""

from __future__ import annotations

from etl.model import Meeting, RawDocument
from etl.parse import parse_document
from etl.readers.text import text_to_lines


def parse_text(text: str, name: str = "referat.txt") -> Meeting:
    """``text`` read and parsed as the file ``name`` (no date in the default name)."""
    lines, n_pages = text_to_lines(text)
    return parse_document(RawDocument(name, "0" * 64, "txt", lines, n_pages=n_pages))


def rt(meeting: Meeting) -> list[tuple]:
    """The round-table statements as (unit as written, reporter, text)."""
    return [(s.unit_raw, s.reporter, s.text) for s in meeting.statements if s.section == "round_table"]
