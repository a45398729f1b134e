"""Download buttons under every chart and table.

Interface used by the pages (kept stable; the export engine behind it may change):

* ``chart_with_downloads(fig, ctx, data, key)`` renders the chart and its
  ``PNG``/``SVG``/``PDF``/``CSV``/``Excel`` buttons.
* ``table_downloads(df, ctx, key)`` renders ``CSV``/``Excel`` buttons for a table.

Minimal version: chart plus CSV.  The full export engine replaces the bodies.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.exports.spec import ExportContext


def chart_with_downloads(
    fig: go.Figure, ctx: ExportContext, data: pd.DataFrame, key: str, *, on_select: str | None = None
):
    """Show ``fig`` and its download buttons; returns the plotly selection event (if on_select)."""
    event = st.plotly_chart(
        fig, width="stretch", key=key, on_select=on_select or "ignore", selection_mode=("points", "box")
    ) if on_select else st.plotly_chart(fig, width="stretch", key=key)
    table_downloads(data, ctx, key=f"{key}-data")
    return event


def table_downloads(df: pd.DataFrame, ctx: ExportContext, key: str) -> None:
    st.download_button(
        "CSV",
        df.to_csv(index=False).encode("utf-8-sig"),
        file_name=f"{ctx.file_stem()}.csv",
        mime="text/csv",
        key=f"{key}-csv",
    )


def board_pack_downloads(
    charts: list[tuple[go.Figure, ExportContext, pd.DataFrame]],
    statements: pd.DataFrame,
    filters: dict[str, str],
    key: str,
) -> None:
    """One-click board pack (PowerPoint and PDF) of the current view.

    ``statements`` has at least: unit_name, meeting_date, text, source_file, page,
    line_start, line_end.  ``filters`` is the label → value mapping of the view.
    Minimal version: nothing yet; the export engine fills this in.
    """
    st.caption("Styrepakke kommer.")
