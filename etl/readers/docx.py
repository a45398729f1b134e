"""Word (.docx) via python-docx, body in document order (paragraphs and tables).

Only the body is read: header and footer parts and comments never appear.  A
paragraph's text is read from its XML with tracked changes accepted (insertions
kept, deletions dropped), hyperlink text kept, and text boxes as lines after
the paragraph they are anchored in.

List paragraphs carry no bullet character in Word, so the style name goes into
``SourceLine.style`` and the 1-based nesting level (from "List Bullet 2" style
names or the numPr/ilvl of the paragraph) into ``SourceLine.level``.  A table row
becomes one line with ``cells`` set and ``text`` = the cells joined by " | ".

Before python-docx sees the file, the zip archive is checked against the limits
(``etl.limits``): first from its directory (the sum of the members' sizes, the
compression ratio of each sizeable member, the number of members), without
inflating anything; then every member is inflated in 1 MB chunks and counted, so
the limit holds even where the directory lies (Python's zipfile already stops a
member at its declared size and fails its CRC; the guard does not rely on that).  A Word
file of a million short paragraphs is stopped at the line limit as it is read.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from etl import limits
from etl.errors import DocumentError
from etl.model import BOLD_LINE_STYLE, SourceLine

# A member smaller than this cannot do harm whatever its ratio (and small XML
# parts of real Word files do compress well).
_RATIO_FROM_BYTES = 1_000_000
# Real Word files have a few dozen parts; a zip of millions of empty members costs
# memory just to list.
_MAX_MEMBERS = 10_000
_CHUNK = 1 << 20


def check_archive(path: Path, data: bytes) -> None:
    """Raise DocumentError when the archive is over a limit; never holds more than one chunk inflated."""
    expanded_limit = limits.max_expanded_bytes()
    ratio_limit = limits.value(limits.ZIP_RATIO)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = zf.infolist()
            if len(members) > _MAX_MEMBERS:
                raise DocumentError(path, f"Word file has {len(members)} parts (at most {_MAX_MEMBERS}), not a Word document.")
            declared = sum(m.file_size for m in members)
            if declared > expanded_limit:
                raise _too_big(path, f"{declared / limits.MB:.1f} MB")
            for m in members:
                if m.file_size >= _RATIO_FROM_BYTES and m.file_size > ratio_limit * max(m.compress_size, 1):
                    raise limits.over(path, f"Word file part {m.filename} is compressed "
                                            f"{m.file_size / max(m.compress_size, 1):.0f}:1 (a zip bomb)",
                                      limits.ZIP_RATIO)
            inflated = 0
            for m in members:  # the streaming guard: count what really comes out, whatever the directory said
                with zf.open(m.filename) as member:
                    while chunk := member.read(_CHUNK):
                        inflated += len(chunk)
                        if inflated > expanded_limit:
                            raise _too_big(path, f"more than {expanded_limit / limits.MB:g} MB")
    except DocumentError:
        raise
    except Exception:  # noqa: BLE001 - a bad CRC, an encrypted member, a truncated archive
        raise DocumentError(path, "Word file is corrupt (not a valid .docx zip archive).") from None


def _too_big(path: Path, size: str) -> DocumentError:
    return limits.over(path, f"Word file expands to {size} when unpacked", limits.EXPANDED_MB)

_LIST_STYLE_RE = re.compile(r"^List (?:Bullet|Number|Continue|Paragraph)?\s*(\d)?$", re.IGNORECASE)


def _paragraph_level(par) -> tuple[str | None, int | None]:  # noqa: ANN001
    style = par.style.name if par.style is not None else None
    level: int | None = None
    ppr = par._p.pPr  # noqa: SLF001
    if ppr is not None and ppr.numPr is not None:
        ilvl = ppr.numPr.ilvl
        level = (ilvl.val + 1) if ilvl is not None and ilvl.val is not None else 1
    if style:
        m = _LIST_STYLE_RE.match(style.strip())
        if m and style.lower().startswith("list") and "paragraph" not in style.lower():
            level = int(m.group(1)) if m.group(1) else (level or 1)
        elif m and level is None and "paragraph" in style.lower():
            level = None
    return style, level


# A short paragraph set entirely in bold reads as a heading ("Asker kommune" above
# its points); it is passed on with the pseudo style BOLD_LINE_STYLE.  A bold first
# line of a paragraph broken by a line break gets BOLD_LEAD_STYLE: it names what
# follows, but ranks below a bold paragraph, which may be an agenda item's heading.
BOLD_LEAD_STYLE = BOLD_LINE_STYLE + " (lead)"
_BOLD_LINE_MAX = 80


def _run_bold(run, style_bold: bool) -> bool:  # noqa: ANN001
    return bool(run.bold or (run.bold is None and (style_bold or (run.style is not None and run.style.font.bold))))


def _short_heading_text(text: str) -> bool:
    t = text.strip()
    return bool(t) and len(t) <= _BOLD_LINE_MAX and not t.endswith((".", "!", "?"))


def _is_bold_line(par, text: str) -> bool:  # noqa: ANN001
    if not _short_heading_text(text) or "\n" in text.strip():
        return False
    runs = [r for r in par.runs if r.text.strip()]
    if not runs:
        return False
    style_bold = bool(par.style is not None and par.style.font.bold)
    return all(_run_bold(r, style_bold) for r in runs)


def bold_parts(par, parts: list[str]) -> list[bool]:  # noqa: ANN001
    """Which lines of a paragraph broken by line breaks are set entirely in bold
    ("**Fjellbygd – Linda Hauge**" + break + the report): a bold run ending at a
    break names what follows, as a bold paragraph does.  All False when the runs'
    text does not match the paragraph's (tracked changes, fields)."""
    style_bold = bool(par.style is not None and par.style.font.bold)
    flags: list[bool] = []
    for r in par.runs:
        bold = _run_bold(r, style_bold)
        flags.extend(bold for _ in r.text)
    joined = "".join(r.text for r in par.runs).replace("\r", "\n").replace("\v", "\n")
    if joined != "\n".join(parts):
        return [False] * len(parts)
    out: list[bool] = []
    pos = 0
    for part in parts:
        ink = [flags[pos + i] for i, ch in enumerate(part) if not ch.isspace()]
        out.append(bool(ink) and all(ink) and _short_heading_text(part))
        pos += len(part) + 1
    return out


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees whose text is not (or not here) part of the paragraph: deleted and moved-away
# revisions, text boxes (read separately), the VML copy of a drawing, field codes.
_SKIP = {_W + "del", _W + "moveFrom", _W + "txbxContent", _MC_FALLBACK, _W + "instrText", _W + "delText"}
_CHARS = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def paragraph_text(p, rels=None) -> str:  # noqa: ANN001
    """The text of a <w:p> as Word shows it with changes accepted: inserted text kept,
    deleted text dropped, hyperlink text kept (an external link's address added in
    brackets, as the Markdown reader does), line breaks as "\n"."""
    out: list[str] = []

    def walk(el) -> None:  # noqa: ANN001
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _W + "t":
                out.append(child.text or "")
            elif tag in _CHARS:
                out.append(_CHARS[tag])
            else:
                walk(child)
                if tag == _W + "hyperlink" and rels is not None:
                    rel = rels.get(child.get(_R_ID) or "")
                    url = getattr(rel, "target_ref", None) if rel is not None and rel.is_external else None
                    if url and url.startswith(("http://", "https://")) and url not in "".join(out[-3:]):
                        out.append(f" ({url})")

    walk(p)
    return "".join(out)


