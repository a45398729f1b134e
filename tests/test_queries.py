"""Dashboard queries against real warehouses built by the ETL."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard import db, queries


@pytest.fixture
def seed_v(monkeypatch, seed_db):
    monkeypatch.setenv("NAERINGSPULS_DB", str(seed_db))
    return db.db_version()


@pytest.fixture
def many_v(monkeypatch, fixture_db):
    monkeypatch.setenv("NAERINGSPULS_DB", str(fixture_db))
    return db.db_version()


def test_summary_and_key_figures(seed_v):
    s = queries.summary(seed_v)
    assert s["n_meetings"] == 1 and s["first_date"] == dt.date(2025, 10, 23)
    assert queries.activity(seed_v) == {"meetings": 1, "units": 10, "statements": 73}
    k = queries.sak_key_figures(seed_v)
    assert (k["closures"], k["closure_jobs"], k["datacenters"], k["establishments"], k["saker"]) == (1, 70, 2, 4, 11)
    assert (k["datacenters_new"], k["latest_meeting"]) == (2, dt.date(2025, 10, 23))  # one meeting: all are new


def test_sak_key_figures_count_each_sak_once(many_v, fixture_db):
    """Jobs of a closure reported at many meetings count once: the key figure equals the sum over saker."""
    import duckdb

    k = queries.sak_key_figures(many_v)
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        per_sak = con.execute("SELECT COALESCE(sum(jobs), 0), count(*) FROM v_saker "
                              "WHERE kind = 'nedleggelse' AND status = 'nedlagt'").fetchone()
        per_mention = con.execute("SELECT sum(m.jobs) FROM v_sak_mentions m JOIN v_saker s USING (sak_id) "
                                  "WHERE s.kind = 'nedleggelse' AND s.status = 'nedlagt'").fetchone()[0]
    assert (k["closure_jobs"], k["closures"]) == per_sak
    assert per_mention > k["closure_jobs"], "the archive repeats closures: summing mentions would count jobs twice"
    narrowed = queries.sak_key_figures(many_v, queries.SakFilter(kinds=("datasenter",)))
    assert narrowed["datacenters"] == k["datacenters"] and narrowed["closures"] == 0


def test_unit_map_covers_gazetteer(seed_v):
    df = queries.unit_map(seed_v)
    assert df["lat"].notna().all() and df["lon"].notna().all()
    assert (df["n_statements"] == 0).any(), "inactive units are kept (drawn grey)"
    assert df.loc[df["unit_name"] == "Asker", "n_statements"].iloc[0] >= 5
    assert not df["unit_name"].duplicated().any()


def test_theme_filter_forsvar(seed_v):
    f = queries.StatementFilter(themes=("forsvar",))
    rows, total = queries.filtered_statements(seed_v, f)
    assert total == len(rows) >= 2
    assert any("Chemring Nobel" in t for t in rows["text"])
    assert not any("Blowtech" in t for t in rows["text"])
    assert all("forsvar" in list(t) for t in rows["themes"])


def test_trend_has_many_dates_and_varying_counts(many_v):
    trend = queries.theme_trend(many_v, queries.StatementFilter(themes=("forsvar",)))
    assert trend["meeting_date"].nunique() > 1
    assert trend["n"].nunique() > 1
    assert set(trend["theme_id"]) == {"forsvar"}


def test_period_and_region_filters(many_v):
    all_rows = queries.theme_by_unit(many_v, queries.StatementFilter())
    since = queries.StatementFilter(fra=dt.date(2025, 1, 1))
    trend = queries.theme_trend(many_v, since)
    assert trend["meeting_date"].min() >= pd.Timestamp(2025, 1, 1)
    region = queries.regions(many_v)[0]
    by_unit = queries.theme_by_unit(many_v, queries.StatementFilter(regions=(region,)))
    assert by_unit["n"].sum() < all_rows["n"].sum()


def test_selection_narrows_list(many_v):
    f = queries.StatementFilter(themes=("forsvar",))
    trend = queries.theme_trend(many_v, f)
    day = pd.Timestamp(trend["meeting_date"].iloc[0]).date()
    rows, total = queries.filtered_statements(many_v, f, dates=(day,))
    assert total == trend.loc[trend["meeting_date"] == pd.Timestamp(day), "n"].sum()
    assert {pd.Timestamp(d).date() for d in rows["meeting_date"]} == {day}


def test_list_limit_and_total(many_v):
    rows, total = queries.filtered_statements(many_v, queries.StatementFilter(), limit=10)
    assert len(rows) == 10 and total > 10


def test_search_words_are_parameters(seed_v):
    rows, total = queries.search(seed_v, ("chemring",))
    assert total == 1 and "Chemring" in rows["text"].iloc[0]
    rows, total = queries.search(seed_v, ("'; DROP TABLE statements; --",))
    assert total == 0
    rows, total = queries.search(seed_v, ("%",))
    assert total == 0, "LIKE wildcards in user input are literal"
    rows, total = queries.search(seed_v, ("forsvar",), units_sel=("Asker",), section="round_table")
    assert total >= 1 and set(rows["unit_name"]) == {"Asker"}


def test_unit_and_region(seed_v):
    info = queries.unit_info(seed_v, "Asker")
    assert info["unit_kind"] == "kommune" and info["region"]
    rows, total = queries.unit_statements(seed_v, "Asker")
    assert total >= 5
    assert queries.unit_info(seed_v, "Finnes ikke") is None


def test_meeting_detail(seed_v):
    m = queries.meetings(seed_v)
    mid = m["meeting_id"].iloc[0]
    assert not queries.meeting_agenda(seed_v, mid).empty
    lines = queries.source_lines(seed_v, m["source_file"].iloc[0])
    assert lines["line_no"].is_monotonic_increasing and len(lines) > 100
    st_ = queries.meeting_statements(seed_v, mid)
    chem = st_[st_["text"].str.contains("Chemring")].iloc[0]
    src = lines[(lines["line_no"] >= chem.line_start) & (lines["line_no"] <= chem.line_end)]
    assert "Chemring" in " ".join(src["text"])


def test_events(seed_v):
    ev = queries.events(seed_v)
    assert "Hadelandskonferansen" in set(ev["title"])
    assert ev["event_date"].notna().sum() >= 5


def test_new_build_is_picked_up(tmp_path, monkeypatch, seed_db):
    """The cache is keyed by the file version: replacing the file changes the version."""
    import os
    import shutil

    db_file = tmp_path / "naering.duckdb"
    shutil.copy(seed_db, db_file)
    monkeypatch.setenv("NAERINGSPULS_DB", str(db_file))
    v1 = db.db_version()
    queries.summary(v1)
    tmp = tmp_path / "new.duckdb"
    shutil.copy(seed_db, tmp)
    os.replace(tmp, db_file)
    v2 = db.db_version()
    assert v1 != v2
    assert queries.summary(v2)["n_meetings"] == 1


def test_new_build_with_other_content_is_read_not_the_old_file(tmp_path, monkeypatch, seed_db, fixture_db):
    """DuckDB reuses an open database instance for the same path: the old connection
    must be closed, or the app keeps reading the replaced file."""
    import os
    import shutil

    db_file = tmp_path / "naering.duckdb"
    shutil.copy(seed_db, db_file)
    monkeypatch.setenv("NAERINGSPULS_DB", str(db_file))
    v1 = db.db_version()
    assert queries.summary(v1)["n_meetings"] == 1
    tmp = tmp_path / ".naering.duckdb.build-1"
    shutil.copy(fixture_db, tmp)
    os.replace(tmp, db_file)
    v2 = db.db_version()
    assert queries.summary(v2)["n_meetings"] > 1
    assert db.query(v2, "SELECT count(*) AS n FROM v_meetings")["n"].iloc[0] > 1
