"""Dashboard queries against real warehouses built by the ETL."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard import db, queries


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


# --- the materialised tables (issue #12: every page fast at two million statements) ---------


def test_materialised_tables_hold_what_the_views_hold(fixture_db):
    """mart_statements is v_statements row for row; the per-theme, per-unit, per-meeting and
    per-region tables count what the views count."""
    import duckdb

    with duckdb.connect(str(fixture_db), read_only=True) as con:
        def q(sql):
            return con.execute(sql).fetchall()

        view_cols = [c for (c,) in q("SELECT column_name FROM information_schema.columns "
                                     "WHERE table_name = 'v_statements' AND column_name <> 'source_text'")]
        cols = ", ".join(view_cols)
        assert q(f"SELECT count(*) FROM (SELECT {cols} FROM v_statements EXCEPT ALL SELECT {cols} FROM mart_statements)") \
            == q(f"SELECT count(*) FROM (SELECT {cols} FROM mart_statements EXCEPT ALL SELECT {cols} FROM v_statements)") \
            == [(0,)]
        # sak_id is set on the stored table after the register is linked (etl/warehouse/fixes.py)
        assert q("SELECT count(sak_id) FROM mart_statements") == q("SELECT count(sak_id) FROM v_statements") != [(0,)]
        n, with_themes = q("SELECT count(*), count(*) FILTER (WHERE len(themes) > 0) FROM v_statements")[0]
        assert n > 500 and with_themes > 100
        assert q("SELECT count(*) FROM v_statement_themes") == q("SELECT sum(len(themes)) FROM v_statements")
        # theme_bits has exactly the taxonomy themes of each statement
        assert q("""SELECT count(*) FROM mart_statements s WHERE theme_bits <> COALESCE((
                     SELECT bit_or(CAST(1 AS UBIGINT) << d.position) FROM dim_themes d
                     WHERE list_contains(s.themes, d.theme_id)), 0)""") == [(0,)]
        assert q("SELECT count(*) FROM mart_statements WHERE region_key IS DISTINCT FROM COALESCE(region, unit_name) "
                 "OR search_text <> lower(text || ' ' || COALESCE(unit_name, '') || ' ' "
                 "|| array_to_string(organisations, ' '))") == [(0,)]
        assert q("SELECT meeting_id, n_statements FROM mart_meeting_counts ORDER BY 1") == \
            q("SELECT meeting_id, count(*) FROM v_statements GROUP BY 1 ORDER BY 1")
        assert q("SELECT sum(n) FROM mart_region_themes") == q(
            "SELECT count(*) FROM v_statement_themes WHERE section = 'round_table' AND unit_name IS NOT NULL")
        assert q("SELECT unit_name, n_statements FROM v_unit_activity ORDER BY 1") == q(
            "SELECT unit_name, count(*) FROM v_statements WHERE section = 'round_table' AND unit_name IS NOT NULL "
            "GROUP BY 1 ORDER BY 1")


def test_theme_filter_is_a_bit_test_and_still_finds_an_unknown_theme(many_v):
    sql, params = queries.theme_filter(many_v, ())
    assert (sql, params) == ("TRUE", {})
    positions = queries.theme_positions(many_v)
    sql, params = queries.theme_filter(many_v, ("forsvar", "energi"))
    assert "theme_bits" in sql and "list_has_any" not in sql
    assert params == {"themes_mask": (1 << positions["forsvar"]) | (1 << positions["energi"])}
    sql, params = queries.theme_filter(many_v, ("forsvar", "ikke-et-tema"))
    assert params["themes_other"] == ["ikke-et-tema"] and "list_has_any" in sql
    # the bit test keeps exactly the statements that carry one of the themes
    rows, total = queries.filtered_statements(many_v, queries.StatementFilter(themes=("forsvar", "energi")), limit=5000)
    assert total == len(rows) > 0
    assert all({"forsvar", "energi"} & set(t) for t in rows["themes"])
    everything, n_all = queries.filtered_statements(many_v, queries.StatementFilter(), limit=1)
    assert len(everything) == 1 and n_all == queries.summary(many_v)["n_statements"]


def test_statement_lists_are_newest_first_and_count_every_match(many_v):
    rows, total = queries.filtered_statements(many_v, queries.StatementFilter(), limit=30)
    assert len(rows) == 30 and total > 30
    dates = list(rows["meeting_date"])
    assert dates == sorted(dates, reverse=True)
    none, zero = queries.search(many_v, ("ordetfinnesikke",))
    assert zero == 0 and none.empty and "statement_id" in none.columns


def test_chart_sources_name_at_most_fifty_files_and_count_the_rest():
    assert queries.sources_label(["a.txt", "b.txt"], 2) == "a.txt; b.txt"
    label = queries.sources_label([f"r{i:03}.txt" for i in range(50)], 7321)
    assert label.startswith("r000.txt; r001.txt") and label.endswith("r049.txt … og 7 271 til")


def test_theme_trend_sources_list_every_file_of_a_bar(many_v, fixture_db):
    import duckdb

    trend = queries.theme_trend(many_v, queries.StatementFilter(themes=("forsvar",)), "year")
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        want = con.execute(
            "SELECT CAST(date_trunc('year', meeting_date) AS DATE), count(*), "
            "string_agg(DISTINCT source_file, '; ' ORDER BY source_file) FROM v_statement_themes "
            "WHERE theme_id = 'forsvar' AND meeting_date IS NOT NULL GROUP BY 1 ORDER BY 1").fetchall()
    got = [(pd.Timestamp(d).date(), n, s) for d, n, s in zip(trend["meeting_date"], trend["n"], trend["sources"])]
    assert got == want
