"""The offline map: the vendored base map under the points, labels that avoid each other, the inset."""

from __future__ import annotations

import json
import time

import pandas as pd
import pytest

from dashboard import charts, db, geo, queries
from dashboard import map as unit_map_module

BASE_LAYERS = ["Hav", "Land", "Innsjøer", "Fylkesgrenser", "Riksgrense"]
NORD_FRON = {"unit_name": "Nord-Fron", "unit_kind": "kommune", "lat": 61.60, "lon": 9.65}


def inside(ring: list[list[float]], lon: float, lat: float) -> bool:
    """Ray casting: is (lon, lat) inside the closed ring?"""
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


@pytest.fixture(scope="module")
def vendored() -> dict:
    return json.loads(geo.GEO_PATH.read_text(encoding="utf-8"))


def test_vendored_base_map_has_the_fjord_the_lakes_and_the_border(vendored):
    assert vendored["bbox"] == [5.0, 57.8, 15.5, 62.4]
    on_land = lambda lon, lat: any(inside(r, lon, lat) for r in vendored["land"])  # noqa: E731
    in_lake = lambda lon, lat: any(inside(r, lon, lat) for r in vendored["lakes"])  # noqa: E731
    assert on_land(10.75, 59.93) and on_land(11.07, 60.79), "Oslo and Hamar are on land"
    assert not on_land(10.56, 59.45) and on_land(10.62, 59.45), "the Oslofjord west of Jeløya is sea, Jeløya land"
    assert not on_land(9.0, 58.2), "Skagerrak is sea"
    assert in_lake(11.13, 60.62), "Mjøsa off Stange"
    assert in_lake(11.22, 59.80), "Øyeren"
    assert in_lake(10.20, 60.05), "Tyrifjorden"
    assert not in_lake(10.75, 59.93)
    border = [p for line in vendored["borders"] for p in line]
    assert len(border) > 20 and all(11.0 < lon < 13.0 for lon, lat in border if 59.0 < lat < 60.0), (
        "the Swedish border runs east of Østfold")
    assert geo.GEO_PATH.stat().st_size < 150_000, "small enough to vendor"


def crossings(lines: list[list[list[float]]], *, lat: float | None = None, lon: float | None = None) -> list[float]:
    """Where the lines cross the parallel ``lat`` (their longitudes) or the meridian ``lon`` (latitudes)."""
    out = []
    for line in lines:
        for (x1, y1), (x2, y2) in zip(line, line[1:]):
            if lat is not None and (y1 - lat) * (y2 - lat) < 0:
                out.append(x1 + (lat - y1) * (x2 - x1) / (y2 - y1))
            if lon is not None and (x1 - lon) * (x2 - lon) < 0:
                out.append(y1 + (lon - x1) * (y2 - y1) / (x2 - x1))
    return sorted(out)


def test_vendored_fylke_borders_run_where_kartverket_draws_them(vendored):
    fylker = vendored["fylke_borders"]
    assert len(fylker) > 10
    w, s, e, n = vendored["bbox"]
    assert all(w <= lon <= e and s <= lat <= n for line in fylker for lon, lat in line), "clipped to the frame"
    # Akershus–Buskerud between Asker and Lier, crossing 59.80° N at about 10.34° E.
    assert [x for x in crossings(fylker, lat=59.80) if 10.0 < x < 10.6] == [pytest.approx(10.343, abs=0.02)]
    # Akershus–Østfold south of Enebakk and Ås, crossing 11.0° E at about 59.70° N (and Akershus–Innlandet
    # north of Eidsvoll at about 60.50° N).
    assert crossings(fylker, lon=11.0) == [pytest.approx(59.70, abs=0.02), pytest.approx(60.50, abs=0.02)]
    # Over land only: no line down the Oslofjord between Horten and Moss (the Vestfold–Østfold border is at sea).
    assert not [x for x in crossings(fylker, lat=59.43) if 10.40 < x < 10.75]
    # Each shared border once: no segment drawn twice (once per fylke).
    segments = [frozenset(map(tuple, seg)) for line in fylker for seg in zip(line, line[1:])]
    assert len(segments) == len(set(segments))
    # Neither the coastline nor the national border again: no point of a fylke line on the Swedish border.
    national = {tuple(p) for line in vendored["borders"] for p in line}
    assert sum(tuple(p) in national for line in fylker for p in line) <= 2, "a border may only meet Sweden's"


