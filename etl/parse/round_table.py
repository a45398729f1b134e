"""Round table ("Runde rundt bordet"): reporting units, reporters and their statements.

Units are found by content, not by layout: "Oslo kommune (Anne Solheim):",
"Lillestrøm kommune v/ Kari Holm:", "Nordre Follo kommune – Per Hansen:",
"Asker kommune:", a heading, "Unit: text" on one line, or a table with a
unit / representative / points column.  Everything below a unit (at a deeper
list level, or any non-unit line) is that unit's report: one statement per
bullet; prose is split into sentences.
"""

from __future__ import annotations

import re

from etl.model import ParseWarning, Statement
from etl.parse.blocks import Block, join_text, prov_for
from etl.parse.cleaning import Line, ends_sentence
from etl.parse.names import briefing, is_person
from etl.parse.sentences import sentence_statements, split_sentences
from etl.parse.units import (
    GENERIC_LABELS,
    UNIT_DASH_TEXT_RE,
    UnitHeader,
    explicit_unit,
    heading_unit,
    known_unit,
    looks_like_unit,
    proper_name,
    reported_unit,
    role_briefing,
    split_unit,
    without_from,
)

SECTION = "round_table"


def unit_header(block: Block, next_block: Block | None, loose: bool = False, labelled: bool = False) -> UnitHeader | None:
    """Is this block a unit heading (possibly with inline text)?  ``loose``: a heading or
    bold line where units are headings is a unit even when the gazetteer does not know it.
    ``labelled``: the round's reports are "Name: text" lines, so a short proper name before the
    colon is a unit the gazetteer may not know ("Grong: Sagbruket utvider.")."""
    text = block.text
    head, colon, rest = text.partition(":")
    if colon and 0 < len(head.split()) <= 9:
        parts = split_unit(head)
        if parts:
            return UnitHeader(parts[0], parts[1], rest.strip() or None)
        if labelled and rest.strip() and _report_label(head):
            return UnitHeader(without_from(head.strip()), None, rest.strip())
        # A short proper-noun label ("Drammen:") with a report below it.
        words = head.split()
        if (
            not rest.strip()
            and len(words) <= 4
            and all(w[0].isupper() for w in words)
            and head.strip().lower() not in GENERIC_LABELS
        ):
            return UnitHeader(without_from(head.strip()), None, None)
        return None
    m = UNIT_DASH_TEXT_RE.match(text)
    if m and explicit_unit(m.group("unit")) and not is_person(m.group("rest").rstrip(":")):
        parts = split_unit(m.group("unit")) or (m.group("unit"), None)
        return UnitHeader(parts[0], parts[1], m.group("rest").strip())  # "Asker kommune – Ny plan vedtatt."
    if ends_sentence(text) or len(text.split()) > 9:
        return None
    parts = heading_unit(text) if loose and block.first.heading else split_unit(text)
    if parts is None and len(block.content) == 1:
        parts = reported_unit(text)  # "Fjellbygd – Linda Hauge" on a line of its own
    if parts is None:
        return None
    has_reporter = parts[1] is not None
    deeper_follows = next_block is not None and (
        next_block.level > block.level or (not block.is_bullet and next_block.is_bullet)
    )
    if block.first.heading or has_reporter or deeper_follows:
        return UnitHeader(parts[0], parts[1], None)
    if len(block.content) == 1 and next_block is not None and explicit_unit(parts[0]):
        return UnitHeader(parts[0], None, None)  # "Eidsvoll kommune" on a line of its own above prose
    return None


def _report_label(head: str) -> bool:
    """"Grong" in "Grong: text": a short proper name that is neither a person nor a generic label."""
    return proper_name(head, 4) and not is_person(head.strip())


def _labelled_reports(blocks: list[Block]) -> bool:
    """Two or more blocks of the form "Name: text" (a proper name, then a report on the same line):
    the round lists its units as labels, known to the gazetteer or not."""
    found = 0
    for b in blocks:
        if b.first.cells is not None or b.first.heading:
            continue
        head, colon, rest = b.text.partition(":")
        if colon and rest.strip() and len(head.split()) <= 4 and _report_label(head):
            found += 1
            if found == 2:
                return True
    return False


