"""Dress a chart for export: it must stand on its own on a slide.

Returns a *copy* with the Norwegian title, a subtitle naming the active filters,
a source line with the period and the date it was made, the house template and
export fonts, at 16:9 slide size.  The on-screen figure is never changed.
"""

from __future__ import annotations

import datetime as dt
import html

import plotly.graph_objects as go

from dashboard import style
from dashboard.exports import texts
from dashboard.exports.spec import ExportContext


def _esc(text: str) -> str:
    # plotly renders a small HTML subset; escape user/data text so "<" or "&" show as typed.
    return html.escape(str(text), quote=False)


def _wrap(label: str, width: int = 14) -> str:
    """A tick label on lines of about ``width`` characters ("Forsvar og<br>forsvarsindustri")."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(_esc(line) for line in lines)


def decorate(
    fig: go.Figure,
    ctx: ExportContext,
    *,
    made: dt.date | None = None,
    width: int = style.EXPORT_WIDTH,
    height: int = style.EXPORT_HEIGHT,
    title: bool = True,
    footer: bool = True,
) -> go.Figure:
    """A slide-ready copy of ``fig``.

    ``title=False`` leaves out the title and the filters subtitle, and
    ``footer=False`` the source line: the board pack puts them on the slide as text.
    """
    out = go.Figure(fig)  # deep copy
    style.register_template()
    margin = dict(style.EXPORT_MARGIN)
    subtitle = texts.filters_line(ctx.filters, ctx.period)
    if not title:
        margin["t"] = 50
    if not footer:
        margin["b"] = 60
    out.update_layout(
        template=style.TEMPLATE_NAME,
        width=width,
        height=height,
        autosize=False,
        paper_bgcolor=style.BACKGROUND,
        plot_bgcolor=style.BACKGROUND,
        font=dict(family=style.EXPORT_FONT_FAMILY, size=style.EXPORT_FONT_SIZE, color=style.TEXT),
        hoverlabel=dict(font=dict(family=style.EXPORT_FONT_FAMILY)),
        margin=margin,
        separators=", ",
    )
    # Tick labels push the margins instead of being clipped.
    out.update_xaxes(automargin=True)
    # Labels above the plot (the heatmap's theme names) would run into our title and
    # filters line, which sit in the top margin: on a slide they go below the plot,
    # level and wrapped, so they also stay clear of the source line under it.
    if out.layout.xaxis.side == "top":
        out.update_xaxes(side="bottom", selector=dict(side="top"))
        categories = next((list(t.x) for t in out.data if t.type == "heatmap" and t.x is not None), None)
        if categories:
            out.update_xaxes(tickangle=0, tickmode="array", tickvals=categories,
                             ticktext=[_wrap(str(c)) for c in categories])
    out.update_yaxes(automargin=True)
    # Point labels (the map's unit names) are sized for the screen: make them readable on a slide.
    out.update_traces(textfont_size=style.EXPORT_NOTE_SIZE, selector=dict(type="scatter", mode="markers+text"))
    # Titles are ours: the screen title (if any) may be shorter or in a st.subheader.
    if title:
        out.update_layout(
            title=dict(
                text=f"<b>{_esc(ctx.title)}</b>",
                x=0,
                xref="paper",
                xanchor="left",
                y=0.97,
                yref="container",
                yanchor="top",
                font=dict(size=style.EXPORT_TITLE_SIZE, family=style.EXPORT_FONT_FAMILY, color=style.TEXT),
                subtitle=dict(
                    text=_esc(subtitle),
                    font=dict(size=style.EXPORT_SUBTITLE_SIZE, family=style.EXPORT_FONT_FAMILY, color=style.MUTED),
                ),
                automargin=False,
            )
        )
    else:
        out.update_layout(title=dict(text=""))
    # The foot belongs to the source line: a legend placed below the plot moves to the top.
    legend = out.layout.legend
    if legend.y is not None and legend.y < 0:
        out.update_layout(legend=dict(orientation="h", x=0, xanchor="left", y=1.02, yanchor="bottom"))
    if footer:
        out.add_annotation(
            text=_esc(texts.footer_line(ctx.period, made, ctx.corrections)),
            xref="paper",
            yref="paper",
            x=0,
            y=0,
            xanchor="left",
            yanchor="bottom",
            # Pixels below the plot area: the bottom margin minus a little air.
            yshift=-(margin["b"] - 14),
            showarrow=False,
            align="left",
            font=dict(size=style.EXPORT_NOTE_SIZE, family=style.EXPORT_FONT_FAMILY, color=style.MUTED),
        )
    # Map traces: tiles come from the network, which an export must not depend on.
    map_types = {"scattermap", "choroplethmap", "densitymap", "scattermapbox", "choroplethmapbox", "densitymapbox"}
    if any(t.type in map_types for t in out.data):
        out.update_layout(map_style="white-bg", mapbox_style="white-bg")
    return out
