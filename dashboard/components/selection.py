"""Turn plotly selection events (st.plotly_chart on_select) into filters: for Tema's list and, as a
``queries.Narrowing``, for its other charts; and keep a selection in the URL (``?utvalg=``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from dashboard.components.text import escape_markdown, from_plotly
from dashboard.formatting import fmt_date_short
from dashboard.queries import NO_NARROWING, Narrowing

# ?utvalg=periode:2025-10-01;tema:forsvar;enhet:Asker kommune;gruppe:Follo;gruppeperiode:2025-10-01
# A kind names the chart it came from (periode/tema: the trend, enhet: the bars per unit, gruppe and
# gruppeperiode: the trend by region), so a reopened link narrows the same charts. ";" because names
# may hold commas.
URL_KINDS = {"periode": ("trend", "dates"), "tema": ("trend", "themes"), "enhet": ("enhet", "units"),
             "gruppe": ("region", "groups"), "gruppeperiode": ("region", "dates")}
CHARTS = ("trend", "enhet", "region")


@dataclass
class Selection:
    dates: list[dt.date] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.dates or self.themes or self.units or self.groups)


def points(event) -> list[dict]:
    """The selected points of an event (attribute or dict access; None → [])."""
    if not event:
        return []
    try:
        return list(event.selection.points)
    except AttributeError:
        try:
            return list(event["selection"]["points"])
        except (KeyError, TypeError):
            return []


def _as_date(value) -> dt.date | None:
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        return None
    return None if pd.isna(ts) else ts.date()


def parse_selection(trend_event, unit_event, region_event=None) -> Selection:
    """Trend bars carry customdata [theme_id, ISO date, …]; unit bars carry [unit_name] (or y); bars of the
    trend by region carry [group, ISO date] (group "" for the grey rest; its mean line carries none)."""
    sel = Selection()
    for p in points(trend_event):
        cd = p.get("customdata") or []
        date = _as_date(cd[1]) if len(cd) >= 2 else _as_date(p.get("x"))
        if len(cd) >= 2 and cd[0] and cd[0] not in sel.themes:
            sel.themes.append(cd[0])
        if date and date not in sel.dates:
            sel.dates.append(date)
    for p in points(unit_event):
        cd = p.get("customdata") or []
        unit = from_plotly(cd[0] if cd else p.get("y"))  # the chart escaped it for plotly
        if unit and unit not in sel.units:
            sel.units.append(unit)
    for p in points(region_event):
        cd = p.get("customdata") or []
        if len(cd) < 2:
            continue
        date, group = _as_date(cd[1]), from_plotly(cd[0])  # the chart escaped the name for plotly
        if group and group not in sel.groups:
            sel.groups.append(group)
        if date and date not in sel.dates:
            sel.dates.append(date)
    return sel


def combined(parts: dict[str, Selection], grain: str, by: str, skip: str | None = None) -> Narrowing:
    """The selections of every chart but ``skip`` as one Narrowing: a chart is narrowed by the others'
    clicks, never by its own (it keeps every bar, so the click can be changed). Periods picked in two
    charts hold together: only those in both."""
    chosen = [sel for chart, sel in parts.items() if chart != skip and sel]
    if not chosen:
        return NO_NARROWING
    date_sets = [set(sel.dates) for sel in chosen if sel.dates]
    dates = set.intersection(*date_sets) if date_sets else set()
    if date_sets and not dates:
        dates = {dt.date(1, 1, 1)}  # picked periods that never meet: nothing, not everything
    def pick(name: str) -> tuple:
        return tuple(sorted({v for sel in chosen for v in getattr(sel, name)}))

    return Narrowing(grain, by, tuple(sorted(dates)), pick("themes"), pick("units"), pick("groups"))


def to_url(parts: dict[str, Selection]) -> str | None:
    """Every chart's selection as the ``utvalg`` parameter (None when nothing is selected)."""
    items = []
    for kind, (chart, name) in URL_KINDS.items():
        sel = parts.get(chart)
        for value in getattr(sel, name) if sel else []:
            items.append(f"{kind}:{value.isoformat() if isinstance(value, dt.date) else value}")
    return ";".join(items) or None


def from_url(text: str | None) -> tuple[dict[str, Selection], list[str]]:
    """``?utvalg=`` back into each chart's selection, and the items it could not read (for the notice)."""
    parts = {chart: Selection() for chart in CHARTS}
    unknown = []
    for item in (text or "").split(";"):
        kind, _, value = item.strip().partition(":")
        value = value.strip()
        if not kind and not value:
            continue
        if kind not in URL_KINDS or not value:
            unknown.append(item.strip())
            continue
        chart, name = URL_KINDS[kind]
        if name == "dates":
            value = _as_date(value) if len(value) == 10 else None
            if value is None:
                unknown.append(item.strip())
                continue
        if value not in getattr(parts[chart], name):
            getattr(parts[chart], name).append(value)
    return parts, unknown


def selection_caption(sel: Selection, theme_labels: dict[str, str], grain: str, *, all_themes: int) -> str:
    """What a click on Tema's charts selected, as a caption; unit names come from the minutes, so escaped."""
    parts = []
    if sel.dates:
        parts.append(("møter " if grain == "day" else "perioder fra ") + ", ".join(sorted({fmt_date_short(d) for d in sel.dates})))
    if sel.themes and len(set(sel.themes)) < max(1, all_themes):
        parts.append("tema " + ", ".join(sorted({escape_markdown(theme_labels.get(t, t)) for t in sel.themes})))
    if sel.units:
        parts.append(", ".join(sorted({escape_markdown(u) for u in sel.units})))
    if sel.groups:
        parts.append(", ".join(sorted({escape_markdown(g) for g in sel.groups})))
    return "Utvalg fra diagrammet: " + "; ".join(parts) + ". «Fjern utvalg» viser alt igjen."
