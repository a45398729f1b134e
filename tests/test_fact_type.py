"""Fact types: the seed's must-haves, the priority order, and one row per rule."""

from __future__ import annotations

import pytest

from etl.extract.fact_type import classify_fact_type
from etl.vocab import FACT_TYPES

SEED = [
    ("Nedleggelse av Blowtech-fabrikken (70 ansatte).", "nedleggelse"),
    ("Nytt omsorgssenter og regionsenterprosjekt med støtte fra Sparebankstiftelsen (70 mill. gave).", "finansiering"),
    ("Mapei åpner forskningssenter for betongteknologi.", "etablering"),
    ("Store datasenteretableringer (Microsoft + nytt prosjekt).", "etablering"),
    ("Seminar om kjernekraft 11. November, velkommen til å delta.", "arrangement"),
    ("Kostnadskutt i næringsbudsjettet i kommunen.", "utfordring"),
    ("Bekymring for kutt i statsbudsjettet: FOR-region og kompetansesporet foreslått fjernet.", "utfordring"),
    ("Kompetansebehov-prosjekt vant Fyrlyktprisen på NOKIOS.", "annet"),
    ("Møterekke om maritime næringer med OIFO, NorShipping og Osloregionen – tre globale aktører presenterte nylig.", "arrangement"),
    ("Stor satsing på forsvarsindustri, inkl. mulig ny fabrikk fra Chemring Nobel.", "etablering"),
    ("Arbeid med kvalitetssikring av næringsarealer langs E134.", "plan"),
    ("Fokus på helseteknologi og «En vei inn»-portal for kommuner og leverandører.", "plan"),
    ("Ny fylkesplan med sterk begrensning på næringsarealer – stor motstand.", "utfordring"),
    ("Viken Park-prosjekt møter økende innvendinger.", "utfordring"),
    ("Kommunene ønsker tettere regionalt samarbeid om næring.", "samarbeid"),
    ("Innsiktsarbeid: 100 bedriftsbesøk med funn om kontakt med kommunene og NAV.", "plan"),
    ("Workshops med næringsliv for å definere vekstprofil.", "arrangement"),
    ("Utfordringer med mobilitet og arbeidskraft.", "utfordring"),
    ("Satsing på sirkulære næringsparker og helsenæring.", "plan"),
    ("Besøk hos Elverum for samarbeid om helse og beredskap.", "samarbeid"),
    ("Fornyelse av samarbeid etter lederavgang.", "samarbeid"),
    ("Fokus på LUNA-samarbeid og kompetansebehov.", "samarbeid"),
    ("Ringeriksbanen og E16 er kritiske prosjekter.", "plan"),
    ("Ønske om å bli inkludert i Oslo/Akershus mobilitetsplan.", "plan"),
    ("Stedsutvikling og boligkonferanse.", "arrangement"),
    ("Samarbeid med Hadeland og Raufoss-miljøet.", "samarbeid"),
    ("Satsing på utdanningstilbud innen tekniske og merkantile fag.", "plan"),
    ("Nye næringsparker og hotellprosjekt i Askim.", "etablering"),
    ("Ventemodus, men noe bevegelse på næringsbygg.", "utfordring"),
    ("Stedsutvikling på Roa.", "plan"),
    ("Nytt hotellprosjekt fra Bane Nor, med konferansemuligheter.", "etablering"),
    ("Utfordringer med reiselivssamarbeid og stram økonomi.", "utfordring"),
    ("Ny næringsarealplan med energiperspektiv.", "plan"),
    ("Grønt industriløft og ringvirkningsanalyser.", "plan"),
    ("Store datasentre gir betydelig lokal effekt.", "annet"),
    ("Utfordringer med krafttilgang og behov for endret syn på vindkraft.", "utfordring"),
]


@pytest.mark.parametrize(("text", "expected"), SEED)
def test_seed_statements(text, expected):
    assert classify_fact_type(text) == expected


