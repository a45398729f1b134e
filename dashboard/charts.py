"""Plotly figure builders: pure functions DataFrame → Figure, shared by pages and exports.

Every figure uses the project template (``dashboard.style``), Norwegian labels and
number formats, and carries ``customdata`` so a page can filter by a selection.
No figure needs the internet: the map is a plain scatter of gazetteer
coordinates (no tile server, no topojson from a CDN).
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.components.text import plotly_text
from dashboard.formatting import fmt_date_long, fmt_date_short, fmt_int
from dashboard.queries.trends import REGION_SUFFIX
from dashboard.style import MUTED, PALETTE, SEQUENTIAL, TEMPLATE_NAME, register_template, theme_color
from etl.vocab import FACT_TYPE_LABELS

from dashboard.map import unit_map  # noqa: E402,F401  (the offline map; re-exported for pages/exports)


MAX_TREND_THEMES = 7  # more themes than this in one stacked bar are unreadable, whatever their colours
OTHER_COLOR = "#BBBBBB"
HEATMAP_LABEL_CHARS = 12  # theme names wrap at this width: level labels, never rotated
HEATMAP_ROW_PX = 34
HEATMAP_LINE_PX = 17  # one line of a wrapped theme name
MODEBAR_PX = 34  # room above the labels for plotly's toolbar


def base_layout(fig: go.Figure, title: str | None, height: int = 420) -> go.Figure:
    register_template()
    fig.update_layout(
        template=TEMPLATE_NAME,
        title=dict(text=title) if title else None,
        height=height,
        # Room above the plot for the chart toolbar, so it never covers the top bar.
        margin=dict(l=10, r=10, t=50 if title else 36, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0, title=None),
    )
    return fig


def _count_axis(fig: go.Figure, max_value: float, axis: str = "y") -> None:
    """Counts are whole numbers: no "0,5" ticks on small charts."""
    settings = dict(rangemode="tozero", tickformat=",d")
    if max_value <= 10:
        settings["dtick"] = 1
    (fig.update_yaxes if axis == "y" else fig.update_xaxes)(**settings)


FEW_BARS = 8  # below this many categories a bar is drawn narrow, not across its whole slot


def narrow_few_bars(fig: go.Figure, n_categories: int) -> None:
    """A category bar fills its slot: one meeting would be one bar across the whole chart."""
    if n_categories < FEW_BARS:
        fig.update_traces(width=0.3, selector={"type": "bar"})


def empty_figure(message: str = "Ingen data for valgt filter.", height: int = 300) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, font=dict(color=MUTED, size=16), x=0.5, y=0.5,
                       xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return base_layout(fig, None, height)


def fmt_share(share: float) -> str:
    """A share as a Norwegian percentage: ``0.123`` → "12 %" (a non-breaking space before %)."""
    if share <= 0:
        return ""
    pct = math.floor(share * 100 + 0.5)  # half up, as people round (round() rounds 12.5 to 12)
    return "<1\u00a0%" if pct < 1 else f"{fmt_int(pct)}\u00a0%"


def wrap_label(label: str, width: int = HEATMAP_LABEL_CHARS) -> str:
    return "<br>".join(textwrap.wrap(label, width, break_long_words=False)) or label


def region_theme_heatmap(df: pd.DataFrame, title: str | None = None, share: bool = False) -> go.Figure:
    """``df``: region, theme_id, theme_label, n (and region_total) → heatmap of regions × themes.

    ``share``: each cell as a percentage of the region's round-table statements
    (``region_total``) instead of a count, so a small region's profile can be read next
    to a large one's.  Theme names sit above the plot, wrapped and level, each under a
    square in the theme's colour (``style.theme_color``); the top margin leaves room
    for the toolbar above them.  Plotly cannot select heatmap cells, so an invisible
    marker sits on every cell with ``customdata`` [theme_id, region, n]: a click on a
    cell selects it.
    """
    if df.empty:
        return empty_figure()
    # Region and theme names become tick labels and customdata: plotly renders HTML in them.
    df = df.assign(region=df["region"].map(plotly_text), theme_label=df["theme_label"].map(plotly_text))
    pivot = df.pivot_table(index="region", columns="theme_label", values="n", aggfunc="sum", fill_value=0)
    pivot = pivot.loc[pivot.sum(axis=1).sort_values().index, pivot.sum().sort_values(ascending=False).index]
    counts = pivot.to_numpy()
    if share:
        totals = df.groupby("region")["region_total"].max().reindex(pivot.index).to_numpy()[:, None]
        values = counts / totals
        text = [[fmt_share(v) for v in row] for row in values]
    else:
        values = counts
        text = [[fmt_int(v) if v else "" for v in row] for row in counts]
    fig = go.Figure(
        go.Heatmap(
            z=values, x=list(pivot.columns), y=list(pivot.index), text=text, texttemplate="%{text}",
            textfont=dict(size=15), colorscale=[[i / (len(SEQUENTIAL) - 1), c] for i, c in enumerate(SEQUENTIAL)],
            showscale=False, hoverinfo="skip", xgap=2, ygap=2,  # the numbers are in the cells: no colour bar
        )
    )
    ids = dict(zip(df["theme_label"], df["theme_id"])) if "theme_id" in df else {}
    cells = [(label, region, int(pivot.at[region, label]), text[r][c])
             for r, region in enumerate(pivot.index) for c, label in enumerate(pivot.columns)]
    hidden = dict(opacity=0)
    if share:
        total_of = dict(zip(pivot.index, totals[:, 0]))
        hover = [f"{shown or '0 %'} av {fmt_int(total_of[region])} utsagn ({fmt_int(n)})" for _, region, n, shown in cells]
    else:
        hover = [f"{fmt_int(n)} utsagn" for _, _, n, _ in cells]
    fig.add_trace(
        go.Scatter(
            x=[c[0] for c in cells], y=[c[1] for c in cells], mode="markers", showlegend=False,
            marker=dict(size=22, opacity=0, symbol="square"), selected=dict(marker=hidden),
            unselected=dict(marker=hidden),
            customdata=[[ids.get(c[0], ""), c[1], fmt_int(c[2]), h] for c, h in zip(cells, hover)],
            hovertemplate="%{y} – %{x}: %{customdata[3]}<extra></extra>",
        )
    )
    labels = [wrap_label(str(label)) for label in pivot.columns]
    ticks = [f'<span style="color:{theme_color(ids.get(c, ""))}">■</span><br>{t}' for c, t in zip(pivot.columns, labels)]
    lines = max(t.count("<br>") + 1 for t in ticks)
    fig.update_xaxes(side="top", showgrid=False, tickangle=0, tickmode="array", tickvals=list(pivot.columns),
                     ticktext=ticks, tickfont=dict(size=13))
    fig.update_yaxes(showgrid=False, automargin=True, tickfont=dict(size=13))
    fig = base_layout(fig, title, height=HEATMAP_ROW_PX * len(pivot) + HEATMAP_LINE_PX * lines + MODEBAR_PX + 30)
    # At full width a cell is far wider than its invisible marker: a click anywhere in the cell must still
    # pick the cell's marker (plotly selects the nearest point within hoverdistance pixels).
    fig.update_layout(margin=dict(t=HEATMAP_LINE_PX * lines + MODEBAR_PX + (40 if title else 0)), hoverdistance=80)
    return fig


# The time grains a trend can be drawn at, with their Norwegian names (Tema's and Styrepakke's choice).
GRAIN_CHOICES = {"day": "Per møte", "quarter": "Kvartal", "year": "År"}


def bucket_label(period, grain: str) -> str:
    """A bucket's label: the meeting date, "K3 2025" or "2025"."""
    d = pd.Timestamp(period).date() if not isinstance(period, dt.date) else period
    if grain == "quarter":
        return f"K{(d.month - 1) // 3 + 1} {d.year}"
    if grain == "year":
        return str(d.year)
    if grain == "month":
        return f"{d:%m.%Y}"
    return fmt_date_short(d)


