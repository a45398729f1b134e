"""Parser rules for the adversarial layouts (tests/fixtures/make_adversarial_fixtures.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from parse_helpers import parse_text, rt

from etl.extract.dates import parse_norwegian_date
from etl.model import RawDocument, SourceLine
from etl.parse import parse_document
from etl.parse.items import number_value
from etl.parse.mail import mail_furniture, unquote
from etl.parse.round_table import unit_cell
from etl.readers import read_document
from etl.readers.text import text_to_lines

MINUTES = Path(__file__).resolve().parent / "fixtures" / "minutes"
HEAD = "Referat fra faggruppe for næringssamarbeid\nDato: 12.03.2026\n\n"




# --- e-mail ---------------------------------------------------------------------------
MAIL = """\
Fra: Mari Strømsvåg <mari@osloregionen.no>
Sendt: fredag 6. mars 2026 14:12
Til: faggruppe@osloregionen.no
Emne: Referat fra møtet 4. mars

Hei alle, her er referatet.

Hilsen Mari

> Referat – faggruppe for næringssamarbeid
> Dato/tid: 4/3-26 12:00
>
> Punkt 1 Runde rundt bordet
> Hamarregionen (Eli Bryhni):
> - Nytt datasenter på Åkersvika.
>
> Eventuelt
> - Neste møte blir 22. april.
>
> Med vennlig hilsen
> Mari Strømsvåg
> Seniorrådgiver | Osloregionen
> www.osloregionen.no
"""


def test_quoted_mail_header_cover_note_and_signature_are_not_minutes():
    m = parse_text(MAIL, "epost.txt")
    assert m.meeting_date == dt.date(2026, 3, 4) and m.time_start == "12:00"
    assert m.organ == "Faggruppe for næringssamarbeid"
    assert [(a.number, a.title, a.kind) for a in m.agenda] == [
        ("1", "Runde rundt bordet", "round_table"),
        ("2", "Eventuelt", "any_other_business"),
    ]
    assert rt(m) == [("Hamarregionen", "Eli Bryhni", "Nytt datasenter på Åkersvika.")]
    texts = [s.text for s in m.statements]
    assert texts[-1] == "Neste møte blir 22. april."
    assert not any("Hilsen" in t or "Seniorrådgiver" in t or "Hei alle" in t for t in texts)
    assert m.links == []  # the signature's web address is furniture
    assert m.statements[0].prov.source_text.startswith("> - ")  # provenance stays verbatim


def test_forwarded_mail_without_quotes_drops_header_and_note_up_to_the_title():
    texts = ["-----Opprinnelig melding-----", "Fra: A", "Sendt: 1. mars", "Til: B", "Emne: Referat", "",
             "Se under.", "", "Referat fra faggruppen", "Dato: 1.3.2026"]  # fmt: skip
    assert unquote(texts) is None
    assert mail_furniture(texts) == {0, 1, 2, 3, 4, 5, 6, 7}


def test_a_signature_needs_a_short_sign_off_near_the_end():
    texts = ["Sak 1 Eventuelt", "Hilsen fra Asker kommune: nytt bygg åpnet, med 200 nye arbeidsplasser og ny vei."]
    assert mail_furniture(texts) == set()


# --- header ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [("4/3-26 12:00", dt.date(2026, 3, 4)), ("14/1-2026", dt.date(2026, 1, 14)), ("1/2 av plassene", None)],
)
def test_day_slash_month_dash_year(text, expected):
    assert parse_norwegian_date(text) == expected


def test_combined_chair_and_secretary_and_time_and_place():
    m = parse_text(
        "Referat fra faggruppe for næringssamarbeid\n"
        "Tid og sted: 18. mars 2026, kl. 09.00–11.30, Lillestrøm rådhus\n"
        "Møteleder/referent: Mari Strømsvåg, Osloregionen\n"
        "Fraværende: Kari Holm\n\n1. Eventuelt\nIngen saker.\n"
    )
    assert (m.meeting_date, m.time_start, m.time_end) == (dt.date(2026, 3, 18), "09:00", "11:30")
    assert m.place == "Lillestrøm rådhus"
    assert m.chair == m.secretary == "Mari Strømsvåg"
    assert m.attendees == []


# --- items -----------------------------------------------------------------------------
@pytest.mark.parametrize(("no", "value"), [("3", 3), ("03/26", 3), ("IV", 4), ("IX", 9), ("XII", 12), ("", None)])
def test_number_value(no, value):
    assert number_value(no) == value


def test_roman_numbered_items_and_innspill_fra_medlemmene():
    m = parse_text(
        HEAD + "I. Godkjenning av innkalling\nGodkjent.\n\nII. Innspill fra medlemmene\n"
        "1. Asker: Kommunen har inngått avtale med Chemring Nobel. Fabrikken har nå\n"
        "   1\u00a0200 ansatte.\n"
        "2. Bærum: Aker BP flytter 600 ansatte til Fornebu.\n"
        "3. Lørenskog kommune (Hilde Nygård): Ahus søker partnere.\n\n"
        "III. Eventuelt\nIngen saker.\n"
    )
    assert [(a.number, a.title, a.kind) for a in m.agenda] == [
        ("I", "Godkjenning av innkalling", "approval"),
        ("II", "Innspill fra medlemmene", "round_table"),
        ("III", "Eventuelt", "any_other_business"),
    ]
    assert rt(m) == [
        ("Asker", None, "Kommunen har inngått avtale med Chemring Nobel."),
        ("Asker", None, "Fabrikken har nå 1 200 ansatte."),
        ("Bærum", None, "Aker BP flytter 600 ansatte til Fornebu."),
        ("Lørenskog kommune", "Hilde Nygård", "Ahus søker partnere."),
    ]


def test_a_standard_title_line_opens_an_item_only_after_the_first_item():
    m = parse_text(HEAD + "Eventuelt\n\nSak 1 Runde rundt bordet\nAsker kommune: Ny plan.\nEventuelt\n- Ingen saker.\n")
    assert [(a.number, a.title) for a in m.agenda] == [("1", "Runde rundt bordet"), ("2", "Eventuelt")]


# --- round table ------------------------------------------------------------------------
def test_a_unit_alone_on_a_line_above_prose_is_a_heading():
    m = parse_text(
        HEAD + "Sak 1 Runde rundt bordet\n"
        "Lørenskog kommune: Ahus får nytt testsenter.\n"
        "Eidsvoll kommune\nKommunen har regulert 120 dekar til næring.\nHurdal Glassverk legger ned.\n"
    )
    assert rt(m) == [
        ("Lørenskog kommune", None, "Ahus får nytt testsenter."),
        ("Eidsvoll kommune", None, "Kommunen har regulert 120 dekar til næring."),
        ("Eidsvoll kommune", None, "Hurdal Glassverk legger ned."),
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Nordre Follo\nkommune", ("Nordre Follo kommune", None)),
        ("Asker kommune\nAsbjørn Flo", ("Asker kommune", "Asbjørn Flo")),
        ("Oslo kommune (Anne Solheim)", ("Oslo kommune", "Anne Solheim")),
        ("", (None, None)),
    ],
)
def test_unit_cell(cell, expected):
    assert unit_cell(cell) == expected


def test_markdown_bold_line_is_an_action_programme_area():
    lines, n = text_to_lines(
        "# Referat 12.03.2026\n\n## 1. Handlingsprogram 2026\n\n**Helsenæring**\n- Møteplass på Ahus.\n"
        "**Forsvar og beredskap**\n- Leverandørkartlegging.\n"
    )
    m = parse_document(RawDocument("r.md", "0" * 64, "md", lines, n_pages=n))
    assert [(s.area, s.text) for s in m.statements] == [
        ("Helsenæring", "Møteplass på Ahus."),
        ("Forsvar og beredskap", "Leverandørkartlegging."),
    ]


# --- readers ----------------------------------------------------------------------------
def test_docx_tracked_changes_hyperlinks_text_boxes_and_no_header_footer():
    raw = read_document(MINUTES / "referat-2026-03-18.docx")
    text = "\n".join(ln.text for ln in raw.lines)
    assert "Anlegget skal stå ferdig i 2028." in text  # w:ins kept
    assert "300 arbeidsplasser" not in text  # w:del dropped
    assert "lorenskog.kommune.no (https://www.lorenskog.kommune.no/helseteknologi)" in text  # w:hyperlink
    assert text.count("Husk: frist for innspill til") == 1  # text box once, not its VML copy
    assert "Utkast til godkjenning" not in text and "Referat 18.03.2026" not in text  # footer / header part
    assert [ln.text for ln in raw.lines[5:7]] == ["Kari Holm, Lillestrøm kommune", "Hilde Nygård, Lørenskog kommune"]


def test_pdf_word_table_rows_are_rebuilt_and_a_row_broken_by_the_page_is_one_row():
    raw = read_document(MINUTES / "referat-2026-01-14.pdf")
    rows = [ln.cells for ln in raw.lines if ln.cells]
    assert rows[0] == ("Navn", "Kommune/organisasjon") and len(rows) == 8 + 7
    assert rows[8] == ("Kommune", "Representant", "Hovedpunkter")
    assert rows[11][0] == "Lillestrøm\nkommune" and rows[11][2].startswith("• Datasenteret")
    lorenskog = rows[13]
    assert lorenskog[0] == "Lørenskog\nkommune" and lorenskog[2].endswith("helseteknologi\npå Lørenskog.")
    assert not any(ln.text in ("kommune", "på Lørenskog.") for ln in raw.lines)
    m = parse_document(raw)
    assert ("Lørenskog kommune", "Hilde Nygård", "Ahus og kommunen etablerer et testsenter for helseteknologi på Lørenskog.") in rt(m)


def test_pdf_without_tables_reads_as_before():
    raw = read_document(MINUTES / "referat-2026-10-22.pdf")
    assert not any(ln.cells for ln in raw.lines)


# --- Word saved as plain text ------------------------------------------------------------
WORD_TXT = (
    "Osloregionen\nFaggruppe for næringssamarbeid\n\nREFERAT\n\nDato:\t27.05.26\nTid:\t12-14\n\n"
    "Deltakere:\n1.\tOle Dahl, Ullensaker kommune\n2.\tMari Strømsvåg, Osloregionen\n\n"
    "Sak 26/14\tKommende arrangementer\n\nDato\tArrangement\tArrangør\n"
    "10. juni\tFrokostmøte om forsvarsindustri\tMosseregionens Næringsutvikling\n"
    "18. juni\tDatasenterdagen\t\n\nSak 26/15\tEventuelt\n"
    "–\tEn vanlig linje\tmed tabulator\ti teksten.\n"
)


def test_word_plain_text_export():
    m = parse_text(WORD_TXT)
    assert m.organ == "Faggruppe for næringssamarbeid"  # the line above a bare REFERAT
    assert (m.meeting_date, m.time_start, m.time_end) == (dt.date(2026, 5, 27), "12:00", "14:00")
    assert m.attendees == ["Ole Dahl, Ullensaker kommune", "Mari Strømsvåg, Osloregionen"]  # not items 1 and 2
    assert [(a.number, a.title) for a in m.agenda] == [("26/14", "Kommende arrangementer"), ("26/15", "Eventuelt")]
    assert [(e.title, e.event_date, e.organiser) for e in m.events] == [
        ("Frokostmøte om forsvarsindustri", dt.date(2026, 6, 10), "Mosseregionens Næringsutvikling"),
        ("Datasenterdagen", dt.date(2026, 6, 18), None),
    ]
    assert m.statements[-1].text == "En vanlig linje med tabulator i teksten."  # a bullet is not a table row


def test_a_numbered_line_starting_with_a_name_like_a_month_is_still_numbered():
    m = parse_text(HEAD + "Til stede:\n1. Mari Strømsvåg\n2. Marte Kirkerud\n\nSak 1 Eventuelt\nIngen saker.\n")
    assert m.attendees == ["Mari Strømsvåg", "Marte Kirkerud"]


def test_archive_style_item_numbers():
    m = parse_text(HEAD + "Sak 2026/14 Runde rundt bordet\nAsker kommune: Ny plan.\n\nSak 2026/15 Eventuelt\nIngen saker.\n")
    assert [(a.number, a.kind) for a in m.agenda] == [("2026/14", "round_table"), ("2026/15", "any_other_business")]
    assert number_value("2026/14") == 14


ROWS = [
    ("Kommune/region", "Representant", "Orientering"),
    ("Asker kommune", "Asbjørn Flo", "Chemring Nobel har fått byggetillatelse for den nye fabrikken i Heggedal. "
     "Kommunen har satt av 12 mill. kroner til ny vei."),
    ("Lillestrøm kommune", "Kari Holm", "Datasenteret på Kjeller åpner i mars med 60 ansatte."),
    ("Nordre Follo kommune", "Per Hansen", "Tine legger ned meieriet på Langhus.\nNy næringsplan er vedtatt."),
]  # fmt: skip


@pytest.mark.parametrize(
    "table_kw",
    [{}, {"v_align": "TOP", "borders_layout": "NONE"}],
    ids=["fpdf2-default-middle-aligned-with-borders", "top-aligned-without-borders"],
)
def test_pdf_tables_from_fpdf2_table_api(tmp_path, table_kw):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("dejavu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_font("dejavu", "B", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    pdf.add_page()
    pdf.set_font("dejavu", size=10)
    pdf.cell(0, 6, "Sak 2 Runde rundt bordet", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(32, 30, 100), text_align="LEFT", **table_kw) as t:
        for r in ROWS:
            row = t.row()
            for c in r:
                row.cell(c)
    pdf.cell(0, 6, "Vedtak: Orienteringene tas til etterretning.", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "referat-2026-01-14.pdf"
    pdf.output(str(path))
    m = parse_document(read_document(path))
    assert rt(m) == [
        ("Asker kommune", "Asbjørn Flo", "Chemring Nobel har fått byggetillatelse for den nye fabrikken i Heggedal."),
        ("Asker kommune", "Asbjørn Flo", "Kommunen har satt av 12 mill. kroner til ny vei."),
        ("Lillestrøm kommune", "Kari Holm", "Datasenteret på Kjeller åpner i mars med 60 ansatte."),
        ("Nordre Follo kommune", "Per Hansen", "Tine legger ned meieriet på Langhus."),
        ("Nordre Follo kommune", "Per Hansen", "Ny næringsplan er vedtatt."),
    ]
    assert m.agenda[0].decision == "Orienteringene tas til etterretning."


def test_a_table_header_repeated_on_the_next_page_is_not_a_report():
    lines, n = text_to_lines(
        "Referat 12.03.2026\n\nSak 1 Runde rundt bordet\n| Kommune | Representant | Hovedpunkter |\n"
        "| Asker kommune | Asbjørn Flo | Ny plan vedtatt. |\n\f| Kommune | Representant | Hovedpunkter |\n"
        "| Bærum kommune | Line Berg | Fornebu vokser. |\n"
    )
    m = parse_document(RawDocument("r.md", "0" * 64, "md", lines, n_pages=n))
    assert rt(m) == [("Asker kommune", "Asbjørn Flo", "Ny plan vedtatt."), ("Bærum kommune", "Line Berg", "Fornebu vokser.")]


# --- layouts found by the blind evaluation (tests/fixtures/blind) ---------------------
BLIND_RT = """Referat
Møtedag: tirsdag 17. november 2026, kl. 09.30–12.00
Deltakere:
Kari Holm – Lillestrøm kommune (møteleder)
Eva Lund – Bærum kommune

