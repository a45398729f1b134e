"""Tema's trends by region (issue #11, point 2): exact counts on the fixture warehouse, the
period-against-previous numbers, the rolling mean, and the grain control changing the chart."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from dashboard import queries
from dashboard.trend_charts import bucket_label, region_trend
from tests.test_app_pages import run_app

FORSVAR = queries.StatementFilter(("forsvar",))


@pytest.fixture
def version(monkeypatch, fixture_db):
    from dashboard import db

    monkeypatch.setenv("NAERINGSPULS_DB", str(fixture_db))
    return db.db_version()


def test_per_region_sums_kommuner_and_keeps_the_regions_own_statements_apart(version):
    everything = queries.group_trend(version, queries.StatementFilter(), "year", "region")
    totals = everything.groupby("group")["n"].sum().to_dict()
    assert totals["Vestregionen"] == 135  # its kommuner
    assert totals["Hadeland"] == 87 and totals["Hadeland (region)"] == 4
    assert totals["Mosseregionen"] == 11 and totals["Mosseregionen (region)"] == 35
    assert totals["Oslo"] == 44  # a kommune without a sub-region is its own
    assert sum(totals.values()) == 777  # every statement of the warehouse, once
    per_kommune = queries.group_trend(version, queries.StatementFilter((), ("Follo",)), "year", "kommune")
    assert per_kommune[["group", "n"]].to_dict("records") == [
        {"group": "Nordre Follo", "n": 20}, {"group": "Nordre Follo", "n": 9}, {"group": "Nordre Follo", "n": 14}]
    assert [p.year for p in per_kommune["period"]] == [2024, 2025, 2026]


def test_grain_buckets_the_same_statements(version):
    for grain, rows in (("day", 79), ("quarter", 52), ("year", 28)):
        df = queries.group_trend(version, FORSVAR, grain, "region")
        assert (len(df), int(df["n"].sum())) == (rows, 100), grain
    years = queries.group_trend(version, FORSVAR, "year", "region")
    assert years.groupby("period")["n"].sum().tolist() == [38, 38, 24]


def test_period_against_previous_for_the_top_three(version):
    change = queries.period_vs_previous(queries.group_trend(version, FORSVAR, "year", "region"))
    assert change[["group", "latest", "previous", "delta"]].to_dict("records") == [
        {"group": "Vestregionen", "latest": 5, "previous": 8, "delta": -3},
        {"group": "Hadeland", "latest": 0, "previous": 6, "delta": -6},
        {"group": "Uten enhet", "latest": 7, "previous": 2, "delta": 5},
    ]
    assert pd.Timestamp(change["latest_period"].iloc[0]).year == 2026


def test_rolling_mean_of_three_periods():
    df = pd.DataFrame({"period": [dt.date(2024, 1, 1), dt.date(2025, 1, 1), dt.date(2026, 1, 1), dt.date(2026, 1, 1)],
                       "group": ["A", "A", "A", "B"], "region": ["A", "A", "A", "B"], "n": [3, 6, 2, 7]})
    roll = queries.rolling_total(df)
    assert roll["n"].tolist() == [3, 6, 9]
    assert roll["mean"].isna().tolist() == [True, True, False] and roll["mean"].iloc[2] == 6.0


def test_meetings_days_apart_get_their_own_bars_and_names_are_escaped():
    df = pd.DataFrame({"period": [dt.date(2026, 1, 14), dt.date(2026, 1, 15)], "group": ["<b>Follo</b> (region)", "Asker"],
                       "region": ["<b>Follo</b>", "Vestregionen"], "n": [2, 3]})
    fig = region_trend(df, "day")
    assert fig.layout.xaxis.type == "category"
    assert list(fig.layout.xaxis.categoryarray) == ["14.01.2026", "15.01.2026"]
    names = [t.name for t in fig.data]
    assert "&lt;b&gt;Follo&lt;/b&gt; (region)" in names and "<b>Follo</b> (region)" not in names
    hatched = next(t for t in fig.data if t.name.endswith("(region)"))
    assert hatched.marker.pattern.shape == "/"
    assert bucket_label(dt.date(2025, 11, 1), "quarter") == "K4 2025" and bucket_label(dt.date(2025, 1, 1), "year") == "2025"


def test_grain_control_changes_the_chart(monkeypatch, fixture_db):
    at = run_app(monkeypatch, fixture_db, "tema", {"tema": "forsvar"})
    chart = next(i for i, c in enumerate(at.get("plotly_chart"))
                 if json.loads(c.proto.spec)["layout"].get("xaxis", {}).get("type") == "category")

    def categories():
        return json.loads(at.get("plotly_chart")[chart].proto.spec)["layout"]["xaxis"]["categoryarray"]

    assert at.radio(key="tema.grain").value == "day" and len(set(categories())) == 31  # meetings with forsvar
    at.radio(key="tema.grain").set_value("year").run()
    assert not at.exception
    assert categories() == ["2024", "2025", "2026"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Vestregionen"] == "5" and metrics["Uten enhet"] == "7"
    at.radio(key="tema.fordeling").set_value("kommune").run()
    assert not at.exception and "Utsagn per kommune per år" in [h.value for h in at.subheader]


# --- Clicks on one chart narrow the others (issue #11, point 2) -------------------------------------------------


def _count(db_path, where: str) -> int:
    """The oracle: statements counted straight from the warehouse, apart from the dashboard's SQL."""
    import duckdb

    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM mart_statements WHERE list_contains(themes, 'forsvar') AND {where}"
                           ).fetchone()[0]


