"""The build: incremental by content hash, atomic, and tolerant of bad input."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from etl.warehouse.build import build
from tests.conftest import FIXTURES, ROOT, SEED

BAD = FIXTURES / "bad"


def count(db: Path, sql: str, params=None):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchone()[0]


@pytest.fixture
def folder(tmp_path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    return src


def test_first_build_loads_the_seed(folder, tmp_path):
    db = tmp_path / "n.duckdb"
    report = build(folder, db)
    assert report.ok and report.wrote
    assert (report.documents, report.parsed, report.meetings) == (1, 1, 1)
    assert report.statements == count(db, "SELECT count(*) FROM v_statements") > 38
    assert not list(tmp_path.glob(".n.duckdb.build-*")), "temporary build file left behind"


def test_rebuild_with_nothing_changed_writes_nothing(folder, tmp_path):
    db = tmp_path / "n.duckdb"
    build(folder, db)
    before = db.stat()
    report = build(folder, db)
    assert not report.wrote and report.unchanged == 1 and report.parsed == 0
    assert db.stat().st_ino == before.st_ino and db.stat().st_mtime_ns == before.st_mtime_ns
    assert report.seconds < 2.0


def test_changed_file_replaces_its_facts_and_removed_file_goes(folder, tmp_path):
    from etl.synthetic import write_minutes

    db = tmp_path / "n.duckdb"
    extra = write_minutes(folder, 2)
    build(folder, db)
    assert count(db, "SELECT count(*) FROM v_meetings") == 3

    seed_copy = folder / SEED.name
    text = seed_copy.read_text(encoding="utf-8").replace("Blowtech-fabrikken (70 ansatte)", "Blowtech-fabrikken (90 ansatte)")
    seed_copy.write_text(text, encoding="utf-8")
    extra[0].unlink()
    report = build(folder, db)
    assert (report.parsed, report.unchanged, report.removed) == (1, 1, 1)
    assert count(db, "SELECT count(*) FROM v_meetings") == 2
    assert count(db, "SELECT max(jobs) FILTER (WHERE text ILIKE '%Blowtech%' AND source_file = ?) FROM v_statements", [SEED.name]) == 90
    assert count(db, "SELECT count(*) FROM v_statements WHERE text ILIKE '%(70 ansatte)%'") == 0
    assert count(db, "SELECT count(*) FROM documents WHERE source_file = ?", [extra[0].name]) == 0


@pytest.mark.parametrize(
    ("name", "reason_part"),
    [
        ("empty.txt", "empty"),
        ("junk.txt", "binary"),
        ("undecodable.txt", "decoded"),
        ("truncated.pdf", "truncated"),
        ("encrypted.pdf", "encrypt"),
        ("scanned.pdf", "OCR"),
        ("notes.rtf", "unsupported"),
        ("corrupt.docx", "corrupt"),
        ("nodate.txt", "no meeting date"),
    ],
)
def test_bad_file_fails_alone_with_a_reason(folder, tmp_path, name, reason_part):
    shutil.copy(BAD / name, folder / name)
    db = tmp_path / "n.duckdb"
    report = build(folder, db)
    assert [f.source_file for f in report.failures] == [name]
    reason = report.failures[0].reason
    assert reason and "Traceback" not in reason and reason_part.lower() in reason.lower()
    assert report.meetings == 1, "the good file must still load"


def test_same_meeting_twice_is_rejected_once(folder, tmp_path):
    shutil.copy(SEED, folder / "kopi-av-referat.txt")
    report = build(folder, tmp_path / "n.duckdb")
    assert report.meetings == 1
    assert len(report.failures) == 1 and "same meeting" in report.failures[0].reason
    # Names are sorted: "kopi-…" comes first, so the seed is the one rejected.
    assert report.failures[0].source_file == SEED.name
    assert "kopi-av-referat.txt" in report.failures[0].reason


def test_failed_build_leaves_previous_database_intact(folder, tmp_path, monkeypatch):
    db = tmp_path / "n.duckdb"
    build(folder, db)
    n_before = count(db, "SELECT count(*) FROM v_statements")
    (folder / SEED.name).write_text(SEED.read_text(encoding="utf-8") + "\n• Ny linje.\n", encoding="utf-8")

    from etl.warehouse import reference

    def boom(con):
        raise RuntimeError("disk full")

    monkeypatch.setattr(reference, "load", boom)
    with pytest.raises(RuntimeError):
        build(folder, db)
    assert count(db, "SELECT count(*) FROM v_statements") == n_before
    assert not list(tmp_path.glob(".n.duckdb.build-*"))


def test_killed_build_leaves_previous_database_openable(tmp_path):
    from etl.synthetic import write_minutes

    src = tmp_path / "in"
    write_minutes(src, 3)
    db = tmp_path / "n.duckdb"
    build(src, db)
    n_before = count(db, "SELECT count(*) FROM v_meetings")
    write_minutes(src, 60, seed=99, start=__import__("datetime").date(2030, 1, 1))
    # Slow the parser down so the kill lands mid-build, deterministically.
    code = (
        "import time, etl.pipeline as p; orig = p.parse_raw\n"
        "p.parse_raw = lambda raw: (time.sleep(0.2), orig(raw))[1]\n"
        "from etl.cli import main; main(['build', '--input', %r, '--db', %r, '--quiet'])\n" % (str(src), str(db))
    )
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    deadline = time.time() + 30
    while not list(tmp_path.glob(".n.duckdb.build-*")) and time.time() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob(".n.duckdb.build-*")), "build never started"
    time.sleep(0.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert count(db, "SELECT count(*) FROM v_meetings") == n_before
    # The next build cleans up and completes.
    report = build(src, db)
    assert report.ok and report.meetings == 63
    assert not list(tmp_path.glob(".n.duckdb.build-*"))


def test_cli_build_prints_one_line_per_bad_file_and_exits_nonzero(folder, tmp_path):
    for name in ("empty.txt", "scanned.pdf", "notes.rtf"):
        shutil.copy(BAD / name, folder / name)
    db = tmp_path / "n.duckdb"
    res = subprocess.run(
        [sys.executable, "-m", "etl", "build", "--input", str(folder), "--db", str(db), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    failed = [line for line in res.stderr.splitlines() if line.startswith("FAILED ")]
    assert sorted(line.split(":")[0] for line in failed) == [
        "FAILED empty.txt", "FAILED notes.rtf", "FAILED scanned.pdf",
    ]  # fmt: skip
    assert "1 meetings" in res.stdout and "3 failed" in res.stdout


def test_cli_db_from_environment(folder, tmp_path):
    db = tmp_path / "env.duckdb"
    res = subprocess.run(
        [sys.executable, "-m", "etl", "build", "--input", str(folder), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NAERINGSPULS_DB": str(db)},
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert count(db, "SELECT count(*) FROM v_meetings") == 1


def test_cli_check_prints_the_parse_for_review():
    res = subprocess.run([sys.executable, "-m", "etl", "check", str(SEED)], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "Kongsvingerregionen" in res.stdout and "Blowtech" in res.stdout
    assert "2025-10-23" in res.stdout


def test_cli_check_bad_file_is_one_line():
    res = subprocess.run(
        [sys.executable, "-m", "etl", "check", str(BAD / "empty.txt")], cwd=ROOT, capture_output=True, text=True
    )
    assert res.returncode == 1
    assert res.stderr.strip().count("\n") == 0 and "empty.txt" in res.stderr


def test_cli_evaluate_prints_precision_and_recall():
    res = subprocess.run([sys.executable, "-m", "etl", "evaluate"], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "precision" in res.stdout and "recall" in res.stdout
    assert "forsvar" in res.stdout and "amount_nok" in res.stdout
    assert "linking B-cubed F1                   0.979" in res.stdout  # and the register of saker


@pytest.mark.parametrize(("setting", "lowered_by"), [(None, 10), ("0", 0), ("5", 5), ("ti", 10)])
def test_a_cli_build_runs_below_the_dashboards_priority(setting, lowered_by):
    """`python -m etl build` lowers its own priority (and so its parse workers'), so a rebuild on the
    serving machine takes the cores only when pages leave them idle; NAERINGSPULS_BUILD_NICE sets how far."""
    env = {k: v for k, v in os.environ.items() if k != "NAERINGSPULS_BUILD_NICE"}
    if setting is not None:
        env["NAERINGSPULS_BUILD_NICE"] = setting
    code = "import os; from etl.cli import lower_priority; lower_priority(); print(os.nice(0))"
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    assert int(out.stdout) == min(os.nice(0) + lowered_by, 19)
