"""Norwegian date expressions → :class:`datetime.date`.

Handles "23. oktober 2025", "11. November", "5. nov.", "mandag 3. februar",
"12.03.2026", "12.3.26", "4/3-26" and ISO "2026-03-12".  A date written without a year gets
its year from ``ref`` (normally the meeting date): the same year, unless that puts
it more than ~2 months before ``ref`` (then it is next year) or more than ~10 months
after it (then it was last year).  Without a year and without ``ref`` no date is
returned: guessing the current year would make parsing impure.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS: dict[str, int] = {
    "januar": 1, "jan": 1,
    "februar": 2, "feb": 2,
    "mars": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nov": 11,
    "desember": 12, "des": 12,
}  # fmt: skip

# Bokmål, then the nynorsk forms that differ ("måndag 3. mars").
WEEKDAYS: tuple[str, ...] = (
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    "måndag", "tysdag", "laurdag", "sundag",
)  # fmt: skip

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(WEEKDAYS)

# One pattern with four alternatives so matches come out in text order.
_DATE_RE = re.compile(
    rf"""
    (?<![\d.])(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})(?![\d])
    |
    (?<![\d.])(?P<nd>\d{{1,2}})\.(?P<nm>\d{{1,2}})\.(?P<ny>\d{{4}}|\d{{2}})(?![\d])
    |
    (?<![\d./])(?P<sd>\d{{1,2}})/(?P<sm>\d{{1,2}})-(?P<sy>\d{{4}}|\d{{2}})(?![\d])
    |
    (?:\b(?:{_WEEKDAY_ALT})\s+(?:den\s+)?)?
    (?<!\d)(?P<td>\d{{1,2}})\.?\s*(?P<tm>{_MONTH_ALT})\b\.?
    (?:\s*(?P<ty>\d{{4}})\b)?
    """,
    re.IGNORECASE | re.VERBOSE,
)

# How far before / after the reference date a year-less date may fall.
_BEFORE_DAYS = 62
_AFTER_DAYS = 305


def _infer_year(month: int, day: int, ref: dt.date | None) -> dt.date | None:
    if ref is None:
        return None
    try:
        cand = dt.date(ref.year, month, day)
    except ValueError:
        # 29 February in a non-leap reference year: try the neighbours.
        for year in (ref.year + 1, ref.year - 1):
            try:
                return dt.date(year, month, day)
            except ValueError:
                continue
        return None
    if (ref - cand).days > _BEFORE_DAYS:
        return _safe_date(ref.year + 1, month, day)
    if (cand - ref).days > _AFTER_DAYS:
        return _safe_date(ref.year - 1, month, day)
    return cand


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _match_to_date(m: re.Match[str], ref: dt.date | None) -> dt.date | None:
    if m.group("iy"):
        return _safe_date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    if m.group("nd"):
        year = int(m.group("ny"))
        if year < 100:
            year += 2000
        return _safe_date(year, int(m.group("nm")), int(m.group("nd")))
    if m.group("sd"):  # "4/3-26": day/month-year
        year = int(m.group("sy"))
        return _safe_date(year + 2000 if year < 100 else year, int(m.group("sm")), int(m.group("sd")))
    day = int(m.group("td"))
    month = MONTHS[m.group("tm").lower()]
    if m.group("ty"):
        return _safe_date(int(m.group("ty")), month, day)
    if not 1 <= day <= 31:
        return None
    return _infer_year(month, day, ref)


def find_date_spans(text: str, ref: dt.date | None = None) -> list[tuple[dt.date, int, int]]:
    """Every date in ``text`` with its character span, in text order."""
    out: list[tuple[dt.date, int, int]] = []
    for m in _DATE_RE.finditer(text):
        d = _match_to_date(m, ref)
        if d is not None:
            out.append((d, m.start(), m.end()))
    return out


def find_dates(text: str, ref: dt.date | None = None) -> list[dt.date]:
    """Every date in ``text``, in text order (duplicates kept)."""
    return [d for d, _, _ in find_date_spans(text, ref)]


def parse_norwegian_date(text: str, ref: dt.date | None = None) -> dt.date | None:
    """The first date in ``text``, or None."""
    for d, _, _ in find_date_spans(text, ref):
        return d
    return None
