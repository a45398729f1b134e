"""Warm the server while the first visitor's browser is still loading the frontend.

A fresh ``streamlit run`` answers its health check in about half a second, but
its first script run used to take over a second: importing pandas, plotly and
the dashboard modules, opening DuckDB, running Oversikt's queries and building
its first plotly figures.  Meanwhile the server sat idle for most of a second
while the browser downloaded and parsed Streamlit's JavaScript.  This module
does that first-run work in a background thread started once the server is up
(``dashboard/serve.py``), so the first page is served from warm imports and a
filled ``st.cache_data``.

Everything here is best effort: a missing or broken database is left for the
page to explain, and no error escapes the thread.
"""

from __future__ import annotations

import logging
import threading
import time

from streamlit.logger import get_logger

_log = get_logger("naeringspuls.warmup")  # Streamlit's log handler and level: shows in the server log
_started = threading.Lock()
_thread: threading.Thread | None = None
timings: dict[str, float] = {}  # step -> seconds, for the benchmark and tests


class _NoBareModeWarnings(logging.Filter):
    """Cached functions called outside a script run warn about a missing ScriptRunContext."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "ScriptRunContext" not in record.getMessage()


def _step(name: str, t0: float) -> float:
    now = time.perf_counter()
    timings[name] = round(now - t0, 3)
    return now


def warm_up() -> dict[str, float]:
    """Import what the pages need, then fill the cache for Oversikt (the default page).

    Returns the time each step took.  Safe to call more than once: later calls
    hit warm imports and the cache.
    """
    t = time.perf_counter()
    import pandas  # noqa: F401  (the largest import; pulled in by every page)
    import plotly.graph_objects as go  # noqa: F401

    from dashboard import db, queries
    from dashboard.components import common, downloads, figures, statements, text  # noqa: F401
    from dashboard.exports import api  # noqa: F401

    t = _step("imports", t)
    version = db.db_version()
    if version is None:
        return timings
    summary = queries.summary(version)
    if not summary["n_meetings"]:
        return timings
    queries.sak_key_figures(version)
    queries.activity(version)
    queries.unit_map(version)
    queries.themes_by_region(version)
    queries.latest_sak_news(version)
    queries.themes(version)
    t = _step("oversikt queries", t)
    # Building and serialising a figure loads plotly's validators for each trace
    # type (scatter, heatmap): a few hundred milliseconds the first time.
    for fig in (figures.unit_map(version), figures.region_theme_heatmap(version)):
        fig.to_json()
    _step("oversikt figures", t)
    return timings


def _run() -> None:
    quiet = _NoBareModeWarnings()
    loggers = [logging.getLogger(name) for name in ("streamlit", "streamlit.runtime.scriptrunner_utils.script_run_context")]
    for logger in loggers:
        logger.addFilter(quiet)
    t0 = time.perf_counter()
    try:
        warm_up()
        _log.info("warm-up done in %.2f s: %s", time.perf_counter() - t0, timings)
    except Exception:  # best effort: the page itself reports a bad database
        _log.warning("warm-up stopped early (the page will report it if it matters)", exc_info=True)
    finally:
        for logger in loggers:
            logger.removeFilter(quiet)


def start_in_background() -> threading.Thread:
    """Start the warm-up once per process, on a daemon thread; returns the thread."""
    global _thread
    with _started:
        if _thread is None:
            _thread = threading.Thread(target=_run, name="naeringspuls-warmup", daemon=True)
            _thread.start()
        return _thread
