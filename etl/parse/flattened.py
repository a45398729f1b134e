"""Pages whose line breaks were lost: a document site's transcript shows each page as one line
("2 Sak 05/14 Godkjenning … Sak 06/14 Regnskap … Vedtak: … Side 2 av 2").

Such a line is cut before its case headings, header and decision labels, saksliste heading and
"Side N av M", so the rest of the parser sees the lines the document had. Every piece keeps its
source line, and so its number: a fact's provenance is the line as the file has it.
"""

from __future__ import annotations

import re

from etl.parse.cleaning import Line, classify, is_page_number
from etl.parse.vocabulary import (
    AGENDA_LIST_HEADINGS,
    CASE_TYPES,
    CASE_WORDS,
    DECISION_LABELS,
    HEADER_LABELS,
    alternation,
)

_MIN_LENGTH = 120  # shorter lines are ordinary lines, whatever they mention


def _capitalised(words) -> str:
    return alternation(sorted({w[:1].upper() + w[1:] for w in words} | {w.upper() for w in words}))


# A case heading as the line would have started: "Sak 05/14 ", "PS 3/26 ", "SR-sak 32/14 ", or a bare
# "05/14 " with its year, followed by a capitalised title.
_CASE = (
    rf"(?:(?:{_capitalised(CASE_WORDS)})\.?\s*(?:nr\.?\s*)?:?\s*|(?:{'|'.join(CASE_TYPES)})\s+|[A-ZÆØÅ]{{1,5}}-sak\s+)?"
    r"\d{1,3}\s*/\s*\d{2,4}\s+(?=[A-ZÆØÅ])"
)
_CASE_RE = re.compile(rf"(?:^|(?<=\s)){_CASE}")
_CUT_RE = re.compile(
    rf"\s+(?={_CASE}|(?:{_capitalised(HEADER_LABELS)}|{_capitalised(DECISION_LABELS)})\s*:"
    rf"|(?:{_capitalised(AGENDA_LIST_HEADINGS)})\s|Side\s+\d+\s+av\s+\d+)"
)
# A case word left alone by a cut before its number ("Sak" | "06/14 Regnskap"): it goes with the number.
_CASE_WORD_RE = re.compile(
    rf"^(?:(?:{_capitalised(CASE_WORDS)})\.?(?:\s*nr\.?)?:?|{'|'.join(CASE_TYPES)}|[A-ZÆØÅ]{{1,5}}-sak)$"
)
_LEADING_PAGE_NO_RE = re.compile(r"^\d{1,3}\s+(?=[A-ZÆØÅ])")  # the transcript's page number


def is_flattened(text: str) -> bool:
    """A page in one line: long, with two or more case headings in it."""
    return len(text) >= _MIN_LENGTH and len(_CASE_RE.findall(text)) >= 2


def unflatten(lines: list[Line]) -> list[Line]:
    """``lines`` with every flattened page cut into the lines it had (see the module docstring)."""
    if not any(len(ln.text) >= _MIN_LENGTH for ln in lines):
        return lines  # almost every document: nothing to do
    out: list[Line] = []
    for ln in lines:
        if ln.cells is not None or ln.noise or not is_flattened(ln.text):
            out.append(ln)
            continue
        text = _LEADING_PAGE_NO_RE.sub("", ln.text.strip())
        pieces: list[str] = []
        for piece in (p.strip() for p in _CUT_RE.split(text)):
            if piece and pieces and _CASE_WORD_RE.match(pieces[-1]):
                pieces[-1] = f"{pieces[-1]} {piece}"
            elif piece:
                pieces.append(piece)
        for piece in pieces:
            part = classify(ln.src, piece)
            part.noise = is_page_number(piece)
            out.append(part)
    return out


__all__ = ["is_flattened", "unflatten"]
