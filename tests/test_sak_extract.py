"""Snippet tables for ``etl.extract.saker`` (is a statement about a sak, and what kind) and
``etl.extract.sak_status`` (what state it gives it).

Each row is a statement as members write it and what a careful reader takes from it.
The statements run through the real enrichment (fact type, organisations, places,
quantities), as in a build.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.enrich import enrich
from etl.model import Meeting, Provenance, Statement


def read(text: str, unit: str = "Asker kommune", section: str = "round_table") -> Statement:
    meeting = Meeting("x.txt", "0" * 64, meeting_date=dt.date(2026, 3, 1))
    meeting.statements = [Statement(section, text, Provenance("x.txt", 1, 1, 1, text), unit_raw=unit)]
    enrich(meeting)
    return meeting.statements[0]


# (statement, kind or None for context, status or None)
KINDS_AND_STATUSES = [
    # --- the seed ------------------------------------------------------------------------
    ("Nedleggelse av Blowtech-fabrikken (70 ansatte).", "nedleggelse", "nedlagt"),
    ("Store datasentre gir betydelig lokal effekt.", None, None),
    ("Store datasenteretableringer (Microsoft + nytt prosjekt).", "datasenter", "planlagt"),
    ("Nytt omsorgssenter og regionsenterprosjekt med støtte fra Sparebankstiftelsen (70 mill. gave).",
     "finansiering", "vedtatt"),
    ("Stor satsing på forsvarsindustri, inkl. mulig ny fabrikk fra Chemring Nobel.", "etablering", "planlagt"),
    ("Mapei åpner forskningssenter for betongteknologi.", "etablering", "i_drift"),
    ("Viken Park-prosjekt møter økende innvendinger.", "naeringsareal", None),
    ("Ny næringsarealplan med energiperspektiv.", "plan", "planlagt"),
    ("Kompetansebehov-prosjekt vant Fyrlyktprisen på NOKIOS.", None, None),
    ("Arbeid med kvalitetssikring av næringsarealer langs E134.", None, None),
    ("Utfordringer med mobilitet og arbeidskraft.", None, None),
    # --- counts and topics are context ------------------------------------------------------
    ("Rekordmange nyetableringer i Hamar i første kvartal.", None, None),
    ("Gran har fått flere nye bedrifter i Brandbu.", None, None),
    ("Stor mangel på strøm stopper to datasenterprosjekter i Follo.", None, None),
    ("Hamarregionen arrangerer datasenterkonferanse i april.", None, None),
    ("Dialog med Forsvarsbygg om nye arealer til forsvaret.", None, None),
    ("Sekretariatet la fram møteplanen for høsten.", None, None),
    # --- datacenters through their stages ---------------------------------------------------
    ("Nordavind Data har meldt interesse for å bygge et datasenter på Gardermoen.", "datasenter", "planlagt"),
    ("Nordavind Data har sendt inn planforslag for datasenteret på Gardermoen.", "datasenter", "regulering"),
    ("Kommunestyret vedtok reguleringsplanen for datasenteret på Gardermoen.", "datasenter", "vedtatt"),
    ("Grunnarbeidene for datasenteret på Ottestad er i gang.", "datasenter", "bygging"),
    ("Datasenteret på Ottestad åpner etter planen i mars.", "datasenter", None),
    ("Microsofts datasenter på Kjeller er ferdig og har 60 faste ansatte.", "datasenter", "i_drift"),
    ("Datasenterprosjektet på Kløfta er satt på vent.", "datasenter", "stanset"),
    ("Kaldberg har kjøpt opsjon på 45 mål ved Kløfta for datasenteret.", "datasenter", "planlagt"),
    # --- establishments ---------------------------------------------------------------------
    ("Fjordlys Hotels planlegger et hotell med 220 rom på Fornebu.", "etablering", "planlagt"),
    ("Ferrovik har søkt om rammetillatelse for fabrikken på Heggedal.", "etablering", "regulering"),
    ("Byggesøknaden for batterilaben på Kjeller er godkjent.", "etablering", "vedtatt"),
    ("Vinge Elektronikk bygger ny fabrikk på Kongsgårdmoen med 70 arbeidsplasser.", "etablering", "bygging"),
    ("Ferrovik-fabrikken: råbygget står ferdig.", "etablering", "bygging"),
    ("Fornebu-hotellet har fått tak på.", "etablering", "bygging"),
    ("Komponentfabrikken til Ferrovik i Brandbu åpnet i juni.", "etablering", "i_drift"),
    ("Nordvakt tok i bruk de nye produksjonshallene på Rygge i september.", "etablering", "i_drift"),
    ("Glåmdal Protein har ansatt de første 30 medarbeiderne.", "etablering", None),
    ("Ferrovik er godt i gang med grunnarbeidene på Heggedal.", "etablering", "bygging"),
    ("Borgvik har stanset byggingen på Greåker i påvente av nye kunder.", "etablering", "stanset"),
    ("Hotellprosjektet i Sandvika er lagt på is.", "etablering", "stanset"),
    ("Fjordlys Hotels åpner hotellet på Fornebu til sommeren.", "etablering", None),
    ("Ferrovik i Asker regner nå med rundt 150 ansatte når fabrikken er i full drift.", "etablering", None),
    # --- closures ---------------------------------------------------------------------------
    ("Jeløy Emballasje vurderer å legge ned fabrikken i Moss.", "nedleggelse", "planlagt"),
    ("Nedbemanningen ved meieriet i Brumunddal er utsatt til neste år.", "nedleggelse", "stanset"),
    ("Equinor flytter 400 arbeidsplasser fra Fornebu til Bergen.", "nedleggelse", "nedlagt"),
    ("Kundesenteret på Strømmen stengte før jul.", "nedleggelse", "nedlagt"),
    # --- business land ----------------------------------------------------------------------
    ("Kommunen regulerer 12 hektar til Teknologiparken Nord.", "naeringsareal", "regulering"),
    ("Reguleringsplanen for 200 dekar næringsareal på Roa er vedtatt.", "naeringsareal", "vedtatt"),
    ("De første 35 mål på Roa er solgt til et entreprenørfirma.", "naeringsareal", "vedtatt"),
    ("Askim næringspark er solgt for 310 mill. kroner.", "naeringsareal", "vedtatt"),
    ("Kommunen har ferdig opparbeidet 50 000 m² næringsareal i Askim vest.", "naeringsareal", "i_drift"),
    ("Glåmdal Protein er i dialog med kommunen om tomt.", "etablering", "planlagt"),
    # --- grants -----------------------------------------------------------------------------
    ("Glåmdal Protein har fått 15 mill. kroner fra Innovasjon Norge.", "finansiering", "vedtatt"),
    ("Kongsberg Næringsforum har søkt Forskningsrådet om 8 mill. kroner til en droneklynge.",
     "finansiering", "regulering"),
    ("Søknaden om 8 mill. kroner til droneklyngen ble avslått av Forskningsrådet.", "finansiering", "stanset"),
    # --- plans ------------------------------------------------------------------------------
    ("Kommunen starter arbeidet med en egen næringsarealplan.", "plan", "planlagt"),
    ("Forslag til ny næringsstrategi er sendt på høring med frist 1. desember.", "plan", "regulering"),
    ("Kommunestyret vedtok næringsstrategien i desember.", "plan", "vedtatt"),
    ("Regionrådet lager en felles strategi for datasenteretableringer.", "plan", "planlagt"),
    ("Oslo kommune har vedtatt en ny strategi for helsenæringen, med mål om 5 000 nye arbeidsplasser.",
     "plan", "vedtatt"),
]


@pytest.mark.parametrize(("text", "kind", "status"), KINDS_AND_STATUSES, ids=[t[:50] for t, _, _ in KINDS_AND_STATUSES])
def test_kind_and_status(text, kind, status):
    s = read(text)
    assert (s.sak_kind, s.sak_status) == (kind, status)


def test_a_listed_statement_gives_one_part_per_thing():
    s = read("Store datasenteretableringer (Microsoft + nytt prosjekt).", unit="Indre Østfold")
    assert s.sak_parts == ["Microsoft", "nytt prosjekt"]
    assert read("Nedleggelse av Blowtech-fabrikken (70 ansatte).").sak_parts == []


@pytest.mark.parametrize("section", ["action_programme", "events"])
def test_the_groups_own_programme_and_events_are_never_saker(section):
    s = read("Mapei åpner forskningssenter for betongteknologi.", section=section)
    assert s.sak_kind is None and s.sak_status is None


# (statement, dekar)
AREAS = [
    ("200 dekar næringsareal", 200.0),
    ("Regulerer 35 mål til næring", 35.0),
    ("12 hektar til Teknologiparken Nord", 120.0),
    ("en tomt på 50 000 m² ved E6", 50.0),
    ("50 000 m2 næringsareal", 50.0),
    ("1,5 km² industriområde", 1500.0),
    ("100–150 dekar", 150.0),
    ("ser på en tomt på 200 dekar for datasenter på Skarnes", 200.0),
    ("et bygg på 8 000 m²", None),  # floor space, not land
    ("mål om 300 nye arbeidsplasser", None),
    ("har som mål å få 50 bedrifter", None),
    ("hotell med 120 rom", None),
]


@pytest.mark.parametrize(("text", "daa"), AREAS, ids=[t for t, _ in AREAS])
def test_area_in_dekar(text, daa):
    from etl.extract.quantities import extract_area_daa

    assert extract_area_daa(text) == daa
