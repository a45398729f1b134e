"""Tema's trends by region or kommune: statements per (period, group), "this period against the last",
and the narrowing a click on one of Tema's charts applies to the others.

A statement is counted once however many of the chosen themes it carries (``mart_statements``
with the ``theme_bits`` filter, not ``v_statement_themes``, which has a row per theme).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import db
from dashboard.queries.common import (
    CACHE,
    GRAINS,
    REST_SQL,
    StatementFilter,
    theme_filter,
)

REGION_SUFFIX = " (region)"  # what a sub-region reported itself, apart from its kommuner
NO_UNIT = "Uten enhet"  # statements the parser tied to no unit (the meeting's general part)
TREND_GROUPINGS = ("region", "kommune")

# Per region: kommuner are summed into their sub-region (COALESCE(region, unit_name), mart_statements'
# region_key, spelled out so the same SQL runs on v_statement_themes: the sub-region, or the unit itself
# for a kommune without one, Oslo); what the region reported itself is its own series, so "Follo" (its
# kommuner) and "Follo (region)" are never mixed up. Per kommune: every unit.
GROUP_SQL = {
    "region": f"""CASE WHEN unit_name IS NULL THEN '{NO_UNIT}'
                       WHEN unit_kind = 'region' THEN COALESCE(region, unit_name) || '{REGION_SUFFIX}'
                       ELSE COALESCE(region, unit_name) END""",
    "kommune": f"""CASE WHEN unit_name IS NULL THEN '{NO_UNIT}'
                        WHEN unit_kind = 'region' THEN unit_name || '{REGION_SUFFIX}'
                        ELSE unit_name END""",
}


@dataclass(frozen=True)
class Narrowing:
    """What clicks on Tema's charts selected, as a filter for the other charts and the list (hashable: it keys
    the cache). ``dates`` are bucket starts at ``grain``; ``groups`` are ``GROUP_SQL[by]`` values ("Follo",
    "Follo (region)"). Within a field any value matches; the fields hold together."""

    grain: str = "day"
    by: str = "region"
    dates: tuple[dt.date, ...] = ()
    themes: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.dates or self.themes or self.units or self.groups)


NO_NARROWING = Narrowing()


def narrow_sql(version, n: Narrowing, per_theme: bool = False) -> tuple[str, dict]:
    """SQL (and its parameters) keeping the statements ``n`` selects, on ``mart_statements`` or, with
    ``per_theme``, on ``v_statement_themes`` (a row per theme: the theme is a column, not a bit)."""
    if n.grain not in GRAINS:
        raise ValueError(n.grain)
    if n.by not in TREND_GROUPINGS:
        raise ValueError(n.by)
    parts, params = ["TRUE"], {}
    if n.dates:
        parts.append("list_contains(CAST($n_dates AS DATE[]), CAST(date_trunc($n_grain, meeting_date) AS DATE))")
        params |= {"n_dates": list(n.dates), "n_grain": n.grain}
    if n.themes and per_theme:
        parts.append("list_contains(CAST($n_themes AS VARCHAR[]), theme_id)")
        params["n_themes"] = list(n.themes)
    elif n.themes:
        sql, theme_params = theme_filter(version, n.themes, name="n_themes")
        parts.append(sql)
        params |= theme_params
    if n.units:
        parts.append("list_contains(CAST($n_units AS VARCHAR[]), unit_name)")
        params["n_units"] = list(n.units)
    if n.groups:
        parts.append(f"list_contains(CAST($n_groups AS VARCHAR[]), {GROUP_SQL[n.by]})")
        params["n_groups"] = list(n.groups)
    return " AND ".join(parts), params


@st.cache_data(**CACHE)
def group_trend(version, f: StatementFilter, grain: str = "day", by: str = "region",
                narrow: Narrowing = NO_NARROWING) -> pd.DataFrame:
    """Statements per (period, group): columns period (DATE, the bucket's first day; the meeting
    date for "day"), group, region (the sub-region the group belongs to, for its colour), n."""
    if grain not in GRAINS:
        raise ValueError(grain)
    if by not in TREND_GROUPINGS:
        raise ValueError(by)
    themes_sql, params = theme_filter(version, f.themes)
    narrow_where, narrow_params = narrow_sql(version, narrow)
    params |= {k: v for k, v in f.params().items() if k != "themes"} | {"grain": grain} | narrow_params
    return db.query(
        version,
        f"""
        SELECT CAST(date_trunc($grain, meeting_date) AS DATE) AS period,
               {GROUP_SQL[by]} AS "group",
               COALESCE(any_value(region_key), '{NO_UNIT}') AS region,
               count(*)::BIGINT AS n
        FROM mart_statements
        WHERE meeting_date IS NOT NULL AND {themes_sql} AND {REST_SQL} AND {narrow_where}
        GROUP BY 1, 2
        ORDER BY 1, 2
        """,
        params,
    )


def rolling_total(df: pd.DataFrame, window: int = 3) -> pd.DataFrame:
    """Total per period and its mean over the last ``window`` periods (NaN until there are that many)."""
    total = df.groupby("period", as_index=False)["n"].sum().sort_values("period", ignore_index=True)
    return total.assign(mean=total["n"].rolling(window, min_periods=window).mean())


def period_vs_previous(df: pd.DataFrame, top: int = 3) -> pd.DataFrame:
    """The ``top`` groups (most statements over the whole range): statements in the latest period
    and in the one before it (periods with any statement in the filter), and the change."""
    periods = sorted(df["period"].unique())
    if not periods:
        return pd.DataFrame(columns=["group", "latest", "previous", "delta"])
    latest = periods[-1]
    previous = periods[-2] if len(periods) > 1 else None
    ranked = df.groupby("group")["n"].sum().reset_index().sort_values(["n", "group"], ascending=[False, True])
    rows = []
    for group in ranked["group"].head(top):
        mine = df[df["group"] == group]
        n_latest = int(mine.loc[mine["period"] == latest, "n"].sum())
        n_prev = int(mine.loc[mine["period"] == previous, "n"].sum()) if previous is not None else 0
        rows.append({"group": group, "latest": n_latest, "previous": n_prev, "delta": n_latest - n_prev})
    return pd.DataFrame(rows).assign(latest_period=latest, previous_period=previous)
