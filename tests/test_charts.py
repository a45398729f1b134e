"""Figure builders: pure DataFrame → Figure, offline, Norwegian, palette from style.py."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd

from dashboard import charts, map as unit_map_module
from dashboard.style import PALETTE, TEMPLATE_NAME


def _units():
    return pd.DataFrame({
        "unit_name": ["Asker", "Hamarregionen", "Hurdal", "Oslo"],
        "unit_kind": ["kommune", "region", "kommune", "kommune"],
        "lat": [59.78, 60.79, 60.43, 59.93],
        "lon": [10.42, 11.07, 11.07, 10.75],
        "n_statements": [5, 4, 0, 9],
    })


def test_map_is_offline_scatter_with_corrected_aspect():
    fig = charts.unit_map(_units())
    js = json.loads(fig.to_json())
    assert {t["type"] for t in js["data"]} == {"scatter"}  # no scattergeo/scattermap → no CDN, no tiles
    assert "geo" not in js["layout"] and "mapbox" not in js["layout"] and "map" not in js["layout"]
    assert js["layout"]["yaxis"]["scaleanchor"] == "x"
    assert abs(js["layout"]["yaxis"]["scaleratio"] - 1 / 0.5) < 0.15  # ≈ 1/cos(60°)
    idle = next(t for t in js["data"] if t["name"] == "Ingen utsagn")
    assert idle["text"] == ["Hurdal"] and idle["marker"]["color"] == unit_map_module.INACTIVE
    kommune = next(t for t in js["data"] if t["name"] == "Kommune")
    sizes = dict(zip((cd[0] for cd in kommune["customdata"]), kommune["marker"]["size"]))
    assert sizes["Oslo"] > sizes["Asker"] > idle["marker"]["size"]
    assert kommune["marker"]["color"] == PALETTE[0]


def test_map_names_only_the_most_active_units():
    n = unit_map_module.MAX_LABELS + 5
    df = pd.DataFrame({"unit_name": [f"K{i} kommune" for i in range(n)], "unit_kind": ["kommune"] * n,
                       "lat": [59.9 + i / 100 for i in range(n)], "lon": [10.7] * n, "n_statements": range(1, n + 1)})
    kommune = charts.unit_map(df).data[0]
    named = [t for t in kommune.text if t]
    assert len(named) == unit_map_module.MAX_LABELS
    assert f"K{n - 1}" in named and "K0" not in named, "the most active are named, without ' kommune'"
    assert len(kommune.customdata) == n, "every unit keeps its hover text"


def test_aspect_ratio():
    assert abs(unit_map_module.aspect_ratio(60) - 2.0) < 1e-9


def test_theme_trend_customdata_and_norwegian_axis():
    df = pd.DataFrame({
        "meeting_date": [dt.date(2025, 1, 17), dt.date(2025, 2, 16), dt.date(2025, 2, 16)],
        "theme_id": ["forsvar", "forsvar", "datasenter"],
        "theme_label": ["Forsvar", "Forsvar", "Datasentre"],
        "n": [2, 5, 1],
    })
    fig = charts.theme_trend(df)
    assert fig.layout.barmode == "stack"
    assert fig.layout.xaxis.tickformat == "%d.%m.%Y"
    forsvar = next(t for t in fig.data if t.name == "Forsvar")
    assert list(forsvar.customdata[0][:2]) == ["forsvar", "2025-01-17"]
    assert forsvar.customdata[0][2] == "17. januar 2025"
    assert forsvar.marker.color == PALETTE[0]  # biggest theme gets the first palette colour


def test_unit_bars_sorted_with_norwegian_numbers():
    fig = charts.unit_bars(pd.DataFrame({"unit_name": ["A", "B"], "n": [1200, 3]}))
    bar = fig.data[0]
    assert list(bar.y) == ["B", "A"] and list(bar.text) == ["3", "1 200"]
    assert bar.customdata[1][0] == "A"


def test_heatmap_cells_can_be_clicked():
    heat = charts.region_theme_heatmap(pd.DataFrame({
        "region": ["Follo", "Follo", "Hadeland"], "theme_id": ["forsvar", "energi", "forsvar"],
        "theme_label": ["Forsvar", "Energi", "Forsvar"], "n": [3, 1, 2]
    }))
    grid, cells = heat.data
    assert grid.type == "heatmap" and grid.hoverinfo == "skip"
    assert cells.type == "scatter" and cells.marker.opacity == 0 and cells.showlegend is False
    by_cell = {(x, y): cd for x, y, cd in zip(cells.x, cells.y, cells.customdata)}
    assert len(by_cell) == 4, "one marker per cell, empty cells too"
    assert list(by_cell[("Forsvar", "Follo")]) == ["forsvar", "Follo", "3"]
    assert list(by_cell[("Energi", "Hadeland")]) == ["energi", "Hadeland", "0"]


def test_heatmap_and_fact_types():
    heat = charts.region_theme_heatmap(pd.DataFrame({
        "region": ["Follo", "Follo", "Hadeland"], "theme_label": ["Forsvar", "Energi", "Forsvar"], "n": [3, 1, 2]
    }))
    assert heat.data[0].type == "heatmap" and set(heat.data[0].y) == {"Follo", "Hadeland"}
    assert heat.data[0].colorbar.dtick == 1 and heat.data[0].colorbar.tickformat == ",d", "counts: whole ticks"
    facts = charts.fact_type_bars(pd.DataFrame({"fact_type": ["nedleggelse", "etablering"], "n": [1, 4]}))
    assert set(facts.data[0].y) == {"Nedleggelse", "Etablering"}


def test_empty_inputs_give_a_norwegian_message():
    for fig in (charts.theme_trend(pd.DataFrame()), charts.unit_bars(pd.DataFrame()),
                charts.unit_map(pd.DataFrame()), charts.region_theme_heatmap(pd.DataFrame())):
        assert fig.layout.annotations and fig.layout.annotations[0].text.startswith("Ingen")
        assert fig.layout.template.layout.separators == ", ", "Norwegian decimal comma and thousands space"


def test_template_is_the_project_template():
    fig = charts.meetings_timeline(pd.DataFrame({"meeting_date": [dt.date(2025, 1, 1)], "n_statements": [3]}))
    import plotly.io as pio

    assert pio.templates[TEMPLATE_NAME].layout.colorway == tuple(PALETTE)


def test_few_meetings_get_one_tick_each_and_whole_number_counts():
    df = pd.DataFrame(
        {"meeting_date": [dt.date(2025, 10, 23), dt.date(2025, 12, 4)], "theme_id": ["forsvar"] * 2,
         "theme_label": ["Forsvar"] * 2, "n": [3, 1]}
    )  # fmt: skip
    fig = charts.theme_trend(df)
    assert list(fig.layout.xaxis.ticktext) == ["23.10.2025", "04.12.2025"]
    assert fig.data[0].width and fig.data[0].width < 30 * 86_400_000  # not one bar across the plot
    assert fig.layout.yaxis.dtick == 1 and fig.layout.yaxis.tickformat == ",d"


def test_many_meetings_get_visible_bars_even_when_two_are_a_day_apart():
    """Three years of monthly meetings plus one extra the next day: bars about three weeks wide, not hairlines."""
    dates = [dt.date(2024 + m // 12, m % 12 + 1, 15) for m in range(36)] + [dt.date(2024, 1, 16)]
    df = pd.DataFrame({"meeting_date": dates, "theme_id": ["forsvar"] * len(dates),
                       "theme_label": ["Forsvar"] * len(dates), "n": [2] * len(dates)})
    day_ms = 86_400_000
    for fig in (charts.theme_trend(df),
                charts.meetings_timeline(pd.DataFrame({"meeting_date": dates, "n_statements": [5] * len(dates)}))):
        assert 20 * day_ms <= fig.data[0].width <= 25 * day_ms


def test_more_themes_than_colours_share_one_grey_bar():
    themes = [f"t{i}" for i in range(10)]
    df = pd.DataFrame({"meeting_date": [dt.date(2025, 10, 23)] * 10 + [dt.date(2025, 12, 4)] * 10,
                       "theme_id": themes * 2, "theme_label": [t.upper() for t in themes] * 2,
                       "n": list(range(20, 10, -1)) + [1] * 10})
    fig = charts.theme_trend(df)
    names = [t.name for t in fig.data]
    assert names == ["T0", "T1", "T2", "T3", "T4", "T5", "T6", "Andre tema (3)"]
    colours = [t.marker.color for t in fig.data]
    assert len(set(colours)) == len(colours), "no colour is used twice"
    other = fig.data[-1]
    assert list(other.y) == [13 + 12 + 11, 3] and {cd[0] for cd in other.customdata} == {""}
    assert sum(sum(t.y) for t in fig.data) == df["n"].sum(), "nothing is lost"
