"""Capacity: N concurrent sessions against the real dashboard server, quiet and while builds swap the database.

    .venv/bin/python benchmarks/bench_capacity.py --db PATH [--sessions 1,5,20,50] [--rebuild]
        [--statements 200000] [--procs 4] [--think 0.5]

Starts the server as `make run` does (`streamlit run dashboard/serve.py` on a free
localhost port, reading ``--db``; a missing file is first built as bench_pages.py's
synthetic warehouse of ``--statements`` statements) and drives N sessions at once.
Each session is a websocket client speaking Streamlit's own protocol (BackMsg /
ForwardMsg protobufs over ``/_stcore/stream``), as the browser's frontend does; the
sessions are spread over several client processes so the clients are not what is
measured.  A session opens a page (rotating through Oversikt, Tema, Saker, Enhet,
Møter, Søk with realistic query parameters), changes one of its filters, opens the
next page and changes a filter there: four script runs, ``--think`` seconds apart.

Printed per N: p50/p95/max time to content (request sent → ``script_finished`` with
content deltas), errors (exceptions in the deltas, the "database is being replaced"
notice, disconnects, timeouts), server CPU seconds per session and the server's
RSS growth per session (psutil on the server's process tree), and the RSS peak.

``--rebuild`` runs a loop beside the server for the whole measurement that publishes
a new database file into ``--db`` the way ``python -m etl build`` does (a complete
file beside it, then ``os.replace``).  If the warehouse was built from minutes that
still exist (``build_info.input_dir``), the loop is the real
``python -m etl build --force`` (so ``--db`` is rebuilt in place: point it at a copy
of a warehouse you care about); for the synthetic warehouse (no minutes) it copies
the file and swaps the copy in, every ``--swap-every`` seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Self

import websockets

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# One route per page: (title, url path, query string, widget to change: (kind, label, new value or None = next option)).
ROUTES: tuple[tuple[str, str, str, tuple[str, str, str | None]], ...] = (
    ("Oversikt", "", "", ("", "", None)),
    ("Tema", "tema", "tema=forsvar", ("multiselect", "Tema", None)),
    ("Saker", "saker", "type=datasenter", ("text_input", "Søk i saker", "Gardermoen")),
    ("Enhet", "enhet", "enhet=Asker", ("selectbox", "Kommune eller region", None)),
    ("Møter", "moter", "", ("selectbox", "Møte", None)),
    ("Søk", "sok", "q=forsvar", ("text_input", "Søk", "datasenter")),
)
# Notices a page shows instead of its content when the database cannot be read (dashboard/components/empty.py).
DB_NOTICES = ("Databasen oppdateres akkurat nå", "Databasen kunne ikke leses")
STEP_TIMEOUT_S = 60.0


@dataclass
class Step:
    page: str
    kind: str  # "open" (a page from its URL) or "widget" (a filter changed on it)
    seconds: float
    deltas: int
    error: str | None = None
    query: str = ""  # the URL's query string after the run (pages write their filters back to it)


class Session:
    """One browser tab as the server sees it: a websocket and the protobufs the frontend sends."""

    def __init__(self, url: str) -> None:
        self.url = url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        self.ws = None
        self.widgets: dict[tuple[str, str], object] = {}  # (kind, label) -> element proto of the last run
        self.page_hash = ""

    async def __aenter__(self) -> Self:
        self.ws = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=None, open_timeout=30)
        return self

    async def __aexit__(self, *exc) -> None:
        await self.ws.close()

    async def run(self, page: str, url_path: str, query: str, widget=None, *, rerun: bool = False) -> Step:
        """Ask for one script run and wait for it to finish; time it from the request to ``script_finished``.

        A page opened from its URL names the page by its path (``page_name``), as the frontend
        does on load; a rerun on the page (``rerun``, optionally with a changed ``widget``)
        names it by its script hash and sends the widget's new state.
        """
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = query
        state.page_name = url_path
        state.page_script_hash = self.page_hash if rerun else ""
        state.context_info.timezone = "Europe/Oslo"
        state.context_info.locale = "nb-NO"
        state.context_info.url = f"http://localhost/{url_path}" + (f"?{query}" if query else "")
        if widget is not None:
            state.widget_states.widgets.append(widget)
        if not rerun:
            self.widgets = {}
        started = time.perf_counter()
        deltas, error = 0, None
        query = state.query_string
        try:
            await self.ws.send(msg.SerializeToString())
            while True:
                fwd = ForwardMsg()
                fwd.ParseFromString(await asyncio.wait_for(self.ws.recv(), STEP_TIMEOUT_S))
                kind = fwd.WhichOneof("type")
                if kind == "navigation":
                    self.page_hash = fwd.navigation.page_script_hash
                elif kind == "delta":
                    deltas += 1
                    error = error or self._read_delta(fwd.delta)
                elif kind == "page_info_changed":
                    query = fwd.page_info_changed.query_string
                elif kind == "page_not_found":
                    error = error or "page not found"
                elif kind == "script_finished":
                    status = fwd.script_finished
                    if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                        error = error or "compile error"
                    if status in (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR):
                        break  # FINISHED_EARLY_FOR_RERUN: a switch_page or a rerun follows in the same request
        except TimeoutError:
            error = f"timeout after {STEP_TIMEOUT_S:.0f} s"
        except (websockets.ConnectionClosed, OSError) as exc:  # what a user sees as "Connecting…"
            error = f"disconnect: {type(exc).__name__}"
        if error is None and deltas == 0:
            error = "no content"
        return Step(page, "widget" if rerun else "open", time.perf_counter() - started, deltas, error, query)

    def _read_delta(self, delta) -> str | None:
        if delta.WhichOneof("type") != "new_element":
            return None
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            return f"exception: {element.exception.type}: {element.exception.message[:120]}"
        if kind == "alert" and any(n in element.alert.body for n in DB_NOTICES):
            return "notice: " + element.alert.body.split("\n")[0].strip("*")
        if kind in ("multiselect", "selectbox", "text_input"):
            self.widgets[(kind, getattr(element, kind).label)] = getattr(element, kind)
        return None

    def widget_change(self, kind: str, label: str, value: str | None):
        """The WidgetState the frontend sends when a user changes ``label``; None if the page has no such widget."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        proto = self.widgets.get((kind, label))
        if proto is None:
            return None
        ws = WidgetState(id=proto.id)
        if kind == "text_input":
            ws.string_value = value or ""
        elif kind == "selectbox":
            current = proto.raw_value if proto.HasField("raw_value") else None
            choices = [o for o in proto.options if o != current]
            ws.string_value = value or (choices[min(1, len(choices) - 1)] if choices else "")
        else:  # multiselect: the formatted labels of the chosen options
            current = list(proto.raw_values)
            choices = [o for o in proto.options if o not in current]
            ws.string_array_value.data[:] = [value] if value else choices[:1]
        return ws


