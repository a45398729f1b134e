"""An on-disk journal of what one upload or removal changed in the minutes folder, so nothing is lost.

Before a file in the folder is overwritten or removed, a copy goes into a hidden
``.pending/<request>/`` folder beside the minutes, and the request's manifest
(``manifest.json``: each name touched, and whether a file was there before) is
written and synced.  When the request ends, its journal is dropped; when the build
refuses a file, the file is put back from the journal.  If the server dies in
between, :func:`recover` (called at the next start) puts every file of the
interrupted request back as it was.

The build ignores hidden folders, so the journal never becomes minutes.  Each
request holds an ``flock`` on its journal while it runs (the kernel drops it when
the process dies), so recovery never touches a request that is still alive; and
one request at a time changes a folder (:func:`folder_lock`): two browser tabs
uploading the same name are served one after the other, and the second is told
what it finds (the same file, or a file with that name that it may replace).
The journal folder is removed again when no journal is left in it.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

PENDING = ".pending"
_LOCK = ".lock"
_MANIFEST = "manifest.json"


@contextmanager
def folder_lock(raw: Path) -> Iterator[None]:
    """One request at a time changes the minutes folder ``raw`` (across threads and processes).

    The lock is on the folder itself, so no lock file is left in it."""
    fd = os.open(raw, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_file(target: Path, content: bytes) -> None:
    """Write ``content`` to ``target`` atomically, through a temporary name unique to this call."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".upload-")  # short: ``target``'s name may be 255 bytes
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Journal:
    """The backups of one request: ``save(name)`` before each change, then ``restore`` or ``drop``."""

    def __init__(self, raw: Path) -> None:
        self.raw = raw
        root = raw / PENDING
        root.mkdir(parents=True, exist_ok=True)
        self.dir = Path(tempfile.mkdtemp(dir=root, prefix="request-"))
        self._lock = open(self.dir / _LOCK, "a")  # noqa: SIM115 - held for the request's lifetime
        fcntl.flock(self._lock, fcntl.LOCK_EX)
        (self.dir / "files").mkdir()
        self.had: dict[str, bool] = {}  # name -> there was a file before this request

    def save(self, name: str) -> None:
        """Keep what ``raw/name`` is now (a copy, or that there was none) before it is changed."""
        if name in self.had:
            return
        target = self.raw / name
        had = target.is_file()
        if had:
            backup = self.dir / "files" / name
            shutil.copyfile(target, backup)
            with open(backup, "rb") as f:
                os.fsync(f.fileno())
        self.had[name] = had
        write_file(self.dir / _MANIFEST, json.dumps({"had": self.had}, ensure_ascii=False).encode())
        _fsync_dir(self.dir)

    def restore(self, names: set[str] | None = None) -> None:
        """Put ``names`` (default: all) back as they were before this request; they leave the journal."""
        names = sorted(set(self.had) if names is None else names & set(self.had))
        for name in names:
            _put_back(self.raw, self.dir, name, self.had[name])
        for name in names:
            del self.had[name]
        write_file(self.dir / _MANIFEST, json.dumps({"had": self.had}, ensure_ascii=False).encode())
        for name in names:  # only once the manifest no longer names them
            (self.dir / "files" / name).unlink(missing_ok=True)

    def drop(self) -> None:
        """The request is over: forget the backups (and the journal folder when no other request left one)."""
        shutil.rmtree(self.dir, ignore_errors=True)
        self._lock.close()
        _remove_if_empty(self.raw / PENDING)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind, exc, tb) -> None:
        if exc is not None:  # an error mid-request: the folder goes back to how it was
            try:
                self.restore()
            except OSError:
                self._lock.close()  # the journal stays on disk for recover()
                return
        self.drop()


def _put_back(raw: Path, journal: Path, name: str, had: bool) -> None:
    if had:
        write_file(raw / name, (journal / "files" / name).read_bytes())
    else:
        (raw / name).unlink(missing_ok=True)


def _remove_if_empty(root: Path) -> None:
    try:
        root.rmdir()
    except OSError:  # not empty: a journal recover() has still to put back
        pass


def recover(raw: Path) -> list[str]:
    """Put back every file a request that died left changed in ``raw``; the names put back, sorted.

    A request still running (its journal locked) is left alone.  The warehouse may
    hold what the dead request built: run a build when anything was put back."""
    root = raw / PENDING
    if not root.is_dir():
        return []
    restored: set[str] = set()
    with folder_lock(raw):
        for journal in sorted(p for p in root.iterdir() if p.is_dir()):
            with open(journal / _LOCK, "a") as lock:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue  # alive
                try:
                    had = json.loads((journal / _MANIFEST).read_text(encoding="utf-8"))["had"]
                except (OSError, ValueError, KeyError):
                    had = {}  # died before its first change: nothing to put back
                for name, was in had.items():
                    if Path(name).name != name or name.startswith("."):
                        continue  # not a name this module wrote
                    try:
                        _put_back(raw, journal, name, bool(was))
                    except FileNotFoundError:  # no backup: the file was never changed
                        continue
                    restored.add(name)
            shutil.rmtree(journal, ignore_errors=True)
        _remove_if_empty(root)
        for tmp in raw.glob(".upload-*"):  # a write cut off before its rename: never a file anyone was told of
            tmp.unlink(missing_ok=True)
    return sorted(restored)
