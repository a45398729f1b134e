"""Offline map of member municipalities and sub-regions on a base map of the Oslo region.

No tile server, no CDN: plotly's geo/mapbox traces fetch topojson or tiles from the internet, so
the map is plain ``go.Scatter`` traces in lon/lat with the aspect ratio corrected for latitude
(1/cos φ ≈ 2 at 60° N): land, lakes, fylke borders and the Swedish border from the vendored base map
(``dashboard.geo``) under the gazetteer's points (dim_units), sized by their count.
A lone member far from the rest (Nord-Fron) goes into an overview inset instead of stretching
the map; the largest points are named, with labels placed so that they do not overlap.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from dashboard.components.text import plotly_text
from dashboard.formatting import fmt_int
from dashboard.geo import BaseMap, Layer, base_map
from dashboard.style import MUTED, NOTE_SIZE, TEXT, color_for
from etl.vocab import UNIT_KIND_LABELS

INACTIVE = "#BDBDBD"
LAND = "#F3F1EA"
WATER = "#D4E5F1"
SHORE = "#A8C5DA"
BORDER = "#8C8C8C"
CREDIT = "Kart: © Kartverket, © OpenStreetMap-bidragsytere, Natural Earth"
FYLKE_BORDER = "#B4B4B4"  # lighter and thinner than the national border: orientation, not content
MAX_LABELS = 10
LARGE_SHARE = 0.25  # of the largest count: a marker at least half the largest one's diameter
FAR_KM = 60  # a unit farther than this from every other goes into the inset
KM_PER_DEGREE = 111.2
PAD = 0.12  # degrees of latitude around the units in view
INSET_DOMAIN = dict(x=(0.0, 0.2), y=(0.4, 1.0))
# Label placement in pixels, for a plot area no larger than the screen's (smaller is safer:
# labels then take relatively more room, so what does not overlap here does not on screen or slide).
NOMINAL_PLOT = (760, 460)
LABEL_OVER_LABEL = 1000  # cost of a label over a label, relative to one over a marker
CHAR_WIDTH = 0.6  # of the font size, for Source Sans / DejaVu Sans at 11 px, a little generous
# Candidate label positions around a marker, in order of preference: (textposition, dx, dy).
POSITIONS = (
    ("top center", 0, 1), ("middle right", 1, 0), ("middle left", -1, 0), ("bottom center", 0, -1),
    ("top right", 1, 1), ("top left", -1, 1), ("bottom right", 1, -1), ("bottom left", -1, -1),
)


def aspect_ratio(mean_lat: float) -> float:
    """Pixels per degree of latitude relative to longitude: 1/cos(latitude)."""
    return 1 / math.cos(math.radians(mean_lat))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: exact enough over the few hundred km of the region."""
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return KM_PER_DEGREE * math.hypot(dx, lat2 - lat1)


def far_units(df: pd.DataFrame) -> pd.Series:
    """True for units more than ``FAR_KM`` from every other unit (with more than two units)."""
    if len(df) <= 2:
        return pd.Series(False, index=df.index)
    points = list(zip(df["lat"], df["lon"]))
    nearest = [min(distance_km(*p, *q) for j, q in enumerate(points) if j != i) for i, p in enumerate(points)]
    return pd.Series([d > FAR_KM for d in nearest], index=df.index)


def marker_sizes(counts: pd.Series, max_n: int) -> list[float]:
    return [8 + 32 * math.sqrt(n / max_n) for n in counts]


def label_text(name: str) -> str:
    return name.replace(" kommune", "")


