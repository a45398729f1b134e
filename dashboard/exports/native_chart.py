"""A plotly figure as the data of a native PowerPoint chart, where python-pptx has the type.

Bars (vertical or horizontal, grouped or stacked) and lines become a chart the reader can
edit in PowerPoint (its data sheet opens in Excel); anything else (maps, heatmaps, bars
mixed with a line) returns ``None`` and goes in as a picture.  Dates on the category
axis become Norwegian date labels in time order, one category per meeting, so meetings
a few days apart never share a bar.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from dashboard.components.text import from_plotly
from dashboard.formatting import fmt_date_short

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$")
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class Series:
    name: str
    values: list[float | None]
    colour: str | None = None  # one colour for the series
    point_colours: list[str] | None = None  # a colour per bar


@dataclass
class NativeChart:
    kind: str  # "bar" (horizontal), "column" (vertical) or "line"
    stacked: bool
    categories: list[str]
    series: list[Series] = field(default_factory=list)
    top_down: bool = False  # the first category at the top (a reversed y axis on screen)
    value_title: str | None = None
    show_legend: bool = True
    data_labels: bool = False


def _label(value) -> str:
    """A category or series name as plain text: plotly's escaping and ``<br>`` tags removed."""
    text = from_plotly(str(value)) or ""
    return " ".join(_TAGS.sub(" ", text.replace("<br>", " ")).split())


def _is_date(values: list) -> bool:
    return bool(values) and all(isinstance(v, (dt.date, pd.Timestamp)) or (isinstance(v, str) and _ISO.match(v))
                                for v in values)  # fmt: skip


def _number(v) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(f) else f


def _single_colour(marker) -> tuple[str | None, list[str] | None]:
    colour = getattr(marker, "color", None) if marker is not None else None
    if isinstance(colour, str) and colour.startswith("#"):
        return colour, None
    if colour is not None and not isinstance(colour, str):
        colours = [str(c) for c in colour]
        if all(c.startswith("#") for c in colours):
            return None, colours
    return None, None


def from_figure(fig: go.Figure) -> NativeChart | None:
    """The figure's data for a native chart, or ``None`` when it should be a picture."""
    traces = [t for t in fig.data if getattr(t, "visible", True) is not False]
    if not traces:
        return None
    types = {t.type for t in traces}
    if types == {"bar"}:
        horizontal = {t.orientation for t in traces} == {"h"}
        if not horizontal and {t.orientation for t in traces} - {None, "v"}:
            return None
        kind = "bar" if horizontal else "column"
    elif types == {"scatter"} and all("lines" in (t.mode or "") for t in traces):
        horizontal, kind = False, "line"
    else:
        return None
    pairs = [(list(t.y if horizontal else t.x), list(t.x if horizontal else t.y)) for t in traces]
    if any(c is None or v is None or len(c) != len(v) for c, v in pairs):
        return None
    raw: list = []
    for cats, _ in pairs:
        raw += [c for c in cats if c not in raw]
    axis = fig.layout.yaxis if horizontal else fig.layout.xaxis
    if _is_date(raw):
        order = sorted(raw, key=lambda c: pd.Timestamp(c))
        name_of = {c: fmt_date_short(pd.Timestamp(c).date()) for c in order}
    else:
        listed = list(axis.categoryarray) if axis.categoryarray is not None else []
        order = [c for c in listed if c in raw] + [c for c in raw if c not in listed]
        name_of = {c: _label(c) for c in order}
    chart = NativeChart(
        kind=kind,
        stacked=fig.layout.barmode in ("stack", "relative"),
        categories=[name_of[c] for c in order],
        top_down=axis.autorange == "reversed",
        value_title=_label((fig.layout.xaxis if horizontal else fig.layout.yaxis).title.text or "") or None,
        show_legend=len(traces) > 1,
        data_labels=len(traces) == 1 and kind != "line",
    )
    for trace, (cats, vals) in zip(traces, pairs, strict=True):
        by_cat = dict(zip(cats, vals))
        colour, points = _single_colour(trace.marker if kind != "line" else None)
        if kind == "line":
            colour = trace.line.color if isinstance(trace.line.color, str) else None
        if points is not None:  # per-bar colours follow the categories' order
            colour_of = dict(zip(cats, points))
            points = [colour_of.get(c, "#BDBDBD") for c in order]
        chart.series.append(Series(name=_label(trace.name or chart.value_title or "Verdi"),
                                   values=[_number(by_cat.get(c)) for c in order], colour=colour,
                                   point_colours=points))  # fmt: skip
    return chart