async def one_session(url: str, index: int, start_at: float, think: float, duration: float) -> list[Step]:
    """Open a page, change a filter on it, open the next page, change a filter there, … for ``duration`` s
    (at least two pages)."""
    steps: list[Step] = []
    await asyncio.sleep(max(0.0, start_at - time.time()) + (index % 10) * 0.01)
    end = start_at + duration
    try:
        async with Session(url) as s:
            k = index
            while k < index + 2 or time.time() < end:
                title, path, query, (kind, label, value) = ROUTES[k % len(ROUTES)]
                step = await s.run(title, path, query)
                steps.append(step)
                if step.error and step.error.startswith("disconnect"):
                    return steps
                await asyncio.sleep(think)
                change = s.widget_change(kind, label, value) if kind else None  # Oversikt: a plain rerun
                steps.append(await s.run(title, path, query, change, rerun=True))
                await asyncio.sleep(think)
                k += 1
    except (websockets.InvalidHandshake, websockets.ConnectionClosed, OSError, TimeoutError) as exc:
        steps.append(Step("(connect)", "open", 0.0, 0, f"disconnect: {type(exc).__name__}: {exc}"))
    return steps


def client_process(args: tuple[str, list[int], float, float, float]) -> list[Step]:
    """Entry point of one client process: its share of the sessions, concurrently."""
    url, indices, start_at, think, duration = args

    async def main():
        return await asyncio.gather(*(one_session(url, i, start_at, think, duration) for i in indices))

    return [step for steps in asyncio.run(main()) for step in steps]


def run_sessions(url: str, n: int, *, procs: int = 4, think: float = 0.5, duration: float = 0.0,
                 first: int = 0) -> list[Step]:  # fmt: skip
    """N sessions at once for ``duration`` seconds (at least two pages and their filter changes each), spread over ``procs`` client processes; session i starts at ROUTES[first + i]."""
    procs = max(1, min(procs, n))
    shares = [[first + i for i in range(n) if i % procs == p] for p in range(procs)]
    ctx = multiprocessing.get_context("spawn")  # no inherited threads (the RSS sampler) in the clients
    with ctx.Pool(procs) as pool:
        start_at = time.time() + 2.0  # every process imported and waiting: the sessions start together
        results = pool.map(client_process, [(url, share, start_at, think, duration) for share in shares])
    return [step for steps in results for step in steps]


