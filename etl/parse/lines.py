"""Line cleaning: page furniture, bullets, markdown, wrapped-line joining.

Everything here is a pure function of the reader's :class:`SourceLine` list.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from etl.model import Provenance, SourceLine

# --- page headers / footers --------------------------------------------------
_PAGE_NO_RE = re.compile(
    r"^(?:(?:side|page|s\.)\s*\d+(?:\s*(?:av|of|/)\s*\d+)?|\d+\s*/\s*\d+|[-–]?\s*\d{1,3}\s*[-–]?)$",
    re.IGNORECASE,
)

# --- bullets -----------------------------------------------------------------
TOP_MARKERS = "•●▪■*·-–—►➢✓"
SUB_MARKERS = "o◦▫○"
_MONTHS = (
    "jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des"
)
_BULLET_RE = re.compile(
    r"^(?P<marker>[•●▪■*·\-–—►➢✓◦▫○]|o(?=\s+\S))\s+(?P<rest>.*)$"
)
_NUMBERED_RE = re.compile(
    rf"^(?P<marker>(?:\d{{1,2}}|[a-hA-H]|i{{1,3}}|iv|v|vi{{1,3}}|ix|x)[.)])\s+(?!(?:{_MONTHS})[a-zæøå]*\b)(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_MD_TABLE_SEP_RE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
URL_RE = re.compile(r"https?://[^\s<>\"')\]»]+|www\.[^\s<>\"')\]»]+")
_URL_LINE_RE = re.compile(r"(?:[A-ZÆØÅa-zæøå][\wæøå ]{0,25}:\s*)?(?:" + URL_RE.pattern + r")[.]?")


@dataclass(slots=True)
class Line:
    """A source line plus what the cleaner learned about it."""

    src: SourceLine
    text: str  # content: bullet marker, markdown and outer whitespace removed
    indent: int = 0
    marker: str | None = None  # "•", "o", "1.", "a)", "list" (Word list style)
    level: int = 0  # 0 = not a list item, 1 = top-level bullet, 2+ = nested
    heading: int = 0  # markdown "#" count / Word heading level, 0 = none
    noise: bool = False  # page header/footer
    cells: tuple[str, ...] | None = None

    @property
    def no(self) -> int:
        return self.src.line_no

    @property
    def page(self) -> int:
        return self.src.page

    @property
    def blank(self) -> bool:
        return not self.text and self.cells is None

    @property
    def is_bullet(self) -> bool:
        return self.marker is not None

    @property
    def numbered(self) -> bool:
        return bool(self.marker) and self.marker[-1] in ".)"


def _strip_md(text: str) -> str:
    text = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), text)
    text = re.sub(r"\[([^\]]+)\]\((https?://[^)]+)\)", r"\1 (\2)", text)
    return text.strip()


def _word_heading_level(style: str | None) -> int:
    if not style:
        return 0
    m = re.match(r"^(?:Heading|Overskrift)\s*(\d)", style, re.IGNORECASE)
    if m:
        return int(m.group(1))
    if style.lower() in ("title", "tittel"):
        return 1
    return 0


def _split_md_row(text: str) -> tuple[str, ...] | None:
    s = text.strip()
    if not (s.startswith("|") and s.endswith("|") and s.count("|") >= 3):
        return None
    cells = [c.strip() for c in s[1:-1].split("|")]
    return tuple(re.sub(r"\s*<br\s*/?>\s*", "\n", c, flags=re.IGNORECASE) for c in cells)


def classify(src: SourceLine) -> Line:
    """Classify one line (without page-furniture detection)."""
    raw = src.text.replace("\t", "    ").rstrip()
    if src.cells is not None:
        return Line(src, raw.strip(), cells=tuple(c.strip() for c in src.cells))
    indent = len(raw) - len(raw.lstrip(" \u00a0"))
    s = raw.strip().replace("\u00a0", " ")
    heading = _word_heading_level(src.style)
    if not s:
        return Line(src, "", indent=indent)
    if _MD_TABLE_SEP_RE.match(s) and "|" in s:
        return Line(src, "", indent=indent, noise=True)
    row = _split_md_row(s)
    if row is not None:
        return Line(src, s, cells=row)
    m = _MD_HEADING_RE.match(s)
    if m:
        return Line(src, _strip_md(m.group(2)), indent=indent, heading=len(m.group(1)))
    style = (src.style or "").lower()
    if src.level is not None or style.startswith("list"):
        level = src.level or 1
        m2 = _NUMBERED_RE.match(s)  # typed numbers in a list paragraph
        marker = m2.group("marker") if m2 and "number" in style else "list"
        text = m2.group("rest") if marker != "list" else s
        if "number" in style and marker == "list":
            marker = "#."
        return Line(src, _strip_md(text), indent=indent, marker=marker, level=level)
    m = _BULLET_RE.match(s)
    if m:
        marker = m.group("marker")
        level = 2 if marker in SUB_MARKERS else 1
        if indent >= 3:
            level += 1
        return Line(src, _strip_md(m.group("rest")), indent=indent, marker=marker, level=level)
    m = _NUMBERED_RE.match(s)
    if m and heading == 0:
        marker = m.group("marker")
        return Line(src, _strip_md(m.group("rest")), indent=indent, marker=marker, level=1 + (indent >= 3))
    return Line(src, _strip_md(s), indent=indent, heading=heading)


def _norm_furniture(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def clean_lines(src_lines: list[SourceLine], n_pages: int) -> list[Line]:
    """Classify all lines and flag page headers/footers as noise."""
    lines = [classify(s) for s in src_lines]
    for ln in lines:
        if ln.cells is None and ln.text and _PAGE_NO_RE.match(ln.text) and not ln.heading:
            if not ln.is_bullet or ln.marker in "-–":
                ln.noise = True
    pages: dict[int, list[Line]] = {}
    for ln in lines:
        if not ln.blank and not ln.noise and ln.cells is None:
            pages.setdefault(ln.page, []).append(ln)
    if len(pages) >= 2:
        counts: Counter[str] = Counter()
        edge: list[Line] = []
        for plines in pages.values():
            cands = plines[:2] + plines[-2:]
            seen = set()
            for ln in cands:
                key = _norm_furniture(ln.src.text)
                if key not in seen:
                    seen.add(key)
                    counts[key] += 1
                    edge.append(ln)
        need = max(2, math.ceil(len(pages) / 2))
        for ln in edge:
            if counts[_norm_furniture(ln.src.text)] >= need and not ln.is_bullet:
                ln.noise = True
    return lines


# --- joining -----------------------------------------------------------------
_TERMINAL = ".!?:;"
_TRAILING_HYPHEN_RE = re.compile(r"(\S+)-$")
_SPACES_RE = re.compile(r"[ \t]+")
_DECISION_START_RE = re.compile(r"^(vedtak|konklusjon|beslutning|vedtatt|oppsummering)\s*:", re.IGNORECASE)
_LABEL_START_RE = re.compile(r"^[A-ZÆØÅ][\w/.\-]*(?:\s+[\w/.\-()]+){0,5}:\s")


def join_text(parts: list[str]) -> str:
    """Join wrapped fragments with single spaces, undoing end-of-line hyphenation.

    "nærings-" + "areal" → "næringsareal" (both sides lower-case letters);
    "FOR-" + "region", "Oslo/Akershus-" + "samarbeid" keep the hyphen and no space.
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
            word = m.group(1)
            plain = word.isalpha() and word.islower() and len(word) > 2
            if plain and part[0].islower():
                out = out[:-1] + part
            else:
                out = out + part
        else:
            out = out + " " + part
    return _SPACES_RE.sub(" ", out).strip()


