"""Every SQL query of the dashboard, read through the data contract (v_* views).

Rules:
* every function takes the database version (``db.db_version()``) first, so the
  ``st.cache_data`` entry of an old build is never served after a new build;
* user input is always bound as a parameter (``$name`` / ``?``), never formatted
  into the SQL text;
* aggregation happens in SQL and long lists are limited (``LIMIT``) with the
  total returned alongside, so pages stay fast on hundreds of thousands of rows.
"""

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
_THEMES = "(len(CAST($themes AS VARCHAR[])) = 0 OR list_has_any(themes, CAST($themes AS VARCHAR[])))"
_REST = """
    (len(CAST($regions AS VARCHAR[])) = 0
         OR list_contains(CAST($regions AS VARCHAR[]), COALESCE(region, unit_name)))
    AND (CAST($fra AS DATE) IS NULL OR meeting_date >= CAST($fra AS DATE))
    AND (CAST($til AS DATE) IS NULL OR meeting_date <= CAST($til AS DATE))
"""
_FILTER = f"{_THEMES} AND {_REST}"

_STATEMENT_COLUMNS = """
    statement_id, meeting_id, meeting_date, section, unit_name, unit_kind, region,
    text, themes, fact_type, organisations, jobs, amount_nok,
    source_file, page, line_start, line_end
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
    fra = _date(fra) if fra is not None else None
    til = _date(til) if til is not None else None
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


# --- overview ---------------------------------------------------------------


@st.cache_data(**CACHE)
def summary(version) -> dict:
    """Counts that decide whether there is anything to show at all."""
    df = db.query(
        version,
        """
        SELECT (SELECT count(*) FROM v_meetings) AS n_meetings,
               (SELECT count(*) FROM v_statements) AS n_statements,
               (SELECT min(meeting_date) FROM v_meetings) AS first_date,
               (SELECT max(meeting_date) FROM v_meetings) AS last_date
        """,
    )
    row = df.iloc[0]
    return {
        "n_meetings": int(row.n_meetings),
        "n_statements": int(row.n_statements),
        "first_date": _date(row.first_date),
        "last_date": _date(row.last_date),
    }


@st.cache_data(**CACHE)
def key_figures(version, meeting_id: str | None = None) -> dict:
    """Oversikt's key figures over all meetings, or for one meeting (``meeting_id``)."""
    df = db.query(
        version,
        """
        SELECT
            count(DISTINCT meeting_id)                                             AS meetings,
            count(DISTINCT unit_name) FILTER (WHERE section = 'round_table')       AS units,
            count(*)                                                               AS statements,
            count(*) FILTER (WHERE list_contains(themes, 'datasenter')
                             AND fact_type = 'etablering')                         AS datacenter_new,
            count(*) FILTER (WHERE list_contains(themes, 'datasenter'))            AS datacenter_all,
            count(*) FILTER (WHERE fact_type = 'nedleggelse')                      AS closures,
            COALESCE(sum(jobs) FILTER (WHERE fact_type = 'nedleggelse'), 0)        AS closure_jobs,
            COALESCE(sum(amount_nok), 0)                                           AS amount_nok,
            count(amount_nok)                                                      AS n_amounts
        FROM v_statements
        WHERE CAST($mid AS VARCHAR) IS NULL OR meeting_id = CAST($mid AS VARCHAR)
        """,
        {"mid": meeting_id},
    )
    return {k: int(v) for k, v in df.iloc[0].items()}


@st.cache_data(**CACHE)
def unit_map(version) -> pd.DataFrame:
    """Gazetteer kommuner and sub-regions with coordinates, and their round-table activity."""
    return db.query(
        version,
        """
        SELECT u.name AS unit_name, u.kind AS unit_kind, u.region, u.lat, u.lon,
               COALESCE(a.n_statements, 0) AS n_statements,
               COALESCE(a.n_meetings, 0)   AS n_meetings
        FROM dim_units AS u
        LEFT JOIN v_unit_activity AS a ON a.unit_name = u.name
        WHERE u.lat IS NOT NULL AND u.lon IS NOT NULL AND u.kind IN ('kommune', 'region')
        UNION ALL
        SELECT a.unit_name, a.unit_kind, a.region, a.lat, a.lon, a.n_statements, a.n_meetings
        FROM v_unit_activity AS a
        WHERE a.lat IS NOT NULL AND a.lon IS NOT NULL
          AND a.unit_name NOT IN (SELECT name FROM dim_units WHERE kind IN ('kommune', 'region'))
        ORDER BY n_statements DESC, unit_name
        """,
    )


