"""Incremental, atomic build of the warehouse from a folder of minutes.

* Incremental: every input file is hashed; a file whose hash (and the code and
  reference-data fingerprint) is unchanged keeps its rows, copied from the
  previous database; a changed or new file is parsed; a removed file's rows are
  simply not carried over.  With nothing changed, nothing is written at all.
* Atomic: the new database is written to a temporary file next to the target and
  swapped in with ``os.replace``.  A build that fails or is killed part-way
  leaves the previous database untouched and openable; readers that hold the old
  file open keep reading it until they reconnect.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import gc
import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import duckdb

from etl.corrections.store import default_path as default_corrections_path
from etl.corrections.store import file_sha256, read_corrections
from etl.errors import DocumentError
from etl.warehouse import reference
from etl.warehouse.fixes import correct_and_link
from etl.warehouse.load import ColumnBatch, Columns, as_failed, document_columns
from etl.warehouse.register import previous_ids
from etl.warehouse.schema import SCHEMA_VERSION, create_tables

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".docx")
_ETL_DIR = Path(__file__).resolve().parent.parent
_FLUSH_EVERY = 250  # documents per insert batch: bounds memory on big folders
# Every insert but the last runs while the workers parse; the last runs alone. So a batch also ends
# this many documents before the end, and the last insert is small (about 0.2 s less at 1 000).
_LAST_BATCH = 32
PARALLEL_FROM = 64  # parse in worker processes from this many changed files on
_MAX_WORKERS = 4


@dataclass
class Failure:
    source_file: str
    reason: str


@dataclass
class BuildReport:
    db_path: Path
    documents: int = 0  # input files seen
    parsed: int = 0  # files parsed this run
    unchanged: int = 0  # files carried over unchanged
    removed: int = 0  # files gone since the previous build
    statements: int = 0
    meetings: int = 0
    saker: int = 0  # things in the register of saker
    corrections: int = 0  # corrections applied
    stale_corrections: int = 0  # corrections whose source text changed or disappeared (kept, not applied)
    correction_errors: list[str] = field(default_factory=list)  # lines of the corrections file that are not corrections
    warnings: int = 0
    failures: list[Failure] = field(default_factory=list)
    wrote: bool = False  # False when nothing changed and the database was left as is
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures and not self.correction_errors


def code_fingerprint() -> str:
    """Hash of everything that shapes the output: code, SQL and reference data.

    Any change to the parser, the taxonomy or the gazetteer re-parses every file,
    so a database never mixes facts extracted by two versions of the rules.
    """
    h = hashlib.sha256(SCHEMA_VERSION.encode())
    for path in sorted(_ETL_DIR.rglob("*")):
        if path.suffix in (".py", ".sql", ".toml", ".json") and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(_ETL_DIR)).encode())
            h.update(path.read_bytes())
    for extra in reference.extra_reference_files():
        h.update(extra.read_bytes())
    return h.hexdigest()


def scan(input_dir: Path) -> list[Path]:
    """Every candidate file under ``input_dir``; hidden files and Office lock files are ignored."""
    if not input_dir.is_dir():
        raise FileNotFoundError(f"{input_dir}: input folder does not exist")
    return sorted(
        p
        for p in input_dir.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(input_dir).parts)
        and not p.name.startswith("~$")
    )


def _previous_state(db_path: Path) -> tuple[str | None, dict[str, tuple[str, str]], str | None]:
    """(fingerprint, {source_file: (sha256, status)}, corrections file sha256) of the current database."""
    if not db_path.exists():
        return None, {}, None
    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            info = dict(con.execute("SELECT key, value FROM build_info").fetchall())
            docs = con.execute("SELECT source_file, sha256, status FROM documents").fetchall()
    except duckdb.Error:
        return None, {}, None  # unreadable or foreign file: rebuild everything
    return info.get("fingerprint"), {f: (sha, status) for f, sha, status in docs}, info.get("corrections_sha256")


def _previous_failures(db_path: Path) -> list[Failure]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        rows = con.execute(
            "SELECT source_file, error FROM documents WHERE status = 'failed' ORDER BY source_file"
        ).fetchall()
    return [Failure(f, e) for f, e in rows]


def _cleanup_stale_builds(db_path: Path) -> None:
    for stale in db_path.parent.glob(f".{db_path.name}.build-*"):
        stale.unlink(missing_ok=True)


def build(
    input_dir: Path,
    db_path: Path,
    *,
    progress: Callable | None = None,
    force: bool = False,
    corrections: Path | None = None,
) -> BuildReport:
    """Build or update ``db_path`` from ``input_dir``. Never raises for a bad document.

    ``corrections`` is the corrections file (default: ``$NAERINGSPULS_CORRECTIONS``, else
    ``corrections.jsonl`` beside ``input_dir``); a changed file rebuilds the warehouse
    without parsing anything again."""
    started = time.perf_counter()
    input_dir, db_path = Path(input_dir), Path(db_path)
    corrections_path = Path(corrections) if corrections else default_corrections_path(input_dir)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    report = BuildReport(db_path=db_path)

    lock_path = db_path.parent / f".{db_path.name}.lock"
    with open(lock_path, "w") as lock:
        # One build at a time per database; a second build waits for the first.
        fcntl.flock(lock, fcntl.LOCK_EX)

        files = scan(input_dir)
        contents = {p.relative_to(input_dir).as_posix(): p for p in files}
        hashes = {rel: hashlib.sha256(p.read_bytes()).hexdigest() for rel, p in contents.items()}
        report.documents = len(files)
        fingerprint = code_fingerprint()
        old_fp, old_docs, old_corrections = _previous_state(db_path)
        same_code = old_fp == fingerprint and not force
        corrections_sha = file_sha256(corrections_path) or ""

        if same_code and {f: s for f, (s, _) in old_docs.items()} == hashes and (old_corrections or "") == corrections_sha:
            report.unchanged = len(hashes)
            report.failures = _previous_failures(db_path)
            report.correction_errors = [e.message(corrections_path) for e in read_corrections(corrections_path)[1]]
            _fill_counts(report, db_path)
            report.seconds = time.perf_counter() - started
            return report

        keep = sorted(f for f, sha in hashes.items() if same_code and old_docs.get(f, (None,))[0] == sha)
        report.removed = len(set(old_docs) - set(hashes))
        report.unchanged = len(keep)
        _cleanup_stale_builds(db_path)
        tmp = db_path.parent / f".{db_path.name}.build-{os.getpid()}"
        kept = set(keep)
        old_ids = previous_ids(db_path)  # so every sak keeps the id it had
        to_parse = [f for f in contents if f not in kept]
        # Every object this process holds now (modules, the parser's tables, a caller's data) outlives
        # the build: frozen, the garbage collector stops walking them each time the batches of columns
        # below trigger a full collection (about 0.2 s of CPU per 1 000 documents), and forked workers
        # share their pages instead of copying them.
        gc.freeze()
        try:
            # Started before DuckDB opens the new file, so workers fork from a process
            # without DuckDB's threads.
            results = _parse_all([(rel, contents[rel], hashes[rel]) for rel in to_parse], input_dir)
            con = duckdb.connect(str(tmp))
            try:
                create_tables(con)
                seen = _carry_over(con, db_path, keep) if keep else {}
                for f in keep:
                    if old_docs[f][1] == "failed":
                        report.failures.append(Failure(f, _old_error(con, f)))
                batch = ColumnBatch()
                for n, (rel, reason, key, cols) in enumerate(results, 1):
                    if reason is None:
                        try:
                            _validate(key, rel, seen)
                        except DocumentError as exc:
                            reason = exc.reason
                            cols = as_failed(cols, reason)
                    if reason is not None:
                        report.failures.append(Failure(rel, reason))
                    else:
                        report.parsed += 1
                    batch.add(cols)
                    if n % _FLUSH_EVERY == 0 or n == len(to_parse) - _LAST_BATCH:
                        batch.flush(con)
                    if progress:
                        progress(n, len(to_parse), rel)
                batch.flush(con)
                reference.load(con)
                fixes = correct_and_link(con, corrections_path, old_ids)
                report.correction_errors = fixes.errors
                con.execute(
                    "INSERT INTO build_info VALUES ('fingerprint', ?), ('schema_version', ?), ('built_at', ?), "
                    "('input_dir', ?), ('corrections_file', ?), ('corrections_sha256', ?)",
                    [fingerprint, SCHEMA_VERSION, dt.datetime.now().isoformat(timespec="seconds"), str(input_dir),
                     str(corrections_path), corrections_sha],
                )
                con.execute("CHECKPOINT")
            finally:
                con.close()
            os.replace(tmp, db_path)
            report.wrote = True
        finally:
            gc.unfreeze()
            tmp.unlink(missing_ok=True)
            Path(f"{tmp}.wal").unlink(missing_ok=True)
    report.failures.sort(key=lambda f: f.source_file)
    _fill_counts(report, db_path)
    report.seconds = time.perf_counter() - started
    return report


def parse_one(item: tuple[str, Path, str], input_dir: Path) -> tuple[str, str | None, tuple, Columns]:
    """(rel, failure reason, meeting key, table columns) for one file; never raises for a bad document.

    The meeting key (organ, date) lets the caller reject duplicates without the model objects.
    """
    from etl import pipeline
    from etl.readers import read_document

    rel, path, sha256 = item
    size = path.stat().st_size
    raw = None
    try:
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise DocumentError(
                rel, f"unsupported file type '{path.suffix or '(none)'}' (supported: {', '.join(SUPPORTED_SUFFIXES)})"
            )
        raw = read_document(path, input_dir)
        meeting = pipeline.parse_raw(raw)
    except DocumentError as exc:
        reason = exc.reason
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the folder
        reason = f"could not be parsed ({type(exc).__name__}: {exc})"
    else:
        key = ((meeting.organ or "").casefold(), meeting.meeting_date)
        cols = document_columns(raw, source_file=rel, sha256=sha256, size_bytes=size, meeting=meeting)
        return rel, None, key, cols
    return rel, reason, (), document_columns(raw, source_file=rel, sha256=sha256, size_bytes=size, error=reason)


def _parse_all(items: list[tuple[str, Path, str]], input_dir: Path) -> Iterator[tuple]:
    """Parse files in document order, on every core when there are enough of them.

    Parsing is pure Python and CPU-bound, so processes (not threads) are used;
    a small folder is parsed in-process, where starting workers would cost more.
    """
    workers = min(os.cpu_count() or 1, _MAX_WORKERS)
    if workers < 2 or len(items) < PARALLEL_FROM:
        return (parse_one(item, input_dir) for item in items)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
    pool.submit(int).result()  # fork the workers now (all at once with "fork")

    def run() -> Iterator[tuple]:
        with pool:
            yield from pool.map(partial(parse_one, input_dir=input_dir), items, chunksize=16)

    return run()


def _validate(key: tuple, rel: str, seen: dict[tuple, str]) -> None:
    """Reject minutes the warehouse cannot place: no date, or a meeting already loaded."""
    organ, meeting_date = key
    if meeting_date is None:
        raise DocumentError(rel, "no meeting date found (expected e.g. 'Tid: 23. oktober 2025' or 'Dato: 12.03.2026')")
    if key in seen:
        raise DocumentError(
            rel,
            f"same meeting ({meeting_date:%d.%m.%Y}) as '{seen[key]}' — skipped; remove one of the two files",
        )
    seen[key] = rel


def _carry_over(con: duckdb.DuckDBPyConnection, db_path: Path, keep: list[str]) -> dict[tuple, str]:
    """Copy the rows of unchanged files from the previous database."""
    con.execute("ATTACH ? AS old (READ_ONLY)", [str(db_path)])
    try:
        con.execute("CREATE TEMP TABLE keep_files AS SELECT unnest(?::VARCHAR[]) AS source_file", [keep])
        for table in ("documents", "meetings", "statements", "events", "links", "source_lines", "parse_warnings", "agenda_items"):
            con.execute(
                f"INSERT INTO {table} BY NAME SELECT * FROM old.{table} WHERE source_file IN (SELECT source_file FROM keep_files)"
            )
        con.execute(
            "INSERT INTO attendees BY NAME SELECT a.* FROM old.attendees a JOIN meetings m USING (meeting_id)"
        )
        rows = con.execute("SELECT organ, meeting_date, source_file FROM meetings").fetchall()
    finally:
        con.execute("DETACH old")
    return {((organ or "").casefold(), date): f for organ, date, f in rows}


def _old_error(con: duckdb.DuckDBPyConnection, source_file: str) -> str:
    row = con.execute("SELECT error FROM documents WHERE source_file = ?", [source_file]).fetchone()
    return row[0] if row and row[0] else "failed in a previous build"


def _fill_counts(report: BuildReport, db_path: Path) -> None:
    with duckdb.connect(str(db_path), read_only=True) as con:
        report.meetings = con.execute("SELECT count(*) FROM v_meetings").fetchone()[0]
        report.statements = con.execute("SELECT count(*) FROM v_statements").fetchone()[0]
        report.saker = con.execute("SELECT count(*) FROM v_saker").fetchone()[0]
        report.warnings = con.execute(
            "SELECT count(*) FROM parse_warnings JOIN documents USING (source_file) WHERE status = 'loaded'"
        ).fetchone()[0]
        report.corrections, report.stale_corrections = con.execute(
            "SELECT count(*) FILTER (WHERE status = 'brukt' AND target <> 'review'), "
            "count(*) FILTER (WHERE status = 'foreldet') FROM correction_log"
        ).fetchone()
