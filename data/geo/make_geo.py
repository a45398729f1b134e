"""Rebuild data/geo/oslo_region.json: land, lakes and the Swedish border around the Oslo region.

Build-time only (the dashboard reads the JSON it writes, never the network):

    .venv/bin/pip install -e '.[geo]'          # shapely, for clipping and simplifying
    .venv/bin/python data/geo/make_geo.py      # runs `npm pack` for the two sources below

Sources (see data/geo/README.md for their licences):
- Natural Earth 10m countries, as TopoJSON in the npm package ``world-atlas`` (public domain):
  Norway and Sweden as land, their common boundary as the national border.
- OpenStreetMap lakes at 1 km resolution, as GeoJSON in the npm package
  ``@geo-maps/earth-lakes-1km`` (ODbL): Mjøsa, Tyrifjorden, Randsfjorden, Øyeren, Vänern …
  Natural Earth's own 10m lakes are not on any package registry reachable here.
- Kartverket's "Administrative enheter – fylker" (2024, 15 fylker; CC BY 4.0, © Kartverket), in
  EPSG:25833 (UTM 33N), from a pinned mirror of Kartverket's file, checked against its sha256:
  the borders between fylker (``avgrensningstype`` "Fylkesgrense": each shared border once,
  neither coastline nor the national border), reprojected with pyproj, over land only.
  ``--fylker PATH`` uses a local copy of the zip instead of downloading it.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import pathlib
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
import zipfile

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, box
from shapely.ops import linemerge, unary_union

OUT = pathlib.Path(__file__).with_name("oslo_region.json")
PACKAGES = {"countries": "world-atlas@2.0.2", "lakes": "@geo-maps/earth-lakes-1km@0.6.0"}
# Southern Norway around the members, wide enough that a wide screen never shows the edge, with
# the inset's overview and Nord-Fron (61.6° N).
BBOX = (5.0, 57.8, 15.5, 62.4)
TOLERANCE = 0.006  # degrees (≈ 300–600 m): invisible at the map's scale, keeps the file and figure small
MIN_AREA = 0.0004  # square degrees (≈ 2 km²): smaller islets and ponds are noise at this scale
LAKE_MIN_AREA = 0.0025  # ≈ 15 km²: Mjøsa, Tyrifjorden, Randsfjorden, Øyeren stay; the confetti of ponds goes
DIGITS = 3
FYLKER_URL = ("https://raw.githubusercontent.com/robhop/fylker-og-kommuner/4304b411cd2e97927b315a5ec2b552acaec4e3a6/"
              "2024/source/Basisdata_0000_Norge_25833_Fylker_GeoJSON.zip")
FYLKER_SHA256 = "da3b46091a44e918748f7368118dc18ba31cb65d3746b4bee55ac26e14327692"
# A fylke border ends where Natural Earth's coarser coast begins: a little slack over the water
# keeps it from stopping short of the drawn shore (the land is drawn over the sea, not the border).
COAST_SLACK = 0.004  # degrees


def npm_pack(spec: str, into: pathlib.Path) -> pathlib.Path:
    out = subprocess.run(["npm", "pack", spec, "--silent"], cwd=into, check=True, capture_output=True, text=True)
    tgz = into / out.stdout.strip().splitlines()[-1]
    with tarfile.open(tgz) as tar:
        tar.extractall(into / spec.replace("/", "_"), filter="data")
    return into / spec.replace("/", "_") / "package"


def topo_polygons(topology: dict, geometry: dict) -> MultiPolygon:
    """Decode one TopoJSON (multi)polygon: delta-encoded, quantised arcs (TopoJSON spec §2.2)."""
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]

    def arc(i: int) -> list[tuple[float, float]]:
        x = y = 0
        points = []
        for dx, dy in topology["arcs"][i if i >= 0 else ~i]:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        return points if i >= 0 else points[::-1]

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for i in indexes:
            part = arc(i)
            points.extend(part[1:] if points else part)
        return points

    polys = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    return MultiPolygon([Polygon(ring(p[0]), [ring(h) for h in p[1:]]) for p in polys])


def rings(geom, min_area: float = MIN_AREA) -> list[list[list[float]]]:
    """Exterior rings of a clipped, simplified (multi)polygon, rounded, largest first."""
    parts = [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, Polygon) and g.area >= min_area]
    parts.sort(key=lambda g: -g.area)
    return [[[round(x, DIGITS), round(y, DIGITS)] for x, y in g.exterior.coords] for g in parts]


def lines(geom) -> list[list[list[float]]]:
    parts = getattr(geom, "geoms", [geom])
    return [[[round(x, DIGITS), round(y, DIGITS)] for x, y in g.coords] for g in parts if g.length > 0]


def fylke_zip(work: pathlib.Path, local: pathlib.Path | None) -> bytes:
    """Kartverket's fylker, from ``local`` or the pinned mirror; refused unless its sha256 matches."""
    if local is None:
        with urllib.request.urlopen(FYLKER_URL, timeout=120) as response:
            data = response.read()
    else:
        data = local.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != FYLKER_SHA256:
        sys.exit(f"{local or FYLKER_URL}: sha256 {digest}, expected {FYLKER_SHA256}")
    return data


