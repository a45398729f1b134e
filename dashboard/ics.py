"""A small RFC 5545 (iCalendar) writer for the events of the minutes.

All-day events (``DTSTART;VALUE=DATE``, ``DTEND`` the day after), ``UID`` from
the event id, ``URL`` when known, and ``DESCRIPTION`` with the source (file,
page, lines).  Text values are escaped (backslash, semicolon, comma, newline),
lines are folded at 75 octets and end with CRLF, as the RFC requires.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

PRODID = "-//Næringspuls//Kalender//NO"
UID_DOMAIN = "naeringspuls.osloregionen"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    date: dt.date
    summary: str
    description: str | None = None
    location: str | None = None
    url: str | None = None


def escape_text(value: str) -> str:
    """RFC 5545 §3.3.11 TEXT escaping."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets (UTF-8), never inside a multi-byte character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)


def _clean_url(url: str) -> str:
    # URI values are not TEXT-escaped, but must not break the line.
    return "".join(ch for ch in url.strip() if ch not in "\r\n")


def to_ics(events: Iterable[CalendarEvent], *, calendar_name: str = "Næringspuls – arrangementer",
           stamp: dt.datetime | None = None) -> str:
    """The calendar as a string with CRLF line endings (encode as UTF-8 to download)."""
    stamp = (stamp or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    dtstamp = stamp.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(calendar_name)}",
    ]
    for ev in events:
        uid = ev.uid if "@" in ev.uid else f"{ev.uid}@{UID_DOMAIN}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape_text(uid)}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{ev.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{ev.date + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(ev.summary)}",
        ]
        if ev.description:
            lines.append(f"DESCRIPTION:{escape_text(ev.description)}")
        if ev.location:
            lines.append(f"LOCATION:{escape_text(ev.location)}")
        if ev.url:
            lines.append(f"URL:{_clean_url(ev.url)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
