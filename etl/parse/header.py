"""Meeting metadata from the preamble: organ, date, time, place, chair, secretary, attendees."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from etl.extract.dates import find_date_spans, parse_norwegian_date
from etl.parse.lines import URL_RE, Line
from etl.parse.meeting_dates import (
    DATE_TEXT,
    PLACE_DATE_RE,
    choose_meeting_date,
)
from etl.parse.names import is_person
from etl.parse.organs import TITLE_AFTER_RE, dated_body, organ_from_title
from etl.parse.vocabulary import (
    AGENDA_LIST_HEADINGS,
    ATTENDANCE_HEADINGS,
    BODY_NAME_ENDINGS,
    HEADER_LABELS,
    MEETING_NOUNS,
    NOTICE_WORDS,
    PROTOCOL_SIGNERS,
    TITLE_WORDS,
    alternation,
)

LABELS: dict[str, str] = HEADER_LABELS

_LABEL_RE = re.compile(
    r"^(?P<label>" + alternation(LABELS) + r")\s*:\s*(?P<value>.*)$",
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
_AGENDA_LIST_RE = re.compile(rf"^(?:{alternation(AGENDA_LIST_HEADINGS)})\s*:?$", re.IGNORECASE)
_ROLE_RE = re.compile(r"\((?P<role>møteleder|leder|referent|sekretær|ordstyrer)\)", re.IGNORECASE)
_TITLE_RE = re.compile(rf"^(?:{alternation(TITLE_WORDS + NOTICE_WORDS)})\b", re.IGNORECASE)
_NOTICE_RE = re.compile(rf"^(?:{alternation(NOTICE_WORDS)})\b", re.IGNORECASE)
# A notice named after the body: "Valdresrådet – møteinnkalling".
_NOTICE_AFTER_RE = re.compile(rf"\s+[–—-]\s+(?:{alternation(NOTICE_WORDS)})\b", re.IGNORECASE)
_NOUN_TITLE_RE = re.compile(rf"^(?:{alternation(MEETING_NOUNS)})\b(?!\s+(?:i|for|med)\s+[a-zæøå])", re.IGNORECASE)
_MEETING_TITLE_RE = re.compile(
    rf"^[A-ZÆØÅ][^.:]{{2,80}}\s(?:{alternation(MEETING_NOUNS)})\b[\s,–—-]*(?:{DATE_TEXT})\s*$", re.IGNORECASE
)
_ADDRESSEE_RE = re.compile(r"^(?:til|kopi til|adressat)\s+\S", re.IGNORECASE)
_ATTENDANCE = tuple((re.compile(p, re.IGNORECASE), kind) for p, kind in ATTENDANCE_HEADINGS)
_SIGNERS_RE = re.compile(rf"^(?:{alternation(PROTOCOL_SIGNERS)})\b", re.IGNORECASE)
# A label in the middle of a line whose breaks were lost: "… Tid: kl. 12 Sted: Hamar …".
_MID_LABEL_RE = re.compile(
    r"(?<=\S)\s+(?=(?:" + alternation(k.capitalize() for k in HEADER_LABELS)
    + r")\s*:\s)"
)
_COLUMNS_RE = re.compile(r"\S(?:\s{2,}|\t)\S")


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
    end_date: dt.date | None = None  # last day of a meeting over several days
    notice: bool = False  # the title says innkalling
    letter_date: dt.date | None = None  # "Gran, 3. oktober 2025": when the letter was sent
    organ_from_letterhead: bool = False  # a "Utvalg:" label names the body better


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


def _letterhead(lines: list[Line]) -> Line | None:
    """The body's name above a title: the nearest short line that is no place-and-date
    line, no addressee ("Til medlemmene i …") and no sentence."""
    for ln in reversed(lines):
        t = ln.text
        if PLACE_DATE_RE.match(t) or _ADDRESSEE_RE.match(t) or t.endswith(".") or find_date_spans(t, None):
            continue
        if 2 <= len(t.split()) <= 8 or (len(t.split()) == 1 and t[:1].isupper() and len(t) > 3):
            return ln
    return None


def _listing_line(text: str) -> bool:
    """A line of a saksliste printed as text under its heading ("PS 0011/11 10/00417 Innstilling
    vedtatt", "SAKSPROTOKOLL: GODKJENNING AV …", its column names): no label the header reads, no
    attendance heading, and no sentence of prose."""
    if _LABEL_RE.match(text) or _SIGNERS_RE.match(text) or _attendance_heading(text, False) is not None:
        return False
    return not (text.rstrip().endswith((".", "!", "?")) and len(text.split()) > 8)


def _title(h: Header, content: list[Line]) -> None:
    """Title and organ from the lines above the first label: "Referat fra …", a bare
    "REFERAT"/"MØTEINNKALLING" with the organ on the next line or in the letterhead above."""
    top: list[Line] = []
    for ln in content:
        if ln.cells is not None or ln.is_bullet or _LABEL_RE.match(ln.text) or _AGENDA_LIST_RE.match(ln.text):
            break
        top.append(ln)
        if len(top) == 6:
            break
    for ln in top:
        if PLACE_DATE_RE.match(ln.text):  # the letter's date line is metadata, not text
            h.letter_date = parse_norwegian_date(ln.text, None)
            h.used.add(ln.no)
    titled = next((i for i, ln in enumerate(top) if _TITLE_RE.search(ln.text) or TITLE_AFTER_RE.search(ln.text)), None)
    if titled is None:  # "Styremøte 4/2024" under a letterhead: the meeting noun is the title
        titled = next((i for i, ln in enumerate(top) if _NOUN_TITLE_RE.match(ln.text) and not ln.text.endswith(".")), None)
    if titled is None:
        h.title_line = next((ln for ln in content if ln.cells is None and not ln.is_bullet), None)
        if h.title_line is not None and (
            h.title_line.heading or _MEETING_TITLE_RE.search(h.title_line.text) or dated_body(h.title_line.text)
        ):
            h.organ = organ_from_title(h.title_line.text)  # a heading, or "X Møte 22. mai 2012"
            h.used.add(h.title_line.no)
        return
    h.title_line = top[titled]
    # The notice word may be on the title line or on a short line of its own near it
    # ("Valdresrådet – møteinnkalling" over a heading "MØTEINNKALLING").
    h.notice = any(
        _NOTICE_RE.match(ln.text) and (ln is h.title_line or len(ln.text.split()) <= 6)
        or _NOTICE_AFTER_RE.search(ln.text)
        for ln in top
    )
    h.used.update(ln.no for ln in top[: titled + 1])
    h.organ = organ_from_title(h.title_line.text)
    nxt = top[titled + 1] if titled + 1 < len(top) else None
    if (
        h.organ is None
        and nxt is not None
        and len(nxt.text.split()) <= 10
        and not nxt.text.endswith(".")
        and not PLACE_DATE_RE.match(nxt.text)
    ):
        h.organ = organ_from_title(nxt.text)
        h.used.add(nxt.no)
    above = _letterhead(top[:titled]) if titled else None
    if h.organ is None and above is not None:
        h.organ = organ_from_title(above.text)  # "Faggruppe for næringssamarbeid" over a bare "REFERAT"
        h.organ_from_letterhead = True


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
    content = _split_fields([ln for ln in pre if not ln.blank and not ln.noise])
    segmented = {ln.no for i, ln in enumerate(content) if i and content[i - 1].no == ln.no}
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
        if ln.no in h.used and ln.no not in segmented:
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
                    if name and not is_person(name):
                        # "Kvalnes | Geir Ask | Tone Moe": a table by member, its people in the other columns
                        h.attendees.extend(c.strip() for c in cells if is_person(c.strip()))
                    elif name:
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
        if mode == "agenda" and (ln.numbered or ln.is_bullet or _listing_line(text)):
            h.used.add(ln.no)  # the agenda listed up front, not the items themselves
            continue
        if _AGENDA_LIST_RE.match(text) and not ln.is_bullet:
            mode = "agenda"
            h.used.add(ln.no)
            continue
        if _SIGNERS_RE.match(text):  # "Protokollen godkjennes av: …"
            h.used.add(ln.no)
            mode = None
            continue
        attendance = _attendance_heading(text, ln.heading > 0)
        if attendance is not None and not ln.is_bullet:  # "Følgende faste medlemmer møtte:"
            mode, value = attendance
            name_col = 0
            h.used.add(ln.no)
            if value:
                para.append(value)
            continue
        if mode in ("attendees", "absent") and _COLUMNS_RE.search(text):  # "Kari Li      Leder     Tinn"
            cols = [c.strip() for c in re.split(r"\s{2,}|\t", text) if c.strip()]
            if cols[0].lower() not in ("navn", "deltaker", "name") and is_person(cols[0]) and mode == "attendees":
                h.attendees.append(cols[0])
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
    if h.organ is None:  # "Hallingdal næringsråd" on a line of its own among the header fields
        named = next((ln for ln in content if ln.no not in h.used and _body_name(ln)), None)
        if named is not None:
            h.organ = organ_from_title(named.text)
            h.used.add(named.no)
    _roles(h)
    _meeting_date(h, content, date_texts, source_file)
    return h


def _body_name(ln: Line) -> bool:
    """A short line that only names a body: no digits, no sentence, ending like one."""
    t = ln.text.strip()
    words = t.split()
    return (
        ln.cells is None
        and not ln.is_bullet
        and 1 < len(words) <= 8
        and t[:1].isupper()
        and not any(c.isdigit() for c in t)
        and not t.endswith((".", ":", ",", ";", "?", "!"))
        and t.lower().endswith(BODY_NAME_ENDINGS)
    )


def _split_fields(content: list[Line]) -> list[Line]:
    """Header fields run together on one line (line breaks lost): "Referat … Tid: kl. 12
    Sted: Hamar Til stede: …" becomes one line per field, all with the source line's number."""
    out: list[Line] = []
    for ln in content:
        colon = ln.text.find(":")
        if (
            ln.cells is not None
            or ln.is_bullet
            or colon < 0
            or (ln.text.count(":") < 2 and colon < 25)  # one label at the start, or none
            or not _MID_LABEL_RE.search(ln.text)
        ):
            out.append(ln)
            continue
        parts = [p for p in _MID_LABEL_RE.split(ln.text) if p.strip()]
        if len(parts) < 2 or not (_LABEL_RE.match(ln.text) or _TITLE_RE.match(ln.text) or len(parts) >= 3):
            out.append(ln)
            continue
        out.extend(replace(ln, text=p.strip()) for p in parts)
    return out


def _attendance_heading(text: str, heading: bool) -> tuple[str, str] | None:
    """("attendees" | "absent", value) for "Følgende faste medlemmer møtte:",
    "Følgende medlemmer hadde forfall:", "Frå sekretariatet: Marit Lunde (dagleg leiar)"."""
    head, colon, value = text.partition(":")
    opener = head.lower().startswith(("følgende ", "følgjande "))  # a sentence-like heading, colon or not
    if not (colon or heading or opener) or len(head.split()) > 8 or head.strip().lower() in LABELS:
        return None
    low = head.strip().lower()
    for pattern, kind in _ATTENDANCE:
        if pattern.search(low):
            return kind, value.strip()
    return None


def _dated_prose(text: str) -> bool:
    """May this line's date be the meeting's? Not "Neste møte: …", "Forfall: …", "Arkivsak: …"."""
    m = _LABEL_RE.match(text)
    return m is None or LABELS[m.group("label").lower()] not in ("ignore", "absent", "attendees")


def _meeting_date(h: Header, content: list[Line], date_texts: list[str], source_file: str) -> None:
    texts = [ln.text for ln in content if ln.cells is None]
    prose = [t for t in texts if not PLACE_DATE_RE.match(t) and _dated_prose(t)]
    title = h.title_line.text if h.title_line is not None else ""
    h.meeting_date, end = choose_meeting_date(title, date_texts, prose, texts, source_file, h.letter_date)
    h.end_date = end or h.end_date


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
    for i, ln in enumerate(lines):
        m = _LABEL_RE.match(ln.text) if ln.cells is None and not ln.is_bullet else None
        if m and LABELS[m.group("label").lower()] in ("secretary", "chair"):
            kind = LABELS[m.group("label").lower()]
            if getattr(h, kind) is None:
                _apply(h, kind, m.group("value").strip(), [])
            used.add(ln.no)
            continue
        # A signature: the name, then its role on the line below ("Mari Lien" over "Referent").
        role = LABELS.get(ln.text.strip().rstrip(":").lower()) if ln.cells is None and not ln.is_bullet else None
        if role in ("secretary", "chair") and i and is_person(lines[i - 1].text.strip()):
            if getattr(h, role) is None:
                _apply(h, role, lines[i - 1].text.strip(), [])
            used.update((lines[i - 1].no, ln.no))
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
    elif kind == "organ" and value and (h.organ is None or h.organ_from_letterhead):
        h.organ = organ_from_title(value)
        h.organ_from_letterhead = False
    elif kind == "place" and value:
        h.place = value.rstrip(".")
    elif kind == "chair" and value:
        h.chair = _person(value)
    elif kind == "secretary" and value:
        h.secretary = _person(value)


def is_url_only(text: str) -> bool:
    return bool(URL_RE.fullmatch(text.strip().rstrip(".")))