def place_labels(points: list[tuple[float, float, float, str]], ratio: float,
                 frame: tuple[float, float, float, float], font_size: int = NOTE_SIZE) -> list[str]:
    """A textposition per point (lon, lat, marker diameter px, label; "" = no label), greedily:
    labels in the given order (most important first), each at the first of ``POSITIONS`` whose box
    overlaps no marker and no label placed before it; if none is free, the one that covers the
    least, labels weighing far more than markers."""
    px = to_pixels(points, ratio, frame)
    markers = [(x - r, y - r, x + r, y + r) for x, y, r in px]
    placed: list[tuple[float, float, float, float]] = []
    chosen = []
    for i, (x, y, r) in enumerate(px):
        label = points[i][3]
        if not label:
            chosen.append("top center")
            continue
        best, best_overlap = POSITIONS[0][0], math.inf
        for name, _, _ in POSITIONS:
            box = label_box(x, y, r, label, name, font_size)
            # A label over another label is unreadable; over a (grey) point it is only untidy.
            overlap = (LABEL_OVER_LABEL * sum(overlap_area(box, o) for o in placed)
                       + sum(overlap_area(box, o) for j, o in enumerate(markers) if j != i))
            if overlap < best_overlap:
                best, best_overlap, best_box = name, overlap, box
            if overlap == 0:
                break
        chosen.append(best)
        placed.append(best_box)
    return chosen


def to_pixels(points: list[tuple[float, float, float, str]], ratio: float,
              frame: tuple[float, float, float, float]) -> list[tuple[float, float, float]]:
    """(x, y, marker radius) in pixels of the nominal plot area, for points (lon, lat, diameter, label)."""
    x0, x1, y0, y1 = frame
    scale = min(NOMINAL_PLOT[0] / ((x1 - x0) / ratio), NOMINAL_PLOT[1] / (y1 - y0))  # px per degree of lat
    return [((lon - x0) * scale / ratio, (lat - y0) * scale, size / 2) for lon, lat, size, _ in points]


def label_box(x: float, y: float, r: float, label: str, position: str,
              font_size: int = NOTE_SIZE) -> tuple[float, float, float, float]:
    """The box (left, bottom, right, top) in pixels that plotly gives ``label`` at ``position``
    beside a marker of radius ``r`` at (x, y), with a little room for the glyphs' width."""
    dx, dy = next((dx, dy) for name, dx, dy in POSITIONS if name == position)
    width, height = len(label) * font_size * CHAR_WIDTH, font_size * 1.25
    cx = x + dx * (r + 2 + width / 2)
    cy = y + dy * (r + 2 + height / 2)
    return (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)


