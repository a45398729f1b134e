"""Human-readable rendering of a parsed meeting for ``python -m etl check``."""

from __future__ import annotations

from etl.model import Meeting


def _loc(prov) -> str:
    lines = f"{prov.line_start}" if prov.line_start == prov.line_end else f"{prov.line_start}–{prov.line_end}"
    return f"p.{prov.page} l.{lines}"


def format_meeting(m: Meeting) -> str:
    out: list[str] = []
    add = out.append
    add(f"# {m.source_file}  ({m.fmt}, {m.n_pages} page(s), meeting_id {m.meeting_id})")
    add(f"organ:     {m.organ}")
    add(f"date:      {m.meeting_date}  {m.time_start or ''}–{m.time_end or ''}")
    add(f"place:     {m.place}")
    add(f"chair:     {m.chair}")
    add(f"secretary: {m.secretary}")
    add(f"attendees: {len(m.attendees)}: {', '.join(m.attendees)}")
    add("")
    add(f"## Agenda ({len(m.agenda)} items)")
    for item in m.agenda:
        add(f"  {item.number:>6}  {item.title}  [{item.kind}] ({_loc(item.prov)})")
        if item.decision:
            add(f"          decision: {item.decision}")
    add("")
    add(f"## Statements ({len(m.statements)})")
    unit = object()
    for s in m.statements:
        if (s.section, s.unit_raw) != unit:
            unit = (s.section, s.unit_raw)
            resolved = f" → {s.unit_name} [{s.unit_kind}, {s.kommunenummer or '-'}, {s.region or '-'}]" if s.unit_raw else ""
            add(f"  [{s.section}] {s.unit_raw or '(no unit)'} ({s.reporter or '-'}){resolved}")
        extras = [
            f"themes={','.join(s.themes) or '-'}",
            f"type={s.fact_type}",
        ]
        if s.organisations:
            extras.append(f"orgs={','.join(s.organisations)}")
        if s.jobs is not None:
            extras.append(f"jobs={s.jobs}")
        if s.amount_nok is not None:
            extras.append(f"nok={s.amount_nok:,}".replace(",", " "))
        if s.event_date:
            extras.append(f"date={s.event_date}")
        add(f"    - {s.text}")
        add(f"        {' '.join(extras)}  ({_loc(s.prov)})")
    add("")
    add(f"## Events ({len(m.events)})")
    for e in m.events:
        add(f"  {e.event_date or '????-??-??'}  {e.title}  / {e.organiser or '-'}  {e.url or ''}  ({_loc(e.prov)})")
    if m.warnings:
        add("")
        add(f"## Warnings ({len(m.warnings)})")
        for w in m.warnings:
            add(f"  {w.code}: {w.message}" + (f" (line {w.line_no})" if w.line_no else ""))
    return "\n".join(out)
