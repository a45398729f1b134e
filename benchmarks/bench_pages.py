"""Server-side rerun time of every dashboard page on a large synthetic warehouse.

Builds a DuckDB file with ~200 000 statements by writing :class:`etl.model.Meeting`
objects straight through the warehouse loader (no parsing: the fast path), then
runs each page with Streamlit's AppTest and prints its first run, with every cache
emptied first (as on a server that just started), and the median rerun time (caches
warm); then the process's memory (RSS) after visiting every page.

    .venv/bin/python benchmarks/bench_pages.py [--statements 200000] [--runs 7] [--db PATH] [--reuse]

Targets: first run <= 1 s and median rerun <= 150 ms per page, at 2 000 000 statements
(issue #12: ``--statements 2000000``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from etl.model import AgendaItem, Event, Meeting, ParseWarning, Provenance, RawDocument, SourceLine, Statement  # noqa: E402
from etl.warehouse.load import ColumnBatch, document_columns, insert_rows  # noqa: E402
from etl.warehouse.schema import create_tables, create_views, materialise  # noqa: E402

# Fallback reference data, used only when the real gazetteer/taxonomy modules are
# not importable (e.g. while they are being written).
FALLBACK_THEMES: tuple[tuple[str, str], ...] = (
    ("forsvar", "Forsvar"),
    ("datasenter", "Datasenter"),
    ("helsenaering", "Helsenæring"),
    ("naeringsarealer", "Næringsarealer"),
    ("reiseliv", "Reiseliv"),
    ("industri", "Industri"),
    ("kompetanse", "Kompetanse"),
    ("energi", "Energi"),
    ("stedsutvikling", "Stedsutvikling"),
)
# name, kind, kommunenummer, region, county, lat, lon
FALLBACK_UNITS: tuple[tuple, ...] = (
    ("Oslo kommune", "kommune", "0301", None, "Oslo", 59.91, 10.75),
    ("Asker kommune", "kommune", "3203", "Vestregionen", "Akershus", 59.83, 10.43),
    ("Bærum kommune", "kommune", "3201", "Vestregionen", "Akershus", 59.89, 10.52),
    ("Lillestrøm kommune", "kommune", "3205", "Nedre Romerike", "Akershus", 59.96, 11.05),
    ("Nordre Follo kommune", "kommune", "3207", "Follo", "Akershus", 59.72, 10.86),
    ("Drammen kommune", "kommune", "3301", "Drammensregionen", "Buskerud", 59.74, 10.20),
    ("Kongsberg kommune", "kommune", "3303", "Kongsbergregionen", "Buskerud", 59.67, 9.65),
    ("Gran kommune", "kommune", "3446", "Hadeland", "Innlandet", 60.36, 10.56),
    ("Lunner kommune", "kommune", "3236", "Hadeland", "Akershus", 60.30, 10.58),
    ("Ullensaker kommune", "kommune", "3209", "Øvre Romerike", "Akershus", 60.13, 11.17),
    ("Søndre Østfold", "region", None, "Søndre Østfold", "Østfold", 59.20, 11.10),
    ("Indre Østfold", "region", None, "Indre Østfold", "Østfold", 59.57, 11.33),
    ("Ringeriksregionen", "region", None, "Ringeriksregionen", "Buskerud", 60.17, 10.25),
    ("Kongsvingerregionen", "region", None, "Kongsvingerregionen", "Innlandet", 60.19, 12.00),
    ("Hamarregionen", "region", None, "Hamarregionen", "Innlandet", 60.79, 11.07),
    ("Mosseregionen", "region", None, "Mosseregionen", "Østfold", 59.43, 10.66),
    ("Follo", "region", None, "Follo", "Akershus", 59.75, 10.80),
    ("Hadeland", "region", None, "Hadeland", "Innlandet", 60.33, 10.57),
    ("Vestregionen", "region", None, "Vestregionen", "Akershus", 59.86, 10.47),
)

FACT_BY_WORD = (
    ("Nedleggelse", "nedleggelse"),
    ("Nytt datasenter", "etablering"),
    ("etableringer", "etablering"),
    ("åpner", "etablering"),
    ("Utfordringer", "utfordring"),
    ("Tilskudd", "finansiering"),
    ("Seminar", "arrangement"),
)


def load_reference(con: duckdb.DuckDBPyConnection) -> None:
    """The real reference data when importable, else the small fallback above."""
    try:
        from etl.warehouse import reference

        reference.load(con)
        return
    except ImportError:
        pass
    insert_rows(
        con, "dim_themes", [{"theme_id": t, "label": lab, "position": i} for i, (t, lab) in enumerate(FALLBACK_THEMES)]
    )
    keys = ("name", "kind", "kommunenummer", "region", "county", "lat", "lon")
    insert_rows(con, "dim_units", [dict(zip(keys, u)) for u in FALLBACK_UNITS])


def _unit_info(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    rows = con.execute(
        "SELECT name, kind, kommunenummer, region, county FROM dim_units "
        "WHERE kind IN ('kommune', 'region') AND lat IS NOT NULL ORDER BY name"
    ).fetchall()
    return rows or [u[:5] for u in FALLBACK_UNITS]


def synthetic_meeting(
    date: dt.date, world, units: list[tuple], n_statements: int, progress: float, name: str
) -> tuple[Meeting, RawDocument]:
    """One meeting of about ``n_statements`` round-table statements from the synthetic world
    (saker that move on, and context), enriched by the real extractors, plus its source lines."""
    from etl.enrich import enrich
    from etl.synthetic import UNITS, context_line, round_table

    sha = hashlib.sha256(f"{name}{date}".encode()).hexdigest()
    lines: list[str] = ["Referat fra Osloregionens faggruppe for Næringssamarbeid", f"Tid: {date.isoformat()}", ""]
    lines.append("Sak 1. Runde rundt bordet")
    statements: list[Statement] = []
    rng = world.rng
    # Each unit reports once (its saker move on once a meeting); the rest of the
    # meeting's statements are context, as most of a real round table is.
    reports = {unit: [ln.text for ln in round_table(world, unit, places, date, progress)] for unit, _, places in UNITS}
    units_cycle = [u for u, _, _ in UNITS]
    i = 0
    while sum(map(len, reports.values())) < n_statements:
        unit = units_cycle[i % len(units_cycle)]
        reports[unit].append(context_line(rng, progress, date))
        i += 1
    for unit, texts in reports.items():
        lines.append(f"• {unit}:")
        for text in texts:
            if len(statements) >= n_statements:
                break
            lines.append(f"o {text}")
            ln = len(lines)
            statements.append(Statement(section="round_table", text=text,
                                        prov=Provenance(name, 1, ln, ln, lines[-1]), item_no="1", unit_raw=unit))
    lines += ["Vedtak: Orienteringene tas til etterretning.", "", "Sak 2. Kommende arrangementer"]
    ev_line = len(lines) + 1
    lines.append(f"• Seminar om forsvarsindustri ({(date + dt.timedelta(days=14)).isoformat()})")
    meeting = Meeting(
        source_file=name,
        sha256=sha,
        organ="Faggruppe for Næringssamarbeid",
        meeting_date=date,
        time_start="09:00",
        time_end="11:00",
        place="Teams",
        chair="Eli Arnkværn Bryhni",
        secretary="Mari Strømsvåg",
        attendees=[u[0] for u in units[:10]],
        agenda=[
            AgendaItem("1", "Runde rundt bordet", "", Provenance(name, 1, 4, ev_line - 3, ""), "round_table",
                       "Orienteringene tas til etterretning."),
            AgendaItem("2", "Kommende arrangementer", "", Provenance(name, 1, ev_line - 1, ev_line, ""), "events"),
        ],
        statements=statements,
        events=[
            Event("Seminar om forsvarsindustri", Provenance(name, 1, ev_line, ev_line, lines[ev_line - 1]),
                  date + dt.timedelta(days=14), "Osloregionen", "https://www.osloregionen.no/kalender/")
        ],
        warnings=[ParseWarning("unparsed_line", "synthetic warning", 2)] if rng.random() < 0.1 else [],
    )
    enrich(meeting)
    raw = RawDocument(name, sha, "txt", [SourceLine(n, 1, t) for n, t in enumerate(lines, 1)])
    return meeting, raw


def build_synthetic_db(
    db: Path, n_statements: int = 200_000, per_meeting: int = 250, seed: int = 7, start: dt.date = dt.date(2010, 1, 7)
) -> Path:
    """A fresh warehouse of ``n_statements`` statements, ``per_meeting`` per meeting (weekly
    meetings), with its register of saker linked as a build links it."""
    from etl.synthetic import World
    from etl.warehouse.register import load_register

    db = Path(db)
    db.unlink(missing_ok=True)
    world = World(random.Random(seed), extra_places=True)
    con = duckdb.connect(str(db))
    try:
        create_tables(con)
        load_reference(con)
        units = _unit_info(con)
        n_meetings = max(1, -(-n_statements // per_meeting))
        batch = ColumnBatch()
        left = n_statements
        for k in range(n_meetings):
            date = start + dt.timedelta(days=7 * k)
            n = min(per_meeting, left)
            left -= n
            name = f"synthetic/referat-{date.isoformat()}.txt"
            meeting, raw = synthetic_meeting(date, world, units, n, k / max(1, n_meetings - 1), name)
            batch.add(document_columns(raw, source_file=name, sha256=meeting.sha256, size_bytes=1000, meeting=meeting))
            if k % 100 == 99:
                batch.flush(con)
        batch.flush(con)
        create_views(con)  # the register is linked from the staging views
        load_register(con)
        materialise(con)  # as a build does after the register (etl/warehouse/fixes.py)
    finally:
        con.close()
    return db


PAGES = (
    ("Oversikt", "app_pages/oversikt.py", {}),
    ("Saker", "app_pages/saker.py", {}),
    ("Saker, én sak", "app_pages/saker.py", {"sak": "?"}),  # "?": the most mentioned sak, found after the build
    ("Tema", "app_pages/tema.py", {"tema": "forsvar"}),
    ("Enhet", "app_pages/enhet.py", {"enhet": "Asker"}),
    ("Møter", "app_pages/moter.py", {}),
    ("Møter, ett møte", "app_pages/moter.py", {"mote": "?"}),  # "?": the latest meeting
    ("Kalender", "app_pages/kalender.py", {}),
    ("Søk", "app_pages/sok.py", {"q": "forsvar"}),
    ("Gjennomgang", "app_pages/gjennomgang.py", {}),
    ("Styrepakke", "app_pages/styrepakke.py", {"tema": "forsvar"}),
)


def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def empty_caches() -> None:
    """Forget every cached query, figure and connection: the next run is a server's first."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()


