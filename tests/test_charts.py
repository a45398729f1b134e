"""Figure builders: pure DataFrame → Figure, offline, Norwegian, palette from style.py."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd

from dashboard import charts, style
from dashboard import map as unit_map_module
from dashboard.style import PALETTE, TEMPLATE_NAME
from etl.extract.themes import theme_labels


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
                       "lat": [59.9 + i / 100 for i in range(n)], "lon": [10.7] * n,
                       "n_statements": [i * i for i in range(1, n + 1)]})  # few large: see test_map for those
    kommune = next(t for t in charts.unit_map(df).data if t.name == "Kommune")  # after the base map's layers
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
    assert fig.layout.xaxis.type == "category" and list(fig.layout.xaxis.categoryarray) == ["17.01.2025", "16.02.2025"]
    forsvar = next(t for t in fig.data if t.name == "Forsvar")
    assert list(forsvar.customdata[0][:2]) == ["forsvar", "2025-01-17"]
    assert forsvar.customdata[0][2] == "17. januar 2025"
    assert forsvar.marker.color == style.THEME_COLORS["forsvar"] == "#009E73", "the theme's own colour, not its rank's"
    datasenter = next(t for t in fig.data if t.name == "Datasentre")
    assert datasenter.marker.color == "#0072B2"


def test_every_theme_of_the_taxonomy_has_its_own_colour():
    ids = list(theme_labels())
    assert len(ids) == 19
    colours = [style.theme_color(t) for t in ids]
    assert colours == [style.THEME_COLORS[t] for t in ids], "no theme of the taxonomy falls back"
    assert len(set(colours)) == len(ids), "no two themes share a colour"
    assert all(c.upper() not in {charts.OTHER_COLOR, "#FFFFFF"} for c in colours)


def test_a_new_theme_gets_a_fixed_colour_and_moves_no_other():
    before = dict(style.THEME_COLORS)
    first = style.theme_color("havbruk")
    assert first == style.theme_color("havbruk") and first in style.THEME_FALLBACK_PALETTE
    assert style.theme_color("ikke_i_taksonomien") in style.THEME_FALLBACK_PALETTE
    assert style.THEME_COLORS == before
    # The same colour in another process: a hash of the id, not Python's salted hash().
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", "from dashboard.style import theme_color; print(theme_color('havbruk'))"],
                         capture_output=True, text=True, check=True, cwd=str(__import__("pathlib").Path(__file__).parents[1]))
    assert out.stdout.strip() == first


def test_a_theme_has_the_same_colour_whatever_else_is_in_the_chart():
    alone = pd.DataFrame({"meeting_date": [dt.date(2025, 1, 17)], "theme_id": ["forsvar"],
                          "theme_label": ["Forsvar"], "n": [1]})
    crowded = pd.DataFrame({"meeting_date": [dt.date(2025, 1, 17)] * 3, "theme_id": ["datasenter", "energi", "forsvar"],
                            "theme_label": ["Datasentre", "Energi", "Forsvar"], "n": [9, 8, 1]})
    colour = {t.name: t.marker.color for t in charts.theme_trend(crowded).data}
    one = charts.theme_trend(alone)
    assert one.data[0].marker.color == colour["Forsvar"] == style.THEME_COLORS["forsvar"]
    assert one.layout.showlegend is True, "one theme is named in a legend too: its colour means it everywhere"
    assert colour["Energi"] == style.THEME_COLORS["energi"] != colour["Datasentre"]


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
    assert list(by_cell[("Forsvar", "Follo")]) == ["forsvar", "Follo", "3", "3 utsagn"]
    assert list(by_cell[("Energi", "Hadeland")]) == ["energi", "Hadeland", "0", "0 utsagn"]


def _heat_df():
    return pd.DataFrame({
        "region": ["Follo", "Follo", "Hadeland"], "theme_id": ["forsvar", "naeringsvennlig", "forsvar"],
        "theme_label": ["Forsvar og forsvarsindustri", "Næringsvennlig kommune", "Forsvar og forsvarsindustri"],
        "n": [3, 1, 2], "region_total": [8, 8, 1000]})


def test_heatmap_labels_are_level_wrapped_and_clear_of_the_toolbar():
    heat = charts.region_theme_heatmap(_heat_df())
    ax = heat.layout.xaxis
    assert ax.side == "top" and ax.tickangle == 0, "theme names above the plot, never rotated"
    assert list(ax.tickvals) == ["Forsvar og forsvarsindustri", "Næringsvennlig kommune"]
    assert list(ax.ticktext) == [
        '<span style="color:#009E73">■</span><br>Forsvar og<br>forsvarsindustri',
        '<span style="color:#EE8866">■</span><br>Næringsvennlig<br>kommune',
    ], "wrapped, each under a square in the theme's colour"
    # Three lines of label plus the toolbar's row fit in the top margin.
    assert heat.layout.margin.t == 3 * charts.HEATMAP_LINE_PX + charts.MODEBAR_PX
    assert heat.data[0].textfont.size >= 14, "numbers large enough to read"
    assert heat.data[0].showscale is False, "the numbers are in the cells"


def test_heatmap_shares_of_the_regions_statements_in_norwegian_percent():
    heat = charts.region_theme_heatmap(_heat_df(), share=True)
    grid, cells = heat.data
    text = {(y, x): grid.text[r][c] for r, y in enumerate(grid.y) for c, x in enumerate(grid.x)}
    assert text[("Follo", "Forsvar og forsvarsindustri")] == "38\u00a0%"  # 3 of 8
    assert text[("Follo", "Næringsvennlig kommune")] == "13\u00a0%"
    assert text[("Hadeland", "Forsvar og forsvarsindustri")] == "<1\u00a0%"  # 2 of 1 000
    assert text[("Hadeland", "Næringsvennlig kommune")] == ""
    by_cell = {(x, y): list(cd) for x, y, cd in zip(cells.x, cells.y, cells.customdata)}
    assert by_cell[("Forsvar og forsvarsindustri", "Follo")] == ["forsvar", "Follo", "3", "38\u00a0% av 8 utsagn (3)"]
    counts = charts.region_theme_heatmap(_heat_df()).data[0]
    assert counts.text[list(counts.y).index("Follo")][0] == "3"


def test_shares_format():
    assert [charts.fmt_share(x) for x in (0, 0.004, 0.005, 0.5, 1)] == ["", "<1\u00a0%", "1\u00a0%", "50\u00a0%",
                                                                          "100\u00a0%"]


def test_heatmap_and_fact_types():
    heat = charts.region_theme_heatmap(pd.DataFrame({
        "region": ["Follo", "Follo", "Hadeland"], "theme_label": ["Forsvar", "Energi", "Forsvar"], "n": [3, 1, 2]
    }))
    assert heat.data[0].type == "heatmap" and set(heat.data[0].y) == {"Follo", "Hadeland"}
    assert [list(r) for r in heat.data[0].z] == [[2, 0], [3, 1]], "least active region first (at the bottom)"
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
    assert list(fig.layout.xaxis.categoryarray) == ["23.10.2025", "04.12.2025"]
    assert list(fig.data[0].x) == ["23.10.2025", "04.12.2025"]
    assert fig.layout.yaxis.dtick == 1 and fig.layout.yaxis.tickformat == ",d"


def test_meetings_days_apart_are_their_own_bars_at_every_grain():
    """Two meetings three days apart: two categories in time order (a date axis drew their bars on top of
    each other); per quarter they are one bucket named "K1 2026", and the click still carries the bucket's date."""
    df = pd.DataFrame({"meeting_date": [dt.date(2026, 1, 15), dt.date(2026, 1, 12), dt.date(2025, 12, 4)],
                       "theme_id": ["forsvar"] * 3, "theme_label": ["Forsvar"] * 3, "n": [1, 2, 4]})
    fig = charts.theme_trend(df)
    assert list(fig.layout.xaxis.categoryarray) == ["04.12.2025", "12.01.2026", "15.01.2026"]
    assert sorted(zip(fig.data[0].x, fig.data[0].y)) == [("04.12.2025", 4), ("12.01.2026", 2), ("15.01.2026", 1)]
    assert fig.data[0].width is None or fig.data[0].width < 1, "category bars: no width in milliseconds to overlap"
    buckets = df.assign(meeting_date=[dt.date(2026, 1, 1), dt.date(2026, 1, 1), dt.date(2025, 10, 1)])
    buckets = buckets.groupby(["meeting_date", "theme_id", "theme_label"], as_index=False)["n"].sum()
    quarter = charts.theme_trend(buckets, grain="quarter")
    assert list(quarter.layout.xaxis.categoryarray) == ["K4 2025", "K1 2026"]
    assert quarter.layout.xaxis.title.text == "Periode"
    assert [list(cd) for cd in quarter.data[0].customdata] == [["forsvar", "2025-10-01", "K4 2025"],
                                                              ["forsvar", "2026-01-01", "K1 2026"]]