# --- tables ----------------------------------------------------------------------
_UNIT_COL_RE = re.compile(r"kommun|region|enhet|eining|medlem|organisasjon|virksomhet|verksemd", re.IGNORECASE)
_REP_COL_RE = re.compile(
    r"representant|namn|navn|deltak|person|kontakt|ved\b|ordfør|rådmann|kommunedirektør|orientert av|innleiar", re.IGNORECASE
)
_POINTS_COL_RE = re.compile(
    r"hovedpunkt|hovudpunkt|punkter|punkt|orientering|innhold|innhald|tema|status|saker|nytt|info|referat|merknad",
    re.IGNORECASE,
)
_CELL_BULLET_RE = re.compile(r"^(?:[•●▪■*·\-–—◦o]|\d{1,2}[.)])\s+")


def cell_points(cell: str) -> list[str]:
    """One point per line of a cell; bullets stripped; wrapped lines joined."""
    points: list[str] = []
    bullets: list[bool] = []
    for raw in cell.split("\n"):
        line = raw.strip()
        if not line:
            continue
        bullet = bool(_CELL_BULLET_RE.match(line))
        line = _CELL_BULLET_RE.sub("", line).strip()
        if points and not bullet and (not ends_sentence(points[-1]) or line[0].islower()):
            points[-1] = join_text([points[-1], line])
        else:
            points.append(line)
            bullets.append(bullet)
    # A bullet is one point; a prose line is split into its sentences.
    return [p[s:e].strip() for p, b in zip(points, bullets) for s, e in ([(0, len(p))] if b else split_sentences(p))]


def unit_cell(text: str) -> tuple[str | None, str | None]:
    """A unit cell: 'Oslo kommune (Anne Solheim)', 'Asker kommune' over 'Asbjørn Flo'
    (two paragraphs), or a name wrapped over lines ('Nordre Follo' / 'kommune')."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines:
        return None, None
    if len(lines) >= 2 and is_person(lines[-1]):
        head = split_unit(join_text(lines[:-1]))
        if head is not None and head[1] is None:
            return head[0], lines[-1]
    joined = join_text(lines)
    parts = split_unit(joined) or (joined, None)
    return parts[0] or None, parts[1]


def table_statements(rows: list[Line], source_file: str, item_no: str | None) -> list[Statement]:
    unit_col, rep_col, points_col = 0, None, None
    header: list[str] | None = None
    out: list[Statement] = []
    for row in rows:
        cells = list(row.cells or ())
        if not any(c.strip() for c in cells) or cells == header:
            continue  # empty, or the header row repeated on the next page
        if points_col is None and _POINTS_COL_RE.search(" ".join(cells)) and all(len(c.split()) <= 4 for c in cells):
            header = cells
            for i, c in enumerate(cells):
                if _UNIT_COL_RE.search(c) and unit_col == 0 and i != len(cells) - 1:
                    unit_col = i
                elif _REP_COL_RE.search(c) and rep_col is None:
                    rep_col = i
                elif _POINTS_COL_RE.search(c):
                    points_col = i
            continue
        pc = points_col if points_col is not None else len(cells) - 1
        if pc >= len(cells) or len(cells) < 2:
            continue
        unit, reporter = unit_cell(cells[unit_col] if unit_col < len(cells) else "")
        rep_text = join_text(cells[rep_col if rep_col is not None else 1].split("\n")) if len(cells) >= 3 else ""
        if rep_col is None and points_col is None and is_person(rep_text):
            reporter = rep_text
        if rep_col is not None and rep_text:
            reporter = rep_text
        prov = prov_for([row], source_file)
        for point in cell_points(cells[pc]):
            out.append(Statement(SECTION, point, prov, item_no=item_no, unit_raw=unit, reporter=reporter))
    return out


# --- the section ------------------------------------------------------------------
def _split_heading_lines(blocks: list[Block]) -> list[Block]:
    """A paragraph whose first line is only a unit ("Nordre Follo (v/Per Hansen)",
    "OSLO KOMMUNE") is that unit's heading followed by its report."""
    out: list[Block] = []
    for b in blocks:
        if b.is_bullet or b.first.cells is not None or b.first.heading:
            out.append(b)
            continue
        content = b.content
        if len(content) < 2:
            out.append(b)
            continue
        first = content[0].text.strip()
        parts = None if ends_sentence(first) or ":" in first else (split_unit(first) or reported_unit(first))
        if parts is not None and (parts[1] is not None or known_unit(parts[0])):
            cut = b.lines.index(content[0]) + 1
            out.extend([Block(b.lines[:cut]), Block(b.lines[cut:])])
        else:
            out.append(b)
    return out


