"""Creates the warehouse schema from the layered ``.sql`` files in ``etl/sql``.

Layers run in order: ``raw`` (tables the loader writes), ``staging`` (rename and
cast), ``marts`` (the ``v_*`` views of the data contract and helper views).
Files within a layer run in name order, except that marts may depend on each
other, which ``_ordered`` resolves by retrying until every view exists.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
LAYERS = ("raw", "staging", "marts")
SCHEMA_VERSION = "2"

# The views of the data contract (README "Data contract"); tests check they exist
# and keep their documented columns.
CONTRACT_VIEWS = ("v_meetings", "v_statements", "v_events", "v_decisions", "v_saker", "v_sak_mentions", "v_corrections")


def sql_files(layer: str) -> list[Path]:
    return sorted((SQL_DIR / layer).glob("*.sql"))


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    from etl.warehouse.columns import MODEL_TABLES, create_table_sql

    for path in sql_files("raw"):
        con.execute(path.read_text(encoding="utf-8"))
    for table in MODEL_TABLES:  # the tables the typed model defines, one column per field
        con.execute(create_table_sql(table))


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    for layer in ("staging", "marts"):
        pending = sql_files(layer)
        # A view may select from another view of the same layer; retry failures
        # until no progress is made (the layer is small, so this stays cheap).
        while pending:
            failed: list[Path] = []
            last_error: Exception | None = None
            for path in pending:
                try:
                    con.execute(path.read_text(encoding="utf-8"))
                except duckdb.CatalogException as exc:
                    failed.append(path)
                    last_error = exc
            if len(failed) == len(pending):
                raise RuntimeError(f"cannot create views {[p.name for p in failed]}: {last_error}")
            pending = failed
