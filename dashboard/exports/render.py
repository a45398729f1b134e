"""Figure → PNG/SVG/PDF bytes with plotly + kaleido, on one persistent Chromium per process.

* The browser starts lazily, once per process (or in the background via
  :func:`prewarm`), and is reused: ≈0.2 s per export once warm instead of 2–4 s.
* Thread-safe: Streamlit runs download callables and sessions on many threads.
  Kaleido lives on one private asyncio loop thread; callers submit coroutines to
  it with ``run_coroutine_threadsafe`` and wait with a timeout, so a hung
  browser never hangs the app forever (``kaleido.start_sync_server`` shares one
  queue between callers without a lock and waits forever if the browser dies).
  Several tabs render in parallel, so a board pack of 10 charts is quick.
* Chromium is found once: ``NAERINGSPULS_CHROMIUM`` (tests set it to
  ``/nonexistent`` to simulate a box without it), then ``BROWSER_PATH``, then
  ``PATH``.  Without it, :class:`ExportUnavailable` carries the Norwegian
  message telling the user what to install.
* Rendered bytes are cached in an LRU keyed by the hash of the figure JSON,
  format and size.
"""

from __future__ import annotations

import asyncio
import atexit
import collections
import hashlib
import io
import logging
import os
import shutil
import threading
import time
from collections.abc import Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

import plotly.graph_objects as go

from dashboard import style

log = logging.getLogger(__name__)

FORMATS = ("png", "svg", "pdf")
CHROMIUM_ENV = "NAERINGSPULS_CHROMIUM"
CHROMIUM_MISSING = "Installer Debian-pakken chromium (sudo apt-get install chromium) for å laste ned PNG, SVG og PDF"
RENDER_FAILED = "Grafen kunne ikke lages som fil akkurat nå. Prøv igjen, eller bruk kameraknappen i grafen («Last ned som PNG»)."
# Debian's /usr/bin/chromium is a shell wrapper; the real binary starts a little faster.
_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
_DEBIAN_BINARY = "/usr/lib/chromium/chromium"

N_TABS = 3  # parallel renders in one browser
START_TIMEOUT_S = 60.0
RENDER_TIMEOUT_S = 60.0
CACHE_ENTRIES = 128


class ExportUnavailable(RuntimeError):
    """PNG/SVG/PDF cannot be made; ``str(exc)`` is Norwegian and says what to do."""


def _is_exe(path: str | os.PathLike) -> bool:
    p = Path(path)
    return p.is_file() and os.access(p, os.X_OK)


def find_chromium() -> str | None:
    """Path to a Chromium executable, or None.  Tests monkeypatch this or set NAERINGSPULS_CHROMIUM."""
    override = os.environ.get(CHROMIUM_ENV)
    if override is not None:
        return override if override and _is_exe(override) else None
    env = os.environ.get("BROWSER_PATH")
    if env and _is_exe(env):
        return env
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found and _is_exe(found):
            if Path(found).resolve() == Path("/usr/bin/chromium").resolve() and _is_exe(_DEBIAN_BINARY):
                return _DEBIAN_BINARY
            return found
    return _DEBIAN_BINARY if _is_exe(_DEBIAN_BINARY) else None


def chromium_available() -> bool:
    return find_chromium() is not None


def _locale_script() -> Path:
    """A script for kaleido's page that makes plotly Norwegian (month names, decimal comma).

    Kaleido drops a figure's ``config``, so the locale is registered globally in its page.
    """
    import json
    import tempfile

    cfg = style.plotly_locale_config()
    locale = cfg["locale"]
    spec = {"moduleType": "locale", "name": locale, **cfg["locales"][locale]}
    js = f"Plotly.register({json.dumps(spec, ensure_ascii=False)});\nPlotly.setPlotConfig({{locale: {json.dumps(locale)}}});\n"
    folder = Path(tempfile.mkdtemp(prefix="naeringspuls-kaleido-"))
    path = folder / "plotly-locale-no.js"
    path.write_text(js, encoding="utf-8")
    return path