def overlap_area(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def add_base_map(fig: go.Figure, layers: BaseMap | None = None, axes: dict | None = None) -> None:
    """Water, land, lakes, fylke borders and the national border as the figure's next traces (add them first: under the
    markers); no hover, no legend, not clickable.  ``axes``: e.g. ``dict(xaxis="x2", yaxis="y2")``."""
    layers = layers or base_map()
    axes = axes or {}
    # line.simplify off: plotly.js otherwise cuts the filled rings' off-screen corners short and
    # leaves a strip of water along the plot's edges.
    quiet = dict(hoverinfo="skip", showlegend=False, mode="lines", **axes)
    # Water is a trace, not plot_bgcolor: exports restyle the background.
    w, s, e, n = layers.bbox
    fig.add_trace(go.Scatter(x=[w, e, e, w, w], y=[s, s, n, n, s], fill="toself", fillcolor=WATER,
                             line=dict(width=0), name="Hav", **quiet))
    land: Layer = layers.land
    fig.add_trace(go.Scatter(x=land.x, y=land.y, fill="toself", fillcolor=LAND, line=dict(width=0, simplify=False),
                             name="Land", **quiet))
    fig.add_trace(go.Scatter(x=layers.lakes.x, y=layers.lakes.y, fill="toself", fillcolor=WATER,
                             line=dict(width=0.6, color=SHORE, simplify=False), name="Innsjøer", **quiet))
    fig.add_trace(go.Scatter(x=layers.fylker.x, y=layers.fylker.y, line=dict(width=0.8, color=FYLKE_BORDER),
                             name="Fylkesgrenser", **quiet))
    fig.add_trace(go.Scatter(x=layers.borders.x, y=layers.borders.y, line=dict(width=1.2, color=BORDER, dash="dash"),
                             name="Riksgrense", **quiet))


def unit_map(df: pd.DataFrame, title: str | None = None, height: int = 560, *,
             measure: str = "n_statements", measure_label: str = "utsagn") -> go.Figure:
    """Kommuner and sub-regions at their gazetteer coordinates on the base map, sized by ``measure``.

    ``df``: unit_name, unit_kind, lat, lon and the count ``measure`` (by default n_statements; a page
    that filters by theme and period passes its own count and ``measure_label``).  Longitude is
    stretched by 1/cos(latitude) (≈ 2 at 60° N) so the region keeps its real proportions.
    Units without activity are drawn small and grey; the ``MAX_LABELS`` most active and every large
    point (a quarter of the largest count or more: half the largest diameter) are named.
    """
    if df.empty:
        from dashboard.charts import empty_figure

        return empty_figure("Ingen enheter med koordinater i stedsregisteret.")
    df = df.copy()
    # Names are labels, hovers and customdata: plotly renders HTML in them (a selection unescapes).
    df["unit_name"] = df["unit_name"].map(plotly_text)
    df["n"] = df[measure].fillna(0).astype(int)
    df["far"] = far_units(df)
    near = df[~df["far"]]
    x0, x1, y0, y1, ratio = view_frame(near["lon"], near["lat"])
    fig = go.Figure()
    add_base_map(fig)

    max_n = max(int(df["n"].max()), 1)
    # Names only on the most active units: around Oslo the points are a few pixels apart; hover names them all.
    active = df[df["n"] > 0]
    labelled = set(active.sort_values("n", ascending=False)["unit_name"].head(MAX_LABELS))
    labelled |= set(active.loc[active["n"] >= max_n * LARGE_SHARE, "unit_name"])  # every large marker
    df["size"] = [s if n > 0 else 6.0 for s, n in zip(marker_sizes(df["n"], max_n), df["n"])]
    df["label"] = [label_text(u) if u in labelled else "" for u in df["unit_name"]]
    order = df[~df["far"]].sort_values(["n", "unit_name"], ascending=[False, True])
    positions = place_labels(list(zip(order["lon"], order["lat"], order["size"], order["label"])), ratio,
                             (x0, x1, y0, y1))
    df["textposition"] = pd.Series(positions, index=order.index)
    df["textposition"] = df["textposition"].fillna("middle right")

    _unit_traces(fig, df[~df["far"]], measure_label, {})
    far = df[df["far"]]
    if not far.empty:
        _inset(fig, far, measure_label, (x0, x1, y0, y1))
    return frame_map(fig, (x0, x1, y0, y1, ratio), title, height)


def view_frame(lons: pd.Series, lats: pd.Series) -> tuple[float, float, float, float, float]:
    """(lon_min, lon_max, lat_min, lat_max, aspect ratio) of a view around the points, ``PAD`` around them."""
    x0, x1 = float(lons.min()), float(lons.max())
    y0, y1 = float(lats.min()) - PAD, float(lats.max()) + PAD
    ratio = aspect_ratio((y0 + y1) / 2)
    return x0 - PAD * ratio, x1 + PAD * ratio, y0, y1, ratio


def frame_map(fig: go.Figure, frame: tuple[float, float, float, float, float], title: str | None,
              height: int) -> go.Figure:
    """The map's main axes on ``frame`` (see ``view_frame``), hidden, in true proportions, in the template."""
    x0, x1, y0, y1, ratio = frame
    # The main axes only (update_xaxes would also move an inset's).
    fig.layout.xaxis.update(visible=False, range=[x0, x1])
    fig.layout.yaxis.update(visible=False, range=[y0, y1], scaleanchor="x", scaleratio=ratio)
    from dashboard.charts import base_layout

    fig = base_layout(fig, title, height)
    # No padding between plot and axes (Streamlit's theme adds 8 px): it would frame the map in a
    # strip of background instead of the map running to its edges.
    fig.update_layout(plot_bgcolor=WATER, margin_pad=0)
    # The licences of the fylke borders (CC BY) and lakes (ODbL) ask for credit wherever the map goes:
    # in the figure itself, so every export carries it.
    fig.add_annotation(text=CREDIT, xref="x domain", yref="y domain", x=1, y=0, xanchor="right", yanchor="bottom",
                       showarrow=False, font=dict(size=NOTE_SIZE - 2, color=MUTED), bgcolor="rgba(255,255,255,0.6)")
    return fig


def _unit_traces(fig: go.Figure, df: pd.DataFrame, measure_label: str, axes: dict, legend: bool = True) -> None:
    idle = df[df["n"] == 0]
    if not idle.empty:
        # Idle units are named only where every unit is (the inset): hover names them on the map.
        named = bool(idle["label"].any())
        fig.add_trace(
            go.Scatter(
                x=idle["lon"], y=idle["lat"], mode="markers+text" if named else "markers",
                name="Ingen " + measure_label, showlegend=legend,
                marker=dict(size=6, color=INACTIVE, line=dict(width=0.5, color="white")),
                text=list(idle["label"]) if named else idle["unit_name"],
                textposition=list(idle["textposition"]), textfont=dict(size=NOTE_SIZE, color=MUTED),
                customdata=idle[["unit_name"]].to_numpy(),
                hovertemplate=f"%{{customdata[0]}}<br>Ingen {measure_label}<extra></extra>", **axes,
            )
        )
    active = df[df["n"] > 0]
    for i, kind in enumerate(("kommune", "region")):
        part = active[active["unit_kind"] == kind] if kind == "kommune" else active[active["unit_kind"] != "kommune"]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=part["lon"], y=part["lat"], mode="markers+text", showlegend=legend,
                name=UNIT_KIND_LABELS.get(kind, kind) if kind == "kommune" else "Region",
                marker=dict(size=list(part["size"]), color=color_for(i), opacity=0.85,
                            line=dict(width=1, color="white"), symbol="circle" if kind == "kommune" else "square"),
                text=list(part["label"]), textposition=list(part["textposition"]),
                textfont=dict(size=NOTE_SIZE, color=TEXT),
                customdata=list(zip(part["unit_name"], [fmt_int(n) for n in part["n"]])),
                hovertemplate=f"%{{customdata[0]}}<br>%{{customdata[1]}} {measure_label}<extra></extra>", **axes,
            )
        )


