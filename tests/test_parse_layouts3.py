"""Parser rules found with the second blind set of issue #9 (tests/fixtures/bodies_blind2/): one snippet
per rule, in wording of its own (not the fixtures'), each failing on the parser before the rule."""

from __future__ import annotations

from parse_helpers import parse_text, rt

from etl.parse.decisions import vote_lead_in
from etl.parse.units import split_unit

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


# --- rules found with the third blind set (tests/fixtures/bodies_blind3/) ---------------------------
def test_a_range_with_a_weekday_on_both_days_and_a_meeting_number_in_the_title():
    m = parse_text("Sørvik regionråd\n\nProtokoll fra møte nr. 5/25, torsdag 4. og fredag 5. desember 2025.\n\n"
                   "Sak 30/25 Budsjett\nVedtak:\nBudsjettet vedtas.\n\nSak 31/25 Eventuelt\nIngen saker.\n")
    assert (m.meeting_date.isoformat(), m.end_date.isoformat()) == ("2025-12-04", "2025-12-05")
    assert m.organ == "Sørvik regionråd"  # "nr. 5/25" names no body: the letterhead does


def test_a_programme_in_clock_times_before_numbered_cases_adds_no_items():
    m = parse_text("Referat fra Sørvik regionråd\nDato: 04.12.2025\n\nKl. 09.00\tKaffe\nKl. 09.30\tSakene\n\n"
                   "Sak 30/25 Budsjett\nVedtak:\nBudsjettet vedtas.\n\nSak 31/25 Eventuelt\nIngen saker.\n")
    assert [a.number for a in m.agenda] == ["30/25", "31/25"]


def test_a_board_case_word_numbers_the_item():
    m = parse_text("Referat fra styret i Sørvik Næringsråd\nDato: 04.12.2025\n\nStyresak 7/25 Budsjett\n"
                   "Vedtak: Budsjettet vedtas.\n\nStyresak 8/25 Eventuelt\nIngen saker.\n")
    assert [(a.number, a.title) for a in m.agenda] == [("7/25", "Budsjett"), ("8/25", "Eventuelt")]


def test_briefings_that_name_the_member_and_the_reporter_open_units():
    m = parse_text("Referat fra Sørvik næringsforum\nDato: 04.12.2025\n\n1. Nytt fra medlemmene\n\n"
                   "Daglig leder v/Kari Moe orienterte om budsjettet.\n\n"
                   "Sørvik Handelsstand v/Eva Lind orienterte om at to nye butikker åpner.\n\n"
                   "Ordfører Per Dal (Nesbygd) informerte om at kaia er ferdig. Den kostet 12 millioner.\n\n"
                   "2. Eventuelt\nIngen saker.\n")
    assert rt(m) == [
        (None, None, "Daglig leder v/Kari Moe orienterte om budsjettet."),  # a role, not a member
        ("Sørvik Handelsstand", "Eva Lind", "Sørvik Handelsstand v/Eva Lind orienterte om at to nye butikker åpner."),
        ("Nesbygd", "Per Dal", "Ordfører Per Dal (Nesbygd) informerte om at kaia er ferdig."),
        ("Nesbygd", "Per Dal", "Den kostet 12 millioner."),
    ]


def test_a_member_table_by_kommune_lists_the_people_in_its_other_columns():
    m = parse_text("Referat fra Sørvik regionråd\nDato: 04.12.2025\n\nFølgende medlemmer møtte:\n\n"
                   "Kommune\tOrdfører\tRådmann\nNesbygd\tPer Dal\tLiv Holm\nStrandvik\tForfall\tOle Berg\n\n"
                   "Sak 30/25 Budsjett\nVedtak:\nBudsjettet vedtas.\n\nSak 31/25 Eventuelt\nIngen saker.\n")
    assert m.attendees == ["Per Dal", "Liv Holm", "Ole Berg"]


BULLETS = """\
Referat fra styremøte i Sørvik Turistlag 04.12.2025

Tilstede: Eva Lind og Per Dal
Meldt fravær: Kari Moe

Saker:

 • Vintersesongen (EL)
  • Bookingene ligger 8 prosent over i fjor.
  • Vedtak: Styret setter av 20 000 kroner til markedsføring.
 • Eventuelt
  • Ingen saker.

Per Dal

Referent
"""


