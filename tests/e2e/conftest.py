"""Browser fixtures: a real `streamlit run` server and a real Chromium (Playwright).

Reusable by any end-to-end test (dashboard pages, downloads):

* ``app_db``      – the DuckDB file the server reads (``fixture_db`` by default; set
                    ``NAERINGSPULS_E2E_DB=/path/to.duckdb`` to use an existing file);
* ``app_server``  – the running server: ``.url``, ``.started`` (perf_counter when the
                    process was launched), ``.ready`` (when /_stcore/health answered), ``.log``;
* ``app_url``     – its base URL, e.g. ``http://127.0.0.1:53123``;
* ``browser``     – a session Chromium (Debian's /usr/bin/chromium; never downloaded);
* ``page``        – a fresh page per test (own context, Norwegian locale, downloads on);
* ``screenshot``  – ``screenshot(page, "name")`` saves ``test-artifacts/<name>.png``.

The server and browser are session-scoped; mark browser tests with
``@pytest.mark.e2e`` and ``@pytest.mark.xdist_group("browser")`` so that under
``pytest -n auto --dist loadgroup`` they share one worker (one server, one browser).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
APP = ROOT / "dashboard" / "serve.py"  # what `make run` serves: the app plus its start-up warm-up
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class AppServer:
    url: str
    process: subprocess.Popen
    started: float  # time.perf_counter() when the process was launched
    ready: float  # time.perf_counter() when /_stcore/health answered "ok"
    log: Path
    db: Path


def start_server(
    db: Path, *, log: Path, timeout: float = 60.0, env: dict | None = None, port: int | None = None
) -> AppServer:
    """Launch `streamlit run dashboard/serve.py` (as `make run` does) on a free port and wait until healthy."""
    port = port or free_port()
    log.parent.mkdir(parents=True, exist_ok=True)
    environ = os.environ | {"NAERINGSPULS_DB": str(db), "PYTHONUNBUFFERED": "1"} | (env or {})
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]
    out = open(log, "w", encoding="utf-8")
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=environ, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}; see {log}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as resp:
                if resp.status == 200:
                    return AppServer(url, proc, started, time.perf_counter(), log, db)
        except OSError:
            pass
        time.sleep(0.05)
    stop_server(proc)
    raise RuntimeError(f"streamlit did not become healthy within {timeout:.0f} s; see {log}")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture(scope="session")
def app_db(request) -> Path:
    override = os.environ.get("NAERINGSPULS_E2E_DB")
    if override:
        return Path(override)
    return request.getfixturevalue("fixture_db")


@pytest.fixture(scope="session")
def app_server(app_db) -> AppServer:
    server = start_server(app_db, log=ARTIFACTS / f"streamlit-e2e-{os.getpid()}.log")
    try:
        yield server
    finally:
        stop_server(server.process)


@pytest.fixture(scope="session")
def app_url(app_server) -> str:
    return app_server.url


@pytest.fixture(scope="session")
def browser():
    from playwright import sync_api  # a test dependency: `make test` installs it

    exe = chromium_path()
    # `make test` installs Debian's chromium; a missing browser is a broken set-up, not a skip.
    assert exe is not None, "Chromium not found: run `make test` (installs Debian's chromium; browsers are never downloaded)"
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        viewport={"width": 1440, "height": 1000}, locale="nb-NO", timezone_id="Europe/Oslo", accept_downloads=True
    )
    context.set_default_timeout(20_000)
    pg = context.new_page()
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture
def screenshot():
    ARTIFACTS.mkdir(exist_ok=True)

    def take(pg, name: str, *, full_page: bool = True) -> Path:
        path = ARTIFACTS / f"{name}.png"
        pg.screenshot(path=str(path), full_page=full_page)
        return path

    return take


def wait_for_app(pg, timeout: float = 30_000) -> None:
    """Wait until Streamlit has rendered the page and finished running the script."""
    pg.wait_for_selector('[data-testid="stMain"], [data-testid="stAppViewContainer"]', timeout=timeout)
    pg.wait_for_selector('h1', timeout=timeout)
    # The status widget shows "Running…" while a rerun is in progress.
    pg.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.includes('Running')",
        timeout=timeout,
    )
