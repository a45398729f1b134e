"""Adding minutes from the dashboard (dashboard/ingest.py): real files, real builds, real DuckDB."""

from __future__ import annotations

import os
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
        ("referat\u202egnp.txt", "referatgnp.txt"),  # a right-to-left override would show "referattxt.png"
        ("ref\u2066erat\u2069.pdf", "referat.pdf"),
        ("ref\x00er\nat\x7f.txt", "referat.txt"),
        ("Mo\u0308te.txt", "M\u00f6te.txt"),  # NFD from a Mac → NFC
        ("\u202e.txt", None),  # nothing left but a hidden name
        ("ø" * 200 + ".pdf", "ø" * 125 + ".pdf"),  # 404 bytes → 254, cut between characters, suffix kept
        ("a" * 300 + ".docx", "a" * 250 + ".docx"),
    ],
)
def test_safe_name(uploaded, expected):
    assert ingest.safe_name(uploaded) == expected
    if expected:
        assert len(expected.encode()) <= 255


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
    assert result.build_error and "forrige databasen brukes fortsatt" in result.build_error
    assert result.files[0].status == ingest.FAILED
    assert not (raw / "referat-2026-02-19.txt").exists()


@pytest.mark.parametrize(("reason", "expected"), [
    ("Word file expands to 110.0 MB when unpacked — over the limit of 100 MB (NAERINGSPULS_MAX_EXPANDED_MB).",
     "Word-filen pakker seg ut til mer enn 100 MB, som er grensen."),
    ("Word file expands to more than 0.5 MB when unpacked — over the limit of 0.5 MB (NAERINGSPULS_MAX_EXPANDED_MB).",
     "Word-filen pakker seg ut til mer enn 0,5 MB, som er grensen."),
    ("PDF expands to more than 100 MB when its streams are unpacked — over the limit of 100 MB "
     "(NAERINGSPULS_MAX_EXPANDED_MB).", "PDF-en pakker seg ut til mer enn 100 MB, som er grensen, og leses ikke inn."),
    ("Word file part word/document.xml is compressed 294:1 (a zip bomb) — over the limit of 100:1 "
     "(NAERINGSPULS_MAX_ZIP_RATIO).", "Word-filen er pakket tettere enn 100:1, slik bare en «zip-bombe» er"),
    ("file is 61.2 MB — over the limit of 50 MB (NAERINGSPULS_MAX_FILE_MB).", "Filen er 61,2 MB, mer enn grensen på 50 MB."),
    ("PDF has 1500 pages — over the limit of 1000 pages (NAERINGSPULS_MAX_PAGES).",
     "PDF-en har 1 500 sider, mer enn grensen på 1 000 sider."),
    ("document has 6000 statements — over the limit of 5000 statements (NAERINGSPULS_MAX_STATEMENTS).",
     "Referatet har 6 000 utsagn, mer enn grensen på 5 000 per referat."),
    ("document has more than 100000 lines of text — over the limit of 20 lines per statement allowed (5000 "
     "statements, NAERINGSPULS_MAX_STATEMENTS).", "Dokumentet har mer enn 100 000 tekstlinjer"),
    ("reading and parsing took longer than the budget of 60 s per document (NAERINGSPULS_PARSE_SECONDS) and was "
     "stopped.", "Det tok mer enn 60 sekunder å lese referatet, så det ble stoppet."),
    ("cannot read the file (Permission denied: '/srv/naeringspuls/data/raw/a.txt').", "kunne ikke leses"),
    ("PDF is encrypted (password-protected) and cannot be read.", "passordbeskyttet"),
    ("PDF has no text layer — the PDF needs OCR (scanned document?).", "OCR"),
    ("Word file is corrupt (not a valid .docx zip archive).", "Word-filen er skadet"),
    ("same meeting (23.10.2025) as 'a.txt' — skipped; remove one of the two files", "Samme møte"),
    ("something nobody expected", "kunne ikke leses"),
])
def test_reasons_in_norwegian(reason, expected):
    text = ingest.norwegian_reason(reason)
    assert expected in text and ingest.hide_paths(reason) in text
    assert "/srv" not in text, "no server path in a message"


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


# --- issue #12: uploads that cannot hurt ---------------------------------------------------------------


