"""Word (.docx) via python-docx, body in document order (paragraphs and tables).

List paragraphs carry no bullet character in Word, so the style name goes into
``SourceLine.style`` and the 1-based nesting level (from "List Bullet 2" style
names or the numPr/ilvl of the paragraph) into ``SourceLine.level``.  A table row
becomes one line with ``cells`` set and ``text`` = the cells joined by " | ".
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from etl.errors import DocumentError
from etl.model import SourceLine

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


def _cell_text(cell) -> str:  # noqa: ANN001
    return "\n".join(p.text for p in cell.paragraphs).strip("\n")


def read_docx(path: Path, data: bytes) -> list[SourceLine]:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocumentError(path, "Word file is corrupt (not a valid .docx zip archive).")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        lines: list[SourceLine] = []

        def add(text: str, **kw) -> None:  # noqa: ANN003
            lines.append(SourceLine(line_no=len(lines) + 1, page=1, text=text, **kw))

        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                par = Paragraph(child, document)
                style, level = _paragraph_level(par)
                parts = par.text.replace("\r", "\n").replace("\v", "\n").split("\n") or [""]
                for part in parts:
                    add(part, style=style, level=level)
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
                        cells.append(_cell_text(cell))
                    add(" | ".join(c.replace("\n", " ") for c in cells), cells=tuple(cells))
    except DocumentError:
        raise
    except Exception:  # noqa: BLE001
        raise DocumentError(path, "Word file is corrupt or not a .docx document and cannot be read.") from None
    if not any(ln.text.strip() for ln in lines):
        raise DocumentError(path, "Word document contains no text.")
    return lines