class ServerProbe:
    """CPU seconds and RSS of the server's process tree (the Chromium it starts for exports included)."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.root = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _tree(self):
        import psutil

        procs = [self.root]
        try:
            procs += self.root.children(recursive=True)
        except psutil.Error:
            pass
        return procs

    def cpu(self) -> float:
        import psutil

        total = 0.0
        for p in self._tree():
            try:
                t = p.cpu_times()
                total += t.user + t.system + t.children_user + t.children_system
            except psutil.Error:
                pass
        return total

    def rss(self, tree: bool = True) -> int:
        import psutil

        total = 0
        for p in self._tree() if tree else [self.root]:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        return total

    def pss(self) -> int:
        """Proportional set size of the tree: Chromium's processes share most of their pages."""
        import psutil

        total = 0
        for p in self._tree():
            try:
                total += p.memory_full_info().pss
            except psutil.Error:
                pass
        return total

    def start_sampling(self) -> None:
        self.window_peak, self.window_peak_server = self.rss(), self.rss(tree=False)
        self._stop.clear()

        def loop():
            while not self._stop.wait(0.1):
                self.window_peak = max(self.window_peak, self.rss())
                self.window_peak_server = max(self.window_peak_server, self.rss(tree=False))

        self._thread = threading.Thread(target=loop, daemon=True)
        self._thread.start()

    def stop_sampling(self) -> int:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.window_peak)
        return self.window_peak


def build_setting(db: Path, key: str) -> str | None:
    """A value from the warehouse's ``build_info`` (None for the synthetic warehouse, which has none)."""
    import duckdb

    try:
        with duckdb.connect(str(db), read_only=True) as con:
            row = con.execute("SELECT value FROM build_info WHERE key = ?", [key]).fetchone()
    except duckdb.Error:
        return None
    return row[0] if row and row[0] else None


def built_from(db: Path) -> Path | None:
    """The minutes folder a warehouse was built from, if it still holds files."""
    folder = Path(build_setting(db, "input_dir") or "")
    return folder if folder.name and folder.is_dir() and any(folder.iterdir()) else None


