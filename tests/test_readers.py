"""Readers: formats, encodings, pages, and one-sentence errors for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.errors import DocumentError
from etl.readers import read_document
from etl.readers.pdf import clean_pdf_text
from etl.readers.text import text_to_lines

FIX = Path(__file__).resolve().parent / "fixtures"
MIN = FIX / "minutes"
BAD = FIX / "bad"


@pytest.mark.parametrize(
    ("name", "cause"),
    [
        ("empty.txt", "empty"),
        ("junk.txt", "binary"),
        ("undecodable.txt", "decoded"),
        ("truncated.pdf", "corrupt"),
        ("encrypted.pdf", "encrypted"),
        ("scanned.pdf", "OCR"),
        ("notes.rtf", "unsupported"),
        ("corrupt.docx", "corrupt"),
    ],
)
def test_bad_input_raises_document_error(name, cause):
    with pytest.raises(DocumentError) as info:
        read_document(BAD / name)
    err = info.value
    assert cause.lower() in err.reason.lower()
    assert name in str(err)
    assert "\n" not in err.reason and "Traceback" not in err.reason


def test_unsupported_names_the_supported_types():
    with pytest.raises(DocumentError) as info:
        read_document(BAD / "notes.rtf")
    for ext in (".txt", ".md", ".pdf", ".docx"):
        assert ext in info.value.reason


def test_nodate_is_readable():
    raw = read_document(BAD / "nodate.txt")
    assert raw.fmt == "txt" and raw.lines[0].text.startswith("Referat")


def test_source_file_relative_to_root_and_sha():
    raw = read_document(MIN / "seed-referat-2025-10-23.txt", FIX)
    assert raw.source_file == "minutes/seed-referat-2025-10-23.txt"
    assert len(raw.sha256) == 64
    assert read_document(MIN / "seed-referat-2025-10-23.txt").source_file == "seed-referat-2025-10-23.txt"


def test_seed_lines_are_numbered_from_one():
    raw = read_document(MIN / "seed-referat-2025-10-23.txt")
    assert raw.encoding == "utf-8" and raw.n_pages == 1
    assert raw.lines[61].line_no == 62 and raw.lines[61].text.startswith("• Oslo kommune")


def test_cp1252_detected():
    raw = read_document(MIN / "referat-2025-12-04-cp1252.txt")
    assert raw.encoding == "cp1252"
    text = "\n".join(ln.text for ln in raw.lines)
    assert "Møtereferat – Osloregionens" in text and "«Fremtidens industri»" in text
    assert not any("\r" in ln.text for ln in raw.lines)


def test_utf8_bom_and_latin1(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffReferat fra møtet".encode())
    assert read_document(tmp_path / "bom.txt").lines[0].text == "Referat fra møtet"
    (tmp_path / "l1.txt").write_bytes("Referat fra møtet på Ås".encode("latin-1"))
    raw = read_document(tmp_path / "l1.txt")
    assert raw.encoding == "latin-1" and raw.lines[0].text == "Referat fra møtet på Ås"


def test_form_feed_starts_a_page():
    lines, n_pages = text_to_lines("a\nb\n\fc\nd\f\ne\n")
    assert [(ln.line_no, ln.page, ln.text) for ln in lines] == [
        (1, 1, "a"), (2, 1, "b"), (3, 2, "c"), (4, 2, "d"), (5, 3, "e"),
    ]
    assert n_pages == 3


def test_txt_fixture_has_two_pages():
    raw = read_document(MIN / "referat-2026-01-15.txt")
    assert raw.n_pages == 2
    assert raw.lines[-1].page == 2


def test_private_use_bullets_become_bullets():
    assert clean_pdf_text("\uf0b7 Punkt\r\n\uf0a7 Under\r\n") == "• Punkt\n• Under\n"


def test_pdf_pages_and_text():
    raw = read_document(MIN / "referat-2026-09-10.pdf")
    assert raw.fmt == "pdf" and raw.n_pages == 2
    texts = [ln.text.strip() for ln in raw.lines]
    assert "Side 1 av 2" in texts and "Side 2 av 2" in texts
    assert any(t.startswith("• Moss kommune") for t in texts)
    assert {ln.page for ln in raw.lines} == {1, 2}
    assert all("\r" not in ln.text for ln in raw.lines)


def test_docx_styles_levels_and_tables_in_order():
    raw = read_document(MIN / "referat-2026-05-07.docx")
    by_text = {ln.text: ln for ln in raw.lines}
    assert by_text["Lier og Drammen tester veilederen i høst."].style == "List Bullet 2"
    assert by_text["Lier og Drammen tester veilederen i høst."].level == 2
    assert by_text["Veilederen for næringsvennlig saksbehandling er ferdig."].level == 1
    assert by_text["Helsenæringsdagen på Ahus 17. juni"].style == "List Number"
    rows = [ln for ln in raw.lines if ln.cells]
    header = next(ln for ln in rows if ln.cells[0] == "Kommune/region")
    assert header.text == "Kommune/region | Representant | Hovedpunkter"
    lier = next(ln for ln in rows if ln.cells[0] == "Lier kommune")
    assert lier.cells[2].count("\n") == 2
    # The round-table table sits between its heading and the decision that follows it.
    nos = {ln.text: ln.line_no for ln in raw.lines}
    assert nos["Sak 2 – Runde rundt bordet"] < header.line_no < nos["Vedtak: Orienteringene tas til etterretning."]