RULES = [
    # blind set (tests/fixtures/blind): general rules added after the blind evaluation
    ("Et nytt datasenter på Holmen er stoppet fordi nettet er fullt.", "utfordring"),
    ("Ny terminalutbygging utsettes til etter 2030.", "utfordring"),
    ("Glassverket kutter 25 årsverk etter svakt salg.", "nedleggelse"),
    ("Næringsparken har fått en ny produsent av batterikomponenter.", "etablering"),
    ("Næringsparken har fått tre nye leietakere innen logistikk.", "etablering"),
    ("Industriområdet skal transformeres til bolig og næring.", "plan"),
    # one clear example per type, then the priority order between them
    ("Fabrikken legges ned til sommeren", "nedleggelse"),
    ("Bedriften stenger avdelingen på Ski", "nedleggelse"),
    ("Permitteringer ved sagbruket", "nedleggelse"),
    ("Oppsigelser i kommunen", "nedleggelse"),
    ("Industrien mister 40 arbeidsplasser", "nedleggelse"),
    ("Tilskudd på 2 mill. kroner fra fylket", "finansiering"),
    ("Søker tilskudd fra Innovasjon Norge", "finansiering"),
    ("Ny fabrikk gir 300 nye stillinger", "etablering"),
    ("Tesla etablerer seg på Gardermoen", "etablering"),
    ("Mangel på fagarbeidere", "utfordring"),
    ("Frokostmøte om eiendom 3. mars", "arrangement"),
    ("Webinar for næringslivet", "arrangement"),
    ("Partnerskap med NTNU", "samarbeid"),
    ("Dialog med Forsvarsbygg om nye arealer til forsvaret.", "samarbeid"),
    ("Mer støtte til kommunene", "annet"),  # support, not funding
    ("Bruke næringsklynger mer aktivt og inkludere næringslivet som partner.", "samarbeid"),
    ("Kartlegging av næringsarealer", "plan"),
    ("Ny strategi for reiseliv", "plan"),
    ("Møtet opplevdes nyttig og effektivt.", "annet"),
    ("", "annet"),
    # priority: nedleggelse beats etablering and utfordring
    ("Nedleggelse av fabrikken, men ny fabrikk åpner i Moss", "nedleggelse"),
    # priority: funding with an amount beats etablering
    ("Nytt hotell med støtte på 5 mill. kroner", "finansiering"),
    # without a funding word, an amount does not beat etablering
    ("Nytt datasenter til 2 mrd. kroner", "etablering"),
    # priority: etablering beats utfordring
    ("Ny fabrikk åpner tross bekymring for kraft", "etablering"),
    # priority: utfordring beats plan and samarbeid
    ("Utfordringer i samarbeidet om ny plan", "utfordring"),
    # priority: arrangement beats samarbeid
    ("Seminar om samarbeid med næringslivet", "arrangement"),
    # a bare amount with nothing else
    ("Ramme på 500 000 kroner", "finansiering"),
    ("Forslag om å øke terskel for små innkjøp fra 100 000 til 300 000 kroner.", "plan"),
]


@pytest.mark.parametrize(("text", "expected"), RULES)
def test_rules_and_priority(text, expected):
    assert classify_fact_type(text) == expected


def test_result_is_always_in_the_vocabulary():
    for text, _ in SEED + RULES:
        assert classify_fact_type(text) in FACT_TYPES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mosseregionens Næringsutvikling har fått 3 mill. kroner til et forsvarsnettverk.", "finansiering"),
        ("Kjeller Innovasjon får 15 mill. kroner fra Innovasjon Norge.", "finansiering"),
        ("Kommunen har fått nye eiere.", "annet"),
    ],
)
def test_receiving_an_amount_is_funding(text, expected):
    assert classify_fact_type(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brakar bygger nytt bussdepot på Lierstranda med 60 arbeidsplasser.", "etablering"),
        ("Datasenteret på Kjeller er under bygging.", "etablering"),
        ("Equinor flytter 400 ansatte fra Fornebu til Bergen.", "nedleggelse"),
        ("Equinor flytter til nye lokaler på Fornebu.", "etablering"),
    ],
)
def test_building_and_moving(text, expected):
    assert classify_fact_type(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chemring Nobel starter byggingen av den nye fabrikken i januar.",
        "Chemring Nobel har fått byggetillatelse for den nye fabrikken i Heggedal.",
        "Første spadetak for logistikksenteret tas i mars.",
    ],
)
def test_construction_steps_are_establishments(text):
    assert classify_fact_type(text) == "etablering"