def test_a_region_reporting_for_itself_is_named_apart_from_the_kommuner():
    fig = charts.unit_bars(pd.DataFrame({"unit_name": ["Follo", "Nordre Follo"], "unit_kind": ["region", "kommune"],
                                         "n": [3, 5]}))
    assert list(fig.data[0].y) == ["Follo (region)", "Nordre Follo"]
    assert [list(cd) for cd in fig.data[0].customdata] == [["Follo"], ["Nordre Follo"]], "a click gives the unit's name"


def test_many_meetings_get_their_own_bars_even_when_two_are_a_day_apart():
    """Three years of monthly meetings plus one extra the next day (and a second meeting that day): a bar each."""
    dates = [dt.date(2024 + m // 12, m % 12 + 1, 15) for m in range(36)] + [dt.date(2024, 1, 16)]
    df = pd.DataFrame({"meeting_date": dates, "theme_id": ["forsvar"] * len(dates),
                       "theme_label": ["Forsvar"] * len(dates), "n": [2] * len(dates)})
    timeline = charts.meetings_timeline(pd.DataFrame({"meeting_date": dates + [dt.date(2024, 1, 16)],
                                                       "n_statements": [5] * len(dates) + [1]}))
    assert timeline.layout.xaxis.type == "category" and timeline.data[0].width is None
    assert list(timeline.layout.xaxis.categoryarray[:4]) == ["15.01.2024", "16.01.2024", "16.01.2024 (2)", "15.02.2024"]
    assert len(charts.theme_trend(df).layout.xaxis.categoryarray) == 37, "the trend: one category per meeting"


def test_more_themes_than_colours_share_one_grey_bar():
    themes = list(style.THEME_COLORS)[:10]
    df = pd.DataFrame({"meeting_date": [dt.date(2025, 10, 23)] * 10 + [dt.date(2025, 12, 4)] * 10,
                       "theme_id": themes * 2, "theme_label": [t.upper() for t in themes] * 2,
                       "n": list(range(20, 10, -1)) + [1] * 10})
    fig = charts.theme_trend(df)
    names = [t.name for t in fig.data]
    assert names == [t.upper() for t in themes[:7]] + ["Andre tema (3)"]
    colours = [t.marker.color for t in fig.data]
    assert len(set(colours)) == len(colours), "no colour is used twice"
    other = fig.data[-1]
    assert list(other.y) == [13 + 12 + 11, 3] and {cd[0] for cd in other.customdata} == {""}
    assert sum(sum(t.y) for t in fig.data) == df["n"].sum(), "nothing is lost"


def test_heatmap_shares_count_every_round_table_statement_of_the_region(monkeypatch, fixture_db):
    """The base of a share is all the region's statements, not the sum of its theme cells."""
    import duckdb

    from dashboard import db, queries

    monkeypatch.setenv("NAERINGSPULS_DB", str(fixture_db))
    heat = queries.themes_by_region(db.db_version())
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        expected = dict(con.execute(
            "SELECT COALESCE(region, unit_name), count(*) FROM mart_statements "
            "WHERE section = 'round_table' AND unit_name IS NOT NULL GROUP BY 1").fetchall())
    totals = heat.groupby("region")["region_total"].agg(["min", "max"])
    assert (totals["min"] == totals["max"]).all()
    assert {r: int(t) for r, t in totals["max"].items()} == {r: expected[r] for r in totals.index}
    sums = heat.groupby("region")["n"].sum()
    assert (totals["max"] < sums).any() or (totals["max"] > sums).any(), "not the sum of the cells"


def test_an_exported_trend_keeps_the_themes_colours():
    """The figure JSON an export renders (decorated for the slide) draws forsvar as on screen."""
    from exports_helpers import MADE, context

    from dashboard.exports.decorate import decorate

    df = pd.DataFrame({"meeting_date": [dt.date(2025, 1, 17)] * 2, "theme_id": ["datasenter", "forsvar"],
                       "theme_label": ["Datasentre", "Forsvar og forsvarsindustri"], "n": [9, 1]})
    exported = json.loads(decorate(charts.theme_trend(df), context(), made=MADE).to_json())
    colours = {t["name"]: t["marker"]["color"] for t in exported["data"]}
    assert colours == {"Datasentre": "#0072B2", "Forsvar og forsvarsindustri": "#009E73"}


def test_a_few_meetings_are_narrow_bars_many_fill_their_slots():
    one = charts.meetings_timeline(pd.DataFrame({"meeting_date": [dt.date(2025, 10, 23)], "n_statements": [73]}))
    assert one.data[0].width == 0.3
    dates = [dt.date(2025, 1, 1) + dt.timedelta(days=30 * i) for i in range(8)]
    many = charts.meetings_timeline(pd.DataFrame({"meeting_date": dates, "n_statements": [5] * 8}))
    assert many.data[0].width is None
    trend = charts.theme_trend(pd.DataFrame({"meeting_date": [dt.date(2025, 10, 23)], "theme_id": ["datasenter"],
                                             "theme_label": ["Datasentre"], "n": [2]}))  # fmt: skip
    assert [t.width for t in trend.data if t.type == "bar"] == [0.3]
