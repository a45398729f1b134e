"""Add (and remove) minutes from the browser: change the minutes folder, rebuild the warehouse.

Used by the "Legg til referat" page, so the secretariat can add a new referat
without a terminal.  No Streamlit here: plain functions, tested on their own.

* File names are reduced to their base name, normalised (NFC, no control
  characters or bidi overrides, at most 255 bytes in UTF-8, cut on a character
  boundary with the suffix kept) and must have a supported suffix, so an upload
  can never write outside the minutes folder or hide what a name says.
* A file that exists with other content is replaced only when the user asks; a
  file over the size limit (``etl.limits``) is refused before it is saved.
* Nothing is lost (``dashboard.upload_journal``): a file is copied into an
  on-disk journal before it is overwritten or removed; a file the build cannot
  read is put back as it was and the folder rebuilt; if the server dies
  mid-request, :func:`recover` puts the folder back at the next start.  One
  request at a time changes the folder: two tabs uploading the same name are
  served in turn, and the second is told what it found.
* The build runs as ``python -m etl build`` in a child process, exactly as
  ``make db`` runs it, and dies with the server (``etl.lifeline``), its parse
  workers too: an orphaned build never swaps in a database.  The build's lock and
  atomic swap keep the dashboard reading the previous database until the new one
  is complete.
* Every message is Norwegian and names no server path.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from dashboard import upload_journal
from dashboard.db import REPO_ROOT, env_path
from dashboard.formatting import fmt_decimal, fmt_int
from etl import limits
from etl.lifeline import parent_death_hook
from etl.readers import SUPPORTED_EXTENSIONS

DEFAULT_RAW = REPO_ROOT / "data" / "raw"
BUILD_TIMEOUT_S = 600
MAX_NAME_BYTES = 255  # what ext4, XFS, btrfs and NTFS allow for one name

ADDED, REPLACED, UNCHANGED, FAILED, REJECTED, REMOVED = "added", "replaced", "unchanged", "failed", "rejected", "removed"

# Invisible characters that reorder how a name is shown (``gpj.exe`` shown as ``exe.jpg``).
_BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def raw_dir() -> Path:
    """The minutes folder the dashboard adds to: ``$NAERINGSPULS_RAW`` or ``data/raw``."""
    return env_path("NAERINGSPULS_RAW", DEFAULT_RAW)


def upload_enabled() -> bool:
    return os.environ.get("NAERINGSPULS_UPLOAD", "1").strip().lower() not in ("0", "false", "nei", "no", "off")


def recover(raw: Path) -> list[str]:
    """Put back the minutes a request that died (server killed mid-build) left changed; the names put back.

    Call at server start, then rebuild when anything was put back."""
    return upload_journal.recover(raw)


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


def _fit(name: str) -> str:
    """``name`` cut to MAX_NAME_BYTES of UTF-8 on a character boundary, its suffix kept."""
    if len(name.encode()) <= MAX_NAME_BYTES:
        return name
    suffix = Path(name).suffix
    stem = name[: -len(suffix)].encode()[: MAX_NAME_BYTES - len(suffix.encode())]
    return stem.decode("utf-8", errors="ignore").rstrip() + suffix


def _base(uploaded: str) -> str:
    """The base name of ``uploaded``, NFC, without control characters or bidi overrides."""
    text = unicodedata.normalize("NFC", str(uploaded))
    text = "".join(c for c in text if unicodedata.category(c) != "Cc" and ord(c) not in _BIDI)
    return Path(text.replace("\\", "/")).name.strip()


def safe_name(uploaded: str) -> str | None:
    """The base name to store ``uploaded`` under, or None when it is not a minutes file."""
    name = _base(uploaded)
    if not name or name.startswith((".", "~$")) or Path(name).suffix.lower() not in SUPPORTED_EXTENSIONS:
        return None
    return _fit(name)


def _nb(figure: str) -> str:
    """A figure from an English reason in Norwegian form: ``5000`` → ``5 000``, ``0.5`` → ``0,5``."""
    value = float(figure)
    return fmt_int(value) if value == int(value) and "." not in figure else fmt_decimal(value, len(figure.split(".")[1]))


# Build reasons (English, from the readers and the build) → what the user is told; {0}, {1}: the
# reason's figures.  The limits come first: their reasons mention "Word file" and "PDF" too.
_REASONS_NB: list[tuple[str, str]] = [
    (r"file is ([\d.]+) MB — over the limit of ([\d.]+) MB", "Filen er {0} MB, mer enn grensen på {1} MB."),
    (r"Word file expands to .* when unpacked — over the limit of ([\d.]+) MB",
     ("Word-filen pakker seg ut til mer enn {0} MB, som er grensen. Den kan være en «zip-bombe», eller ha svært "
      "store bilder: lagre den med komprimerte bilder og prøv igjen.")),
    (r"PDF expands to .* when its streams are unpacked — over the limit of ([\d.]+) MB",
     "PDF-en pakker seg ut til mer enn {0} MB, som er grensen, og leses ikke inn."),
    (r"is compressed [\d.]+:1 \(a zip bomb\) — over the limit of ([\d.]+):1",
     "Word-filen er pakket tettere enn {0}:1, slik bare en «zip-bombe» er, og leses ikke inn."),
    (r"Word file has \d+ parts", "Word-filen har altfor mange deler til å være et Word-dokument."),
    (r"PDF has (\d+) pages — over the limit of (\d+) pages", "PDF-en har {0} sider, mer enn grensen på {1} sider."),
    (r"document has (\d+) statements — over the limit of (\d+)",
     "Referatet har {0} utsagn, mer enn grensen på {1} per referat."),
    (r"document has more than (\d+) lines of text",
     "Dokumentet har mer enn {0} tekstlinjer, altfor langt til å være et referat."),
    (r"took longer than the budget of ([\d.]+) s",
     "Det tok mer enn {0} sekunder å lese referatet, så det ble stoppet."),
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

# An absolute path in a technical detail: only its last part is shown.
_ABSOLUTE_PATH = re.compile(r"(?<![\w.~-])(?:/[^/\s'\":,;()\[\]]+)+/?")


def hide_paths(text: str) -> str:
    """``text`` with every absolute path cut to its last part (``/srv/app/data/raw`` → ``raw``)."""
    return _ABSOLUTE_PATH.sub(lambda m: m.group(0).rstrip("/").rsplit("/", 1)[-1], text)


def norwegian_reason(reason: str) -> str:
    reason = hide_paths(reason)
    for pattern, text in _REASONS_NB:
        if m := re.search(pattern, reason, flags=re.IGNORECASE):
            return f"{text.format(*(_nb(g) for g in m.groups()))} (Detaljer: {reason})"
    return f"Filen kunne ikke leses. (Detaljer: {reason})"


# The build's last line when it finished (with or without bad files), see etl/cli.py.
_BUILD_DONE = re.compile(r": (?:updated|unchanged) in [\d.]+ s — \d+ documents")
_TIMED_OUT = "the build took longer than"
_NOT_STARTED = "the build could not be started"


def run_build(raw: Path, db: Path, corrections: Path | None = None) -> tuple[bool, dict[str, str], str]:
    """``python -m etl build`` in a child process → (finished, {file: reason}, log).

    ``corrections``: the corrections file to apply (``dashboard.corrections.corrections_path``);
    ``finished`` is False when the build itself failed (it crashed, timed out, or could
    not write the database); bad files alone do not count.  The child (and its parse
    workers) is killed when the thread that started it dies."""
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "etl", "build", "--input", str(raw), "--db", str(db), "--quiet",
             *(["--corrections", str(corrections)] if corrections else [])],
            cwd=REPO_ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S,
            env=os.environ | {"PYTHONIOENCODING": "utf-8"}, preexec_fn=parent_death_hook(), check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:  # killed; the previous database stays as it was
        return False, {}, f"{_TIMED_OUT} {BUILD_TIMEOUT_S} s and was stopped"
    except OSError as exc:
        return False, {}, f"{_NOT_STARTED} ({exc.strerror or type(exc).__name__})"
    failures = dict(re.findall(r"^FAILED (.+?): (.*)$", proc.stderr, flags=re.MULTILINE))
    finished = proc.returncode in (0, 1) and bool(_BUILD_DONE.search(proc.stdout))
    return finished, failures, (proc.stdout + proc.stderr).strip()


def add_minutes(uploads: list[tuple[str, bytes]], raw: Path, db: Path, *, replace: bool = False,
                corrections: Path | None = None) -> AddResult:
    """Save ``uploads`` (name, content) into ``raw`` and rebuild ``db`` from it."""
    try:
        raw.mkdir(parents=True, exist_ok=True)
        with upload_journal.folder_lock(raw), upload_journal.Journal(raw) as journal:
            return _add(uploads, raw, db, replace, corrections, journal)
    except OSError as exc:  # e.g. a read-only installation or a full disk: say so; the journal put back what it could
        why = _folder_failed(exc)
        return AddResult([FileResult(safe_name(name) or name, FAILED, why) for name, _ in uploads])


def _add(uploads: list[tuple[str, bytes]], raw: Path, db: Path, replace: bool, corrections: Path | None,
         journal: upload_journal.Journal) -> AddResult:
    results: list[FileResult] = []
    written: set[str] = set()
    for uploaded, content in uploads:
        name = safe_name(uploaded)
        if name is None:
            results.append(FileResult(uploaded, REJECTED, "Filtypen støttes ikke. Bruk PDF, Word (.docx), .txt eller .md."))
            continue
        if name in written or any(r.name == name for r in results):
            results.append(FileResult(name, REJECTED, "Samme filnavn er lastet opp to ganger."))
            continue
        if len(content) > limits.max_file_bytes():
            results.append(FileResult(name, REJECTED, f"Filen er {fmt_decimal(len(content) / limits.MB)} MB, mer enn "
                                                      f"grensen på {_nb(f'{limits.value(limits.FILE_MB):g}')} MB."))
            continue
        target = raw / name
        try:
            previous = target.read_bytes() if target.is_file() else None
            if previous == content:
                results.append(FileResult(name, UNCHANGED, "Finnes allerede med samme innhold."))
                continue
            if previous is not None and not replace:
                results.append(FileResult(name, REJECTED, "En fil med samme navn finnes allerede med annet innhold. "
                                                          "Kryss av for å erstatte den, eller gi filen et nytt navn."))
                continue
            journal.save(name)
            upload_journal.write_file(target, content)
        except OSError as exc:
            results.append(FileResult(name, FAILED, f"Filen kunne ikke lagres ({_os_reason(exc)})."))
            continue
        written.add(name)
        shortened = "Filnavnet var for langt og er forkortet." if name != _base(uploaded) else ""
        results.append(FileResult(name, REPLACED if previous is not None else ADDED, shortened))
    if not written:
        return AddResult(results)

    finished, failures, log = run_build(raw, db, corrections)
    build_error = None if finished else _build_failed(log)
    undo = {name for name in written if name in failures} if build_error is None else written
    for r in results:
        if r.name in undo and r.name in failures:
            r.status, r.message = FAILED, norwegian_reason(failures[r.name])
        elif r.name in undo:
            r.status, r.message = FAILED, "Ikke lagt til fordi databasen ikke kunne oppdateres."
    if undo:
        journal.restore(undo)
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
    try:
        with upload_journal.folder_lock(raw), upload_journal.Journal(raw) as journal:
            return _remove(names, raw, db, corrections, journal)
    except OSError as exc:
        return AddResult([FileResult(name, FAILED, _folder_failed(exc)) for name in names])


def _remove(names: list[str], raw: Path, db: Path, corrections: Path | None,
            journal: upload_journal.Journal) -> AddResult:
    results: list[FileResult] = []
    removed: set[str] = set()
    present = set(minutes_files(raw))
    for name in names:
        if name not in present or name in removed:
            results.append(FileResult(name, REJECTED, "Fant ingen slik fil i mappen."))
            continue
        journal.save(name)
        (raw / name).unlink()
        removed.add(name)
        results.append(FileResult(name, REMOVED, "Fjernet."))
    if not removed:
        return AddResult(results)
    finished, _, log = run_build(raw, db, corrections)
    if finished:
        return AddResult(results, None, log)
    journal.restore()  # the old database is still in use: put the files back
    for r in results:
        if r.status == REMOVED:
            r.status, r.message = FAILED, "Ikke fjernet fordi databasen ikke kunne oppdateres."
    return AddResult(results, _build_failed(log), log)


def _os_reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _folder_failed(exc: OSError) -> str:
    return f"Mappen for referater kan ikke brukes ({_os_reason(exc)}), så filen er ikke endret."


def _build_failed(log: str) -> str:
    detail = hide_paths((log.splitlines() or ["ukjent feil"])[-1])
    if detail.startswith(_TIMED_OUT):
        took = f"{BUILD_TIMEOUT_S // 60} minutter" if BUILD_TIMEOUT_S >= 120 else f"{BUILD_TIMEOUT_S:g} sekunder"
        why = f"Oppdateringen tok mer enn {took} og ble stoppet"
    elif detail.startswith(_NOT_STARTED):
        why = "Oppdateringen kunne ikke startes"
    else:
        why = "Databasen kunne ikke oppdateres"
    return f"{why}; den forrige databasen brukes fortsatt. (Detaljer: {detail})"
