"""Agenda items and decisions from any body (#9): numbering, saklister, decisions by structure.

Snippets in our own words with invented bodies, places and people.
"""

from __future__ import annotations

import pytest
from parse_helpers import parse_text

from etl.model import RawDocument, SourceLine
from etl.parse import parse_document
from etl.parse.heading_text import split_run_title
from etl.parse.items import number_value

HEAD = "Referat fra Vikdal regionråd\nDato: 12.03.2026\n\n"



def parse_rows(rows: list[tuple[str, str | None] | list[str]]):
    """(text, Word style) for a paragraph, [cell, cell, …] for a table row."""
    lines = []
    for i, row in enumerate(rows, 1):
        if isinstance(row, list):
            lines.append(SourceLine(i, 1, " | ".join(row), cells=tuple(row)))
        else:
            lines.append(SourceLine(i, 1, row[0], style=row[1]))
    return parse_document(RawDocument("dokument.docx", "0" * 64, "docx", lines))


def agenda(m):
    return [(a.number, a.title, a.decision) for a in m.agenda]


@pytest.mark.parametrize(
    ("heading", "number", "title"),
    [
        ("Sak nr.: 14/26 Budsjett for 2027", "14/26", "Budsjett for 2027"),
        ("SR-sak 32/14 Felles reiselivsplan", "SR-sak 32/14", "Felles reiselivsplan"),
        ("Sak 015/12 Ny næringshage", "015/12", "Ny næringshage"),
        ("PS 3/26 Årsmelding 2025", "PS 3/26", "Årsmelding 2025"),
        ("OS 1/26 Orientering om bredbånd", "OS 1/26", "Orientering om bredbånd"),
        ("RS 2/26 Referatsaker", "RS 2/26", "Referatsaker"),
        ("1: Godkjenning av innkalling", "1", "Godkjenning av innkalling"),
    ],
)
def test_agenda_numbering(heading, number, title):
    m = parse_text(HEAD + f"{heading}\n\nTeksten i saken står her.\n")
    assert [(a.number, a.title) for a in m.agenda] == [(number, title)]


def test_number_value_skips_case_types_and_time_slots():
    assert [number_value(n) for n in ("PS 4/26", "SR-sak 32/14", "015/12", "12:10")] == [4, 32, 15, None]


def test_a_time_slot_programme():
    m = parse_text(
        HEAD + "Kl. 10:00 Velkommen og godkjenning av referat\nReferatet ble godkjent.\n\n"
        "Kl. 10:15 Runde rundt bordet\nLia v/Per Moen: Sagbruket utvider.\nHaugen v/Eva Dahl: Ny skole åpnet.\n\n"
        "Kl. 11:30 Eventuelt\nIngen saker.\n"
    )
    assert agenda(m) == [
        ("10:00", "Velkommen og godkjenning av referat", "Referatet ble godkjent."),
        ("10:15", "Runde rundt bordet", None),
        ("11:30", "Eventuelt", None),
    ]


def test_a_sakliste_of_case_lines_does_not_duplicate_the_items():
    m = parse_text(
        HEAD + "Saksliste\n\nSaksnr      Innhold\nPS 1/26     Godkjenning av innkalling\nPS 2/26     Budsjett 2027\n\n"
        "PS 1/26 Godkjenning av innkalling\n\nRådets vedtak:\nInnkallingen godkjennes.\n\n"
        "PS 2/26 Budsjett 2027\n\nRådets vedtak:\nBudsjettet vedtas.\n"
    )
    assert agenda(m) == [
        ("PS 1/26", "Godkjenning av innkalling", "Innkallingen godkjennes."),
        ("PS 2/26", "Budsjett 2027", "Budsjettet vedtas."),
    ]
    assert not [s for s in m.statements if "Saksnr" in s.text or s.text.startswith("PS ")]


def test_a_toc_with_dotted_leaders_and_page_numbers_adds_nothing():
    m = parse_rows(
        [
            ("Referat fra Vikdal regionråd", "Title"),
            ("Dato: 12.03.2026", "Normal"),
            ("Sakliste", "Heading 1"),
            ("Sak 5/26 Godkjenning av innkalling ........................ 1", "Normal"),
            ("Sak 6/26 Eventuelt ........................................ 2", "Normal"),
            ("Sak 5/26 Godkjenning av innkalling", "Heading 1"),
            ("Innkallinga vart samrøystes godkjend.", "Normal"),
            ("Sak 6/26 Eventuelt", "Heading 1"),
            ("Ingen saker.", "Normal"),
        ]
    )
    assert agenda(m) == [
        ("5/26", "Godkjenning av innkalling", "Innkallinga vart samrøystes godkjend."),
        ("6/26", "Eventuelt", None),
    ]