def theme_trend(df: pd.DataFrame, title: str | None = None, grain: str = "day") -> go.Figure:
    """``df``: meeting_date, theme_id, theme_label, n → stacked bars per period, one colour per theme.

    The x axis is a category axis of ``bucket_label``s in time order (``grain``: "day" per
    meeting): on a date axis two meetings a few days apart drew overlapping bars, on screen
    and in every export. The seven largest themes get their own colour (``style.theme_color``:
    the same on every page and in every export), the rest one grey "Andre tema" bar.
    ``customdata`` of every bar is ``[theme_id, period start ISO, its name in words]`` for
    selections (theme_id "" for "Andre tema": a click on it selects the period only).
    """
    if df.empty:
        return empty_figure()
    fig = go.Figure()
    df = df.assign(theme_label=df["theme_label"].map(plotly_text))  # legend and hover render HTML
    order = df.groupby(["theme_id", "theme_label"])["n"].sum().sort_values(ascending=False).reset_index()
    # One colour per theme for the largest ones; the rest share one grey bar, because
    # a palette that repeats colours makes a stacked bar unreadable.
    shown, rest = order.head(MAX_TREND_THEMES), order.iloc[MAX_TREND_THEMES:]
    groups = [(row.theme_id, row.theme_label, theme_color(row.theme_id), df[df["theme_id"] == row.theme_id])
              for row in shown.itertuples()]
    if not rest.empty:
        others = df[df["theme_id"].isin(rest["theme_id"])].groupby("meeting_date", as_index=False)["n"].sum()
        groups.append(("", f"Andre tema ({len(rest)})", OTHER_COLOR, others))
    periods = sorted(pd.to_datetime(df["meeting_date"]).unique())
    label_of = {pd.Timestamp(p): bucket_label(p, grain) for p in periods}
    for theme_id, label, colour, part in groups:
        dates = pd.to_datetime(part["meeting_date"])
        words = [fmt_date_long(d) if grain == "day" else label_of[d] for d in dates]
        fig.add_trace(
            go.Bar(
                x=[label_of[d] for d in dates], y=part["n"], name=label, marker_color=colour,
                customdata=list(zip([theme_id] * len(part), dates.dt.strftime("%Y-%m-%d"), words)),
                hovertemplate=f"{label}<br>%{{customdata[2]}}: %{{y}} utsagn<extra></extra>",
            )
        )
    # A legend even for one theme: the colour is the theme's everywhere, so it is worth naming.
    fig.update_layout(barmode="stack", bargap=0.15, showlegend=True)
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=list(label_of.values()),
                     title="Møtedato" if grain == "day" else "Periode")
    narrow_few_bars(fig, len(set(label_of.values())))
    fig.update_yaxes(title="Antall utsagn")
    _count_axis(fig, df.groupby("meeting_date")["n"].sum().max())
    return base_layout(fig, title)


