"""What people have corrected, and the review queue (Gjennomgang) of what may need it.

The queue is ordered by what matters for the figures: a meeting whose round
table was not found loses all its facts; a possible duplicate sak counts twice;
a statement with jobs or kroner but no fact type is left out of key figures.
Every entry has a stable ``item`` key (its source file and text), so an
approval ("Godkjent", a review correction) keeps it out of the queue across
rebuilds, until its text changes.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from dashboard import db
from dashboard.queries.common import CACHE

QUEUE_LIMIT = 25  # entries shown per kind


def text_hash(text: str | None) -> str:
    return hashlib.sha1(" ".join((text or "").split()).encode()).hexdigest()[:12]


@st.cache_data(**CACHE)
def statement_key_info(version, statement_id: str) -> dict | None:
    """What a correction needs to name a statement by its text (``etl.corrections.keys``)."""
    df = db.query(
        version,
        """
        SELECT s.statement_id, s.source_file, s.meeting_date, s.text, s.seq, s.unit_name, s.themes, s.fact_type,
               s.jobs, s.amount_nok, s.event_date, s.line_start, s.line_end, s.page, s.section, s.sak_id,
               s.corrected, s.corrected_fields,
               (SELECT count(*) FROM mart_statements o WHERE o.source_file = s.source_file AND o.text = s.text
                AND o.seq < s.seq) AS n
        FROM mart_statements AS s WHERE s.statement_id = $s
        """,
        {"s": statement_id},
    )
    return None if df.empty else df.iloc[0].to_dict()


@st.cache_data(**CACHE)
def applied_count(version) -> int:
    return int(db.query(version, "SELECT count(*) AS n FROM v_corrections WHERE status = 'brukt' "
                                 "AND target <> 'review'").iloc[0]["n"])


@st.cache_data(**CACHE)
def corrections(version, limit: int = 500) -> pd.DataFrame:
    """The corrections file as the last build read it, newest first."""
    return db.query(
        version,
        """
        SELECT correction_id, corrected_at, corrected_by, target, action, value, old, why, status, target_id,
               source_file, line_start, line_end, text
        FROM v_corrections ORDER BY corrected_at DESC NULLS LAST, correction_id DESC LIMIT $lim
        """,
        {"lim": limit},
    )


@st.cache_data(**CACHE)
def corrections_of(version, target: str, target_id: str) -> pd.DataFrame:
    """The corrections in force on one meeting or sak (what it was before, one line away)."""
    return db.query(
        version,
        """
        SELECT action, value, old, corrected_by, corrected_at, why FROM v_corrections
        WHERE target = $t AND target_id = $i AND status = 'brukt' ORDER BY corrected_at
        """,
        {"t": target, "i": target_id},
    )


@st.cache_data(**CACHE)
def approved_items(version) -> frozenset[str]:
    df = db.query(version, "SELECT text FROM v_corrections WHERE target = 'review' AND action = 'approve'")
    return frozenset(df["text"].dropna())


@st.cache_data(**CACHE)
def queue_meetings(version) -> pd.DataFrame:
    """Meetings with no round table found, no organ, no attendees, or lines the parser could not place."""
    return db.query(
        version,
        """
        WITH w AS (SELECT source_file, code, count(*) AS n, min(line_no) AS first_line
                   FROM parse_warnings GROUP BY ALL),
        problems AS (
            SELECT m.meeting_id, m.meeting_date, m.source_file, 'no_round_table' AS code, NULL::BIGINT AS n, NULL AS line
            FROM v_meetings m
            WHERE m.kind = 'referat'
              AND NOT EXISTS (SELECT 1 FROM mart_meeting_counts c WHERE c.meeting_id = m.meeting_id AND c.n_round_table > 0)
            UNION ALL
            SELECT meeting_id, meeting_date, source_file, 'no_organ', NULL, NULL FROM v_meetings
            WHERE organ IS NULL OR trim(organ) = ''
            UNION ALL
            SELECT meeting_id, meeting_date, source_file, 'no_attendees', NULL, NULL FROM v_meetings
            WHERE COALESCE(n_attendees, 0) = 0
            UNION ALL
            SELECT m.meeting_id, m.meeting_date, m.source_file, 'unparsed_line', w.n, w.first_line
            FROM v_meetings m JOIN w ON w.source_file = m.source_file AND w.code = 'unparsed_line'
        )
        SELECT * FROM problems ORDER BY meeting_date DESC NULLS LAST, source_file, code
        """,
    )


@st.cache_data(**CACHE)
def queue_unknown_units(version) -> pd.DataFrame:
    return db.query(
        version,
        """
        SELECT source_file, meeting_id, meeting_date, unit_name, count(*) AS n, min(line_start) AS line_start,
               max(line_end) AS line_end, min(statement_id) AS statement_id
        FROM mart_statements WHERE unit_kind = 'ukjent' GROUP BY ALL
        ORDER BY meeting_date DESC NULLS LAST, source_file, unit_name
        """,
    )


@st.cache_data(**CACHE)
def queue_figures_without_type(version) -> pd.DataFrame:
    """Statements that name jobs or kroner but no fact type: left out of every key figure."""
    return db.query(
        version,
        """
        SELECT statement_id, meeting_date, source_file, unit_name, text, jobs, amount_nok, line_start, line_end
        FROM mart_statements WHERE fact_type = 'annet' AND (jobs IS NOT NULL OR amount_nok IS NOT NULL)
        ORDER BY meeting_date DESC NULLS LAST, statement_id
        """,
    )


@st.cache_data(**CACHE)
def queue_single_saker(version) -> pd.DataFrame:
    return db.query(
        version,
        """
        SELECT sak_id, kind, title, unit_name, first_mentioned, first_statement_id
        FROM v_saker WHERE n_mentions = 1 AND status IS NULL
        ORDER BY first_mentioned DESC NULLS LAST, sak_id
        """,
    )


@st.cache_data(**CACHE)
def queue_duplicates(version) -> pd.DataFrame:
    """Pairs of saker that may be one: same unit and kind, and a shared name or place or a close title."""
    return db.query(
        version,
        """
        SELECT a.sak_id AS sak_a, b.sak_id AS sak_b, a.title AS title_a, b.title AS title_b, a.kind, a.unit_name,
               a.first_statement_id AS statement_a, b.first_statement_id AS statement_b,
               round(jaro_winkler_similarity(lower(a.title), lower(b.title)), 2) AS similarity
        FROM v_saker a JOIN v_saker b
          ON a.unit_name = b.unit_name AND a.kind = b.kind AND a.sak_id < b.sak_id
        WHERE list_has_any(a.organisations, b.organisations) OR list_has_any(a.places, b.places)
           OR jaro_winkler_similarity(lower(a.title), lower(b.title)) >= 0.88
        ORDER BY similarity DESC, a.sak_id, b.sak_id
        LIMIT 200
        """,
    )


@st.cache_data(**CACHE)
def queue_flags(version) -> pd.DataFrame:
    return db.query(
        version,
        """
        SELECT correction_id, corrected_at, corrected_by, value AS note, source_file, text, target_id
        FROM v_corrections WHERE target = 'review' AND action = 'flag' AND status = 'brukt'
        ORDER BY corrected_at DESC
        """,
    )


@st.cache_data(**CACHE)
def unit_choices(version) -> list[str]:
    """Units a statement can be corrected to: the gazetteer's kommuner, regions, fylker and others."""
    df = db.query(version, "SELECT name FROM dim_units WHERE kind IN ('kommune', 'region', 'fylke', 'annen') "
                           "ORDER BY name")
    return df["name"].tolist()


@st.cache_data(**CACHE)
def first_line(version, source_file: str) -> str:
    """A document's first line of text (what a meeting correction is keyed to)."""
    df = db.query(version, "SELECT text FROM source_lines WHERE source_file = $f AND trim(text) <> '' "
                           "ORDER BY line_no LIMIT 1", {"f": source_file})
    return "" if df.empty else str(df.iloc[0]["text"])


@st.cache_data(**CACHE)
def sak_choices(version, limit: int = 2000) -> pd.DataFrame:
    """Saker another can be merged with or a mention moved to, most recently mentioned first."""
    return db.query(version, "SELECT sak_id, title, unit_name, kind, first_statement_id FROM v_saker "
                             "ORDER BY last_mentioned DESC NULLS LAST, sak_id LIMIT $lim", {"lim": limit})
