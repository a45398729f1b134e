"""The server's start-up warm-up (dashboard/warmup.py, started by dashboard/serve.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from dashboard import db, queries, warmup

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fresh_cache():
    """The cache is per process: start and end each test with an empty one."""
    import streamlit as st

    st.cache_data.clear()
    yield
    st.cache_data.clear()


def test_warm_up_fills_oversikts_cache(monkeypatch, seed_db, fresh_cache):
    monkeypatch.setenv("NAERINGSPULS_DB", str(seed_db))
    timings = warmup.warm_up()
    assert set(timings) == {"imports", "oversikt queries", "oversikt figures"}
    assert all(t >= 0 for t in timings.values())

    # Every query Oversikt runs first is now answered from the cache, without the database.
    def no_database(*args, **kwargs):
        raise AssertionError("query ran: the warm-up did not fill the cache")

    monkeypatch.setattr(db, "query", no_database)
    v = db.db_version()
    assert queries.summary(v)["n_meetings"] == 1
    assert queries.activity(v)["units"] == 10
    assert not queries.unit_map(v).empty
    assert not queries.themes_by_region(v).empty
    meeting, news = queries.latest_sak_news(v)
    assert meeting is not None and len(news) == 11
    assert queries.sak_key_figures(v)["closure_jobs"] == 70
    assert not queries.themes(v).empty


def test_warm_up_also_fills_the_registers_figures_of_a_long_archive(monkeypatch, fixture_db, fresh_cache):
    monkeypatch.setenv("NAERINGSPULS_DB", str(fixture_db))
    warmup.warm_up()
    v = db.db_version()
    monkeypatch.setattr(db, "query", lambda *a, **k: pytest.fail("query ran: not warmed"))
    assert queries.sak_key_figures(v)["saker"] > 0
    meeting, news = queries.latest_sak_news(v)
    assert meeting is not None and not news.empty


def test_warm_up_without_a_database_only_imports(monkeypatch, tmp_path, fresh_cache):
    monkeypatch.setenv("NAERINGSPULS_DB", str(tmp_path / "missing.duckdb"))
    warmup.timings.clear()
    assert set(warmup.warm_up()) == {"imports"}


def test_a_broken_database_does_not_escape_the_thread(monkeypatch, tmp_path, fresh_cache):
    bad = tmp_path / "broken.duckdb"
    bad.write_bytes(b"not a database at all" * 100)
    monkeypatch.setenv("NAERINGSPULS_DB", str(bad))
    warnings: list[str] = []
    monkeypatch.setattr(warmup._log, "warning", lambda msg, *a, **k: warnings.append(msg))
    warmup._run()  # what the background thread runs: logs, never raises
    assert len(warnings) == 1 and "warm-up stopped early" in warnings[0]


def test_started_once_per_process(monkeypatch, tmp_path, fresh_cache):
    monkeypatch.setenv("NAERINGSPULS_DB", str(tmp_path / "missing.duckdb"))
    monkeypatch.setattr(warmup, "_thread", None)
    first = warmup.start_in_background()
    assert warmup.start_in_background() is first
    first.join(timeout=60)
    assert not first.is_alive()


def test_serve_wraps_the_same_app_and_starts_the_warm_up():
    """`make run` serves dashboard/serve.py; it must stay a thin wrapper of streamlit_app.py."""
    tree = ast.parse((ROOT / "dashboard" / "serve.py").read_text(encoding="utf-8"))
    source = ast.unparse(tree)
    assert "st.App(HERE / 'streamlit_app.py', lifespan=_lifespan)" in source
    assert "warmup.start_in_background()" in source
    assert "dashboard/serve.py" in (ROOT / "Makefile").read_text(encoding="utf-8")
