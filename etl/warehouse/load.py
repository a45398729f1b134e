"""Loads :class:`~etl.model.Meeting` objects into the raw tables.

A document becomes *columns* (``{table: {column: [values]}}``) where it is
parsed, which may be a worker process: plain lists pickle several times faster
than the model objects.  Columns are gathered for a batch of documents and
inserted once per table (``INSERT … BY NAME`` from an Arrow table); row-by-row
inserts into DuckDB would be far slower.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

import duckdb
import pyarrow as pa

from etl.model import Meeting, RawDocument
from etl.warehouse.columns import EVENTS, STATEMENTS, arrow_types

# Explicit Arrow types where inference could go wrong (empty lists, all-NULL
# columns); the model-defined tables' columns come typed from the model.
_TYPES: dict[str, pa.DataType] = arrow_types() | {
    "meeting_date": pa.date32(),
    "end_date": pa.date32(),
    "fields": pa.list_(pa.string()),
    "is_fact": pa.bool_(),
    "page": pa.int32(),
    "line_start": pa.int32(),
    "line_end": pa.int32(),
    "line_no": pa.int32(),
    "n_pages": pa.int32(),
    "n_attendees": pa.int32(),
    "seq": pa.int32(),
    "size_bytes": pa.int64(),
    "unit_known": pa.bool_(),
    "loaded_at": pa.timestamp("us"),
    "position": pa.int32(),
    "lat": pa.float64(),
    "lon": pa.float64(),
}  # every other column is text


class _Rows:
    """The rows of one document for every raw table (see :func:`document_columns`)."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict]] = defaultdict(list)
        self.model_cols: Columns = {}  # tables built as columns (the model's, and source_lines)

    def add_document(
        self,
        raw: RawDocument | None,
        *,
        source_file: str,
        sha256: str,
        size_bytes: int,
        meeting: Meeting | None = None,
        error: str | None = None,
    ) -> None:
        self.rows["documents"].append(
            {
                "source_file": source_file,
                "sha256": sha256,
                "fmt": raw.fmt if raw else None,
                "n_pages": raw.n_pages if raw else None,
                "size_bytes": size_bytes,
                "status": "failed" if error else "loaded",
                "error": error,
                "meeting_id": meeting.meeting_id if meeting and not error else None,
                "loaded_at": dt.datetime.now(),
            }
        )
        if raw is not None and not error and raw.lines:
            # The largest table (a line each): columns straight away, no dict per line.
            lines = raw.lines
            self.model_cols["source_lines"] = {
                "source_file": [source_file] * len(lines),
                "line_no": [ln.line_no for ln in lines],
                "page": [ln.page for ln in lines],
                "text": [ln.text for ln in lines],
            }
        if meeting is not None and not error:
            self._add_meeting(meeting)

    def _add_meeting(self, m: Meeting) -> None:
        mid = m.meeting_id
        self.rows["meetings"].append(
            {
                "meeting_id": mid,
                "source_file": m.source_file,
                "organ": m.organ,
                "meeting_date": m.meeting_date,
                "time_start": m.time_start,
                "time_end": m.time_end,
                "place": m.place,
                "chair": m.chair,
                "secretary": m.secretary,
                "n_attendees": len(m.attendees),
                "n_pages": m.n_pages,
                "fmt": m.fmt,
                "end_date": m.end_date,
                "kind": m.kind,
            }
        )
        self.rows["attendees"].extend(
            {"meeting_id": mid, "seq": i, "name": name} for i, name in enumerate(m.attendees, 1)
        )
        for i, item in enumerate(m.agenda, 1):
            self.rows["agenda_items"].append(
                {
                    "meeting_id": mid,
                    "seq": i,
                    "item_no": item.number,
                    "title": item.title,
                    "kind": item.kind,
                    "body": item.body,
                    "decision": item.decision,
                    "source_file": item.prov.source_file,
                    "page": item.prov.page,
                    "line_start": item.prov.line_start,
                    "line_end": item.prov.line_end,
                }
            )
        # Statements and events: columns straight from the model's fields (etl.warehouse.columns).
        self.model_cols["statements"] = STATEMENTS.rows(
            m.statements, [(f"{mid}-s{i:03d}", mid, i) for i in range(1, len(m.statements) + 1)]
        )
        self.model_cols["events"] = EVENTS.rows(
            m.events, [(f"{mid}-e{i:02d}", mid, i) for i in range(1, len(m.events) + 1)]
        )
        self.rows["links"].extend(
            {
                "meeting_id": mid,
                "url": ln.url,
                "source_file": ln.prov.source_file,
                "page": ln.prov.page,
                "line_no": ln.prov.line_start,
            }
            for ln in m.links
        )
        self.rows["parse_warnings"].extend(
            {"source_file": m.source_file, "code": w.code, "message": w.message, "line_no": w.line_no}
            for w in m.warnings
        )

    def columns(self) -> Columns:
        out = {table: _to_columns(rows) for table, rows in self.rows.items() if rows}
        out.update((t, cols) for t, cols in self.model_cols.items() if cols and next(iter(cols.values())))
        return out


Columns = dict[str, dict[str, list]]  # table -> column -> values


def document_columns(
    raw: RawDocument | None,
    *,
    source_file: str,
    sha256: str,
    size_bytes: int,
    meeting: Meeting | None = None,
    error: str | None = None,
) -> Columns:
    """Every raw-table row of one document, as columns."""
    rows = _Rows()
    rows.add_document(raw, source_file=source_file, sha256=sha256, size_bytes=size_bytes, meeting=meeting, error=error)
    return rows.columns()


def as_failed(cols: Columns, reason: str) -> Columns:
    """The same document rejected after parsing (e.g. a duplicate meeting): only its status row."""
    doc = dict(cols["documents"])
    doc.update(status=["failed"], error=[reason], meeting_id=[None])
    return {"documents": doc}


class ColumnBatch:
    """Columns of many documents, inserted once per table."""

    def __init__(self) -> None:
        self.cols: Columns = {}

    def add(self, cols: Columns) -> None:
        for table, columns in cols.items():
            dest = self.cols.setdefault(table, {})
            for col, values in columns.items():
                dest.setdefault(col, []).extend(values)

    def flush(self, con: duckdb.DuckDBPyConnection) -> None:
        for table, columns in self.cols.items():
            insert_columns(con, table, columns)
        self.cols.clear()


def _to_columns(rows: list[dict]) -> dict[str, list]:
    return {col: [r[col] for r in rows] for col in rows[0]}


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: Iterable[dict]) -> None:
    rows = list(rows)
    if rows:
        insert_columns(con, table, _to_columns(rows))


def insert_columns(con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, list]) -> None:
    if not columns or not next(iter(columns.values())):
        return
    arrow_table = pa.table({col: pa.array(vals, type=_TYPES.get(col, pa.string())) for col, vals in columns.items()})
    con.register("_rows", arrow_table)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")  # table names are ours
    finally:
        con.unregister("_rows")
