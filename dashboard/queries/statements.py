"""Statements for Tema and Enhet: trends, per unit and filtered lists (Søk: dashboard/queries/search.py).

Lists and counts read ``mart_statements`` (v_statements as a table, with the filter
columns ``region_key`` and ``theme_bits``), trends read
``v_statement_themes``; both are materialised by the build (etl/sql/materialised).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import db
from dashboard.queries.common import (
    CACHE, GRAINS, LIST_LIMIT, REST_SQL, SOURCES_SQL, StatementFilter, rows_and_total, theme_filter, trend_where,
    with_sources,
)
from dashboard.queries.trends import NO_NARROWING, Narrowing, narrow_sql


@st.cache_data(**CACHE)
def theme_trend(version, f: StatementFilter, grain: str = "day", narrow: Narrowing = NO_NARROWING) -> pd.DataFrame:
    """Statements per (period, theme) for the filter; without themes, for every theme.

    ``grain`` "day" gives one bar per meeting; "month"/"quarter"/"year" buckets long
    histories (``meeting_date`` is then the first day of the bucket). ``narrow``: what a
    click on another of Tema's charts selected.
    """
    narrow_where, narrow_params = narrow_sql(version, narrow, per_theme=True)
    where = (f"(len(CAST($themes AS VARCHAR[])) = 0 OR list_contains(CAST($themes AS VARCHAR[]), theme_id)) "
             f"AND {REST_SQL} AND {narrow_where}")
    return trend_where(version, where, f.params() | narrow_params, grain)


@st.cache_data(**CACHE)
def theme_by_unit(version, f: StatementFilter, limit: int = 30, narrow: Narrowing = NO_NARROWING) -> pd.DataFrame:
    """Statements per reporting unit for the filter (each statement counted once), narrowed by ``narrow``."""
    themes_sql, theme_params = theme_filter(version, f.themes)
    narrow_where, narrow_params = narrow_sql(version, narrow)
    params = f.params() | narrow_params
    params.pop("themes")
    df = db.query(
        version,
        f"""
        WITH per_file AS (
            SELECT unit_name, any_value(unit_kind) AS unit_kind, source_file, count(*) AS n
            FROM mart_statements
            WHERE unit_name IS NOT NULL AND {themes_sql} AND {REST_SQL} AND {narrow_where}
            GROUP BY unit_name, source_file
        )
        SELECT unit_name, any_value(unit_kind) AS unit_kind, sum(n)::BIGINT AS n, {SOURCES_SQL}
        FROM per_file
        GROUP BY unit_name
        ORDER BY n DESC, unit_name
        LIMIT $lim
        """,
        params | theme_params | {"lim": limit},
    )
    return with_sources(df)


@st.cache_data(**CACHE)
def filtered_statements(
    version,
    f: StatementFilter,
    dates: tuple[dt.date, ...] = (),
    units_sel: tuple[str, ...] = (),
    themes_sel: tuple[str, ...] = (),
    limit: int = LIST_LIMIT,
    grain: str = "day",
    narrow: Narrowing = NO_NARROWING,
) -> tuple[pd.DataFrame, int]:
    """The statements behind the Tema charts, narrowed by a chart selection; (rows, total).

    ``dates`` are bucket starts at ``grain`` (meeting dates when grain is "day"); ``narrow`` is
    every chart's selection at once (Tema passes that instead of the three lists).
    """
    if grain not in GRAINS:
        raise ValueError(grain)
    themes_sql, params = theme_filter(version, f.themes)
    sel_sql, sel_params = theme_filter(version, themes_sel, name="tsel")
    params |= sel_params | {k: v for k, v in f.params().items() if k != "themes"}
    narrow_where, narrow_params = narrow_sql(version, narrow)
    params |= narrow_params
    where = f"{themes_sql} AND {sel_sql} AND {REST_SQL} AND {narrow_where}"
    if dates:
        where += " AND list_contains(CAST($dates AS DATE[]), CAST(date_trunc($grain, meeting_date) AS DATE))"
        params |= {"dates": list(dates), "grain": grain}
    if units_sel:
        where += " AND list_contains(CAST($units AS VARCHAR[]), unit_name)"
        params["units"] = list(units_sel)
    return rows_and_total(version, where, params, limit=limit)


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
               s.first_date,
               COALESCE(s.n_all, 0)          AS n_all
        FROM (SELECT 1) AS one
        LEFT JOIN dim_units AS d ON d.name = $u
        LEFT JOIN v_unit_activity AS a ON a.unit_name = $u
        LEFT JOIN (SELECT min(meeting_date) AS first_date, count(*) AS n_all
                   FROM mart_statements WHERE unit_name = $u) AS s ON TRUE
        """,
        {"u": unit},
    )
    row = df.iloc[0].to_dict()
    if row["n_all"] == 0 and row["unit_kind"] is None:
        return None
    return row


@st.cache_data(**CACHE)
def unit_theme_trend(version, unit: str, grain: str = "day") -> pd.DataFrame:
    return trend_where(version, "unit_name = $u", {"u": unit}, grain)


@st.cache_data(**CACHE)
def unit_fact_types(version, unit: str) -> pd.DataFrame:
    return db.query(
        version,
        """
        SELECT fact_type, count(*) AS n
        FROM mart_statements
        WHERE unit_name = $u
        GROUP BY fact_type
        ORDER BY n DESC, fact_type
        """,
        {"u": unit},
    )


@st.cache_data(**CACHE)
def unit_statements(version, unit: str, limit: int = LIST_LIMIT) -> tuple[pd.DataFrame, int]:
    return rows_and_total(version, "unit_name = $u", {"u": unit}, limit=limit)


@st.cache_data(**CACHE)
def region_statements(version, region: str, exclude_unit: str, limit: int = LIST_LIMIT) -> tuple[pd.DataFrame, int]:
    """What the sub-region itself reported (the unit named like the region, or kind 'region')."""
    return rows_and_total(
        version,
        "unit_name <> $ex AND (unit_name = $r OR (unit_kind = 'region' AND region = $r))",
        {"r": region, "ex": exclude_unit},
        limit=limit,
    )
