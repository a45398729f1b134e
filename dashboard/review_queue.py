"""The review queue of Gjennomgang: what the machine may have read wrong, most costly first.

Kinds come in the order they matter for the figures: a meeting whose round
table was not found loses all its facts; an unknown unit drops its facts from
every region; jobs or kroner without a fact type are left out of the key
figures; a sak with one mention and no status may be noise; two saker that are
one count twice; and whatever a person has flagged.

Every entry has an ``item`` key made of its source file and text (never a row
number), so "Godkjent" (a review correction) keeps it out of the queue across
rebuilds, until its text changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pandas as pd

from dashboard import queries

# kind -> Norwegian heading (the order is the queue's order)
KINDS: dict[str, str] = {
    "moter": "Møter med hull",
    "enheter": "Ukjente enheter",
    "tall": "Tall uten type",
    "enkeltsaker": "Saker med én omtale",
    "dubletter": "Mulige dubletter",
    "merket": "Merket for gjennomgang",
}
MEETING_PROBLEMS = {
    "no_round_table": "Fant ingen runde rundt bordet",
    "no_organ": "Fant ikke hvilket organ som møttes",
    "no_attendees": "Fant ingen deltakerliste",
    "unparsed_line": "Linjer tolkningen ikke kunne plassere",
}


@dataclass(frozen=True)
class Entry:
    item: str  # stable key, e.g. "enhet|referat.txt|Asker kommune"
    kind: str
    title: str  # Norwegian, plain text (escaped by the page)
    source_file: str | None = None
    line_start: int | None = None
    line_end: int | None = None
    statement_id: str | None = None
    meeting_id: str | None = None
    sak_ids: tuple[str, ...] = ()
    note: str | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)


def _int(x) -> int | None:
    return None if x is None or pd.isna(x) else int(x)


def _meetings(v) -> list[Entry]:
    out = []
    for r in queries.review.queue_meetings(v).itertuples():
        what = MEETING_PROBLEMS.get(r.code, r.code)
        if r.code == "unparsed_line":
            what = f"{what} ({_int(r.n)})"
        out.append(Entry(item=f"møte|{r.source_file}|{r.code}", kind="moter", title=f"{what}: {r.source_file}",
                         source_file=r.source_file, line_start=_int(r.line), line_end=_int(r.line),
                         meeting_id=r.meeting_id, extra={"code": r.code, "meeting_date": r.meeting_date}))
    return out


def _units(v) -> list[Entry]:
    return [Entry(item=f"enhet|{r.source_file}|{r.unit_name}", kind="enheter",
                  title=f"«{r.unit_name}» ({_int(r.n)} utsagn): {r.source_file}", source_file=r.source_file,
                  line_start=_int(r.line_start), line_end=_int(r.line_start), statement_id=r.statement_id)
            for r in queries.review.queue_unknown_units(v).itertuples()]


def _figures(v) -> list[Entry]:
    return [Entry(item=f"utsagn|{r.source_file}|{queries.review.text_hash(r.text)}", kind="tall",
                  title=f"{r.unit_name or '–'}: {r.text[:90]}", source_file=r.source_file,
                  line_start=_int(r.line_start), line_end=_int(r.line_end), statement_id=r.statement_id)
            for r in queries.review.queue_figures_without_type(v).itertuples()]


def _single(v) -> list[Entry]:
    return [Entry(item=f"sak|{r.sak_id}", kind="enkeltsaker", title=f"{r.title} ({r.unit_name or '–'})",
                  statement_id=r.first_statement_id, sak_ids=(r.sak_id,))
            for r in queries.review.queue_single_saker(v).itertuples()]


def _duplicates(v) -> list[Entry]:
    return [Entry(item=f"dublett|{r.sak_a}|{r.sak_b}", kind="dubletter", title=f"«{r.title_a}» og «{r.title_b}»",
                  statement_id=r.statement_a, sak_ids=(r.sak_a, r.sak_b),
                  extra={"statement_b": r.statement_b, "similarity": r.similarity})
            for r in queries.review.queue_duplicates(v).itertuples()]


def _note(value_json) -> str:
    try:
        note = json.loads(value_json)
    except (TypeError, ValueError):
        note = value_json
    return str(note or "Merket for gjennomgang")


def _flags(v) -> list[Entry]:
    return [Entry(item=f"flagg|{r.correction_id}", kind="merket", title=f"{_note(r.note)}: {str(r.text or '')[:80]}",
                  source_file=r.source_file, statement_id=r.target_id, note=_note(r.note),
                  extra={"by": r.corrected_by})
            for r in queries.review.queue_flags(v).itertuples()]


_BUILDERS = {"moter": _meetings, "enheter": _units, "tall": _figures, "enkeltsaker": _single,
             "dubletter": _duplicates, "merket": _flags}


def review_queue(v) -> dict[str, list[Entry]]:
    """Every kind's open entries (approved ones left out), in queue order."""
    approved = queries.review.approved_items(v)
    return {kind: [e for e in _BUILDERS[kind](v) if e.item not in approved] for kind in KINDS}