def test_a_name_over_255_bytes_is_shortened_and_stays_in_step_with_the_warehouse(folder):
    raw, db = folder
    long = "Referat fra faggruppe for næringssamarbeid " + "æøå " * 60 + "februar.txt"
    assert len(long.encode()) > 255
    result = ingest.add_minutes([(long, (MINUTES / "referat-2026-02-19.txt").read_bytes())], raw, db)
    [f] = result.files
    assert f.status == ingest.ADDED and f.message == "Filnavnet var for langt og er forkortet.", f
    assert len(f.name.encode()) <= 255 and f.name.endswith(".txt") and f.name.startswith("Referat fra faggruppe")
    assert ingest.minutes_files(raw) == sorted([SEED.name, f.name])
    assert meetings(db)[f.name] == "2026-02-19"
    removed = ingest.remove_minutes([f.name], raw, db)
    assert removed.files[0].status == ingest.REMOVED and set(meetings(db)) == {SEED.name}


def test_a_word_bomb_upload_is_reported_in_norwegian_and_not_kept(folder, tmp_path):
    from tests.fixtures import hostile

    raw, db = folder
    bomb = hostile.docx_bomb(tmp_path / "bombe.docx", 110_000_000)
    result = ingest.add_minutes([upload(bomb), upload(MINUTES / "referat-2026-02-19.txt")], raw, db)
    status = {f.name: f for f in result.files}
    assert status["bombe.docx"].status == ingest.FAILED
    assert status["bombe.docx"].message.startswith("Word-filen pakker seg ut til mer enn 100 MB, som er grensen.")
    assert "NAERINGSPULS_MAX_EXPANDED_MB" in status["bombe.docx"].message
    assert status["referat-2026-02-19.txt"].status == ingest.ADDED
    assert ingest.minutes_files(raw) == sorted([SEED.name, "referat-2026-02-19.txt"])


def test_an_upload_over_the_size_limit_is_refused_before_it_is_saved(folder, monkeypatch):
    raw, db = folder
    monkeypatch.setenv("NAERINGSPULS_MAX_FILE_MB", "0.002")
    big = MINUTES / "referat-2026-02-19.txt"
    assert big.stat().st_size > 2000
    result = ingest.add_minutes([upload(big)], raw, db)
    assert [(f.status, f.message) for f in result.files] == [
        (ingest.REJECTED, f"Filen er {big.stat().st_size / 1e6:.1f} MB, mer enn grensen på 0,002 MB.".replace(".", ",", 1))]
    assert ingest.minutes_files(raw) == [SEED.name] and not result.build_log


def test_a_build_that_times_out_is_a_failure_with_no_server_path(folder, monkeypatch):
    raw, db = folder
    before = db.read_bytes()
    monkeypatch.setattr(ingest, "BUILD_TIMEOUT_S", 0.3)
    result = ingest.add_minutes([upload(MINUTES / "referat-2026-02-19.txt")], raw, db)
    assert result.build_error.startswith("Oppdateringen tok mer enn 0.3 sekunder og ble stoppet; den forrige databasen "
                                         "brukes fortsatt.")
    assert result.files[0].status == ingest.FAILED
    assert ingest.minutes_files(raw) == [SEED.name] and db.read_bytes() == before
    shown = result.build_error + " ".join(f.message for f in result.files)
    assert str(raw.parent) not in shown and "/" not in shown.replace("/legg-til", "")


def test_a_build_that_cannot_start_is_a_failure(folder, monkeypatch):
    raw, db = folder
    monkeypatch.setattr(ingest.sys, "executable", str(raw / "no-python"))
    result = ingest.remove_minutes([SEED.name], raw, db)
    assert result.build_error.startswith("Oppdateringen kunne ikke startes; den forrige databasen brukes fortsatt.")
    assert str(raw) not in result.build_error
    assert result.files[0].status == ingest.FAILED and ingest.minutes_files(raw) == [SEED.name]


def test_a_failed_build_shows_no_server_path(folder, tmp_path):
    raw, _ = folder
    blocker = tmp_path / "blokk"
    blocker.write_text("x")
    result = ingest.add_minutes([upload(MINUTES / "referat-2026-02-19.txt")], raw, blocker / "naering.duckdb")
    assert result.build_error and str(tmp_path) not in result.build_error and "blokk" in result.build_error


