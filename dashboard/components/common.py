"""Small helpers shared by the pages."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import db, queries
from dashboard.exports.spec import ExportContext
from dashboard.formatting import fmt_period


def version():
    """The current database version; the app entry point has already checked it exists."""
    v = db.db_version()
    if v is None:
        raise db.DatabaseUnavailable("Ingen database funnet.")
    return v


def theme_labels(v) -> dict[str, str]:
    df = queries.themes(v)
    return dict(zip(df["theme_id"], df["label"]))


def period_of(dates) -> tuple[dt.date | None, dt.date | None]:
    import pandas as pd

    s = pd.to_datetime(pd.Series(list(dates)), errors="coerce").dropna()
    if s.empty:
        return (None, None)
    return (s.min().date(), s.max().date())


def context(title: str, slug: str, filters: dict[str, str], period) -> ExportContext:
    """An export's context; its source line says how many corrections the data rests on."""
    return ExportContext(title=title, slug=slug, filters=filters, period=period,
                         corrections=queries.review.applied_count(version()))


def period_label(fra, til, first, last) -> str:
    a, b = fra or first, til or last
    return fmt_period(a, b) if a and b else "Alle"


def page_header(title: str, subtitle: str | None = None) -> None:
    st.title(title)
    if subtitle:
        st.caption(subtitle)
