"""The warehouse step that builds the register of saker from the loaded statements.

Runs on every build that writes, after all documents are loaded: linking is
over the whole archive (a mention in a new file may belong to a sak opened
years ago), and it is fast enough to redo each time (docs/benchmarks.md).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.saker import build_register
from etl.warehouse.columns import SAK_MENTIONS, SAKER
from etl.warehouse.load import insert_columns

# Statements that report on a sak, in the order they were made (loaded documents only).
# Statements that report on a sak, as corrected by people, in the order they were made
# (the staging views: loaded documents only, hidden statements left out).
_MENTION_ROWS = """
SELECT s.statement_id, s.meeting_id, m.meeting_date, s.seq, s.section,
       s.unit_name, s.unit_kind, s.kommunenummer, s.region,
       s.text, s.themes, s.organisations, s.places, s.jobs, s.amount_nok, s.area_daa,
       s.sak_kind, s.sak_status, s.sak_parts
FROM stg_statements AS s
JOIN stg_meetings AS m USING (meeting_id)
WHERE s.sak_kind IS NOT NULL AND s.is_fact
ORDER BY m.meeting_date NULLS FIRST, s.meeting_id, s.seq, s.statement_id
"""


def previous_ids(db_path: Path) -> dict[str, str]:
    """Mention key → sak id in the current database (empty when there is none or it has no register)."""
    if not Path(db_path).exists():
        return {}
    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            return dict(con.execute("SELECT mention_key, sak_id FROM sak_mentions").fetchall())
    except duckdb.Error:
        return {}


def mention_rows(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """The statements in ``con`` that report on a sak, in meeting order, as ``build_register`` takes them."""
    return con.sql(_MENTION_ROWS).to_arrow_table().to_pylist()  # Arrow: about twice as fast as fetchall


def load_register(con: duckdb.DuckDBPyConnection, previous: dict[str, str] | None = None,
                  rules: list | None = None) -> dict[str, str | None]:
    """Link the statements in ``con`` (the staging views must exist) and write ``saker`` and
    ``sak_mentions``; returns each saker correction's sak id (None: stale)."""
    saker, mentions, applied = build_register(mention_rows(con), previous=previous, rules=rules)
    con.execute("DELETE FROM saker")
    con.execute("DELETE FROM sak_mentions")
    if saker:
        insert_columns(con, "saker", SAKER.rows(saker, [()] * len(saker)))
        insert_columns(con, "sak_mentions", SAK_MENTIONS.rows(mentions, [()] * len(mentions)))
    return applied