def bench_pages(db: Path, runs: int, only: set[str] | None = None) -> list[tuple[str, float, float]]:
    from streamlit.testing.v1 import AppTest

    os.environ["NAERINGSPULS_DB"] = str(db)
    # Server work only: the pause before a browser session's first chart (a fixed
    # 0.2 s that lets the browser paint the key figures) is not server time.
    os.environ["NAERINGSPULS_FIRST_CHART_PAUSE"] = "0"
    # Nor is the exporter's Chromium, which a server starts once in the background after the
    # first chart: started mid-benchmark it took the CPU from whichever page was being timed.
    os.environ["NAERINGSPULS_PREWARM_DELAY"] = "86400"
    os.environ["NAERINGSPULS_CORRECTIONS"] = str(Path(db).with_suffix(".corrections.jsonl"))  # none, and never yours
    with duckdb.connect(str(db), read_only=True) as con:
        top = con.execute("SELECT sak_id FROM v_saker ORDER BY n_mentions DESC, sak_id LIMIT 1").fetchone()
        latest = con.execute("SELECT meeting_id FROM v_meetings ORDER BY meeting_date DESC, meeting_id LIMIT 1").fetchone()
        n_saker = con.execute("SELECT count(*) FROM v_saker").fetchone()[0]
    print(f"register: {n_saker:,} saker")
    # Import the app's modules once (a server does so at start, dashboard/warmup.py): not a page's cost.
    AppTest.from_file(str(ROOT / "dashboard" / "streamlit_app.py"), default_timeout=120).run()
    print(f"RSS before the pages: {rss_mb():,.0f} MB")
    results = []
    for title, page, params in PAGES:
        if only and title not in only:
            continue
        found = {"sak": top, "mote": latest}
        params = {k: (found[k][0] if v == "?" and found[k] else v) for k, v in params.items()}
        at = AppTest.from_file(str(ROOT / "dashboard" / "streamlit_app.py"), default_timeout=120)
        if page != PAGES[0][1]:  # the app opens on Oversikt: get there first, then go to the page
            at.run()
            at.switch_page(page)
        for k, v in params.items():
            at.query_params[k] = v
        empty_caches()
        t0 = time.perf_counter()
        at.run()
        cold = time.perf_counter() - t0
        if at.exception:
            raise RuntimeError(f"{title}: {at.exception[0].message}")
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - t0)
        results.append((title, cold * 1000, statistics.median(times) * 1000))
    return results