def fylke_borders(data: bytes, frame, land):
    """The borders between fylker in lon/lat, inside the frame, over land (slightly widened)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        name = next(n for n in z.namelist() if n.endswith(".geojson"))
        layers = json.loads(z.read(name))
    assert layers["Grense"]["crs"]["properties"]["name"] == "EPSG:25833", layers["Grense"]["crs"]
    to_lonlat = Transformer.from_crs("EPSG:25833", "EPSG:4326", always_xy=True).transform
    parts = [LineString(f["geometry"]["coordinates"]) for f in layers["Grense"]["features"]
             if f["properties"]["avgrensningstype"] == "Fylkesgrense" and f["geometry"]["type"] == "LineString"]
    lines = shapely.transform(MultiLineString(parts), lambda xy: np.column_stack(to_lonlat(xy[:, 0], xy[:, 1])))
    return linemerge(lines.intersection(frame).intersection(land.buffer(COAST_SLACK))).simplify(TOLERANCE)


def build(work: pathlib.Path, fylker: pathlib.Path | None = None) -> dict:
    frame = box(*BBOX)
    countries_dir = npm_pack(PACKAGES["countries"], work)
    topology = json.loads((countries_dir / "countries-10m.json").read_text())
    by_name = {g["properties"]["name"]: g for g in topology["objects"]["countries"]["geometries"]}
    norway, sweden = (topo_polygons(topology, by_name[n]).buffer(0).intersection(frame) for n in ("Norway", "Sweden"))
    land = unary_union([norway, sweden]).simplify(TOLERANCE)
    border = norway.boundary.intersection(sweden.boundary).difference(frame.exterior)
    border = linemerge(border).simplify(TOLERANCE)

    lakes_dir = npm_pack(PACKAGES["lakes"], work)
    world = json.loads((lakes_dir / "map.geo.json").read_text())["geometries"][0]["coordinates"]
    # Only the lakes that touch the frame: validating the whole world's lakes takes minutes.
    near = [Polygon(p[0], p[1:]) for p in world if Polygon(p[0]).intersects(frame)]
    lakes = unary_union([p.buffer(0) for p in near]).intersection(frame).simplify(TOLERANCE / 2)
    fylke_lines = fylke_borders(fylke_zip(work, fylker), frame, unary_union([norway, sweden]))
    return {
        "about": "Generated by data/geo/make_geo.py; see data/geo/README.md for sources and licences.",
        "bbox": list(BBOX),
        "land": rings(land),
        "lakes": rings(lakes, LAKE_MIN_AREA),
        "borders": lines(border),
        "fylke_borders": lines(fylke_lines),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fylker", type=pathlib.Path, help="local copy of Kartverket's fylker zip (sha256 checked)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = build(pathlib.Path(tmp), args.fylker)
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    n = sum(len(r) for key in ("land", "lakes", "borders", "fylke_borders") for r in data[key])
    print(f"{OUT}: {len(data['land'])} land, {len(data['lakes'])} lakes, {len(data['borders'])} border lines, "
          f"{len(data['fylke_borders'])} fylke border lines, "
          f"{n} points, {OUT.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
