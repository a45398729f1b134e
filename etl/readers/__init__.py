"""Readers: one file → :class:`~etl.model.RawDocument`.

``read_document`` is the only entry point.  Every way a file can be unreadable
(empty, binary, corrupt, encrypted, scanned, unsupported, over a limit of
:mod:`etl.limits`) becomes a :class:`~etl.errors.DocumentError` with a
one-sentence reason; no library traceback escapes.  Reading runs within the
document's time budget, which the parser then continues (``limits.hand_over``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from etl import limits
from etl.errors import DocumentError
from etl.model import RawDocument

SUPPORTED_EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".pdf", ".docx")


def source_name(path: Path, root: Path | None) -> str:
    """The file name relative to ``root`` (posix), or the bare name."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.name


def read_document(path: Path, root: Path | None = None) -> RawDocument:
    """Read one minutes document. Raises DocumentError on bad input."""
    path = Path(path)
    with limits.budget(path) as deadline:
        raw = _read(path, root)
    limits.hand_over(raw.sha256, deadline)
    return raw


def _read(path: Path, root: Path | None) -> RawDocument:
    ext = path.suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        raise DocumentError(
            path,
            f"unsupported file type '{ext or '(none)'}' — supported are "
            + ", ".join(SUPPORTED_EXTENSIONS) + ".",
        )
    try:
        limits.check_file_size(path, path.stat().st_size)  # before a byte is read
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, f"cannot read the file ({exc.strerror or exc}).") from None
    if not data.strip():
        raise DocumentError(path, "file is empty.")
    sha = hashlib.sha256(data).hexdigest()
    name = source_name(path, root)

    if ext in (".txt", ".md"):
        from etl.readers.text import read_text

        lines, n_pages, encoding = read_text(path, data)
        limits.check_lines(path, len(lines))
        return RawDocument(name, sha, ext[1:], lines, n_pages=n_pages, encoding=encoding)
    if ext == ".pdf":
        from etl.readers.pdf import read_pdf

        lines, n_pages = read_pdf(path, data)
        limits.check_lines(path, len(lines))
        return RawDocument(name, sha, "pdf", lines, n_pages=n_pages)
    from etl.readers.docx import read_docx

    lines = read_docx(path, data)  # checks the lines as it goes
    return RawDocument(name, sha, "docx", lines, n_pages=1)


__all__ = ["SUPPORTED_EXTENSIONS", "read_document", "source_name"]
