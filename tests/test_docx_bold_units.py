"""Word minutes that mark each unit only by setting its name in bold."""

from __future__ import annotations

import docx
import pytest

from etl.pipeline import process


def write_minutes(path, bold_units: bool = True):
    d = docx.Document()
    d.add_paragraph("Referat fra Osloregionens faggruppe for Næringssamarbeid")
    d.add_paragraph("Dato: 5. mars 2026")
    d.add_paragraph("Sak 2. Runde rundt bordet")
    for unit, points in (
        ("Nordvik næringsråd", ["Ny næringspark planlegges ved havna.", "Tre bedrifter vurderer å flytte inn."]),
        ("Asker kommune", ["Chemring Nobel utvider fabrikken med 80 nye stillinger."]),
    ):
        d.add_paragraph().add_run(unit).bold = bold_units
        for point in points:
            d.add_paragraph(point, style="List Bullet")
    d.add_paragraph("Sak 3. Eventuelt")
    d.add_paragraph("Ingen saker.")
    d.save(path)
    return path


def round_table(path):
    m = process(path, path.parent)
    return [(s.unit_raw, s.text) for s in m.statements if s.section == "round_table"]


def test_bold_paragraphs_name_the_units(tmp_path):
    got = round_table(write_minutes(tmp_path / "referat.docx"))
    assert got == [
        ("Nordvik næringsråd", "Ny næringspark planlegges ved havna."),
        ("Nordvik næringsråd", "Tre bedrifter vurderer å flytte inn."),
        ("Asker kommune", "Chemring Nobel utvider fabrikken med 80 nye stillinger."),
    ]


@pytest.mark.parametrize("text", ["Dette er en vanlig setning i fet skrift.", "x" * 120])
def test_a_bold_sentence_or_long_paragraph_is_not_a_heading(tmp_path, text):
    from etl.readers.docx import _is_bold_line

    d = docx.Document()
    par = d.add_paragraph()
    par.add_run(text).bold = True
    assert not _is_bold_line(par, text)