def test_base_map_is_loaded_once_and_thinned_rings_stay_closed():
    assert geo.base_map() is geo.base_map(), "cached per process: a rerun pays nothing"
    full, thin = geo.base_map(), geo.base_map(step=3)
    assert 0 < len(thin.land.x) < len(full.land.x)
    # The frame's corners survive thinning: a dropped corner cuts a diagonal through the land.
    w, s, e, n = full.bbox
    points = list(zip(thin.land.x.tolist(), thin.land.y.tolist()))
    for corner in ((e, n), (e, s)):  # inland Sweden: land up to the frame's eastern corners
        assert any(abs(x - corner[0]) < 1e-4 and abs(y - corner[1]) < 1e-4 for x, y in points), corner
    t = time.perf_counter()
    geo.base_map()
    assert time.perf_counter() - t < 0.01


def _gazetteer_like() -> pd.DataFrame:
    return pd.DataFrame({
        "unit_name": ["Asker", "Hamarregionen", "Hurdal", "Oslo", NORD_FRON["unit_name"]],
        "unit_kind": ["kommune", "region", "kommune", "kommune", "kommune"],
        "lat": [59.78, 60.79, 60.43, 59.93, NORD_FRON["lat"]],
        "lon": [10.42, 11.07, 11.07, 10.75, NORD_FRON["lon"]],
        "n_statements": [5, 4, 0, 9, 2],
    })


def test_base_map_is_drawn_under_the_units_without_hover():
    fig = charts.unit_map(_gazetteer_like())
    names = [t.name for t in fig.data]
    assert names[:5] == BASE_LAYERS, "water, land, lakes, borders first: under the points"
    for t in fig.data[:5]:
        assert t.hoverinfo == "skip" and t.showlegend is False and t.customdata is None, "not clickable"
    assert fig.data[1].fill == "toself" and len(fig.data[1].x) > 1000
    fylker = fig.data[3]
    assert fylker.fill is None and fylker.line.color == unit_map_module.FYLKE_BORDER and len(fylker.x) > 300
    assert fylker.line.width < fig.data[4].line.width, "fylke borders thinner than the national border"
    assert {t.type for t in fig.data} == {"scatter"}, "no scattergeo/scattermap: no CDN, no tiles"


def test_lone_far_member_goes_into_the_inset_not_into_the_frame():
    fig = charts.unit_map(_gazetteer_like())
    main_units = [t for t in fig.data if t.customdata is not None and t.xaxis in (None, "x")]
    inset_units = [t for t in fig.data if t.customdata is not None and t.xaxis == "x2"]
    assert [t.customdata[0][0] for t in inset_units] == ["Nord-Fron"]
    assert inset_units[0].text == ("Nord-Fron",), "named in the inset"
    assert all("Nord-Fron" not in [c[0] for c in t.customdata] for t in main_units)
    y0, y1 = fig.layout.yaxis.range
    assert y1 < 61.0, "the frame is not stretched to 61.6° N"
    assert y0 == pytest.approx(59.78 - unit_map_module.PAD)
    assert fig.layout.xaxis.domain[0] > fig.layout.xaxis2.domain[1], "inset and map side by side, not overlapping"
    assert fig.layout.yaxis2.scaleanchor == "x2" and fig.layout.yaxis.scaleanchor == "x"
    frame = next(t for t in fig.data if t.name == "Kartutsnitt")
    assert min(frame.y) == pytest.approx(y0) and max(frame.y) == pytest.approx(y1), "the inset shows the main frame"


def test_no_inset_without_a_far_member():
    fig = charts.unit_map(_gazetteer_like().iloc[:4])
    assert "xaxis2" not in fig.to_plotly_json()["layout"]
    assert not any(t.xaxis == "x2" for t in fig.data)
    assert unit_map_module.far_units(_gazetteer_like()).tolist() == [False, False, False, False, True]


def test_distance_km():
    # Oslo–Hamar is about 97 km as the crow flies.
    assert unit_map_module.distance_km(59.93, 10.75, 60.79, 11.07) == pytest.approx(97, abs=3)


