"""The meeting's date from the preamble: labelled, titled, a range over several days, a weekday
date, the file name, and last the letter's place-and-date line; a date without a year takes
the meeting's year."""

from __future__ import annotations

import datetime as dt
import re

from etl.extract.dates import parse_norwegian_date
from etl.parse.vocabulary import MONTHS, WEEKDAYS, alternation

MONTH_ALT = alternation(MONTHS)
WEEKDAY_ALT = alternation(WEEKDAYS)
# A date or date range, possibly with a weekday: "fredag 13. mars 2026", "18.–19. september 2014".
DATE_TEXT = (
    rf"(?:(?:{WEEKDAY_ALT})\s+(?:den\s+)?)?(?:\d{{1,2}}\.?\s*(?:[-–—]|og|til)\s*(?:(?:{WEEKDAY_ALT})\s+)?)?"
    rf"\d{{1,2}}\.\s*(?:{MONTH_ALT})\.?"
    r"(?:\s+\d{4})?|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}"
)
_RANGE_RE = re.compile(
    rf"(?<![\d.])(?P<d1>\d{{1,2}})\.?(?:\s*(?P<m1>{MONTH_ALT})\.?)?\s*(?:[-–—]|og|til)\s*"
    rf"(?:(?:{WEEKDAY_ALT})\s+)?(?P<d2>\d{{1,2}})\.?\s*"  # "mandag 9. og tirsdag 10. september"
    rf"(?P<m2>{MONTH_ALT})\b\.?(?:\s*(?P<y>\d{{4}}))?",
    re.IGNORECASE,
)
# "18.09.–19.09.2014", "30.6-1.7.2015"
_NUM_RANGE_RE = re.compile(
    r"(?<![\d.])(?P<d1>\d{1,2})\.(?P<m1>\d{1,2})\.?(?:\d{2,4})?\s*[-–—]\s*(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y>\d{4}|\d{2})(?!\d)"
)
_DAY_MONTH_RE = re.compile(rf"(?<![\d.])(?P<d>\d{{1,2}})\.\s*(?P<m>{MONTH_ALT})\b", re.IGNORECASE)
_WEEKDAY_DATE_RE = re.compile(rf"\b(?:{WEEKDAY_ALT})\s+(?:den\s+)?\d{{1,2}}\.", re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(19[89]\d|20\d\d)\b")
# A letter's place-and-date line ("Kongsberg, 20. mars 2026"): when it was sent, not the meeting.
PLACE_DATE_RE = re.compile(
    rf"^[A-ZÆØÅ][\wæøåÆØÅ .-]{{1,40}},\s*(?:den\s+)?(?:\d{{1,2}}\.\s*(?:{MONTH_ALT})\.?\s+\d{{4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}})\.?$"
)

_NAME_IN_FILE_DATE_RE = re.compile(r"(\d{4})[-_.](\d{2})[-_.](\d{2})|(\d{2})[-_.](\d{2})[-_.](\d{4})")


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


def date_in(text: str, year: int | None) -> tuple[dt.date, dt.date | None] | None:
    """(start, end) of the first date in ``text``: a range "18.–19. september 2014" or
    "30. juni–1. juli", a full date, or a day and month taking ``year``."""
    r = _RANGE_RE.search(text) or _NUM_RANGE_RE.search(text)
    if r:
        y = int(r.group("y")) if r.group("y") else year
        if y is not None and y < 100:
            y += 2000
        if y is not None:
            m2 = int(r.group("m2")) if r.group("m2").isdigit() else MONTHS[r.group("m2").lower()]
            m1 = (int(r.group("m1")) if r.group("m1").isdigit() else MONTHS[r.group("m1").lower()]) if r.group("m1") else m2
            try:
                start, end = dt.date(y, m1, int(r.group("d1"))), dt.date(y, m2, int(r.group("d2")))
            except ValueError:
                start = end = None
            if start is not None and end is not None and start < end:
                return start, end
    d = parse_norwegian_date(text, None)
    if d is not None:
        return d, None
    m = _DAY_MONTH_RE.search(text)
    if m and year is not None:
        try:
            return dt.date(year, MONTHS[m.group("m").lower()], int(m.group("d"))), None
        except ValueError:
            return None
    return None


def choose_meeting_date(title: str, date_texts: list[str], prose: list[str], texts: list[str], source_file: str,
                        letter_date: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """(start, end) of the meeting. Labelled dates (``date_texts``) first, then the title, then a
    range or a weekday date in the preamble's ``prose`` ("møte … tirsdag 14. oktober 2025"), the
    file name, any other date in ``prose``, and last the letter's place-and-date line. A date
    without a year takes the meeting's year (from the title, the file name or any of ``texts``)."""
    from_file = date_from_filename(source_file)
    years = _YEAR_RE.findall(title) or ([str(from_file.year)] if from_file else []) or [
        y for t in texts for y in _YEAR_RE.findall(t)
    ]
    year = int(years[0]) if years else None
    for t in [*date_texts, title]:
        found = date_in(t, year)
        if found:
            return found
    ranges = [t for t in prose if _RANGE_RE.search(t)]  # "Samling på Otta 2.–3. juni 2025"
    for candidates in (ranges, [t for t in prose if _WEEKDAY_DATE_RE.search(t)]):
        for t in candidates:
            found = date_in(t, year)
            if found:
                return found
    if from_file is not None:
        return from_file, None
    for t in prose:
        found = date_in(t, None)
        if found:
            return found
    return letter_date, None
