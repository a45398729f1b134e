"""One document from file to enriched :class:`~etl.model.Meeting`.

``process`` is the single entry point used by the build, ``check``, ``evaluate``
and the golden tests, so they can never disagree about what a document says.
"""

from __future__ import annotations

from pathlib import Path

from etl import limits
from etl.model import Meeting, RawDocument


def parse_raw(raw: RawDocument) -> Meeting:
    """Pure function: raw lines → enriched meeting.

    Runs on the time budget the reader started for this document (a fresh one for
    a document that was not just read); a document with more statements than the
    limit fails before enrichment, the costly part."""
    from etl.enrich import enrich
    from etl.parse import parse_document

    with limits.budget(raw.source_file, limits.take_over(raw.sha256)):
        meeting = parse_document(raw)
        limits.check_statements(raw.source_file, len(meeting.statements))
        enrich(meeting)
    return meeting


def process(path: str | Path, root: str | Path | None = None) -> Meeting:
    """Read and parse one file within one time budget. Raises :class:`etl.errors.DocumentError` on bad input."""
    from etl.readers import read_document

    with limits.budget(path):
        return parse_raw(read_document(Path(path), Path(root) if root else None))
