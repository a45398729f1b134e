"""Tema (/tema): statements about one or more themes over time and per unit, with their sources.

URL: ``?tema=forsvar,datasenter&region=Follo&fra=2025-01-01&til=2025-12-31``.
Clicking (or box-selecting) a bar narrows the list below to its statements.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import filters, queries
from dashboard.components import figures
from dashboard.components.common import (
    context,
    page_header,
    period_label,
    theme_labels,
    version,
)
from dashboard.components.downloads import board_pack_downloads, chart_with_downloads
from dashboard.components.selection import parse_selection, selection_caption
from dashboard.components.statements import show_statements
from dashboard.components.text import escape_markdown
from dashboard.formatting import fmt_date_short, fmt_int
from dashboard.trend_charts import bucket_label, region_trend

GRAIN_CHOICES = {"day": "Per møte", "quarter": "Kvartal", "year": "År"}
BY_CHOICES = {"region": "Per region", "kommune": "Per kommune"}

v = version()
summ = queries.summary(v)
themes_df = queries.themes(v)
labels = theme_labels(v)
all_regions = queries.regions(v)

page_header("Tema", "Hva rapporteres om et tema i regionen, over tid og per kommune/region?")

filters.init("tema.tema", filters.known(filters.get_list("tema"), themes_df["theme_id"], "tema"))
filters.init("tema.region", filters.known(filters.get_list("region"), all_regions, "region"))

c1, c2 = st.columns([3, 2])
with c1:
    chosen = st.multiselect(
        "Tema",
        options=themes_df["theme_id"].tolist(),
        format_func=lambda t: labels.get(t, t),
        key="tema.tema",
        placeholder="Alle temaer – velg ett eller flere",
    )
with c2:
    chosen_regions = st.multiselect("Region", options=all_regions, key="tema.region", placeholder="Alle regioner")
fra, til = filters.date_range("tema", summ["first_date"], summ["last_date"])
filters.sync({"tema": chosen, "region": chosen_regions, "fra": fra, "til": til})

f = queries.StatementFilter(tuple(chosen), tuple(chosen_regions), fra, til)
theme_text = ", ".join(labels.get(t, t) for t in chosen) or "Alle temaer"
filter_labels = {
    "Tema": theme_text,
    "Region": ", ".join(chosen_regions) or "Alle",
    "Periode": period_label(fra, til, summ["first_date"], summ["last_date"]),
}
period = (fra or summ["first_date"], til or summ["last_date"])

# The grain control: per meeting, quarter or year; the default is what stays readable (a month grain,
# chosen automatically for long histories, is offered as quarters).
auto_grain = queries.trend_grain(queries.meeting_dates(v), fra, til)
g1, g2 = st.columns([3, 2])
with g1:
    grain = st.radio("Tidsinndeling", options=list(GRAIN_CHOICES), format_func=GRAIN_CHOICES.get, horizontal=True,
                     index=list(GRAIN_CHOICES).index(auto_grain if auto_grain in GRAIN_CHOICES else "quarter"),
                     key="tema.grain")
with g2:
    by = st.radio("Fordeling", options=list(BY_CHOICES), format_func=BY_CHOICES.get, horizontal=True,
                  key="tema.fordeling")
trend = queries.theme_trend(v, f, grain)
by_unit = queries.theme_by_unit(v, f)

left, right = st.columns([3, 2])
with left:
    per = queries.GRAIN_LABELS[grain]
    # One theme names it; several are named in the legend (and in the filters of every download).
    title = f"Utsagn om {theme_text.lower()} {per}" if len(chosen) == 1 else f"Utsagn per tema {per}"
    st.subheader(title)
    trend_fig = figures.theme_trend(v, f, grain)
    trend_ctx = context(title, "tema-over-tid", filter_labels, period)
    trend_data = trend.assign(meeting_date=[fmt_date_short(d) for d in trend["meeting_date"]]).rename(
        columns={"meeting_date": "Møtedato", "theme_id": "Tema-id", "theme_label": "Tema", "n": "Utsagn",
                 "sources": "Kilder"})
    trend_event = chart_with_downloads(trend_fig, trend_ctx, trend_data, key="tema-trend", on_select="rerun")
with right:
    title_u = "Utsagn per kommune og region"
    st.subheader(title_u)
    unit_fig = figures.theme_by_unit(v, f)
    unit_ctx = context(title_u, "tema-per-enhet", filter_labels, period)
    unit_data = by_unit.rename(columns={"unit_name": "Enhet", "unit_kind": "Type", "n": "Utsagn", "sources": "Kilder"})
    unit_event = chart_with_downloads(unit_fig, unit_ctx, unit_data, key="tema-enhet", on_select="rerun")

per_label = queries.GRAIN_LABELS[grain]
title_r = f"Utsagn per {BY_CHOICES[by].removeprefix('Per ').lower()} {per_label}"
st.subheader(title_r)
st.caption("Kommuner er summert i sin region; «(region)» er det regionen selv rapporterte. "
           "Linjen er snittet av de tre siste periodene.")
by_group = queries.group_trend(v, f, grain, by)
region_fig = region_trend(by_group, grain)
region_ctx = context(title_r, f"tema-per-{by}", filter_labels, period)
region_data = by_group.assign(period=[bucket_label(p, grain) for p in by_group["period"]]).rename(
    columns={"period": "Periode", "group": "Region" if by == "region" else "Enhet", "region": "Delregion",
             "n": "Utsagn"})
chart_with_downloads(region_fig, region_ctx, region_data, key="tema-region")
change = queries.period_vs_previous(by_group)
if not change.empty:
    latest, previous = change["latest_period"].iloc[0], change["previous_period"].iloc[0]
    then = bucket_label(previous, grain) if previous is not None and not pd.isna(previous) else "–"
    st.markdown(f"**Denne perioden mot forrige**: {bucket_label(latest, grain)} mot {then}")
    for col, row in zip(st.columns(len(change)), change.itertuples()):
        col.metric(escape_markdown(row.group), fmt_int(row.latest), delta=int(row.delta),
                   help=f"Forrige periode: {fmt_int(row.previous)} utsagn")

# Chart selections narrow the list: bars of the trend give (theme, date), bars per unit give units.
sel = parse_selection(trend_event, unit_event)
sel_dates, sel_themes, sel_units = sel.dates, sel.themes, sel.units

st.subheader("Utsagnene bak tallene")
if sel_dates or sel_units:
    st.caption(selection_caption(sel, labels, grain, all_themes=trend["theme_id"].nunique()))

rows, total = queries.filtered_statements(
    v, f, tuple(sorted(set(sel_dates))), tuple(sorted(set(sel_units))), tuple(sorted(set(sel_themes))), grain=grain
)
list_ctx = context(f"Utsagn – {theme_text}", "tema-utsagn", filter_labels, period)
show_statements(rows, total, theme_labels=labels, ctx=list_ctx, key="tema-utsagn")

st.divider()
board_pack_downloads(
    [(trend_fig, trend_ctx, trend_data), (unit_fig, unit_ctx, unit_data)],
    rows,
    filter_labels,
    key="tema-styrepakke",
    key_figures=queries.sak_key_figures(v, queries.SakFilter(themes=tuple(chosen), regions=tuple(chosen_regions),
                                                              fra=fra, til=til)),
)