def test_unit_names_stay_escaped_in_labels_hovers_and_customdata():
    df = _gazetteer_like()
    df.loc[0, "unit_name"] = "<b>Asker</b> & co kommune"
    fig = charts.unit_map(df)
    kommune = next(t for t in fig.data if t.name == "Kommune" and t.xaxis in (None, "x"))
    assert "&lt;b&gt;Asker&lt;/b&gt; &amp; co" in kommune.text, "label escaped, ' kommune' dropped"
    assert "&lt;b&gt;Asker&lt;/b&gt; &amp; co kommune" in [c[0] for c in kommune.customdata]
    assert "<b>" not in json.dumps([list(t.text or []) for t in fig.data if t.text is not None])


def test_measure_sizes_the_points():
    df = _gazetteer_like().iloc[:4].assign(n=[1, 0, 0, 8])
    fig = charts.unit_map(df, measure="n", measure_label="utsagn om forsvar")
    kommune = next(t for t in fig.data if t.name == "Kommune")
    sizes = dict(zip((c[0] for c in kommune.customdata), kommune.marker.size))
    assert sizes["Oslo"] == 40 and sizes["Asker"] == pytest.approx(8 + 32 * (1 / 8) ** 0.5)
    assert "utsagn om forsvar" in kommune.hovertemplate
    assert next(t for t in fig.data if t.name == "Ingen utsagn om forsvar").customdata[0][0] == "Hamarregionen"


def test_every_large_marker_is_named_beyond_the_most_active():
    n = unit_map_module.MAX_LABELS + 5
    df = pd.DataFrame({"unit_name": [f"K{i}" for i in range(n)], "unit_kind": ["kommune"] * n,
                       "lat": [59.0 + i / 10 for i in range(n)], "lon": [10.7] * n,
                       "n_statements": [100] * (n - 1) + [1]})
    kommune = next(t for t in charts.unit_map(df).data if t.name == "Kommune")
    named = [t for t in kommune.text if t]
    assert len(named) == n - 1 > unit_map_module.MAX_LABELS, "all 14 equally large points are named"
    assert "K14" not in named


def _label_boxes(fig) -> list[tuple[str, tuple[float, ...]]]:
    """Every named unit's label box and every marker's box, in the map's nominal pixels."""
    x0, x1 = fig.layout.xaxis.range
    y0, y1 = fig.layout.yaxis.range
    ratio = fig.layout.yaxis.scaleratio
    labels, markers = [], []
    for t in fig.data:
        if t.customdata is None or t.xaxis == "x2":
            continue
        sizes = t.marker.size if isinstance(t.marker.size, tuple) else [t.marker.size] * len(t.x)
        texts = t.text if t.mode == "markers+text" else [""] * len(t.x)
        positions = t.textposition if isinstance(t.textposition, tuple) else [t.textposition] * len(t.x)
        points = list(zip(t.x, t.y, sizes, texts))
        for (x, y, r), (_, _, _, text), pos in zip(
                unit_map_module.to_pixels(points, ratio, (x0, x1, y0, y1)), points, positions):
            markers.append((x - r, y - r, x + r, y + r))
            if text:
                labels.append((text, unit_map_module.label_box(x, y, r, text, pos)))
    return labels, markers


def test_labels_of_the_fixture_archive_do_not_overlap(many_v):
    df = queries.unit_map(many_v)
    fig = charts.unit_map(df)
    labels, markers = _label_boxes(fig)
    active = df[df["n_statements"] > 0].sort_values("n_statements", ascending=False)
    large = active[active["n_statements"] >= active["n_statements"].max() * unit_map_module.LARGE_SHARE]
    expected = set(active["unit_name"].head(unit_map_module.MAX_LABELS)) | set(large["unit_name"])
    assert {name for name, _ in labels} == {n.replace(" kommune", "") for n in expected}, "every large marker is named"
    assert len(labels) > unit_map_module.MAX_LABELS, "the archive has more large markers than the most active ten"
    for i, (a, box_a) in enumerate(labels):
        for b, box_b in labels[i + 1:]:
            assert unit_map_module.overlap_area(box_a, box_b) == 0, f"{a} and {b} overlap"
    positions = {p for t in fig.data if t.mode == "markers+text" for p in t.textposition}
    assert positions <= {name for name, _, _ in unit_map_module.POSITIONS}


def _saker() -> pd.DataFrame:
    return pd.DataFrame({"sak_id": ["s1", "s2"], "kind": ["datasenter", "nedleggelse"], "title": ["DC", "Stans"],
                         "unit_name": ["Asker", "Oslo"], "status": ["vedtatt", None], "n_mentions": [3, 1],
                         "lat": [59.78, 59.93], "lon": [10.42, 10.75]})


