"""Parser behaviour on small inline documents in layouts other than the seed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from etl.model import RawDocument, SourceLine
from etl.parse import parse_document
from etl.parse.events import parse_event_text
from etl.parse.lines import join_text
from etl.parse.round_table import cell_points, split_unit
from etl.readers import read_document
from etl.readers.text import text_to_lines

BAD = Path(__file__).resolve().parent / "fixtures" / "bad"


def parse_text(text: str, name: str = "referat.txt"):
    lines, n_pages = text_to_lines(text)
    return parse_document(RawDocument(name, "0" * 64, "txt", lines, n_pages=n_pages))


def rt(meeting):
    return [(s.unit_raw, s.reporter, s.text) for s in meeting.statements if s.section == "round_table"]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (["Kommunen har vedtatt ny plan for nærings-", "arealer langs E6."], "Kommunen har vedtatt ny plan for næringsarealer langs E6."),
        (["Arbeid med Oslo/Akershus-", "samarbeid om gods."], "Arbeid med Oslo/Akershus-samarbeid om gods."),
        (["kutt i FOR-", "region"], "kutt i FOR-region"),
        (["Vekst i E16-", "korridoren"], "Vekst i E16-korridoren"),
        (["Møterekke med Osloregionen –", "tre aktører"], "Møterekke med Osloregionen – tre aktører"),
        (["  mange   mellomrom ", "", " her "], "mange mellomrom her"),
    ],
)
def test_join_text(parts, expected):
    assert join_text(parts) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oslo kommune (Anne Solheim):", ("Oslo kommune", "Anne Solheim")),
        ("Lillestrøm kommune v/ Kari Holm:", ("Lillestrøm kommune", "Kari Holm")),
        ("Nordre Follo kommune – Per Hansen:", ("Nordre Follo kommune", "Per Hansen")),
        ("Kongsvingerregionen (Tove Kristin Gulbrandsen)", ("Kongsvingerregionen", "Tove Kristin Gulbrandsen")),
        ("Asker kommune:", ("Asker kommune", None)),
        ("Bekymring for kutt i statsbudsjettet", None),
        ("Oslo Business Region (OBR)", ("Oslo Business Region (OBR)", None)),
    ],
)
def test_split_unit(text, expected):
    assert split_unit(text) == expected


def test_cell_points_strip_bullets_and_join_wrapped_lines():
    cell = "• Første punkt.\n• Andre punkt som fortsetter\npå neste linje.\nTredje punkt."
    assert cell_points(cell) == ["Første punkt.", "Andre punkt som fortsetter på neste linje.", "Tredje punkt."]


def test_units_in_mixed_styles_with_prose_and_one_liners():
    m = parse_text(
        "Referat fra Osloregionens faggruppe for næringssamarbeid\nDato: 12.03.2026\n\n"
        "Sak 03/26 Orienteringer fra kommunene\n"
        "Kort runde:\n"
        "- Lillestrøm kommune v/ Kari Holm:\n"
        "   – Nytt datasenter på Kjeller med 150 arbeidsplasser.\n"
        "   – Plan for nærings-\n     arealer er vedtatt.\n"
        "Nordre Follo kommune – Per Hansen:\n"
        "Langhus får ny industri. Orkla legger ned lageret,\n\nog 120 mister jobben.\n"
        "Drammen kommune: Havnestrategi vedtatt.\n"
        "Lier kommune: Ingen nye saker.\n"
    )
    assert m.agenda[0].number == "03/26" and m.agenda[0].kind == "round_table"
    assert rt(m) == [
        ("Lillestrøm kommune", "Kari Holm", "Nytt datasenter på Kjeller med 150 arbeidsplasser."),
        ("Lillestrøm kommune", "Kari Holm", "Plan for næringsarealer er vedtatt."),
        ("Nordre Follo kommune", "Per Hansen", "Langhus får ny industri."),
        ("Nordre Follo kommune", "Per Hansen", "Orkla legger ned lageret, og 120 mister jobben."),
        ("Drammen kommune", None, "Havnestrategi vedtatt."),
        ("Lier kommune", None, "Ingen nye saker."),
    ]
    orkla = m.statements[3]
    assert (orkla.prov.line_start, orkla.prov.line_end) == (11, 13)
    assert m.warnings == []


def test_page_furniture_removed_and_statement_joined_across_page_break():
    page = "Osloregionen – referat 12.03.2026\n"
    m = parse_text(
        page + "Referat fra Osloregionens faggruppe for næringssamarbeid\nDato: 12.03.2026\n"
        "1. Runde rundt bordet\n"
        "• Asker kommune (Asbjørn Flo):\n"
        "o Chemring Nobel planlegger en ny fabrikk med\n"
        "Side 1 av 2\n\f" + page + "\n"
        "300 nye stillinger i Heggedal.\n"
        "o Kostnadskutt i kommunen.\n"
        "2/2\n"
    )
    texts = rt(m)
    assert texts == [
        ("Asker kommune", "Asbjørn Flo", "Chemring Nobel planlegger en ny fabrikk med 300 nye stillinger i Heggedal."),
        ("Asker kommune", "Asbjørn Flo", "Kostnadskutt i kommunen."),
    ]
    st = m.statements[0]
    assert (st.prov.page, st.prov.line_start, st.prov.line_end) == (1, 6, 10)
    assert "Side 1" not in st.prov.source_text and "referat 12.03" not in st.prov.source_text
    assert m.organ == "Osloregionens faggruppe for næringssamarbeid"


def test_numbered_list_inside_an_item_is_not_an_agenda_item():
    m = parse_text(
        "Referat\nDato: 1.2.2026\n"
        "1. Godkjenning av innkalling\nGodkjent.\n"
        "2. Orienteringer fra sekretariatet\n"
        "1. Høringssvar sendt.\n2. Nytt nettsted.\n3. Ny rådgiver ansatt.\n"
        "3. Runde rundt bordet\n"
        "Asker kommune: Ny plan.\n"
    )
    assert [(a.number, a.title) for a in m.agenda] == [
        ("1", "Godkjenning av innkalling"),
        ("2", "Orienteringer fra sekretariatet"),
        ("3", "Runde rundt bordet"),
    ]
    sec = [s.text for s in m.statements if s.section == "secretariat"]
    assert sec == ["Høringssvar sendt.", "Nytt nettsted.", "Ny rådgiver ansatt."]


def test_word_heading_units_and_table_round_table():
    def L(no, text, style=None, level=None, cells=None):
        return SourceLine(no, 1, text, style=style, level=level, cells=cells)

    lines = [
        L(1, "Referat fra faggruppe for næringssamarbeid", "Title"),
        L(2, "Dato: 7. mai 2026"),
        L(3, "Sak 2 Runde rundt bordet", "Heading 2"),
        L(4, "Bærum kommune", "Heading 3"),
        L(5, "Equinor flytter 400 ansatte.", "List Bullet", 1),
        L(6, "Fornebubanen forsinket.", "List Bullet 2", 2),
        L(7, "Kommune | Representant | Hovedpunkter", cells=("Kommune", "Representant", "Hovedpunkter")),
        L(8, "Moss | Jonas Eriksen | …", cells=("Moss kommune", "Jonas Eriksen", "• Nammo vokser.\n• 200 ingeniører søkes.")),
    ]
    m = parse_document(RawDocument("x.docx", "0" * 64, "docx", lines))
    assert rt(m) == [
        ("Bærum kommune", None, "Equinor flytter 400 ansatte."),
        ("Bærum kommune", None, "Fornebubanen forsinket."),
        ("Moss kommune", "Jonas Eriksen", "Nammo vokser."),
        ("Moss kommune", "Jonas Eriksen", "200 ingeniører søkes."),
    ]
    assert m.statements[-1].prov.line_start == 8
    assert m.meeting_date == dt.date(2026, 5, 7)


def test_markdown_headings():
    m = parse_text("# Referat 12. mars 2026\n\n## Sak 2 Runde rundt bordet\n* **Asker kommune:**\n  * Ny plan.\n", "m.md")
    assert m.agenda[0].number == "2"
    assert rt(m) == [("Asker kommune", None, "Ny plan.")]
    assert m.meeting_date == dt.date(2026, 3, 12)


def test_text_before_any_unit_is_flagged():
    m = parse_text("Referat\nDato: 1.2.2026\nSak 1 Runde rundt bordet\nDet var god stemning i møtet.\n")
    assert [w.code for w in m.warnings] == ["unparsed_line"]
    assert m.warnings[0].line_no == 4


def test_empty_and_missing_round_table():
    m = parse_text("Referat\nDato: 1.2.2026\nSak 1 Runde rundt bordet\nSak 2 Eventuelt\nIngen saker.\n")
    assert [w.code for w in m.warnings] == ["empty_round_table"]
    m = parse_text("Referat\nDato: 1.2.2026\nSak 1 Eventuelt\nIngen saker.\n")
    assert [w.code for w in m.warnings] == ["no_round_table"]


def test_nodate_fixture_warns():
    m = parse_document(read_document(BAD / "nodate.txt"))
    assert m.meeting_date is None
    assert [w.code for w in m.warnings] == ["no_date"]
    assert rt(m) == [("Asker kommune", "Asbjørn Flo", "Arbeid med ny næringsplan.")]


def test_date_from_file_name_as_last_resort():
    m = parse_text("Referat\nSak 1 Runde rundt bordet\nAsker kommune: Ny plan.\n", "osloregionen-2026-02-05.txt")
    assert m.meeting_date == dt.date(2026, 2, 5)


@pytest.mark.parametrize(
    "text",
    ["", "\n\n\n", "Sak", "1.\n2.\n3.", "• \n o \n–", "| a | b |\n|---|---|\n| | |", "Vedtak:\n", "Sak 1 Runde rundt bordet\n:"],
)
def test_odd_input_never_crashes(text):
    m = parse_text(text)
    assert m.source_file == "referat.txt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Biogasseminar (5. november).", ("Biogasseminar", dt.date(2025, 11, 5), None)),
        (
            "Seminar om forsvarsindustri, Mosseregionens Næringsutvikling (10. November)",
            ("Seminar om forsvarsindustri", dt.date(2025, 11, 10), "Mosseregionens Næringsutvikling"),
        ),
        (
            "Seminar om kjernekraft, Asker kommune (11. november) (kontakt Asbjørn Flo).",
            ("Seminar om kjernekraft", dt.date(2025, 11, 11), "Asker kommune"),
        ),
        (
            "5. februar: Frokostmøte om datasenter og kraft, Lillestrøm Næringsforening",
            ("Frokostmøte om datasenter og kraft", dt.date(2026, 2, 5), "Lillestrøm Næringsforening"),
        ),
        ("Konferanse i Follo 12. februar (arr. Follo Næringsutvikling)", ("Konferanse i Follo", dt.date(2026, 2, 12), "Follo Næringsutvikling")),
        ("Frokostmøte om kjernekraft 9. april (Asker kommune)", ("Frokostmøte om kjernekraft", dt.date(2026, 4, 9), "Asker kommune")),
    ],
)
def test_parse_event_text(text, expected):
    assert parse_event_text(text, dt.date(2025, 10, 23) if "2025" not in text else None)[:3] == expected or \
        parse_event_text(text, dt.date(2025, 10, 23)) == expected
