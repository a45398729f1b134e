"""Joining wrapped lines into blocks (a bullet or paragraph plus its continuation lines).

``join_text`` undoes line wrapping and end-of-line hyphenation; ``make_blocks``
groups classified :class:`~etl.parse.cleaning.Line` objects into :class:`Block`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl.model import Provenance
from etl.parse.cleaning import URL_LINE_RE, URL_RE, Line, ends_sentence
from etl.parse.units import unit_line
from etl.parse.vocabulary import SUSPENSION_JOINERS

# --- joining -----------------------------------------------------------------
_TRAILING_HYPHEN_RE = re.compile(r"(\S+)-$")
_SPACES_RE = re.compile(r"[ \t]+")
_DECISION_START_RE = re.compile(r"^(vedtak|konklusjon|beslutning|vedtatt|oppsummering)\s*:", re.IGNORECASE)
# "…, arrangør:" / "Påmelding:" at a line end: the value is on the next line.
_FIELD_COLON_RE = re.compile(r"\S.*\b(?:arrangør|arrangører|arr\.|påmelding|kontakt|frist|sted|i regi av)\s*:$", re.I)
_LABEL_START_RE = re.compile(r"^[A-ZÆØÅ][\w/.\-]*(?:\s+[\w/.\-()]+){0,5}:\s")


_LEFT_WORD_RE = re.compile(r"([A-Za-zÆØÅæøåÉéÜüÄäÖö]+)-$")
_RIGHT_WORD_RE = re.compile(r"^([a-zæøåéüäö]+)")
_SUSPENDED = SUSPENSION_JOINERS  # "inn- og utflytting"


def _known_name(word: str) -> bool:
    """A kommune, region or place in the gazetteer ("Hamarregionen", "Heggedal")."""
    from etl.extract.units import find_places, resolve_unit

    return resolve_unit(word) is not None or bool(find_places(word))


def _hyphen_join(out: str, part: str) -> str:
    """Join ``part`` to ``out`` that ends in a hyphen: drop the hyphen or keep it."""
    token = out.rsplit(None, 1)[-1]
    m = _LEFT_WORD_RE.search(token)
    r = _RIGHT_WORD_RE.match(part)
    if m is None or r is None or r.group(1) in _SUSPENDED:
        return out + part if r is None or r.group(1) not in _SUSPENDED else out + " " + part
    left, right = m.group(1), r.group(1)
    whole = m.start() == 0 or not token[: m.start()].strip("(«\"'")
    if whole and left.islower() and len(left) >= 2:
        return out[:-1] + part  # "nærings-" + "arealer", "an-" + "satte"
    if whole and left[0].isupper() and (len(left) == 1 or left[1:].islower()):
        # A proper-noun compound keeps its hyphen ("Orkla-" + "lageret"); a name
        # broken mid-word does not ("Hamarregio-" + "nen", "Kongs-" + "berg").
        if len(right) <= 3 or _known_name(left + right):
            return out[:-1] + part
    return out + part  # "FOR-" + "region", "Oslo/Akershus-" + "samarbeid"


def join_text(parts: list[str]) -> str:
    """Join wrapped fragments with single spaces, undoing end-of-line hyphenation.

    "nærings-" + "areal" → "næringsareal" (both sides lower-case letters);
    "Hamarregio-" + "nen" → "Hamarregionen" (a short tail, or a gazetteer name);
    "FOR-" + "region", "Oslo/Akershus-" + "samarbeid", "Orkla-" + "lageret" keep
    the hyphen and no space; "inn-" + "og utflytting" keeps hyphen and space.
    """
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if not out:
            out = part
            continue
        m = _TRAILING_HYPHEN_RE.search(out) if out.endswith("-") else None
        if m and len(m.group(1)) > 1 and m.group(1)[-1].isalnum():
            out = _hyphen_join(out, part)
        else:
            out = out + " " + part
    if "  " in out or "\t" in out:  # most joined text has single spaces only
        out = _SPACES_RE.sub(" ", out)
    return out.strip()


def _has_link(text: str) -> bool:
    """Every link has "http" or "www." in it: a cheap test before the URL patterns."""
    return "http" in text or "www." in text


def _url_only(text: str) -> bool:
    return text[:4] in ("http", "www.") and URL_RE.fullmatch(text) is not None


def prov_for(lines: list[Line], source_file: str) -> Provenance:
    """Provenance of a run of lines: first/last line, verbatim text without page furniture."""
    first = next((ln for ln in lines if not ln.noise), None)
    if first is None:
        raise IndexError("a provenance needs a line that is not page furniture")
    last = next(ln for ln in reversed(lines) if not ln.noise)
    lo, hi = first.no, last.no
    return Provenance(
        source_file=source_file,
        page=first.page,
        line_start=lo,
        line_end=hi,
        source_text="\n".join(ln.src.text for ln in lines if not ln.noise and lo <= ln.no <= hi),
    )


@dataclass(slots=True)
class Block:
    """A bullet or paragraph with its continuation lines."""

    lines: list[Line] = field(default_factory=list)
    # (number of lines, joined text): the text is read many times while a block
    # is classified, and recomputed only when lines were appended since.
    _text_cache: tuple[int, str] | None = None

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def content(self) -> list[Line]:
        return [ln for ln in self.lines if not ln.blank and not ln.noise]

    @property
    def text(self) -> str:
        cache = self._text_cache
        if cache is not None and cache[0] == len(self.lines):
            return cache[1]
        text = join_text([ln.text for ln in self.content])
        self._text_cache = (len(self.lines), text)
        return text

    @property
    def level(self) -> int:
        return self.first.level

    @property
    def is_bullet(self) -> bool:
        return self.first.is_bullet

    @property
    def is_label(self) -> bool:
        """A short line ending in ':' with nothing after it ("Medlemmer:")."""
        t = self.text
        return t.endswith(":") and len(t.split()) <= 8 and not self.is_url

    @property
    def is_url(self) -> bool:
        """A link line: "https://…" or "Påmelding: https://…"."""
        text = self.text
        return _has_link(text) and URL_LINE_RE.fullmatch(text.strip()) is not None


def make_blocks(lines: list[Line]) -> list[Block]:
    """Group lines into blocks: a bullet or paragraph plus its wrapped lines.

    A non-bullet line continues the current block unless the block ended with a
    colon; after blank lines (or page furniture) it continues only if the block
    did not end a sentence — so "…kompetansesporet / (blank) / foreslått fjernet."
    stays one statement, also across a page break.  Table rows and headings are
    blocks of their own.
    """
    blocks: list[Block] = []
    cur: Block | None = None
    gap = False
    for ln in lines:
        if ln.noise:
            if cur is not None:
                cur.lines.append(ln)
            continue
        if ln.blank:
            gap = True
            if cur is not None:
                cur.lines.append(ln)
            continue
        if ln.cells is not None or ln.heading or ln.is_bullet:
            cur = Block([ln])
            blocks.append(cur)
            if ln.cells is not None or ln.heading:
                cur = None
            gap = False
            continue
        if cur is not None:
            last = next(x for x in reversed(cur.lines) if not x.blank and not x.noise).text  # cur.content[-1]
            colon = last.endswith(":") and not _FIELD_COLON_RE.search(last)
            if colon and len(last.split()) > 8 and ln.text[:1].islower() and not ln.is_bullet:
                colon = False  # "… med fire innsatsområder:" wrapped onto "næringsarealer, kompetanse …"
            cont = not colon and not _url_only(ln.text) and not _url_only(last)
            if gap and ends_sentence(last):
                cont = False
            if ":" in ln.text and (
                _DECISION_START_RE.match(ln.text) or (ends_sentence(last) and _LABEL_START_RE.match(ln.text))
            ):
                cont = False  # "Vedtak: …" or a new "Unit: text" report line
            if ends_sentence(last) and ln.text.endswith(":") and len(ln.text.split()) <= 9:
                cont = False  # a new label / unit heading ("Asker kommune:")
            if last[-1] in ".!?" and unit_line(ln.text):
                cont = False  # "Ås kommune" after "- Drøbak får nytt hotell."
            if _has_link(ln.text) and URL_LINE_RE.fullmatch(ln.text.strip()):
                cont = False  # "Påmelding: https://…" stands alone
            if cont:
                cur.lines.append(ln)
                gap = False
                continue
        cur = Block([ln])
        blocks.append(cur)
        gap = False
    # Trailing blank lines and page furniture are not part of a block.
    for b in blocks:
        while len(b.lines) > 1 and (b.lines[-1].noise or b.lines[-1].blank):
            b.lines.pop()
    return blocks


__all__ = ["Block", "ends_sentence", "join_text", "make_blocks", "prov_for"]