@st.cache_data(**CACHE)
def themes_by_region(version, top_themes: int = 8, top_regions: int = 15) -> pd.DataFrame:
    """Statement counts per (region, theme) for the most frequent themes and regions."""
    return db.query(
        version,
        """
        WITH t AS (
            SELECT COALESCE(region, unit_name) AS region, theme_id, theme_label
            FROM v_statement_themes
            WHERE section = 'round_table' AND unit_name IS NOT NULL
        ),
        top_t AS (SELECT theme_id FROM t GROUP BY theme_id ORDER BY count(*) DESC, theme_id LIMIT $nt),
        top_r AS (SELECT region FROM t GROUP BY region ORDER BY count(*) DESC, region LIMIT $nr)
        SELECT region, theme_id, any_value(theme_label) AS theme_label, count(*) AS n
        FROM t
        WHERE theme_id IN (SELECT theme_id FROM top_t) AND region IN (SELECT region FROM top_r)
        GROUP BY region, theme_id
        ORDER BY region, theme_id
        """,
        {"nt": top_themes, "nr": top_regions},
    )


@st.cache_data(**CACHE)
def latest_highlights(version, limit: int = 12) -> tuple[dict | None, pd.DataFrame]:
    """The latest meeting and its notable statements: closures, establishments, money, jobs."""
    meetings = db.query(
        version,
        "SELECT meeting_id, meeting_date, source_file FROM v_meetings "
        "WHERE meeting_date IS NOT NULL ORDER BY meeting_date DESC, meeting_id DESC LIMIT 1",
    )
    if meetings.empty:
        return None, pd.DataFrame()
    meeting = meetings.iloc[0].to_dict()
    df = db.query(
        version,
        f"""
        SELECT {_STATEMENT_COLUMNS}
        FROM v_statements
        WHERE meeting_id = $mid
          AND (fact_type IN ('nedleggelse', 'etablering', 'finansiering')
               OR jobs IS NOT NULL OR amount_nok IS NOT NULL)
        ORDER BY CASE fact_type WHEN 'nedleggelse' THEN 0 WHEN 'etablering' THEN 1
                                WHEN 'finansiering' THEN 2 ELSE 3 END, seq
        LIMIT $lim
        """,
        {"mid": meeting["meeting_id"], "lim": limit},
    )
    return meeting, df


# --- reference lists ----------------------------------------------------------


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


# --- Tema ---------------------------------------------------------------------


@st.cache_data(**CACHE)
def theme_trend(version, f: StatementFilter, grain: str = "day") -> pd.DataFrame:
    """Statements per (period, theme) for the filter; without themes, for every theme.

    ``grain`` "day" gives one bar per meeting; "month"/"quarter"/"year" buckets long
    histories (``meeting_date`` is then the first day of the bucket).
    """
    if grain not in GRAINS:
        raise ValueError(grain)
    return db.query(
        version,
        f"""
        SELECT CAST(date_trunc($grain, meeting_date) AS DATE) AS meeting_date,
               theme_id, any_value(theme_label) AS theme_label, count(*) AS n,
               string_agg(DISTINCT source_file, '; ' ORDER BY source_file) AS sources
        FROM v_statement_themes
        WHERE meeting_date IS NOT NULL
          AND (len(CAST($themes AS VARCHAR[])) = 0 OR list_contains(CAST($themes AS VARCHAR[]), theme_id))
          AND {_REST}
        GROUP BY 1, theme_id
        ORDER BY 1, theme_id
        """,
        f.params() | {"grain": grain},
    )


@st.cache_data(**CACHE)
def theme_by_unit(version, f: StatementFilter, limit: int = 30) -> pd.DataFrame:
    """Statements per reporting unit for the filter (each statement counted once)."""
    return db.query(
        version,
        f"""
        SELECT unit_name, any_value(unit_kind) AS unit_kind, count(*) AS n,
               string_agg(DISTINCT source_file, '; ' ORDER BY source_file) AS sources
        FROM v_statements
        WHERE unit_name IS NOT NULL AND {_FILTER}
        GROUP BY unit_name
        ORDER BY n DESC, unit_name
        LIMIT $lim
        """,
        f.params() | {"lim": limit},
    )


