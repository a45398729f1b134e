"""Corrections: the file, and every build applying it (real builds of the seed minutes)."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from etl.corrections.keys import lines_key, meeting_key, statement_key
from etl.corrections.store import append_correction, new_correction, read_corrections
from etl.warehouse.build import build
from tests.conftest import ROOT, SEED

DATE = "2025-10-23"
BLOWTECH = "Nedleggelse av Blowtech-fabrikken (70 ansatte)."
BUDGET = "Bekymring for kutt i statsbudsjettet: FOR-region og kompetansesporet foreslått fjernet."
PARKS = "Nye næringsparker og hotellprosjekt i Askim."
VIKEN = "Viken Park-prosjekt møter økende innvendinger."
FYLKESPLAN = "Ny fylkesplan med sterk begrensning på næringsarealer – stor motstand."


@pytest.fixture
def archive(tmp_path) -> Path:
    """A minutes folder with the seed minutes; corrections go in ``tmp_path / corrections.jsonl``."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    return tmp_path


def key(text: str, part: int | None = None) -> dict:
    return statement_key(SEED.name, DATE, text, 0, part)


def correct(archive: Path, target: str, action: str, k: dict, value=None, **kw) -> str:
    c = new_correction(target, action, k, value=value, by="test", **kw)
    append_correction(archive / "corrections.jsonl", c)
    return c.id


def rebuild(archive: Path, force: bool = False):
    report = build(archive / "raw", archive / "db.duckdb", corrections=archive / "corrections.jsonl", force=force)
    assert report.wrote or report.unchanged
    return report


def one(archive: Path, sql: str, params=None):
    with duckdb.connect(str(archive / "db.duckdb"), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def statement(archive: Path, text: str) -> dict:
    with duckdb.connect(str(archive / "db.duckdb"), read_only=True) as con:
        cur = con.execute("SELECT * FROM v_statements WHERE text = ?", [text])
        rows = cur.fetchall()
        names = [d[0] for d in cur.description]
    assert len(rows) <= 1
    return dict(zip(names, rows[0])) if rows else {}


def log(archive: Path) -> dict[str, str]:
    return dict(one(archive, "SELECT correction_id, status FROM v_corrections"))


# --- the file -------------------------------------------------------------------------------------


def test_a_correction_is_one_readable_json_line(tmp_path):
    path = tmp_path / "corrections.jsonl"
    c = new_correction("statement", "set_themes", key(BUDGET), value=["kompetanse"], old=["energi"],
                       why="feil tema", by="kari@example.no")
    append_correction(path, c)
    line = path.read_text(encoding="utf-8")
    assert line.count("\n") == 1 and "kompetansesporet" in line  # æøå kept as text, not escaped
    data = json.loads(line)
    assert (data["by"], data["action"], data["value"], data["old"], data["why"]) == (
        "kari@example.no", "set_themes", ["kompetanse"], ["energi"], "feil tema")
    records, errors = read_corrections(path)
    assert errors == [] and records == [c]


def test_a_malformed_line_is_named_by_number_and_the_others_are_kept(tmp_path):
    path = tmp_path / "corrections.jsonl"
    good = new_correction("statement", "not_a_fact", key(BLOWTECH), by="t")
    append_correction(path, good)
    with open(path, "a", encoding="utf-8") as f:
        f.write("{not json\n")
        f.write('{"id": "x", "at": "2026-01-01", "by": "t", "target": "statement", "action": "explode", "key": {"a": 1}}\n')
    records, errors = read_corrections(path)
    assert [r.id for r in records] == [good.id]
    assert [(e.line_no, e.reason.split(" (")[0]) for e in errors] == [(2, "not valid JSON"), (3, "unknown action 'explode' for statement")]
    assert errors[0].message(path).startswith("corrections.jsonl, line 2: not valid JSON")


def test_an_append_after_a_torn_line_starts_on_a_new_line(tmp_path):
    path = tmp_path / "corrections.jsonl"
    path.write_text('{"id": "half', encoding="utf-8")  # a crash mid-write
    c = new_correction("statement", "not_a_fact", key(BLOWTECH), by="t")
    append_correction(path, c)
    records, errors = read_corrections(path)
    assert [r.id for r in records] == [c.id] and [e.line_no for e in errors] == [1]


def _append_many(path: str, who: str, n: int) -> None:
    for i in range(n):
        append_correction(Path(path), new_correction("statement", "set_jobs", key(BLOWTECH), value=i, by=who,
                                                     why="x" * 3000))  # long lines: a torn write would show


def test_two_people_correcting_at_the_same_time_both_keep_every_line(tmp_path):
    path = tmp_path / "corrections.jsonl"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_append_many, args=(str(path), who, 150)) for who in ("kari", "ola")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    records, errors = read_corrections(path)
    assert errors == []
    assert sorted((r.by, r.value) for r in records) == sorted((w, i) for w in ("kari", "ola") for i in range(150))


