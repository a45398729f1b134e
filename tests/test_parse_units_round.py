"""Unit headers and rounds of reports in layouts from other bodies (#9), in invented words.

Each case is a few lines of minutes run through the line cleaner, the block
builder and the round-table parser, with the exact (unit, reporter, statement)
triples expected.  Statements follow README: one per bullet, one per sentence
of prose.
"""

from __future__ import annotations

import pytest

from etl.model import BOLD_LINE_STYLE, SourceLine
from etl.parse.lines import clean_lines, make_blocks
from etl.parse.names import reporter_name
from etl.parse.round_table import is_round, round_table_statements
from etl.parse.units import heading_unit, role_briefing, split_unit


def lines(*rows: str | tuple[str, str]) -> list[SourceLine]:
    """SourceLines from text rows; a (style, text) pair sets a Word style."""
    out = []
    for i, row in enumerate(rows, 1):
        style, text = row if isinstance(row, tuple) else (None, row)
        out.append(SourceLine(i, 1, text, style=style, level=1 if style == "List Bullet" else None))
    return out


def blocks(*rows: str | tuple[str, str]):
    return make_blocks(clean_lines(lines(*rows), 1))


def reports(*rows: str | tuple[str, str]) -> list[tuple[str | None, str | None, str]]:
    stmts, _ = round_table_statements(blocks(*rows), "x.txt", "4")
    return [(s.unit_raw, s.reporter, s.text) for s in stmts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("v/ ordfører Kari Nilsen", "Kari Nilsen"),
        ("ved dagleg leiar Anne-Lise Berg", "Anne-Lise Berg"),
        ("Per Dahl og Eli Lie", "Per Dahl"),
        ("Tor A. Moen (rådmann)", "Tor A. Moen"),
        ("ordføraren", None),
        ("kommunen", None),
    ],
)
def test_reporter_name(text, expected):
    assert reporter_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hol v/ordfører Kari Nilsen", ("Hol", "Kari Nilsen")),
        ("Tinn kommune v/ Per Dahl og Eli Lie", ("Tinn kommune", "Per Dahl")),
        ("2.3 Moss kommune", ("Moss kommune", None)),
        ("Bjørkvik næringsråd (v/ leiar Oda Rist)", ("Bjørkvik næringsråd", "Oda Rist")),
    ],
)
def test_split_unit(text, expected):
    assert split_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fjellbygd – Linda Hauge", ("Fjellbygd", "Linda Hauge")),  # not in the gazetteer
        ("Nordvik", ("Nordvik", None)),
        ("Nore og Uvdal", ("Nore og Uvdal", None)),
        ("Oppfølging", None),
        ("Vedtak", None),
        ("Status 2026", None),
        ("Kommunen treng fleire bustader.", None),
    ],
)
def test_heading_unit(text, expected):
    assert heading_unit(text) == expected


def test_role_briefing_names_unit_and_reporter_and_keeps_the_sentence():
    text = "Ordførar i Fjellbygd, Per Inge Kvam, orienterte om nye bustader ved fjorden."
    hdr = role_briefing(text)
    assert (hdr.unit, hdr.reporter, hdr.inline) == ("Fjellbygd", "Per Inge Kvam", text)
    assert role_briefing("Ordfører i Nordvik, ordføreren, orienterte om saka.") is None
    assert role_briefing("ordfører i Nordvik, Kari Lie, orienterte om saka.") is None  # lower case: mid-sentence


def test_unit_v_name_colon_over_prose():
    assert reports(
        "Nordvik v/Kari Nilsen:",
        "Sagbruket legg ned drifta, og 14 tilsette mistar jobben. Kommunen har fått 2 mill. kroner til breiband.",
        "Austby kommune v/ ordfører Per Dahl:",
        "Et nytt hotell åpner i mai.",
    ) == [
        ("Nordvik", "Kari Nilsen", "Sagbruket legg ned drifta, og 14 tilsette mistar jobben."),
        ("Nordvik", "Kari Nilsen", "Kommunen har fått 2 mill. kroner til breiband."),
        ("Austby kommune", "Per Dahl", "Et nytt hotell åpner i mai."),
    ]


def test_lettered_unit_lines():
    assert reports(
        "a) Nordvik v/Kari Nilsen: Ny skule opnar i august. Hotellet utvidar med 20 rom.",
        "b) Austby v/Per Dahl: Ingen store endringar.",
    ) == [
        ("Nordvik", "Kari Nilsen", "Ny skule opnar i august."),
        ("Nordvik", "Kari Nilsen", "Hotellet utvidar med 20 rom."),
        ("Austby", "Per Dahl", "Ingen store endringar."),
    ]


def test_lettered_reports_run_together_on_one_line():
    assert reports(
        "a) Nordvik v/Kari Nilsen: Kommunen sel tomter til to bedrifter. b) Austby v/Per Dahl: "
        "Et møbelverksted har sagt opp 22 ansatte. Byggestart er i juni. c) Vestli v/Oda Rist: Nytt kontorfellesskap."
    ) == [
        ("Nordvik", "Kari Nilsen", "Kommunen sel tomter til to bedrifter."),
        ("Austby", "Per Dahl", "Et møbelverksted har sagt opp 22 ansatte."),
        ("Austby", "Per Dahl", "Byggestart er i juni."),
        ("Vestli", "Oda Rist", "Nytt kontorfellesskap."),
    ]


def test_one_lettered_list_that_is_no_round_stays_whole():
    text = "Rådet drøfta a) Budsjett og b) Plan for 2027 før lunsj."
    assert reports("Nordvik v/Kari Nilsen:", text) == [("Nordvik", "Kari Nilsen", text)]


