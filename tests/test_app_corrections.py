"""AppTest for corrections where the data is shown (Møter, Saker, Gjennomgang) and for the
read-only dashboard a broken corrections file gives. Every correction really rebuilds the
warehouse in a child process, as it does for a user."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from etl.warehouse.build import build
from test_app_pages import open_app as app
from test_app_pages import statements_table
from tests.conftest import MINUTES, SEED

DOCX = MINUTES / "referat-2026-08-26.docx"  # its Microsoft line has 40 jobs and fact type "annet"
BUDGET = "Bekymring for kutt i statsbudsjettet: FOR-region og kompetansesporet foreslått fjernet."


@pytest.fixture(autouse=True)
def no_first_chart_pause(monkeypatch):
    from dashboard.components import downloads

    monkeypatch.setattr(downloads, "FIRST_CHART_PAUSE_S", 0.0)


@pytest.fixture
def archive(tmp_path, monkeypatch) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for doc in (SEED, DOCX):
        shutil.copy(doc, raw / doc.name)
    report = build(raw, tmp_path / "db.duckdb", corrections=tmp_path / "corrections.jsonl")
    assert report.ok
    monkeypatch.setenv("NAERINGSPULS_DB", str(tmp_path / "db.duckdb"))
    monkeypatch.setenv("NAERINGSPULS_RAW", str(raw))
    monkeypatch.setenv("NAERINGSPULS_CORRECTIONS", str(tmp_path / "corrections.jsonl"))
    return tmp_path


def submit(at: AppTest, label: str = "Lagre rettelse av utsagnet", i: int = 0) -> AppTest:
    [b for b in at.button if b.label == label][i].click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def query(archive: Path, sql: str, params=None):
    with duckdb.connect(str(archive / "db.duckdb"), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def corrections(archive: Path) -> list[dict]:
    path = archive / "corrections.jsonl"
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def open_statement(text: str) -> AppTest:
    """Møter, the seed meeting, with the statement ``text`` picked."""
    at = app("moter", {"mote": query_meeting_id()})
    box = at.selectbox(key="moter.utsagn")
    pick = next(o for o in box.options if text[:60] in o)
    box.select(box.options.index(pick) and pick).run()
    return at


def query_meeting_id() -> str:
    import os

    with duckdb.connect(os.environ["NAERINGSPULS_DB"], read_only=True) as con:
        return con.execute("SELECT meeting_id FROM v_meetings WHERE source_file = ?", [SEED.name]).fetchone()[0]


def test_a_theme_corrected_in_moter_is_the_data_and_shows_its_original(archive):
    at = app("moter", {"mote": query_meeting_id()})
    box = at.selectbox(key="moter.utsagn")
    sid = query(archive, "SELECT statement_id FROM v_statements WHERE text = ?", [BUDGET])[0][0]
    box.set_value(sid).run()
    at.multiselect(key="moter-rett-utsagn-tema").set_value(["energi"])
    at.text_input(key="moter-rett-utsagn-hvorfor").set_value("handler om kraft")
    submit(at)
    assert [s.value for s in at.success] == ["Rettelsen er lagret og brukt\\."]
    [c] = corrections(archive)
    assert (c["target"], c["action"], c["value"], c["old"], c["why"]) == (
        "statement", "set_themes", ["energi"], ["kompetanse", "offentlig_okonomi"], "handler om kraft")
    assert c["key"]["text"] == BUDGET and c["by"].startswith("lokal: ")
    assert query(archive, "SELECT themes, corrected FROM v_statements WHERE text = ?", [BUDGET]) == [(["energi"], True)]
    labels = dict(query(archive, "SELECT theme_id, label FROM dim_themes"))
    row = next(r for r in statements_table(at) if r["Utsagn"] == BUDGET)
    assert row["Tema"] == labels["energi"]
    assert row["Rettet"] == f"Rettet: Tema var «{labels['kompetanse']}, {labels['offentlig_okonomi']}»"


def test_godkjent_takes_an_entry_out_of_the_queue_and_it_stays_out(archive):
    at = app("gjennomgang", {"ko": "tall"})
    assert at.radio(key="gjennomgang.ko").value == "tall"
    assert len(at.selectbox(key="gjennomgang.oppforing").options) == 1
    excerpt = at.code[0].value
    assert "▶  18  Indre Østfold Terje Myrseth | Microsoft har satt datasenteret i Skiptvet i drift" in excerpt
    assert "   17  " in excerpt  # the lines around it, unmarked
    at.button(key="gj-tall-godkjent").click().run()
    assert [c["action"] for c in corrections(archive)] == ["approve"]
    assert "Ingenting å se på under «Tall uten type»." in [s.value for s in at.success]
    build(archive / "raw", archive / "db.duckdb", corrections=archive / "corrections.jsonl", force=True)
    at = app("gjennomgang", {"ko": "tall"})
    assert "Ingenting å se på under «Tall uten type»." in [s.value for s in at.success]


def test_a_fact_type_fixed_from_the_queue_counts_in_the_register(archive):
    at = app("gjennomgang", {"ko": "tall"})
    at.selectbox(key="gj-tall-rett-type").set_value("etablering")
    submit(at)
    assert query(archive, "SELECT fact_type, corrected_fields FROM v_statements WHERE text LIKE 'Microsoft har satt%'") == [
        ("etablering", ["fact_type"])]
    assert "Ingenting å se på under «Tall uten type»." in [s.value for s in at.success]


def test_saker_are_renamed_and_merged_from_the_sak_page(archive):
    viken = query(archive, "SELECT sak_id FROM v_saker WHERE title LIKE 'Viken Park%'")[0][0]
    plan = query(archive, "SELECT sak_id, title FROM v_saker WHERE title LIKE 'Ny fylkesplan%'")[0]
    n = query(archive, "SELECT count(*) FROM v_saker")[0][0]
    at = app("saker", {"sak": viken})
    assert not [b for b in at.button if b.label == "Lagre rettelse av saken"]  # built only when asked for
    at.toggle(key="sak-rett-vis").set_value(True).run()
    at.text_input(key="sak-rett-tittel").set_value("Viken Park (Råde)")
    at.selectbox(key="sak-rett-slaa-sammen").set_value(plan[0])
    at.selectbox(key="sak-rett-status").set_value("stanset")
    submit(at, "Lagre rettelse av saken")
    assert sorted(c["action"] for c in corrections(archive)) == ["merge", "rename", "set_status"]
    assert query(archive, "SELECT count(*) FROM v_saker")[0][0] == n - 1
    assert query(archive, "SELECT title, status, n_mentions, corrected FROM v_saker WHERE title LIKE 'Viken Park%'") == [
        ("Viken Park (Råde)", "stanset", 2, True)]
    at = app("saker", {"sak": query(archive, "SELECT sak_id FROM v_saker WHERE title LIKE 'Viken Park%'")[0][0]})
    caption = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "**Rettet** av lokal: " in caption and "Tittel var «Viken Park-prosjekt møter økende innvendinger»" in caption
    assert "slått sammen med en annen sak" in caption and "Status var «tomt»" not in caption


def test_a_meeting_date_is_corrected_and_a_missed_statement_added(archive):
    mid = query_meeting_id()
    at = app("moter", {"mote": mid})
    import datetime as dt

    at.date_input(key="moter-rett-mote-dato").set_value(dt.date(2025, 10, 24))
    submit(at, "Lagre rettelse av møtet")
    assert query(archive, "SELECT meeting_date::VARCHAR, corrected FROM v_meetings WHERE source_file = ?", [SEED.name]) == [
        ("2025-10-24", True)]
    mid = query_meeting_id()
    at = app("moter", {"mote": mid})
    at.number_input(key="moter-legg-til-fra").set_value(5)
    at.number_input(key="moter-legg-til-til").set_value(5)
    at.selectbox(key="moter-legg-til-enhet").set_value("Asker")
    at.text_area(key="moter-legg-til-tekst").set_value("Asker får et nytt lager med 30 arbeidsplasser.")
    submit(at, "Legg til utsagn")
    assert query(archive, "SELECT unit_name, jobs, line_start, corrected_fields FROM v_statements WHERE text LIKE 'Asker får%'") == [
        ("Asker", 30, 5, ["added"])]


def test_a_flagged_statement_appears_in_the_queue(archive):
    mid = query_meeting_id()
    at = app("moter", {"mote": mid})
    sid = query(archive, "SELECT statement_id FROM v_statements WHERE text = ?", [BUDGET])[0][0]
    at.selectbox(key="moter.utsagn").set_value(sid).run()
    at.text_input(key="moter-merk-notat").set_value("Riktig enhet?")
    at.button(key="moter-merk-merk").click().run()
    at = app("gjennomgang", {"ko": "merket"})
    [title] = at.selectbox(key="gjennomgang.oppforing").options
    assert title.startswith("1. Riktig enhet?: Bekymring for kutt")
    at.button(key="gj-merket-godkjent").click().run()
    assert "Ingenting å se på under «Merket for gjennomgang»." in [s.value for s in at.success]


def test_a_broken_corrections_file_leaves_a_read_only_dashboard_with_a_notice(archive):
    (archive / "corrections.jsonl").write_text('{"id": "c-1", "at": "2026-01-01T10:00:00+01:00"}\nnot json\n',
                                               encoding="utf-8")
    at = app("moter", {"mote": query_meeting_id()})
    notice = " ".join(w.value for w in at.sidebar.warning).replace("\\", "")
    assert "Rettelser er slått av" in notice
    assert "corrections.jsonl, linje 1: mangler by, target, action, key" in notice
    assert "corrections.jsonl, linje 2: ikke gyldig JSON" in notice
    assert not [b for b in at.button if b.label.startswith("Lagre rettelse")]
    assert statements_table(at)  # the data is still shown
    at = app("gjennomgang")
    assert "Dashbordet er skrivebeskyttet" in " ".join(i.value for i in at.info)
    assert not [b for b in at.button if b.label == "Godkjent"]


def test_no_forms_on_a_read_only_dashboard(archive, monkeypatch):
    monkeypatch.setenv("NAERINGSPULS_UPLOAD", "0")
    at = app("moter", {"mote": query_meeting_id()})
    sid = query(archive, "SELECT statement_id FROM v_statements WHERE text = ?", [BUDGET])[0][0]
    at.selectbox(key="moter.utsagn").set_value(sid).run()
    assert not [b for b in at.button if b.label.startswith("Lagre rettelse")]
    assert not at.sidebar.warning  # read-only by choice: nothing is wrong


def test_the_corrections_list_shows_stale_ones_first(archive):
    from etl.corrections.keys import statement_key
    from etl.corrections.store import append_correction, new_correction

    path = archive / "corrections.jsonl"
    append_correction(path, new_correction("statement", "set_jobs", statement_key(SEED.name, "2025-10-23", BUDGET), value=3,
                                           by="kari"))
    append_correction(path, new_correction("statement", "set_jobs", statement_key(SEED.name, "2025-10-23", "Finnes ikke."),
                                           value=9, by="ola"))
    build(archive / "raw", archive / "db.duckdb", corrections=path)
    at = app("gjennomgang")
    assert "1 rettelse er **foreldet**" in at.warning[0].value
    rows = next(d.value for d in at.dataframe if "Rettelse-ID" in d.value.columns).to_dict("records")
    assert [(r["Av"], r["Hva"], r["Ny verdi"], r["Status"]) for r in rows] == [
        ("ola", "Arbeidsplasser", "9", "Foreldet – kildeteksten er endret eller borte"),
        ("kari", "Arbeidsplasser", "3", "Brukt"),
    ]


def test_a_statement_added_by_a_person_says_how_to_change_it(archive):
    from etl.corrections.keys import lines_key
    from etl.corrections.store import append_correction, new_correction

    lines = [t for (t,) in query(archive, "SELECT text FROM source_lines WHERE source_file = ? AND line_no = 5", [SEED.name])]
    append_correction(archive / "corrections.jsonl", new_correction(
        "statement", "add", lines_key(SEED.name, 5, 5, lines), value={"text": "Asker får et nytt lager.", "unit": "Asker"}))
    build(archive / "raw", archive / "db.duckdb", corrections=archive / "corrections.jsonl")
    at = app("moter", {"mote": query_meeting_id()})
    sid = query(archive, "SELECT statement_id FROM v_statements WHERE text = 'Asker får et nytt lager.'")[0][0]
    at.selectbox(key="moter.utsagn").set_value(sid).run()
    assert not [b for b in at.button if b.label == "Lagre rettelse av utsagnet"]
    assert any("lagt til av en person" in i.value for i in at.info)


def test_a_title_from_minutes_or_a_person_is_text_never_markdown(archive):
    from dashboard.components.text import escape_markdown
    from etl.corrections.keys import statement_key
    from etl.corrections.store import append_correction, new_correction

    hostile = "**Fet** :red[rød] [lenke](http://evil.example) <b>html</b> =1+1"
    viken = "Viken Park-prosjekt møter økende innvendinger."
    append_correction(archive / "corrections.jsonl", new_correction(
        "sak", "rename", statement_key(SEED.name, "2025-10-23", viken), value=hostile, old="x", by="<i>ola</i>"))
    build(archive / "raw", archive / "db.duckdb", corrections=archive / "corrections.jsonl")
    sid = query(archive, "SELECT sak_id FROM v_saker WHERE title = ?", [hostile])[0][0]
    at = app("saker", {"sak": sid})
    assert at.subheader[0].value == escape_markdown(hostile)
    caption = next(c.value for c in at.caption if "Rettet" in c.value)
    assert escape_markdown("<i>ola</i>") in caption and escape_markdown(hostile) not in caption
