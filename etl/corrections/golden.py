"""Turn people's corrections of one document into its golden fixture (``*.expected.json``).

``python -m etl check FILE --json --corrections data/corrections.jsonl`` prints the
parse of FILE with the corrections that name its statements and meeting laid over
it: the expected output a person has vouched for.  Saved beside a fixture, the
golden test then fails until the rules produce it themselves (docs/extraction.md,
"From corrections to golden fixtures").

Only what a parse can be expected to say goes in: unit, themes, fact type, jobs,
amount and date of a statement, and the meeting's date and organ.  "Not a fact",
split and added statements, and saker corrections, are counted and left out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from etl.corrections import MEETING_FIELDS, STATEMENT_FIELDS
from etl.corrections.apply import reclassify, valid_value, with_unit
from etl.corrections.keys import norm
from etl.model import Correction


def _matches(key: dict, file_name: str, meeting_date: str | None) -> bool:
    """A key names this document by its file name (any folder) or, failing that, its meeting date."""
    return Path(str(key.get("source_file") or "")).name == file_name or (
        meeting_date is not None and key.get("meeting_date") == meeting_date)


def corrected_parse(parse: dict, corrections: list[Correction], *, theme_ids: set[str],
                    gazetteer=None) -> tuple[dict, int, int]:
    """``parse`` (``Meeting.to_dict()``) with the corrections that name it applied, in the order
    they were made; returns (parse, applied, left out)."""
    file_name = Path(parse["source_file"]).name
    date = parse.get("meeting_date")
    statements = parse["statements"]
    by_text: dict[str, list[dict]] = {}
    for s in statements:
        by_text.setdefault(norm(s["text"]), []).append(s)
    applied = left_out = 0
    for c in sorted(corrections, key=lambda c: c.at):
        if c.target == "meeting" and c.action in ("set_meeting_date", "set_organ") and _matches(c.key, file_name, date):
            value = str(c.value)[:10] if c.action == "set_meeting_date" else c.value
            if c.action == "set_meeting_date":
                dt.date.fromisoformat(value)  # a bad date is not written into a golden
            parse[MEETING_FIELDS[c.action]] = value
            applied += 1
        elif c.target == "statement" and _matches(c.key, file_name, date):
            hits = by_text.get(norm(c.key.get("text")), [])
            n = int(c.key.get("n") or 0)
            if c.action not in STATEMENT_FIELDS or n >= len(hits):
                left_out += 1
                continue
            row = hits[n]
            try:
                value = valid_value(c.action, c.value, theme_ids)
            except ValueError:
                left_out += 1
                continue
            if c.action == "set_unit":
                with_unit(row, value, gazetteer)
            else:
                row[STATEMENT_FIELDS[c.action]] = value.isoformat() if isinstance(value, dt.date) else value
            reclassify(row)
            applied += 1
    return parse, applied, left_out