def test_a_notice_with_only_a_sakliste_table():
    m = parse_rows(
        [
            ("Vikdal regionråd", None),
            ("MØTEINNKALLING", "Title"),
            ("Det blir holdt møte i Vikdal regionråd onsdag 8. april 2026 kl. 09.00.", None),
            ("Saksliste", "Heading 1"),
            ["Saksnr", "Tittel"],
            ["11/26", "Godkjenning av innkalling og saksliste"],
            ["12/26", "Samferdselsplan for dalen"],
            ("Med vennlig hilsen", None),
        ]
    )
    assert (m.organ, m.kind, str(m.meeting_date)) == ("Vikdal regionråd", "innkalling", "2026-04-08")
    assert agenda(m) == [("11/26", "Godkjenning av innkalling og saksliste", None), ("12/26", "Samferdselsplan for dalen", None)]


def test_decision_on_the_heading_line():
    m = parse_text(
        HEAD + "Sak 1 Godkjenning av innkalling – godkjent\n\nSak 2 Budsjett. Vedtak: Budsjettet for 2027 vedtas.\n\n"
        "Sak 3 Eventuelt\nIngen saker.\n"
    )
    assert agenda(m) == [
        ("1", "Godkjenning av innkalling", "godkjent"),
        ("2", "Budsjett", "Budsjettet for 2027 vedtas."),
        ("3", "Eventuelt", None),
    ]


@pytest.mark.parametrize(
    ("body", "decision"),
    [
        ("Forslag til vedtak:\nPlanen godkjennes.\n\nVotering:\nEnstemmig vedtatt.\n", None),
        ("Innstilling:\nPlanen godkjennes.\n\nStyrets vedtak:\nPlanen godkjennes med endringer.\n",
         "Planen godkjennes med endringer."),
        ("Forslag til vedtak:\nPlanen godkjennes.\n\nBehandling:\nPer Moen foreslo en endring.\n\nVotering:\n"
         "Forslaget ble enstemmig vedtatt.\n\nUtvalgets vedtak:\nPlanen godkjennes slik Moen foreslo.\n",
         "Planen godkjennes slik Moen foreslo."),
        ("Konklusjon: Sekretariatet lager et nytt utkast.\n", "Sekretariatet lager et nytt utkast."),
        ("Planen vart samrøystes vedteken.\n", "Planen vart samrøystes vedteken."),
        ("Orienteringa vart teke til vitande.\n", "Orienteringa vart teke til vitande."),
        ("Saken tas til orientering.\n", "Saken tas til orientering."),
        ("Leder ønsket velkommen. Planen ble enstemmig vedtatt.\n", "Planen ble enstemmig vedtatt."),
        ("Rådet drøftet planen. Vedtak: Planen sendes på høring.\n", "Planen sendes på høring."),
        ("Vedtak:\nRådet vedtar:\n- Planen sendes på høring.\n- Fristen er 1. mai.\n",
         "Rådet vedtar: Planen sendes på høring. Fristen er 1. mai."),
        ("Styret sitt vedtak: Planen vert godkjend.\n", "Planen vert godkjend."),
    ],
)  # fmt: skip
def test_decisions_by_structure(body, decision):
    m = parse_text(HEAD + "Sak 4 Regional plan\n\n" + body)
    assert m.agenda[0].decision == decision


def test_a_notice_shows_no_decisions_and_minutes_with_one_stay_minutes():
    notice = parse_text("Innkalling til møte i Vikdal regionråd\nDato: 8. april 2026\n\nSaksliste\n1. Budsjett\n2. Eventuelt\n")
    assert notice.kind == "innkalling" and all(a.decision is None for a in notice.agenda)
    minutes = parse_text("Referat fra Vikdal regionråd\nDato: 8. april 2026\n\n1. Budsjett\nBudsjettet ble vedtatt.\n")
    assert minutes.kind == "referat"


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Godkjenning av referat Referatet ble godkjent.", ("Godkjenning av referat", "Referatet ble godkjent.")),
        ("Nytt fra kommunene a) Lia v/Per Moen: Sagbruket utvider.", ("Nytt fra kommunene", "a) Lia v/Per Moen: Sagbruket utvider.")),
        ("Tilskudd til Vikdal næringshage Styret ga 50 000 kroner.", ("Tilskudd til Vikdal næringshage", "Styret ga 50 000 kroner.")),
        ("Eventuelt Ingen saker.", ("Eventuelt", "Ingen saker.")),
    ],
)  # fmt: skip
def test_a_heading_whose_body_ran_onto_its_line(text, cut):
    assert split_run_title(text) == cut


