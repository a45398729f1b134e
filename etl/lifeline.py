"""Processes that die with their parent, so a build whose server is gone never swaps in a database.

Linux only (``prctl(PR_SET_PDEATHSIG)`` through ctypes); elsewhere these are no-ops.
The kernel sends the signal when the *thread* that started the child ends, so the
child must be started from a thread that waits for it (``subprocess.run`` does).
The setting is cleared in a forked child, hence ``workers_die_with_this_process``:
the build's parse workers are forked by a process pool, and each sets it again.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Callable

PR_SET_PDEATHSIG = 1

_forking_pid: int | None = None  # the pid of the process that forks, as seen in its child


def _prctl() -> Callable | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def parent_death_hook(parent_pid: int | None = None) -> Callable[[], None] | None:
    """A ``preexec_fn`` for ``subprocess``: the child gets SIGKILL when its parent dies; None off Linux.

    The function is looked up before the fork, so the child only makes one system call."""
    prctl = _prctl()
    if prctl is None:
        return None
    parent = os.getpid() if parent_pid is None else parent_pid

    def hook() -> None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the call above: too late for the signal
            os._exit(1)

    return hook


def workers_die_with_this_process() -> None:
    """Every process forked from this one from now on gets SIGKILL when this one dies."""
    prctl = _prctl()
    if prctl is None:
        return

    def before() -> None:
        global _forking_pid
        _forking_pid = os.getpid()

    def after_in_child() -> None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != _forking_pid:
            os._exit(1)

    os.register_at_fork(before=before, after_in_child=after_in_child)
