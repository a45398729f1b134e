"""The corrections file: JSON Lines, one correction per line, append-only.

* Readable and diffable: a person can read it, keep it in version control and
  back it up like any text file.
* Append-only under an exclusive lock (``fcntl.flock``), each line written with
  one ``write`` and ``fsync``: two people correcting at the same moment both
  keep their line, and a crash can at worst leave a half line, which the next
  append starts after and the reader reports.
* Read strictly: a line that is not a valid correction is reported with its
  number and reason (:class:`LineError`), and the others are still used.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import secrets
import socket
from dataclasses import asdict, dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from etl.corrections import ACTIONS
from etl.jsonl import append_line
from etl.model import Correction

FILE_NAME = "corrections.jsonl"
_OSLO = ZoneInfo("Europe/Oslo")
_REQUIRED = ("id", "at", "by", "target", "action", "key")


@dataclass(frozen=True)
class LineError:
    line_no: int
    reason: str  # English, one line

    def message(self, path: Path) -> str:
        return f"{path.name}, line {self.line_no}: {self.reason}"


def default_path(input_dir: Path | None = None) -> Path:
    """``$NAERINGSPULS_CORRECTIONS``, else ``corrections.jsonl`` beside the minutes folder
    (``data/corrections.jsonl`` for ``data/raw``)."""
    env = os.environ.get("NAERINGSPULS_CORRECTIONS")
    if env:
        return Path(env)
    base = Path(input_dir).resolve().parent if input_dir is not None else Path("data")
    return base / FILE_NAME


def local_user() -> str:
    """Who corrects when nobody is signed in: the operating-system user on this machine."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "ukjent"
    return f"lokal: {user}@{socket.gethostname()}"


def new_correction(target: str, action: str, key: dict, *, value=None, old=None, why: str = "",
                   other: dict | None = None, by: str | None = None) -> Correction:
    now = dt.datetime.now(_OSLO)
    return Correction(
        id=f"c-{now:%Y%m%d%H%M%S}-{secrets.token_hex(4)}",
        at=now.isoformat(timespec="seconds"),
        by=by or local_user(),
        target=target,
        action=action,
        key=dict(key),
        value=value,
        old=old,
        why=why,
        other=dict(other) if other else None,
    )


def to_line(c: Correction) -> str:
    data = {k: v for k, v in asdict(c).items() if v not in (None, "")}
    return json.dumps(data, ensure_ascii=False, sort_keys=False, default=str)


def parse_line(text: str) -> Correction:
    """One line → a correction; raises ValueError (with a reason) if it is not one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    missing = [f for f in _REQUIRED if f not in data]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    if data["target"] not in ACTIONS:
        raise ValueError(f"unknown target {data['target']!r} (expected one of {', '.join(ACTIONS)})")
    if data["action"] not in ACTIONS[data["target"]]:
        raise ValueError(f"unknown action {data['action']!r} for {data['target']}")
    if not isinstance(data["key"], dict) or not data["key"]:
        raise ValueError("key must be a non-empty object")
    if data.get("other") is not None and not isinstance(data["other"], dict):
        raise ValueError("other must be an object")
    unknown = set(data) - {"id", "at", "by", "target", "action", "key", "value", "old", "why", "other"}
    if unknown:
        raise ValueError(f"unknown field {sorted(unknown)[0]!r}")
    return Correction(
        id=str(data["id"]), at=str(data["at"]), by=str(data["by"]), target=data["target"], action=data["action"],
        key=data["key"], value=data.get("value"), old=data.get("old"), why=str(data.get("why") or ""),
        other=data.get("other"),
    )


def read_corrections(path: Path) -> tuple[list[Correction], list[LineError]]:
    """Every valid correction in file order, and one error per line that is not one.
    A missing file is no corrections."""
    path = Path(path)
    if not path.exists():
        return [], []
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [], [LineError(0, f"cannot be read ({exc.strerror or exc})")]
    out: list[Correction] = []
    errors: list[LineError] = []
    seen: set[str] = set()
    for n, line in enumerate(raw.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            c = parse_line(line.decode("utf-8"))
        except UnicodeDecodeError:
            errors.append(LineError(n, "not UTF-8 text"))
            continue
        except ValueError as exc:
            errors.append(LineError(n, str(exc)))
            continue
        if c.id in seen:
            errors.append(LineError(n, f"id {c.id} is used twice"))
            continue
        seen.add(c.id)
        out.append(c)
    return out, errors


def append_correction(path: Path, c: Correction) -> None:
    """Add one correction at the end of the file, safely against other writers."""
    line = to_line(c)
    parse_line(line)  # never write what the reader would reject
    append_line(path, line)


def file_sha256(path: Path) -> str | None:
    import hashlib

    path = Path(path)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
