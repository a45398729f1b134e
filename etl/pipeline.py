"""One document from file to enriched :class:`~etl.model.Meeting`.

``process`` is the single entry point used by the build, ``check``, ``evaluate``
and the golden tests, so they can never disagree about what a document says.
"""

from __future__ import annotations

from pathlib import Path

from etl.model import Meeting, RawDocument


def parse_raw(raw: RawDocument) -> Meeting:
    """Pure function: raw lines → enriched meeting."""
    from etl.enrich import enrich
    from etl.parse import parse_document

    meeting = parse_document(raw)
    enrich(meeting)
    return meeting


def process(path: str | Path, root: str | Path | None = None) -> Meeting:
    """Read and parse one file. Raises :class:`etl.errors.DocumentError` on bad input."""
    from etl.readers import read_document

    return parse_raw(read_document(Path(path), Path(root) if root else None))
