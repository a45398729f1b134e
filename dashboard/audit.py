"""The audit log: who uploaded, removed or corrected what, when, and how it went.

JSON Lines, one entry per line, append-only, beside the data
(``$NAERINGSPULS_AUDIT``, else ``audit.jsonl`` beside the minutes folder, as
``data/corrections.jsonl``). Appended like the corrections file
(``etl.corrections.store``): one ``write`` under an exclusive ``flock`` and an
``fsync``, so two sessions at once both keep their line and a crash leaves at
worst a half line, which the next append starts after and the reader skips.

An entry::

    {"at": "2026-04-23T08:15:02+00:00", "by": "kari@follo.no", "action": "upload",
     "files": ["referat-2026-04-22.pdf"], "summary": "", "outcome": "lagt til", "ok": true}

No Streamlit here: the pages pass who did it (``auth.user_label``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from etl.jsonl import append_line

FILE_NAME = "audit.jsonl"
LOCAL_USER = "lokal bruker"  # who acts when nobody is signed in (local mode)
SYSTEM_USER = "systemet"  # the server itself, at start-up
UPLOAD, REMOVE, CORRECTION, RESTORE = "upload", "remove", "correction", "restore"
ACTION_LABELS = {UPLOAD: "Lastet opp", REMOVE: "Fjernet", CORRECTION: "Rettelse",
                 RESTORE: "Satt tilbake etter avbrudd"}


def audit_path(minutes_dir: Path) -> Path:
    """``$NAERINGSPULS_AUDIT``, else ``audit.jsonl`` beside the minutes folder (``data/audit.jsonl``)."""
    env = os.environ.get("NAERINGSPULS_AUDIT")
    return Path(env) if env else Path(minutes_dir).resolve().parent / FILE_NAME


def entry(action: str, by: str, *, files: list[str] | tuple[str, ...] = (), summary: str = "", outcome: str = "",
          ok: bool = True, at: dt.datetime | None = None) -> dict:
    return {
        "at": (at or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).isoformat(timespec="seconds"),
        "by": str(by),
        "action": action,
        "files": [str(f) for f in files],
        "summary": str(summary),
        "outcome": str(outcome),
        "ok": bool(ok),
    }


def append(path: Path, item: dict) -> None:
    """Add one entry at the end of the log, safely against other writers."""
    append_line(path, json.dumps(item, ensure_ascii=False, default=str), mode=0o640)


def record(path: Path, action: str, by: str, **fields) -> dict:
    """Append an entry (see :func:`entry`) and return it. An unwritable log must not undo the user's work,
    so an OSError is returned in the entry (``"logged": False``) for the caller to show, not raised."""
    item = entry(action, by, **fields)
    try:
        append(path, item)
    except OSError as exc:
        return item | {"logged": False, "error": exc.strerror or str(exc)}
    return item


def correction_summary(target: str, action: str, key: dict, value=None) -> str:
    """One line for a correction: what was changed, on which text, to what."""
    text = key.get("text") or key.get("first_line") or " / ".join(key.get("lines") or [])
    text = f" «{text[:80]}{'…' if len(text) > 80 else ''}»" if text else ""
    new = "" if value is None else f" → {json.dumps(value, ensure_ascii=False, default=str)[:120]}"
    return f"{target}/{action}{text}{new}"


def read(path: Path) -> tuple[list[dict], int]:
    """Every entry, newest first, and how many lines could not be read (a torn or edited line)."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return [], 0
    items: list[dict] = []
    bad = 0
    for line in raw.split(b"\n"):
        if not line.strip():
            continue
        try:
            item = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            bad += 1
            continue
        if not isinstance(item, dict) or not {"at", "by", "action"} <= set(item):
            bad += 1
            continue
        items.append(item)
    # Appends are in time order; sort anyway, as a log copied together from two machines may not be
    # (reversed first, so that entries within one second stay newest first: the sort is stable).
    items.reverse()
    items.sort(key=lambda i: str(i.get("at")), reverse=True)
    return items, bad