def _inset(fig: go.Figure, far: pd.DataFrame, measure_label: str, view: tuple[float, float, float, float]) -> None:
    """An overview of southern Norway in the top left corner: the main map's frame and the far units.

    The main map moves right of it, so the two never overlap (an overlapping subplot would show the
    main map's land through the inset's water)."""
    x0, x1, y0, y1 = view
    lons = [x0, x1, *far["lon"]]
    lats = [y0, y1, *far["lat"]]
    ratio = aspect_ratio(sum(lats) / len(lats))
    pad = 1.0  # enough coast and lakes around the frame to recognise southern Norway
    w, s, e, n = base_map().bbox  # ... but no farther than the base map reaches
    axes = dict(xaxis="x2", yaxis="y2")
    add_base_map(fig, base_map(step=3), axes)
    fig.add_trace(go.Scatter(x=[x0, x1, x1, x0, x0], y=[y0, y0, y1, y1, y0], mode="lines", hoverinfo="skip",
                             showlegend=False, line=dict(color=MUTED, width=1), name="Kartutsnitt", **axes))
    far = far.assign(label=[label_text(u) for u in far["unit_name"]], textposition="middle right")
    far = far.assign(size=[min(s, 14.0) for s in far["size"]])
    _unit_traces(fig, far, measure_label, axes, legend=False)
    fig.update_layout(
        xaxis=dict(domain=[INSET_DOMAIN["x"][1] + 0.02, 1.0]),
        # constrain="domain": a narrow screen shrinks the inset instead of showing beyond the base map.
        xaxis2=dict(domain=list(INSET_DOMAIN["x"]), anchor="y2", visible=False, constrain="domain",
                    range=[max(min(lons) - pad * ratio, w), min(max(lons) + pad * ratio, e)]),
        yaxis2=dict(domain=list(INSET_DOMAIN["y"]), anchor="x2", visible=False, constrain="domain",
                    scaleanchor="x2", scaleratio=ratio,
                    range=[max(min(lats) - pad, s), min(max(lats) + pad, n)]),
    )
    fig.add_annotation(text="Utenfor kartutsnittet", xref="x2 domain", yref="y2 domain", x=0, y=0,
                       xanchor="left", yanchor="top", showarrow=False, font=dict(size=NOTE_SIZE, color=MUTED))
