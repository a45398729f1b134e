"""Plotly figure builders: pure functions DataFrame → Figure, shared by pages and exports.

Every figure uses the project template (``dashboard.style``), Norwegian labels and
number formats, and carries ``customdata`` so a page can filter by a selection.
No figure needs the internet: the map is a plain scatter of gazetteer
coordinates (no tile server, no topojson from a CDN).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.components.text import plotly_text
from dashboard.formatting import fmt_date_long, fmt_date_short, fmt_int
from dashboard.style import MUTED, PALETTE, SEQUENTIAL, TEMPLATE_NAME, color_for, register_template
from etl.vocab import FACT_TYPE_LABELS

from dashboard.map import unit_map  # noqa: E402,F401  (the offline map; re-exported for pages/exports)


MAX_TREND_THEMES = 7  # the distinct colours of the palette before black
OTHER_COLOR = "#BBBBBB"


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


def _date_axis(fig: go.Figure, dates: pd.Series) -> None:
    """A readable date axis for meetings: with few meetings one tick per meeting
    (Norwegian short dates) and bars a few days wide instead of one bar filling
    the plot; with many, plotly's own ticks formatted as dd.mm.yyyy and bars
    three quarters of the usual gap wide.  (Plotly's own width is the smallest
    gap: two meetings a day apart made every bar over three years a hairline.)"""
    distinct = pd.Series(pd.to_datetime(dates).unique()).sort_values()
    fig.update_xaxes(title="Møtedato", tickformat="%d.%m.%Y")
    if len(distinct) > 12:
        width = max(distinct.diff().dropna().median() * 0.75, pd.Timedelta(days=3))
        fig.update_traces(width=width.total_seconds() * 1000, selector=dict(type="bar"))
    elif len(distinct) > 0:
        gaps = distinct.diff().dropna()
        width = gaps.min() if len(gaps) else pd.Timedelta(days=30)
        width = min(max(width, pd.Timedelta(days=4)), pd.Timedelta(days=30))
        pad = max(width, pd.Timedelta(days=10))
        fig.update_xaxes(
            tickvals=list(distinct),
            ticktext=[fmt_date_short(d) for d in distinct],
            range=[distinct.iloc[0] - pad, distinct.iloc[-1] + pad],
        )
        fig.update_traces(width=width.total_seconds() * 1000 * 0.7, selector=dict(type="bar"))


def _count_axis(fig: go.Figure, max_value: float, axis: str = "y") -> None:
    """Counts are whole numbers: no "0,5" ticks on small charts."""
    settings = dict(rangemode="tozero", tickformat=",d")
    if max_value <= 10:
        settings["dtick"] = 1
    (fig.update_yaxes if axis == "y" else fig.update_xaxes)(**settings)


def _count_colorbar(title: str, max_value: float) -> dict:
    """A colour bar for counts: whole-number ticks, never "0,5" or "1,5" statements."""
    bar = dict(title=title, tickformat=",d")
    if max_value <= 10:
        bar["dtick"] = 1
    return bar


def empty_figure(message: str = "Ingen data for valgt filter.", height: int = 300) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, font=dict(color=MUTED, size=16), x=0.5, y=0.5,
                       xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return base_layout(fig, None, height)


def region_theme_heatmap(df: pd.DataFrame, title: str | None = None) -> go.Figure:
    """``df``: region, theme_id, theme_label, n → heatmap of regions × themes.

    Plotly cannot select heatmap cells, so an invisible marker sits on every cell
    with ``customdata`` [theme_id, region, n]: a click on a cell selects it.
    """
    if df.empty:
        return empty_figure()
    # Region and theme names become tick labels and customdata: plotly renders HTML in them.
    df = df.assign(region=df["region"].map(plotly_text), theme_label=df["theme_label"].map(plotly_text))
    pivot = df.pivot_table(index="region", columns="theme_label", values="n", aggfunc="sum", fill_value=0)
    pivot = pivot.loc[pivot.sum(axis=1).sort_values().index, pivot.sum().sort_values(ascending=False).index]
    text = [[fmt_int(v) if v else "" for v in row] for row in pivot.to_numpy()]
    fig = go.Figure(
        go.Heatmap(
            z=pivot.to_numpy(), x=list(pivot.columns), y=list(pivot.index), text=text,
            texttemplate="%{text}", colorscale=[[i / (len(SEQUENTIAL) - 1), c] for i, c in enumerate(SEQUENTIAL)],
            colorbar=_count_colorbar("Utsagn", pivot.to_numpy().max()), hoverinfo="skip",
            xgap=2, ygap=2,
        )
    )
    ids = dict(zip(df["theme_label"], df["theme_id"])) if "theme_id" in df else {}
    cells = [(label, region, int(pivot.at[region, label])) for region in pivot.index for label in pivot.columns]
    hidden = dict(opacity=0)
    fig.add_trace(
        go.Scatter(
            x=[c[0] for c in cells], y=[c[1] for c in cells], mode="markers", showlegend=False,
            marker=dict(size=22, opacity=0, symbol="square"), selected=dict(marker=hidden),
            unselected=dict(marker=hidden),
            customdata=[[ids.get(label, ""), region, fmt_int(n)] for label, region, n in cells],
            hovertemplate="%{y} – %{x}: %{customdata[2]} utsagn<extra></extra>",
        )
    )
    fig.update_xaxes(side="top", showgrid=False)
    fig.update_yaxes(showgrid=False)
    return base_layout(fig, title, height=max(320, 28 * len(pivot) + 120))


def theme_trend(df: pd.DataFrame, title: str | None = None) -> go.Figure:
    """``df``: meeting_date, theme_id, theme_label, n → stacked bars per meeting date, one colour per theme.

    The seven largest themes get a colour each, the rest one grey "Andre tema" bar.
    ``customdata`` of every bar is ``[theme_id, meeting date ISO]`` for selections
    (theme_id "" for "Andre tema": a click on it selects the meeting only).
    """
    if df.empty:
        return empty_figure()
    fig = go.Figure()
    df = df.assign(theme_label=df["theme_label"].map(plotly_text))  # legend and hover render HTML
    order = df.groupby(["theme_id", "theme_label"])["n"].sum().sort_values(ascending=False).reset_index()
    # One colour per theme for the largest ones; the rest share one grey bar, because
    # a palette that repeats colours makes a stacked bar unreadable.
    shown, rest = order.head(MAX_TREND_THEMES), order.iloc[MAX_TREND_THEMES:]
    groups = [(row.theme_id, row.theme_label, color_for(i), df[df["theme_id"] == row.theme_id])
              for i, row in enumerate(shown.itertuples())]
    if not rest.empty:
        others = df[df["theme_id"].isin(rest["theme_id"])].groupby("meeting_date", as_index=False)["n"].sum()
        groups.append(("", f"Andre tema ({len(rest)})", OTHER_COLOR, others))
    for theme_id, label, colour, part in groups:
        dates = pd.to_datetime(part["meeting_date"])
        fig.add_trace(
            go.Bar(
                x=dates, y=part["n"], name=label, marker_color=colour,
                customdata=list(zip([theme_id] * len(part), dates.dt.strftime("%Y-%m-%d"),
                                    [fmt_date_long(d) for d in dates])),
                hovertemplate=f"{label}<br>%{{customdata[2]}}: %{{y}} utsagn<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack", bargap=0.15)
    _date_axis(fig, df["meeting_date"])
    fig.update_yaxes(title="Antall utsagn")
    _count_axis(fig, df.groupby("meeting_date")["n"].sum().max())
    return base_layout(fig, title)


def unit_bars(df: pd.DataFrame, title: str | None = None, value: str = "n") -> go.Figure:
    """``df``: unit_name, n → horizontal bars, largest on top; customdata = [unit_name].

    The names are escaped for plotly (:func:`plotly_text`); a selection reads them back
    with :func:`dashboard.components.text.from_plotly`."""
    if df.empty:
        return empty_figure()
    df = df.sort_values(value).assign(unit_name=lambda d: d["unit_name"].map(plotly_text))
    fig = go.Figure(
        go.Bar(
            x=df[value], y=df["unit_name"], orientation="h", marker_color=PALETTE[0],
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
    """``df``: meeting_date, n_statements → one bar per meeting."""
    if df.empty:
        return empty_figure()
    dates = pd.to_datetime(df["meeting_date"])
    fig = go.Figure(
        go.Bar(
            x=dates, y=df["n_statements"], marker_color=PALETTE[0],
            customdata=[[fmt_date_short(d)] for d in dates],
            hovertemplate="%{customdata[0]}: %{y} utsagn<extra></extra>",
        )
    )
    _date_axis(fig, df["meeting_date"])
    fig.update_yaxes(title="Antall utsagn")
    _count_axis(fig, df["n_statements"].max())
    return base_layout(fig, title, height=300)