def test_ordforer_i_x_name_orienterte_opens_a_unit_per_paragraph():
    assert reports(
        "Ordfører i Nordvik, Kari Nilsen, orienterte om at kaia skal utvides. Arbeidet starter i høst.",
        "",
        "Ordførar i Austby, Per Dahl, orienterte om ein ny fabrikk med 40 arbeidsplassar.",
    ) == [
        ("Nordvik", "Kari Nilsen", "Ordfører i Nordvik, Kari Nilsen, orienterte om at kaia skal utvides."),
        ("Nordvik", "Kari Nilsen", "Arbeidet starter i høst."),
        ("Austby", "Per Dahl", "Ordførar i Austby, Per Dahl, orienterte om ein ny fabrikk med 40 arbeidsplassar."),
    ]


def test_word_headings_unit_dash_name_with_bullets_and_nynorsk_prose():
    assert reports(
        ("Heading 2", "Fjellbygd – Linda Hauge"),
        ("List Bullet", "Kommunen har tilsett ein ny næringssjef."),
        ("List Bullet", "Hotellet legg ned drifta. 35 tilsette mistar jobben."),
        ("Heading 2", "Elvedal – Eirik Bøen"),
        ("Normal", "Elvedal har m.a. fått 4,5 millionar kroner til vegen. Eit cruiseselskap aukar talet på anløp."),
    ) == [
        ("Fjellbygd", "Linda Hauge", "Kommunen har tilsett ein ny næringssjef."),
        ("Fjellbygd", "Linda Hauge", "Hotellet legg ned drifta. 35 tilsette mistar jobben."),  # a bullet stays whole
        ("Elvedal", "Eirik Bøen", "Elvedal har m.a. fått 4,5 millionar kroner til vegen."),
        ("Elvedal", "Eirik Bøen", "Eit cruiseselskap aukar talet på anløp."),
    ]


def test_bold_lines_name_units_the_gazetteer_does_not_know():
    assert reports(
        (BOLD_LINE_STYLE, "Fjellbygd v/Kristin Rud"),
        "Butikken i sentrum får nye eigarar. Kommunen har selt ei tomt.",
        (BOLD_LINE_STYLE, "Elvedal"),
        "Hotellet feirer 100 år.",
    ) == [
        ("Fjellbygd", "Kristin Rud", "Butikken i sentrum får nye eigarar."),
        ("Fjellbygd", "Kristin Rud", "Kommunen har selt ei tomt."),
        ("Elvedal", None, "Hotellet feirer 100 år."),
    ]


def test_two_unit_headers_make_a_round_whatever_the_title():
    assert is_round(blocks("Nordvik v/Kari Nilsen:", "Ny skule.", "Austby v/Per Dahl:", "Nytt hotell."))
    assert is_round(blocks(
        "Ordfører i Nordvik, Kari Nilsen, orienterte om kaia.", "",
        "Ordførar i Austby, Per Dahl, orienterte om fabrikken.",
    ))  # fmt: skip
    assert is_round(blocks(("Heading 2", "Fjellbygd – Linda Hauge"), "Ny veg.", ("Heading 2", "Elvedal – Eirik Bøen"), "Ny bru."))
    assert is_round(blocks("a) Nordvik v/Kari Nilsen: Ny skule. b) Austby v/Per Dahl: Nytt hotell."))


def test_one_unit_or_prose_about_kommuner_is_no_round():
    assert not is_round(blocks("Nordvik v/Kari Nilsen:", "Ny skule.", "Nytt hotell."))
    assert not is_round(blocks(
        "Asker kommune og Bærum kommune har sendt høringssvar.", "Rådet slutter seg til administrasjonens forslag.",
    ))  # fmt: skip
    assert not is_round(blocks(("Heading 2", "Bakgrunn"), "Saka gjeld budsjett.", ("Heading 2", "Vurdering"), "Ok."))


def test_speakers_of_an_ordinary_item_are_no_round():
    assert not is_round(blocks(
        "Innledning v/Tore Bakken:", "Strategien skal vere ferdig i desember.",
        "Diskusjon v/Per Dahl:", "Rådet ønskjer meir vekt på mat.",
    ))  # fmt: skip


def test_unit_dash_name_lines_in_plain_text_without_blank_lines():
    assert reports(
        "Fjellbygd – Linda Hauge",
        "Kommunen har tilsett ein ny næringssjef. Hotellet utvidar.",
        "Elvedal – Eirik Bøen",
        "Vegen til Skjolden blir rusta opp.",
    ) == [
        ("Fjellbygd", "Linda Hauge", "Kommunen har tilsett ein ny næringssjef."),
        ("Fjellbygd", "Linda Hauge", "Hotellet utvidar."),
        ("Elvedal", "Eirik Bøen", "Vegen til Skjolden blir rusta opp."),
    ]


def test_a_nynorsk_table_with_a_mayor_column():
    rows = [
        SourceLine(1, 1, "", cells=("Kommune", "Ordførar", "Orientering")),
        SourceLine(2, 1, "", cells=("Fjellbygd", "Linda Hauge", "Ny skule opnar i august. Hotellet utvidar.")),
        SourceLine(3, 1, "", cells=("Elvedal", "Eirik Bøen", "• Ny bru\n• Fleire lærlingar")),
    ]
    stmts, _ = round_table_statements(make_blocks(clean_lines(rows, 1)), "x.docx", "4")
    assert [(s.unit_raw, s.reporter, s.text) for s in stmts] == [
        ("Fjellbygd", "Linda Hauge", "Ny skule opnar i august."),
        ("Fjellbygd", "Linda Hauge", "Hotellet utvidar."),
        ("Elvedal", "Eirik Bøen", "Ny bru"),
        ("Elvedal", "Eirik Bøen", "Fleire lærlingar"),
    ]
