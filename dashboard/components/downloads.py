"""Download buttons under every chart and table, and the one-click board pack.

Interface used by the pages (stable):

* ``chart_with_downloads(fig, ctx, data, key, *, on_select=None)`` shows the chart
  and its ``PNG``/``SVG``/``PDF``/``CSV``/``Excel`` buttons; returns the selection event.
* ``table_downloads(df, ctx, key)`` shows ``CSV``/``Excel`` buttons for a table.
* ``board_pack_downloads(charts, statements, filters, key)`` lets the user pick
  charts and downloads the view as ``PowerPoint`` or ``PDF``, and links to the
  Styrepakke page (``app_pages/styrepakke.py``) with the view's filters.

Nothing is rendered on page load: every button gets a *callable* ``data``
(Streamlit ≥ 1.45 runs it when the user clicks, on its own thread), and the
buttons use ``on_click="ignore"`` so a download does not rerun the page.
Rendered bytes are cached by the figure's JSON hash (``dashboard.exports.render``).
Without Chromium the app says what to install and still offers CSV, Excel and
the browser's own PNG (plotly's camera button, "Last ned som PNG").
"""

from __future__ import annotations

import os
import time
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import style
from dashboard.exports import api, naming, render
from dashboard.exports.spec import ExportContext

CHART_HELP = {
    "png": "Bilde i høy oppløsning (3200×1800, 16:9) for lysbilder, med tittel, filtre og kilde",
    "svg": "Vektorgrafikk (SVG) med tittel, filtre og kilde",
    "pdf": "Grafen som PDF med tittel, filtre og kilde",
}
CSV_HELP = "Dataene som CSV (UTF-8, semikolon) med kildekolonner – åpnes i Excel"
EXCEL_HELP = "Dataene som Excel-ark med kildekolonner og et ark «Om uttrekket»"
NO_CHROMIUM_NOTE = (
    f"{render.CHROMIUM_MISSING}. CSV og Excel virker som før, og kameraknappen over grafen "
    "(«Last ned som PNG») lager et bilde i nettleseren."
)
PACK_HEADING = "Styrepakke"
PACK_CAPTION = (
    "Last ned visningen som PowerPoint eller PDF: forside med filtre og periode, én side per graf "
    "med kilde, og sentrale utsagn med kildehenvisning."
)
PACK_SELECT_LABEL = "Grafer i styrepakken"
BUILDER_LINK = "Sett sammen en egen styrepakke: velg lysbilder, titler, kommentarer og utsagn"
BUILDER_PARAMS = ("tema", "region", "fra", "til")

# Before the first chart of a browser session, pause this long (seconds).  Streamlit's
# frontend loads plotly.js (4.7 MB) only when it meets the first chart, and
# evaluating it blocks the browser for most of a second; without the pause the
# key figures above the chart arrive in the same instant and are painted only
# after that.  Later charts and reruns are not delayed.
FIRST_CHART_PAUSE_S = float(os.environ.get("NAERINGSPULS_FIRST_CHART_PAUSE", "0.2"))
_FIRST_CHART_SHOWN = "_naeringspuls_first_chart_shown"
_sleep = time.sleep  # a seam for tests


def _let_browser_paint_first() -> None:
    if st.session_state.get(_FIRST_CHART_SHOWN):
        return
    st.session_state[_FIRST_CHART_SHOWN] = True
    if FIRST_CHART_PAUSE_S > 0:
        _sleep(FIRST_CHART_PAUSE_S)


def _chart_bytes(fig: go.Figure, ctx: ExportContext, fmt: str):
    return lambda: api.export_chart(fig, ctx, fmt)


def _table_bytes(df: pd.DataFrame, ctx: ExportContext, fmt: str):
    return lambda: api.export_table(df, ctx, fmt)


def _table_buttons(df: pd.DataFrame, ctx: ExportContext, key: str) -> None:
    st.download_button(
        "CSV", _table_bytes(df, ctx, "csv"), file_name=naming.file_name(ctx, "csv"), mime=naming.MIME["csv"],
        key=f"{key}-csv", on_click="ignore", help=CSV_HELP,
    )  # fmt: skip
    st.download_button(
        "Excel", _table_bytes(df, ctx, "xlsx"), file_name=naming.file_name(ctx, "xlsx"), mime=naming.MIME["xlsx"],
        key=f"{key}-xlsx", on_click="ignore", help=EXCEL_HELP,
    )  # fmt: skip


