"""Word paragraphs whose first line, ended by a line break, is set in bold (#9):
the bold line names the unit whose report follows, also a unit the gazetteer
does not know; without the bold it is prose."""

from __future__ import annotations

import docx

from etl.pipeline import process
from etl.readers.docx import BOLD_LEAD_STYLE, read_docx


def write_minutes(path, bold: bool = True):
    d = docx.Document()
    d.add_paragraph("Referat fra Fjellregionen sitt råd")
    d.add_paragraph("Dato: 4. mars 2026")
    d.add_paragraph("Sak 2. Runde rundt bordet")
    for head, report in (
        ("Fjellbygd – Linda Hauge", "Kommunen har tilsett ein ny næringssjef. Hotellet utvidar med 20 rom."),
        ("Elvedal", "Vegen til fjorden blir rusta opp."),
    ):
        p = d.add_paragraph()
        p.add_run(head).bold = bold
        p.add_run().add_break()
        p.add_run(report)
    d.add_paragraph("Sak 3. Eventuelt")
    d.add_paragraph("Ingen saker.")
    d.save(path)
    return path


def test_reader_marks_a_bold_first_line_of_a_broken_paragraph(tmp_path):
    path = write_minutes(tmp_path / "referat.docx")
    got = [(ln.text, ln.style) for ln in read_docx(path, path.read_bytes())][3:7]
    assert got == [
        ("Fjellbygd – Linda Hauge", BOLD_LEAD_STYLE),
        ("Kommunen har tilsett ein ny næringssjef. Hotellet utvidar med 20 rom.", "Normal"),
        ("Elvedal", BOLD_LEAD_STYLE),
        ("Vegen til fjorden blir rusta opp.", "Normal"),
    ]


def test_bold_lead_lines_name_the_units(tmp_path):
    m = process(write_minutes(tmp_path / "referat.docx"), tmp_path)
    got = [(s.unit_raw, s.reporter, s.unit_known, s.text) for s in m.statements if s.section == "round_table"]
    assert got == [
        ("Fjellbygd", "Linda Hauge", False, "Kommunen har tilsett ein ny næringssjef."),
        ("Fjellbygd", "Linda Hauge", False, "Hotellet utvidar med 20 rom."),
        ("Elvedal", None, False, "Vegen til fjorden blir rusta opp."),
    ]
    assert [a.title for a in m.agenda] == ["Runde rundt bordet", "Eventuelt"]


def test_without_bold_an_unknown_name_is_no_unit(tmp_path):
    m = process(write_minutes(tmp_path / "referat.docx", bold=False), tmp_path)
    units = [s.unit_raw for s in m.statements if s.section == "round_table"]
    assert "Elvedal" not in units
