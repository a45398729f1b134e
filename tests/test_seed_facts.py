"""The bar on the real seed minutes, checked in the built warehouse (not just the parser)."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest


@pytest.fixture(scope="module")
def con(seed_db):
    with duckdb.connect(str(seed_db), read_only=True) as c:
        yield c


def test_ten_units_and_38_round_table_statements(con):
    rows = con.execute(
        "SELECT unit_name, reporter, count(*) FROM v_statements WHERE section = 'round_table' "
        "GROUP BY ALL ORDER BY min(line_start)"
    ).fetchall()
    assert len(rows) == 10
    assert sum(n for *_, n in rows) == 38
    assert [n for *_, n in rows] == [4, 5, 4, 4, 4, 3, 3, 2, 5, 4]
    reporters = [r for _, r, _ in rows]
    assert reporters[0] == "Anne Solheim" and reporters[-1] == "Eli Arnkværn Bryhni"


def test_meeting_row(con):
    row = con.execute("SELECT meeting_date, place, chair, n_attendees FROM v_meetings").fetchone()
    assert row == (dt.date(2025, 10, 23), "Teams", "Eli Arnkværn Bryhni", 14)


def test_nine_agenda_items_and_decisions(con):
    assert con.execute("SELECT count(*) FROM agenda_items").fetchone()[0] == 9
    decisions = dict(con.execute("SELECT item_no, decision FROM v_decisions").fetchall())
    assert decisions["3"] == "Orienteringene tas til etterretning."
    assert decisions["4"] == "Orienteringen tas til etterretning."
    assert "godkjent" in decisions["1"] and "godkjent" in decisions["2"]


def test_seven_events_with_dates(con):
    rows = con.execute("SELECT event_date, title, organiser FROM v_events ORDER BY event_date, title").fetchall()
    assert len(rows) == 7
    assert sorted(d.day for d, *_ in rows) == [5, 6, 10, 11, 11, 18, 21]
    assert all(d.month == 11 and d.year == 2025 for d, *_ in rows)
    organisers = {t: o for _, t, o in rows}
    assert any("forsvarsindustri" in t and o and "Mosseregionen" in o for t, o in organisers.items())


def test_blowtech_closure_with_70_jobs(con):
    row = con.execute(
        "SELECT unit_name, fact_type, jobs, list_contains(organisations, 'Blowtech') FROM v_statements "
        "WHERE text ILIKE '%Blowtech%'"
    ).fetchone()
    assert row == ("Kongsvingerregionen", "nedleggelse", 70, True)


def test_sparebankstiftelsen_gift(con):
    row = con.execute(
        "SELECT unit_name, amount_nok, fact_type FROM v_statements WHERE list_contains(organisations, 'Sparebankstiftelsen')"
    ).fetchone()
    assert row == ("Gran", 70_000_000, "finansiering")


@pytest.mark.parametrize(
    ("theme", "units"),
    [
        ("forsvar", {"Asker", "Hamarregionen"}),
        ("datasenter", {"Indre Østfold", "Hamarregionen"}),
        ("helsenaering", {"Oslo", "Asker", "Kongsberg"}),
    ],
)
def test_theme_units(con, theme, units):
    got = {
        r[0]
        for r in con.execute(
            "SELECT DISTINCT unit_name FROM v_statements WHERE section = 'round_table' AND list_contains(themes, ?)",
            [theme],
        ).fetchall()
    }
    assert got == units


def test_every_statement_is_traceable(con):
    bad = con.execute(
        "SELECT count(*) FROM v_statements s WHERE source_file IS NULL OR page IS NULL OR line_start IS NULL "
        "OR line_end < line_start OR NOT EXISTS (SELECT 1 FROM source_lines l WHERE l.source_file = s.source_file "
        "AND l.line_no = s.line_start)"
    ).fetchone()[0]
    assert bad == 0


def test_source_text_is_verbatim_from_the_lines(con):
    rows = con.execute(
        "SELECT s.source_text, string_agg(l.text, chr(10) ORDER BY l.line_no) FROM v_statements s "
        "JOIN source_lines l ON l.source_file = s.source_file AND l.line_no BETWEEN s.line_start AND s.line_end "
        "WHERE s.section = 'round_table' GROUP BY s.statement_id, s.source_text"
    ).fetchall()
    assert rows
    for quoted, lines in rows:
        # source_text keeps the document's own lines (blank lines inside may be dropped)
        assert [q.strip() for q in quoted.splitlines() if q.strip()] == [
            x.strip() for x in lines.splitlines() if x.strip()
        ]
