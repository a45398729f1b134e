"""The typed ingestion model.

Every reader returns a :class:`RawDocument`; the structure parser turns it into a
:class:`Meeting`; the enrichers fill in the per-statement fields; the warehouse
loader accepts :class:`Meeting` objects and nothing else.  Keeping one model makes
the golden files, the CLI ``check`` output and the database agree by construction.

Line numbers are 1-based and count the lines of the document's extracted text from
the start of the document (not per page), so that ``line_start``/``line_end`` of a
fact point straight into the text shown on the "Møter" page.  ``page`` is the
1-based page the first line sits on (always 1 for plain text and Word files).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


# SourceLine.style of a short Word paragraph set entirely in bold: the parser reads it
# as a heading, like a Markdown "**bold line**" (Word minutes often mark units so).
BOLD_LINE_STYLE = "Bold line"


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of extracted text, as it appears in the document."""

    line_no: int
    page: int
    text: str
    # Word paragraph style name (e.g. "List Bullet 2"), None for text and PDF.
    style: str | None = None
    # List nesting level when the reader knows it (Word numbering), else None.
    level: int | None = None
    # A table row: the cell texts (a cell may hold several lines joined by "\n").
    cells: tuple[str, ...] | None = None


@dataclass(slots=True)
class RawDocument:
    """What a reader hands to the parser: the lines, plus where they came from."""

    source_file: str  # file name relative to the input folder
    sha256: str
    fmt: str  # "txt", "md", "pdf", "docx"
    lines: list[SourceLine]
    n_pages: int = 1
    encoding: str | None = None  # detected text encoding for txt/md


@dataclass(slots=True)
class Provenance:
    source_file: str
    page: int
    line_start: int
    line_end: int
    source_text: str  # verbatim lines, joined with "\n"


@dataclass(slots=True)
class Statement:
    """One fact: a bullet, a table-cell line or a paragraph of the minutes."""

    section: str  # one of vocab.SECTIONS
    text: str  # cleaned text: wrapped lines joined, hyphenation undone
    prov: Provenance
    item_no: str | None = None  # agenda item the statement sits under
    unit_raw: str | None = None  # reporting unit as written ("Oslo kommune")
    reporter: str | None = None  # person as written ("Anne Solheim")
    area: str | None = None  # action-programme area ("Næringsarealer"), else None
    # --- filled by the enrichers -------------------------------------------
    unit_name: str | None = None  # canonical unit name from the gazetteer
    unit_kind: str | None = None  # vocab.UNIT_KINDS
    kommunenummer: str | None = None
    region: str | None = None  # sub-region (Follo, Hamarregionen, …)
    county: str | None = None
    unit_known: bool = True  # False: not in the gazetteer (kept and flagged)
    reporter_canonical: str | None = None
    themes: list[str] = field(default_factory=list)
    fact_type: str = "annet"
    organisations: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # place names seen in the text
    jobs: int | None = None
    amount_nok: int | None = field(default=None, metadata={"sql": "BIGINT"})
    event_date: dt.date | None = None
    area_daa: float | None = None  # land area in dekar ("200 dekar næringsareal" → 200)
    # --- what the statement says about a sak (etl.extract.saker); None: context, no sak
    sak_kind: str | None = None  # vocab.SAK_KINDS
    sak_status: str | None = None  # vocab.SAK_STATUSES, None when the mention gives no status
    # Two or more things listed in one statement ("Microsoft + nytt prosjekt"): one
    # mention each; empty when the statement is about one thing.
    sak_parts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class AgendaItem:
    number: str  # as written, normalised: "3", "03/26", "6"
    title: str
    body: str
    prov: Provenance
    kind: str = "other"  # vocab.ITEM_KINDS: what sort of item this is
    decision: str | None = None


@dataclass(slots=True)
class Event:
    title: str
    prov: Provenance
    event_date: dt.date | None = None
    organiser: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Link:
    url: str
    prov: Provenance


@dataclass(slots=True)
class ParseWarning:
    """Something a reviewer should look at; never fatal."""

    code: str  # vocab.WARNING_CODES
    message: str  # Norwegian-free, English, one line
    line_no: int | None = None


