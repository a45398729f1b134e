"""enrich(): every statement field, unknown units, reporters, events, and the seed bar."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from etl.enrich import enrich
from etl.model import Meeting, Provenance, Statement
from tests.conftest import SEED

REF = dt.date(2025, 10, 23)


def _st(text: str, section: str = "round_table", unit: str | None = None, reporter: str | None = None, line: int = 1):
    return Statement(section, text, Provenance("m.txt", 1, line, line, text), "3", unit, reporter)


def _meeting(*statements: Statement, attendees=("Tove Kristin Gulbrandsen", "Anne Solheim")) -> Meeting:
    return Meeting("m.txt", "0" * 64, meeting_date=REF, attendees=list(attendees), statements=list(statements))


# (unit_raw, text) → expected enrichment fields
FIELDS = [
    (
        ("Kongsvinger\u00adregionen", "Nedleggelse av Blowtech-fabrikken (70 ansatte)."),
        {"unit_name": "Kongsvingerregionen", "unit_kind": "region", "kommunenummer": None, "region": "Kongsvingerregionen",
         "county": "Innlandet", "fact_type": "nedleggelse", "organisations": ["Blowtech"], "jobs": 70, "themes": ["industri"]},
    ),
    (
        ("Gran kommune", "Nytt omsorgssenter og regionsenterprosjekt med støtte fra Sparebankstiftelsen (70 mill. gave)."),
        {"unit_name": "Gran", "unit_kind": "kommune", "kommunenummer": "3446", "region": "Hadeland", "county": "Innlandet",
         "fact_type": "finansiering", "organisations": ["Sparebankstiftelsen"], "amount_nok": 70_000_000,
         "themes": ["stedsutvikling"]},
    ),
    (
        ("Indre Østfold", "Nye næringsparker og hotellprosjekt i Askim."),
        {"unit_name": "Indre Østfold", "unit_kind": "kommune", "kommunenummer": "3118", "region": "Indre Østfold",
         "county": "Østfold", "fact_type": "etablering", "places": ["Askim"], "jobs": None, "amount_nok": None},
    ),
    (
        ("Asker kommune", "Seminar om kjernekraft 11. November, velkommen til å delta."),
        {"unit_name": "Asker", "fact_type": "arrangement", "themes": ["energi"], "event_date": dt.date(2025, 11, 11)},
    ),
    (
        ("Gran kommune", "Samarbeid med Hadeland og Raufoss-miljøet."),
        {"places": ["Hadeland", "Raufoss"], "organisations": ["Raufoss Industripark"], "event_date": None},
    ),
    (
        ("Akershus fylkeskommune", "Ny strategi for næringsarealer."),
        {"unit_name": "Akershus", "unit_kind": "fylke", "county": "Akershus", "fact_type": "plan"},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("given", "expected"), FIELDS, ids=[g[1][:30] for g, _ in FIELDS])
def test_statement_fields(given, expected):
    unit, text = given
    m = enrich(_meeting(_st(text, unit=unit)))
    s = m.statements[0]
    assert {k: getattr(s, k) for k in expected} == expected
    assert s.unit_known is True
    assert m.warnings == []


def test_unknown_unit_is_kept_flagged_and_warned_once():
    m = _meeting(
        _st("Ny fabrikk åpner.", unit="Nordvik kommune (Kari Nordmann):", line=10),
        _st("Mer om samme.", unit="Nordvik kommune", line=11),
    )
    enrich(m)
    enrich(m)  # idempotent: enriching twice does not duplicate the warning
    for s in m.statements:
        assert (s.unit_name, s.unit_kind, s.unit_known, s.kommunenummer, s.region) == (
            "Nordvik kommune", "ukjent", False, None, None)  # fmt: skip
    assert [(w.code, w.line_no) for w in m.warnings] == [("unknown_unit", 10)]
    assert "Nordvik kommune" in m.warnings[0].message


def test_unknown_unit_outside_the_round_table_is_flagged_without_warning():
    m = enrich(_meeting(_st("Noe.", section="agenda", unit="Nordvik kommune")))
    assert (m.statements[0].unit_kind, m.statements[0].unit_known) == ("ukjent", False)
    assert m.warnings == []


def test_statement_without_unit_has_no_unit_fields():
    s = enrich(_meeting(_st("Politisk prioriteringsnotat ferdigstilles for styremøte.", section="secretariat"))).statements[0]
    assert (s.unit_name, s.unit_kind, s.kommunenummer, s.region, s.county) == (None, None, None, None, None)


@pytest.mark.parametrize(
    ("reporter", "expected"),
    [("Eli Bryhni", "Eli Arnkværn Bryhni"), ("Tove Gulbrandsen", "Tove Kristin Gulbrandsen"),
     ("Anne Solheim", "Anne Solheim"), (None, None)],  # fmt: skip
)
def test_reporter_canonical(reporter, expected):
    s = enrich(_meeting(_st("Tekst.", unit="Oslo kommune", reporter=reporter))).statements[0]
    assert s.reporter_canonical == expected


def test_events_section_is_always_arrangement():
    s = enrich(_meeting(_st("Hadelandskonferansen (21. november).", section="events"))).statements[0]
    assert (s.fact_type, s.event_date) == ("arrangement", dt.date(2025, 11, 21))
    s = enrich(_meeting(_st("Biogass på Vinstra (5. november).", section="events"))).statements[0]
    assert (s.fact_type, s.places, s.themes) == ("arrangement", ["Vinstra"], ["energi"])


def test_attendees_are_not_organisations():
    s = enrich(_meeting(_st("Anne Solheim åpner seminaret.", section="agenda"))).statements[0]
    assert s.organisations == []


def test_enrichment_reads_no_files_once_warm(monkeypatch):
    """Reference data is loaded once per process: enriching must not touch the disk."""
    import builtins
    import pathlib

    enrich(_meeting(_st("Varm opp 5 mill. kroner 11. november.", unit="Oslo kommune")))

    def no_io(*args, **kwargs):
        raise AssertionError("file IO during enrichment")

    monkeypatch.setattr(builtins, "open", no_io)
    monkeypatch.setattr(pathlib.Path, "read_text", no_io)
    monkeypatch.setattr(pathlib.Path, "read_bytes", no_io)
    m = enrich(_meeting(_st("Ny fabrikk i Askim med 70 ansatte og 5 mill. kroner 11. november.", unit="Asker kommune")))
    assert m.statements[0].unit_name == "Asker"


def test_enrichment_is_cheap():
    texts = [
        "Bekymring for kutt i statsbudsjettet: FOR-region og kompetansesporet foreslått fjernet.",
        "Nytt omsorgssenter og regionsenterprosjekt med støtte fra Sparebankstiftelsen (70 mill. gave).",
        "Fokus på teknologi, forsvar og samarbeid med NTNU og Høgskolen i Innlandet.",
    ]
    m = _meeting(*[_st(t, unit="Oslo kommune") for t in texts * 300])
    best = float("inf")
    for _ in range(5):  # best of five: robust to a busy machine
        t = time.perf_counter()
        enrich(m)
        best = min(best, (time.perf_counter() - t) / len(m.statements))
    assert best < 1e-3  # very generous; typically ~40 µs per statement


def test_seed_round_table_bar():
    """The whole chain on the real seed minutes: parser, then enrich."""
    from etl.pipeline import process

    m = process(SEED)
    rt = [s for s in m.statements if s.section == "round_table"]
    assert len(rt) == 38
    units = {s.unit_name for s in rt}
    assert units == {"Oslo", "Asker", "Søndre Østfold", "Kongsberg", "Ringeriksregionen", "Gran", "Indre Østfold",
                     "Lunner", "Kongsvingerregionen", "Hamarregionen"}  # fmt: skip
    assert all(s.unit_known for s in rt)
    assert not [w for w in m.warnings if w.code == "unknown_unit"]

    def with_theme(theme):
        return {s.unit_name for s in rt if theme in s.themes}

    assert with_theme("forsvar") == {"Asker", "Hamarregionen"}
    assert with_theme("datasenter") == {"Indre Østfold", "Hamarregionen"}
    assert with_theme("helsenaering") == {"Oslo", "Asker", "Kongsberg"}
    indre = next(s for s in rt if s.unit_name == "Indre Østfold")
    assert (indre.unit_kind, indre.kommunenummer, indre.region) == ("kommune", "3118", "Indre Østfold")
    hamar = [s for s in rt if s.unit_name == "Hamarregionen"]
    assert {s.reporter_canonical for s in hamar} == {"Eli Arnkværn Bryhni"}
    events = [s for s in m.statements if s.section == "events"]
    assert events and all(s.fact_type == "arrangement" for s in events)
