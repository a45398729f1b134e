"""The audit log (dashboard/audit.py): appended by uploads, removals and corrections, read on /logg."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import shutil
from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard import audit, corrections

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "streamlit_app.py")
SEED = ROOT / "data" / "raw" / "referat-faggruppe-naering-2025-10-23.txt"


def test_append_and_read_newest_first(tmp_path):
    path = tmp_path / "audit.jsonl"
    t0 = dt.datetime(2026, 4, 23, 8, 15, 2, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    first = audit.entry(audit.UPLOAD, "kari@follo.no", files=["a.pdf"], outcome="a.pdf: lagt til", at=t0)
    audit.append(path, first)
    audit.record(path, audit.REMOVE, "lokal bruker", files=["b.txt"], outcome="b.txt: fjernet", ok=False)
    audit.record(path, audit.CORRECTION, "per@asker.kommune.no", summary="statement/set_unit")
    items, bad = audit.read(path)
    assert bad == 0
    assert [i["action"] for i in items] == [audit.CORRECTION, audit.REMOVE, audit.UPLOAD]
    assert items[-1] == {"at": "2026-04-23T06:15:02+00:00", "by": "kari@follo.no", "action": "upload",
                         "files": ["a.pdf"], "summary": "", "outcome": "a.pdf: lagt til", "ok": True}
    assert items[1]["ok"] is False and items[1]["at"].endswith("+00:00")  # always UTC
    # Plain JSON Lines, one entry per line, in the order they happened.
    assert [json.loads(x)["action"] for x in path.read_text(encoding="utf-8").splitlines()] == [
        "upload", "remove", "correction"]


def test_entries_in_the_same_second_stay_newest_first(tmp_path):
    path = tmp_path / "audit.jsonl"
    at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for n in range(3):
        audit.append(path, audit.entry(audit.UPLOAD, "x", files=[f"{n}.txt"], at=at))
    assert [i["files"] for i in audit.read(path)[0]] == [["2.txt"], ["1.txt"], ["0.txt"]]


def test_a_torn_or_foreign_line_is_skipped_and_counted(tmp_path):
    path = tmp_path / "audit.jsonl"
    audit.record(path, audit.UPLOAD, "a")
    with path.open("ab") as f:
        f.write(b'{"at": "2026-01-01T00:00:00+00:00", "by": "half')  # a crash mid-line
    audit.record(path, audit.UPLOAD, "b")  # starts on a line of its own
    with path.open("ab") as f:
        f.write(b'[1, 2]\n\xff\xfe\n{"by": "no time"}\n')
    items, bad = audit.read(path)
    assert [i["by"] for i in items] == ["b", "a"] and bad == 4
    assert audit.read(tmp_path / "missing.jsonl") == ([], 0)


def _append_many(path: str, who: str) -> None:
    for n in range(100):
        audit.record(Path(path), audit.CORRECTION, who, summary=f"{who}-{n}" + "x" * 3000)


def test_two_processes_appending_at_once_both_keep_every_line(tmp_path):
    path = tmp_path / "audit.jsonl"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_append_many, args=(str(path), who)) for who in ("a", "b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    items, bad = audit.read(path)
    assert bad == 0 and len(items) == 200
    assert {i["summary"][:5].rstrip("x") for i in items} >= {"a-99", "b-99", "a-0", "b-0"}


def test_an_unwritable_log_is_reported_not_raised(tmp_path):
    (tmp_path / "dir").mkdir()
    item = audit.record(tmp_path / "dir", audit.UPLOAD, "a")  # a folder, not a file
    assert item["logged"] is False and item["error"]


def test_the_log_lives_beside_the_minutes_folder_unless_set(monkeypatch, tmp_path):
    monkeypatch.delenv("NAERINGSPULS_AUDIT", raising=False)
    assert audit.audit_path(tmp_path / "data" / "raw") == tmp_path / "data" / "audit.jsonl"
    monkeypatch.setenv("NAERINGSPULS_AUDIT", str(tmp_path / "elsewhere.jsonl"))
    assert audit.audit_path(tmp_path / "data" / "raw") == tmp_path / "elsewhere.jsonl"


def test_correction_summary():
    key = {"source_file": "a.txt", "meeting_date": "2025-10-23", "text": "Asker melder om " + "x" * 100, "n": 0}
    assert audit.correction_summary("statement", "set_fact_type", key, "nedleggelse") == (
        f"statement/set_fact_type «Asker melder om {'x' * 64}…» → \"nedleggelse\"")
    assert audit.correction_summary("meeting", "set_meeting_date", {"first_line": "Referat"}, None) == (
        "meeting/set_meeting_date «Referat»")


def test_a_correction_is_written_to_the_audit_log(monkeypatch, tmp_path):
    monkeypatch.setenv("NAERINGSPULS_CORRECTIONS", str(tmp_path / "corrections.jsonl"))
    monkeypatch.setenv("NAERINGSPULS_AUDIT", str(tmp_path / "audit.jsonl"))
    key = {"source_file": "a.txt", "meeting_date": "2025-10-23", "text": "Asker melder om nytt bygg", "n": 0}
    saved = corrections.record(tmp_path / "db.duckdb", "statement", "set_fact_type", key, value="etablering",
                               by="kari@follo.no", rebuild=False)
    [item], _ = audit.read(tmp_path / "audit.jsonl")
    assert item["by"] == "kari@follo.no" and item["action"] == "correction" and item["files"] == ["a.txt"]
    assert item["summary"] == 'statement/set_fact_type «Asker melder om nytt bygg» → "etablering"'
    assert item["outcome"] == saved.message == "Rettelsen er lagret." and item["ok"] is True
    corrections.record(tmp_path / "db.duckdb", "statement", "not_a_fact", key, rebuild=False)
    assert audit.read(tmp_path / "audit.jsonl")[0][0]["by"] == "lokal bruker"


def test_uploads_and_removals_are_logged_and_listed_on_logg(monkeypatch, tmp_path):
    """Local mode: the one user adds a file, removes it, and reads both on /logg, newest first, escaped."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    monkeypatch.setenv("NAERINGSPULS_RAW", str(raw))
    monkeypatch.setenv("NAERINGSPULS_DB", str(tmp_path / "db.duckdb"))
    monkeypatch.setenv("NAERINGSPULS_CORRECTIONS", str(tmp_path / "corrections.jsonl"))
    monkeypatch.delenv("NAERINGSPULS_AUDIT", raising=False)  # the default: beside the minutes folder
    hostile = "*[klikk](mailto:x@evil.example)* <b>.txt"
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("app_pages/legg_til.py").run()
    at.file_uploader(key="legg-til.filer").set_value([(hostile, b"ikke et referat", "text/plain")])
    next(b for b in at.button if b.label == "Legg til og oppdater").click().run()
    assert not at.exception, [e.message for e in at.exception]
    at.multiselect(key="fjern.filer").set_value([SEED.name])
    at.checkbox(key="fjern.sikker").check()
    next(b for b in at.button if b.label == "Fjern").click().run()
    assert not at.exception, [e.message for e in at.exception]

    items, bad = audit.read(tmp_path / "audit.jsonl")
    assert bad == 0 and [(i["action"], i["by"], i["files"], i["ok"]) for i in items] == [
        ("remove", "lokal bruker", [SEED.name], True),
        ("upload", "lokal bruker", [hostile], False),
    ]
    assert items[0]["outcome"] == f"{SEED.name}: fjernet (Fjernet.)"
    assert items[1]["outcome"].startswith(f"{hostile}: feilet (")

    at.switch_page("app_pages/logg.py").run()
    assert not at.exception and at.title[0].value == "Logg"
    text = [m.value for m in at.markdown]
    assert "**Fjernet**" in text[0] and "lokal bruker" in text[0] and "**Lastet opp**" in text[1]
    assert "\\*\\[klikk\\]\\(mailto\\:x@evil\\.example\\)\\* \\<b\\>\\.txt" in text[1]  # escaped: no link, no tag
    assert "](mailto" not in "".join(text)
