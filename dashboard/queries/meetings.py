"""Møter and Kalender: meetings, their parsed structure and source lines, and announced events."""

from __future__ import annotations


import pandas as pd
import streamlit as st

from dashboard import db
from dashboard.formatting import fmt_date_short
from dashboard.queries.common import (
    CACHE, STATEMENT_COLUMNS,
)


@st.cache_data(**CACHE)
def meetings(version) -> pd.DataFrame:
    return db.query(
        version,
        """
        SELECT m.meeting_id, m.meeting_date, m.organ, m.place, m.chair, m.n_attendees, m.source_file, m.kind, m.corrected,
               COALESCE(s.n, 0) AS n_statements,
               COALESCE(w.n, 0) AS n_warnings
        FROM v_meetings AS m
        LEFT JOIN (SELECT meeting_id, n_statements AS n FROM mart_meeting_counts) AS s USING (meeting_id)
        LEFT JOIN (SELECT source_file, count(*) AS n FROM parse_warnings GROUP BY source_file) AS w USING (source_file)
        ORDER BY m.meeting_date DESC NULLS LAST, m.meeting_id DESC
        """,
    )


@st.cache_data(**CACHE)
def meeting_names(version) -> dict[str, str]:
    """Each meeting's label in the Møter picker (``12.03.2026 – referat.pdf``), newest first; made
    once per version: formatting thousands of dates on every rerun cost more than the page."""
    df = meetings(version)
    return {m: f"{fmt_date_short(d)} – {f}" for m, d, f in zip(df["meeting_id"], df["meeting_date"], df["source_file"])}


@st.cache_data(**CACHE)
def meeting(version, meeting_id: str) -> dict | None:
    df = db.query(version, "SELECT * FROM v_meetings WHERE meeting_id = $m", {"m": meeting_id})
    return None if df.empty else df.iloc[0].to_dict()


@st.cache_data(**CACHE)
def meeting_agenda(version, meeting_id: str) -> pd.DataFrame:
    return db.query(
        version,
        """
        SELECT seq, item_no, title, kind, decision, page, line_start, line_end
        FROM agenda_items WHERE meeting_id = $m ORDER BY seq
        """,
        {"m": meeting_id},
    )


# Whole documents: a meeting holds up to NAERINGSPULS_MAX_STATEMENTS statements (5 000) and 20 lines
# of text per statement (100 000 lines), so these keep fewer entries than the other queries.
DOCUMENT_CACHE = CACHE | {"max_entries": 16}


@st.cache_data(**DOCUMENT_CACHE)
def meeting_statements(version, meeting_id: str) -> pd.DataFrame:
    return db.query(
        version,
        f"SELECT {STATEMENT_COLUMNS}, seq, item_no, area FROM mart_statements WHERE meeting_id = $m ORDER BY seq",
        {"m": meeting_id},
    )


@st.cache_data(**CACHE)
def meeting_events(version, meeting_id: str) -> pd.DataFrame:
    return db.query(
        version,
        """
        SELECT event_id, event_date, title, organiser, url, page, line_start, line_end
        FROM v_events WHERE meeting_id = $m ORDER BY event_date NULLS LAST, event_id
        """,
        {"m": meeting_id},
    )


@st.cache_data(**CACHE)
def meeting_warnings(version, source_file: str) -> pd.DataFrame:
    return db.query(
        version,
        "SELECT code, message, line_no FROM parse_warnings WHERE source_file = $f ORDER BY line_no NULLS LAST, code",
        {"f": source_file},
    )


@st.cache_data(**DOCUMENT_CACHE)
def source_lines(version, source_file: str) -> pd.DataFrame:
    return db.query(
        version,
        "SELECT line_no, page, text FROM source_lines WHERE source_file = $f ORDER BY line_no",
        {"f": source_file},
    )


@st.cache_data(**CACHE)
def events(version) -> pd.DataFrame:
    return db.query(
        version,
        """
        SELECT event_id, meeting_id, meeting_date, event_date, title, organiser, url,
               source_file, page, line_start, line_end, source_text
        FROM v_events
        ORDER BY event_date NULLS LAST, title
        """,
    )