@dataclass(slots=True)
class Sak:
    """One real-world thing the minutes follow over meetings (etl.saker builds these)."""

    sak_id: str  # stable across builds: "sak-" + 10 hex digits
    kind: str  # vocab.SAK_KINDS
    title: str  # short Norwegian title, from the first mention
    unit_name: str | None = None  # the unit that owns it (the kommune where it is, when known)
    unit_kind: str | None = None
    kommunenummer: str | None = None  # the unit's, or that of the kommune its place lies in
    region: str | None = None
    themes: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    first_mentioned: dt.date | None = None
    last_mentioned: dt.date | None = None
    n_mentions: int = 0  # statements that report on it
    n_meetings: int = 0  # meetings in which it was reported
    status: str | None = None  # vocab.SAK_STATUSES: the latest mention that gives one
    status_date: dt.date | None = None  # meeting date of that mention
    jobs: int | None = None  # the latest figure reported
    jobs_max: int | None = None  # the largest figure reported
    amount_nok: int | None = field(default=None, metadata={"sql": "BIGINT"})  # the latest amount
    area_daa: float | None = None  # the latest area, in dekar
    first_statement_id: str | None = None  # the mention the title comes from
    corrected: bool = False  # people merged, moved, renamed or set its status (the corrections file)


@dataclass(slots=True)
class SakMention:
    """A statement reporting on a sak, with the state that mention gives it."""

    statement_id: str
    sak_id: str
    meeting_id: str
    meeting_date: dt.date | None
    part: int = 0  # which thing of a statement that lists several (0 for most)
    status: str | None = None  # vocab.SAK_STATUSES
    jobs: int | None = None
    amount_nok: int | None = field(default=None, metadata={"sql": "BIGINT"})
    area_daa: float | None = None
    score: float | None = None  # the linker's match score (None: the mention that opened the sak)
    mention_key: str = ""  # hash of unit, text and part: lets the next build keep the sak id


@dataclass(slots=True)
class Correction:
    """One person's correction of the machine, as stored (one JSON line) in the corrections file.

    ``key`` says what is corrected by its source text, never by row numbers, so the
    correction finds its target again after any rebuild:

    * a statement, a mention: ``source_file``, ``meeting_date``, ``text`` (the
      statement as extracted) and ``n`` (which of identical texts in that file),
      plus ``part`` for one thing of a listed statement;
    * source lines (a statement that was missed): ``source_file``, ``line_start``,
      ``line_end`` and ``lines`` (their text);
    * a meeting: ``source_file`` and ``first_line`` (the document's first line);
    * a queue entry (``target`` "review"): ``item``.

    ``action`` says what to do (``etl.corrections.ACTIONS``); ``value`` the new
    value, ``old`` the value the machine gave (for people and for
    ``evaluate --corrections``), ``why`` the reason given.
    """

    id: str
    at: str  # ISO time with offset
    by: str  # who: the signed-in user, or "lokal: <os user>@<host>"
    target: str  # "statement", "meeting", "sak", "review"
    action: str
    key: dict[str, Any]
    value: Any = None
    old: Any = None
    why: str = ""
    other: dict[str, Any] | None = None  # a second key (merge: the other sak's mention; move: the target)


@dataclass(slots=True)
class Meeting:
    source_file: str
    sha256: str
    organ: str | None = None
    meeting_date: dt.date | None = None
    time_start: str | None = None  # "09:45"
    time_end: str | None = None
    place: str | None = None
    chair: str | None = None
    secretary: str | None = None
    attendees: list[str] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    n_pages: int = 1
    fmt: str = "txt"
    end_date: dt.date | None = None  # last day of a meeting over several days ("18.–19. september")
    kind: str = "referat"  # vocab MEETING_KINDS: "referat", or "innkalling" for a notice with only a sakliste

    @property
    def meeting_id(self) -> str:
        """Stable id: the date plus a short content hash (two meetings a day are fine)."""
        day = self.meeting_date.isoformat() if self.meeting_date else "ukjent"
        return f"{day}-{self.sha256[:8]}"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able dict (dates as ISO strings) for golden files and ``check``."""
        return _jsonable(asdict(self)) | {"meeting_id": self.meeting_id}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