def test_a_narrowing_counts_exactly_what_was_clicked(version, fixture_db):
    asker = queries.Narrowing("year", "region", units=("Asker",))
    trend = queries.theme_trend(version, FORSVAR, "year", asker)
    per_year = {y: _count(fixture_db, f"unit_name = 'Asker' AND year(meeting_date) = {y}") for y in (2024, 2025, 2026)}
    assert {d.year: n for d, n in zip(trend["meeting_date"], trend["n"])} == per_year and all(per_year.values())
    n_asker = _count(fixture_db, "unit_name = 'Asker'")
    assert queries.filtered_statements(version, FORSVAR, grain="year", narrow=asker)[1] == n_asker == sum(per_year.values())
    assert queries.group_trend(version, FORSVAR, "year", "region", asker)["group"].unique().tolist() == ["Vestregionen"]
    # A region's own statements and its kommuner are two groups: a click on one never brings the other.
    own = queries.Narrowing("year", "region", groups=("Mosseregionen (region)",))
    kommuner = queries.Narrowing("year", "region", groups=("Mosseregionen",))
    assert queries.theme_by_unit(version, FORSVAR, narrow=own)[["unit_name", "n"]].values.tolist() == [
        ["Mosseregionen", _count(fixture_db, "unit_name = 'Mosseregionen'")]]
    assert queries.theme_by_unit(version, FORSVAR, narrow=kommuner)[["unit_name", "n"]].values.tolist() == [
        ["Moss", _count(fixture_db, "unit_name = 'Moss'")]]
    # Two meetings a day apart, picked per meeting: each meeting's statements, once.
    days = queries.Narrowing("day", "region", dates=(dt.date(2026, 1, 14), dt.date(2026, 1, 15)))
    both = _count(fixture_db, "meeting_date IN (DATE '2026-01-14', DATE '2026-01-15')")
    assert queries.filtered_statements(version, FORSVAR, narrow=days)[1] == both > 0


def test_a_chart_is_narrowed_by_the_others_clicks_never_by_its_own():
    from dashboard.components.selection import Selection, combined, from_url, to_url

    parts = {"trend": Selection(dates=[dt.date(2025, 1, 1)], themes=["forsvar"]), "enhet": Selection(units=["Asker"]),
             "region": Selection(dates=[dt.date(2025, 1, 1), dt.date(2026, 1, 1)], groups=["Vestregionen"])}
    assert combined(parts, "year", "region", skip="trend") == queries.Narrowing(
        "year", "region", (dt.date(2025, 1, 1), dt.date(2026, 1, 1)), (), ("Asker",), ("Vestregionen",))
    assert combined(parts, "year", "region", skip="enhet") == queries.Narrowing(
        "year", "region", (dt.date(2025, 1, 1),), ("forsvar",), (), ("Vestregionen",))  # periods of both: only 2025
    assert combined({"trend": Selection()}, "year", "region") is queries.NO_NARROWING
    url = to_url(parts)
    assert url == ("periode:2025-01-01;tema:forsvar;enhet:Asker;gruppe:Vestregionen;"
                   "gruppeperiode:2025-01-01;gruppeperiode:2026-01-01")
    back, unknown = from_url(url + ";uke:3;periode:i går")
    assert back == parts and unknown == ["uke:3", "periode:i går"]


def _chart(at, title_words: str) -> dict:
    """The figure whose trace names or axis title hold ``title_words`` (charts have no titles on screen)."""
    for c in at.get("plotly_chart"):
        fig = json.loads(c.proto.spec)
        if title_words in json.dumps(fig["layout"].get("xaxis", {}).get("title", {})) + " ".join(
                t.get("name") or "" for t in fig["data"]):
            return fig
    raise AssertionError(title_words)


