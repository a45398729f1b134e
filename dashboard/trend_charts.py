"""Tema's trend by region or kommune: stacked bars per period, one colour per sub-region, and a
rolling mean of the total.

The x axis is a category axis of period labels ("23.10.2025", "K4 2025", "2025"): on a date axis,
meetings a few days apart drew overlapping bars, on screen and in every export.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import base_layout, bucket_label, empty_figure, narrow_few_bars
from dashboard.components.text import plotly_text
from dashboard.queries.trends import REGION_SUFFIX, rolling_total
from dashboard.style import PALETTE

MAX_GROUPS = 8  # one colour each; more stacked series are unreadable
OTHER_COLOR = "#BBBBBB"
OTHERS = "Andre"
MEAN_WINDOW = 3


def region_trend(df: pd.DataFrame, grain: str, title: str | None = None) -> go.Figure:
    """``df`` (queries.group_trend): period, group, region, n → stacked bars per group, the largest
    ``MAX_GROUPS`` in the colour of their sub-region (a region's own statements hatched), the rest
    one grey bar, and a line of the mean of the last three periods' totals.

    ``customdata`` of every bar is ``[group (escaped for plotly), period start ISO]`` for selections (group "" for the
    grey bar: a click on it selects the period only); the line carries none."""
    if df.empty:
        return empty_figure()
    periods = sorted(df["period"].unique())
    labels = [bucket_label(p, grain) for p in periods]
    label_of = dict(zip(periods, labels))
    ranked = df.groupby("group")["n"].sum().reset_index().sort_values(["n", "group"], ascending=[False, True])
    shown = ranked["group"].head(MAX_GROUPS).tolist()
    rest = ranked["group"].iloc[MAX_GROUPS:].tolist()
    region_of = df.groupby("group")["region"].first().to_dict()
    # One colour per sub-region, in order of size: a kommune shares its region's colour.
    regions = list(dict.fromkeys(region_of[g] for g in shown))
    colour = {r: PALETTE[i % len(PALETTE)] for i, r in enumerate(regions)}
    fig = go.Figure()
    series = [(g, g, colour[region_of[g]], df[df["group"] == g]) for g in shown]
    if rest:
        series.append(("", f"{OTHERS} ({len(rest)})", OTHER_COLOR,
                       df[df["group"].isin(rest)].groupby("period", as_index=False)["n"].sum()))
    for group, name, col, part in series:
        part = part.groupby("period", as_index=False)["n"].sum()
        label = plotly_text(name)
        fig.add_trace(go.Bar(
            x=[label_of[p] for p in part["period"]], y=part["n"], name=label, marker_color=col,
            customdata=[[plotly_text(group), pd.Timestamp(p).strftime("%Y-%m-%d")] for p in part["period"]],
            marker_pattern_shape="/" if name.endswith(REGION_SUFFIX) else "",
            hovertemplate=f"{label}<br>%{{x}}: %{{y}} utsagn<extra></extra>",
        ))
    roll = rolling_total(df, MEAN_WINDOW)
    fig.add_trace(go.Scatter(
        x=[label_of[p] for p in roll["period"]], y=roll["mean"], name=f"Snitt siste {MEAN_WINDOW} perioder",
        mode="lines+markers", line={"color": "#333333", "width": 2, "dash": "dot"},
        hovertemplate="Snitt siste 3 perioder<br>%{x}: %{y:.1f} utsagn<extra></extra>",
    ))
    fig.update_layout(barmode="stack", bargap=0.15, showlegend=True)
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=labels)
    narrow_few_bars(fig, len(labels))
    fig.update_yaxes(title="Antall utsagn", rangemode="tozero")
    return base_layout(fig, title)