def current_schema(db: Path) -> bool:
    """True when ``db`` has every table and view this code's pages read (an older build lacks some)."""
    from etl.warehouse.schema import create_tables

    fresh = duckdb.connect()
    create_tables(fresh)
    wanted = {r[0] for r in fresh.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    fresh.close()
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            have = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    except duckdb.Error:
        return False
    return wanted <= have and "mart_statements" in have


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--db", type=Path, default=Path("/tmp/naeringspuls-bench.duckdb"))
    ap.add_argument("--reuse", action="store_true", help="reuse --db if it exists")
    ap.add_argument("--pages", help="comma-separated page titles (default: all)")
    args = ap.parse_args(argv)
    if args.reuse and args.db.exists() and not current_schema(args.db):
        # An older build lacks the tables the pages read: its pages would show the rebuild notice
        # in a few ms and measure nothing, so it is rebuilt rather than reused.
        print(f"{args.db} was built by an older schema: rebuilding it")
        args.reuse = False
    if not (args.reuse and args.db.exists()):
        t0 = time.perf_counter()
        build_synthetic_db(args.db, args.statements)
        print(f"Built {args.db} with {args.statements:,} statements in {time.perf_counter() - t0:.1f} s")
    results = bench_pages(args.db, args.runs, set(args.pages.split(",")) if args.pages else None)
    print(f"\n{'page':<16} {'first ms':>9} {'median ms':>10}  (targets: first <= 1000 ms, median <= 150 ms)")
    for title, cold, med in results:
        flag = "" if med <= 150 and cold <= 1000 else "  SLOW"
        print(f"{title:<16} {cold:>9.0f} {med:>10.0f}{flag}")
    print(f"RSS after every page: {rss_mb():,.0f} MB")


if __name__ == "__main__":
    main()
