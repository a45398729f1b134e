"""Add (and remove) minutes from the browser: change the minutes folder, rebuild the warehouse.

Used by the "Legg til referat" page, so the secretariat can add a new referat
without a terminal.  No Streamlit here: plain functions, tested on their own.

* File names are reduced to their base name and must have a supported suffix, so
  an upload can never write outside the minutes folder.
* A file that exists with other content is replaced only when the user asks.
* The build runs as ``python -m etl build`` in a child process, exactly as
  ``make db`` runs it: its worker processes are never forked from the server,
  and the build's lock and atomic swap keep the dashboard reading the previous
  database until the new one is complete.
* Nothing is lost: an uploaded file the build cannot read is removed again (or
  the file it replaced is put back) and the folder is rebuilt, so the minutes
  folder only holds minutes that load; the user sees why, in Norwegian.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from dashboard.db import REPO_ROOT, env_path
from etl.readers import SUPPORTED_EXTENSIONS

DEFAULT_RAW = REPO_ROOT / "data" / "raw"
BUILD_TIMEOUT_S = 600

ADDED, REPLACED, UNCHANGED, FAILED, REJECTED, REMOVED = "added", "replaced", "unchanged", "failed", "rejected", "removed"


def raw_dir() -> Path:
    """The minutes folder the dashboard adds to: ``$NAERINGSPULS_RAW`` or ``data/raw``."""
    return env_path("NAERINGSPULS_RAW", DEFAULT_RAW)


def upload_enabled() -> bool:
    return os.environ.get("NAERINGSPULS_UPLOAD", "1").strip().lower() not in ("0", "false", "nei", "no", "off")


@dataclass
class FileResult:
    name: str  # the name in the minutes folder (or the uploaded name, when rejected)
    status: str  # ADDED, REPLACED, UNCHANGED, FAILED, REJECTED or REMOVED
    message: str = ""  # Norwegian, for the user


@dataclass
class AddResult:
    files: list[FileResult]
    build_error: str | None = None  # Norwegian; the build itself failed (the old database is kept)
    build_log: str = ""

    @property
    def loaded(self) -> list[str]:
        return [f.name for f in self.files if f.status in (ADDED, REPLACED, UNCHANGED)]


def safe_name(uploaded: str) -> str | None:
    """The base name to store ``uploaded`` under, or None when it is not a minutes file."""
    name = Path(str(uploaded).replace("\\", "/")).name.strip()
    if not name or name.startswith((".", "~$")) or Path(name).suffix.lower() not in SUPPORTED_EXTENSIONS:
        return None
    return name


# Build reasons (English, from the readers and the build) → what the user is told.
_REASONS_NB: list[tuple[str, str]] = [
    (r"encrypted", "PDF-en er passordbeskyttet. Lagre den uten passord og prøv igjen."),
    (r"needs OCR|no text layer", "PDF-en har ingen tekst (skannet dokument?). Den må tekstgjenkjennes (OCR) først."),
    (r"not a PDF|PDF is truncated|PDF has no pages|PDF is truncated or corrupt", "PDF-filen er skadet eller ufullstendig."),
    (r"Word file is corrupt|not a \.docx", "Word-filen er skadet, eller er ikke en .docx-fil (gamle .doc må lagres som .docx)."),
    (r"contains no text|file is empty", "Filen er tom."),
    (r"binary data|could not be decoded|UTF-16", "Filen er ikke en tekstfil som kan leses."),
    (r"no meeting date", "Fant ingen møtedato. Referatet må ha en dato, f.eks. «Tid: 23. oktober 2025» eller «Dato: 12.03.2026»."),
    (r"same meeting", "Samme møte finnes allerede i en annen fil. Fjern eller erstatt den andre filen først."),
    (r"unsupported file type", "Filtypen støttes ikke. Bruk PDF, Word (.docx), .txt eller .md."),
]


def norwegian_reason(reason: str) -> str:
    for pattern, text in _REASONS_NB:
        if re.search(pattern, reason, flags=re.IGNORECASE):
            return f"{text} (Detaljer: {reason})"
    return f"Filen kunne ikke leses. (Detaljer: {reason})"


# The build's last line when it finished (with or without bad files), see etl/cli.py.
_BUILD_DONE = re.compile(r": (?:updated|unchanged) in [\d.]+ s — \d+ documents")


def run_build(raw: Path, db: Path, corrections: Path | None = None) -> tuple[bool, dict[str, str], str]:
    """``python -m etl build`` in a child process → (finished, {file: reason}, log).

    ``corrections``: the corrections file to apply (``dashboard.corrections.corrections_path``);
    ``finished`` is False when the build itself failed (it crashed, or could not
    write the database); bad files alone do not count."""
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "etl", "build", "--input", str(raw), "--db", str(db), "--quiet",
             *(["--corrections", str(corrections)] if corrections else [])],
            cwd=REPO_ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S,
            env=os.environ | {"PYTHONIOENCODING": "utf-8"},
        )  # fmt: skip
    except (subprocess.TimeoutExpired, OSError) as exc:  # the previous database stays as it was
        return False, {}, f"{type(exc).__name__}: {exc}"
    failures = dict(re.findall(r"^FAILED (.+?): (.*)$", proc.stderr, flags=re.M))
    finished = proc.returncode in (0, 1) and bool(_BUILD_DONE.search(proc.stdout))
    return finished, failures, (proc.stdout + proc.stderr).strip()


def add_minutes(uploads: list[tuple[str, bytes]], raw: Path, db: Path, *, replace: bool = False,
                corrections: Path | None = None) -> AddResult:
    """Save ``uploads`` (name, content) into ``raw`` and rebuild ``db`` from it."""
    try:
        raw.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # e.g. a read-only installation: say so, change nothing
        why = f"Mappen {raw} kan ikke brukes ({exc.strerror or exc})."
        return AddResult([FileResult(name, FAILED, why) for name, _ in uploads])
    results: list[FileResult] = []
    written: dict[str, bytes | None] = {}  # name -> previous content (None: the file is new)
    for uploaded, content in uploads:
        name = safe_name(uploaded)
        if name is None:
            results.append(FileResult(uploaded, REJECTED, "Filtypen støttes ikke. Bruk PDF, Word (.docx), .txt eller .md."))
            continue
        if name in written:
            results.append(FileResult(name, REJECTED, "Samme filnavn er lastet opp to ganger."))
            continue
        target = raw / name
        previous = target.read_bytes() if target.exists() else None
        if previous == content:
            results.append(FileResult(name, UNCHANGED, "Finnes allerede med samme innhold."))
            continue
        if previous is not None and not replace:
            results.append(FileResult(name, REJECTED, "En fil med samme navn finnes allerede med annet innhold. "
                                                      "Kryss av for å erstatte den, eller gi filen et nytt navn."))
            continue
        try:
            _write_atomically(target, content)
        except OSError as exc:
            results.append(FileResult(name, FAILED, f"Filen kunne ikke lagres ({exc.strerror or exc})."))
            continue
        written[name] = previous
        results.append(FileResult(name, REPLACED if previous is not None else ADDED))
    if not written:
        return AddResult(results)

    finished, failures, log = run_build(raw, db, corrections)
    build_error = None if finished else _build_failed(log)
    undo = {name for name in written if name in failures} if build_error is None else set(written)
    for r in results:
        if r.name in undo and r.name in failures:
            r.status, r.message = FAILED, norwegian_reason(failures[r.name])
        elif r.name in undo:
            r.status, r.message = FAILED, "Ikke lagt til fordi databasen ikke kunne oppdateres."
    if undo:
        for name in undo:
            previous = written[name]
            if previous is None:
                (raw / name).unlink(missing_ok=True)
            else:
                _write_atomically(raw / name, previous)
        if build_error is None:  # the folder changed back: rebuild so the warehouse matches it
            _, _, more = run_build(raw, db, corrections)
            log = f"{log}\n{more}".strip()
    return AddResult(results, build_error, log)


def minutes_files(raw: Path) -> list[str]:
    """The minutes in ``raw`` (top level, as uploads are saved), sorted by name."""
    if not raw.is_dir():
        return []
    return sorted(p.name for p in raw.iterdir() if p.is_file() and safe_name(p.name) == p.name)


def remove_minutes(names: list[str], raw: Path, db: Path, *, corrections: Path | None = None) -> AddResult:
    """Delete ``names`` from ``raw`` and rebuild ``db``; a name that is not a minutes file there is refused."""
    results: list[FileResult] = []
    removed: dict[str, bytes] = {}
    present = set(minutes_files(raw))
    for name in names:
        if name not in present or name in removed:
            results.append(FileResult(name, REJECTED, "Fant ingen slik fil i mappen."))
            continue
        removed[name] = (raw / name).read_bytes()
        (raw / name).unlink()
        results.append(FileResult(name, REMOVED, "Fjernet."))
    if not removed:
        return AddResult(results)
    finished, _, log = run_build(raw, db, corrections)
    if finished:
        return AddResult(results, None, log)
    for name, content in removed.items():  # the old database is still in use: put the files back
        _write_atomically(raw / name, content)
    for r in results:
        if r.status == REMOVED:
            r.status, r.message = FAILED, "Ikke fjernet fordi databasen ikke kunne oppdateres."
    return AddResult(results, _build_failed(log), log)


def _build_failed(log: str) -> str:
    detail = (log.splitlines() or ["ukjent feil"])[-1]
    return f"Databasen kunne ikke oppdateres; den forrige brukes fortsatt. (Detaljer: {detail})"


def _write_atomically(target: Path, content: bytes) -> None:
    tmp = target.with_name(f".{target.name}.upload-{os.getpid()}")
    tmp.write_bytes(content)
    os.replace(tmp, target)
