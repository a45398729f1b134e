"""Read-only access to the warehouse for the dashboard.

* Every version of the file is read through its own in-memory DuckDB with the file
  ``ATTACH``ed read-only, held in ``st.cache_resource``; every query uses its own
  cursor, because one connection shared across Streamlit's session threads fails
  ("connection is busy").
* The version is the file's (inode, mtime, size).  The ETL build swaps a new file
  in with ``os.replace``, which changes the inode, so the next query opens the new
  file and every ``st.cache_data`` entry keyed by the version misses: a new build is
  picked up without restarting the app.
* Why ATTACH and not ``duckdb.connect(path)``: DuckDB keeps one database instance
  per path while any connection to it is open, so connecting again to a swapped
  path silently returns the *old* file, and the old connection had to be closed
  first, under the queries other sessions were still running on it (they failed,
  and each failure closed the connections of everyone else).  A file attached in
  an instance of its own is not shared, so the new file is opened beside the old
  one; the old one is closed when its last running query has finished.  No query
  is cut off by a swap.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
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
    return db_version_of(str(db_path()))


ATTACHED = "warehouse"  # the catalog name the file is attached under; each cursor USEs it


class _Reader:
    """One version of the file: an in-memory DuckDB with the file attached read-only."""

    def __init__(self, version: DbVersion) -> None:
        self.version = version
        self.users = 0  # queries running on it now
        self.retired = False  # a newer file was opened: close once the last query is done
        self.con = duckdb.connect(":memory:")
        try:
            path = version[0].replace("'", "''")  # ATTACH takes no parameters
            self.con.execute(f"ATTACH '{path}' AS {ATTACHED} (READ_ONLY)")
        except BaseException:
            self.con.close()
            raise

    def cursor(self) -> duckdb.DuckDBPyConnection:
        cur = self.con.cursor()
        cur.execute(f"USE {ATTACHED}")  # per cursor: a cursor starts in the in-memory catalog
        return cur


class _Connections:
    """The newest open version of each path, and older ones until their running queries end."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._current: dict[str, _Reader] = {}
        self._retired: list[_Reader] = []

    @contextmanager
    def cursor(self, version: DbVersion) -> Iterator[duckdb.DuckDBPyConnection]:
        reader = self._lease(version)
        try:
            cur = reader.cursor()
            try:
                yield cur
            finally:
                cur.close()
        finally:
            self._release(reader)

    def _lease(self, version: DbVersion) -> _Reader:
        with self._lock:
            reader = self._current.get(version[0])
            if reader is None or reader.version != version:
                # ``version`` may be newer than the open file (a build swapped one in) or older
                # (a page run that began before the swap); open a file only if the path changed.
                fresh = db_version_of(version[0]) or version
                if reader is None or reader.version != fresh:
                    new = _Reader(fresh)
                    if reader is not None:
                        self._retire(reader)
                    reader = self._current[version[0]] = new
            reader.users += 1
            return reader

    def _release(self, reader: _Reader) -> None:
        with self._lock:
            reader.users -= 1
            if reader.retired and reader.users == 0:
                self._retired.remove(reader)
                reader.con.close()

    def _retire(self, reader: _Reader) -> None:
        # Caller holds the lock.
        if self._current.get(reader.version[0]) is reader:
            del self._current[reader.version[0]]
        reader.retired = True
        if reader.users == 0:
            reader.con.close()
        else:
            self._retired.append(reader)

    def forget(self, version: DbVersion) -> None:
        """Stop handing out ``version`` (it failed); its running queries finish on it."""
        with self._lock:
            reader = self._current.get(version[0])
            if reader is not None and reader.version == version:
                self._retire(reader)


@st.cache_resource(show_spinner=False)
def _connections() -> _Connections:
    return _Connections()


def db_version_of(path: str) -> DbVersion | None:
    try:
        st_ = os.stat(path)
    except FileNotFoundError:
        return None
    return (path, st_.st_ino, st_.st_mtime_ns, st_.st_size)


def query(version: DbVersion | None, sql: str, params: list | dict | None = None) -> pd.DataFrame:
    """Run one parameterised query on a fresh cursor; retry once on the newest file if it fails to open."""
    if version is None:
        raise DatabaseUnavailable("Ingen database funnet.")
    for attempt in range(2):
        try:
            with _connections().cursor(version) as cur:
                return cur.execute(sql, params or []).df()
        except (duckdb.IOException, duckdb.InvalidInputException, duckdb.ConnectionException) as exc:
            # A file that cannot be opened or read: maybe half-written by something other than
            # the build (which swaps complete files), maybe replaced since; try the newest once.
            _connections().forget(version)
            fresh = db_version()
            if fresh is None:
                raise DatabaseUnavailable("Ingen database funnet.") from exc
            if attempt == 1:
                if fresh != version:  # still changing under us
                    raise DatabaseUnavailable(f"Databasen byttes ut akkurat nå ({type(exc).__name__}).") from exc
                raise DatabaseUnreadable(type(exc).__name__) from exc
            version = fresh
    raise AssertionError("unreachable")