def test_unbulleted_lines_each_starting_with_a_date_are_separate_events():
    m = parse_text(
        HEAD + "1. Kommende arrangementer\n14. april Frokostmøte om grønn industri\n6. mai Næringskonferansen i Vikdal\n"
        "12. juni Fjorddagen på kaia\n\n2. Eventuelt\nIngen saker.\n"
    )
    assert [(e.title, str(e.event_date)) for e in m.events] == [
        ("Frokostmøte om grønn industri", "2026-04-14"),
        ("Næringskonferansen i Vikdal", "2026-05-06"),
        ("Fjorddagen på kaia", "2026-06-12"),
    ]


@pytest.mark.parametrize(
    ("body", "decision"),
    [
        ("Styret gjorde følgende vedtak:\nTilskuddet økes til 80 000 kroner.\n", "Tilskuddet økes til 80 000 kroner."),
        ("Styret vedtok å kjøpe tomten på Nesset.\n", "Styret vedtok å kjøpe tomten på Nesset."),
        ("Samrøystes vedteke.\n", "Samrøystes vedteke."),
    ],
)  # fmt: skip
def test_more_ways_to_write_a_decision(body, decision):
    m = parse_text(HEAD + "Sak 4 Regional plan\n\n" + body)
    assert m.agenda[0].decision == decision


def test_a_reported_decision_of_another_body_is_no_decision():
    m = parse_text(HEAD + "Sak 4 Orientering om skolen\n\nRådmannen orienterte. Kommunestyret vedtok ny skole i mai.\n")
    assert m.agenda[0].decision is None


def test_a_two_day_programme_repeats_a_time_slot_and_has_day_lines():
    m = parse_text(
        "Program for Vidda regionråd, samling 18.–19. september 2014\n\nTorsdag 18. september\n"
        "09.00–09.15 Velkomst\nLeder ønsket velkommen.\n09.15–10.30 Reiseliv i regionen\nReiselivssjefen orienterte.\n"
        "Konklusjon: Saken følges opp i neste møte.\nFredag 19. september\n09.00–10.00 Eventuelt\nIngen saker.\n"
    )
    assert (m.organ, str(m.meeting_date), str(m.end_date)) == ("Vidda regionråd", "2014-09-18", "2014-09-19")
    assert agenda(m) == [
        ("09.00", "Velkomst", None),
        ("09.15", "Reiseliv i regionen", "Saken følges opp i neste møte."),
        ("09.00", "Eventuelt", None),
    ]


def test_numbered_items_after_a_numbered_sakliste_are_the_items():
    m = parse_text(
        HEAD + "Saksliste\n1. Godkjenning av innkalling\n2. Budsjett 2027\n\n"
        "1. Godkjenning av innkalling\nInnkallingen ble godkjent.\n\n2. Budsjett 2027\nBudsjettet ble vedtatt.\n"
    )
    assert agenda(m) == [
        ("1", "Godkjenning av innkalling", "Innkallingen ble godkjent."),
        ("2", "Budsjett 2027", "Budsjettet ble vedtatt."),
    ]


def test_an_unnumbered_bold_line_among_numbered_item_headings_is_a_sub_heading():
    m = parse_rows(
        [
            ("Referat fra Vikdal regionråd", "Title"),
            ("Dato: 12.03.2026", None),
            ("I. Godkjenning av innkalling", "Bold line"),
            ("Innkallingen ble godkjent.", None),
            ("II. Orientering fra kommunene", "Bold line"),
            ("Lia kommune", "Bold line"),
            ("Sagbruket på Nesset utvider med ti ansatte.", None),
            ("III. Eventuelt", "Bold line"),
            ("Ingen saker.", None),
        ]
    )
    assert [(a.number, a.title) for a in m.agenda] == [
        ("I", "Godkjenning av innkalling"), ("II", "Orientering fra kommunene"), ("III", "Eventuelt"),
    ]  # fmt: skip


