"""Creates the warehouse schema from the layered ``.sql`` files in ``etl/sql``.

Layers run in order: ``raw`` (tables the loader writes), ``staging`` (rename and
cast), ``marts`` (the ``v_*`` views of the data contract and helper views) and
``materialised`` (helper tables the dashboard reads: each file is one ``SELECT``,
stored as a table named after the file without its number, ``mart_*``).
Files within a layer run in name order, except that marts and materialised tables
may depend on each other, which ``create_views`` resolves by retrying until every
view exists.  ``create_views`` creates the materialised tables empty (the register
is not linked yet); ``materialise`` fills them (while the register is being linked, on a
second connection) and ``fill_sak_ids`` then sets ``mart_statements.sak_id`` from the register.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from etl.extract import stemming

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
LAYERS = ("raw", "staging", "marts", "materialised")
SCHEMA_VERSION = "3"

# The views of the data contract (README "Data contract"); tests check they exist
# and keep their documented columns.
CONTRACT_VIEWS = ("v_meetings", "v_statements", "v_events", "v_decisions", "v_saker", "v_sak_mentions", "v_corrections",
                  "v_agenda_items")


def sql_files(layer: str) -> list[Path]:
    return sorted((SQL_DIR / layer).glob("*.sql"))


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    from etl.warehouse.columns import MODEL_TABLES, create_table_sql

    for path in sql_files("raw"):
        con.execute(path.read_text(encoding="utf-8"))
    for table in MODEL_TABLES:  # the tables the typed model defines, one column per field
        con.execute(create_table_sql(table))


def materialised_sql(path: Path, *, empty: bool = False) -> str:
    """The statement that stores one ``materialised`` file as its table (no rows when ``empty``)."""
    name = re.sub(r"^\d+_", "", path.stem)
    select = path.read_text(encoding="utf-8")
    if empty:
        return f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM ({select}) LIMIT 0"
    return f"CREATE OR REPLACE TABLE {name} AS {select}"


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """The staging and mart views, and the materialised tables, empty (``materialise`` fills them)."""
    stemming.register(con)  # mart_search_vocab calls norwegian_stem
    for statements in (
        [(p, p.read_text(encoding="utf-8")) for p in sql_files("staging")],
        [(p, p.read_text(encoding="utf-8")) for p in sql_files("marts")]
        + [(p, materialised_sql(p, empty=True)) for p in sql_files("materialised")],
    ):
        pending = statements
        # A view may select from another view of the same layer (or a helper view from a
        # materialised table); retry failures until no progress is made (small layers: cheap).
        while pending:
            failed: list[tuple[Path, str]] = []
            last_error: Exception | None = None
            for path, sql in pending:
                try:
                    con.execute(sql)
                except duckdb.CatalogException as exc:
                    failed.append((path, sql))
                    last_error = exc
            if len(failed) == len(pending):
                raise RuntimeError(f"cannot create views {[p.name for p, _ in failed]}: {last_error}")
            pending = failed


def materialise(con: duckdb.DuckDBPyConnection) -> None:
    """Fill the materialised tables from the final views, after the statements' corrections are
    logged (``originals`` reads them). The register may still be being linked: ``fill_sak_ids``
    then sets ``mart_statements.sak_id``, the one column that reads it."""
    stemming.register(con)
    con.execute("SET enable_progress_bar = false")  # DuckDB's own bar would garble the build's
    for path in sql_files("materialised"):
        con.execute(materialised_sql(path))


# v_statements' sak_id (its join with the register), set on the materialised copy.
_FILL_SAK_IDS = """
UPDATE mart_statements AS m SET sak_id = sm.sak_id
FROM stg_sak_mentions AS sm
WHERE sm.statement_id = m.statement_id AND sm.is_primary AND m.sak_id IS DISTINCT FROM sm.sak_id
"""


def fill_sak_ids(con: duckdb.DuckDBPyConnection) -> None:
    """Copy each statement's sak into ``mart_statements`` once the register is linked."""
    con.execute(_FILL_SAK_IDS)
