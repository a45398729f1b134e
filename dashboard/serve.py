"""Server entry point: ``streamlit run dashboard/serve.py``.

The same app as ``dashboard/streamlit_app.py`` (which still runs on its own and
is what ``AppTest`` loads), wrapped in Streamlit's ASGI ``st.App`` so that it
gets a start-up hook: when the server starts, :mod:`dashboard.warmup` imports
the heavy modules and fills Oversikt's cache on a background thread while the
first visitor's browser is still loading Streamlit's frontend.  That takes the
first page from about 1 s of server work to a warm rerun (docs/benchmarks.md).
Before that it puts back minutes a killed upload left half-done (``dashboard.launch.recover_minutes``;
the launcher does the same, this covers a plain ``streamlit run``), rebuilding on the same thread.
"""

from __future__ import annotations

import sys
from contextlib import asynccontextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:  # `streamlit run` puts dashboard/ on the path, not the repo root
    sys.path.insert(0, str(HERE.parent))

import streamlit as st  # noqa: E402


def _recover_then_warm() -> None:
    from dashboard import warmup
    from dashboard.launch import recover_minutes

    try:
        recover_minutes()
    finally:  # a failed recovery is in the server log; the dashboard still starts warm
        warmup.start_in_background()


@asynccontextmanager
async def _lifespan(app):
    import threading

    # A rebuild after a recovery can take minutes: never hold up the server for it.
    threading.Thread(target=_recover_then_warm, name="naeringspuls-start", daemon=True).start()
    yield


app = st.App(HERE / "streamlit_app.py", lifespan=_lifespan)
