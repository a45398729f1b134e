"""Shared pieces of the dashboard's queries: the cache settings, the statement filter, and helpers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import db
from dashboard.formatting import fmt_int

LIST_LIMIT = 200  # rows shown in statement lists ("viser 200 av 5 000")
SOURCES_LIMIT = 50  # file names listed per bar in a chart's data ("… og 7 950 til"): an Excel cell holds 32 767 characters
# Bounded: at most this many entries per query function (each a small frame: lists are
# LIMITed, counts aggregated in SQL), and none older than the TTL, so the entries of a
# replaced database version leave memory within the hour.
CACHE = {"show_spinner": False, "max_entries": 64, "ttl": dt.timedelta(hours=1)}

# Filter on mart_statements / v_statement_themes; parameters: regions, fra, til (the themes
# filter is built by ``theme_filter``).  An empty list means "no filter".  Region is the
# sub-region, or the unit itself for units that have none (a sub-region reporting for itself, Oslo).
REST_SQL = """
    (len(CAST($regions AS VARCHAR[])) = 0
         OR list_contains(CAST($regions AS VARCHAR[]), COALESCE(region, unit_name)))
    AND (CAST($fra AS DATE) IS NULL OR meeting_date >= CAST($fra AS DATE))
    AND (CAST($til AS DATE) IS NULL OR meeting_date <= CAST($til AS DATE))
"""

# The columns of every list of statements (``FROM mart_statements``, v_statements as a table):
# a corrected statement also brings what the machine had read (``originals``: action and old
# value of each correction in force), so a page can show the original one line away.
STATEMENT_COLUMNS = """
    statement_id, meeting_id, meeting_date, section, unit_name, unit_kind, region,
    text, themes, fact_type, organisations, jobs, amount_nok,
    source_file, page, line_start, line_end, sak_id, corrected, corrected_fields, originals
"""
NEWEST_FIRST = "meeting_date DESC NULLS LAST, meeting_id, seq"  # the order mart_statements is stored in


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
    # meeting_dates gives dates already; converting each through pandas cost 35 ms a rerun at 8 000 meetings
    ds = [d for d in (x if type(x) is dt.date else to_date(x) for x in dates if x is not None)
          if d is not None and (fra is None or d >= fra) and (til is None or d <= til)]
    if len(set(ds)) <= MAX_BUCKETS or not ds:
        return "day"
    span_days = (max(ds) - min(ds)).days
    if span_days / 30.44 <= MAX_BUCKETS:
        return "month"
    if span_days / 91.3 <= MAX_BUCKETS:
        return "quarter"
    return "year"


@st.cache_data(**CACHE)
def theme_positions(version) -> dict[str, int]:
    """Each taxonomy theme's bit in ``mart_statements.theme_bits``."""
    df = db.query(version, "SELECT theme_id, position FROM dim_themes WHERE position BETWEEN 0 AND 63")
    return dict(zip(df["theme_id"], df["position"].astype(int)))


def theme_filter(version, themes, name: str = "themes") -> tuple[str, dict]:
    """SQL on ``mart_statements`` keeping statements with any of ``themes`` (TRUE for none), and
    its parameters: a bit test on ``theme_bits`` (a list search over two million rows cost
    0.5 s); a theme id the taxonomy does not know is searched in ``themes`` as a list."""
    if not themes:
        return "TRUE", {}
    positions = theme_positions(version)
    mask = sum(1 << positions[t] for t in set(themes) if t in positions)
    other = sorted(t for t in set(themes) if t not in positions)
    parts, params = [], {}
    if mask:
        parts.append(f"(theme_bits & CAST(${name}_mask AS UBIGINT)) <> 0")
        params[f"{name}_mask"] = mask
    if other:
        parts.append(f"list_has_any(themes, CAST(${name}_other AS VARCHAR[]))")
        params[f"{name}_other"] = other
    return "(" + " OR ".join(parts) + ")", params


def rows_and_total(version, where: str, params: dict, columns: str = STATEMENT_COLUMNS,
                   limit: int = LIST_LIMIT) -> tuple[pd.DataFrame, int]:
    """The newest ``limit`` statements of ``mart_statements`` matching ``where``, and how many match.
    Two questions: counting with a window over every match (``count(*) OVER ()``) made DuckDB
    carry every column of every match to the top-N, a second at two million statements."""
    total = int(db.query(version, f"SELECT count(*) AS n FROM mart_statements WHERE {where}", params).iloc[0]["n"])
    if total == 0:
        return db.query(version, f"SELECT {columns} FROM mart_statements LIMIT 0"), 0
    rows = db.query(
        version,
        f"SELECT {columns} FROM mart_statements WHERE {where} ORDER BY {NEWEST_FIRST} LIMIT $lim",
        params | {"lim": limit},
    )
    return rows, total


def sources_label(files, n: int) -> str:
    """``a.txt; b.txt … og 7 950 til``: the first SOURCES_LIMIT file names behind a bar, and how many more."""
    files = [] if files is None else list(files)
    text = "; ".join(files)
    more = int(n) - len(files)
    return f"{text} … og {fmt_int(more)} til" if more > 0 else text


# The files behind each group of an aggregate, at most SOURCES_LIMIT of them (by name) and how many in all;
# an inner GROUP BY (…, source_file) makes each file one row, so no DISTINCT aggregate is needed.
SOURCES_SQL = f"list(source_file ORDER BY source_file)[1:{SOURCES_LIMIT}] AS source_list, count(source_file) AS n_sources"


def with_sources(df: pd.DataFrame) -> pd.DataFrame:
    """Turns ``source_list``/``n_sources`` (``SOURCES_SQL``) into one ``sources`` text column."""
    if "source_list" not in df.columns:
        return df
    sources = [sources_label(f, n) for f, n in zip(df["source_list"], df["n_sources"])]
    return df.drop(columns=["source_list", "n_sources"]).assign(sources=sources)


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
        SELECT DISTINCT region_key AS region
        FROM mart_statements
        WHERE region_key IS NOT NULL
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
        FROM mart_statements AS s
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


def trend_where(version, where: str, params: dict, grain: str) -> pd.DataFrame:
    """Statements per (period, theme) on v_statement_themes where ``where`` holds (SQL with $parameters from
    ``params``), with the files behind each bar: the trend of Tema, of one unit and of a sub-region."""
    if grain not in GRAINS:
        raise ValueError(grain)
    df = db.query(
        version,
        f"""
        WITH per_file AS (
            SELECT CAST(date_trunc($grain, meeting_date) AS DATE) AS meeting_date, theme_id,
                   any_value(theme_label) AS theme_label, source_file, count(*) AS n
            FROM v_statement_themes
            WHERE meeting_date IS NOT NULL AND {where}
            GROUP BY 1, theme_id, source_file
        )
        SELECT meeting_date, theme_id, any_value(theme_label) AS theme_label, sum(n)::BIGINT AS n, {SOURCES_SQL}
        FROM per_file
        GROUP BY meeting_date, theme_id
        ORDER BY meeting_date, theme_id
        """,
        params | {"grain": grain},
    )
    return with_sources(df)
