"""Append-only JSON-lines files that several processes write at once (corrections, the audit log).

Each line is written with one ``write`` under an exclusive lock (``fcntl.flock``) and
``fsync``ed, so two people saving at the same moment both keep their line, and a
crash leaves at most one torn line, which the next writer steps past.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


def append_line(path: Path, line: str, *, mode: int = 0o644) -> None:
    """Add ``line`` (one JSON document, no newline) at the end of ``path``, safely against other writers."""
    data = (line + "\n").encode("utf-8")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, mode)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        size = os.fstat(fd).st_size
        if size:
            os.lseek(fd, size - 1, os.SEEK_SET)
            if os.read(fd, 1) != b"\n":  # a half line from a crash: start after it
                data = b"\n" + data
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)  # also releases the lock
