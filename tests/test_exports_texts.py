"""The Norwegian sentences every export carries."""

import datetime as dt

from dashboard.exports import texts
from exports_helpers import PERIOD


def test_filters_line_names_filters_and_adds_period():
    assert texts.filters_line({"Tema": "Forsvar", "Region": "Alle"}, PERIOD) == (
        "Tema: Forsvar · Region: Alle · Periode: 23.10.2025–12.03.2026"
    )
    # A page that names the period itself is not second-guessed.
    assert texts.filters_line({"Periode": "Alle"}, PERIOD) == "Periode: Alle"


def test_source_and_made_lines():
    assert texts.source_line(PERIOD) == (
        "Kilde: referater fra Osloregionens faggruppe for Næringssamarbeid, 23.10.2025–12.03.2026"
    )
    assert texts.made_line(dt.date(2026, 11, 26)) == "Laget 26.11.2026"
    assert "Laget 26.11.2026" in texts.footer_line(PERIOD, dt.date(2026, 11, 26))


def test_citation_formats():
    row = {"unit_name": "Enhet", "meeting_date": dt.date(2025, 10, 23), "source_file": "fil.pdf",
           "page": 1, "line_start": 49, "line_end": 51}
    assert texts.citation(row) == "Enhet · 23.10.2025 · fil.pdf s. 1, l. 49–51"
    row.update(line_end=49, page=float("nan"), unit_name=None)
    assert texts.citation(row) == "23.10.2025 · fil.pdf l. 49"


def test_shorten_cuts_at_word():
    assert texts.shorten("en to tre fire", 9) == "en to…"
    assert texts.shorten("kort", 10) == "kort"