# Rules that read a word in its context (docs/extraction.md, "Known weaknesses").
IN_CONTEXT = [
    # --- negation ---
    # a negation shortly before an event or a challenge cancels it
    ("Ingen nedleggelser eller permitteringer i perioden.", "annet"),
    ("Ingen nye datasenteretableringer i år.", "annet"),
    ("Kommunen har ikke fått noen nye etableringer.", "annet"),
    ("Ingen nye fabrikker er varslet.", "annet"),
    ("Det er ikke planlagt nye nedleggelser.", "plan"),
    ("Byggingen gikk uten problemer og forsinkelser.", "annet"),
    # emphasis is not negation
    ("Ikke bare nye arbeidsplasser, men også boliger.", "etablering"),
    ("Det er ikke uvanlig med forsinkelser i slike prosjekter.", "utfordring"),
    # a negation far from the event word, or about something else, leaves it alone
    ("Ingen vet ennå hvor mange som mister jobben når fabrikken legges ned.", "nedleggelse"),
    ("Bedriften har ikke søkt om støtte, men stenger avdelingen på Ski.", "nedleggelse"),
    ("Fabrikken legges ned til sommeren.", "nedleggelse"),
    # --- moves out of the region ---
    # a business moved out of the member region (or abroad) takes its jobs with it
    ("Bedriften flytter produksjonen til Polen.", "nedleggelse"),
    ("Tine flytter produksjonen fra Oslo til Bergen i 2027.", "nedleggelse"),
    ("Bedriften flytter produksjonen til utlandet.", "nedleggelse"),
    # moves into or within the region are establishments
    ("Medtech-bedriften Vivit flytter hovedkontoret til Asker.", "etablering"),
    ("Bedriften flytter hovedkontoret til Gardermoen.", "etablering"),
    ("Firmaet flytter kontoret til Storgata 5.", "etablering"),
    ("Equinor flytter til nye lokaler på Fornebu.", "etablering"),
    ("Selskapet flytter hovedkontoret til Lysaker.", "etablering"),  # unknown to the gazetteer: a move
    ("Bedriften flytter produksjonen til Raufoss.", "nedleggelse"),  # in the gazetteer, outside the region
    # --- prices up, services down ---
    # rising prices and costs, and public services cut back, are challenges
    ("Bedriftene opplever at strømprisen har doblet seg.", "utfordring"),
    ("Boligbyggingen går ned på grunn av høye renter.", "utfordring"),
    ("Togtilbudet på Gjøvikbanen reduseres fra desember.", "utfordring"),
    ("Bussavgangene til Hurdal halveres.", "utfordring"),
    # growth in anything else, and cuts in emissions, are not
    ("Omsetningen har økt med 20 prosent.", "annet"),
    ("Utslippene reduseres med 30 prosent.", "annet"),
    ("Antall ansatte har økt.", "annet"),
    ("Ny fabrikk åpner tross høye strømpriser.", "etablering"),
    # --- land sales, 'sammen med', drafts ---
    ("Kommunen har solgt 40 dekar næringsareal på Kobbervikdalen til en logistikkaktør.", "etablering"),
    ("Kommunen har satt ned en omstillingsgruppe sammen med NAV og fylkeskommunen.", "samarbeid"),
    ("Kommunen lager en omstillingsplan sammen med NAV.", "plan"),  # a plan outranks "sammen med"
    ("Vi deltok på messen sammen med Innovasjon Norge.", "arrangement"),
    ("Sekretariatet la fram utkast til handlingsprogram for 2027.", "plan"),
    # --- hiring needs and trade fairs ---
    ("Nammo Raufoss trenger 250 nye operatører og fagarbeidere det neste året.", "utfordring"),
    ("Forsvarsindustrien i Mosseregionen søker 200 ingeniører.", "annet"),  # recruiting, as in the goldens
    ("Ny fabrikk åpner og trenger 100 nye ansatte.", "etablering"),
    ("Vi trenger 3 nye tomter.", "annet"),
    ("Osloregionen profilerer seg på Expo Real i München i oktober.", "arrangement"),
]


@pytest.mark.parametrize(("text", "expected"), IN_CONTEXT)
def test_words_in_context(text, expected):
    assert classify_fact_type(text) == expected
