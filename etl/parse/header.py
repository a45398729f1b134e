"""Meeting metadata from the preamble: organ, date, time, place, chair, secretary, attendees."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from etl.extract.dates import parse_norwegian_date
from etl.parse.lines import URL_RE, Line

LABELS: dict[str, str] = {
    "tid": "time", "tidspunkt": "time", "klokkeslett": "time", "dato og tid": "time",
    "dato": "date", "møtedato": "date", "dato for møtet": "date",
    "sted": "place", "møtested": "place", "møtelokale": "place",
    "møteleder": "chair", "leder": "chair", "ordstyrer": "chair", "møteleiar": "chair",
    "sekretariat": "secretary", "referent": "secretary", "sekretær": "secretary", "referat skrevet av": "secretary",
    "tilstede": "attendees", "til stede": "attendees", "deltakere": "attendees", "møtt": "attendees",
    "tilstede på møtet": "attendees", "til stede på møtet": "attendees", "deltagere": "attendees",
    "møtt fra": "attendees",
    "forfall": "absent", "meldt forfall": "absent", "ikke til stede": "absent", "kopi": "absent",
    "neste møte": "ignore", "saksbehandler": "ignore", "arkivsak": "ignore", "vår ref": "ignore",
}  # fmt: skip

_LABEL_RE = re.compile(
    r"^(?P<label>" + "|".join(sorted((re.escape(k) for k in LABELS), key=len, reverse=True)) + r")\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_TIME_RE = re.compile(r"(\d{1,2})[:.](\d{2})\s*(?:[-–—]|til)\s*(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})")
_SINGLE_TIME_RE = re.compile(r"\bkl\.?\s*(\d{1,2})[:.](\d{2})")
_TITLE_RE = re.compile(r"^(?:møte)?referat\b|^protokoll\b", re.IGNORECASE)
_NAME_IN_FILE_DATE_RE = re.compile(r"(\d{4})[-_.](\d{2})[-_.](\d{2})|(\d{2})[-_.](\d{2})[-_.](\d{4})")


@dataclass(slots=True)
class Header:
    organ: str | None = None
    meeting_date: dt.date | None = None
    time_start: str | None = None
    time_end: str | None = None
    place: str | None = None
    chair: str | None = None
    secretary: str | None = None
    attendees: list[str] = field(default_factory=list)
    title_line: Line | None = None
    used: set[int] = field(default_factory=set)  # line numbers consumed as metadata


def organ_from_title(title: str) -> str | None:
    t = re.sub(r"^(?:møte)?referat(?:\s+fra|\s*[-–—:])?\s*", "", title.strip(), flags=re.IGNORECASE)
    t = re.sub(r"^(?:det\s+)?møte(?:t)?\s+i\s+", "", t, flags=re.IGNORECASE)
    # Drop a trailing date ("… 12. mars 2026", "… 12.03.2026") and separators.
    t = re.sub(r"[\s,–—-]*(?:(?:man|tirs|ons|tors|fre|lør|søn)dag\s+)?(?:den\s+)?\d{1,2}\.\s*\w+\.?\s*\d{4}$", "", t)
    t = re.sub(r"[\s,–—-]*\d{1,2}\.\d{1,2}\.\d{2,4}$|[\s,–—-]*\d{4}-\d{2}-\d{2}$", "", t)
    t = t.strip(" ,–—-:")
    return t or None


def _person(value: str) -> str | None:
    v = re.sub(r"\s*\(.*?\)\s*", " ", value).strip()
    v = v.split(",")[0].strip()
    v = re.split(r"\s+[–—-]\s+", v)[0].strip()
    return v.rstrip(".") or None


def _split_names(value: str) -> list[str]:
    parts = re.split(r",(?![^()]*\))|;|\s+og\s+(?![^()]*\))", value)
    return [p.strip().rstrip(".").strip() for p in parts if p.strip().strip(".")]


def _times(text: str, h: Header) -> None:
    m = _TIME_RE.search(text)
    if m and h.time_start is None:
        h.time_start = f"{int(m.group(1)):02d}:{m.group(2)}"
        h.time_end = f"{int(m.group(3)):02d}:{m.group(4)}"
    elif h.time_start is None:
        m = _SINGLE_TIME_RE.search(text)
        if m:
            h.time_start = f"{int(m.group(1)):02d}:{m.group(2)}"


def date_from_filename(name: str) -> dt.date | None:
    m = _NAME_IN_FILE_DATE_RE.search(name)
    if not m:
        return None
    try:
        if m.group(1):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return dt.date(int(m.group(6)), int(m.group(5)), int(m.group(4)))
    except ValueError:
        return None


def parse_header(pre: list[Line], source_file: str) -> Header:
    """Read metadata from the preamble lines (label lines, lists and tables)."""
    h = Header()
    content = [ln for ln in pre if not ln.blank and not ln.noise]
    for ln in content:
        if ln.cells is None and not ln.is_bullet:
            h.title_line = ln
            break
    date_texts: list[str] = []
    mode: str | None = None  # collecting a list after "Tilstede:" / "Forfall:"
    name_col = 0
    for ln in content:
        if ln.cells is not None:
            cells = [c for c in ln.cells]
            label_m = _LABEL_RE.match(f"{cells[0]}: {' '.join(cells[1:])}") if len(cells) >= 2 else None
            if label_m and cells[0].strip().rstrip(":").lower() in LABELS:
                _apply(h, LABELS[cells[0].strip().rstrip(':').lower()], " ".join(cells[1:]).strip(), date_texts)
                h.used.add(ln.no)
                mode = None
                continue
            if mode == "attendees":
                low = [c.lower() for c in cells]
                if any(c in ("navn", "deltaker", "person") for c in low):
                    name_col = next(i for i, c in enumerate(low) if c in ("navn", "deltaker", "person"))
                else:
                    name = cells[name_col].strip() if name_col < len(cells) else ""
                    if name:
                        h.attendees.append(name)
                h.used.add(ln.no)
                continue
            if mode == "absent":
                h.used.add(ln.no)
            continue
        text = ln.text
        m = _LABEL_RE.match(text)
        if m and not ln.is_bullet:
            kind = LABELS[m.group("label").lower()]
            value = m.group("value").strip()
            h.used.add(ln.no)
            mode = None
            if kind in ("attendees", "absent"):
                mode = kind
                name_col = 0
                if value and kind == "attendees":
                    h.attendees.extend(_split_names(value))
                continue
            _apply(h, kind, value, date_texts)
            continue
        names_line = "," in text and all(0 < len(x.split()) <= 5 for x in _split_names(text))
        if mode in ("attendees", "absent") and (
            ln.is_bullet or names_line or (len(text.split()) <= 8 and not text.endswith(":"))
        ):
            if mode == "attendees":
                if ln.is_bullet:
                    h.attendees.append(text.strip().rstrip(",;."))
                else:
                    h.attendees.extend(_split_names(text))
            h.used.add(ln.no)
            continue
        mode = None
    # Date: labelled lines first, then the title, then the file name.
    for t in date_texts:
        d = parse_norwegian_date(t, None)
        if d:
            h.meeting_date = d
            break
    if h.title_line is not None:
        title = h.title_line.text
        if h.meeting_date is None:
            h.meeting_date = parse_norwegian_date(title, None)
        if _TITLE_RE.search(title) or h.title_line.heading:
            h.organ = organ_from_title(title)
            h.used.add(h.title_line.no)
    if h.meeting_date is None:
        h.meeting_date = date_from_filename(source_file)
    return h


def _apply(h: Header, kind: str, value: str, date_texts: list[str]) -> None:
    if kind in ("time", "date"):
        date_texts.append(value)
        _times(value, h)
    elif kind == "place" and value:
        h.place = value.rstrip(".")
    elif kind == "chair" and value:
        h.chair = _person(value)
    elif kind == "secretary" and value:
        h.secretary = _person(value)


def is_url_only(text: str) -> bool:
    return bool(URL_RE.fullmatch(text.strip().rstrip(".")))
