"""Shared pieces of the dashboard's queries: the cache settings, the statement filter, and helpers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import db

LIST_LIMIT = 200  # rows shown in statement lists ("viser 200 av 5 000")
CACHE = dict(show_spinner=False, max_entries=512)

# Filter on v_statements / v_statement_themes; parameters: themes, regions, fra, til.
# An empty list means "no filter".  Region is the sub-region, or the unit itself
# for units that have none (a sub-region reporting for itself, Oslo).
THEMES_SQL = "(len(CAST($themes AS VARCHAR[])) = 0 OR list_has_any(themes, CAST($themes AS VARCHAR[])))"
REST_SQL = """
    (len(CAST($regions AS VARCHAR[])) = 0
         OR list_contains(CAST($regions AS VARCHAR[]), COALESCE(region, unit_name)))
    AND (CAST($fra AS DATE) IS NULL OR meeting_date >= CAST($fra AS DATE))
    AND (CAST($til AS DATE) IS NULL OR meeting_date <= CAST($til AS DATE))
"""
FILTER_SQL = f"{THEMES_SQL} AND {REST_SQL}"

# The columns of every list of statements (``FROM v_statements``, unaliased): a corrected
# statement also brings what the machine had read (``originals``: action and old value of
# each correction in force), so a page can show the original one line away.
STATEMENT_COLUMNS = """
    statement_id, meeting_id, meeting_date, section, unit_name, unit_kind, region,
    text, themes, fact_type, organisations, jobs, amount_nok,
    source_file, page, line_start, line_end, sak_id, corrected, corrected_fields,
    CASE WHEN corrected THEN (
        SELECT list(struct_pack(action := c.action, old := c.old) ORDER BY c.corrected_at)
        FROM v_corrections AS c
        WHERE c.target = 'statement' AND c.status = 'brukt' AND c.target_id = v_statements.statement_id
    ) END AS originals
"""


@dataclass(frozen=True)
class StatementFilter:
    """The Tema page's filter, hashable so it can key the cache."""

    themes: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    fra: dt.date | None = None
    til: dt.date | None = None

    def params(self) -> dict:
        return {"themes": list(self.themes), "regions": list(self.regions), "fra": self.fra, "til": self.til}


GRAINS = ("day", "month", "quarter", "year")  # whitelisted date_trunc parts; "day" = per meeting
GRAIN_LABELS = {"day": "per møte", "month": "per måned", "quarter": "per kvartal", "year": "per år"}
MAX_BUCKETS = 60


def trend_grain(dates, fra: dt.date | None = None, til: dt.date | None = None) -> str:
    """Per meeting while that stays readable (<= 60 bars), else month, quarter or year."""
    fra = to_date(fra) if fra is not None else None
    til = to_date(til) if til is not None else None
    ds = [d for d in (pd.Timestamp(x).date() for x in dates if x is not None and not pd.isna(x))
          if (fra is None or d >= fra) and (til is None or d <= til)]
    if len(set(ds)) <= MAX_BUCKETS or not ds:
        return "day"
    span_days = (max(ds) - min(ds)).days
    if span_days / 30.44 <= MAX_BUCKETS:
        return "month"
    if span_days / 91.3 <= MAX_BUCKETS:
        return "quarter"
    return "year"


@st.cache_data(**CACHE)
def meeting_dates(version) -> list[dt.date]:
    df = db.query(version, "SELECT DISTINCT meeting_date FROM v_meetings WHERE meeting_date IS NOT NULL ORDER BY 1")
    return [pd.Timestamp(d).date() for d in df["meeting_date"]]


@st.cache_data(**CACHE)
def themes(version) -> pd.DataFrame:
    """dim_themes in taxonomy order, with how many statements carry each theme."""
    return db.query(
        version,
        """
        SELECT d.theme_id, d.label, d.position, COALESCE(c.n, 0) AS n
        FROM dim_themes AS d
        LEFT JOIN (SELECT theme_id, count(*) AS n FROM v_statement_themes GROUP BY theme_id) AS c
          USING (theme_id)
        ORDER BY d.position, d.theme_id
        """,
    )


@st.cache_data(**CACHE)
def regions(version) -> list[str]:
    df = db.query(
        version,
        """
        SELECT DISTINCT COALESCE(region, unit_name) AS region
        FROM v_statements
        WHERE COALESCE(region, unit_name) IS NOT NULL
        ORDER BY region
        """,
    )
    return df["region"].tolist()


@st.cache_data(**CACHE)
def units(version) -> pd.DataFrame:
    """Every unit that reported something, with kind and sub-region."""
    return db.query(
        version,
        """
        SELECT s.unit_name, any_value(s.unit_kind) AS unit_kind, any_value(s.region) AS region,
               count(*) AS n_statements
        FROM v_statements AS s
        WHERE s.unit_name IS NOT NULL
        GROUP BY s.unit_name
        ORDER BY s.unit_name
        """,
    )


def split_total(df: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """(rows, total) of a query that carries ``count(*) OVER () AS total``."""
    total = int(df["total"].iloc[0]) if not df.empty else 0
    return df.drop(columns=["total"]), total


def to_date(value) -> dt.date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()
