"""Parser rules found with the second blind set of issue #9 (tests/fixtures/bodies_blind2/): one snippet
per rule, in wording of its own (not the fixtures'), each failing on the parser before the rule."""

from __future__ import annotations

from etl.model import RawDocument
from etl.parse import parse_document
from etl.parse.decisions import vote_lead_in
from etl.parse.units import split_unit
from etl.readers.text import text_to_lines


def parse_text(text: str):
    lines, n_pages = text_to_lines(text)
    return parse_document(RawDocument("referat.txt", "0" * 64, "txt", lines, n_pages=n_pages))


def rt(meeting):
    return [(s.unit_raw, s.reporter, s.text) for s in meeting.statements if s.section == "round_table"]


# An old case-handling system prints the document type before each case's title.
HOVEDUTSKRIFT = """\
OFFENTLIG HOVEDUTSKRIFT

VALDALEN REGIONRÅD

Møte 02.05.12

Til stede :
Ordfører Liv Ås, Fjellnes

Saksliste

Utvalgssakstype/nr. Arkivsaksnr.
Tittel

PS 0021/12 12/00101 Innstilling vedtatt
SAKSPROTOKOLL: BUDSJETT FOR NÆRINGSFONDET 2012

PS 0022/12 12/00102 Tatt til orientering
SAKSPROTOKOLL: NYTT FRA KOMMUNENE

Sak nr.: 0021/12
SAKSPROTOKOLL: BUDSJETT FOR NÆRINGSFONDET 2012

Vedtak:
Budsjettet vedtas som foreslått.

Sak nr.: 0022/12
SAKSPROTOKOLL: NYTT FRA KOMMUNENE

Behandling:
Fjellnes: Kommunen har kjøpt 30 dekar til nytt næringsområde.
Bekkvik: Snekkerfabrikken flytter til Sverige og 14 mister jobben. Kommunen har bedt om møte med eierne.
"""


def test_a_document_type_before_a_case_title_is_not_the_title():
    m = parse_text(HOVEDUTSKRIFT)
    assert [(a.number, a.title) for a in m.agenda] == [
        ("0021/12", "BUDSJETT FOR NÆRINGSFONDET 2012"), ("0022/12", "NYTT FRA KOMMUNENE")]
    assert m.agenda[0].decision == "Budsjettet vedtas som foreslått."


def test_a_saksliste_printed_as_text_lines_is_no_statement():
    m = parse_text(HOVEDUTSKRIFT)
    assert not [s.text for s in m.statements if s.section == "other"]


def test_name_colon_lines_make_a_round_of_units_the_gazetteer_does_not_know():
    m = parse_text(HOVEDUTSKRIFT)
    assert rt(m) == [
        ("Fjellnes", None, "Kommunen har kjøpt 30 dekar til nytt næringsområde."),
        ("Bekkvik", None, "Snekkerfabrikken flytter til Sverige og 14 mister jobben."),
        ("Bekkvik", None, "Kommunen har bedt om møte med eierne."),
    ]


def test_one_name_colon_line_is_not_a_unit_and_nor_are_people_or_labels():
    m = parse_text("Referat fra Valdalen regionråd\nDato: 02.05.2012\n\n1. Runde rundt bordet\n"
                   "Kari Lie: Hun tar over som leder i mai.\nStatus: Ingenting nytt.\n\n2. Eventuelt\nIngen saker.\n")
    assert rt(m) == [(None, None, "Kari Lie: Hun tar over som leder i mai."), (None, None, "Status: Ingenting nytt.")]


def test_a_body_and_a_date_as_the_whole_title_name_the_organ():
    m = parse_text("Kystutvalet 12. mars 2025\n\nMøtet vart avslutta kl. 14.\n\nSak 3/25 Hamneplan\n\nVedtak:\n"
                   "Planen vert send på høyring.\n")
    assert (m.organ, m.meeting_date.isoformat()) == ("Kystutvalet", "2025-03-12")
    place = parse_text("Fjellnes 12. mars 2025\n\nSak 3/25 Hamneplan\n\nVedtak:\nPlanen vert send på høyring.\n")
    assert place.organ is None  # a place and a date: no body named


def test_a_vote_line_before_the_decision_is_not_part_of_it():
    m = parse_text("Referat fra Valdalen regionråd\nDato: 02.05.2012\n\nSak 4/12 Næringsfond\n\nVedtak:\n\n"
                   "Med 6 mot 2 stemmer vedtok rådet:\n\nRådet setter av 2 millioner kroner til fondet.\n")
    assert m.agenda[0].decision == "Rådet setter av 2 millioner kroner til fondet."
    assert vote_lead_in("Eit samrøystes styre vedtok:") and not vote_lead_in("Rådet vedtar følgende tiltak for 2026:")


def test_a_person_with_the_unit_in_brackets_reports_for_that_unit():
    assert split_unit("Kari Nilsen (Ringsaker)") == ("Ringsaker", "Kari Nilsen")
    assert split_unit("Per Olsen (Fjellnes kommune)") == ("Fjellnes kommune", "Per Olsen")
    assert split_unit("Nils Dale (Sp)") is None and split_unit("Nils Dale (KrF)") is None  # parties
    m = parse_text("Referat fra Valdalen næringsforum\nDato: 02.05.2012\n\n1. Runde rundt bordet\n"
                   "Kari Nilsen (Ringsaker): Et nytt lager åpner i juni.\n"
                   "Per Olsen (Fjellnes kommune): Planen for sentrum er vedtatt.\n\n2. Eventuelt\nIngen saker.\n")
    assert rt(m) == [("Ringsaker", "Kari Nilsen", "Et nytt lager åpner i juni."),
                     ("Fjellnes kommune", "Per Olsen", "Planen for sentrum er vedtatt.")]
