"""The data contract: the v_* views, their columns and types, documented in the README."""

from __future__ import annotations

import re

import duckdb
import pytest

from etl.warehouse.schema import CONTRACT_VIEWS
from tests.conftest import ROOT

# The columns promised by the contract, with their types. Columns may be added to
# the views, never renamed or removed: this table only ever grows.
CONTRACT: dict[str, dict[str, str]] = {
    "v_meetings": {
        "meeting_id": "VARCHAR", "organ": "VARCHAR", "meeting_date": "DATE", "place": "VARCHAR",
        "chair": "VARCHAR", "n_attendees": "INTEGER", "source_file": "VARCHAR",
    },
    "v_statements": {
        "statement_id": "VARCHAR", "meeting_id": "VARCHAR", "meeting_date": "DATE", "section": "VARCHAR",
        "unit_name": "VARCHAR", "unit_kind": "VARCHAR", "kommunenummer": "VARCHAR", "region": "VARCHAR",
        "county": "VARCHAR", "reporter": "VARCHAR", "text": "VARCHAR", "themes": "VARCHAR[]",
        "fact_type": "VARCHAR", "organisations": "VARCHAR[]", "jobs": "INTEGER", "amount_nok": "BIGINT",
        "event_date": "DATE", "source_file": "VARCHAR", "page": "INTEGER", "line_start": "INTEGER",
        "line_end": "INTEGER",
    },
    "v_events": {
        "event_id": "VARCHAR", "meeting_id": "VARCHAR", "event_date": "DATE", "title": "VARCHAR",
        "organiser": "VARCHAR", "url": "VARCHAR", "source_file": "VARCHAR",
    },
    "v_decisions": {
        "meeting_id": "VARCHAR", "meeting_date": "DATE", "item_no": "VARCHAR", "item_title": "VARCHAR",
        "decision": "VARCHAR", "source_file": "VARCHAR",
    },
    "v_saker": {
        "sak_id": "VARCHAR", "kind": "VARCHAR", "title": "VARCHAR", "unit_name": "VARCHAR", "kommunenummer": "VARCHAR",
        "region": "VARCHAR", "themes": "VARCHAR[]", "organisations": "VARCHAR[]", "places": "VARCHAR[]",
        "first_mentioned": "DATE", "last_mentioned": "DATE", "n_mentions": "INTEGER", "status": "VARCHAR",
        "status_date": "DATE", "jobs": "INTEGER", "jobs_max": "INTEGER", "amount_nok": "BIGINT", "area_daa": "DOUBLE",
    },
    "v_sak_mentions": {
        "statement_id": "VARCHAR", "sak_id": "VARCHAR", "meeting_date": "DATE", "status": "VARCHAR", "jobs": "INTEGER",
        "amount_nok": "BIGINT", "area_daa": "DOUBLE", "source_file": "VARCHAR", "page": "INTEGER",
        "line_start": "INTEGER", "line_end": "INTEGER",
    },
}  # fmt: skip
CONTRACT["v_statements"] |= {"sak_id": "VARCHAR", "area_daa": "DOUBLE", "corrected": "BOOLEAN",
                             "corrected_fields": "VARCHAR[]"}
CONTRACT["v_meetings"] |= {"kind": "VARCHAR", "corrected": "BOOLEAN", "end_date": "DATE"}
CONTRACT["v_agenda_items"] = {
    "meeting_id": "VARCHAR", "meeting_date": "DATE", "item_no": "VARCHAR", "item_title": "VARCHAR",
    "kind": "VARCHAR", "decision": "VARCHAR", "source_file": "VARCHAR", "page": "INTEGER",
    "line_start": "INTEGER", "line_end": "INTEGER",
}  # fmt: skip
CONTRACT["v_saker"] |= {"corrected": "BOOLEAN"}
CONTRACT["v_corrections"] = {
    "correction_id": "VARCHAR", "corrected_at": "TIMESTAMP WITH TIME ZONE", "corrected_by": "VARCHAR",
    "target": "VARCHAR", "action": "VARCHAR", "value": "VARCHAR", "old": "VARCHAR", "why": "VARCHAR",
    "status": "VARCHAR", "target_id": "VARCHAR", "source_file": "VARCHAR", "line_start": "INTEGER",
    "line_end": "INTEGER", "text": "VARCHAR",
}  # fmt: skip


def view_columns(db, view: str) -> dict[str, str]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [view],
        ).fetchall()
    return dict(rows)


@pytest.mark.parametrize("view", CONTRACT_VIEWS)
def test_view_keeps_its_contract_columns_and_types(seed_db, view):
    actual = view_columns(seed_db, view)
    for column, dtype in CONTRACT[view].items():
        assert actual.get(column) == dtype, f"{view}.{column}: expected {dtype}, got {actual.get(column)}"


def readme_contract_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Data contract$(.*?)(?=^## )", text, flags=re.M | re.S)
    assert match, "README.md has no '## Data contract' section"
    return match.group(1)


@pytest.mark.parametrize("view", CONTRACT_VIEWS)
def test_every_view_column_is_documented_in_the_readme(seed_db, view):
    section = readme_contract_section()
    block = re.search(rf"^### `{view}`$(.*?)(?=^### |\Z)", section, flags=re.M | re.S)
    assert block, f"README data contract does not document {view}"
    documented = set(re.findall(r"^\| `(\w+)` \|", block.group(1), flags=re.M))
    missing = set(view_columns(seed_db, view)) - documented
    assert not missing, f"{view} columns not documented in README: {sorted(missing)}"


def test_every_sql_file_starts_with_a_comment_saying_what_it_is():
    for path in sorted((ROOT / "etl" / "sql").rglob("*.sql")):
        first = path.read_text(encoding="utf-8").lstrip().splitlines()[0]
        assert first.startswith("--"), f"{path.relative_to(ROOT)} has no leading comment"


def test_every_mart_view_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "etl" / "sql" / "marts").glob("*.sql")):
        assert f"`{path.stem}`" in readme, f"mart view {path.stem} is not mentioned in README.md"


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ("documents", "source_file"), ("meetings", "meeting_id"), ("statements", "statement_id"),
        ("events", "event_id"), ("dim_units", "name"), ("dim_themes", "theme_id"), ("build_info", "key"),
        ("source_lines", "source_file, line_no"), ("agenda_items", "meeting_id, seq"), ("saker", "sak_id"),
        ("sak_mentions", "statement_id, part"),
    ],
)  # fmt: skip
def test_keys_are_unique(fixture_db, table, key):
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        total, distinct = con.execute(f"SELECT count(*), count(DISTINCT ({key})) FROM {table}").fetchone()
    assert total > 0 and total == distinct, f"{table}({key}) is not unique"


def test_every_model_field_is_a_raw_column_and_passes_through_staging(seed_db):
    """A field of Statement, Event, Sak or SakMention needs no loader or staging change
    (etl/warehouse/columns.py derives the raw table from the model)."""
    from etl.warehouse.columns import MODEL_TABLES

    staging = {"statements": "stg_statements", "events": "stg_events", "saker": "stg_saker",
               "sak_mentions": "stg_sak_mentions", "added_statements": "stg_statements"}
    for table in MODEL_TABLES:
        wanted = {c.name for c in table.columns}
        assert set(view_columns(seed_db, table.name)) == wanted, table.name
        assert wanted <= set(view_columns(seed_db, staging[table.name])), staging[table.name]
