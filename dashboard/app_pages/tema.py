"""Tema (/tema): statements about one or more themes over time and per unit, with their sources.

URL: ``?tema=forsvar,datasenter&region=Follo&fra=2025-01-01&til=2025-12-31&inndeling=kvartal&fordeling=kommune``.
Clicking (or box-selecting) bars narrows the list below and the page's other charts (a chart is never
narrowed by its own click, so the click can be changed); «Fjern utvalg» clears it. The selection is kept
in ``?utvalg=`` (components.selection).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import filters, queries
from dashboard.charts import GRAIN_CHOICES, bucket_label
from dashboard.components import figures, selection
from dashboard.components.common import (
    context,
    page_header,
    period_label,
    theme_labels,
    version,
)
from dashboard.components.downloads import board_pack_downloads, chart_with_downloads
from dashboard.components.statements import show_statements
from dashboard.components.text import escape_markdown
from dashboard.formatting import fmt_int

GRAIN_URL = {"day": "møte", "quarter": "kvartal", "year": "år"}  # ?inndeling=kvartal
BY_CHOICES = {"region": "Per region", "kommune": "Per kommune"}
SEL_KEY, RESET_KEY = "tema.utvalg", "tema.nullstill"
CHART_KEYS = {"trend": "tema-trend", "enhet": "tema-enhet", "region": "tema-region"}


def chart_key(chart: str) -> str:
    # «Fjern utvalg» gives every chart a new key: plotly keeps showing a selection until the chart is redrawn.
    return f"{CHART_KEYS[chart]}-{st.session_state.get(RESET_KEY, 0)}"


def remember(chart: str):
    """on_select callback: the chart's new selection replaces its part of the page's selection."""
    def store() -> None:
        event = st.session_state.get(chart_key(chart))
        events = {name: event if name == chart else None for name in selection.CHARTS}
        st.session_state[SEL_KEY][chart] = selection.parse_selection(events["trend"], events["enhet"], events["region"])
    return store


def clear_selection() -> None:
    st.session_state[SEL_KEY] = {chart: selection.Selection() for chart in selection.CHARTS}
    st.session_state[RESET_KEY] = st.session_state.get(RESET_KEY, 0) + 1


def url_choice(param: str, choices: dict[str, str], url_names: dict[str, str]) -> str | None:
    """``?inndeling=kvartal`` → "quarter" (the Norwegian name, or the code); anything else is named in a notice."""
    asked = filters.get_str(param)
    if asked is None:
        return None
    lookup = {k.lower(): k for k in choices} | {n.lower(): k for k, n in url_names.items()}
    if asked.lower() in lookup:
        return lookup[asked.lower()]
    filters.unknown_notice(param, [asked])
    return None

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
auto_grain = auto_grain if auto_grain in GRAIN_CHOICES else "quarter"
filters.init("tema.grain", url_choice("inndeling", GRAIN_CHOICES, GRAIN_URL) or auto_grain)
filters.init("tema.fordeling", url_choice("fordeling", BY_CHOICES, {"region": "region", "kommune": "kommune"}) or "region")
if SEL_KEY not in st.session_state:
    parts, unreadable = selection.from_url(filters.get_str("utvalg"))
    filters.unknown_notice("utvalg", unreadable)
    st.session_state[SEL_KEY] = parts
g1, g2 = st.columns([3, 2])
with g1:
    # Periods picked at one grain mean nothing at another: a new grain (or grouping) starts a new selection.
    grain = st.radio("Tidsinndeling", options=list(GRAIN_CHOICES), format_func=GRAIN_CHOICES.get, horizontal=True,
                     key="tema.grain", on_change=clear_selection)
with g2:
    by = st.radio("Fordeling", options=list(BY_CHOICES), format_func=BY_CHOICES.get, horizontal=True,
                  key="tema.fordeling", on_change=clear_selection)
parts = st.session_state[SEL_KEY]
filters.sync({"inndeling": GRAIN_URL[grain] if grain != auto_grain else None,
              "fordeling": by if by != "region" else None, "utvalg": selection.to_url(parts)})
everything = selection.combined(parts, grain, by)
if everything:
    s1, s2 = st.columns([4, 1], vertical_alignment="center")
    s1.caption(selection.selection_caption(selection.Selection(
        sorted({d for p in parts.values() for d in p.dates}), [t for p in parts.values() for t in p.themes],
        [u for p in parts.values() for u in p.units], [g for p in parts.values() for g in p.groups]),
        labels, grain, all_themes=len(themes_df)))
    s2.button("Fjern utvalg", icon=":material/filter_alt_off:", on_click=clear_selection, key="tema.fjern")
trend = queries.theme_trend(v, f, grain, selection.combined(parts, grain, by, skip="trend"))
unit_narrow = selection.combined(parts, grain, by, skip="enhet")
by_unit = queries.theme_by_unit(v, f, narrow=unit_narrow)

left, right = st.columns([3, 2])
with left:
    per = queries.GRAIN_LABELS[grain]
    # One theme names it; several are named in the legend (and in the filters of every download).
    title = f"Utsagn om {theme_text.lower()} {per}" if len(chosen) == 1 else f"Utsagn per tema {per}"
    st.subheader(title)
    trend_fig = figures.theme_trend(v, f, grain, selection.combined(parts, grain, by, skip="trend"))
    trend_ctx = context(title, "tema-over-tid", filter_labels, period)
    trend_data = trend.assign(meeting_date=[bucket_label(d, grain) for d in trend["meeting_date"]]).rename(
        columns={"meeting_date": "Møtedato" if grain == "day" else "Periode", "theme_id": "Tema-id",
                 "theme_label": "Tema", "n": "Utsagn", "sources": "Kilder"})
    chart_with_downloads(trend_fig, trend_ctx, trend_data, key=chart_key("trend"), on_select=remember("trend"))
with right:
    title_u = "Utsagn per kommune og region"
    st.subheader(title_u)
    unit_fig = figures.theme_by_unit(v, f, unit_narrow)
    unit_ctx = context(title_u, "tema-per-enhet", filter_labels, period)
    unit_data = by_unit.rename(columns={"unit_name": "Enhet", "unit_kind": "Type", "n": "Utsagn", "sources": "Kilder"})
    chart_with_downloads(unit_fig, unit_ctx, unit_data, key=chart_key("enhet"), on_select=remember("enhet"))

per_label = queries.GRAIN_LABELS[grain]
title_r = f"Utsagn per {BY_CHOICES[by].removeprefix('Per ').lower()} {per_label}"
st.subheader(title_r)
st.caption("Kommuner er summert i sin region; «(region)» er det regionen selv rapporterte. "
           "Linjen er snittet av de tre siste periodene.")
region_narrow = selection.combined(parts, grain, by, skip="region")
by_group = queries.group_trend(v, f, grain, by, region_narrow)
region_fig = figures.group_trend(v, f, grain, by, region_narrow)
region_ctx = context(title_r, f"tema-per-{by}", filter_labels, period)
region_data = by_group.assign(period=[bucket_label(p, grain) for p in by_group["period"]]).rename(
    columns={"period": "Periode", "group": "Region" if by == "region" else "Enhet", "region": "Delregion",
             "n": "Utsagn"})
chart_with_downloads(region_fig, region_ctx, region_data, key=chart_key("region"), on_select=remember("region"))
change = queries.period_vs_previous(by_group)
if not change.empty:
    latest, previous = change["latest_period"].iloc[0], change["previous_period"].iloc[0]
    then = bucket_label(previous, grain) if previous is not None and not pd.isna(previous) else "–"
    st.markdown(f"**Denne perioden mot forrige**: {bucket_label(latest, grain)} mot {then}")
    for col, row in zip(st.columns(len(change)), change.itertuples()):
        col.metric(escape_markdown(row.group), fmt_int(row.latest), delta=int(row.delta),
                   help=f"Forrige periode: {fmt_int(row.previous)} utsagn")

st.subheader("Utsagnene bak tallene")
rows, total = queries.filtered_statements(v, f, grain=grain, narrow=everything)
list_ctx = context(f"Utsagn – {theme_text}", "tema-utsagn", filter_labels, period)
show_statements(rows, total, theme_labels=labels, ctx=list_ctx, key="tema-utsagn")

st.divider()
board_pack_downloads(
    [(trend_fig, trend_ctx, trend_data), (unit_fig, unit_ctx, unit_data), (region_fig, region_ctx, region_data)],
    rows,
    filter_labels,
    key="tema-styrepakke",
    key_figures=queries.sak_key_figures(v, queries.SakFilter(themes=tuple(chosen), regions=tuple(chosen_regions),
                                                              fra=fra, til=til)),
)
