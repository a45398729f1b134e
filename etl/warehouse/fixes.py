"""The build step after loading: apply people's corrections, then link the register of saker.

Order matters: corrections change what statements say (a fact type, a unit, a
statement marked "not a fact"), and the register must be linked from the
corrected statements; corrections of the register itself (merge, move, rename,
status) are applied while it is assembled.  Everything written here is rebuilt
from the corrections file by every build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl.corrections import APPLIED, STALE
from etl.corrections.apply import apply_corrections
from etl.corrections.store import read_corrections
from etl.warehouse.columns import ADDED_STATEMENTS
from etl.warehouse.load import insert_columns, insert_rows
from etl.warehouse.register import load_register
from etl.warehouse.schema import create_views, materialise


@dataclass
class CorrectionsReport:
    applied: int = 0
    stale: int = 0
    other: int = 0  # superseded or invalid
    errors: list[str] = field(default_factory=list)  # "corrections.jsonl, line 12: not valid JSON (…)"


def correct_and_link(con: duckdb.DuckDBPyConnection, corrections_path: Path | None,
                     previous_ids: dict[str, str]) -> CorrectionsReport:
    """Apply the corrections file to the loaded tables, create the views, link the register and
    fill the materialised tables the dashboard reads."""
    report = CorrectionsReport()
    records, errors = read_corrections(corrections_path) if corrections_path else ([], [])
    report.errors = [e.message(Path(corrections_path)) for e in errors]
    applied = apply_corrections(con, records)
    if applied.statement_fixes:
        insert_rows(con, "statement_fixes", applied.statement_fixes)
    if applied.meeting_fixes:
        insert_rows(con, "meeting_fixes", applied.meeting_fixes)
    if applied.added:
        insert_columns(con, "added_statements", ADDED_STATEMENTS.rows(applied.added, applied.added_keys))
    create_views(con)
    sak_ids = load_register(con, previous_ids, applied.sak_rules)
    for cid, row in applied.pending.items():
        sak_id = sak_ids.get(cid)
        row.update(status=APPLIED if sak_id else STALE, target_id=sak_id)
        applied.log.append(row)
    if applied.log:
        insert_rows(con, "correction_log", applied.log)
    materialise(con)  # the dashboard's tables read the register and the corrections log: last
    statuses = [r["status"] for r in applied.log]
    report.applied, report.stale = statuses.count(APPLIED), statuses.count(STALE)
    report.other = len(statuses) - report.applied - report.stale
    return report
