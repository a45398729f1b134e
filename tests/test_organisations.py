"""Organisations: the curated list and the conservative heuristics, both ways."""

from __future__ import annotations

import pytest

from etl.extract.organisations import extract_organisations, known_organisations

CASES = [
    # curated list, canonical names
    ("Forsvaret etablerer et nytt logistikklager på Rygge.", ["Forsvaret"]),
    ("Kommunen samarbeider med Forsvarsbygg om et beredskapslager.", ["Forsvarsbygg"]),
    ("Nedleggelse av Blowtech-fabrikken (70 ansatte).", ["Blowtech"]),
    ("Nytt omsorgssenter og regionsenterprosjekt med støtte fra Sparebankstiftelsen (70 mill. gave).", ["Sparebankstiftelsen"]),
    ("Gave fra Sparebankstiftelsen DNB", ["Sparebankstiftelsen DNB"]),
    ("Stor satsing på forsvarsindustri, inkl. mulig ny fabrikk fra Chemring Nobel.", ["Chemring Nobel"]),
    ("Møterekke om maritime næringer med OIFO, NorShipping og Osloregionen", ["OIFO", "Nor-Shipping"]),
    ("Helsesatsing og omorganisering av Oslo Business Region (OBR) fra nyttår.", ["Oslo Business Region"]),
    ("Fokus på teknologi, forsvar og samarbeid med NTNU og Høgskolen i Innlandet.", ["NTNU", "Høgskolen i Innlandet"]),
    ("Store datasenteretableringer (Microsoft + nytt prosjekt).", ["Microsoft"]),
    ("Nytt hotellprosjekt fra Bane Nor, med konferansemuligheter.", ["Bane NOR"]),
    ("Mapei åpner forskningssenter for betongteknologi.", ["Mapei"]),
    ("Koble til klynger (HealthTech, Helsetuben, Norway Health Tech).", ["HealthTech", "Helsetuben", "Norway Health Tech"]),
    ("Samarbeid med Hadeland og Raufoss-miljøet.", ["Raufoss Industripark"]),
    ("Seminar om forsvarsindustri, Mosseregionens Næringsutvikling (10. November)", ["Mosseregionens Næringsutvikling"]),
    ("Søknad til Innovasjon Norge og Forskningsrådet", ["Innovasjon Norge", "Forskningsrådet"]),
    ("Kongsberg Gruppen utvider i Kongsberg", ["Kongsberg Gruppen"]),
    # heuristics for unknown organisations
    ("Ny fabrikk: Hurdal Glass AS ansetter 40", ["Hurdal Glass AS"]),
    ("Nye Foo Bar ASA kjøper tomt", ["Foo Bar ASA"]),
    ("Oppstart for PowerCell på Fornebu", ["PowerCell"]),
    ("Nedleggelse av Tinfos-anlegget", ["Tinfos"]),
    ("I fjor åpnet Tesla et lager. Northvolt etablerer seg i Fredrikstad", ["Northvolt"]),
    ("Hadeland Glassverk kutter 25 årsverk etter svakt salg.", ["Hadeland Glassverk"]),  # name + head noun
    ("Gardermoen Næringspark har fått tre nye leietakere.", ["Gardermoen Næringspark"]),
    ("Frokostseminar om forsvarsindustri, Kongsberg Næringsforum", ["Kongsberg Næringsforum"]),
    ("Datasenterforum Norge, arrangør: Datasenterindustrien", ["Datasenterindustrien"]),  # named as organiser
    ("Konferanse i regi av Follo Næringsutvikling", ["Follo Næringsutvikling"]),
    ("Kommunen og NHO Oslo og Akershus har startet et samarbeid.", ["NHO Oslo og Akershus"]),
    ("Ahus har åpnet et nytt forskningsbygg.", ["Akershus universitetssykehus"]),
    ("Tilskudd fra Innovasjon Norge Oslo Viken og OUS", ["Innovasjon Norge Oslo Viken", "Oslo universitetssykehus"]),
    # negatives: places, people, months, common words, lower case
    ("Treforedlingsbedriften på Follum legger ned driften.", []),  # a place after "på", not the subject
    ("Langhus næringspark får to nye logistikkbedrifter.", []),  # lower-case head noun: a place name
    ("Satsing på Helse Og Innovasjon", []),  # a head noun after a common word
    ("Arrangør: Lillestrøm kommune", []),
    ("Stedsutvikling på Roa.", []),
    ("Nye næringsparker og hotellprosjekt i Askim.", []),
    ("Seminar om kjernekraft 11. November, velkommen til å delta.", []),
    ("Ønske om å bli inkludert i Oslo/Akershus mobilitetsplan.", []),
    ("Kommunen bygger ny skole", []),
    ("Regjeringen investerer i vei", []),
    ("Oslo åpner for flere kontorer", []),
    ("Askim-fabrikken legges ned", []),  # a place glued to -fabrikken
    ("Besøk hos Elverum for samarbeid om helse og beredskap.", []),
    ("Sekretariatet justerer beskrivelsene og sender til KG for behandling.", []),
    ("Bekymring for kutt i statsbudsjettet: FOR-region og kompetansesporet foreslått fjernet.", []),
    ("ruter og nav i småskrift", []),
    ("Vi åpner dørene", []),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_extract_organisations(text, expected):
    assert extract_organisations(text) == expected


def test_exclude_drops_people():
    text = "Anne Solheim åpner seminaret"
    assert extract_organisations(text) == ["Anne Solheim"]  # the heuristic cannot tell people from firms
    assert extract_organisations(text, exclude=["Anne Solheim"]) == []


def test_curated_list_covers_the_seed_organisations():
    known = set(known_organisations())
    assert {"Chemring Nobel", "Microsoft", "Sparebankstiftelsen", "NTNU", "Høgskolen i Innlandet", "Bane NOR",
            "Mapei", "Blowtech", "NAV", "Innovasjon Norge", "Oslo Business Region", "OIFO", "Nor-Shipping",
            "NOKIOS", "LUNA", "Nammo", "Kongsberg Gruppen", "Equinor", "Statkraft", "Elvia", "Google",
            "Green Mountain", "Bulk Infrastructure", "Stack Infrastructure", "Norway Health Tech",
            "HealthTech", "Helsetuben", "Mosseregionens Næringsutvikling"} <= known  # fmt: skip
