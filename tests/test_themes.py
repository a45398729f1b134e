"""Theme classification: every seed round-table statement, plus hand-made snippets."""

from __future__ import annotations

import pytest

from etl.extract.themes import classify, load_taxonomy, theme_labels

# (unit, statement text, themes a careful reader tags) — all 38 round-table
# statements of tests/fixtures/minutes/seed-referat-2025-10-23.txt.
SEED_ROUND_TABLE: list[tuple[str, str, list[str]]] = [
    ("Oslo", "Bekymring for kutt i statsbudsjettet: FOR-region og kompetansesporet foreslått fjernet.", ["kompetanse", "offentlig_okonomi"]),
    ("Oslo", "Kompetansebehov-prosjekt vant Fyrlyktprisen på NOKIOS.", ["kompetanse"]),
    ("Oslo", "Møterekke om maritime næringer med OIFO, NorShipping og Osloregionen – tre globale aktører presenterte nylig.", ["maritim"]),
    ("Oslo", "Helsesatsing og omorganisering av Oslo Business Region (OBR) fra nyttår. Ønsker samarbeid med Osloregionen og foreslår å invitere daglig leder til senere møte.", ["helsenaering"]),
    ("Asker", "Stor satsing på forsvarsindustri, inkl. mulig ny fabrikk fra Chemring Nobel.", ["forsvar", "industri"]),
    ("Asker", "Seminar om kjernekraft 11. November, velkommen til å delta.", ["energi"]),
    ("Asker", "Arbeid med kvalitetssikring av næringsarealer langs E134.", ["naeringsarealer"]),
    ("Asker", "Fokus på helseteknologi og «En vei inn»-portal for kommuner og leverandører.", ["helsenaering"]),
    ("Asker", "Kostnadskutt i næringsbudsjettet i kommunen.", ["offentlig_okonomi"]),
    ("Søndre Østfold", "Ny fylkesplan med sterk begrensning på næringsarealer – stor motstand.", ["naeringsarealer"]),
    ("Søndre Østfold", "Viken Park-prosjekt møter økende innvendinger.", ["naeringsarealer"]),
    ("Søndre Østfold", "Kommunene ønsker tettere regionalt samarbeid om næring.", []),
    ("Søndre Østfold", "Innsiktsarbeid: 100 bedriftsbesøk med funn om kontakt med kommunene og NAV.", ["naeringsvennlig"]),
    ("Kongsberg", "Workshops med næringsliv for å definere vekstprofil.", []),
    ("Kongsberg", "Utfordringer med mobilitet og arbeidskraft.", ["kompetanse", "samferdsel"]),
    ("Kongsberg", "Satsing på sirkulære næringsparker og helsenæring.", ["helsenaering", "naeringsarealer", "sirkulaer"]),
    ("Kongsberg", "Besøk hos Elverum for samarbeid om helse og beredskap.", ["beredskap", "helsenaering"]),
    ("Ringeriksregionen", "Fornyelse av samarbeid etter lederavgang.", []),
    ("Ringeriksregionen", "Fokus på LUNA-samarbeid og kompetansebehov.", ["kompetanse"]),
    ("Ringeriksregionen", "Ringeriksbanen og E16 er kritiske prosjekter.", ["samferdsel"]),
    ("Ringeriksregionen", "Ønske om å bli inkludert i Oslo/Akershus mobilitetsplan.", ["samferdsel"]),
    ("Gran", "Stedsutvikling og boligkonferanse.", ["stedsutvikling", "bolig"]),
    ("Gran", "Nytt omsorgssenter og regionsenterprosjekt med støtte fra Sparebankstiftelsen (70 mill. gave).", ["stedsutvikling"]),
    ("Gran", "Samarbeid med Hadeland og Raufoss-miljøet.", ["industri"]),
    ("Indre Østfold", "Satsing på utdanningstilbud innen tekniske og merkantile fag.", ["kompetanse"]),
    ("Indre Østfold", "Nye næringsparker og hotellprosjekt i Askim.", ["naeringsarealer", "reiseliv"]),
    ("Indre Østfold", "Store datasenteretableringer (Microsoft + nytt prosjekt).", ["datasenter"]),
    ("Lunner", "Ventemodus, men noe bevegelse på næringsbygg.", ["naeringsarealer"]),
    ("Lunner", "Stedsutvikling på Roa.", ["stedsutvikling"]),
    ("Kongsvingerregionen", "Nedleggelse av Blowtech-fabrikken (70 ansatte).", ["industri"]),
    ("Kongsvingerregionen", "Nytt hotellprosjekt fra Bane Nor, med konferansemuligheter.", ["reiseliv"]),
    ("Kongsvingerregionen", "Utfordringer med reiselivssamarbeid og stram økonomi.", ["reiseliv", "offentlig_okonomi"]),
    ("Kongsvingerregionen", "Ny næringsarealplan med energiperspektiv.", ["naeringsarealer", "energi"]),
    ("Kongsvingerregionen", "Mapei åpner forskningssenter for betongteknologi.", ["innovasjon"]),
    ("Hamarregionen", "Grønt industriløft og ringvirkningsanalyser.", ["industri", "klima"]),
    ("Hamarregionen", "Store datasentre gir betydelig lokal effekt.", ["datasenter"]),
    ("Hamarregionen", "Fokus på teknologi, forsvar og samarbeid med NTNU og Høgskolen i Innlandet.", ["forsvar", "innovasjon"]),
    ("Hamarregionen", "Utfordringer med krafttilgang og behov for endret syn på vindkraft.", ["energi"]),
]


