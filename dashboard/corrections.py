"""Record a person's correction and rebuild the warehouse with it (no Streamlit here).

Used by the pages where data is shown (Møter, Søk, Saker, Gjennomgang): a
correction is one appended line in the corrections file (``etl.corrections.store``),
and the warehouse is rebuilt in a child process, as ``make db`` builds it, so the
correction is applied by the same code as in every later build.

Where the file is: ``$NAERINGSPULS_CORRECTIONS``, else the file the current
warehouse was built with (``build_info``), else ``corrections.jsonl`` beside the
minutes folder (``data/corrections.jsonl``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb

from dashboard import audit
from dashboard.ingest import raw_dir, upload_enabled
from dashboard.ingest import run_build as run_ingest_build
from etl.corrections.store import FILE_NAME, append_correction, new_correction, read_corrections
from etl.model import Correction


def _stamp(path: Path) -> tuple[int, int] | None:
    """A file's (mtime, size): a new build or a new correction changes it."""
    try:
        st = Path(path).stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _build_info(db: Path) -> dict[str, str]:
    return dict(_build_info_cached(str(db), _stamp(db)))


# Every page run asks (the sidebar notice, each form): read the database and the
# corrections file once per version of each, not once per question.
@lru_cache(maxsize=16)
def _build_info_cached(db: str, _stamp: tuple | None) -> tuple[tuple[str, str], ...]:
    try:
        with duckdb.connect(db, read_only=True) as con:
            return tuple(con.execute("SELECT key, value FROM build_info").fetchall())
    except duckdb.Error:
        return ()


def corrections_path(db: Path) -> Path:
    env = os.environ.get("NAERINGSPULS_CORRECTIONS")
    if env:
        return Path(env)
    built_with = _build_info(db).get("corrections_file")
    return Path(built_with) if built_with else raw_dir().parent / FILE_NAME


def minutes_dir(db: Path) -> Path:
    """The folder the warehouse is built from: ``$NAERINGSPULS_RAW``, else the one it was built from."""
    if os.environ.get("NAERINGSPULS_RAW"):
        return raw_dir()
    built_from = _build_info(db).get("input_dir")
    return Path(built_from) if built_from and Path(built_from).is_dir() else raw_dir()


def problems(db: Path) -> list[str]:
    """Lines of the corrections file that are not corrections (Norwegian, one per line)."""
    path = corrections_path(db)
    return list(_problems(str(path), _stamp(path)))


@lru_cache(maxsize=16)
def _problems(path_text: str, _stamp: tuple | None) -> tuple[str, ...]:
    path = Path(path_text)
    _, errors = read_corrections(path)
    return tuple(f"{path.name}, linje {e.line_no}: {_reason_nb(e.reason)}" if e.line_no
                 else f"{path.name}: {_reason_nb(e.reason)}" for e in errors)


def _reason_nb(reason: str) -> str:
    for english, norwegian in (("not valid JSON", "ikke gyldig JSON"), ("missing", "mangler"),
                               ("unknown action", "ukjent handling"), ("unknown target", "ukjent mål"),
                               ("is used twice", "er brukt to ganger"), ("not UTF-8 text", "ikke UTF-8-tekst"),
                               ("cannot be read", "kan ikke leses")):  # fmt: skip
        if reason.startswith(english):
            return norwegian + reason[len(english):]
    return reason


def writable(db: Path) -> bool:
    """Corrections can be made: the dashboard is not read-only and the file reads cleanly."""
    return upload_enabled() and not problems(db)


@dataclass
class Saved:
    correction: Correction
    ok: bool
    message: str  # Norwegian, for the user
    log: str = ""


def record(db: Path, target: str, action: str, key: dict, *, value=None, old=None, why: str = "",
           other: dict | None = None, by: str | None = None, rebuild: bool = True) -> Saved:
    """Append one correction and (by default) rebuild the warehouse so it shows at once."""
    c = new_correction(target, action, key, value=value, old=old, why=why, other=other, by=by)
    append_correction(corrections_path(db), c)
    if not rebuild:
        saved = Saved(c, True, "Rettelsen er lagret.")
    else:
        ok, log = run_build(db)
        saved = Saved(c, True, "Rettelsen er lagret og brukt.", log) if ok else Saved(
            c, False, "Rettelsen er lagret, men databasen kunne ikke bygges på nytt nå. Den brukes ved neste "
                      "oppdatering (`make db`).", log)
    audit.record(audit.audit_path(minutes_dir(db)), audit.CORRECTION, by or audit.LOCAL_USER,
                 files=[key["source_file"]] if key.get("source_file") else [], ok=saved.ok, outcome=saved.message,
                 summary=audit.correction_summary(target, action, key, value))
    return saved


def run_build(db: Path) -> tuple[bool, str]:
    """The build the upload page runs (``ingest.run_build``), with this corrections file; (rebuilt, log)."""
    finished, _, log = run_ingest_build(minutes_dir(db), db, corrections_path(db))
    return finished, log
