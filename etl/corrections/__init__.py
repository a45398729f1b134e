"""Corrections: what people have fixed in the machine's reading, kept apart from the warehouse.

A correction is one line of JSON in the corrections file (``store``), written by the
dashboard where the data is shown and applied by every build after extraction
(``apply``; the register of saker applies the saker ones while linking).  The file
is append-only: a later correction of the same thing wins, nothing is ever
rewritten, and two people correcting at once both keep their lines.  A correction
whose source text has changed or gone is kept and shown as "foreldet", never
dropped.

Vocabulary (the file's format, part of the contract: README "Corrections"):
"""

from __future__ import annotations

# target -> the actions it takes
ACTIONS: dict[str, tuple[str, ...]] = {
    "statement": ("set_unit", "set_themes", "set_fact_type", "set_jobs", "set_amount", "set_date", "not_a_fact",
                  "split", "add"),
    "meeting": ("set_meeting_date", "set_organ", "set_kind"),
    "sak": ("merge", "move", "rename", "set_status"),
    "review": ("approve", "flag"),
}
# The statement field each "set_*" action corrects (column of v_statements).
STATEMENT_FIELDS: dict[str, str] = {
    "set_unit": "unit_name",
    "set_themes": "themes",
    "set_fact_type": "fact_type",
    "set_jobs": "jobs",
    "set_amount": "amount_nok",
    "set_date": "event_date",
}
MEETING_FIELDS: dict[str, str] = {"set_meeting_date": "meeting_date", "set_organ": "organ", "set_kind": "kind"}
MEETING_KINDS: tuple[str, ...] = ("referat", "innkalling", "annet")  # v_meetings.kind

# What a correction came to in a build (v_corrections.status).
APPLIED = "brukt"  # applied
STALE = "foreldet"  # its source text changed or disappeared: kept, not applied
SUPERSEDED = "erstattet"  # a later correction of the same thing replaced it
INVALID = "ugyldig"  # its value cannot be used (an unknown unit or theme)
STATUS_LABELS: dict[str, str] = {
    APPLIED: "Brukt",
    STALE: "Foreldet – kildeteksten er endret eller borte",
    SUPERSEDED: "Erstattet av en nyere rettelse",
    INVALID: "Ugyldig verdi",
}
