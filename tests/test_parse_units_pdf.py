"""Typography from a PDF (#9): bold lines and larger sizes become Word-like styles,
and a round of reports whose units are marked only by bold lines is read by unit."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from etl.model import BOLD_LINE_STYLE
from etl.pipeline import process
from etl.readers.pdf import read_pdf

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def write_pdf(path: Path, rows: list[tuple[str, float, str]]) -> Path:
    """rows: (font style "" or "B", size, text), one line each."""
    pdf = FPDF(format="A4")
    pdf.add_font("dejavu", "", FONT)
    pdf.add_font("dejavu", "B", FONT_BOLD)
    pdf.add_page()
    for style, size, text in rows:
        pdf.set_font("dejavu", style, size)
        pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


MINUTES = [
    ("B", 16, "Referat"),
    ("", 10.5, "Møte i Fjellregionen sitt råd"),
    ("", 10.5, "Dato: 4. mars 2026"),
    ("B", 12.5, "Sak 1/26 Runde rundt bordet"),
    ("B", 10.5, "Fjellbygd v/Kristin Rud"),
    ("", 10.5, "Butikken i sentrum får nye eigarar. Kommunen har selt ei tomt til eit verkstad."),
    ("B", 10.5, "Elvedal"),
    ("", 10.5, "Hotellet feirer 100 år i juli."),
    ("B", 10.5, "Dette er ei lang feitskriven linje som held fram langt forbi det ei overskrift kan vere."),
    ("B", 12.5, "Sak 2/26 Eventuelt"),
    ("", 10.5, "Ingen saker."),
]


def test_bold_and_larger_lines_get_styles(tmp_path):
    path = write_pdf(tmp_path / "referat.pdf", MINUTES)
    lines, _ = read_pdf(path, path.read_bytes())
    assert [(ln.text, ln.style) for ln in lines] == [
        ("Referat", "Heading 1"),
        ("Møte i Fjellregionen sitt råd", None),
        ("Dato: 4. mars 2026", None),
        ("Sak 1/26 Runde rundt bordet", "Heading 2"),
        ("Fjellbygd v/Kristin Rud", BOLD_LINE_STYLE),
        ("Butikken i sentrum får nye eigarar. Kommunen har selt ei tomt til eit verkstad.", None),
        ("Elvedal", BOLD_LINE_STYLE),
        ("Hotellet feirer 100 år i juli.", None),
        ("Dette er ei lang feitskriven linje som held fram langt forbi det ei overskrift kan vere.", None),
        ("Sak 2/26 Eventuelt", "Heading 2"),
        ("Ingen saker.", None),
    ]


def test_bold_unit_lines_in_a_pdf_name_the_reports(tmp_path):
    m = process(write_pdf(tmp_path / "referat.pdf", MINUTES), tmp_path)
    got = [(s.unit_raw, s.reporter, s.unit_known, s.text) for s in m.statements if s.section == "round_table"]
    assert got == [
        ("Fjellbygd", "Kristin Rud", False, "Butikken i sentrum får nye eigarar."),
        ("Fjellbygd", "Kristin Rud", False, "Kommunen har selt ei tomt til eit verkstad."),
        ("Elvedal", None, False, "Hotellet feirer 100 år i juli."),
        ("Elvedal", None, False, MINUTES[8][2]),  # a long bold line is prose, not a unit
    ]


def write_list_pdf(path: Path, marks: list[str]) -> Path:
    """A unit line over list items whose text starts at a tab stop after the mark
    (a word processor's hanging indent): mark and text are apart on the line."""
    pdf = FPDF(format="A4")
    pdf.add_font("dejavu", "", FONT)
    pdf.add_font("dejavu", "B", FONT_BOLD)
    pdf.add_page()
    pdf.set_font("dejavu", "B", 12.5)
    pdf.cell(0, 7, "Sak 3/26 Orienteringar frå kommunane", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dejavu", "B", 10.5)
    pdf.cell(0, 7, "Fjellbygd kommune v/Kristin Rud", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dejavu", "", 10.5)
    items = ["Sagbruket i Nordli får ny eigar frå mars.", "Kommunen opnar eit nytt kontorfellesskap i sentrum."]
    for mark, text in zip(marks, items):
        pdf.set_x(pdf.l_margin + 4)
        pdf.cell(8, 5.5, mark)
        pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dejavu", "B", 10.5)
    pdf.cell(0, 7, "Elvedal kommune v/Ola Brekke", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dejavu", "", 10.5)
    pdf.cell(0, 7, "Hotellet feirer 100 år i juli.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_a_list_with_hanging_indents_is_no_table(tmp_path):
    """The marks stand in a column of their own, yet the list is a list: each item a
    line with its mark, and the unit above keeps its two reports (no unit '• •')."""
    for marks, want in ((["•", "•"], ["•", "•"]), (["1.", "2."], ["1.", "2."])):
        path = write_list_pdf(tmp_path / "referat.pdf", marks)
        lines, _ = read_pdf(path, path.read_bytes())
        items = [ln for ln in lines if ln.text.startswith(tuple(want))]
        assert [(ln.text, ln.cells) for ln in items] == [
            (f"{want[0]} Sagbruket i Nordli får ny eigar frå mars.", None),
            (f"{want[1]} Kommunen opnar eit nytt kontorfellesskap i sentrum.", None),
        ]
        m = process(path, tmp_path)
        got = [(s.unit_raw, s.reporter, s.text) for s in m.statements if s.section == "round_table"]
        assert got == [
            ("Fjellbygd kommune", "Kristin Rud", "Sagbruket i Nordli får ny eigar frå mars."),
            ("Fjellbygd kommune", "Kristin Rud", "Kommunen opnar eit nytt kontorfellesskap i sentrum."),
            ("Elvedal kommune", "Ola Brekke", "Hotellet feirer 100 år i juli."),
        ]
