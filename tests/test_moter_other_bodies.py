"""Møter for minutes from other bodies (#9): the organ and document type in the list, a notice shown as a
notice with no decisions, a two-day meeting's dates in words. Against a real warehouse built from the
development set of tests/fixtures/bodies_dev/."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest
from test_app_pages import run_app

from dashboard.formatting import fmt_date_span
from etl.warehouse.build import build

DEV = Path(__file__).parent / "fixtures" / "bodies_dev"
D = dt.date


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (D(2025, 10, 23), None, "23. oktober 2025"),
        (D(2014, 9, 18), D(2014, 9, 19), "18.–19. september 2014"),
        (D(2025, 9, 30), D(2025, 10, 1), "30. september – 1. oktober 2025"),
        (D(2025, 12, 30), D(2026, 1, 2), "30. desember 2025 – 2. januar 2026"),
        (D(2025, 10, 23), D(2025, 10, 23), "23. oktober 2025"),
    ],
)
def test_meeting_dates_in_words(start, end, text):
    assert fmt_date_span(start, end) == text


@pytest.fixture(scope="module")
def bodies_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bodies")
    raw = folder / "raw"
    raw.mkdir()
    for doc in DEV.iterdir():
        if doc.suffix in (".txt", ".docx", ".pdf"):
            shutil.copy(doc, raw / doc.name)
    db = folder / "naering.duckdb"
    report = build(raw, db, corrections=folder / "none.jsonl")
    assert report.ok and report.parsed == 5, report.failures
    return db


def test_list_names_organ_and_type_and_a_notice_says_it_has_no_decisions(bodies_db, monkeypatch):
    with duckdb.connect(str(bodies_db), read_only=True) as con:
        notice, organ = con.execute("SELECT meeting_id, organ FROM v_meetings WHERE kind = 'innkalling'").fetchone()
        two_day = con.execute("SELECT meeting_id, meeting_date, end_date FROM v_meetings WHERE end_date IS NOT NULL").fetchall()
        assert con.execute("SELECT count(*) FROM v_decisions WHERE meeting_id = ?", [notice]).fetchone() == (0,)
    at = run_app(monkeypatch, bodies_db, "moter")
    table = next(d.value for d in at.dataframe if "Møte-id" in d.value.columns)
    assert table.loc[table["Møte-id"] == notice, ["Organ", "Type"]].values.tolist() == [[organ, "Innkalling (bare saksliste)"]]
    assert sorted(set(table["Type"])) == ["Innkalling (bare saksliste)", "Referat"]

    at = run_app(monkeypatch, bodies_db, "moter", {"mote": notice})
    assert not at.exception
    assert [i.value for i in at.main.info] == ["Dokumenttype: Innkalling (bare saksliste). Den har bare en saksliste, og viser ingen vedtak."]
    assert any(organ in m.value.replace("\\", "") for m in at.markdown)

    (meeting_id, start, end), = two_day
    at = run_app(monkeypatch, bodies_db, "moter", {"mote": meeting_id})
    assert any(fmt_date_span(start, end) in m.value.replace("\\", "") for m in at.markdown), [m.value for m in at.markdown][:3]
    assert not at.main.info