def test_minutes_written_as_one_bullet_list_have_their_topics_as_items():
    m = parse_text(BULLETS)
    assert [(a.title, a.decision) for a in m.agenda] == [
        ("Vintersesongen (EL)", "Styret setter av 20 000 kroner til markedsføring."), ("Eventuelt", None)]
    assert (m.attendees, m.secretary) == (["Eva Lind", "Per Dal"], "Per Dal")
    plain = parse_text("Referat fra Sørvik Turistlag\nDato: 04.12.2025\n\n • Bookingene steg i år.\n"
                       "  • Mest i februar.\n • Styret er fornøyd.\n  • Det gjelder alle.\n")
    assert plain.agenda == []  # outer bullets that are sentences: a plain list, not topics


# --- rules found with the fourth blind set (tests/fixtures/bodies_blind4/) ---------------------------
def test_case_numbers_with_their_year_and_no_case_word_are_items_but_a_date_is_not():
    m = parse_text("Referat frå Sørvik næringsforum\nDato: 04.12.2025\n\n4/25 Budsjett\nBudsjettet vart vedteke.\n\n"
                   "5/25 Eventuelt\nNeste møte:\n24/12 Julemøte i rådhuset\n")
    assert [(a.number, a.title) for a in m.agenda] == [("4/25", "Budsjett"), ("5/25", "Eventuelt")]


def test_a_report_labelled_from_a_unit_names_the_unit():
    assert split_unit("Frå Luster kommune") == ("Luster kommune", None)
    assert split_unit("Fra Asker") == ("Asker", None)
    m = parse_text("Referat frå Sørvik næringsforum\nDato: 04.12.2025\n\n1. Orientering frå kommunane\n\n"
                   "Frå Nesbygd kommune:\nKaia er ferdig.\n\nFrå Strandvik:\nEit nytt hotell opnar.\n\n"
                   "2. Eventuelt\nIngen saker.\n")
    assert rt(m) == [("Nesbygd kommune", None, "Kaia er ferdig."), ("Strandvik", None, "Eit nytt hotell opnar.")]


FLATTENED = (
    "1 REFERAT FRA STYREMØTE I SØRVIK TURISTLAG ONSDAG 3. DESEMBER 2025 Sted: Sørvik hotell Til stede: Eva Lind "
    "og Per Dal Saksliste 11/25 Budsjett 2026 12/25 Eventuelt Side 1 av 2\n"
    "2 Sak 11/25 Budsjett 2026 Daglig leder la fram forslaget, med et underskudd på 40 000 kroner. Vedtak: "
    "Styret vedtar budsjettet for 2026 med de endringene som kom fram i møtet. Sak 12/25 Eventuelt Ingen saker. "
    "Det var ingen andre saker som ble meldt inn før møtet, og møtet ble hevet. Side 2 av 2\n"
)


def test_a_page_flattened_into_one_line_is_cut_into_its_lines():
    m = parse_text(FLATTENED)
    assert (m.organ, m.meeting_date.isoformat(), m.place) == ("Sørvik turistlag", "2025-12-03", "Sørvik hotell")
    assert [(a.number, a.title, a.decision) for a in m.agenda] == [
        ("11/25", "Budsjett 2026", "Styret vedtar budsjettet for 2026 med de endringene som kom fram i møtet."),
        ("12/25", "Eventuelt", None)]
    assert {a.prov.line_start for a in m.agenda} == {2}  # every piece keeps its source line's number
    assert not any("Side 2 av 2" in s.text for s in m.statements)


def test_an_ordinary_long_paragraph_is_not_cut():
    from etl.parse.flattened import is_flattened

    prose = "Rådet drøftet saken grundig, og mange tok ordet. " * 8 + "Saken følges opp i sak 4/25 Budsjett."
    assert len(prose) > 120 and not is_flattened(prose)  # one case number is a mention, not a heading