@st.cache_data(**CACHE)
def filtered_statements(
    version,
    f: StatementFilter,
    dates: tuple[dt.date, ...] = (),
    units_sel: tuple[str, ...] = (),
    themes_sel: tuple[str, ...] = (),
    limit: int = LIST_LIMIT,
    grain: str = "day",
) -> tuple[pd.DataFrame, int]:
    """The statements behind the Tema charts, narrowed by a chart selection; (rows, total).

    ``dates`` are bucket starts at ``grain`` (meeting dates when grain is "day").
    """
    if grain not in GRAINS:
        raise ValueError(grain)
    df = db.query(
        version,
        f"""
        SELECT {_STATEMENT_COLUMNS}, count(*) OVER () AS total
        FROM v_statements
        WHERE {_FILTER}
          AND (len(CAST($dates AS DATE[])) = 0
               OR list_contains(CAST($dates AS DATE[]), CAST(date_trunc($grain, meeting_date) AS DATE)))
          AND (len(CAST($units AS VARCHAR[])) = 0 OR list_contains(CAST($units AS VARCHAR[]), unit_name))
          AND (len(CAST($tsel AS VARCHAR[])) = 0 OR list_has_any(themes, CAST($tsel AS VARCHAR[])))
        ORDER BY meeting_date DESC NULLS LAST, meeting_id, seq
        LIMIT $lim
        """,
        f.params()
        | {"dates": list(dates), "units": list(units_sel), "tsel": list(themes_sel), "lim": limit, "grain": grain},
    )
    return _split_total(df)


# --- Enhet --------------------------------------------------------------------


@st.cache_data(**CACHE)
def unit_info(version, unit: str) -> dict | None:
    df = db.query(
        version,
        """
        SELECT $u AS unit_name,
               COALESCE(d.kind, a.unit_kind) AS unit_kind,
               COALESCE(d.region, a.region)  AS region,
               COALESCE(d.county, a.county)  AS county,
               d.kommunenummer,
               COALESCE(a.n_statements, 0)   AS n_statements,
               COALESCE(a.n_meetings, 0)     AS n_meetings,
               a.last_meeting_date,
               (SELECT min(meeting_date) FROM v_statements WHERE unit_name = $u) AS first_date,
               (SELECT count(*) FROM v_statements WHERE unit_name = $u) AS n_all
        FROM (SELECT 1) AS one
        LEFT JOIN dim_units AS d ON d.name = $u
        LEFT JOIN v_unit_activity AS a ON a.unit_name = $u
        """,
        {"u": unit},
    )
    row = df.iloc[0].to_dict()
    if row["n_all"] == 0 and row["unit_kind"] is None:
        return None
    return row


@st.cache_data(**CACHE)
def unit_theme_trend(version, unit: str, grain: str = "day") -> pd.DataFrame:
    if grain not in GRAINS:
        raise ValueError(grain)
    return db.query(
        version,
        """
        SELECT CAST(date_trunc($grain, meeting_date) AS DATE) AS meeting_date,
               theme_id, any_value(theme_label) AS theme_label, count(*) AS n,
               string_agg(DISTINCT source_file, '; ' ORDER BY source_file) AS sources
        FROM v_statement_themes
        WHERE unit_name = $u AND meeting_date IS NOT NULL
        GROUP BY 1, theme_id
        ORDER BY 1, theme_id
        """,
        {"u": unit, "grain": grain},
    )


@st.cache_data(**CACHE)
def unit_fact_types(version, unit: str) -> pd.DataFrame:
    return db.query(
        version,
        """
        SELECT fact_type, count(*) AS n
        FROM v_statements
        WHERE unit_name = $u
        GROUP BY fact_type
        ORDER BY n DESC, fact_type
        """,
        {"u": unit},
    )


@st.cache_data(**CACHE)
def unit_statements(version, unit: str, limit: int = LIST_LIMIT) -> tuple[pd.DataFrame, int]:
    df = db.query(
        version,
        f"""
        SELECT {_STATEMENT_COLUMNS}, count(*) OVER () AS total
        FROM v_statements
        WHERE unit_name = $u
        ORDER BY meeting_date DESC NULLS LAST, meeting_id, seq
        LIMIT $lim
        """,
        {"u": unit, "lim": limit},
    )
    return _split_total(df)


@st.cache_data(**CACHE)
def region_statements(version, region: str, exclude_unit: str, limit: int = LIST_LIMIT) -> tuple[pd.DataFrame, int]:
    """What the sub-region itself reported (the unit named like the region, or kind 'region')."""
    df = db.query(
        version,
        f"""
        SELECT {_STATEMENT_COLUMNS}, count(*) OVER () AS total
        FROM v_statements
        WHERE unit_name <> $ex
          AND (unit_name = $r OR (unit_kind = 'region' AND region = $r))
        ORDER BY meeting_date DESC NULLS LAST, meeting_id, seq
        LIMIT $lim
        """,
        {"r": region, "ex": exclude_unit, "lim": limit},
    )
    return _split_total(df)