def text_boxes(p) -> list[str]:  # noqa: ANN001
    """Paragraph texts of the text boxes anchored in a paragraph (DrawingML copy only)."""
    out: list[str] = []
    for box in p.iter(_W + "txbxContent"):
        if any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            continue
        out.extend(paragraph_text(bp) for bp in box.iter(_W + "p"))
    return out


def _cell_text(cell, rels=None) -> str:  # noqa: ANN001
    return "\n".join(paragraph_text(p._p, rels) for p in cell.paragraphs).strip("\n")  # noqa: SLF001


def read_docx(path: Path, data: bytes) -> list[SourceLine]:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocumentError(path, "Word file is corrupt (not a valid .docx zip archive).")
    check_archive(path, data)
    max_lines = limits.max_lines()
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        rels = document.part.rels
        lines: list[SourceLine] = []

        def add(text: str, **kw) -> None:  # noqa: ANN003
            if len(lines) >= max_lines:
                limits.check_lines(path, len(lines) + 1)
            lines.append(SourceLine(line_no=len(lines) + 1, page=1, text=text, **kw))

        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                par = Paragraph(child, document)
                style, level = _paragraph_level(par)
                text = paragraph_text(child, rels)
                plain = style is None or style.lower() in ("normal", "body text", "brødtekst", "default paragraph style")
                if plain and level is None and _is_bold_line(par, text):
                    style = BOLD_LINE_STYLE
                parts = text.replace("\r", "\n").replace("\v", "\n").split("\n") or [""]
                bold = bold_parts(par, parts) if plain and level is None and len(parts) > 1 else [False] * len(parts)
                for part, part_bold in zip(parts, bold):
                    add(part, style=BOLD_LEAD_STYLE if part_bold else style, level=level)
                for part in text_boxes(child):  # a text box follows its anchor paragraph
                    add(part)
            elif tag == "tbl":
                table = Table(child, document)
                for row in table.rows:
                    cells: list[str] = []
                    seen: list = []  # merged cells repeat the same <w:tc>
                    for cell in row.cells:
                        tc = cell._tc  # noqa: SLF001
                        if any(tc is s for s in seen):
                            continue
                        seen.append(tc)
                        cells.append(_cell_text(cell, rels))
                    add(" | ".join(c.replace("\n", " ") for c in cells), cells=tuple(cells))
    except DocumentError:
        raise
    except Exception:  # noqa: BLE001
        raise DocumentError(path, "Word file is corrupt or not a .docx document and cannot be read.") from None
    if not any(ln.text.strip() for ln in lines):
        raise DocumentError(path, "Word document contains no text.")
    return lines
