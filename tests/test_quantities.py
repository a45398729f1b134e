"""Jobs and NOK amounts: snippet tables with positives and negatives."""

from __future__ import annotations

import pytest

from etl.extract.quantities import extract_amount_nok, extract_jobs

JOBS = [
    ("Nedleggelse av Blowtech-fabrikken (70 ansatte).", 70),
    ("Gir 300 nye stillinger i regionen", 300),
    ("150 arbeidsplasser forsvinner", 150),
    ("ca. 1 200 jobber skapes", 1200),
    ("Bedriften mister 40 årsverk", 40),
    ("ca. 1\u00a0200 jobber", 1200),  # no-break space
    ("ca. 1\u202f200 jobber", 1200),  # narrow no-break space
    ("1.200 ansatte ved anlegget", 1200),
    ("Mellom 100-150 nye arbeidsplasser", 150),  # range: upper bound
    ("100 til 150 arbeidsplasser", 150),
    ("Ansatte 5 nye medarbeidere i år", 5),
    ("Rundt 60 faste ansatte", 60),
    # blind set: a shortage names a count of people
    ("Det mangler rundt 400 fagarbeidere i regionen.", 400),
    ("Bransjen melder om mangel på 120 sykepleiere.", 120),
    ("Permitterer 25 midlertidige ansatte", 25),
    ("En stilling er ledig", None),  # no number
    ("100 bedriftsbesøk med funn", None),
    ("Seminar om kjernekraft 11. November", None),
    ("Handlingsprogram 2026", None),
    ("70 mill. gave", None),
    ("Arbeid langs E134", None),
    ("Kontakt 22 33 44 55", None),
    ("Ansatte i kommunen er fornøyde", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), JOBS)
def test_extract_jobs(text, expected):
    assert extract_jobs(text) == expected


AMOUNTS = [
    ("støtte fra Sparebankstiftelsen (70 mill. gave).", 70_000_000),
    ("4,5 mill. kroner til forprosjekt", 4_500_000),
    ("investerer 2,3 milliarder kroner", 2_300_000_000),
    ("en investering på 2,3 mrd.", 2_300_000_000),
    ("tilskudd på 500 000 kroner", 500_000),
    ("kr 250 000 i støtte", 250_000),
    ("kr. 250 000 i støtte", 250_000),
    ("NOK 1,2 millioner fra fondet", 1_200_000),
    ("Rammen er MNOK 15", 15_000_000),
    ("Rammen er 15 MNOK", 15_000_000),
    ("øke terskel for små innkjøp fra 100 000 til 300 000 kroner.", 300_000),  # range: upper bound
    ("fikk 1,5 mill", 1_500_000),
    ("fikk 1.5 mill", 1_500_000),
    ("50 000,- i premie", 50_000),
    ("250\u00a0000 kr", 250_000),
    ("1\u202f000\u202f000 kroner", 1_000_000),
    ("3 millioner kroner", 3_000_000),
    ("200 kroner per deltaker", 200),
    ("Budsjett 2026", None),  # a year
    ("Møte 11. november 2025", None),  # a date
    ("Vekst på 4,5 %", None),  # a percentage
    ("Vekst på 4,5 prosent", None),
    ("Kommunenummer 3201", None),
    ("Næringsarealer langs E134 og E16", None),
    ("Ring 22 33 44 55", None),
    ("100 bedriftsbesøk", None),  # a bare number is not an amount
    ("70 ansatte", None),
    ("Over 2 millioner innbyggere", None),
    ("5 millioner passasjerer i året", None),
    ("Fra 2026-kroner til 2027", None),
    ("Kraftkrevende industri", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), AMOUNTS)
def test_extract_amount_nok(text, expected):
    assert extract_amount_nok(text) == expected


def test_first_amount_wins():
    assert extract_amount_nok("5 mill. kroner i år og 10 mill. kroner neste år") == 5_000_000
