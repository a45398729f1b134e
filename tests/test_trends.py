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
