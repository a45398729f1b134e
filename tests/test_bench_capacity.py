"""The capacity benchmark's client speaks Streamlit's protocol to the real server.

benchmarks/bench_capacity.py drives sessions over ``/_stcore/stream`` with hand-made
BackMsg protobufs; if the handshake, the page addressing or the widget messages
broke (a Streamlit upgrade, a renamed widget), its figures would be timings of
error pages.  This runs two sessions of its client against `make run`'s server on
the seed warehouse and checks every run finished with content, and that a changed
filter reached the page (the page writes it back to the URL).
"""

from __future__ import annotations

from benchmarks.bench_capacity import ROUTES, run_sessions, summarise
from tests.conftest import ROOT
from tests.e2e.conftest import start_server, stop_server

SOK = next(i for i, route in enumerate(ROUTES) if route[0] == "Søk")


def test_two_sessions_open_a_page_and_change_its_filter(seed_db):
    server = start_server(seed_db, log=ROOT / "test-artifacts" / "bench-capacity-server.log",
                          env={"NAERINGSPULS_PREWARM_DELAY": "600"})  # fmt: skip  (no exporter Chromium needed)
    try:
        steps = run_sessions(server.url, 2, procs=2, think=0.0, first=SOK)
    finally:
        stop_server(server.process)
    # Session 0 starts on Søk, session 1 on the page after it; each opens a page, changes a filter
    # there (Oversikt has none: a plain rerun), opens the next page and changes a filter there.
    after, then = ROUTES[(SOK + 1) % len(ROUTES)][0], ROUTES[(SOK + 2) % len(ROUTES)][0]
    assert [(s.page, s.kind) for s in steps] == [
        ("Søk", "open"), ("Søk", "widget"), (after, "open"), (after, "widget"),
        (after, "open"), (after, "widget"), (then, "open"), (then, "widget"),
    ], steps  # fmt: skip
    assert [s.error for s in steps] == [None] * 8, steps
    assert all(s.deltas > 0 and s.seconds > 0 for s in steps), steps
    assert (steps[0].query, steps[1].query) == ("q=forsvar", "q=datasenter")  # the search box reached the page
    assert (after, then) == ("Oversikt", "Tema")
    assert steps[6].query == "tema=forsvar" and steps[7].query.startswith("tema=") and steps[7].query != "tema=forsvar"
    res = summarise(steps)
    assert res["steps"] == 8 and res["errors"] == {} and 0 < res["p50"] <= res["p95"] <= res["max"]
