"""The bar on the real seed minutes, checked on the parser output."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from etl.parse import parse_document
from etl.readers import read_document

SEED = Path(__file__).resolve().parent / "fixtures" / "minutes" / "seed-referat-2025-10-23.txt"


@pytest.fixture(scope="module")
def meeting():
    return parse_document(read_document(SEED, SEED.parent))


def test_metadata(meeting):
    assert meeting.organ == "Osloregionens faggruppe for Næringssamarbeid"
    assert meeting.meeting_date == dt.date(2025, 10, 23)
    assert (meeting.time_start, meeting.time_end) == ("09:45", "11:30")
    assert meeting.place == "Teams"
    assert meeting.chair == "Eli Arnkværn Bryhni"
    assert meeting.secretary == "Mari Strømsvåg"
    assert len(meeting.attendees) == 14
    assert meeting.attendees[0] == "Anne Solheim" and meeting.attendees[-1] == "Yngvar Trandem"
    assert meeting.warnings == []


def test_agenda_items_and_decisions(meeting):
    assert [a.number for a in meeting.agenda] == [str(i) for i in range(1, 10)]
    assert meeting.agenda[2].title == "Runde rundt bordet"
    kinds = [a.kind for a in meeting.agenda]
    assert kinds == ["approval", "approval", "round_table", "other", "other", "action_programme",
                     "secretariat", "events", "any_other_business"]
    d = {a.number: a.decision for a in meeting.agenda}
    assert d["1"] == "Innkalling og dagsorden ble godkjent."
    assert d["2"] == "Referatet fra 11. september ble godkjent."
    assert d["3"] == "Orienteringene tas til etterretning."
    assert d["4"] == "Orienteringen tas til etterretning."
    assert d["5"] == "Ikke behandlet – tas opp på neste møte."
    assert meeting.agenda[2].prov.line_start == 59


UNITS = [
    ("Oslo kommune", "Anne Solheim", 4),
    ("Asker kommune", "Asbjørn Flo", 5),
    ("Søndre Østfold", "Gina Finsrud", 4),
    ("Kongsberg kommune", "Ingar Vaskinn", 4),
    ("Ringeriksregionen", "Ingvild Haraldsen", 4),
    ("Gran kommune", "Johnny Gangsø", 3),
    ("Indre Østfold", "Terje Myrseth", 3),
    ("Lunner kommune", "Torstein Brandrud", 2),
    ("Kongsvingerregionen", "Tove Kristin Gulbrandsen", 5),
    ("Hamarregionen", "Eli Bryhni", 4),
]


def test_round_table_units_reporters_and_counts(meeting):
    rt = [s for s in meeting.statements if s.section == "round_table"]
    assert len(rt) == 38
    seen: list[tuple[str, str, int]] = []
    for s in rt:
        if seen and seen[-1][0] == s.unit_raw:
            seen[-1] = (s.unit_raw, s.reporter, seen[-1][2] + 1)
        else:
            seen.append((s.unit_raw, s.reporter, 1))
    assert seen == UNITS
    assert all(s.item_no == "3" for s in rt)


def test_round_table_provenance_and_joining(meeting):
    rt = [s for s in meeting.statements if s.section == "round_table"]
    first = rt[0]
    assert first.text == "Bekymring for kutt i statsbudsjettet: FOR-region og kompetansesporet foreslått fjernet."
    assert (first.prov.line_start, first.prov.line_end, first.prov.page) == (63, 65, 1)
    assert first.prov.source_file == "seed-referat-2025-10-23.txt"
    assert first.prov.source_text == (
        "o Bekymring for kutt i statsbudsjettet: FOR-region og kompetansesporet \n\nforeslått fjernet. "
    )
    oslo4 = rt[3]
    assert (oslo4.prov.line_start, oslo4.prov.line_end) == (70, 72)
    assert oslo4.text.endswith("foreslår å invitere daglig leder til senere møte.")
    gran = next(s for s in rt if "Sparebankstiftelsen" in s.text)
    assert gran.text == "Nytt omsorgssenter og regionsenterprosjekt med støtte fra Sparebankstiftelsen (70 mill. gave)."
    assert (gran.prov.line_start, gran.prov.line_end) == (105, 107)
    last = rt[-1]
    assert last.text == "Utfordringer med krafttilgang og behov for endret syn på vindkraft."
    assert (last.prov.line_start, last.prov.line_end) == (132, 132)
    # Enrichment fields stay at their defaults.
    assert first.themes == [] and first.fact_type == "annet" and first.unit_name is None


def test_other_sections(meeting):
    by_section: dict[str, list] = {}
    for s in meeting.statements:
        by_section.setdefault(s.section, []).append(s)
    assert [s.text for s in by_section["agenda"]] == [
        "Sekretariatet følger opp med skriftlige innspill til relevante komiteer og politiske møteplasser.",
        "Økt fokus på interessepolitisk arbeid.",
    ]
    ap = by_section["action_programme"]
    assert all(s.item_no == "6" for s in ap)
    areas = [s.area for s in ap]
    assert areas.count("Næringsvennlig kommune") == 3 and areas.count("Næringsarealer") == 4
    assert {"Helsenæring", "Internasjonal arbeidskraft", "Sirkulærøkonomi", "Internasjonal profilering"} <= set(areas)
    assert ap[-1].area is None and ap[-1].text.startswith("Sekretariatet justerer")
    assert len(by_section["secretariat"]) == 5
    assert len(by_section["events"]) == 7
    assert [s.text[:20] for s in by_section["other"]] == [
        "Møtet i faggruppen b", "Forslag om å øke ter", "Tilbakemelding: Møte",
    ]
    assert not any("Vedtak" in s.text or "godkjent" in s.text for s in meeting.statements)


def test_events(meeting):
    ev = [(e.event_date, e.title, e.organiser) for e in meeting.events]
    D = dt.date
    assert ev == [
        (D(2025, 11, 5), "Biogasseminar", "Osloregionen"),
        (D(2025, 11, 6), "Workshop om energistasjoner", "Osloregionen"),
        (D(2025, 11, 11), "Konferanse «Taper i kampen om de beste hodene»", "Osloregionen"),
        (D(2025, 11, 18), "Workshop om klima og miljø i anskaffelser", "Osloregionen"),
        (D(2025, 11, 10), "Seminar om forsvarsindustri", "Mosseregionens Næringsutvikling"),
        (D(2025, 11, 11), "Seminar om kjernekraft", "Asker kommune"),
        (D(2025, 11, 21), "Hadelandskonferansen", None),
    ]
    urls = {e.title: e.url for e in meeting.events}
    assert urls["Biogasseminar"].endswith("/biogass-seminar-pa-vinstra-5-november-2025/")
    assert "energistasjoner" in urls["Workshop om energistasjoner"]
    assert "taper-vi-kampen" in urls["Konferanse «Taper i kampen om de beste hodene»"]
    assert "anskaffelser" in urls["Workshop om klima og miljø i anskaffelser"]
    assert urls["Seminar om forsvarsindustri"].startswith("https://www.mnu-as.no/")
    assert urls["Seminar om kjernekraft"] is None
    assert urls["Hadelandskonferansen"] == "https://hadelandskonferansen.no/"


def test_links(meeting):
    assert len(meeting.links) == 7
    assert meeting.links[0].url == "https://www.osloregionen.no/kalender/faggruppemoter-23-oktober/"
    assert meeting.links[0].prov.line_start == 16
    assert [ln.prov.line_start for ln in meeting.links[1:]] == list(range(259, 265))
