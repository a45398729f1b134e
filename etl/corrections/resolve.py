"""Find the statements corrections name, in one SQL query over the loaded warehouse.

A statement key (``keys.statement_key``) names a statement by its file, its text
with whitespace normalised, and ``n`` — its place among identical texts in that
file; if the file is no longer loaded (renamed), by its meeting date and text.
DuckDB normalises the texts and numbers identical ones with window functions, so
resolving 10 000 keys in an archive of 100 000 statements costs one vectorised
query, not a Python index of the whole archive.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from etl.corrections.keys import norm

# Every character Python's str.split() (keys.norm) treats as whitespace, so both sides agree.
_WHITESPACE = r"[\t\n\x{0B}\x{0C}\r\x{1C}-\x{1F} \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]+"

_RESOLVE = rf"""
WITH loaded AS (SELECT source_file FROM documents WHERE status = 'loaded'),
c AS (
    SELECT s.statement_id, s.source_file, CAST(m.meeting_date AS VARCHAR) AS meeting_date, s.seq,
           trim(regexp_replace(s.text, '{_WHITESPACE}', ' ', 'g')) AS t
    FROM statements s
    JOIN meetings m USING (meeting_id)
    JOIN loaded AS l ON l.source_file = s.source_file
),
w AS (SELECT * FROM c WHERE t IN (SELECT t FROM _correction_keys)),
by_file AS (
    SELECT statement_id, source_file, t, row_number() OVER (PARTITION BY source_file, t ORDER BY seq) - 1 AS n FROM w
),
by_date AS (
    SELECT statement_id, meeting_date, t,
           row_number() OVER (PARTITION BY meeting_date, t ORDER BY source_file, seq) - 1 AS n
    FROM w
)
SELECT k.i,
       COALESCE(f.statement_id,
                CASE WHEN k.source_file IS NULL OR k.source_file NOT IN (SELECT source_file FROM loaded)
                     THEN d.statement_id END)  -- a file that is there but lacks the text: changed, not renamed
FROM _correction_keys AS k
LEFT JOIN by_file AS f ON f.source_file = k.source_file AND f.t = k.t AND f.n = k.n
LEFT JOIN by_date AS d ON d.meeting_date = k.meeting_date AND d.t = k.t AND d.n = k.n
"""


def _key_tuple(key: dict) -> tuple:
    return (key.get("source_file"), key.get("meeting_date"), norm(key.get("text")), int(key.get("n") or 0))


class ResolvedKeys:
    """Statement keys → statement ids (None: the text is no longer there)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, keys: list[dict]) -> None:
        tuples = sorted({_key_tuple(k) for k in keys if k.get("text")}, key=lambda t: tuple(str(x) for x in t))
        self._ids: dict[tuple, str | None] = {}
        if not tuples:
            return
        table = pa.table({
            "i": pa.array(range(len(tuples)), pa.int64()),
            "source_file": pa.array([t[0] for t in tuples], pa.string()),
            "meeting_date": pa.array([t[1] for t in tuples], pa.string()),
            "t": pa.array([t[2] for t in tuples], pa.string()),
            "n": pa.array([t[3] for t in tuples], pa.int64()),
        })  # fmt: skip
        con.register("_correction_keys", table)
        try:
            for i, sid in con.execute(_RESOLVE).fetchall():
                self._ids[tuples[i]] = sid
        finally:
            con.unregister("_correction_keys")

    def find(self, key: dict) -> str | None:
        return self._ids.get(_key_tuple(key)) if key.get("text") else None
