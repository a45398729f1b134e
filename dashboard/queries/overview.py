"""Oversikt: the summary counts of meetings and statements, the map of activity (for a theme and
period too) and themes per region.
(The counts of things come from ``dashboard.queries.saker``.)"""

from __future__ import annotations


import pandas as pd
import streamlit as st

from dashboard import db
from dashboard.queries.common import (
    CACHE, theme_filter, to_date,
)


@st.cache_data(**CACHE)
def summary(version) -> dict:
    """Counts that decide whether there is anything to show at all."""
    df = db.query(
        version,
        """
        SELECT (SELECT count(*) FROM v_meetings) AS n_meetings,
               (SELECT count(*) FROM mart_statements) AS n_statements,
               (SELECT min(meeting_date) FROM v_meetings) AS first_date,
               (SELECT max(meeting_date) FROM v_meetings) AS last_date
        """,
    )
    row = df.iloc[0]
    return {
        "n_meetings": int(row.n_meetings),
        "n_statements": int(row.n_statements),
        "first_date": to_date(row.first_date),
        "last_date": to_date(row.last_date),
    }


@st.cache_data(**CACHE)
def activity(version) -> dict:
    """How much the minutes hold: meetings, reporting units, statements.  (Things are
    counted by ``dashboard.queries.saker.sak_key_figures``, each once.)"""
    df = db.query(
        version,
        """
        SELECT count(DISTINCT meeting_id)                                       AS meetings,
               count(DISTINCT unit_name) FILTER (WHERE section = 'round_table') AS units,
               count(*)                                                         AS statements
        FROM mart_statements
        """,
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
    """Statement counts per (region, theme) for the most frequent themes and regions, with
    ``region_total``: all the region's round-table statements, the base of "Andel av regionens utsagn"
    (a statement may have several themes or none, so it is not the sum of ``n``)."""
    return db.query(
        version,
        """
        WITH t AS (SELECT region, theme_id, theme_label, n FROM mart_region_themes),
        top_t AS (SELECT theme_id FROM t GROUP BY theme_id ORDER BY sum(n) DESC, theme_id LIMIT $nt),
        top_r AS (SELECT region FROM t GROUP BY region ORDER BY sum(n) DESC, region LIMIT $nr),
        totals AS (
            SELECT COALESCE(region, unit_name) AS region, count(*) AS region_total
            FROM mart_statements
            WHERE section = 'round_table' AND unit_name IS NOT NULL
              AND COALESCE(region, unit_name) IN (SELECT region FROM top_r)
            GROUP BY 1
        )
        SELECT t.region, theme_id, theme_label, n, region_total
        FROM t JOIN totals USING (region)
        WHERE theme_id IN (SELECT theme_id FROM top_t)
        ORDER BY t.region, theme_id
        """,
        {"nt": top_themes, "nr": top_regions},
    )


@st.cache_data(**CACHE)
def unit_map_filtered(version, themes: tuple[str, ...] = (), fra=None, til=None) -> pd.DataFrame:
    """``unit_map`` with n_statements and n_meetings counted only over round-table statements with
    any of ``themes`` (all for none) from meetings between ``fra`` and ``til`` (open ends for None):
    the measure of Oversikt's map for a chosen theme and period."""
    units = unit_map(version)
    if not themes and fra is None and til is None:
        return units
    where, params = theme_filter(version, themes)
    counts = db.query(
        version,
        f"""
        SELECT unit_name, count(*) AS n_statements, count(DISTINCT meeting_id) AS n_meetings
        FROM mart_statements
        WHERE section = 'round_table' AND unit_name IS NOT NULL AND {where}
          AND (CAST($fra AS DATE) IS NULL OR meeting_date >= CAST($fra AS DATE))
          AND (CAST($til AS DATE) IS NULL OR meeting_date <= CAST($til AS DATE))
        GROUP BY unit_name
        """,
        params | {"fra": fra, "til": til},
    )
    out = units.drop(columns=["n_statements", "n_meetings"]).merge(counts, on="unit_name", how="left")
    out[["n_statements", "n_meetings"]] = out[["n_statements", "n_meetings"]].fillna(0).astype(int)
    return out.sort_values(["n_statements", "unit_name"], ascending=[False, True], ignore_index=True)
