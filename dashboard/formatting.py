"""Norwegian number and date formats for the UI and exports (``1 200``, ``23. oktober 2025``)."""

from __future__ import annotations

import datetime as dt
import math

from etl.vocab import MONTH_NAMES as MONTHS
MONTHS_SHORT = ("jan.", "feb.", "mars", "apr.", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des.")

NBSP = "\u00a0"  # keeps "1 200" on one line


def fmt_int(value: int | float | None, *, nbsp: bool = False) -> str:
    """``1200`` → ``1 200``; None/NaN → ``–``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{int(round(value)):,}".replace(",", NBSP if nbsp else " ")
    return text.replace("-", "−")


def fmt_decimal(value: float | None, digits: int = 1) -> str:
    if value is None or math.isnan(value):
        return "–"
    text = f"{value:,.{digits}f}"
    return text.replace(",", " ").replace(".", ",")


def fmt_nok(value: int | float | None) -> str:
    """Compact Norwegian money: ``70 000 000`` → ``70 mill. kr``, ``2 300 000 000`` → ``2,3 mrd. kr``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    v = float(value)
    if abs(v) >= 1e9:
        return f"{fmt_decimal(v / 1e9, 1).removesuffix(',0')} mrd. kr"
    if abs(v) >= 1e6:
        return f"{fmt_decimal(v / 1e6, 1).removesuffix(',0')} mill. kr"
    return f"{fmt_int(v)} kr"


def _as_date(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:  # pandas Timestamp / numpy datetime64 / ISO string
        import pandas as pd

        ts = pd.Timestamp(value)
        return None if pd.isna(ts) else ts.date()
    except (ValueError, TypeError):
        return None


def fmt_date_long(value) -> str:
    """``2025-10-23`` → ``23. oktober 2025``."""
    d = _as_date(value)
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}" if d else "–"


def fmt_date_span(start, end=None) -> str:
    """A meeting over one or more days in words: ``23. oktober 2025``, ``18.–19. september 2014``,
    ``30. september – 1. oktober 2025``, ``30. desember 2025 – 2. januar 2026``."""
    a, b = _as_date(start), _as_date(end) if end is not None else None
    if a is None:
        return "–"
    if b is None or b <= a:
        return fmt_date_long(a)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}.–{fmt_date_long(b)}"
    if a.year == b.year:
        return f"{a.day}. {MONTHS[a.month - 1]} – {fmt_date_long(b)}"
    return f"{fmt_date_long(a)} – {fmt_date_long(b)}"


def fmt_date_short(value) -> str:
    """``2025-10-23`` → ``23.10.2025``."""
    d = _as_date(value)
    return f"{d:%d.%m.%Y}" if d else "–"


def fmt_month(value) -> str:
    """``2025-10-23`` → ``okt. 2025``."""
    d = _as_date(value)
    return f"{MONTHS_SHORT[d.month - 1]} {d.year}" if d else "–"


def fmt_period(start, end) -> str:
    """``23.10.2025–12.03.2026``; a single date when start == end."""
    a, b = fmt_date_short(start), fmt_date_short(end)
    return a if a == b else f"{a}–{b}"


def fmt_count(n: int | None, singular: str, plural: str) -> str:
    """``1 møte``, ``2 møter``, ``1 200 utsagn``: a number with the noun in the right form."""
    n = int(n or 0)
    return f"{fmt_int(n)} {singular if n == 1 else plural}"
