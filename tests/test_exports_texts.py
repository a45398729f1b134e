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


def test_the_source_line_says_how_many_corrections_the_data_rests_on():
    base = "Kilde: referater fra Osloregionens faggruppe for Næringssamarbeid, 23.10.2025–12.03.2026"
    assert texts.source_line(PERIOD, 0) == base
    assert texts.source_line(PERIOD, 1) == base + ", bygger på 1 manuell rettelse"
    assert texts.source_line(PERIOD, 1234) == base + ", bygger på 1 234 manuelle rettelser"
    assert texts.footer_line(PERIOD, dt.date(2026, 11, 26), 3).startswith(base + ", bygger på 3 manuelle rettelser · ")


def test_excel_and_board_pack_carry_the_corrections_count():
    import dataclasses
    import io

    from openpyxl import load_workbook
    from pptx import Presentation

    from dashboard.exports import api, tables
    from exports_helpers import FILTERS, MADE, bar_figure, context, region_data

    ctx = dataclasses.replace(context(), corrections=2)
    wb = load_workbook(io.BytesIO(tables.to_excel_bytes(region_data(), ctx, made=MADE)))
    about = dict(wb["Om uttrekket"].iter_rows(values_only=True))
    assert about["Kilde"].endswith("23.10.2025–12.03.2026, bygger på 2 manuelle rettelser")
    prs = Presentation(io.BytesIO(api.export_pack([(bar_figure(), ctx, region_data())], None, FILTERS, "pptx", made=MADE)))
    first = "\n".join(s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame)
    assert "bygger på 2 manuelle rettelser" in first
