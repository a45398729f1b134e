"""The Norwegian sentences every export carries: filters, source line, made date, citations."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from zoneinfo import ZoneInfo

from dashboard.formatting import (
    fmt_count,
    fmt_date_long,
    fmt_date_short,
    fmt_decimal,
    fmt_int,
    fmt_period,
)

SOURCE_ORGAN = "referater fra Osloregionens faggruppe for Næringssamarbeid"
APP_NAME = "Næringspuls"
SEPARATOR = " · "
OSLO = ZoneInfo("Europe/Oslo")


def today() -> dt.date:
    """The date in Oslo, for "Laget …" (the server may run in UTC)."""
    return dt.datetime.now(OSLO).date()


def period_text(period: Sequence[dt.date | None]) -> str | None:
    start, end = (tuple(period) + (None, None))[:2]
    if start is None and end is None:
        return None
    return fmt_period(start or end, end or start)


def filter_items(filters: Mapping[str, str], period: Sequence[dt.date | None] = (None, None)) -> list[tuple[str, str]]:
    """Filters in display order; adds "Periode" from the data when the page did not name it."""
    items = [(str(k), str(v)) for k, v in filters.items() if v is not None and str(v) != ""]
    if not any(k.lower() == "periode" for k, _ in items):
        text = period_text(period)
        if text:
            items.append(("Periode", text))
    return items


def filters_line(filters: Mapping[str, str], period: Sequence[dt.date | None] = (None, None)) -> str:
    """``Tema: Forsvar · Region: Alle · Periode: 23.10.2025–12.03.2026``."""
    return SEPARATOR.join(f"{k}: {v}" for k, v in filter_items(filters, period))


def corrections_text(n: int) -> str:
    """``bygger på 3 manuelle rettelser`` (empty for none)."""
    if not n:
        return ""
    return f"bygger på {fmt_int(n)} manuell rettelse" if n == 1 else f"bygger på {fmt_int(n)} manuelle rettelser"


def source_line(period: Sequence[dt.date | None] = (None, None), corrections: int = 0) -> str:
    """``Kilde: referater fra Osloregionens faggruppe for Næringssamarbeid, 23.10.2025–12.03.2026``,
    and ``, bygger på 3 manuelle rettelser`` when people have corrected the data."""
    parts = [f"Kilde: {SOURCE_ORGAN}", period_text(period), corrections_text(corrections)]
    return ", ".join(p for p in parts if p)


def made_line(made: dt.date | None = None) -> str:
    """``Laget 26.11.2026``."""
    return f"Laget {fmt_date_short(made or today())}"


def footer_line(period: Sequence[dt.date | None] = (None, None), made: dt.date | None = None,
                corrections: int = 0) -> str:
    """Source and made date on one line, for the foot of a chart or slide."""
    return f"{source_line(period, corrections)}{SEPARATOR}{made_line(made)} med {APP_NAME}"


def _present(value) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return False
    except ImportError:  # pragma: no cover
        pass
    return str(value).strip() != ""


def _int(value) -> int | None:
    try:
        return int(value) if _present(value) else None
    except (TypeError, ValueError):
        return None


def location(source_file=None, page=None, line_start=None, line_end=None) -> str:
    """``fil.pdf s. 1, l. 49–51`` (parts that are unknown are left out)."""
    parts: list[str] = []
    if _present(source_file):
        parts.append(str(source_file))
    p, a, b = _int(page), _int(line_start), _int(line_end)
    where: list[str] = []
    if p is not None:
        where.append(f"s. {p}")
    if a is not None:
        where.append(f"l. {a}" if b is None or b == a else f"l. {a}–{b}")
    if where:
        parts.append(", ".join(where))
    return " ".join(parts)


def citation(row: Mapping) -> str:
    """``Enhet · 23.10.2025 · fil.pdf s. 1, l. 49–51`` for one statement row."""
    parts = []
    if _present(row.get("unit_name")):
        parts.append(str(row.get("unit_name")))
    if _present(row.get("meeting_date")):
        parts.append(fmt_date_short(row.get("meeting_date")))
    loc = location(row.get("source_file"), row.get("page"), row.get("line_start"), row.get("line_end"))
    if loc:
        parts.append(loc)
    return SEPARATOR.join(parts)


# How a unit of the gazetteer is named in a sentence a board reads (kind → pattern).
UNIT_NAME_PATTERNS = {"kommune": "{} kommune", "fylke": "{} fylkeskommune"}
DOCUMENT_KINDS = {"referat": "referat", "innkalling": "innkalling", "saksliste": "saksliste"}


def date_words(value) -> str:
    """``30. november 2026``: the date as a board reads it."""
    return fmt_date_long(value)


def unit_full_name(name, kind=None) -> str:
    """``Asker kommune`` for the kommune Asker; a sub-region keeps its own name (``Follo``)."""
    if not _present(name):
        return ""
    name = str(name).strip()
    pattern = UNIT_NAME_PATTERNS.get(str(kind or ""))
    if pattern is None or name.lower().endswith(pattern.format("").strip().lower()):
        return name
    return pattern.format(name)


def board_citation(row: Mapping) -> str:
    """``Asker kommune, møtet 23. oktober 2025 (referat s. 1)``: unit, meeting date in words, the
    document's kind (``kind``, default referat) and page; parts that are unknown are left out."""
    unit = unit_full_name(row.get("unit_name"), row.get("unit_kind"))
    meeting = f"møtet {date_words(row.get('meeting_date'))}" if _present(row.get("meeting_date")) else ""
    kind = row.get("kind") if _present(row.get("kind")) else "referat"
    page = _int(row.get("page"))
    doc = DOCUMENT_KINDS.get(str(kind), str(kind)) + (f" s. {page}" if page is not None else "")
    head = ", ".join(p for p in (unit, meeting) if p)
    head = head[:1].upper() + head[1:]  # "Møtet 23. oktober 2025 (referat s. 1)" when no unit is named
    return f"{head} ({doc})" if head else doc


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary with an ellipsis."""
    text = " ".join(str(text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return f"{cut}…"


def sak_figure_items(k: Mapping) -> list[tuple[str, str, str]]:
    """The key figures of the register (``queries.sak_key_figures``) as (label, value, note):
    the same counts on Oversikt, on Saker and in the board pack."""

    def daa(v) -> str:
        v = float(v or 0)
        return f"{fmt_int(v) if v == int(v) else fmt_decimal(v)} daa"

    return [
        ("Datasenterprosjekter", fmt_int(k["datacenters"]), f"{fmt_count(k['datacenters_new'], 'ny', 'nye')} siden forrige møte"),
        ("Nedleggelser", fmt_int(k["closures"]), f"{fmt_int(k['closure_jobs'])} tapte arbeidsplasser"),
        ("Etableringer", fmt_int(k["establishments"]), f"{fmt_int(k['establishment_jobs'])} nye arbeidsplasser"),
        ("Næringsareal", daa(k["area_daa"]), f"i {fmt_int(k['area_saker'])} saker"),
        ("Saker i alt", fmt_int(k["saker"]), f"nevnt {fmt_int(k['mentions'])} ganger"),
    ]