# "a) Hamar v/Bente Østby: …  b) Ringsaker v/Rune Skjærvik: …" run together on one line.
_LETTER_RE = re.compile(r"(?:^|(?<=\s))(?P<marker>[a-hA-H]\))\s+(?=[A-ZÆØÅ])")
_LETTER_MARKER_RE = re.compile(r"[a-hA-H]\)")


def _lettered_pieces(text: str) -> list[tuple[str, str]]:
    """(marker, text) of each lettered report in a line, or [] when fewer than two of
    them start with a unit header."""
    if ")" not in text:  # most lines: no letter marker at all
        return []
    cuts = list(_LETTER_RE.finditer(text))
    if len(cuts) < 2:
        return []
    pieces = [(m.group("marker"), text[m.end() : (cuts[i + 1].start() if i + 1 < len(cuts) else len(text))].strip())
              for i, m in enumerate(cuts)]
    lead = text[: cuts[0].start()].strip()
    if sum(1 for _, p in pieces if _inline_unit(p)) < 2:
        return []
    return ([("", lead)] if lead else []) + pieces  # text before "a)" stays a block of its own


def _inline_unit(text: str) -> bool:
    head, colon, _ = text.partition(":")
    return bool(colon) and 0 < len(head.split()) <= 9 and split_unit(head) is not None


def _split_lettered(blocks: list[Block]) -> list[Block]:
    """A line holding several lettered unit reports (line breaks lost) becomes one block each."""
    out: list[Block] = []
    for b in blocks:
        if b.first.cells is not None or b.first.heading or (
            ")" not in b.text and not any(ln.marker and ln.marker[-1] == ")" for ln in b.lines)
        ):
            out.append(b)  # no "a)" anywhere: most blocks stop here
            continue
        content = b.content
        if len(content) != 1:
            out.append(b)
            continue
        ln = content[0]
        lettered = ln.marker is not None and _LETTER_MARKER_RE.fullmatch(ln.marker) is not None
        pieces = _lettered_pieces(f"{ln.marker} {ln.text}" if lettered else ln.text)
        if not pieces:
            out.append(b)
            continue
        src = content[0].src
        for marker, text in pieces:
            out.append(Block([Line(src, text, marker=marker or None, level=1 if marker else 0)]))
    return out


def is_round(blocks: list[Block]) -> bool:
    """Two or more reporting units in an item's blocks make it a round of reports,
    whatever its title: units with a reporter ("Hol v/Kari Nilsen:"), explicit kommuner
    or regions ("Asker kommune:"), or "Ordfører i Hol, Kari Nilsen, orienterte …"."""
    blocks = _split_heading_lines(_split_lettered(blocks))
    units: set[str] = set()
    for i, b in enumerate(blocks):
        if b.first.cells is not None or b.is_url:
            continue
        hdr = unit_header(b, blocks[i + 1] if i + 1 < len(blocks) else None, loose=True)
        if hdr is None and not b.is_bullet:
            hdr = role_briefing(b.text)
        if hdr is None:
            continue
        # "Innledning v/Tore Bakken:" names a speaker, not a unit: a generic word is no unit.
        if explicit_unit(hdr.unit) or (hdr.reporter is not None and proper_name(hdr.unit, 6)):
            units.add(hdr.unit.casefold())
    return len(units) >= 2


