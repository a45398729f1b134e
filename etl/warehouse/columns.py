"""Raw-table columns derived from the typed model, so a new field is declared once.

A model dataclass (``Statement``, ``Event``, ``Sak``, ``SakMention``) *is* the
definition of its raw table: each field becomes a column, typed from its
annotation (``str`` → VARCHAR, ``int`` → INTEGER, ``float`` → DOUBLE, ``bool`` →
BOOLEAN, ``date`` → DATE, ``list[str]`` → VARCHAR[]), or from
``field(metadata={"sql": "BIGINT"})`` where the annotation is not enough.  A
``Provenance`` field is flattened into ``source_file``, ``page``, ``line_start``,
``line_end`` and ``source_text``; lists of other model objects are child tables
and are left out.  The loader writes rows from these columns and
:func:`create_table_sql` writes the DDL, so adding a field to the model touches
the model, the view that exposes it and its documentation, and nothing else.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Callable

import pyarrow as pa

from etl.model import Event, Provenance, Sak, SakMention, Statement

ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
}
_SCALARS: dict[Any, str] = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN", dt.date: "DATE"}


@dataclass(frozen=True)
class Column:
    name: str
    sql: str
    get: Callable[[Any], Any]
    not_null: bool = False

    @property
    def arrow(self) -> pa.DataType:
        return ARROW_TYPES[self.sql]


@dataclass(frozen=True)
class Table:
    """A raw table: key columns the loader supplies, then the model's own columns."""

    name: str
    keys: tuple[Column, ...]
    fields: tuple[Column, ...]

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.keys + self.fields

    def rows(self, objects: list, keys: list[tuple]) -> dict[str, list]:
        """Columns of ``objects``; ``keys[i]`` holds the key values of ``objects[i]``."""
        out: dict[str, list] = {c.name: [k[j] for k in keys] for j, c in enumerate(self.keys)}
        for c in self.fields:
            # Only list columns need copying (tuples become lists); a scalar is taken as it is.
            values = map(c.get, objects)
            out[c.name] = [_plain(v) for v in values] if c.sql.endswith("[]") else list(values)
        return out


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, (list, tuple)) else value


def _sql_type(annotation: Any) -> str | None:
    """SQL type of a field annotation; None for what is not a column (lists of model objects)."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _sql_type(args[0])
    if origin is list:
        return "VARCHAR[]" if args == [str] else None
    return _SCALARS.get(annotation)


def model_columns(cls: type) -> tuple[Column, ...]:
    hints = typing.get_type_hints(cls)
    out: list[Column] = []
    for f in dataclasses.fields(cls):
        annotation = hints[f.name]
        if annotation is Provenance:
            out += [Column(p.name, _sql_type(typing.get_type_hints(Provenance)[p.name]) or "VARCHAR",
                           attrgetter(f"{f.name}.{p.name}")) for p in dataclasses.fields(Provenance)]
            continue
        sql = f.metadata.get("sql") or _sql_type(annotation)
        if sql is None:
            continue
        out.append(Column(f.name, sql, attrgetter(f.name)))
    return tuple(out)


def _key(name: str, sql: str = "VARCHAR") -> Column:
    return Column(name, sql, lambda o: None, not_null=True)


# The model-defined raw tables. (meetings and agenda_items keep their hand-written
# DDL in etl/sql/raw: their rows are not one model object each, e.g. n_attendees.)
STATEMENTS = Table("statements", (_key("statement_id"), _key("meeting_id"), _key("seq", "INTEGER")),
                   model_columns(Statement))
EVENTS = Table("events", (_key("event_id"), _key("meeting_id"), _key("seq", "INTEGER")), model_columns(Event))
SAKER = Table("saker", (), model_columns(Sak))
SAK_MENTIONS = Table("sak_mentions", (), model_columns(SakMention))
# Statements people added from source lines, and the pieces of split statements
# (etl/corrections/apply.py): rebuilt every build, never carried over.
ADDED_STATEMENTS = Table("added_statements", STATEMENTS.keys, STATEMENTS.fields)
MODEL_TABLES: tuple[Table, ...] = (STATEMENTS, EVENTS, SAKER, SAK_MENTIONS, ADDED_STATEMENTS)


def create_table_sql(table: Table) -> str:
    cols = ",\n    ".join(f"{c.name} {c.sql}{' NOT NULL' if c.not_null else ''}" for c in table.columns)
    return f"CREATE TABLE {table.name} (\n    {cols}\n)"


def arrow_types() -> dict[str, pa.DataType]:
    """Column name → Arrow type for every model-defined column (names mean the same in every table)."""
    out: dict[str, pa.DataType] = {}
    for table in MODEL_TABLES:
        for c in table.columns:
            out.setdefault(c.name, c.arrow)
    return out
