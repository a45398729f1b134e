"""Structure parser: :class:`RawDocument` → :class:`Meeting` (pure, no I/O).

Steps: clean lines (page furniture, bullets) → split preamble / agenda items →
metadata from the preamble → per item: decision, then statements by section
(round table, events, action programme, others) → links → warnings.
"""

from __future__ import annotations

import re

from etl.model import AgendaItem, Link, Meeting, ParseWarning, RawDocument, Statement
from etl.parse.decisions import decided, take_decision
from etl.parse.events import events_from_blocks, match_links
from etl.parse.flattened import unflatten
from etl.parse.header import apply_trailer, parse_header
from etl.parse.items import KIND_TO_SECTION, ItemSpan, item_kind, split_items
from etl.parse.lines import URL_RE, Block, Line, clean_lines, make_blocks, prov_for
from etl.parse.round_table import is_round, round_table_statements
from etl.parse.vocabulary import GENERIC_AREA_HEADINGS

_GENERIC_AREA = GENERIC_AREA_HEADINGS
_NOTHING_RE = re.compile(r"^(ingen (saker|merknader|andre saker)( (meldt|meldt inn|til behandling))?|ingenting|ingen)\.?$", re.IGNORECASE)
_SUBHEAD_MARKER_RE = re.compile(r"^[a-hA-H][.)]$|^\d{1,2}[.)]$")


def _is_subheading(b: Block) -> bool:
    """'a) Næringsvennlig kommune' or a heading line inside an item."""
    if b.first.heading:
        return True
    t = b.text
    return (
        bool(b.first.marker and _SUBHEAD_MARKER_RE.match(b.first.marker))
        and len(b.content) == 1
        and len(t.split()) <= 6
        and not t.endswith((".", "!", "?", ";", ","))
    )


def _section_statements(
    blocks: list[Block], section: str, source_file: str, item_no: str | None
) -> list[Statement]:
    out: list[Statement] = []
    area: str | None = None
    for b in blocks:
        if b.is_url:
            continue
        if b.first.cells is not None:
            cells = [c.replace("\n", " ").strip() for c in b.first.cells or () if c.strip()]
            if cells:
                out.append(Statement(section, " – ".join(cells), prov_for(b.lines, source_file), item_no))
            continue
        if _is_subheading(b) or b.is_label:
            label = b.text.rstrip(":").strip()
            if section == "action_programme":
                area = None if label.lower() in _GENERIC_AREA else label
            continue
        if _NOTHING_RE.match(b.text):
            continue  # "Ingen saker."
        st = Statement(section, b.text, prov_for(b.lines, source_file), item_no=item_no)
        if section == "action_programme":
            st.area = area
        out.append(st)
    return out


def _item_body(lines: list[Line]) -> str:
    return "\n".join(ln.src.text.strip() for ln in lines if not ln.blank and not ln.noise)


def _links(lines: list[Line], source_file: str) -> list[Link]:
    out: list[Link] = []
    seen: set[str] = set()
    for ln in lines:
        if ln.noise:
            continue
        for m in URL_RE.finditer(ln.src.text):
            url = m.group().rstrip(".,;:")
            if url in seen:
                continue
            seen.add(url)
            out.append(Link(url, prov_for([ln], source_file)))
    return out


def parse_document(raw: RawDocument) -> Meeting:
    """Parse one document's lines into a Meeting. Never raises on odd layouts."""
    src = raw.source_file
    lines = unflatten(clean_lines(raw.lines, raw.n_pages))
    preamble, items = split_items(lines)
    header = parse_header(preamble, src)
    if items:  # "Referent: …" signed at the end belongs to the header, not to Eventuelt
        tail = [ln for ln in items[-1].body if not ln.blank and not ln.noise][-2:]
        used = apply_trailer(header, tail)
        items[-1].body = [ln for ln in items[-1].body if ln.no not in used]
    m = Meeting(
        source_file=src,
        sha256=raw.sha256,
        organ=header.organ,
        meeting_date=header.meeting_date,
        time_start=header.time_start,
        time_end=header.time_end,
        place=header.place,
        chair=header.chair,
        secretary=header.secretary,
        attendees=header.attendees,
        n_pages=raw.n_pages,
        fmt=raw.fmt,
        end_date=header.end_date,
    )
    m.links = _links(lines, src)

    # Preamble prose that is not metadata: "other" statements.
    rest = [ln for ln in preamble if ln.no not in header.used]
    m.statements.extend(_section_statements(make_blocks(rest), "other", src, None))

    n_round_tables = 0
    labelled = False  # any decision given by a label ("Vedtak:")
    for span in items:
        labelled = _parse_item(span, m, src) or labelled
        if m.agenda[-1].kind == "round_table":
            n_round_tables += 1
            if not any(s.item_no == span.number and s.section == "round_table" for s in m.statements):
                m.warnings.append(
                    ParseWarning("empty_round_table", f"round-table item {span.number} has no reports", span.heading.no)
                )
    match_links(m.events, m.links)
    if header.notice and not labelled and not any(item.decision and decided(item.decision) for item in m.agenda):
        m.kind = "innkalling"  # a notice: its title says so and nothing was decided
        for item in m.agenda:
            item.decision = None  # "Innkalling og saksliste godkjennes." in a notice is a proposal

    if m.meeting_date is None:
        m.warnings.append(ParseWarning("no_date", "no meeting date found in the text or the file name"))
    if n_round_tables == 0:
        m.warnings.append(ParseWarning("no_round_table", "no round-table item found"))
    return m


def _parse_item(span: ItemSpan, m: Meeting, src: str) -> bool:
    """Add the item and its statements to ``m``; True when a label gave its decision."""
    kind = item_kind(span.title)
    blocks = make_blocks(span.body)
    if kind == "other" and is_round(blocks):
        kind = "round_table"  # two or more reporting units: a round of reports, whatever the title
    decision, blocks, labelled = take_decision(blocks, kind)
    item = AgendaItem(
        number=span.number,
        title=span.title,
        body=_item_body(span.body),
        prov=prov_for([span.heading, *span.body], src),
        kind=kind,
        decision=decision,
    )
    m.agenda.append(item)
    section = KIND_TO_SECTION[kind]
    if kind == "round_table":
        stmts, warns = round_table_statements(blocks, src, span.number)
        m.statements.extend(stmts)
        m.warnings.extend(warns)
    elif kind == "events":
        events, stmts = events_from_blocks(blocks, src, span.number, m.meeting_date)
        m.events.extend(events)
        m.statements.extend(stmts)
    elif section is None:
        for b in blocks:
            if not b.is_url and not b.is_label:
                m.warnings.append(
                    ParseWarning("unparsed_line", f"text in approval item {span.number} is not a decision", b.first.no)
                )
    else:
        m.statements.extend(_section_statements(blocks, section, src, span.number))
    return labelled


__all__ = ["parse_document"]