def test_seed_table_is_the_whole_round_table():
    assert len(SEED_ROUND_TABLE) == 38
    assert len({u for u, *_ in SEED_ROUND_TABLE}) == 10


@pytest.mark.parametrize(("unit", "text", "expected"), SEED_ROUND_TABLE, ids=[t[:40] for _, t, _ in SEED_ROUND_TABLE])
def test_seed_round_table_themes(unit, text, expected):
    assert classify(text) == expected


@pytest.mark.parametrize(
    ("theme", "units"),
    [
        ("forsvar", {"Asker", "Hamarregionen"}),
        ("datasenter", {"Indre Østfold", "Hamarregionen"}),
        ("helsenaering", {"Oslo", "Asker", "Kongsberg"}),
    ],
)
def test_the_bar_units_per_theme(theme, units):
    assert {u for u, text, _ in SEED_ROUND_TABLE if theme in classify(text)} == units


SNIPPETS = [
    ("Nytt datasenter på Gardermoen", ["datasenter"]),
    ("Flere skydatasentre planlegges", ["datasenter"]),
    ("Forsvaret bygger ut på Rena", ["forsvar"]),
    ("Det er forsvarlig å vente", []),  # forsvarlig ≠ forsvar
    ("Økt fokus på beredskap i kommunene", ["beredskap"]),
    ("Helse- og omsorgstjenester styrkes", []),
    ("Helse og omsorg har fått mer penger", []),
    ("Ny klynge for life science", ["helsenaering", "innovasjon"]),
    ("Nytt omsorgssenter åpner", []),
    ("Mangel på arbeidskraft i byggenæringen", ["kompetanse"]),
    ("Sterk vekst i bruken av kraft til industri", ["energi", "industri"]),
    ("Behov for havvind og solceller", ["energi"]),
    ("Økt press på strømnettet", ["energi"]),
    ("Gjenbruk av masser og sirkulære løsninger", ["sirkulaer"]),
    ("Ny godsterminal og bedre kollektivtilbud", ["samferdsel"]),
    ("Follobanen åpnet i fjor", ["samferdsel"]),
    ("Nytt ferjeleie og bedre fergesamband", ["samferdsel"]),
    ("Autonome ferger testes i Oslofjorden", []),  # a ferry as technology is not a transport link
    ("Ny kunnskapspark ved campus", ["innovasjon"]),
    ("Oslo Innovation Week i september", ["innovasjon"]),
    ("Ledige tomter langs E6", ["naeringsarealer"]),
    ("Turister strømmer til Hvaler", ["reiseliv"]),
    ("Sentrumsutvikling i Moss", ["stedsutvikling"]),
    ("Boligbyggingen har stoppet opp", ["bolig"]),
    ("Ny havn for cruise", ["reiseliv", "maritim"]),  # cruise traffic is tourism
    ("Kan havne i en vanskelig situasjon", []),
    ("Satsing på kunstig intelligens og digitalisering", ["innovasjon"]),
    ("Ny fabrikk for batterier", ["industri"]),
    ("Hydro åpner ny produksjonslinje", ["industri"]),
    ("Budsjettet for 2026 er vedtatt", ["offentlig_okonomi"]),
    ("Internasjonal profilering på MIPIM", ["internasjonal"]),
    ("Internasjonal arbeidskraft og språkopplæring", ["kompetanse"]),
    ("Kortere saksbehandlingstid for byggesaker", ["naeringsvennlig"]),
    ("Klima og miljø i anskaffelser", ["klima"]),
    ("Godt arbeidsmiljø på verkstedet", []),
    ("Kommunene ønsker mer kontakt", []),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), SNIPPETS)
def test_snippets(text, expected):
    assert classify(text) == expected


def test_order_follows_taxonomy_and_no_duplicates():
    got = classify("Klima, datasentre, datasenter og mer klima")
    assert got == ["datasenter", "klima"]


def test_labels_have_norwegian_names_in_taxonomy_order():
    labels = theme_labels()
    assert list(labels)[:2] == ["datasenter", "forsvar"]
    assert labels["helsenaering"] == "Helsenæring"
    assert labels["offentlig_okonomi"] == "Offentlig økonomi og budsjett"
    required = {"datasenter", "forsvar", "helsenaering", "naeringsarealer", "energi", "sirkulaer", "kompetanse",
                "samferdsel", "reiseliv", "stedsutvikling", "maritim", "innovasjon", "offentlig_okonomi",
                "internasjonal", "naeringsvennlig", "industri", "klima"}  # fmt: skip
    assert required <= set(labels)


def test_taxonomy_is_cached_and_user_file_is_honoured(tmp_path, monkeypatch):
    assert load_taxonomy() is load_taxonomy()
    custom = tmp_path / "tax.toml"
    custom.write_text(
        '[[theme]]\nid = "ost"\nname = "Ost"\nstems = ["ost"]\ncompound_stems = ["geitost"]\nexclude = ["ostehøvel"]\n',
        encoding="utf-8",
    )
    tax = load_taxonomy(custom)
    assert classify("Brunost og ostekake", tax) == ["ost"]
    assert classify("Brunost", tax) == []  # plain stems match at word start only
    assert classify("Rømmegeitost", tax) == ["ost"]  # compound-safe stems match inside words
    assert classify("En ostehøvel", tax) == []  # veto
    monkeypatch.setenv("NAERINGSPULS_TAXONOMY", str(custom))
    assert theme_labels(load_taxonomy()) == {"ost": "Ost"}