def rebuild_loop(db: Path, stop: threading.Event, swap_every: float, counter: list[int], corrections: Path) -> None:
    """Publish a new database into ``db`` again and again until ``stop``: a real build, or a copy swapped in."""
    minutes = built_from(db)
    # The builds read the corrections the warehouse was built with (they never write to them),
    # so the rebuilt file is the same warehouse; the server itself reads none.
    corrections = Path(build_setting(db, "corrections_file") or corrections)
    pristine = db.parent / f".{db.name}.bench-pristine-{os.getpid()}"
    if minutes is None:
        shutil.copyfile(db, pristine)
    env = os.environ | {"NAERINGSPULS_CORRECTIONS": str(corrections)}
    try:
        while not stop.is_set():
            if minutes is not None:
                subprocess.run([sys.executable, "-m", "etl", "build", "--force", "--input", str(minutes),
                                "--db", str(db)], cwd=ROOT, env=env, capture_output=True, check=False)  # fmt: skip
            else:
                tmp = db.parent / f".{db.name}.bench-swap-{os.getpid()}"
                shutil.copyfile(pristine, tmp)  # a complete new file (new inode), then the atomic swap a build makes
                os.replace(tmp, db)
                stop.wait(swap_every)
            counter[0] += 1
    finally:
        pristine.unlink(missing_ok=True)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def summarise(steps: list[Step]) -> dict:
    ok = [s.seconds for s in steps if s.error is None]
    errors: dict[str, int] = {}
    for s in steps:
        if s.error:
            key = s.error.split(":")[0] if not s.error.startswith("exception") else s.error[:80]
            errors[key] = errors.get(key, 0) + 1
    return {"steps": len(steps), "p50": percentile(ok, 50), "p95": percentile(ok, 95),
            "max": max(ok, default=float("nan")), "errors": errors}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="warehouse to serve (built synthetically if missing)")
    ap.add_argument("--sessions", default="1,5,20,50", help="comma-separated N")
    ap.add_argument("--rebuild", action="store_true", help="builds swap the database during the measurement")
    ap.add_argument("--statements", type=int, default=200_000, help="size of the synthetic warehouse if --db is missing")
    ap.add_argument("--procs", type=int, default=4, help="client processes")
    ap.add_argument("--think", type=float, default=0.5, help="seconds a user waits between two actions")
    ap.add_argument("--duration", type=float, default=30.0, help="seconds each N is measured for")
    ap.add_argument("--swap-every", type=float, default=10.0, help="seconds between two swaps of the synthetic file")
    args = ap.parse_args(argv)
    # The server is started as the browser tests start `make run`'s server.
    from tests.e2e.conftest import start_server, stop_server

    db = args.db.resolve()
    if not db.exists():
        from benchmarks.bench_pages import build_synthetic_db

        t0 = time.perf_counter()
        build_synthetic_db(db, args.statements)
        print(f"Built {db} with {args.statements:,} synthetic statements in {time.perf_counter() - t0:.0f} s")
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        n_statements = con.execute("SELECT count(*) FROM v_statements").fetchone()[0]
    scratch = Path(tempfile.mkdtemp(prefix="naeringspuls-capacity-"))
    corrections = scratch / "corrections.jsonl"  # none: never the user's file
    server = start_server(db, log=scratch / "streamlit.log", env={"NAERINGSPULS_CORRECTIONS": str(corrections)})
    probe = ServerProbe(server.process.pid)
    print(f"database: {db} ({n_statements:,} statements, {db.stat().st_size / 1e6:.1f} MB); "
          f"server {server.url}, log {server.log}")  # fmt: skip
    stop, swaps = threading.Event(), [0]
    rebuild = None
    try:
        # Warm-up: every page once, as the first visitors after a start would; then the exporter's
        # Chromium is started (NAERINGSPULS_PREWARM_DELAY after the first page), so it is in the baseline.
        run_sessions(server.url, len(ROUTES), procs=2, think=0.0)
        time.sleep(float(os.environ.get("NAERINGSPULS_PREWARM_DELAY", "4")) + 4)
        if args.rebuild:
            mode = "python -m etl build --force" if built_from(db) else f"copy + os.replace every {args.swap_every:g} s"
            print(f"rebuild loop: {mode}")
            rebuild = threading.Thread(target=rebuild_loop, args=(db, stop, args.swap_every, swaps, corrections),
                                       daemon=True)  # fmt: skip
            rebuild.start()
        print(f"{args.duration:g} s per N, think time {args.think:g} s, {args.procs} client processes; RSS/session: the server process's "
              f"growth at its peak, divided by N; RSS peak: the server process")
        print(f"\n{'N':>3} {'runs':>5} {'p50 s':>6} {'p95 s':>6} {'max s':>6} {'errors':>6} {'CPU s/session':>13} "
              f"{'CPU ms/run':>10} {'CPU busy':>8} {'RSS MB/session':>14} {'RSS peak MB':>11} {'swaps':>5}")  # fmt: skip
        for n in [int(x) for x in args.sessions.split(",")]:
            time.sleep(1.0)
            cpu0, rss0, swaps0, t0 = probe.cpu(), probe.rss(tree=False), swaps[0], time.perf_counter()
            probe.start_sampling()
            steps = run_sessions(server.url, n, procs=args.procs, think=args.think, duration=args.duration)
            probe.stop_sampling()
            cpu, wall = probe.cpu() - cpu0, time.perf_counter() - t0 - 2.0  # the clients start 2 s in
            res = summarise(steps)
            n_err = sum(res["errors"].values())
            per_session = (probe.window_peak_server - rss0) / n / 1e6
            print(f"{n:>3} {res['steps']:>5} {res['p50']:>6.2f} {res['p95']:>6.2f} {res['max']:>6.2f} {n_err:>6} "
                  f"{cpu / n:>13.2f} {cpu / res['steps'] * 1000:>10.0f} {cpu / wall:>7.0%} {per_session:>14.1f} {probe.window_peak_server / 1e6:>11.0f} {swaps[0] - swaps0:>5}")
            for what, count in sorted(res["errors"].items()):
                print(f"      error x{count}: {what}")
            by_page: dict[str, list[float]] = {}
            for s in steps:
                if s.error is None:
                    by_page.setdefault(f"{s.page} ({s.kind})", []).append(s.seconds)
            print("      p95 by page: " + ", ".join(f"{k} {percentile(v, 95):.2f}" for k, v in sorted(by_page.items())))
        print(f"\nserver process RSS now {probe.rss(tree=False) / 1e6:.0f} MB; with the exporter's Chromium "
              f"(RSS summed, shared pages counted per process) peak {probe.peak / 1e6:.0f} MB, "
              f"PSS now {probe.pss() / 1e6:.0f} MB; target: N=20 p95 <= 3 s, no errors")
    finally:
        stop.set()
        if rebuild is not None:
            rebuild.join(timeout=120)
        stop_server(server.process)
    return 0


if __name__ == "__main__":
    sys.exit(main())