def test_saker_map_has_the_base_map_and_frames_the_saker():
    from dashboard import sak_charts

    fig = sak_charts.saker_map(_saker(), _gazetteer_like())
    assert [t.name for t in fig.data[:5]] == BASE_LAYERS
    assert all(t.hoverinfo == "skip" and t.customdata is None for t in fig.data[:5]), "not clickable"
    assert [t.customdata[0][0] for t in fig.data if t.customdata is not None] == ["s1", "s2"]
    x0, x1 = fig.layout.xaxis.range
    y0, y1 = fig.layout.yaxis.range
    # The saker and the near units in view, not the base map's whole frame nor Nord-Fron far north.
    assert y0 == pytest.approx(59.78 - unit_map_module.PAD) and y1 == pytest.approx(60.79 + unit_map_module.PAD)
    assert 10.0 < x0 < 10.42 and 11.07 < x1 < 11.6
    assert fig.layout.yaxis.scaleanchor == "x" and 1.8 < fig.layout.yaxis.scaleratio < 2.2
    assert fig.layout.plot_bgcolor == unit_map_module.WATER


def test_filtered_unit_map_counts_only_the_theme_and_period(many_v):
    all_units = queries.unit_map(many_v)
    forsvar = queries.overview.unit_map_filtered(many_v, ("forsvar",))
    assert sorted(forsvar["unit_name"]) == sorted(all_units["unit_name"]), "every unit stays on the map"
    expected = db.query(many_v, """SELECT unit_name, count(*) AS n FROM mart_statements
        WHERE section = 'round_table' AND list_contains(themes, 'forsvar') GROUP BY unit_name""")
    assert dict(zip(forsvar["unit_name"], forsvar["n_statements"])) == (
        {u: 0 for u in all_units["unit_name"]} | dict(zip(expected["unit_name"], expected["n"])))
    assert 0 < forsvar["n_statements"].sum() < all_units["n_statements"].sum()
    last = queries.summary(many_v)["last_date"]
    latest = queries.overview.unit_map_filtered(many_v, (), last, last)
    n_last = db.query(many_v, "SELECT count(*) AS n FROM mart_statements WHERE section = 'round_table' "
                              "AND unit_name IS NOT NULL AND meeting_date = $d", {"d": last}).iloc[0]["n"]
    assert latest["n_statements"].sum() == n_last > 0
    assert latest["n_meetings"].max() == 1
    assert queries.overview.unit_map_filtered(many_v).equals(all_units), "no filter: the overview's own counts"


def test_oversikt_map_is_sized_by_the_chosen_theme_and_period(monkeypatch, fixture_db):
    from test_app_pages import run_app, spec

    at = run_app(monkeypatch, fixture_db)
    hover = lambda fig: {t["hovertemplate"] for t in fig["data"] if t.get("name") == "Kommune"}  # noqa: E731
    assert hover(spec(at, 0)) == {"%{customdata[0]}<br>%{customdata[1]} utsagn<extra></extra>"}
    at.selectbox(key="oversikt.kart.tema").select("forsvar").run()
    fig = spec(at, 0)
    assert hover(fig) == {"%{customdata[0]}<br>%{customdata[1]} utsagn om forsvar og forsvarsindustri<extra></extra>"}
    v = db.db_version()
    expected = queries.overview.unit_map_filtered(v, ("forsvar",))
    shown = {cd[0]: cd[1] for t in fig["data"] if t.get("name") in ("Kommune", "Region") for cd in t["customdata"]}
    assert shown == {u: str(n) for u, n in zip(expected["unit_name"], expected["n_statements"]) if n > 0}
    assert "utsagn om forsvar og forsvarsindustri" in " ".join(c.value for c in at.caption)
    at.segmented_control(key="oversikt.kart.periode").set_value("Siste møte").run()
    last = queries.summary(v)["last_date"]
    latest = queries.overview.unit_map_filtered(v, ("forsvar",), last, last)
    shown = {cd[0]: cd[1] for t in spec(at, 0)["data"] if t.get("name") in ("Kommune", "Region")
             for cd in t["customdata"]}
    assert shown == {u: str(n) for u, n in zip(latest["unit_name"], latest["n_statements"]) if n > 0}
    assert sum(int(n) for n in shown.values()) < sum(int(n) for n in expected["n_statements"])
