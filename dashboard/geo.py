"""The vendored base map of the Oslo region: land, lakes, fylke borders and the Swedish border, offline.

``data/geo/oslo_region.json`` is made once by ``data/geo/make_geo.py`` (Natural Earth land and
border, OpenStreetMap lakes, Kartverket's fylke borders; sources and licences in ``data/geo/README.md``).  It is read once per
process and kept as plotly-ready coordinate lists, so a page rerun pays nothing for it.
"""

from __future__ import annotations

import functools
import json
import pathlib
from dataclasses import dataclass

import numpy as np

GEO_PATH = pathlib.Path(__file__).resolve().parent.parent / "data" / "geo" / "oslo_region.json"


@dataclass(frozen=True)
class Layer:
    """One layer's rings or lines as one plotly trace's x/y: parts separated by NaN (a gap).

    Float arrays, not lists: plotly sends them base64-encoded, a tenth of the time per rerun."""

    x: np.ndarray
    y: np.ndarray


@dataclass(frozen=True)
class BaseMap:
    bbox: tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max
    land: Layer
    lakes: Layer
    fylker: Layer  # borders between fylker (2024), over land
    borders: Layer  # the national border


def _layer(parts: list[list[list[float]]], bbox: tuple[float, ...], step: int = 1) -> Layer:
    xs: list[float] = []
    ys: list[float] = []
    w, s, e, n = bbox
    for part in parts:
        # Thinned, a ring keeps its ends (closed) and its points on the frame (a dropped corner
        # would cut a diagonal through the land).
        last = len(part) - 1
        points = [p for i, p in enumerate(part) if i % step == 0 or i == last or p[0] in (w, e) or p[1] in (s, n)]
        xs.extend(p[0] for p in points)
        ys.extend(p[1] for p in points)
        xs.append(np.nan)
        ys.append(np.nan)
    x, y = np.array(xs, dtype=np.float32), np.array(ys, dtype=np.float32)  # metres of precision: plenty
    x.flags.writeable = y.flags.writeable = False  # shared by every figure: nobody may change them
    return Layer(x, y)


@functools.cache
def base_map(step: int = 1) -> BaseMap:
    """The base map, every ``step``-th vertex (the inset's overview needs a third of them)."""
    data = json.loads(GEO_PATH.read_text(encoding="utf-8"))
    bbox = tuple(data["bbox"])
    return BaseMap(
        bbox=bbox,
        land=_layer(data["land"], bbox, step),
        lakes=_layer(data["lakes"], bbox, step),
        fylker=_layer(data["fylke_borders"], bbox, step),
        borders=_layer(data["borders"], bbox, step),
    )