def _values(y) -> list:
    """A trace's values from the spec Streamlit sends: a list, or plotly's typed array {dtype, bdata}."""
    if isinstance(y, dict):
        import base64

        import numpy as np

        return np.frombuffer(base64.b64decode(y["bdata"]), dtype=y["dtype"]).tolist()
    return list(y)


def _total(fig: dict) -> int:
    return int(sum(sum(_values(t["y"])) for t in fig["data"] if t["type"] == "bar"))


def _param(at, name: str) -> str:
    value = at.query_params[name]
    return value if isinstance(value, str) else value[0]


def test_a_selection_in_the_url_narrows_the_other_charts_and_fjern_utvalg_clears_it(monkeypatch, fixture_db, version):
    n_asker, n_all = _count(fixture_db, "unit_name = 'Asker'"), _count(fixture_db, "TRUE")
    n_units = len(queries.theme_by_unit(version, FORSVAR))
    at = run_app(monkeypatch, fixture_db, "tema", {"tema": "forsvar", "inndeling": "år", "utvalg": "enhet:Asker"})
    assert at.radio(key="tema.grain").value == "year"
    trend = _chart(at, "Periode")  # the trend per theme: narrowed to Asker
    assert trend["layout"]["xaxis"]["categoryarray"] == ["2024", "2025", "2026"] and _total(trend) == n_asker
    units = _chart(at, "Antall utsagn")
    assert len(units["data"][0]["customdata"]) == n_units > 10, "the chart that was clicked keeps every bar"
    assert [t["name"] for t in _chart(at, "Snitt siste")["data"] if t["type"] == "bar"] == ["Vestregionen"]
    assert "Utvalg fra diagrammet: Asker." in " ".join(c.value for c in at.caption)
    assert f"{n_asker} utsagn." in [c.value for c in at.caption]
    at.button(key="tema.fjern").click().run()
    assert not at.exception
    assert "utvalg" not in at.query_params and _param(at, "inndeling") == "år"
    assert _total(_chart(at, "Periode")) == n_all and f"{n_all} utsagn." in [c.value for c in at.caption]
    assert not [b for b in at.button if b.key == "tema.fjern"]


def test_the_grain_is_in_the_url_and_an_unknown_one_is_named(monkeypatch, fixture_db):
    at = run_app(monkeypatch, fixture_db, "tema", {"tema": "forsvar"})
    assert at.radio(key="tema.grain").value == "day" and "inndeling" not in at.query_params  # the default
    at.radio(key="tema.grain").set_value("quarter").run()
    assert _param(at, "inndeling") == "kvartal"
    at.radio(key="tema.fordeling").set_value("kommune").run()
    assert _param(at, "fordeling") == "kommune"
    odd = run_app(monkeypatch, fixture_db, "tema", {"tema": "forsvar", "inndeling": "uke", "utvalg": "enhet:Asker;x:1"})
    warnings = [w.value for w in odd.warning]
    assert "Ukjent inndeling i lenken: «uke». Filteret er ikke brukt." in warnings
    assert "Ukjent utvalg i lenken: «x\\:1». Filteret er ikke brukt." in warnings  # escaped Markdown
    assert odd.radio(key="tema.grain").value == "day"


def test_exported_trends_keep_meetings_days_apart_as_two_categories():
    """What PNG, PDF and the pack render is the decorated figure: still one category per meeting, in time order."""
    from exports_helpers import MADE, context

    from dashboard import charts
    from dashboard.exports.decorate import decorate

    df = pd.DataFrame({"meeting_date": [dt.date(2026, 3, 4), dt.date(2026, 3, 7)], "theme_id": ["forsvar"] * 2,
                       "theme_label": ["Forsvar"] * 2, "n": [2, 3]})
    by_group = pd.DataFrame({"period": [dt.date(2026, 3, 4), dt.date(2026, 3, 7)], "group": ["Follo", "Follo"],
                             "region": ["Follo", "Follo"], "n": [2, 3]})
    timeline = pd.DataFrame({"meeting_date": [dt.date(2026, 3, 4), dt.date(2026, 3, 7)], "n_statements": [2, 3]})
    for fig in (charts.theme_trend(df), region_trend(by_group, "day"), charts.meetings_timeline(timeline)):
        exported = json.loads(decorate(fig, context(), made=MADE).to_json())
        assert exported["layout"]["xaxis"]["type"] == "category"
        assert exported["layout"]["xaxis"]["categoryarray"] == ["04.03.2026", "07.03.2026"]
        assert exported["data"][0]["x"] == ["04.03.2026", "07.03.2026"]