def round_table_statements(
    blocks: list[Block], source_file: str, item_no: str | None
) -> tuple[list[Statement], list[ParseWarning]]:
    stmts: list[Statement] = []
    warns: list[ParseWarning] = []
    unit: str | None = None
    reporter: str | None = None
    unit_level = -1
    unit_levels: set[int] = set()  # list levels at which units have appeared
    rows: list[Line] = []
    stmts_since_unit = False

    def flush_rows() -> None:
        if rows:
            stmts.extend(table_statements(rows, source_file, item_no))
            rows.clear()

    unit_heading = 0  # heading level of the current unit's header (0: not a heading)
    blocks = _split_heading_lines(_split_lettered(blocks))
    labelled = _labelled_reports(blocks)
    for i, b in enumerate(blocks):
        if b.first.cells is not None:
            rows.append(b.first)
            continue
        flush_rows()
        if b.is_url:
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        may_be_unit = unit is None or b.level <= unit_level or b.level in unit_levels or bool(b.first.heading)
        loose = bool(b.first.heading) and (unit is None or b.first.heading == unit_heading)
        hdr = unit_header(b, nxt, loose, labelled) if may_be_unit else None
        if hdr is None and unit is not None and reporter is None and not stmts_since_unit:
            name = b.text.strip().strip("*_()").strip()
            if len(b.content) == 1 and not b.is_bullet and is_person(name):
                reporter = name  # "### Ullensaker" over "*Ole Dahl*": the line names the reporter
                continue
        if hdr is not None:
            unit, reporter, unit_level, unit_heading = hdr.unit, hdr.reporter, b.level, b.first.heading
            stmts_since_unit = False
            unit_levels.add(b.level)
            if hdr.inline:
                spans = split_sentences(hdr.inline)  # a unit's inline report: one statement per sentence
                for s0, e0 in spans:  # "Nordre Follo: Elvia forsinker nettet. Langhus får industri."
                    text = hdr.inline[s0:e0].strip()
                    stmts.append(Statement(SECTION, text, prov_for(b.lines, source_file), item_no, unit, reporter))
            continue
        stmts_since_unit = True
        if unit is None and b.is_label:
            continue  # lead-in: "Kort oppsummering av hovedpunkter fra kommunene:"
        if unit is None:
            warns.append(
                ParseWarning("unparsed_line", "round-table text before any reporting unit", b.first.no)
            )
        if b.is_bullet and b.is_label and nxt is not None and nxt.level > b.level:
            continue  # a topic label ("Heggedal:") over its sub-bullets
        if b.is_bullet or b.first.heading:
            stmts.append(Statement(SECTION, b.text, prov_for(b.lines, source_file), item_no, unit, reporter))
        else:
            for text, prov in sentence_statements(b, source_file):
                opened = role_briefing(text) if may_be_unit else None
                if opened is not None:  # "Ordfører i Hol, Kari Nilsen, orienterte om …" opens a unit
                    unit, reporter, unit_level, unit_heading = opened.unit, opened.reporter, b.level, 0
                    unit_levels.add(b.level)
                    stmts.append(Statement(SECTION, text, prov, item_no, unit, reporter))
                    continue
                person, empty = briefing(text, reporter is not None) if unit is not None else (None, False)
                if person:  # "Anne Solheim orienterte." names the reporter
                    reporter = person
                    if empty:
                        continue
                stmts.append(Statement(SECTION, text, prov, item_no, unit, reporter))
    flush_rows()
    return stmts, warns


__all__ = [
    "SECTION",
    "cell_points",
    "is_person",
    "is_round",
    "looks_like_unit",
    "round_table_statements",
    "split_unit",
    "table_statements",
    "unit_cell",
    "unit_header",
]
