"""Offline map of member municipalities and sub-regions.

No tile server, no CDN: plotly's geo/mapbox traces fetch topojson or tiles from
the internet, so the map is a plain ``go.Scatter`` of the gazetteer's lon/lat
(dim_units) with the aspect ratio corrected for latitude (1/cos φ ≈ 2 at 60° N).
Points are sized by number of statements; units with no activity are small and grey.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from dashboard.components.text import plotly_text
from dashboard.formatting import fmt_int
from dashboard.style import TEXT, color_for
from etl.vocab import UNIT_KIND_LABELS

INACTIVE = "#BDBDBD"
MAX_LABELS = 10


def aspect_ratio(mean_lat: float) -> float:
    """Pixels per degree of latitude relative to longitude: 1/cos(latitude)."""
    return 1 / math.cos(math.radians(mean_lat))


def unit_map(df: pd.DataFrame, title: str | None = None, height: int = 560) -> go.Figure:
    """Kommuner and sub-regions at their gazetteer coordinates, sized by number of statements.

    ``df``: unit_name, unit_kind, lat, lon, n_statements.  Longitude is stretched by
    1/cos(latitude) (≈ 2 at 60° N) so the region keeps its real proportions.
    Units without activity are drawn small and grey; the ``MAX_LABELS`` most active are named.
    """
    if df.empty:
        from dashboard.charts import empty_figure

        return empty_figure("Ingen enheter med koordinater i stedsregisteret.")
    df = df.copy()
    # Names are labels, hovers and customdata: plotly renders HTML in them (a selection unescapes).
    df["unit_name"] = df["unit_name"].map(plotly_text)
    df["n_statements"] = df["n_statements"].fillna(0).astype(int)
    active = df[df["n_statements"] > 0]
    idle = df[df["n_statements"] == 0]
    fig = go.Figure()
    if not idle.empty:
        fig.add_trace(
            go.Scatter(
                x=idle["lon"], y=idle["lat"], mode="markers", name="Ingen utsagn",
                marker=dict(size=6, color=INACTIVE, line=dict(width=0)),
                text=idle["unit_name"], customdata=idle[["unit_name"]].to_numpy(),
                hovertemplate="%{text}<br>Ingen utsagn<extra></extra>",
            )
        )
    max_n = max(int(active["n_statements"].max()) if not active.empty else 1, 1)
    # Names only on the most active units: around Oslo the points are a few pixels
    # apart and every label on top of each other helps nobody; hover names them all.
    labelled = set(active.sort_values("n_statements", ascending=False)["unit_name"].head(MAX_LABELS))
    for i, kind in enumerate(("kommune", "region")):
        part = active[active["unit_kind"] == kind] if kind == "kommune" else active[active["unit_kind"] != "kommune"]
        if part.empty:
            continue
        sizes = [8 + 32 * math.sqrt(n / max_n) for n in part["n_statements"]]
        labels = [name.replace(" kommune", "") if name in labelled else "" for name in part["unit_name"]]
        fig.add_trace(
            go.Scatter(
                x=part["lon"], y=part["lat"], mode="markers+text",
                name=UNIT_KIND_LABELS.get(kind, kind) if kind == "kommune" else "Region",
                marker=dict(size=sizes, color=color_for(i), opacity=0.8, line=dict(width=1, color="white"),
                            symbol="circle" if kind == "kommune" else "square"),
                text=labels, textposition="top center", textfont=dict(size=11, color=TEXT),
                customdata=list(zip(part["unit_name"], [fmt_int(n) for n in part["n_statements"]])),
                hovertemplate="%{customdata[0]}<br>%{customdata[1]} utsagn<extra></extra>",
            )
        )
    ratio = aspect_ratio(float(df["lat"].mean()))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=ratio)
    from dashboard.charts import base_layout

    return base_layout(fig, title, height)