def chart_with_downloads(
    fig: go.Figure, ctx: ExportContext, data: pd.DataFrame, key: str, *, on_select: str | None = None,
    selection_mode: str | tuple[str, ...] = ("points", "box"),
):
    """Show ``fig`` and its download buttons; returns the plotly selection event (if on_select)."""
    config = style.plotly_config(naming.file_name(ctx, "png").removesuffix(".png"))
    _let_browser_paint_first()
    alt = f"Diagram: {ctx.title}"  # the accessible name screen readers announce
    if on_select:
        event = st.plotly_chart(
            fig, width="stretch", key=key, on_select=on_select, selection_mode=selection_mode, config=config, alt=alt
        )
    else:
        event = st.plotly_chart(fig, width="stretch", key=key, config=config, alt=alt)
    exports_ok = render.chromium_available()
    if exports_ok:
        render.prewarm()  # start the exporter in the background; the first click is then fast
    with st.container(horizontal=True, gap="small", key=f"{key}-downloads"):
        if exports_ok:
            for fmt in api.CHART_FORMATS:
                st.download_button(
                    fmt.upper(), _chart_bytes(fig, ctx, fmt), file_name=naming.file_name(ctx, fmt),
                    mime=naming.MIME[fmt], key=f"{key}-{fmt}", on_click="ignore", help=CHART_HELP[fmt],
                )  # fmt: skip
        _table_buttons(data, ctx, key=f"{key}-data")
    if not exports_ok:
        st.caption(NO_CHROMIUM_NOTE)
    return event


def table_downloads(df: pd.DataFrame, ctx: ExportContext, key: str) -> None:
    """``CSV`` and ``Excel`` buttons for a table (statements lists, meetings, events)."""
    with st.container(horizontal=True, gap="small", key=f"{key}-downloads"):
        _table_buttons(df, ctx, key)


def board_pack_downloads(
    charts: list[tuple[go.Figure, ExportContext, pd.DataFrame]],
    statements: pd.DataFrame | None,
    filters: dict[str, str],
    key: str,
    *,
    key_figures: dict | None = None,
) -> None:
    """One-click board pack (PowerPoint and PDF) of the current view.

    ``statements`` has at least: unit_name, meeting_date, text, source_file, page,
    line_start, line_end (in the order the page shows them; the first ones go in).
    ``filters`` is the label → value mapping of the view; ``key_figures``
    (``queries.sak_key_figures`` for the view) adds a slide of the register's counts.
    """
    st.subheader(PACK_HEADING)
    st.caption(PACK_CAPTION)
    # The builder opens with the view's filters (a relative link: it works under any base path).
    carried = {k: st.query_params.get(k) for k in BUILDER_PARAMS if st.query_params.get(k)}
    st.markdown(f"[{BUILDER_LINK}](styrepakke{'?' + urlencode(carried) if carried else ''})")
    indices = list(range(len(charts)))
    chosen = st.multiselect(
        PACK_SELECT_LABEL,
        options=indices,
        default=indices,
        format_func=lambda i: charts[i][1].title,
        key=f"{key}-charts",
        placeholder="Ingen grafer – bare forside og utsagn",
    )
    selected = [charts[i] for i in chosen if 0 <= i < len(charts)]
    if not render.chromium_available():
        st.caption(f"{render.CHROMIUM_MISSING}. Styrepakken lages likevel, med tabeller i stedet for grafer.")
    else:
        render.prewarm()

    def make(fmt: str):
        return lambda: api.export_pack(selected, statements, filters, fmt, key_figures=key_figures)

    with st.container(horizontal=True, gap="small", key=f"{key}-buttons"):
        st.download_button(
            "PowerPoint", make("pptx"), file_name=api.pack_file_name(selected, statements, filters, "pptx"),
            mime=naming.MIME["pptx"], key=f"{key}-pptx", on_click="ignore", type="primary",
            help="Styrepakken som PowerPoint (.pptx)",
        )  # fmt: skip
        st.download_button(
            "PDF", make("pdf"), file_name=api.pack_file_name(selected, statements, filters, "pdf"),
            mime=naming.MIME["pdf"], key=f"{key}-pdf", on_click="ignore", help="Styrepakken som PDF",
        )  # fmt: skip