def unit_bars(df: pd.DataFrame, title: str | None = None, value: str = "n", color: str = PALETTE[0]) -> go.Figure:
    """``df``: unit_name, n (and unit_kind) → horizontal bars, largest on top; customdata = [unit_name].
    ``color``: the theme's colour when the bars count one theme.

    The names are escaped for plotly (:func:`plotly_text`); a selection reads them back
    with :func:`dashboard.components.text.from_plotly`."""
    if df.empty:
        return empty_figure()
    df = df.sort_values(value).assign(unit_name=lambda d: d["unit_name"].map(plotly_text))
    # A region reporting for itself is told apart from the kommuner: "Follo (region)", not "Follo".
    kinds = df["unit_kind"] if "unit_kind" in df else pd.Series("", index=df.index)
    names = [n + REGION_SUFFIX if k == "region" else n for n, k in zip(df["unit_name"], kinds)]
    fig = go.Figure(
        go.Bar(
            x=df[value], y=names, orientation="h", marker_color=color,
            customdata=df[["unit_name"]].to_numpy(),
            text=[fmt_int(v) for v in df[value]], textposition="outside", cliponaxis=False,
            hovertemplate="%{y}: %{x} utsagn<extra></extra>",
        )
    )
    fig.update_xaxes(title="Antall utsagn")
    _count_axis(fig, df[value].max(), axis="x")
    fig.update_yaxes(title=None, automargin=True)
    return base_layout(fig, title, height=max(300, 26 * len(df) + 100))


def fact_type_bars(df: pd.DataFrame, title: str | None = None) -> go.Figure:
    """``df``: fact_type, n → horizontal bars with Norwegian fact-type labels."""
    if df.empty:
        return empty_figure()
    df = df.sort_values("n")
    labels = [FACT_TYPE_LABELS.get(f, f or "Ukjent") for f in df["fact_type"]]
    fig = go.Figure(
        go.Bar(
            x=df["n"], y=labels, orientation="h", marker_color=PALETTE[2],
            customdata=df[["fact_type"]].to_numpy(), text=[fmt_int(v) for v in df["n"]],
            textposition="outside", cliponaxis=False, hovertemplate="%{y}: %{x} utsagn<extra></extra>",
        )
    )
    fig.update_xaxes(title="Antall utsagn")
    _count_axis(fig, df["n"].max(), axis="x")
    fig.update_yaxes(title=None, automargin=True)
    return base_layout(fig, title, height=max(260, 30 * len(df) + 100))


def meetings_timeline(df: pd.DataFrame, title: str | None = None) -> go.Figure:
    """``df``: meeting_date, n_statements → one bar per meeting, on a category axis of meeting dates in time
    order (on a date axis two meetings a few days apart drew overlapping bars); a second meeting on the same
    day is "04.12.2025 (2)"."""
    if df.empty:
        return empty_figure()
    df = df.sort_values("meeting_date", kind="stable")
    dates = pd.to_datetime(df["meeting_date"])
    short = [fmt_date_short(d) for d in dates]
    seen: dict[str, int] = {}
    labels = []
    for label in short:
        seen[label] = seen.get(label, 0) + 1
        labels.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    fig = go.Figure(
        go.Bar(
            x=labels, y=df["n_statements"], marker_color=PALETTE[0],
            customdata=[[d] for d in short],
            hovertemplate="%{customdata[0]}: %{y} utsagn<extra></extra>",
        )
    )
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=labels, title="Møtedato")
    narrow_few_bars(fig, len(labels))
    fig.update_yaxes(title="Antall utsagn")
    _count_axis(fig, df["n_statements"].max())
    return base_layout(fig, title, height=300)
