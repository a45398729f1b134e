"""Line cleaning: page furniture, bullets, markdown, table rows.

Everything here is a pure function of the reader's :class:`SourceLine` list.
The bottom of the parser's graph: it imports only the model and the e-mail
cleaner, so every other parse module may import it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from etl.model import BOLD_LINE_STYLE, SourceLine
from etl.parse.mail import mail_furniture, unquote
from etl.parse.vocabulary import MONTHS

# --- page headers / footers --------------------------------------------------
_PAGE_NO_RE = re.compile(
    r"^(?:(?:side|page|s\.)\s*\d+(?:\s*(?:av|of|/)\s*\d+)?|\d+\s*/\s*\d+|[-–]?\s*\d{1,3}\s*[-–]?)$",
    re.IGNORECASE,
)


def _may_be_page_no(text: str) -> bool:
    """A page number line starts with a digit, a dash or "side"/"page"/"s." ("ſ" folds to "s")."""
    c = text[:1]
    return bool(c) and (c in "sSpPſ-–" or c.isdecimal())


def is_page_number(text: str) -> bool:
    """"Side 2 av 5", "- 3 -", "4/12": a page number, page furniture wherever it stands."""
    return _may_be_page_no(text) and _PAGE_NO_RE.match(text) is not None


# "Runde rundt bordet ........ 3" / "Eventuelt …… 12": dot leaders and a page number.
_TOC_ENTRY_RE = re.compile(r"^\S.*?\S\s*(?:\.\s?){4,}\s*\d{1,3}$|^\S.*?\S\s*…+\s*\d{1,3}$")
_TOC_TITLE_RE = re.compile(r"^(?:innhold|innholdsfortegnelse|saksliste|dagsorden)\s*:?$", re.IGNORECASE)

# --- bullets -----------------------------------------------------------------
TOP_MARKERS = "•●▪■*·-–—►➢✓"
SUB_MARKERS = "o◦▫○"
# "5. mars" / "5. nov." is a date, not a numbered line; "5. Mari Strømsvåg" is.
_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))
_BULLET_RE = re.compile(
    r"^(?P<marker>[•●▪■*·\-–—►➢✓◦▫○]|o(?=\s+\S))\s+(?P<rest>.*)$"
)
_NUMBERED_RE = re.compile(
    rf"^(?P<marker>(?:\d{{1,2}}|[a-hA-H]|i{{1,3}}|iv|v|vi{{1,3}}|ix|x)[.)])\s+(?!(?:{_MONTHS})(?![a-zæøå]))(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_BULLET_START = frozenset("•●▪■*·-–—►➢✓◦▫○o")
_RULE_START = frozenset("|:-*_=~")
_MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_RULE_RE = re.compile(r"^(?:-\s*){3,}$|^(?:\*\s*){3,}$|^(?:_\s*){3,}$|^[=~]{3,}$")
_MD_TABLE_SEP_RE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
URL_RE = re.compile(r"https?://[^\s<>\"')\]»]+|www\.[^\s<>\"')\]»]+")
URL_LINE_RE = re.compile(r"(?:[A-ZÆØÅa-zæøå][\wæøå ]{0,25}:\s*)?(?:" + URL_RE.pattern + r")[.]?")


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


_MD_BOLD_RE = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_MD_BOLD_LINE_RE = re.compile(r"^(?:\*\*|__)([^*_:]{2,80}?[^*_:.,;])(?:\*\*|__)$")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\((https?://[^)]+)\)")


def _strip_md(text: str) -> str:
    if "**" in text or "__" in text:
        text = _MD_BOLD_RE.sub(lambda m: m.group(1) or m.group(2), text)
    if "](" in text:
        text = _MD_LINK_RE.sub(r"\1 (\2)", text)
    return text.strip()


_HEADING_STYLE_RE = re.compile(r"^(?:Heading|Overskrift)\s*(\d)", re.IGNORECASE)


@lru_cache(maxsize=256)  # a document has a handful of styles, each seen on many lines
def _word_heading_level(style: str | None) -> int:
    if not style:
        return 0
    m = _HEADING_STYLE_RE.match(style)
    if m:
        return int(m.group(1))
    if style.lower() in ("title", "tittel"):
        return 1
    if style == BOLD_LINE_STYLE:  # a short all-bold Word paragraph, like a Markdown "**line**"
        return 6
    if style.startswith(BOLD_LINE_STYLE):  # a bold line inside a paragraph (the reader's "(lead)"): lower still
        return 7
    return 0


def _split_md_row(text: str) -> tuple[str, ...] | None:
    s = text.strip()
    if not (s.startswith("|") and s.endswith("|") and s.count("|") >= 3):
        return None
    cells = [c.strip() for c in s[1:-1].split("|")]
    return tuple(re.sub(r"\s*<br\s*/?>\s*", "\n", c, flags=re.IGNORECASE) for c in cells)


def _tab_row(text: str) -> tuple[str, ...] | None:
    """'10. juni<TAB>Frokostmøte<TAB>Osloregionen': three or more tab-separated cells
    (Word writes a table row so in plain text); a list marker in front is not a cell."""
    parts = [p.strip() for p in text.strip(" \t\r").split("\t")]
    if len(parts) < 3 or sum(1 for p in parts if p) < 2 or not parts[0]:
        return None
    if _BULLET_RE.match(parts[0] + " x") or re.fullmatch(r"\d{1,2}[.)]|[a-hA-H][.)]", parts[0]):
        return None
    return tuple(parts)


def _may_be_numbered(s: str) -> bool:
    """A list number ("12.", "b)", "viii.") is at most four characters and a '.' or ')':
    a cheap test before _NUMBERED_RE."""
    head = s[1:5]
    return s[0].isalnum() and ("." in head or ")" in head)


def classify(src: SourceLine, text: str | None = None) -> Line:
    """Classify one line (without page-furniture detection); ``text`` overrides the
    source text (an e-mail quote prefix removed)."""
    raw = src.text if text is None else text
    if src.cells is not None:
        return Line(src, raw.strip(), cells=tuple(c.strip() for c in src.cells))
    if "\t" in raw and (row := _tab_row(raw)) is not None:  # a Word table saved as plain text
        return Line(src, " | ".join(row), cells=row)
    raw = raw.replace("\t", "    ").rstrip()
    indent = len(raw) - len(raw.lstrip(" \u00a0"))
    s = raw.strip().replace("\u00a0", " ")
    heading = _word_heading_level(src.style)
    if not s:
        return Line(src, "", indent=indent)
    c0 = s[0]  # most lines start with a letter: the markup patterns below need a mark first
    if c0 in _RULE_START and ((_MD_TABLE_SEP_RE.match(s) and "|" in s) or _RULE_RE.match(s)):
        return Line(src, "", indent=indent, noise=True)  # table separator, "---" rule
    row = _split_md_row(s) if c0 == "|" else None
    if row is not None:
        return Line(src, s, cells=row)
    m = _MD_HEADING_RE.match(s) if c0 == "#" else None
    if m:
        return Line(src, _strip_md(m.group(2)), indent=indent, heading=len(m.group(1)))
    m = _MD_BOLD_LINE_RE.match(s) if c0 in "*_" else None
    if m and not heading:  # "**Helsenæring**": a bold line of its own is a (lowest) heading
        return Line(src, m.group(1).strip(), indent=indent, heading=6)
    style = (src.style or "").lower()
    if heading:  # a Word heading with automatic numbering is still a heading
        return Line(src, _strip_md(s), indent=indent, heading=heading)
    if src.level is not None or style.startswith("list"):
        level = src.level or 1
        m2 = _NUMBERED_RE.match(s)  # typed numbers in a list paragraph
        marker = m2.group("marker") if m2 and "number" in style else "list"
        text = m2.group("rest") if marker != "list" else s
        if "number" in style and marker == "list":
            marker = "#."
        return Line(src, _strip_md(text), indent=indent, marker=marker, level=level)
    m = _BULLET_RE.match(s) if c0 in _BULLET_START else None
    if m:
        marker = m.group("marker")
        level = 2 if marker in SUB_MARKERS else 1
        if indent >= 3:
            level += 1
        return Line(src, _strip_md(m.group("rest")), indent=indent, marker=marker, level=level)
    m = _NUMBERED_RE.match(s) if _may_be_numbered(s) else None
    if m and heading == 0:
        marker = m.group("marker")
        return Line(src, _strip_md(m.group("rest")), indent=indent, marker=marker, level=1 + (indent >= 3))
    return Line(src, _strip_md(s), indent=indent, heading=heading)


_TERMINAL = ".!?:;"


def ends_sentence(text: str) -> bool:
    """Does the text end a sentence or a clause (".!?:;")?"""
    return bool(text) and text.rstrip()[-1] in _TERMINAL


def _norm_furniture(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def _flag_toc(lines: list[Line]) -> None:
    """Table-of-contents entries ("2. Runde rundt bordet ....... 3") and the
    "Innhold" heading above them are page furniture, never agenda items."""
    prev: Line | None = None
    for ln in lines:
        if ln.blank or ln.cells is not None:
            continue
        t = ln.src.text.strip()
        if ("...." in t or "…" in t or ". . . ." in t) and _TOC_ENTRY_RE.match(t):
            ln.noise = True
            if prev is not None and _TOC_TITLE_RE.match(prev.text):
                prev.noise = True
        prev = ln


def clean_lines(src_lines: list[SourceLine], n_pages: int) -> list[Line]:
    """Classify all lines and flag page headers/footers as noise."""
    texts = [s.text for s in src_lines]
    unquoted = unquote(texts)
    lines = [classify(s, unquoted[i] if unquoted else None) for i, s in enumerate(src_lines)]
    quoted = [t.lstrip().startswith(">") for t in texts] if unquoted else None
    for i in mail_furniture(unquoted or texts, quoted):
        lines[i].noise = True
    for ln in lines:
        if ln.cells is None and is_page_number(ln.text) and not ln.heading:
            if not ln.is_bullet or ln.marker in "-–":
                ln.noise = True
    _flag_toc(lines)
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


__all__ = [
    "SUB_MARKERS", "TOP_MARKERS", "URL_LINE_RE", "URL_RE", "Line", "classify", "clean_lines", "ends_sentence",
    "is_page_number",
]
