"""Parser behaviour on small inline documents in layouts other than the seed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from parse_helpers import parse_text, rt

from etl.model import RawDocument, SourceLine
from etl.parse import parse_document
from etl.parse.events import parse_event_text
from etl.parse.lines import join_text
from etl.parse.round_table import cell_points, split_unit
from etl.readers import read_document

BAD = Path(__file__).resolve().parent / "fixtures" / "bad"




@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (["Kommunen har vedtatt ny plan for nærings-", "arealer langs E6."], "Kommunen har vedtatt ny plan for næringsarealer langs E6."),
        (["Arbeid med Oslo/Akershus-", "samarbeid om gods."], "Arbeid med Oslo/Akershus-samarbeid om gods."),
        (["kutt i FOR-", "region"], "kutt i FOR-region"),
        (["Vekst i E16-", "korridoren"], "Vekst i E16-korridoren"),
        (["Møterekke med Osloregionen –", "tre aktører"], "Møterekke med Osloregionen – tre aktører"),
        (["  mange   mellomrom ", "", " her "], "mange mellomrom her"),
    ],
)
def test_join_text(parts, expected):
    assert join_text(parts) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oslo kommune (Anne Solheim):", ("Oslo kommune", "Anne Solheim")),
        ("Lillestrøm kommune v/ Kari Holm:", ("Lillestrøm kommune", "Kari Holm")),
        ("Nordre Follo kommune – Per Hansen:", ("Nordre Follo kommune", "Per Hansen")),
        ("Kongsvingerregionen (Tove Kristin Gulbrandsen)", ("Kongsvingerregionen", "Tove Kristin Gulbrandsen")),
        ("Asker kommune:", ("Asker kommune", None)),
        ("Bekymring for kutt i statsbudsjettet", None),
        ("Oslo Business Region (OBR)", ("Oslo Business Region (OBR)", None)),
    ],
)
def test_split_unit(text, expected):
    assert split_unit(text) == expected


def test_cell_points_strip_bullets_and_join_wrapped_lines():
    cell = "• Første punkt.\n• Andre punkt som fortsetter\npå neste linje.\nTredje punkt."
    assert cell_points(cell) == ["Første punkt.", "Andre punkt som fortsetter på neste linje.", "Tredje punkt."]


def test_units_in_mixed_styles_with_prose_and_one_liners():
    m = parse_text(
        "Referat fra Osloregionens faggruppe for næringssamarbeid\nDato: 12.03.2026\n\n"
        "Sak 03/26 Orienteringer fra kommunene\n"
        "Kort runde:\n"
        "- Lillestrøm kommune v/ Kari Holm:\n"
        "   – Nytt datasenter på Kjeller med 150 arbeidsplasser.\n"
        "   – Plan for nærings-\n     arealer er vedtatt.\n"
        "Nordre Follo kommune – Per Hansen:\n"
        "Langhus får ny industri. Orkla legger ned lageret,\n\nog 120 mister jobben.\n"
        "Drammen kommune: Havnestrategi vedtatt.\n"
        "Lier kommune: Ingen nye saker.\n"
    )
    assert m.agenda[0].number == "03/26" and m.agenda[0].kind == "round_table"
    assert rt(m) == [
        ("Lillestrøm kommune", "Kari Holm", "Nytt datasenter på Kjeller med 150 arbeidsplasser."),
        ("Lillestrøm kommune", "Kari Holm", "Plan for næringsarealer er vedtatt."),
        ("Nordre Follo kommune", "Per Hansen", "Langhus får ny industri."),
        ("Nordre Follo kommune", "Per Hansen", "Orkla legger ned lageret, og 120 mister jobben."),
        ("Drammen kommune", None, "Havnestrategi vedtatt."),
        ("Lier kommune", None, "Ingen nye saker."),
    ]
    orkla = m.statements[3]
    assert (orkla.prov.line_start, orkla.prov.line_end) == (11, 13)
    assert m.warnings == []


def test_page_furniture_removed_and_statement_joined_across_page_break():
    page = "Osloregionen – referat 12.03.2026\n"
    m = parse_text(
        page + "Referat fra Osloregionens faggruppe for næringssamarbeid\nDato: 12.03.2026\n"
        "1. Runde rundt bordet\n"
        "• Asker kommune (Asbjørn Flo):\n"
        "o Chemring Nobel planlegger en ny fabrikk med\n"
        "Side 1 av 2\n\f" + page + "\n"
        "300 nye stillinger i Heggedal.\n"
        "o Kostnadskutt i kommunen.\n"
        "2/2\n"
    )
    texts = rt(m)
    assert texts == [
        ("Asker kommune", "Asbjørn Flo", "Chemring Nobel planlegger en ny fabrikk med 300 nye stillinger i Heggedal."),
        ("Asker kommune", "Asbjørn Flo", "Kostnadskutt i kommunen."),
    ]
    st = m.statements[0]
    assert (st.prov.page, st.prov.line_start, st.prov.line_end) == (1, 6, 10)
    assert "Side 1" not in st.prov.source_text and "referat 12.03" not in st.prov.source_text
    assert m.organ == "Osloregionens faggruppe for næringssamarbeid"


def test_numbered_list_inside_an_item_is_not_an_agenda_item():
    m = parse_text(
        "Referat\nDato: 1.2.2026\n"
        "1. Godkjenning av innkalling\nGodkjent.\n"
        "2. Orienteringer fra sekretariatet\n"
        "1. Høringssvar sendt.\n2. Nytt nettsted.\n3. Ny rådgiver ansatt.\n"
        "3. Runde rundt bordet\n"
        "Asker kommune: Ny plan.\n"
    )
    assert [(a.number, a.title) for a in m.agenda] == [
        ("1", "Godkjenning av innkalling"),
        ("2", "Orienteringer fra sekretariatet"),
        ("3", "Runde rundt bordet"),
    ]
    sec = [s.text for s in m.statements if s.section == "secretariat"]
    assert sec == ["Høringssvar sendt.", "Nytt nettsted.", "Ny rådgiver ansatt."]


def test_word_heading_units_and_table_round_table():
    def L(no, text, style=None, level=None, cells=None):
        return SourceLine(no, 1, text, style=style, level=level, cells=cells)

    lines = [
        L(1, "Referat fra faggruppe for næringssamarbeid", "Title"),
        L(2, "Dato: 7. mai 2026"),
        L(3, "Sak 2 Runde rundt bordet", "Heading 2"),
        L(4, "Bærum kommune", "Heading 3"),
        L(5, "Equinor flytter 400 ansatte.", "List Bullet", 1),
        L(6, "Fornebubanen forsinket.", "List Bullet 2", 2),
        L(7, "Kommune | Representant | Hovedpunkter", cells=("Kommune", "Representant", "Hovedpunkter")),
        L(8, "Moss | Jonas Eriksen | …", cells=("Moss kommune", "Jonas Eriksen", "• Nammo vokser.\n• 200 ingeniører søkes.")),
    ]
    m = parse_document(RawDocument("x.docx", "0" * 64, "docx", lines))
    assert rt(m) == [
        ("Bærum kommune", None, "Equinor flytter 400 ansatte."),
        ("Bærum kommune", None, "Fornebubanen forsinket."),
        ("Moss kommune", "Jonas Eriksen", "Nammo vokser."),
        ("Moss kommune", "Jonas Eriksen", "200 ingeniører søkes."),
    ]
    assert m.statements[-1].prov.line_start == 8
    assert m.meeting_date == dt.date(2026, 5, 7)


def test_markdown_headings():
    m = parse_text("# Referat 12. mars 2026\n\n## Sak 2 Runde rundt bordet\n* **Asker kommune:**\n  * Ny plan.\n", "m.md")
    assert m.agenda[0].number == "2"
    assert rt(m) == [("Asker kommune", None, "Ny plan.")]
    assert m.meeting_date == dt.date(2026, 3, 12)


def test_text_before_any_unit_is_flagged():
    m = parse_text("Referat\nDato: 1.2.2026\nSak 1 Runde rundt bordet\nDet var god stemning i møtet.\n")
    assert [w.code for w in m.warnings] == ["unparsed_line"]
    assert m.warnings[0].line_no == 4


def test_empty_and_missing_round_table():
    m = parse_text("Referat\nDato: 1.2.2026\nSak 1 Runde rundt bordet\nSak 2 Eventuelt\nIngen saker.\n")
    assert [w.code for w in m.warnings] == ["empty_round_table"]
    m = parse_text("Referat\nDato: 1.2.2026\nSak 1 Eventuelt\nIngen saker.\n")
    assert [w.code for w in m.warnings] == ["no_round_table"]


def test_nodate_fixture_warns():
    m = parse_document(read_document(BAD / "nodate.txt"))
    assert m.meeting_date is None
    assert [w.code for w in m.warnings] == ["no_date"]
    assert rt(m) == [("Asker kommune", "Asbjørn Flo", "Arbeid med ny næringsplan.")]


def test_date_from_file_name_as_last_resort():
    m = parse_text("Referat\nSak 1 Runde rundt bordet\nAsker kommune: Ny plan.\n", "osloregionen-2026-02-05.txt")
    assert m.meeting_date == dt.date(2026, 2, 5)


@pytest.mark.parametrize(
    "text",
    ["", "\n\n\n", "Sak", "1.\n2.\n3.", "• \n o \n–", "| a | b |\n|---|---|\n| | |", "Vedtak:\n", "Sak 1 Runde rundt bordet\n:"],
)
def test_odd_input_never_crashes(text):
    m = parse_text(text)
    assert m.source_file == "referat.txt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Biogasseminar (5. november).", ("Biogasseminar", dt.date(2025, 11, 5), None)),
        (
            "Seminar om forsvarsindustri, Mosseregionens Næringsutvikling (10. November)",
            ("Seminar om forsvarsindustri", dt.date(2025, 11, 10), "Mosseregionens Næringsutvikling"),
        ),
        (
            "Seminar om kjernekraft, Asker kommune (11. november) (kontakt Asbjørn Flo).",
            ("Seminar om kjernekraft", dt.date(2025, 11, 11), "Asker kommune"),
        ),
        (
            "5. februar: Frokostmøte om datasenter og kraft, Lillestrøm Næringsforening",
            ("Frokostmøte om datasenter og kraft", dt.date(2026, 2, 5), "Lillestrøm Næringsforening"),
        ),
        ("Konferanse i Follo 12. februar (arr. Follo Næringsutvikling)", ("Konferanse i Follo", dt.date(2026, 2, 12), "Follo Næringsutvikling")),
        ("Frokostmøte om kjernekraft 9. april (Asker kommune)", ("Frokostmøte om kjernekraft", dt.date(2026, 4, 9), "Asker kommune")),
    ],
)
def test_parse_event_text(text, expected):
    assert parse_event_text(text, dt.date(2025, 10, 23) if "2025" not in text else None)[:3] == expected or \
        parse_event_text(text, dt.date(2025, 10, 23)) == expected


# --- layouts added with the unseen-layout fixtures ------------------------------------
@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (["45 an-", "satte mister jobben"], "45 ansatte mister jobben"),
        (["arrangør: Hamarregio-", "nen Utvikling."], "arrangør: Hamarregionen Utvikling."),
        (["(Kongs-", "berg Næringsforum)"], "(Kongsberg Næringsforum)"),
        (["fabrikken i Heg-", "gedal, og"], "fabrikken i Heggedal, og"),
        (["Nedleggelse av Orkla-", "lageret"], "Nedleggelse av Orkla-lageret"),
        (["samarbeid om inn-", "og utflytting"], "samarbeid om inn- og utflytting"),
    ],
)
def test_join_text_hyphenated_names_and_suspended_compounds(parts, expected):
    assert join_text(parts) == expected


def test_capital_units_colon_units_footer_and_wrapped_attendees():
    m = parse_text(
        "Osloregionen\n\nREFERAT\nFaggruppe for næringssamarbeid\n\n"
        "Møtedato:\ttorsdag 19. februar 2026\nTid:\tkl. 12.00 – 14.30\n"
        "Til stede: Anne Solheim (Oslo), Kari Holm (Lillestrøm), Eli Arnkværn\n"
        "Bryhni (Hamarregionen) og Mari Strømsvåg (Osloregionen).\n"
        "Forfall: Terje Myrseth (Indre Østfold), Line Berg (Bærum).\n\n"
        "1.\tRunde rundt bordet\n\nOSLO KOMMUNE\n–\tOslo Science City får 50 mill. kroner.\n\n"
        "Lillestrøm:\n\t–\tHydro legger ned verket, og 85 ansatte\n\n"
        "Osloregionen | Referat faggruppe næring | side 1\n\f\t\tmister jobben.\n"
        "Osloregionen | Referat faggruppe næring | side 2\n"
    )
    assert m.organ == "Faggruppe for næringssamarbeid"
    assert (m.meeting_date, m.time_start, m.time_end) == (dt.date(2026, 2, 19), "12:00", "14:30")
    assert m.attendees == [
        "Anne Solheim (Oslo)", "Kari Holm (Lillestrøm)", "Eli Arnkværn Bryhni (Hamarregionen)", "Mari Strømsvåg (Osloregionen)"
    ]
    assert rt(m) == [
        ("Oslo kommune", None, "Oslo Science City får 50 mill. kroner."),
        ("Lillestrøm", None, "Hydro legger ned verket, og 85 ansatte mister jobben."),
    ]
    assert "side 1" not in m.statements[-1].prov.source_text
    assert not any(s.section == "other" for s in m.statements)  # the letterhead is not a fact


def test_saksliste_sak_headings_gazetteer_units_and_decision_on_next_line():
    m = parse_text(
        "REFERAT FRA MØTE I FAGGRUPPE FOR NÆRINGSSAMARBEID\nDato: 16. april 2026\n\n"
        "Til stede:\nPer Hansen, Nordre Follo kommune\nOle Dahl, Ullensaker kommune\n\n"
        "Saksliste\n1. Godkjenning av innkalling\n2. Orientering fra kommunene\n3. Eventuelt\n\n"
        "SAK 1 – Godkjenning av innkalling\n\nVedtak:\nInnkalling godkjennes.\n\n"
        "SAK 2 – Orientering fra kommunene\n\n"
        "Nordre Follo (v/Per Hansen)\nLanghus får plass til om lag\n1 500 arbeidsplasser. Elvia bygger ny stasjon.\n\n"
        "Ullensaker – Ole Dahl:\nAvinor flytter 200 stillinger.\n\n"
        "Konklusjon:\nOrienteringene tas til orientering.\n\n"
        "SAK 3 – Eventuelt\n\nNeste møte: 11. juni 2026 på Teams.\n\nReferent: Mari Strømsvåg\n"
    )
    assert m.organ == "Faggruppe for næringssamarbeid"
    assert [(a.number, a.title) for a in m.agenda] == [
        ("1", "Godkjenning av innkalling"), ("2", "Orientering fra kommunene"), ("3", "Eventuelt")
    ]
    assert m.agenda[0].decision == "Innkalling godkjennes."
    assert m.agenda[1].decision == "Orienteringene tas til orientering."
    assert m.attendees == ["Per Hansen, Nordre Follo kommune", "Ole Dahl, Ullensaker kommune"]
    assert m.secretary == "Mari Strømsvåg"
    assert rt(m) == [
        ("Nordre Follo", "Per Hansen", "Langhus får plass til om lag 1 500 arbeidsplasser."),
        ("Nordre Follo", "Per Hansen", "Elvia bygger ny stasjon."),
        ("Ullensaker", "Ole Dahl", "Avinor flytter 200 stillinger."),
    ]
    assert [s.text for s in m.statements if s.section == "other"] == ["Neste møte: 11. juni 2026 på Teams."]
    assert m.warnings == []


def test_sub_numbered_units_with_prose_and_briefing_sentence():
    m = parse_text(
        "Referat\nOsloregionens faggruppe for næringssamarbeid\nDato: 22.10.2026\n\n"
        "Innhold\n1. Godkjenning av innkalling ........ 1\n2. Runde rundt bordet ......... 1\n\n"
        "1. Godkjenning av innkalling\nGodkjent.\n"
        "2. Runde rundt bordet\n2.1 Oslo kommune\nAnne Solheim orienterte. Oslo har ny strategi med mål om 5 000 jobber innen\n"
        "2035. Oslo Science City har fått byggetillatelse.\n2.2 Asker kommune\nKommunen bygger vei.\n"
    )
    assert [(a.number, a.title) for a in m.agenda] == [("1", "Godkjenning av innkalling"), ("2", "Runde rundt bordet")]
    assert m.organ == "Osloregionens faggruppe for næringssamarbeid"
    assert rt(m) == [
        ("Oslo kommune", "Anne Solheim", "Oslo har ny strategi med mål om 5 000 jobber innen 2035."),
        ("Oslo kommune", "Anne Solheim", "Oslo Science City har fått byggetillatelse."),
        ("Asker kommune", None, "Kommunen bygger vei."),
    ]


def test_word_numbered_headings_tables_without_header_and_event_table():
    def L(no, text, style=None, level=None, cells=None):
        return SourceLine(no, 1, text, style=style, level=level, cells=cells)

    lines = [
        L(1, "Referat", "Title"),
        L(2, "Faggruppe for næringssamarbeid", "Subtitle"),
        L(3, "Tid | 11. juni 2026 kl. 09.00–11.00", cells=("Tid", "11. juni 2026 kl. 09.00–11.00")),
        L(4, "Tilstede | …", cells=("Tilstede", "Kari Holm, Per Hansen")),
        L(5, "Forfall | …", cells=("Forfall", "Anne Solheim")),
        L(6, "Runde rundt bordet", "Heading 1", 1),
        L(7, "…", cells=("Lillestrøm kommune (Kari Holm)", "Datasenteret er ferdig.\nEnova gir 10 mill. kroner.")),
        L(8, "Status for datasenterprosjektene", "Heading 1", 1),
        L(9, "Sekretariatet har kartlagt 14 prosjekter."),
        L(10, "Orienteringer fra sekretariatet", "Heading 1", 1),
        L(11, "Høringssvar er sendt.", "List Paragraph", 1),
        L(12, "•\tNy rådgiver er ansatt."),
        L(13, "Kommende arrangementer", "Heading 1", 1),
        L(14, "Dato | Arrangement | Arrangør", cells=("Dato", "Arrangement", "Arrangør")),
        L(15, "…", cells=("3. september", "Næringsarealkonferansen", "Follo Næringsutvikling")),
        L(16, "Neste møte: 10. september 2026.", "List Bullet"),
    ]
    m = parse_document(RawDocument("x.docx", "0" * 64, "docx", lines))
    assert m.organ == "Faggruppe for næringssamarbeid"
    assert m.attendees == ["Kari Holm", "Per Hansen"]
    assert [(a.number, a.title, a.kind) for a in m.agenda] == [
        ("1", "Runde rundt bordet", "round_table"),
        ("2", "Status for datasenterprosjektene", "other"),
        ("3", "Orienteringer fra sekretariatet", "secretariat"),
        ("4", "Kommende arrangementer", "events"),
    ]
    assert rt(m) == [
        ("Lillestrøm kommune", "Kari Holm", "Datasenteret er ferdig."),
        ("Lillestrøm kommune", "Kari Holm", "Enova gir 10 mill. kroner."),
    ]
    assert [s.text for s in m.statements if s.section == "secretariat"] == ["Høringssvar er sendt.", "Ny rådgiver er ansatt."]
    assert [(e.title, e.event_date, e.organiser) for e in m.events] == [
        ("Næringsarealkonferansen", dt.date(2026, 9, 3), "Follo Næringsutvikling")
    ]  # "Neste møte" is the group's own meeting, not an event


def test_wiki_markdown_bold_units_nested_bullets_topic_labels_and_hour_range():
    m = parse_text(
        "# Næringsgruppen – møtereferat\n\nDato: 27.11.25, kl. 10–12\n"
        "**Deltakere:** Line Berg (Bærum), Asbjørn Flo (Asker)\n**Forfall:** Kari Holm (Lillestrøm)\n\n---\n\n"
        "### 1. Runde rundt bordet\n\n**Bærum kommune** (Line Berg)\n"
        "  - Equinor sier opp 30 000 kvm kontor.\n    - Kommunen er i dialog med leietakere.\n\n"
        "**Asker kommune** (Asbjørn Flo)\n  - Heggedal:\n    - Chemring Nobel starter byggingen.\n",
        "wiki.md",
    )
    assert m.organ == "Næringsgruppen"
    assert (m.meeting_date, m.time_start, m.time_end) == (dt.date(2025, 11, 27), "10:00", "12:00")
    assert m.attendees == ["Line Berg (Bærum)", "Asbjørn Flo (Asker)"]
    assert rt(m) == [
        ("Bærum kommune", "Line Berg", "Equinor sier opp 30 000 kvm kontor."),
        ("Bærum kommune", "Line Berg", "Kommunen er i dialog med leietakere."),
        ("Asker kommune", "Asbjørn Flo", "Chemring Nobel starter byggingen."),
    ]
    assert not any(s.text == "---" for s in m.statements)


def test_date_only_in_title_roles_in_attendees_and_numbered_eventuelt():
    m = parse_text(
        "Referat – møte i næringsgruppen 5. februar 2026\n\nTid: kl. 13.00–14.30\n"
        "Møtt: Eli Arnkværn Bryhni (leder), Hanne Lie,\nMari Strømsvåg (referent)\n\n"
        "Sak 11/2026 Runde rundt bordet\nDrammen kommune (Hanne Lie):\n"
        "- Ny havne-\n  terminal til 640 mill. kro-\n  ner.\n\n"
        "Sak 12/2026 Eventuelt\n1) Fristen for innspill til handlings-\nprogrammet er 1. mars.\n2) Neste møte blir 19. mars.\n",
        "referat-naeringsgruppen.txt",
    )
    assert (m.organ, m.meeting_date) == ("Næringsgruppen", dt.date(2026, 2, 5))
    assert (m.chair, m.secretary) == ("Eli Arnkværn Bryhni", "Mari Strømsvåg")
    assert len(m.attendees) == 3
    assert [a.number for a in m.agenda] == ["11/2026", "12/2026"]
    assert rt(m) == [("Drammen kommune", "Hanne Lie", "Ny havneterminal til 640 mill. kroner.")]
    assert [s.text for s in m.statements if s.section == "other"] == [
        "Fristen for innspill til handlingsprogrammet er 1. mars.", "Neste møte blir 19. mars."
    ]


def test_pdf_page_break_hyphen_does_not_swallow_the_footer():
    from etl.readers import read_document

    raw = read_document(Path(__file__).resolve().parent / "fixtures" / "minutes" / "referat-2026-10-22.pdf")
    texts = [ln.text for ln in raw.lines]
    assert any(t.endswith("i Heg-") for t in texts) and "Side 1 av 3" in texts
    m = parse_document(raw)
    assert any("fabrikken i Heggedal, og 180 personer" in s.text for s in m.statements)


def test_unit_dash_one_liners_inline_sentences_and_unit_lines_between_bullets():
    m = parse_text(
        "Referat\nDato: 12.03.2026\n\n1. Runde rundt bordet\n"
        "Asker kommune – Ny næringsplan vedtatt i kommunestyret.\n"
        "Bærum kommune – Equinor flytter 400 ansatte.\n"
        "Nordre Follo: Elvia forsinker nettet. Langhus får ny industri.\n"
        "Frogn kommune\n- Drøbak får nytt hotell.\nVestby\n- Logistikksenter på Deli med 300 ansatte.\n"
    )
    assert rt(m) == [
        ("Asker kommune", None, "Ny næringsplan vedtatt i kommunestyret."),
        ("Bærum kommune", None, "Equinor flytter 400 ansatte."),
        ("Nordre Follo", None, "Elvia forsinker nettet."),
        ("Nordre Follo", None, "Langhus får ny industri."),
        ("Frogn kommune", None, "Drøbak får nytt hotell."),
        ("Vestby", None, "Logistikksenter på Deli med 300 ansatte."),
    ]
    assert m.warnings == []


def test_attendee_table_without_label_and_prose_cells_split_into_sentences():
    m = parse_text(
        "# Referat næringsgruppen\n\n| Navn | Kommune |\n|---|---|\n| Kari Holm | Lillestrøm |\n| Per Hansen | Nordre Follo |\n\n"
        "Dato: 4.12.25\n\n## 1. Runde rundt bordet\n\n| Kommune | Status |\n|---|---|\n"
        "| Asker | Ny næringsplan vedtatt. Chemring utvider. |\n| Lier | • Ingen nye saker. Alt er rolig. |\n",
        "t.md",
    )
    assert m.attendees == ["Kari Holm", "Per Hansen"] and m.meeting_date == dt.date(2025, 12, 4)
    assert not any(s.section == "other" for s in m.statements)
    assert rt(m) == [
        ("Asker", None, "Ny næringsplan vedtatt."),
        ("Asker", None, "Chemring utvider."),
        ("Lier", None, "Ingen nye saker. Alt er rolig."),  # a bullet stays one point
    ]
