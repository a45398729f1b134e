"""Statements for Tema, Enhet and Søk: trends, per unit, filtered lists and full-text search."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import db
from dashboard.queries.common import (
    CACHE, FILTER_SQL, GRAINS, LIST_LIMIT, REST_SQL, STATEMENT_COLUMNS, StatementFilter, split_total,
)


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
          AND {REST_SQL}
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
        WHERE unit_name IS NOT NULL AND {FILTER_SQL}
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
        SELECT {STATEMENT_COLUMNS}, count(*) OVER () AS total
        FROM v_statements
        WHERE {FILTER_SQL}
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
    return split_total(df)


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
        SELECT {STATEMENT_COLUMNS}, count(*) OVER () AS total
        FROM v_statements
        WHERE unit_name = $u
        ORDER BY meeting_date DESC NULLS LAST, meeting_id, seq
        LIMIT $lim
        """,
        {"u": unit, "lim": limit},
    )
    return split_total(df)


@st.cache_data(**CACHE)
def region_statements(version, region: str, exclude_unit: str, limit: int = LIST_LIMIT) -> tuple[pd.DataFrame, int]:
    """What the sub-region itself reported (the unit named like the region, or kind 'region')."""
    df = db.query(
        version,
        f"""
        SELECT {STATEMENT_COLUMNS}, count(*) OVER () AS total
        FROM v_statements
        WHERE unit_name <> $ex
          AND (unit_name = $r OR (unit_kind = 'region' AND region = $r))
        ORDER BY meeting_date DESC NULLS LAST, meeting_id, seq
        LIMIT $lim
        """,
        {"r": region, "ex": exclude_unit, "lim": limit},
    )
    return split_total(df)


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
        SELECT {STATEMENT_COLUMNS}, count(*) OVER () AS total
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
    return split_total(df)