@pytest.mark.parametrize("same_content", [False, True])
def test_two_tabs_uploading_the_same_name_at_once_are_served_in_turn(folder, same_content):
    import threading

    raw, db = folder
    name = "referat-februar.txt"
    contents = [(MINUTES / "referat-2026-02-19.txt").read_bytes(),
                (MINUTES / ("referat-2026-02-19.txt" if same_content else "referat-2026-01-15.txt")).read_bytes()]
    start, results = threading.Barrier(2), [None, None]

    def tab(i: int) -> None:
        start.wait()
        results[i] = ingest.add_minutes([(name, contents[i])], raw, db)

    threads = [threading.Thread(target=tab, args=(i,)) for i in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = sorted(r.files[0].status for r in results)
    winner = next(i for i, r in enumerate(results) if r.files[0].status == ingest.ADDED)
    loser = results[1 - winner].files[0]
    if same_content:
        assert statuses == sorted([ingest.ADDED, ingest.UNCHANGED]) and loser.message == "Finnes allerede med samme innhold."
    else:
        assert statuses == sorted([ingest.ADDED, ingest.REJECTED]) and "samme navn finnes allerede" in loser.message
    assert (raw / name).read_bytes() == contents[winner], "the folder holds what the winner was told"
    assert meetings(db)[name] == ("2026-02-19" if winner == 0 or same_content else "2026-01-15")
    assert [p.name for p in raw.iterdir() if p.name.startswith(".")] == [], "no temporary file or journal left behind"


def test_a_journal_of_a_live_request_is_left_alone_and_a_dead_ones_is_put_back(folder):
    from dashboard import upload_journal

    raw, _ = folder
    journal = upload_journal.Journal(raw)
    journal.save(SEED.name)
    upload_journal.write_file(raw / SEED.name, b"overwritten")
    journal.save("new.txt")
    (raw / "new.txt").write_text("new")
    (raw / ".upload-k1ll3d").write_text("half a file")  # a write cut off before its rename
    assert ingest.recover(raw) == [], "the request is alive (its lock is held)"
    journal._lock.close()  # what the kernel does when the process dies
    assert ingest.recover(raw) == ["new.txt", SEED.name]
    assert (raw / SEED.name).read_bytes() == SEED.read_bytes() and not (raw / "new.txt").exists()
    assert sorted(p.name for p in raw.iterdir()) == [SEED.name]
    assert ingest.recover(raw) == []
    assert not (raw / ".pending").exists()


SERVER = """
import sys
from pathlib import Path
from dashboard import ingest
raw, db, incoming = map(Path, sys.argv[1:4])
ingest.add_minutes([(p.name, p.read_bytes()) for p in sorted(incoming.iterdir())], raw, db, replace=True)
print("finished")
"""


def test_a_server_killed_mid_build_loses_nothing_and_its_build_dies_with_it(folder, tmp_path):
    """A replaced file and a new one; the build is slow (a Word file of 90 000 paragraphs) and parses in
    worker processes (65 files).  SIGKILL the 'server' while its build runs: the build and its workers
    are gone at once, the database is not swapped, and recover() puts the folder back as it was."""
    import hashlib
    import signal
    import subprocess
    import sys
    import time

    import psutil

    from tests.fixtures import hostile

    raw, db = folder
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / SEED.name).write_bytes((MINUTES / "referat-2026-02-19.txt").read_bytes())  # replaces the seed
    hostile.docx_many_paragraphs(incoming / "treg.docx", 90_000)
    for n in range(63):  # enough files for the build to parse in worker processes (PARALLEL_FROM = 64)
        (incoming / f"kopi-{n:02}.txt").write_bytes(SEED.read_bytes())
    db_before = hashlib.sha256(db.read_bytes()).hexdigest()

    server = subprocess.Popen([sys.executable, "-c", SERVER, str(raw), str(db), str(incoming)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def builds() -> list[psutil.Process]:
        found = []
        for p in psutil.process_iter(["cmdline", "status"]):
            if p.info["status"] != psutil.STATUS_ZOMBIE and str(raw) in " ".join(p.info["cmdline"] or []) \
                    and "build" in (p.info["cmdline"] or []):
                found.append(p)
        return found

    deadline = time.monotonic() + 60
    while len(builds()) < 3:  # the build and at least two workers
        assert server.poll() is None, server.communicate()
        assert time.monotonic() < deadline, "the build never started its workers"
        time.sleep(0.1)
    assert (raw / SEED.name).read_bytes() != SEED.read_bytes(), "the seed was overwritten before the build"
    os.kill(server.pid, signal.SIGKILL)
    server.wait()

    deadline = time.monotonic() + 10
    while (left := builds()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert left == [], "the build and its workers die with the server"
    time.sleep(1)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == db_before, "the database was not swapped"
    assert meetings(db) == {SEED.name: "2025-10-23"}

    restored = ingest.recover(raw)
    assert restored == sorted([SEED.name, "treg.docx", *(f"kopi-{n:02}.txt" for n in range(63))])
    assert (raw / SEED.name).read_bytes() == SEED.read_bytes()
    assert sorted(p.name for p in raw.iterdir()) == [SEED.name], "the journal is gone once put back"