def test_a_sakliste_table_copied_as_text_with_bars():
    m = parse_text(
        "Møteprotokoll\nDalen regionråd\nMøtedato: 13.03.2026\n\nSaksliste\nSaksnr | Tittel | Side\n"
        "PS 10/26 | Godkjenning av innkalling og sakliste | 2\nPS 11/26 | Høyring om regional plan | 3\n\n"
        "PS 10/26 Godkjenning av innkalling og sakliste\nForslag til vedtak:\nInnkalling og sakliste vert godkjend.\n"
        "Regionrådet sitt vedtak:\nInnkalling og sakliste vart samrøystes godkjend.\n\n"
        "PS 11/26 Høyring om regional plan\nFramlegg til vedtak:\nRegionrådet sluttar seg til fråsegna.\n"
        "Handsaming i regionrådet:\nDet vart gjort framlegg om eit tillegg.\nRøysting:\nSamrøystes.\n"
        "Regionrådet sitt vedtak:\nRegionrådet sluttar seg til fråsegna med tillegget.\n"
    )
    assert m.organ == "Dalen regionråd"
    assert agenda(m) == [
        ("PS 10/26", "Godkjenning av innkalling og sakliste", "Innkalling og sakliste vart samrøystes godkjend."),
        ("PS 11/26", "Høyring om regional plan", "Regionrådet sluttar seg til fråsegna med tillegget."),
    ]
    assert not [s.text for s in m.statements if s.section == "other"]


@pytest.mark.parametrize(
    ("body", "decision"),
    [
        ("Daglig leders innstilling: Planen godkjennes.\n", None),
        ("Daglig leders innstilling: Planen godkjennes.\n\nHallingdal regionråds vedtak: Planen godkjennes.\n",
         "Planen godkjennes."),
        ("Vedtak (enstemmig): Planen sendes på høring.\n", "Planen sendes på høring."),
        ("Konklusjon/vedtak: Planen sendes på høring.\n", "Planen sendes på høring."),
    ],
)  # fmt: skip
def test_owners_and_qualifiers_of_labels(body, decision):
    m = parse_text(HEAD + "Sak 4 Regional plan\n\n" + body)
    assert m.agenda[0].decision == decision


def test_an_item_with_two_unit_headers_is_a_round_whatever_its_title():
    m = parse_text(
        HEAD + "Sak 2 Lokalt nytt\n\nLia kommune v/Per Moen:\nSagbruket utvider med ti ansatte.\n\n"
        "Haugen kommune v/Eva Dahl:\nDen nye skolen er åpnet.\n\nSak 3 Eventuelt\nIngen saker.\n"
    )
    assert [a.kind for a in m.agenda] == ["round_table", "any_other_business"]
    assert [(s.unit_raw, s.reporter) for s in m.statements if s.section == "round_table"] == [
        ("Lia kommune", "Per Moen"), ("Haugen kommune", "Eva Dahl"),
    ]  # fmt: skip


def test_bold_labels_in_word_are_labels_not_headings():
    m = parse_rows(
        [
            ("Møteprotokoll", "Title"),
            ("Utvalg: Regionrådet for Vidda", None),
            ("Dato: 13.03.2026", None),
            ("Sak 1 Budsjett 2027", "Bold line"),
            ("Innstilling:", "Bold line"),
            ("Budsjettet vedtas som foreslått.", None),
            ("Votering:", "Bold line"),
            ("Innstillingen ble enstemmig vedtatt.", None),
            ("Regionrådets vedtak:", "Bold line"),
            ("Budsjettet vedtas med en endring i post 3.", None),
            ("Sak 2 Lokalt nytt", "Bold line"),
            ("Lia kommune v/Kari Li", "Bold line"),
            ("Sagbruket utvider.", None),
            ("Haugen kommune v/Per Moen", "Bold line"),
            ("Ny skole er åpnet.", None),
            ("Vedtak:", "Bold line"),
            ("Orienteringene tas til orientering.", None),
        ]
    )
    assert m.organ == "Regionrådet for Vidda"
    assert agenda(m) == [
        ("1", "Budsjett 2027", "Budsjettet vedtas med en endring i post 3."),
        ("2", "Lokalt nytt", "Orienteringene tas til orientering."),
    ]
    assert [(s.unit_raw, s.text) for s in m.statements if s.section == "round_table"] == [
        ("Lia kommune", "Sagbruket utvider."), ("Haugen kommune", "Ny skole er åpnet."),
    ]  # fmt: skip


def test_nynorsk_plural_forms_of_a_decision():
    m = parse_text(HEAD + "Sak 4 Planar\n\nPlanane vart samrøystes godkjende.\n\nSak 5 Budsjett\n\nBudsjetta vart vedtekne.\n")
    assert [a.decision for a in m.agenda] == ["Planane vart samrøystes godkjende.", "Budsjetta vart vedtekne."]


def test_a_case_number_alone_with_its_title_on_the_next_line():
    m = parse_text(
        HEAD + "Sak nr.: 14/26\nTittel: Budsjett 2027\n\nRådets vedtak:\nBudsjettet vedtas.\n\n"
        "Sak nr.: 15/26\nEventuelt\n\nIngen saker.\n"
    )
    assert agenda(m) == [("14/26", "Budsjett 2027", "Budsjettet vedtas."), ("15/26", "Eventuelt", None)]
    assert not [s for s in m.statements if "Tittel" in s.text or s.text == "Eventuelt"]


