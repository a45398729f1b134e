"""Every page's plotly figures, built once per database version and view, and shared.

Building a plotly figure runs plotly's validators for every trace and costs more
than the rest of a page's rerun (tens of milliseconds per chart), so the figure
of a view is kept in ``st.cache_resource`` under the same key as its query
(database version and filter).  Nothing mutates a cached figure: Streamlit
serialises it, and exports decorate a copy (``dashboard.exports.decorate``).
"""

from __future__ import annotations

import streamlit as st

from dashboard import charts, queries, sak_charts, style, trend_charts

_CACHE = dict(max_entries=64, show_spinner=False)


@st.cache_resource(**_CACHE)
def unit_map(v):
    return charts.unit_map(queries.unit_map(v))


@st.cache_resource(**_CACHE)
def region_theme_heatmap(v, share: bool = False):
    return charts.region_theme_heatmap(queries.themes_by_region(v), share=share)


@st.cache_resource(**_CACHE)
def theme_trend(v, f: queries.StatementFilter, grain: str, narrow: queries.Narrowing = queries.NO_NARROWING):
    return charts.theme_trend(queries.theme_trend(v, f, grain, narrow), grain=grain)


@st.cache_resource(**_CACHE)
def group_trend(v, f: queries.StatementFilter, grain: str, by: str, narrow: queries.Narrowing = queries.NO_NARROWING):
    return trend_charts.region_trend(queries.group_trend(v, f, grain, by, narrow), grain)


@st.cache_resource(**_CACHE)
def theme_by_unit(v, f: queries.StatementFilter, narrow: queries.Narrowing = queries.NO_NARROWING):
    # One theme: its bars in its own colour, as in its trend; several: the house colour.
    color = style.theme_color(f.themes[0]) if len(f.themes) == 1 else style.PRIMARY
    return charts.unit_bars(queries.theme_by_unit(v, f, narrow=narrow), color=color)


@st.cache_resource(**_CACHE)
def unit_theme_trend(v, unit: str, grain: str):
    return charts.theme_trend(queries.unit_theme_trend(v, unit, grain), grain=grain)


@st.cache_resource(**_CACHE)
def unit_fact_types(v, unit: str):
    return charts.fact_type_bars(queries.unit_fact_types(v, unit))


@st.cache_resource(**_CACHE)
def meetings_timeline(v):
    return charts.meetings_timeline(queries.meetings(v))


@st.cache_resource(**_CACHE)
def saker_map(v, f: queries.SakFilter):
    return sak_charts.saker_map(queries.saker_map(v, f), queries.unit_map(v))


@st.cache_resource(**_CACHE)
def saker_status(v, f: queries.SakFilter):
    return sak_charts.status_bars(queries.saker_by_kind_and_status(v, f))


@st.cache_resource(**_CACHE)
def sak_timeline(v, sak_id: str):
    return sak_charts.sak_timeline(queries.sak_mentions(v, sak_id))
