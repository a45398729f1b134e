"""The build step after loading: apply people's corrections, then link the register of saker.

Order matters: corrections change what statements say (a fact type, a unit, a
statement marked "not a fact"), and the register must be linked from the
corrected statements; corrections of the register itself (merge, move, rename,
status) are applied while it is assembled.  Everything written here is rebuilt
from the corrections file by every build.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl.corrections import APPLIED, STALE
from etl.corrections.apply import apply_corrections
from etl.corrections.store import read_corrections
from etl.warehouse.columns import ADDED_STATEMENTS
from etl.warehouse.load import insert_columns, insert_rows
from etl.warehouse.register import load_register
from etl.warehouse.schema import create_views, fill_sak_ids, materialise


@dataclass
class CorrectionsReport:
    applied: int = 0
    stale: int = 0
    other: int = 0  # superseded or invalid
    errors: list[str] = field(default_factory=list)  # "corrections.jsonl, line 12: not valid JSON (…)"


def _materialise_on(cursor: duckdb.DuckDBPyConnection) -> None:
    try:
        materialise(cursor)
    finally:
        cursor.close()


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
    if applied.log:  # the statements' and meetings' corrections: mart_statements.originals reads them
        insert_rows(con, "correction_log", applied.log)
    # The dashboard's tables are filled by DuckDB on a second connection (and core) while this thread
    # links the register in Python; only mart_statements.sak_id reads the register, set afterwards.
    with ThreadPoolExecutor(max_workers=1) as marts:
        filled = marts.submit(_materialise_on, con.cursor())
        sak_ids = load_register(con, previous_ids, applied.sak_rules)
        filled.result()
    fill_sak_ids(con)
    sak_log = []
    for cid, row in applied.pending.items():
        sak_id = sak_ids.get(cid)
        row.update(status=APPLIED if sak_id else STALE, target_id=sak_id)
        sak_log.append(row)
    if sak_log:
        insert_rows(con, "correction_log", sak_log)
    applied.log.extend(sak_log)
    statuses = [r["status"] for r in applied.log]
    report.applied, report.stale = statuses.count(APPLIED), statuses.count(STALE)
    report.other = len(statuses) - report.applied - report.stale
    return report