def ends_sentence(text: str) -> bool:
    return bool(text) and text.rstrip()[-1] in _TERMINAL


def prov_for(lines: list[Line], source_file: str) -> Provenance:
    """Provenance of a run of lines: first/last line, verbatim text without page furniture."""
    keep = [ln for ln in lines if not ln.noise]
    first, last = keep[0], keep[-1]
    inner = [ln for ln in lines if first.no <= ln.no <= last.no and not ln.noise]
    return Provenance(
        source_file=source_file,
        page=first.page,
        line_start=first.no,
        line_end=last.no,
        source_text="\n".join(ln.src.text for ln in inner),
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
        return bool(_URL_LINE_RE.fullmatch(self.text.strip()))


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
            last = cur.content[-1].text
            cont = not last.endswith(":") and not URL_RE.fullmatch(ln.text) and not URL_RE.fullmatch(last)
            if gap and ends_sentence(last):
                cont = False
            if _DECISION_START_RE.match(ln.text) or (ends_sentence(last) and _LABEL_START_RE.match(ln.text)):
                cont = False  # "Vedtak: …" or a new "Unit: text" report line
            if ends_sentence(last) and ln.text.endswith(":") and len(ln.text.split()) <= 9:
                cont = False  # a new label / unit heading ("Asker kommune:")
            if _URL_LINE_RE.fullmatch(ln.text.strip()):
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