# --- builds apply them ----------------------------------------------------------------------------


def test_statement_corrections_are_the_data_and_keep_the_original(archive):
    ids = [
        correct(archive, "statement", "set_themes", key(BUDGET), ["kompetanse"], old=["kompetanse", "offentlig_okonomi"]),
        correct(archive, "statement", "set_unit", key(BUDGET), "Bærum", old="Oslo"),
        correct(archive, "statement", "set_jobs", key(BLOWTECH), 75, old=70),
        correct(archive, "statement", "set_date", key(BLOWTECH), "2025-12-31"),
        correct(archive, "statement", "set_fact_type", key(VIKEN), "nedleggelse", old="utfordring"),
    ]
    report = rebuild(archive)
    assert (report.corrections, report.stale_corrections, report.correction_errors) == (5, 0, [])
    budget = statement(archive, BUDGET)
    assert (budget["themes"], budget["unit_name"], budget["kommunenummer"], budget["region"]) == (
        ["kompetanse"], "Bærum", "3201", "Vestregionen")
    assert budget["corrected"] is True and budget["corrected_fields"] == ["themes", "unit_name"]
    blowtech = statement(archive, BLOWTECH)
    assert (blowtech["jobs"], str(blowtech["event_date"]), blowtech["corrected_fields"]) == (75, "2025-12-31",
                                                                                              ["event_date", "jobs"])
    assert one(archive, "SELECT jobs, corrected FROM v_saker WHERE title LIKE 'Nedleggelse av Blowtech%'") == [(75, False)]
    assert statement(archive, VIKEN)["fact_type"] == "nedleggelse"
    assert statement(archive, PARKS)["corrected"] is False
    assert log(archive) == dict.fromkeys(ids, "brukt")
    old = one(archive, "SELECT old, corrected_by, target_id FROM v_corrections WHERE action = 'set_jobs'")
    assert old == [("70", "test", blowtech["statement_id"])]


def test_not_a_fact_hides_a_statement_from_every_figure(archive):
    correct(archive, "statement", "not_a_fact", key(BLOWTECH), why="feilført")
    rebuild(archive)
    assert statement(archive, BLOWTECH) == {}
    assert one(archive, "SELECT count(*) FROM v_saker WHERE kind = 'nedleggelse'") == [(0,)]
    assert one(archive, "SELECT count(*) FROM v_statements") == [(72,)]


def test_a_split_statement_becomes_its_pieces(archive):
    correct(archive, "statement", "split", key(PARKS), ["Nye næringsparker i Askim.", "Nytt hotellprosjekt i Askim."])
    rebuild(archive)
    assert statement(archive, PARKS) == {}
    pieces = one(archive, "SELECT text, unit_name, line_start, corrected_fields, sak_id IS NOT NULL FROM v_statements "
                          "WHERE corrected ORDER BY statement_id")
    assert pieces == [("Nye næringsparker i Askim.", "Indre Østfold", 112, ["added"], True),
                      ("Nytt hotellprosjekt i Askim.", "Indre Østfold", 112, ["added"], True)]
    assert one(archive, "SELECT count(*) FROM v_statements") == [(74,)]


def test_a_missed_statement_is_added_from_its_source_lines(archive):
    rebuild(archive)
    lines = [t for (t,) in one_lines(archive, 5, 5)]
    correct(archive, "statement", "add", lines_key(SEED.name, 5, 5, lines),
            {"text": "Askim kommune får 40 nye arbeidsplasser i et nytt lager.", "unit": "Indre Østfold"})
    rebuild(archive)
    added = statement(archive, "Askim kommune får 40 nye arbeidsplasser i et nytt lager.")
    assert (added["unit_name"], added["jobs"], added["line_start"], added["line_end"], added["corrected_fields"]) == (
        "Indre Østfold", 40, 5, 5, ["added"])
    assert added["source_text"] == lines[0]


def one_lines(archive: Path, lo: int, hi: int):
    return one(archive, "SELECT text FROM source_lines WHERE line_no BETWEEN ? AND ? ORDER BY line_no", [lo, hi])


