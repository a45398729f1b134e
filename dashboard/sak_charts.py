"""Charts of the register of saker: where they are, how far they have come, one sak's story.

Pure functions DataFrame → Figure, in the project template, with Norwegian labels.
Titles and quotes come from documents, so every one of them goes through
``plotly_text`` before plotly sees it.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import base_layout, empty_figure
from dashboard.components.text import plotly_text
from dashboard.formatting import fmt_date_short, fmt_int
from dashboard.map import add_base_map, far_units, frame_map, view_frame
from dashboard.style import KIND_COLORS, MUTED
from etl.vocab import SAK_KIND_LABELS, SAK_KINDS, SAK_STATUS_LABELS, SAK_STATUSES

NO_STATUS = "Nevnt, uten status"
JITTER_DEG = 0.035  # saker of one kommune share its point: spread them so each can be clicked


def _jitter(sak_id: str) -> tuple[float, float]:
    """A small fixed offset per sak (the same on every render)."""
    h = hashlib.sha1(sak_id.encode()).digest()
    return (h[0] / 255 - 0.5) * 2 * JITTER_DEG, (h[1] / 255 - 0.5) * JITTER_DEG


def saker_map(df: pd.DataFrame, units: pd.DataFrame | None = None, title: str | None = None,
              height: int = 520) -> go.Figure:
    """Saker at their kommune (or unit), coloured by kind and sized by how often they were reported,
    on the same offline base map as Oversikt's.  ``units`` (unit_name, lat, lon) draws the member
    kommuner as grey points for orientation; the view spans the saker and the units near each other
    (a lone far member such as Nord-Fron does not stretch it unless a sak is there)."""
    if df.empty:
        return empty_figure("Ingen saker med kjent sted for valgt filter.")
    fig = go.Figure()
    add_base_map(fig)
    lons, lats = df["lon"], df["lat"]
    if units is not None and not units.empty:
        near = units[~far_units(units)]
        lons, lats = pd.concat([lons, near["lon"]]), pd.concat([lats, near["lat"]])
        fig.add_trace(go.Scatter(
            x=units["lon"], y=units["lat"], mode="markers", name="Kommuner og regioner", showlegend=False,
            marker=dict(size=5, color="#D0D0D0"), text=[plotly_text(u) for u in units["unit_name"]],
            hovertemplate="%{text}<extra></extra>",
        ))  # fmt: skip
    offsets = [_jitter(s) for s in df["sak_id"]]
    df = df.assign(x=[lon + dx for lon, (dx, _) in zip(df["lon"], offsets)],
                   y=[lat + dy for lat, (_, dy) in zip(df["lat"], offsets)])
    top = max(int(df["n_mentions"].max()), 1)
    for kind in SAK_KINDS:
        part = df[df["kind"] == kind]
        if part.empty:
            continue
        fig.add_trace(go.Scatter(
            x=part["x"], y=part["y"], mode="markers", name=SAK_KIND_LABELS[kind],
            marker=dict(size=[9 + 18 * (n / top) ** 0.5 for n in part["n_mentions"]], color=KIND_COLORS[kind],
                        opacity=0.85, line=dict(width=1, color="white")),
            customdata=list(zip(part["sak_id"], [plotly_text(t) for t in part["title"]],
                                [plotly_text(u or "–") for u in part["unit_name"]],
                                [SAK_STATUS_LABELS.get(s, NO_STATUS) for s in part["status"]],
                                [fmt_int(n) for n in part["n_mentions"]])),
            hovertemplate="%{customdata[1]}<br>%{customdata[2]} · %{customdata[3]}<br>nevnt %{customdata[4]} ganger"
                          "<extra></extra>",
        ))  # fmt: skip
    return frame_map(fig, view_frame(lons, lats), title, height)


def status_bars(df: pd.DataFrame, title: str | None = None, height: int = 340) -> go.Figure:
    """Saker per kind, stacked by status (df: kind, status, n)."""
    if df.empty:
        return empty_figure("Ingen saker for valgt filter.")
    fig = go.Figure()
    kinds = [k for k in SAK_KINDS if k in set(df["kind"])]
    labels = [SAK_KIND_LABELS[k] for k in kinds]
    shades = ("#C6DBEF", "#9ECAE1", "#6BAED6", "#3182BD", "#08519C", "#BDBDBD", "#D55E00")
    for status, color in zip((*SAK_STATUSES, "ukjent"), (*shades, "#EEEEEE")):
        part = df[df["status"] == status].set_index("kind")["n"]
        values = [int(part.get(k, 0)) for k in kinds]
        if not any(values):
            continue
        name = SAK_STATUS_LABELS.get(status, NO_STATUS)
        fig.add_trace(go.Bar(y=labels, x=values, orientation="h", name=name, marker_color=color,
                             hovertemplate=f"%{{y}} · {name}: %{{x}} saker<extra></extra>"))
    fig.update_layout(barmode="stack", legend=dict(traceorder="normal"))
    fig.update_xaxes(title="Saker", tickformat=",d", rangemode="tozero")
    fig.update_yaxes(autorange="reversed")
    return base_layout(fig, title, height)


def sak_timeline(mentions: pd.DataFrame, title: str | None = None, height: int = 320) -> go.Figure:
    """One sak's mentions over time, at the status each gave it (df: meeting_date, status, text, unit_name)."""
    if mentions.empty:
        return empty_figure("Ingen omtaler.")
    rows = [NO_STATUS, *SAK_STATUSES]
    y = [SAK_STATUS_LABELS.get(s, NO_STATUS) if isinstance(s, str) else NO_STATUS for s in mentions["status"]]
    quotes = [plotly_text(t if len(t) <= 140 else t[:139] + "…") for t in mentions["text"]]
    fig = go.Figure(go.Scatter(
        x=pd.to_datetime(mentions["meeting_date"]), y=y, mode="lines+markers",
        line=dict(color=MUTED, width=1, shape="hv"), marker=dict(size=12, color=KIND_COLORS["datasenter"]),
        customdata=list(zip([fmt_date_short(d) for d in mentions["meeting_date"]],
                            [plotly_text(u or "–") for u in mentions["unit_name"]], quotes)),
        hovertemplate="%{customdata[0]} · %{customdata[1]}<br>%{customdata[2]}<extra></extra>",
    ))  # fmt: skip
    fig.update_yaxes(categoryorder="array", categoryarray=[SAK_STATUS_LABELS.get(s, s) for s in rows], title=None)
    fig.update_xaxes(title="Møtedato", tickformat="%d.%m.%Y")
    dates = pd.to_datetime(mentions["meeting_date"]).dropna()
    if len(dates) and dates.max() - dates.min() < pd.Timedelta(days=30):
        # A sak from one or two meetings: without a range plotly ticks hours, and every tick reads the same date.
        mid = dates.min() + (dates.max() - dates.min()) / 2
        fig.update_xaxes(range=[mid - pd.Timedelta(days=30), mid + pd.Timedelta(days=30)])
    return base_layout(fig, title, height)