# --- Møter ----------------------------------------------------------------------


@st.cache_data(**CACHE)
def meetings(version) -> pd.DataFrame:
    return db.query(
        version,
        """
        SELECT m.meeting_id, m.meeting_date, m.organ, m.place, m.chair, m.n_attendees, m.source_file,
               COALESCE(s.n, 0) AS n_statements,
               COALESCE(w.n, 0) AS n_warnings
        FROM v_meetings AS m
        LEFT JOIN (SELECT meeting_id, count(*) AS n FROM v_statements GROUP BY meeting_id) AS s USING (meeting_id)
        LEFT JOIN (SELECT source_file, count(*) AS n FROM parse_warnings GROUP BY source_file) AS w USING (source_file)
        ORDER BY m.meeting_date DESC NULLS LAST, m.meeting_id DESC
        """,
    )


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


@st.cache_data(**CACHE)
def meeting_statements(version, meeting_id: str) -> pd.DataFrame:
    return db.query(
        version,
        f"SELECT {_STATEMENT_COLUMNS}, seq, item_no, area FROM v_statements WHERE meeting_id = $m ORDER BY seq",
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


@st.cache_data(**CACHE)
def source_lines(version, source_file: str) -> pd.DataFrame:
    return db.query(
        version,
        "SELECT line_no, page, text FROM source_lines WHERE source_file = $f ORDER BY line_no",
        {"f": source_file},
    )


# --- Kalender -----------------------------------------------------------------


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


# --- Søk ------------------------------------------------------------------------


@st.cache_data(**CACHE)
def search(
    version,
    words: tuple[str, ...],
    themes_sel: tuple[str, ...] = (),
    units_sel: tuple[str, ...] = (),
    fra: dt.date | None = None,
    til: dt.date | None = None,
    section: str | None = None,
    limit: int = LIST_LIMIT,
    types_sel: tuple[str, ...] = (),
    with_amount: bool = False,
) -> tuple[pd.DataFrame, int]:
    """Statements whose text (or unit) contains every word, case-insensitively.

    ``types_sel`` keeps statements of those fact types; ``with_amount`` only those
    that mention a NOK amount (the statements behind Oversikt's key figures)."""
    # One bound parameter per word; only the placeholders are generated, never the values.
    words = tuple(w.lower() for w in words if w)[:8]
    word_sql = "".join(
        f" AND contains(lower(text || ' ' || COALESCE(unit_name, '') || ' ' || array_to_string(organisations, ' ')), $w{i})"
        for i in range(len(words))
    )
    params = {f"w{i}": w for i, w in enumerate(words)} | {
        "themes": list(themes_sel),
        "units": list(units_sel),
        "fra": fra,
        "til": til,
        "sec": section,
        "lim": limit,
        "types": list(types_sel),
        "amount": with_amount,
    }
    df = db.query(
        version,
        f"""
        SELECT {_STATEMENT_COLUMNS}, count(*) OVER () AS total
        FROM v_statements
        WHERE (len(CAST($themes AS VARCHAR[])) = 0 OR list_has_any(themes, CAST($themes AS VARCHAR[])))
          AND (len(CAST($units AS VARCHAR[])) = 0 OR list_contains(CAST($units AS VARCHAR[]), unit_name))
          AND (CAST($fra AS DATE) IS NULL OR meeting_date >= CAST($fra AS DATE))
          AND (CAST($til AS DATE) IS NULL OR meeting_date <= CAST($til AS DATE))
          AND (CAST($sec AS VARCHAR) IS NULL OR section = CAST($sec AS VARCHAR))
          AND (len(CAST($types AS VARCHAR[])) = 0 OR list_contains(CAST($types AS VARCHAR[]), fact_type))
          AND (NOT CAST($amount AS BOOLEAN) OR amount_nok IS NOT NULL)
          {word_sql}
        ORDER BY meeting_date DESC NULLS LAST, meeting_id, seq
        LIMIT $lim
        """,
        params,
    )
    return _split_total(df)


# --- helpers ----------------------------------------------------------------------


def _split_total(df: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    total = int(df["total"].iloc[0]) if not df.empty else 0
    return df.drop(columns=["total"]), total


def _date(value) -> dt.date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()
