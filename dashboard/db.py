"""Read-only access to the warehouse for the dashboard.

* The DuckDB file is opened read-only, one connection per *version* of the file,
  held in ``st.cache_resource``; every query uses its own cursor, because one
  connection shared across Streamlit's session threads fails ("connection is busy").
* The version is the file's (inode, mtime, size).  The ETL build swaps a new
  file in with ``os.replace``, which changes the inode, so the next query opens
  the new file and every ``st.cache_data`` entry keyed by the version misses:
  a new build is picked up without restarting the app.
* DuckDB keeps one database instance per path while any connection to it is
  open, so connecting again to the same path would silently return the *old*
  file.  Connections to an older version of the path are therefore closed before
  the new one is opened; a query still running on the old one fails with a
  connection error and is retried on the new file.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = REPO_ROOT / "data" / "naering.duckdb"

DbVersion = tuple[str, int, int, int]


class DatabaseUnavailable(Exception):
    """No database yet, or it is being replaced right now; the message is Norwegian, for the UI."""


class DatabaseUnreadable(DatabaseUnavailable):
    """The file is there and not changing, but cannot be read (corrupt, foreign, too old)."""


def env_path(variable: str, default: Path) -> Path:
    """``$variable`` if set (relative to the working directory), else ``default``."""
    env = os.environ.get(variable)
    path = Path(env) if env else default
    return path if path.is_absolute() else (Path.cwd() / path)


def db_path() -> Path:
    return env_path("NAERINGSPULS_DB", DEFAULT_DB)


def db_version() -> DbVersion | None:
    path = db_path()
    try:
        st_ = path.stat()
    except FileNotFoundError:
        return None
    return (str(path), st_.st_ino, st_.st_mtime_ns, st_.st_size)


class _Connections:
    """Open read-only connections by database version; at most one version per path."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: dict[DbVersion, duckdb.DuckDBPyConnection] = {}

    def get(self, version: DbVersion) -> duckdb.DuckDBPyConnection:
        with self._lock:
            con = self._open.get(version)
            if con is None:
                for old in [v for v in self._open if v[0] == version[0]]:
                    self._open.pop(old).close()  # or DuckDB hands back the replaced file
                con = self._open[version] = duckdb.connect(version[0], read_only=True)
            return con

    def clear(self) -> None:
        with self._lock:
            for con in self._open.values():
                con.close()
            self._open.clear()


@st.cache_resource(show_spinner=False)
def _connections() -> _Connections:
    return _Connections()


def _connect(version: DbVersion) -> duckdb.DuckDBPyConnection:
    return _connections().get(version)


def query(version: DbVersion | None, sql: str, params: list | dict | None = None) -> pd.DataFrame:
    """Run one parameterised query on a fresh cursor; retry once if the file was swapped."""
    if version is None:
        raise DatabaseUnavailable("Ingen database funnet.")
    for attempt in range(2):
        try:
            cur = _connect(version).cursor()
            try:
                return cur.execute(sql, params or []).df()
            finally:
                cur.close()
        except (duckdb.IOException, duckdb.InvalidInputException, duckdb.ConnectionException) as exc:
            # The file may have been replaced or be mid-swap: forget the old connection and retry.
            _connections().clear()
            fresh = db_version()
            if fresh is None:
                raise DatabaseUnavailable("Ingen database funnet.") from exc
            if attempt == 1:
                if fresh != version:  # still changing under us: a build is swapping it in
                    raise DatabaseUnavailable(f"Databasen byttes ut akkurat nå ({type(exc).__name__}).") from exc
                raise DatabaseUnreadable(type(exc).__name__) from exc
            version = fresh
    raise AssertionError("unreachable")