Sak 1/26 Runde rundt bordet

Drammen ved Hanne Lie:
Kommunen har solgt 40 dekar næringsareal.

Gran kommune, Silje Haug:
  * Glassverket kutter 25 årsverk.

### Ullensaker
*Ole Dahl*

- Et nytt hotell åpner.

Sak 2/26 Handlingsprogram

Sekretariatet la fram utkast til handlingsprogram for 2027 med fire innsatsområder:
næringsarealer, kompetanse og helsenæring.

Sak 3/26 Eventuelt
Ingen saker meldt.
"""


def test_blind_layouts_units_reporters_and_header():
    m = parse_text(BLIND_RT)
    assert (m.meeting_date, m.time_start, m.time_end) == (dt.date(2026, 11, 17), "09:30", "12:00")
    assert m.attendees == ["Kari Holm – Lillestrøm kommune (møteleder)", "Eva Lund – Bærum kommune"]
    assert m.chair == "Kari Holm"
    rt = [(s.unit_raw, s.reporter) for s in m.statements if s.section == "round_table"]
    assert rt == [("Drammen", "Hanne Lie"), ("Gran kommune", "Silje Haug"), ("Ullensaker", "Ole Dahl")]
    ap = [s.text for s in m.statements if s.section == "action_programme"]
    assert ap == ["Sekretariatet la fram utkast til handlingsprogram for 2027 med fire innsatsområder: "
                  "næringsarealer, kompetanse og helsenæring."]  # fmt: skip
    assert not [s for s in m.statements if s.section == "other"]  # "Ingen saker meldt."


def test_blind_layouts_metadata_table_and_heading_list():
    text = "Referat\n\n| | |\n|---|---|\n| **Møtedato** | 9. desember 2026 |\n| **Møteleder** | Eli Bryhni |\n" \
        "| Møte | Faggruppe for næringssamarbeid |\n\n## Til stede\n\n- Siri Aasen, Hadeland\n- Tor Eng, Asker\n\n" \
        "## Sak 1/26 Runde rundt bordet\n\n### Asker – Tor Eng\n\n- Ny plan vedtatt.\n"
    lines = [SourceLine(i + 1, 1, t) for i, t in enumerate(text.split("\n"))]
    m = parse_document(RawDocument("r.md", "0" * 64, "md", lines))
    assert (m.meeting_date, m.chair, m.organ) == (dt.date(2026, 12, 9), "Eli Bryhni", "Faggruppe for næringssamarbeid")
    assert m.attendees == ["Siri Aasen, Hadeland", "Tor Eng, Asker"]
    assert [s.text for s in m.statements] == ["Ny plan vedtatt."]


def test_event_title_without_its_url():
    m = parse_text("Referat 1. januar 2027\n\nSak 1 Kommende arrangementer\n"
                   "- 25. februar 2027 – Arealkonferansen Romerike, https://www.romerike.no/areal\n")  # fmt: skip
    assert [(e.title, e.url) for e in m.events] == [("Arealkonferansen Romerike", "https://www.romerike.no/areal")]
