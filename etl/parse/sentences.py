"""Sentences: prose split into one statement per sentence, each with the lines it spans.

Bokmål and nynorsk prose split the same way; only the abbreviations that end
in a full stop without ending a sentence differ ("bl.a." / "m.a.", "f.eks." / "t.d.").
"""

from __future__ import annotations

import re

from etl.model import Provenance
from etl.parse.blocks import Block, join_text, prov_for
from etl.parse.cleaning import Line
from etl.parse.vocabulary import ABBREVIATIONS

_ABBREV = ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"[.!?](?=\s+[A-ZÆØÅ«\"0-9])", text):
        word = re.search(r"(\S+)$", text[start : m.start()])
        prev = word.group(1).lower() if word else ""
        ordinal = prev.isdigit() and len(prev) <= 2  # "11. November"; "i 2035. Oslo" ends a sentence
        if prev in _ABBREV or ordinal or (len(prev) == 1 and prev.isalpha()):
            continue
        spans.append((start, m.end()))
        start = m.end()
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def sentence_statements(block: Block, source_file: str) -> list[tuple[str, Provenance]]:
    """Split a prose block into sentences, each with the lines it spans."""
    content = block.content
    text = ""
    offsets: list[tuple[int, Line]] = []
    for ln in content:
        joined = join_text([text, ln.text]) if text else join_text([ln.text])
        # Offset where this line's text begins in the joined string.
        offsets.append((max(0, len(joined) - len(ln.text.strip())), ln))
        text = joined
    out: list[tuple[str, Provenance]] = []
    for s, e in split_sentences(text):
        lines = [ln for off, ln in offsets if off < e and _line_end(offsets, ln, len(text)) > s]
        out.append((text[s:e].strip(), prov_for(_with_gaps(block, lines), source_file)))
    return out


def _line_end(offsets: list[tuple[int, Line]], ln: Line, total: int) -> int:
    idx = [i for i, (_, x) in enumerate(offsets) if x is ln][0]
    return offsets[idx + 1][0] if idx + 1 < len(offsets) else total


def _with_gaps(block: Block, lines: list[Line]) -> list[Line]:
    first, last = lines[0].no, lines[-1].no
    return [ln for ln in block.lines if first <= ln.no <= last]
