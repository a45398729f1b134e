"""The limits a document must stay within, in one place, and the parse-time budget.

A document over a limit fails with one line naming the limit and the setting that
raises it; the rest of the build goes on.  The figures are read from the
environment at every use (so a test or a server can change them) and fall back to
the defaults when a value is missing or not a positive number.

Why these defaults (README, "Limits"): real minutes are a few hundred KB to a few
MB, a few pages and at most a few hundred statements; each default is one to two
orders of magnitude above the largest real document, and low enough that one
hostile file costs at most about a minute and a gigabyte of memory per build worker.

The parse-time budget is a wall-clock alarm (``SIGALRM``) that raises
:class:`~etl.errors.DocumentError` inside the reader or parser when a document
takes too long.  Reading and parsing share one budget per document: the reader
starts the clock and hands the deadline over to the parser with the document's
SHA-256.  Python code is interrupted wherever it is; a single call into a C
library (pdfium, zlib, lxml) is interrupted when it returns, which the size and
page limits keep short.  Outside the main thread, where signals cannot be used,
or while another real-time timer runs, there is no budget.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from etl.errors import DocumentError

MB = 1_000_000


@dataclass(frozen=True)
class Setting:
    env: str
    default: float
    unit: str  # for messages: "MB", "pages", ...


FILE_MB = Setting("NAERINGSPULS_MAX_FILE_MB", 50, "MB")
EXPANDED_MB = Setting("NAERINGSPULS_MAX_EXPANDED_MB", 100, "MB")
ZIP_RATIO = Setting("NAERINGSPULS_MAX_ZIP_RATIO", 100, ":1")
PDF_PAGES = Setting("NAERINGSPULS_MAX_PAGES", 1000, "pages")
STATEMENTS = Setting("NAERINGSPULS_MAX_STATEMENTS", 5000, "statements")
PARSE_SECONDS = Setting("NAERINGSPULS_PARSE_SECONDS", 60, "s")
ALL = (FILE_MB, EXPANDED_MB, ZIP_RATIO, PDF_PAGES, STATEMENTS, PARSE_SECONDS)

# Source lines a document may have per statement it may have: stops the reader of a
# hostile file long before the parser would count its statements (a Word file of
# a million one-word paragraphs takes minutes and a gigabyte just to read).
LINES_PER_STATEMENT = 20


def value(setting: Setting) -> float:
    """The setting's figure from the environment, else its default."""
    raw = os.environ.get(setting.env, "").strip().replace(",", ".")
    try:
        figure = float(raw) if raw else setting.default
    except ValueError:
        return setting.default
    return figure if figure > 0 else setting.default


def max_file_bytes() -> int:
    return int(value(FILE_MB) * MB)


def max_expanded_bytes() -> int:
    return int(value(EXPANDED_MB) * MB)


def max_lines() -> int:
    return int(value(STATEMENTS)) * LINES_PER_STATEMENT


def figure(setting: Setting) -> str:
    """"50 MB", "1000 pages", "100:1" as written in messages."""
    return f"{value(setting):g}{'' if setting.unit.startswith(':') else ' '}{setting.unit}"


def over(path: str | Path, what: str, setting: Setting) -> DocumentError:
    """The error for a document over a limit: what it is, the limit, and how to raise it."""
    return DocumentError(path, f"{what} — over the limit of {figure(setting)} ({setting.env}).")


def check_file_size(path: str | Path, size: int) -> None:
    if size > max_file_bytes():
        raise over(path, f"file is {size / MB:.1f} MB", FILE_MB)


def check_lines(path: str | Path, n_lines: int) -> None:
    if n_lines > max_lines():
        raise DocumentError(path, f"document has more than {max_lines()} lines of text — over the limit of "
                                  f"{LINES_PER_STATEMENT} lines per statement allowed ({figure(STATEMENTS)}, "
                                  f"{STATEMENTS.env}).")


def check_statements(path: str | Path, n_statements: int) -> None:
    if n_statements > value(STATEMENTS):
        raise over(path, f"document has {n_statements} statements", STATEMENTS)


# --- the parse-time budget ---------------------------------------------------------

_handover: tuple[str, float] | None = None  # (sha256, deadline) of the document just read
_active: list[tuple[str, float]] = []  # (path, deadline) of the budgets running in this process


class _Expired(DocumentError):
    pass


def _alarm(signum, frame) -> None:
    if _active:
        path, _ = _active[-1]
        raise _Expired(path, f"reading and parsing took longer than the budget of {figure(PARSE_SECONDS)} per "
                             f"document ({PARSE_SECONDS.env}) and was stopped.")


def _can_signal() -> bool:
    """Signals work in the main thread only; a timer someone else set (a test runner's) is left alone."""
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0)


@contextmanager
def budget(path: str | Path, deadline: float | None = None) -> Iterator[float]:
    """Run the body within the document's time budget; yields the deadline (``time.monotonic``).

    A budget inside a budget (``check`` reads and parses inside one) keeps the outer deadline."""
    if deadline is None:
        deadline = time.monotonic() + value(PARSE_SECONDS)
    if _active or not _can_signal():
        yield _active[-1][1] if _active else deadline
        return
    left = deadline - time.monotonic()
    if left <= 0:
        raise _Expired(path, f"reading and parsing took longer than the budget of {figure(PARSE_SECONDS)} per "
                             f"document ({PARSE_SECONDS.env}) and was stopped.")
    previous = signal.signal(signal.SIGALRM, _alarm)
    _active.append((str(path), deadline))
    # Repeats every second after the deadline, in case code in the document's path
    # swallows the first exception (a broad ``except Exception``).
    signal.setitimer(signal.ITIMER_REAL, left, 1.0)
    try:
        yield deadline
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _active.pop()
        signal.signal(signal.SIGALRM, previous)


def hand_over(sha256: str, deadline: float) -> None:
    """The reader finished a document: its parser continues on the same clock."""
    global _handover
    _handover = (sha256, deadline)


def take_over(sha256: str) -> float | None:
    """The deadline the reader handed over for this document, or None (a fresh budget)."""
    global _handover
    handed, _handover = _handover, None
    return handed[1] if handed and handed[0] == sha256 else None
