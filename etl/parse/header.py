"""Meeting metadata from the preamble: organ, date, time, place, chair, secretary, attendees."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from etl.extract.dates import parse_norwegian_date
from etl.parse.lines import URL_RE, Line
from etl.parse.round_table import is_person

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
    "møteleder/referent": "chair_secretary", "møteleder og referent": "chair_secretary",
    "møteleder/sekretær": "chair_secretary", "leder/referent": "chair_secretary",
    "dato/tid": "time", "dato/klokkeslett": "time", "møtetid": "time", "tid/dato": "time",
    "tid og sted": "time_place", "dato og sted": "time_place", "tid/sted": "time_place", "dato/sted": "time_place",
    "tid og møtested": "time_place",
    "fraværende": "absent", "fravær": "absent", "forhindret": "absent",
    "møtedag": "time", "dag og tid": "time", "møte": "organ", "utvalg": "organ",
    "neste møte": "ignore", "saksbehandler": "ignore", "arkivsak": "ignore", "vår ref": "ignore",
}  # fmt: skip

_LABEL_RE = re.compile(
    r"^(?P<label>" + "|".join(sorted((re.escape(k) for k in LABELS), key=len, reverse=True)) + r")\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_TIME_RE = re.compile(r"(\d{1,2})[:.](\d{2})\s*(?:[-–—]|til)\s*(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})")
_SINGLE_TIME_RE = re.compile(r"\bkl\.?\s*(\d{1,2})[:.](\d{2})")
_BARE_TIME_RE = re.compile(r"(?<![\d.:/])(\d{1,2}):(\d{2})(?![\d.:])")  # "4/3-26 12:00"
_BARE_HOURS_RE = re.compile(r"^\s*(\d{1,2})\s*[-–—]\s*(\d{1,2})\s*$")
_HOURS_RE = re.compile(r"\bkl\.?\s*(\d{1,2})\s*(?:[-–—]|til)\s*(\d{1,2})\b(?![:.]\d)")  # "kl. 10–12"
# Date and time expressions cut out of "Tid og sted: 18. mars 2026, kl. 09.00–11.30, Lillestrøm rådhus".
_TIME_PLACE_CUT_RE = re.compile(
    r"(?:(?:man|tirs|ons|tors|fre|lør|søn)dag\s+)?(?:den\s+)?\d{1,2}\.\s*(?:jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des)"
    r"[a-zæøå]*\.?(?:\s+\d{4})?|\d{1,2}[./]\d{1,2}(?:[./-]\d{2,4})?|"
    r"(?:kl\.?\s*)?\d{1,2}[:.]\d{2}(?:\s*(?:[-–—]|til)\s*\d{1,2}[:.]\d{2})?|kl\.?\s*\d{1,2}(?:\s*[-–—]\s*\d{1,2})?",
    re.IGNORECASE,
)
_AGENDA_LIST_RE = re.compile(r"^(?:saksliste|sakliste|dagsorden|agenda|innhold)\s*:?$", re.IGNORECASE)
_ROLE_RE = re.compile(r"\((?P<role>møteleder|leder|referent|sekretær|ordstyrer)\)", re.IGNORECASE)
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
    t = re.sub(r"\s*[–—:-]\s*(?:møte)?referat$", "", t, flags=re.IGNORECASE)  # "Næringsgruppen – møtereferat"
    t = t.strip(" ,–—-:")
    if t.isupper() and len(t) > 3:  # "FAGGRUPPE FOR NÆRINGSSAMARBEID"
        t = t.lower()
    return (t[0].upper() + t[1:]) if t else None


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
    elif h.time_start is None and (m := _HOURS_RE.search(text)) and int(m.group(1)) < int(m.group(2)) <= 24:
        h.time_start, h.time_end = f"{int(m.group(1)):02d}:00", f"{int(m.group(2)):02d}:00"
    elif h.time_start is None and (m := _BARE_HOURS_RE.match(text)) and int(m.group(1)) < int(m.group(2)) <= 24:
        h.time_start, h.time_end = f"{int(m.group(1)):02d}:00", f"{int(m.group(2)):02d}:00"  # "Tid: 12-14"
    elif h.time_start is None:
        m = _SINGLE_TIME_RE.search(text) or _BARE_TIME_RE.search(text)
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


def _title(h: Header, content: list[Line]) -> None:
    """Title and organ from the lines above the first label: "Referat fra …", or a
    bare "REFERAT" with the organ on the next line; a letterhead above it is used up."""
    top: list[Line] = []
    for ln in content:
        if ln.cells is not None or ln.is_bullet or _LABEL_RE.match(ln.text) or _AGENDA_LIST_RE.match(ln.text):
            break
        top.append(ln)
        if len(top) == 4:
            break
    titled = next((i for i, ln in enumerate(top) if _TITLE_RE.search(ln.text)), None)
    if titled is None:
        h.title_line = next((ln for ln in content if ln.cells is None and not ln.is_bullet), None)
        if h.title_line is not None and h.title_line.heading:
            h.organ = organ_from_title(h.title_line.text)
            h.used.add(h.title_line.no)
        return
    h.title_line = top[titled]
    h.used.update(ln.no for ln in top[: titled + 1])
    h.organ = organ_from_title(h.title_line.text)
    nxt = top[titled + 1] if titled + 1 < len(top) else None
    if h.organ is None and nxt is not None and len(nxt.text.split()) <= 10 and not nxt.text.endswith("."):
        h.organ = organ_from_title(nxt.text)
        h.used.add(nxt.no)
    above = top[titled - 1] if titled else None
    if h.organ is None and above is not None and len(above.text.split()) >= 2 and not above.text.endswith("."):
        h.organ = organ_from_title(above.text)  # "Faggruppe for næringssamarbeid" over a bare "REFERAT"


def _entry_names(text: str) -> list[str] | None:
    """Attendees on one list line: "Per Hansen, Nordre Follo kommune" is one person
    with an affiliation; "Anne Solheim, Asbjørn Flo" two; None if not names."""
    parts = _split_names(text)
    if not parts:
        return None
    dash = re.match(r"^(?P<name>[^–—,]+?)\s+[–—-]\s+\S", text.strip())
    if len(parts) == 1 and dash and is_person(dash.group("name")):
        return [text.strip().rstrip(",;.")]  # "Kari Holm – Lillestrøm kommune (møteleder)"
    people = [is_person(_ROLE_RE.sub("", re.sub(r"\(.*?\)", "", p)).strip()) for p in parts]
    if len(parts) == 2 and people[0] and not people[1] and len(parts[1].split()) <= 5:
        return [text.strip().rstrip(",;.")]
    if people[0] and all(len(p.split()) <= 5 for p in parts):
        return parts
    return None


def _wraps(buf: str, text: str) -> bool:
    """Does an attendee paragraph ending in ``buf`` continue on the line ``text``?"""
    if buf.endswith(".") or text.endswith(":"):
        return False
    return (
        buf.endswith((",", " og", ";"))
        or buf.count("(") > buf.count(")")
        or text.startswith("(")
        or text[:1].islower()
        or "," in text
        or " og " in text  # "… Eli Arnkværn" / "Bryhni (Hamar) og Mari Strømsvåg."
    )


def parse_header(pre: list[Line], source_file: str) -> Header:
    """Read metadata from the preamble lines (label lines, lists and tables)."""
    h = Header()
    content = [ln for ln in pre if not ln.blank and not ln.noise]
    _title(h, content)
    date_texts: list[str] = []
    mode: str | None = None  # collecting a list after "Tilstede:" / "Forfall:" / "Saksliste"
    para: list[str] = []  # a "Til stede: A, B, …" paragraph wrapped over several lines
    name_col = 0

    def flush() -> None:
        if para and mode == "attendees":
            h.attendees.extend(_split_names(" ".join(para)))
        para.clear()

    for ln in content:
        if ln.no in h.used:
            continue
        if ln.cells is not None:
            flush()
            cells = [c for c in ln.cells]
            key = cells[0].strip().strip("*_").strip().rstrip(":").strip("*_").lower() if cells else ""
            label_m = _LABEL_RE.match(f"{key}: {' '.join(cells[1:])}") if len(cells) >= 2 else None
            if label_m and key in LABELS:  # "Dato | 18.02.2027", "| **Møtedato** | 9. desember 2026 |"
                kind = LABELS[key]
                value = " ".join(cells[1:]).replace("\n", ", ").strip()
                if kind == "attendees":
                    h.attendees.extend(_split_names(value))
                _apply(h, kind, value, date_texts)
                h.used.add(ln.no)
                mode = None
                continue
            low = [c.strip().lower() for c in cells]
            if mode is None and any(c in ("navn", "deltaker", "deltakere") for c in low) and len(ln.text.split()) <= 8:
                mode = "attendees"  # an attendee table without a "Tilstede:" label above it
            if mode == "attendees":
                if any(c in ("navn", "deltaker", "deltakere", "person") for c in low):
                    name_col = next(i for i, c in enumerate(low) if c in ("navn", "deltaker", "deltakere", "person"))
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
        if para and not _LABEL_RE.match(text) and _wraps(para[-1], text):
            para.append(text)
            h.used.add(ln.no)
            continue
        flush()
        if mode == "agenda" and (ln.numbered or ln.is_bullet):
            h.used.add(ln.no)  # the agenda listed up front, not the items themselves
            continue
        if _AGENDA_LIST_RE.match(text) and not ln.is_bullet:
            mode = "agenda"
            h.used.add(ln.no)
            continue
        m = _LABEL_RE.match(text)
        if m is None and ln.heading and text.strip().rstrip(":").lower() in LABELS:
            m = _LABEL_RE.match(text.strip().rstrip(":") + ":")  # a "Til stede" heading over a list
        if m and not ln.is_bullet:
            kind = LABELS[m.group("label").lower()]
            value = m.group("value").strip()
            h.used.add(ln.no)
            mode = None
            if kind in ("attendees", "absent"):
                mode = kind
                name_col = 0
                if value:
                    para.append(value)
                continue
            _apply(h, kind, value, date_texts)
            continue
        if mode in ("attendees", "absent"):
            names = [text.strip().rstrip(",;.")] if ln.is_bullet else _entry_names(text)
            if names:
                if mode == "attendees":
                    h.attendees.extend(names)
                h.used.add(ln.no)
                continue
        mode = None
    flush()
    _roles(h)
    # Date: labelled lines first, then the title, then the file name.
    for t in date_texts:
        d = parse_norwegian_date(t, None)
        if d:
            h.meeting_date = d
            break
    if h.title_line is not None and h.meeting_date is None:
        h.meeting_date = parse_norwegian_date(h.title_line.text, None)
    if h.meeting_date is None:
        h.meeting_date = date_from_filename(source_file)
    return h


def _roles(h: Header) -> None:
    """"Eli Bryhni (leder)", "Mari Strømsvåg (referent)" in the attendee list."""
    for entry in h.attendees:
        m = _ROLE_RE.search(entry)
        if not m:
            continue
        person = _person(entry)
        if m.group("role").lower() in ("referent", "sekretær"):
            h.secretary = h.secretary or person
        else:
            h.chair = h.chair or person


def apply_trailer(h: Header, lines: list[Line]) -> set[int]:
    """"Referent: …" / "Møteleder: …" written after the last item; returns the used line numbers."""
    used: set[int] = set()
    for ln in lines:
        m = _LABEL_RE.match(ln.text) if ln.cells is None and not ln.is_bullet else None
        if m and LABELS[m.group("label").lower()] in ("secretary", "chair"):
            kind = LABELS[m.group("label").lower()]
            if getattr(h, kind) is None:
                _apply(h, kind, m.group("value").strip(), [])
            used.add(ln.no)
    return used


def _apply(h: Header, kind: str, value: str, date_texts: list[str]) -> None:
    if kind in ("time", "date"):
        date_texts.append(value)
        _times(value, h)
    elif kind == "chair_secretary" and value:
        h.chair = h.secretary = _person(value)
    elif kind == "time_place" and value:
        date_texts.append(value)
        _times(value, h)
        place = _TIME_PLACE_CUT_RE.sub(" ", value)
        place = re.sub(r"^[\s,;–—-]+|[\s,;–—-]+$", "", re.sub(r"\s*,\s*(?:,\s*)+", ", ", place))
        h.place = place.rstrip(".") or None
    elif kind == "organ" and value and h.organ is None:
        h.organ = organ_from_title(value)
    elif kind == "place" and value:
        h.place = value.rstrip(".")
    elif kind == "chair" and value:
        h.chair = _person(value)
    elif kind == "secretary" and value:
        h.secretary = _person(value)


def is_url_only(text: str) -> bool:
    return bool(URL_RE.fullmatch(text.strip().rstrip(".")))
