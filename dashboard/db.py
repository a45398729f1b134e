"""Read-only access to the warehouse for the dashboard.

* The DuckDB file is opened read-only, one connection per *version* of the file,
  held in ``st.cache_resource``; every query uses its own cursor, because one
  connection shared across Streamlit's session threads fails ("connection is busy").
* The version is the file's (inode, mtime, size).  The ETL build swaps a new
  file in with ``os.replace``, which changes the inode, so the next query opens
  the new file and every ``st.cache_data`` entry keyed by the version misses:
  a new build is picked up without restarting the app.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = REPO_ROOT / "data" / "naering.duckdb"

DbVersion = tuple[str, int, int, int]


class DatabaseUnavailable(Exception):
    """No database yet, or it could not be opened; the message is Norwegian, for the UI."""


def db_path() -> Path:
    env = os.environ.get("NAERINGSPULS_DB")
    path = Path(env) if env else DEFAULT_DB
    return path if path.is_absolute() else (Path.cwd() / path)


def db_version() -> DbVersion | None:
    path = db_path()
    try:
        st_ = path.stat()
    except FileNotFoundError:
        return None
    return (str(path), st_.st_ino, st_.st_mtime_ns, st_.st_size)


@st.cache_resource(max_entries=2, show_spinner=False)
def _connect(version: DbVersion) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(version[0], read_only=True)


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
            # The file was replaced or is mid-swap: forget the old connection and retry.
            _connect.clear()
            fresh = db_version()
            if attempt == 1 or fresh is None:
                raise DatabaseUnavailable(f"Databasen kunne ikke leses akkurat nå ({type(exc).__name__}).") from exc
            version = fresh
    raise AssertionError("unreachable")