class _Renderer:
    """One Kaleido (one Chromium, ``N_TABS`` tabs) on a private event-loop thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido = None
        self._path: str | None = None
        self.started_at: float | None = None
        self.start_seconds: float | None = None
        self._atexit_registered = False

    @property
    def running(self) -> bool:
        return self._kaleido is not None

    def start(self) -> None:
        """Start the browser if it is not running (idempotent, thread-safe, blocking)."""
        if self._kaleido is not None:
            return
        with self._lock:
            if self._kaleido is not None:
                return
            path = find_chromium()
            if path is None:
                raise ExportUnavailable(CHROMIUM_MISSING)
            import kaleido  # imported late: the app must start even if kaleido is broken

            t0 = time.perf_counter()
            loop = asyncio.new_event_loop()
            thread = threading.Thread(target=loop.run_forever, name="naeringspuls-kaleido", daemon=True)
            thread.start()

            page = kaleido.PageGenerator(mathjax=False, others=[(_locale_script().as_uri(), "utf-8")])

            async def _open():
                k = kaleido.Kaleido(n=N_TABS, path=path, page_generator=page, timeout=RENDER_TIMEOUT_S)
                await k.open()
                return k

            try:
                k = asyncio.run_coroutine_threadsafe(_open(), loop).result(START_TIMEOUT_S)
            except Exception as exc:  # noqa: BLE001 - any start failure means "no exports"
                loop.call_soon_threadsafe(loop.stop)
                log.warning("Chromium for exports failed to start (%s): %s", path, exc)
                raise ExportUnavailable(f"{CHROMIUM_MISSING}. (Chromium i {path} startet ikke: {type(exc).__name__})") from exc
            self._loop, self._thread, self._kaleido, self._path = loop, thread, k, path
            self.started_at = time.time()
            if not self._atexit_registered:
                atexit.register(self.stop)  # close Chromium with the process
                self._atexit_registered = True
            self.start_seconds = time.perf_counter() - t0
            log.info("Kaleido started with %s in %.1f s", path, self.start_seconds)

    def stop(self) -> None:
        with self._lock:
            k, loop, thread = self._kaleido, self._loop, self._thread
            self._kaleido = self._loop = self._thread = None
            if k is None or loop is None:
                return
            try:
                asyncio.run_coroutine_threadsafe(k.close(), loop).result(15)
            except Exception as exc:  # noqa: BLE001
                log.warning("Kaleido did not close cleanly: %s", exc)
            loop.call_soon_threadsafe(loop.stop)
            if thread is not None:
                thread.join(5)

    def render_many(self, jobs: Sequence[tuple[dict, dict]]) -> list[bytes]:
        """Render (figure dict, opts) pairs in parallel; restarts the browser once if it died."""
        for attempt in range(2):
            self.start()
            k, loop = self._kaleido, self._loop
            if k is None or loop is None:  # stopped by another thread in between
                continue

            async def _all():
                return await asyncio.gather(*(k.calc_fig(fig, opts=opts) for fig, opts in jobs))

            try:
                timeout = RENDER_TIMEOUT_S + 2 * len(jobs)
                return list(asyncio.run_coroutine_threadsafe(_all(), loop).result(timeout))
            except (FutureTimeout, Exception) as exc:  # noqa: BLE001
                log.warning("Export render failed (attempt %d): %r", attempt + 1, exc)
                self.stop()
                if attempt == 1:
                    raise ExportUnavailable(RENDER_FAILED) from exc
        raise ExportUnavailable(RENDER_FAILED)


_renderer = _Renderer()
_cache: collections.OrderedDict[str, bytes] = collections.OrderedDict()
_cache_lock = threading.Lock()
_prewarm_lock = threading.Lock()
_prewarm_thread: threading.Thread | None = None


def _opts(fmt: str, width: int | None, height: int | None, scale: float | None) -> dict:
    if fmt not in FORMATS:
        raise ValueError(f"Unknown export format {fmt!r}; expected one of {FORMATS}")
    return {
        "format": fmt,
        "width": int(width or style.EXPORT_WIDTH),
        "height": int(height or style.EXPORT_HEIGHT),
        "scale": float(scale or style.EXPORT_SCALE) if fmt == "png" else 1,
    }


def _cache_key(fig_json: str, opts: dict) -> str:
    h = hashlib.sha256(fig_json.encode("utf-8"))
    h.update(repr(sorted(opts.items())).encode())
    return h.hexdigest()


def render_many(figs: Sequence[go.Figure], fmt: str = "png", *, width=None, height=None, scale=None) -> list[bytes]:
    """Render several figures (already decorated) in one go, in parallel tabs; cached."""
    if not figs:
        return []
    opts = _opts(fmt, width, height, scale)
    jsons = [f.to_json() if isinstance(f, go.Figure) else go.Figure(f).to_json() for f in figs]
    keys = [_cache_key(j, opts) for j in jsons]
    out: list[bytes | None] = []
    with _cache_lock:
        for key in keys:
            data = _cache.get(key)
            if data is not None:
                _cache.move_to_end(key)
            out.append(data)
    missing = [i for i, data in enumerate(out) if data is None]
    if missing:
        # Deduplicate identical figures within one call.
        unique: dict[str, int] = {}
        for i in missing:
            unique.setdefault(keys[i], i)
        import json

        jobs = [(json.loads(jsons[i]), opts) for i in unique.values()]
        rendered = _renderer.render_many(jobs)
        by_key = dict(zip(unique.keys(), rendered, strict=True))
        with _cache_lock:
            for key, data in by_key.items():
                _cache[key] = data
                _cache.move_to_end(key)
            while len(_cache) > CACHE_ENTRIES:
                _cache.popitem(last=False)
        for i in missing:
            out[i] = by_key[keys[i]]
    return [bytes(d) for d in out]  # type: ignore[arg-type]


def render(fig: go.Figure, fmt: str = "png", *, width=None, height=None, scale=None) -> bytes:
    """One figure (already decorated) as PNG, SVG or PDF bytes.  Raises :class:`ExportUnavailable`."""
    return render_many([fig], fmt, width=width, height=height, scale=scale)[0]


def with_pdf_metadata(pdf: bytes, *, title: str, subject: str = "", author: str = "Næringspuls") -> bytes:
    """``pdf`` with its document properties set: Chromium names every page it prints after the
    page's ``<title>`` (kaleido's "Kaleido-fier"), which is what a PDF reader shows in its title bar."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.add_metadata({"/Title": title, "/Subject": subject, "/Author": author, "/Creator": author})
    writer.root_object[NameObject("/Lang")] = TextStringObject("nb")  # screen readers: Norwegian, not en-US
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def start() -> float:
    """Start the exporter now (blocking); returns the start time in seconds (0 if running)."""
    if _renderer.running:
        return 0.0
    _renderer.start()
    return _renderer.start_seconds or 0.0


PREWARM_DELAY_S = float(os.environ.get("NAERINGSPULS_PREWARM_DELAY", "4"))


def prewarm() -> None:
    """Start the exporter in the background so the first click is fast; never raises."""
    global _prewarm_thread
    if _renderer.running or not chromium_available():
        return
    with _prewarm_lock:
        if _prewarm_thread is not None and _prewarm_thread.is_alive():
            return
        if _prewarm_thread is not None:  # tried before and failed: don't retry on every rerun
            return

        def _run():
            # Wait until the first page has rendered: on a 2-core laptop a browser
            # starting at the same moment slows the user's first view by a second or more.
            time.sleep(PREWARM_DELAY_S)
            try:
                _renderer.start()
            except ExportUnavailable as exc:
                log.warning("Exporter prewarm failed: %s", exc)

        _prewarm_thread = threading.Thread(target=_run, name="naeringspuls-kaleido-prewarm", daemon=True)
        _prewarm_thread.start()


def shutdown() -> None:
    """Stop the browser (tests, benchmarks); the next export starts it again."""
    global _prewarm_thread
    _renderer.stop()
    _prewarm_thread = None


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def is_running() -> bool:
    return _renderer.running