def test_unnumbered_word_headings_take_their_number_from_the_sakliste():
    m = parse_rows(
        [
            ("Referat fra Vikdal regionråd", "Title"),
            ("Dato: 12.03.2026", None),
            ("Saksliste", "Heading 1"),
            ["Sak", "Tittel"],
            ["1/26", "Godkjenning av innkalling"],
            ["2/26", "Budsjett 2027"],
            ("Godkjenning av innkalling", "Heading 1"),
            ("Innkallingen ble godkjent.", None),
            ("Budsjett 2027", "Heading 1"),
            ("Budsjettet ble vedtatt.", None),
        ]
    )
    assert agenda(m) == [
        ("1/26", "Godkjenning av innkalling", "Innkallingen ble godkjent."),
        ("2/26", "Budsjett 2027", "Budsjettet ble vedtatt."),
    ]


# Found on the blind set (#9, after its first run): general rules, each with its own snippet.
def test_a_run_on_heading_with_an_outcome_of_several_words():
    m = parse_text(HEAD + "Sak 004/13 Godkjenning av innkalling og saksliste – godkjent uten merknader.\n\n"
                          "Sak 005/13 Eventuelt Ingen saker.\n")  # fmt: skip
    assert agenda(m) == [("004/13", "Godkjenning av innkalling og saksliste", "godkjent uten merknader."),
                         ("005/13", "Eventuelt", None)]  # fmt: skip


def test_a_title_with_its_text_and_decision_run_onto_one_line():
    m = parse_text(HEAD + "Sak 006/13 Ny bussrute til Vikdal Regionrådet drøftet behovet for en morgenavgang fra "
                          "Vikdal. Vedtak: Leder tar saken opp med fylkeskommunen.\n")  # fmt: skip
    assert agenda(m) == [("006/13", "Ny bussrute til Vikdal", "Leder tar saken opp med fylkeskommunen.")]


def test_a_sakliste_of_case_lines_in_columns_starts_with_its_first_case():
    m = parse_text("INNKALLING TIL MØTE I VIKDAL REGIONRÅD\n\nDet innkalles til møte 3. mars 2026.\n\nSAKLISTE\n\n"
                   "Sak 01/26   Godkjenning av innkalling og sakliste\nSak 02/26   Budsjett 2026\n"
                   "Sak 03/26   Eventuelt\n")  # fmt: skip
    assert [a.number for a in m.agenda] == ["01/26", "02/26", "03/26"]


def test_an_unnumbered_word_heading_with_its_decision_on_the_line():
    m = parse_rows([("Referat fra styremøte i Vikdal Næringsforum", "Title"), ("Dato: 12.03.2026", None),
                    ("Godkjenning av innkalling og dagsorden – godkjent", "Heading 1"),
                    ("Nytt styremedlem – Vedtak: Kari Lie velges.", "Heading 1"),
                    ("Eventuelt", "Heading 1")])  # fmt: skip
    assert agenda(m) == [("1", "Godkjenning av innkalling og dagsorden", "godkjent"),
                         ("2", "Nytt styremedlem", "Kari Lie velges."), ("3", "Eventuelt", None)]  # fmt: skip


def test_bare_labels_of_a_case_handling_protocol_without_colons():
    m = parse_rows([("Møteprotokoll", "Title"), ("Utvalg: Vikdal regionråd", None), ("Dato: 12.03.2026", None),
                    ("PS 5/26 Felles reiselivsplan", "Heading 1"),
                    ("Forslag til vedtak", "Bold line"), ("Planen godkjennes.", None),
                    ("Regionrådets behandling", "Bold line"), ("Leder foreslo å legge til et punkt om skilting.", None),
                    ("Votering", "Bold line"), ("Forslaget ble enstemmig vedtatt.", None),
                    ("Regionrådets vedtak", "Bold line"), ("Planen godkjennes med et punkt om skilting.", None),
                    ("PS 6/26 Godkjenning av protokoll", "Heading 1"),
                    ("Forslag til vedtak", "Bold line"), ("Protokollen godkjennes.", None),
                    ("Regionrådets vedtak", "Bold line"), ("Protokollen godkjennes.", None)])  # fmt: skip
    assert agenda(m) == [("PS 5/26", "Felles reiselivsplan", "Planen godkjennes med et punkt om skilting."),
                         ("PS 6/26", "Godkjenning av protokoll", "Protokollen godkjennes.")]  # fmt: skip
