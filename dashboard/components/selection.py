"""Turn plotly selection events (st.plotly_chart on_select="rerun") into list filters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from dashboard.components.text import escape_markdown, from_plotly
from dashboard.formatting import fmt_date_short


@dataclass
class Selection:
    dates: list[dt.date] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.dates or self.themes or self.units)


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


def parse_selection(trend_event, unit_event) -> Selection:
    """Trend bars carry customdata [theme_id, ISO date, …]; unit bars carry [unit_name] (or y)."""
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
    return sel


def selection_caption(sel: Selection, theme_labels: dict[str, str], grain: str, *, all_themes: int) -> str:
    """What a click on Tema's charts selected, as a caption; unit names come from the minutes, so escaped."""
    parts = []
    if sel.dates:
        parts.append(("møter " if grain == "day" else "perioder fra ") + ", ".join(sorted({fmt_date_short(d) for d in sel.dates})))
    if sel.themes and len(set(sel.themes)) < max(1, all_themes):
        parts.append("tema " + ", ".join(sorted({escape_markdown(theme_labels.get(t, t)) for t in sel.themes})))
    if sel.units:
        parts.append(", ".join(sorted({escape_markdown(u) for u in sel.units})))
    return "Utvalg fra diagrammet: " + "; ".join(parts) + ". Klikk utenfor søylene (eller dobbeltklikk) for å nullstille."
