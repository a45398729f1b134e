"""Adding minutes from the dashboard (dashboard/ingest.py): real files, real builds, real DuckDB."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from dashboard import ingest

ROOT = Path(__file__).resolve().parent.parent
MINUTES = ROOT / "tests" / "fixtures" / "minutes"
BAD = ROOT / "tests" / "fixtures" / "bad"
SEED = ROOT / "data" / "raw" / "referat-faggruppe-naering-2025-10-23.txt"


@pytest.fixture
def folder(tmp_path) -> tuple[Path, Path]:
    """A minutes folder holding the seed, and its built warehouse."""
    raw, db = tmp_path / "raw", tmp_path / "db" / "naering.duckdb"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    finished, failures, log = ingest.run_build(raw, db)
    assert finished and not failures, log
    return raw, db


def meetings(db: Path) -> dict[str, str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return dict(con.execute("SELECT source_file, CAST(meeting_date AS VARCHAR) FROM v_meetings").fetchall())
    finally:
        con.close()


def upload(path: Path, name: str | None = None) -> tuple[str, bytes]:
    return (name or path.name, path.read_bytes())


@pytest.mark.parametrize(
    ("uploaded", "expected"),
    [
        ("referat.pdf", "referat.pdf"),
        ("C:\\Users\\eli\\Desktop\\Referat 12.03.docx", "Referat 12.03.docx"),
        ("../../etc/referat.txt", "referat.txt"),
        ("notat.MD", "notat.MD"),
        (".skjult.txt", None),
        ("~$referat.docx", None),
        ("referat.doc", None),
        ("referat", None),
        ("", None),
    ],
)
def test_safe_name(uploaded, expected):
    assert ingest.safe_name(uploaded) == expected


def test_pdf_and_word_minutes_are_added_and_built(folder):
    raw, db = folder
    pdf, docx = MINUTES / "referat-2026-01-14.pdf", MINUTES / "referat-2026-03-18.docx"
    result = ingest.add_minutes([upload(pdf), upload(docx)], raw, db)
    assert result.build_error is None, result.build_log
    assert [(f.name, f.status) for f in result.files] == [(pdf.name, ingest.ADDED), (docx.name, ingest.ADDED)]
    assert (raw / pdf.name).read_bytes() == pdf.read_bytes()
    loaded = meetings(db)
    assert {SEED.name, pdf.name, docx.name} <= set(loaded)
    assert loaded[pdf.name] == "2026-01-14"
    # The same upload again changes nothing.
    again = ingest.add_minutes([upload(pdf)], raw, db)
    assert [f.status for f in again.files] == [ingest.UNCHANGED]


def test_a_bad_file_is_reported_in_norwegian_and_not_kept(folder):
    raw, db = folder
    good = MINUTES / "referat-2026-02-19.txt"
    result = ingest.add_minutes(
        [upload(BAD / "encrypted.pdf", "referat-mars.pdf"), upload(good), upload(BAD / "notes.rtf")], raw, db
    )
    status = {f.name: f for f in result.files}
    assert status["referat-mars.pdf"].status == ingest.FAILED
    assert "passordbeskyttet" in status["referat-mars.pdf"].message
    assert "encrypted" in status["referat-mars.pdf"].message, "the technical reason is kept as detail"
    assert status["notes.rtf"].status == ingest.REJECTED
    assert status[good.name].status == ingest.ADDED
    assert not (raw / "referat-mars.pdf").exists() and not (raw / "notes.rtf").exists()
    # The rest loaded, and the warehouse holds no trace of the failed file.
    loaded = meetings(db)
    assert good.name in loaded and SEED.name in loaded
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM documents WHERE source_file = 'referat-mars.pdf'").fetchone() == (0,)
    finally:
        con.close()


def test_a_file_with_no_date_says_what_is_missing(folder):
    raw, db = folder
    result = ingest.add_minutes([upload(BAD / "nodate.txt")], raw, db)
    assert result.files[0].status == ingest.FAILED
    assert "møtedato" in result.files[0].message


def test_an_existing_name_is_replaced_only_when_asked(folder):
    raw, db = folder
    other = MINUTES / "referat-2026-02-19.txt"
    refused = ingest.add_minutes([upload(other, SEED.name)], raw, db)
    assert refused.files[0].status == ingest.REJECTED and "samme navn" in refused.files[0].message
    assert (raw / SEED.name).read_bytes() == SEED.read_bytes()
    replaced = ingest.add_minutes([upload(other, SEED.name)], raw, db, replace=True)
    assert replaced.files[0].status == ingest.REPLACED, replaced.build_log
    assert meetings(db)[SEED.name] == "2026-02-19"


def test_a_failed_replacement_puts_the_old_file_back(folder):
    raw, db = folder
    result = ingest.add_minutes([upload(BAD / "truncated.pdf", SEED.name.replace(".txt", ".pdf")),
                                 upload(BAD / "empty.txt", SEED.name)], raw, db, replace=True)
    assert [f.status for f in result.files] == [ingest.FAILED, ingest.FAILED]
    assert (raw / SEED.name).read_bytes() == SEED.read_bytes()
    assert meetings(db) == {SEED.name: "2025-10-23"}


def test_when_the_build_itself_fails_nothing_changes(folder, tmp_path):
    raw, _ = folder
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    result = ingest.add_minutes([upload(MINUTES / "referat-2026-02-19.txt")], raw, not_a_dir / "naering.duckdb")
    assert result.build_error and "forrige brukes fortsatt" in result.build_error
    assert result.files[0].status == ingest.FAILED
    assert not (raw / "referat-2026-02-19.txt").exists()


@pytest.mark.parametrize(("reason", "expected"), [
    ("PDF is encrypted (password-protected) and cannot be read.", "passordbeskyttet"),
    ("PDF has no text layer — the PDF needs OCR (scanned document?).", "OCR"),
    ("Word file is corrupt (not a valid .docx zip archive).", "Word-filen er skadet"),
    ("same meeting (23.10.2025) as 'a.txt' — skipped; remove one of the two files", "Samme møte"),
    ("something nobody expected", "kunne ikke leses"),
])
def test_reasons_in_norwegian(reason, expected):
    text = ingest.norwegian_reason(reason)
    assert expected in text and reason in text


def test_upload_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("NAERINGSPULS_UPLOAD", "0")
    assert not ingest.upload_enabled()
    monkeypatch.setenv("NAERINGSPULS_UPLOAD", "1")
    assert ingest.upload_enabled()


def test_minutes_can_be_removed_and_the_warehouse_follows(folder):
    raw, db = folder
    pdf = MINUTES / "referat-2026-01-14.pdf"
    ingest.add_minutes([upload(pdf)], raw, db)
    assert ingest.minutes_files(raw) == sorted([SEED.name, pdf.name])
    result = ingest.remove_minutes([pdf.name, "../naering.duckdb", "missing.txt"], raw, db)
    assert [f.status for f in result.files] == [ingest.REMOVED, ingest.REJECTED, ingest.REJECTED]
    assert result.build_error is None
    assert ingest.minutes_files(raw) == [SEED.name]
    assert set(meetings(db)) == {SEED.name}
    assert db.exists(), "nothing outside the minutes folder is touched"


def test_a_removal_the_build_cannot_apply_is_undone(folder, tmp_path):
    raw, _ = folder
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    result = ingest.remove_minutes([SEED.name], raw, not_a_dir / "naering.duckdb")
    assert result.build_error and result.files[0].status == ingest.FAILED
    assert (raw / SEED.name).read_bytes() == SEED.read_bytes()


def test_a_folder_that_cannot_be_used_is_reported_not_raised(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = ingest.add_minutes([upload(MINUTES / "referat-2026-02-19.txt")], blocker / "raw", tmp_path / "n.duckdb")
    assert result.files[0].status == ingest.FAILED and "kan ikke brukes" in result.files[0].message
    assert not (tmp_path / "n.duckdb").exists()


def test_a_build_after_an_upload_applies_the_corrections_file(folder):
    from etl.corrections.keys import statement_key
    from etl.corrections.store import append_correction, new_correction

    raw, db = folder
    corrections = raw.parent / "elsewhere" / "rettelser.jsonl"
    text = "Nedleggelse av Blowtech-fabrikken (70 ansatte)."
    append_correction(corrections, new_correction("statement", "set_jobs", statement_key(SEED.name, "2025-10-23", text),
                                                  value=75, by="t"))
    result = ingest.add_minutes([upload(MINUTES / "referat-2026-01-15.txt")], raw, db, corrections=corrections)
    assert result.build_error is None and result.loaded == ["referat-2026-01-15.txt"]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT jobs, corrected FROM v_statements WHERE text = ?", [text]).fetchall() == [(75, True)]