def test_meeting_corrections(archive):
    rebuild(archive)
    first = one(archive, "SELECT text FROM source_lines WHERE trim(text) <> '' ORDER BY line_no LIMIT 1")[0][0]
    k = meeting_key(SEED.name, first)
    correct(archive, "meeting", "set_meeting_date", k, "2025-10-24", old=DATE)
    correct(archive, "meeting", "set_organ", k, "Faggruppe næring")
    correct(archive, "meeting", "set_kind", k, "innkalling")
    rebuild(archive)
    assert one(archive, "SELECT meeting_date::VARCHAR, organ, kind, corrected FROM v_meetings") == [
        ("2025-10-24", "Faggruppe næring", "innkalling", True)]
    assert one(archive, "SELECT DISTINCT meeting_date::VARCHAR FROM v_statements") == [("2025-10-24",)]


def test_saker_merge_rename_status_and_move(archive):
    rebuild(archive)
    before = one(archive, "SELECT count(*) FROM v_saker")[0][0]
    correct(archive, "sak", "merge", key(VIKEN), other=key(FYLKESPLAN))
    correct(archive, "sak", "rename", key(VIKEN), "Viken Park")
    correct(archive, "sak", "set_status", key(VIKEN), "stanset")
    # Microsoft and "nytt prosjekt" are two parts of one statement: move the second into Microsoft's sak
    datasenter = "Store datasenteretableringer (Microsoft + nytt prosjekt)."
    correct(archive, "sak", "move", key(datasenter, 2), other=key(datasenter, 1))
    rebuild(archive)
    assert one(archive, "SELECT count(*) FROM v_saker")[0][0] == before - 2
    merged = one(archive, "SELECT title, status, n_mentions, corrected FROM v_saker WHERE title = 'Viken Park'")
    assert merged == [("Viken Park", "stanset", 2, True)]
    assert one(archive, "SELECT count(*), count(DISTINCT sak_id) FROM v_sak_mentions WHERE text = ?", [datasenter]) == [(2, 1)]
    assert set(log(archive).values()) == {"brukt"}
    # the dashboard's stored copy carries the corrected register's sak ids (set after linking)
    assert one(archive, "SELECT statement_id, sak_id FROM mart_statements ORDER BY 1") == \
        one(archive, "SELECT statement_id, sak_id FROM v_statements ORDER BY 1")


def test_corrections_survive_a_forced_rebuild_and_a_changed_source_line_makes_them_foreldet(archive):
    kept = correct(archive, "statement", "set_themes", key(BUDGET), ["energi"])
    gone = correct(archive, "statement", "set_jobs", key(BLOWTECH), 75)
    rebuild(archive)
    rebuild(archive, force=True)
    assert statement(archive, BUDGET)["themes"] == ["energi"]
    assert statement(archive, BLOWTECH)["jobs"] == 75
    # the minutes are edited: the Blowtech line now says something else
    doc = archive / "raw" / SEED.name
    doc.write_text(doc.read_text(encoding="utf-8").replace("(70 ansatte)", "(72 ansatte)"), encoding="utf-8")
    report = rebuild(archive)
    assert (report.corrections, report.stale_corrections) == (1, 1)
    assert log(archive) == {kept: "brukt", gone: "foreldet"}
    assert statement(archive, "Nedleggelse av Blowtech-fabrikken (72 ansatte).")["jobs"] == 72
    assert one(archive, "SELECT text FROM v_corrections WHERE status = 'foreldet'") == [(BLOWTECH,)]


def test_a_later_correction_replaces_an_earlier_one_and_bad_values_are_ugyldig(archive):
    first = correct(archive, "statement", "set_jobs", key(BLOWTECH), 75)
    second = correct(archive, "statement", "set_jobs", key(BLOWTECH), 80)
    bad_theme = correct(archive, "statement", "set_themes", key(BUDGET), ["finnes_ikke"])
    bad_status = correct(archive, "sak", "set_status", key(BLOWTECH), "ferdig")
    rebuild(archive)
    assert statement(archive, BLOWTECH)["jobs"] == 80
    assert statement(archive, BUDGET)["themes"] == ["kompetanse", "offentlig_okonomi"]
    assert log(archive) == {first: "erstattet", second: "brukt", bad_theme: "ugyldig", bad_status: "ugyldig"}


def test_a_changed_corrections_file_rebuilds_without_parsing_and_an_unchanged_one_does_nothing(archive):
    rebuild(archive)
    correct(archive, "statement", "set_jobs", key(BLOWTECH), 75)
    report = rebuild(archive)
    assert (report.wrote, report.parsed, report.corrections) == (True, 0, 1)
    report = rebuild(archive)
    assert (report.wrote, report.corrections) == (False, 1)


