"""Pure helpers of the dashboard: iCalendar writer, URL state, Markdown escaping, selections."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard import filters
from dashboard.components.selection import parse_selection
from dashboard.components.statements import count_note, source_ref
from dashboard.components.text import escape_markdown, quote
from dashboard.ics import CalendarEvent, escape_text, fold, to_ics

STAMP = dt.datetime(2025, 10, 24, 8, 0, tzinfo=dt.timezone.utc)


def test_ics_structure_crlf_and_all_day():
    ev = CalendarEvent(uid="2025-10-23-abcd1234-e07", date=dt.date(2025, 11, 21), summary="Hadelandskonferansen",
                       description="Kilde: referat.txt, s. 1, linje 240", url="https://hadelandskonferansen.no/")
    text = to_ics([ev], stamp=STAMP)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")  # only CRLF line endings
    lines = text.split("\r\n")
    assert "DTSTART;VALUE=DATE:20251121" in lines and "DTEND;VALUE=DATE:20251122" in lines
    assert "UID:2025-10-23-abcd1234-e07@naeringspuls.osloregionen" in lines
    assert "URL:https://hadelandskonferansen.no/" in lines
    assert "DTSTAMP:20251024T080000Z" in lines
    assert "DESCRIPTION:Kilde\\: referat.txt\\, s. 1\\, linje 240" not in lines  # ':' is not escaped
    assert "DESCRIPTION:Kilde: referat.txt\\, s. 1\\, linje 240" in lines
    assert text.count("BEGIN:VEVENT") == text.count("END:VEVENT") == 1


def test_ics_escaping():
    assert escape_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"
    text = to_ics([CalendarEvent("x", dt.date(2025, 1, 1), "Konferanse «Taper i kampen», del 1; 2")], stamp=STAMP)
    assert "SUMMARY:Konferanse «Taper i kampen»\\, del 1\\; 2" in text


def test_ics_folding_at_75_octets_keeps_utf8_whole():
    line = "DESCRIPTION:" + "æøå" * 60
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line
    ics = to_ics([CalendarEvent("y", dt.date(2025, 1, 1), "æ" * 100)], stamp=STAMP)
    assert all(len(raw.encode("utf-8")) <= 75 for raw in ics.split("\r\n"))


def test_ics_url_cannot_inject_properties():
    text = to_ics([CalendarEvent("z", dt.date(2025, 1, 1), "x", url="https://a.no/\r\nATTACH:evil")], stamp=STAMP)
    assert "\r\nATTACH:evil" not in text


def test_escape_markdown_renders_literally():
    raw = "**fet** [lenke](javascript:alert(1)) <b>html</b> # overskrift _kursiv_ `kode` 1. liste"
    esc = escape_markdown(raw)
    for token in ("\\*\\*fet\\*\\*", "\\]\\(", "\\<b\\>", "\\`kode\\`", "\\_kursiv\\_", "\\# ", "1\\. liste"):
        assert token in esc, token
    assert quote("hei") == "«hei»"
    assert escape_markdown(None) == ""


def test_source_ref_and_count_note():
    assert source_ref("referat.txt", 1, 75, 75) == "referat.txt, s. 1, linje 75"
    assert source_ref("referat.pdf", 2, 10, 12) == "referat.pdf, s. 2, linje 10–12"
    assert count_note(200, 5000) .startswith("Viser 200 av 5 000 utsagn")
    assert count_note(3, 3) == "3 utsagn."


@pytest.mark.parametrize(
    "value,expected",
    [("Asker", "Asker kommune"), ("asker kommune", "Asker kommune"), ("Hamar", "Hamarregionen"), ("zzz", None),
     ("a", None), ("o", None), ("slo", "Oslo kommune")],  # a value several names share picks none (issue #12)
)
def test_resolve_name(value, expected):
    assert filters.resolve_name(value, ["Asker kommune", "Hamarregionen", "Oslo kommune"]) == expected


def test_known_and_encode():
    assert filters.known(["Forsvar", "ukjent", "datasenter"], ["forsvar", "datasenter"]) == ["forsvar", "datasenter"]
    assert filters.encode(["forsvar", "datasenter"]) == "forsvar,datasenter"
    assert filters.encode([]) is None
    assert filters.encode(dt.date(2025, 10, 23)) == "2025-10-23"


def test_parse_selection_from_plotly_events():
    trend = {"selection": {"points": [{"x": "2025-01-17", "y": 3, "customdata": ["forsvar", "2025-01-17", "17. januar 2025"]}]}}
    units = {"selection": {"points": [{"x": 4, "y": "Asker", "customdata": ["Asker"]}, {"y": "Oslo"}]}}
    sel = parse_selection(trend, units)
    assert sel.dates == [dt.date(2025, 1, 17)] and sel.themes == ["forsvar"] and sel.units == ["Asker", "Oslo"]
    assert not parse_selection(None, {"selection": {"points": []}})
