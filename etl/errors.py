"""Errors that name the file and the reason, for one-line messages without tracebacks."""

from __future__ import annotations

from pathlib import Path


class DocumentError(Exception):
    """A document that cannot be read or parsed. ``reason`` is one human sentence."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