def test_a_broken_corrections_file_is_reported_by_line_and_the_rest_is_applied(archive):
    correct(archive, "statement", "set_jobs", key(BLOWTECH), 75)
    with open(archive / "corrections.jsonl", "a", encoding="utf-8") as f:
        f.write("this is not json\n")
    res = subprocess.run(
        [sys.executable, "-m", "etl", "build", "--quiet", "--input", str(archive / "raw"), "--db",
         str(archive / "db.duckdb"), "--corrections", str(archive / "corrections.jsonl")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert res.returncode == 1
    assert "FAILED corrections.jsonl, line 2: not valid JSON" in res.stderr
    assert statement(archive, BLOWTECH)["jobs"] == 75


def test_evaluate_corrections_counts_how_often_each_rule_is_overruled(archive):
    from etl.evaluate_corrections import evaluate_corrections

    correct(archive, "statement", "set_themes", key(BUDGET), ["kompetanse", "energi"])
    correct(archive, "statement", "set_fact_type", key(VIKEN), "nedleggelse")
    correct(archive, "statement", "set_unit", key(BUDGET), "Bærum")
    correct(archive, "statement", "set_jobs", key(BLOWTECH), 75)
    correct(archive, "statement", "set_jobs", key(BLOWTECH), 80)  # replaces the one above: one vote, not two
    correct(archive, "statement", "not_a_fact", key(PARKS))
    correct(archive, "sak", "merge", key(VIKEN), other=key(FYLKESPLAN))
    correct(archive, "sak", "set_status", key(FYLKESPLAN), "stanset", old="planlagt")
    correct(archive, "statement", "set_jobs", key("Finnes ikke lenger."), 1)  # stale
    rebuild(archive)
    s = evaluate_corrections(archive / "db.duckdb")
    assert (s.statuses["brukt"], s.statuses["foreldet"], s.statuses["erstattet"]) == (7, 1, 1)
    assert (dict(s.themes_removed), dict(s.themes_added)) == ({"offentlig_okonomi": 1}, {"energi": 1})
    assert dict(s.fact_types) == {("utfordring", "nedleggelse"): 1}
    assert dict(s.units) == {("Oslo", "Bærum"): 1}
    assert dict(s.figures) == {"jobs: changed": 1}
    assert dict(s.not_a_fact) == {"etablering": 1}
    assert dict(s.saker) == {"merge": 1, "set_status": 1}
    assert dict(s.sak_status) == {("planlagt", "stanset"): 1}
    res = subprocess.run([sys.executable, "-m", "etl", "evaluate", "--corrections", "--db", str(archive / "db.duckdb")],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "Corrections: 7 applied, 1 stale (foreldet), 1 superseded, 0 invalid" in res.stdout
    assert "  utfordring → nedleggelse" in res.stdout


def test_a_correction_finds_its_statement_whatever_the_whitespace(archive):
    doc = archive / "raw" / SEED.name
    doc.write_text(doc.read_text(encoding="utf-8").replace("(70 ansatte)", "(70\u00a0ansatte)"), encoding="utf-8")
    correct(archive, "statement", "set_jobs", key(BLOWTECH), 75)  # keyed with a plain space
    report = rebuild(archive)
    assert (report.corrections, report.stale_corrections) == (1, 0)
    assert one(archive, "SELECT jobs FROM v_statements WHERE text LIKE 'Nedleggelse av Blowtech%'") == [(75,)]


def test_check_lays_a_documents_corrections_over_its_parse_for_a_golden_fixture(tmp_path):
    path = tmp_path / "corrections.jsonl"
    for c in (
        new_correction("statement", "set_themes", key(BUDGET), value=["energi"], by="t"),
        new_correction("statement", "set_jobs", statement_key("elsewhere/" + SEED.name, DATE, BLOWTECH), value=75, by="t"),
        new_correction("statement", "not_a_fact", key(PARKS), by="t"),  # not something a parse says
        new_correction("statement", "set_jobs", statement_key("other.txt", "2024-01-01", BLOWTECH), value=1, by="t"),
        new_correction("meeting", "set_organ", {"source_file": SEED.name, "first_line": "x"}, value="Faggruppe næring", by="t"),
    ):
        append_correction(path, c)
    res = subprocess.run([sys.executable, "-m", "etl", "check", str(SEED), "--json", "--corrections", str(path)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "3 corrections applied, 1 left out" in res.stderr
    parse = json.loads(res.stdout)
    by_text = {s["text"]: s for s in parse["statements"]}
    assert by_text[BUDGET]["themes"] == ["energi"]
    assert (by_text[BLOWTECH]["jobs"], by_text[BLOWTECH]["sak_kind"]) == (75, "nedleggelse")
    assert PARKS in by_text and parse["organ"] == "Faggruppe næring"
