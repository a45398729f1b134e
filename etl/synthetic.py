"""Synthetic minutes in the seed's layout, for fixture databases and benchmarks.

The text goes through the real readers and parser, so a database built from it
exercises the whole pipeline.  Content is drawn from templates per theme, with a
deliberate trend (forsvar and datasenter grow over time, reiseliv shrinks) so
trend charts have something to show.  Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from etl.vocab import MONTH_NAMES as MONTHS

UNITS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Oslo kommune", ("Anne Solheim",)),
    ("Asker kommune", ("Asbjørn Flo",)),
    ("Bærum kommune", ("Hilde Berg", "Knut Aas")),
    ("Lillestrøm kommune", ("Kari Holm",)),
    ("Nordre Follo kommune", ("Per Hansen",)),
    ("Drammen kommune", ("Lise Moen",)),
    ("Søndre Østfold", ("Gina Finsrud",)),
    ("Indre Østfold", ("Terje Myrseth",)),
    ("Kongsberg kommune", ("Ingar Vaskinn",)),
    ("Ringeriksregionen", ("Ingvild Haraldsen",)),
    ("Gran kommune", ("Johnny Gangsø",)),
    ("Lunner kommune", ("Torstein Brandrud",)),
    ("Kongsvingerregionen", ("Tove Kristin Gulbrandsen",)),
    ("Hamarregionen", ("Eli Bryhni",)),
    ("Mosseregionen", ("Ola Strand",)),
    ("Ullensaker kommune", ("Marit Lie",)),
)

# (theme, weight at start, weight at end, templates)
TEMPLATES: tuple[tuple[str, float, float, tuple[str, ...]], ...] = (
    ("forsvar", 0.5, 3.0, (
        "Stor satsing på forsvarsindustri, inkl. mulig ny fabrikk fra {org_def}.",
        "{org_def} planlegger {jobs} nye stillinger innen forsvarsindustri.",
        "Dialog med Forsvarsbygg om nye arealer til forsvaret.",
        "Seminar om forsvarsindustri og beredskap {day}. {month}.",
    )),
    ("datasenter", 0.5, 2.5, (
        "Store datasenteretableringer ({org_dc} + nytt prosjekt).",
        "Nytt datasenter fra {org_dc} gir {jobs} arbeidsplasser.",
        "Utfordringer med krafttilgang for planlagte datasentre.",
    )),
    ("helsenaering", 1.0, 1.5, (
        "Fokus på helseteknologi og samarbeid med sykehuset.",
        "Helsesatsing: ny klynge for helsenæring etableres.",
        "Tilskudd på {mill} mill. kroner til helseinnovasjon.",
    )),
    ("naeringsarealer", 1.5, 1.5, (
        "Arbeid med kvalitetssikring av næringsarealer langs {road}.",
        "Ny næringsarealplan med energiperspektiv.",
        "Ny fylkesplan med sterk begrensning på næringsarealer – stor motstand.",
    )),
    ("reiseliv", 1.5, 0.5, (
        "Nytt hotellprosjekt med konferansemuligheter.",
        "Utfordringer med reiselivssamarbeid og stram økonomi.",
    )),
    ("industri", 1.0, 1.0, (
        "Nedleggelse av {org_ind}-fabrikken ({jobs} ansatte).",
        "{org_ind} åpner ny produksjonslinje med {jobs} nye stillinger.",
    )),
    ("kompetanse", 1.0, 1.0, (
        "Satsing på utdanningstilbud innen tekniske og merkantile fag.",
        "Utfordringer med mobilitet og arbeidskraft.",
    )),
    ("energi", 1.0, 1.5, (
        "Seminar om kjernekraft {day}. {month}, velkommen til å delta.",
        "Utfordringer med krafttilgang og behov for endret syn på vindkraft.",
    )),
    ("stedsutvikling", 1.0, 1.0, (
        "Stedsutvikling og boligkonferanse.",
        "Nytt regionsenterprosjekt med støtte fra Sparebankstiftelsen ({mill} mill. gave).",
    )),
)

ORGS_DEF = ("Chemring Nobel", "Nammo", "Kongsberg Gruppen")
ORGS_DC = ("Microsoft", "Google", "Green Mountain")
ORGS_IND = ("Blowtech", "Mapei", "Hydro")
ROADS = ("E134", "E16", "E6", "E18")


def _pick_template(rng: random.Random, progress: float) -> str:
    weights = [w0 + (w1 - w0) * progress for _, w0, w1, _ in TEMPLATES]
    _, _, _, templates = rng.choices(TEMPLATES, weights=weights)[0]
    return rng.choice(templates)


def _fill(template: str, rng: random.Random, date: dt.date) -> str:
    later = date + dt.timedelta(days=rng.randint(7, 40))
    return template.format(
        org_def=rng.choice(ORGS_DEF),
        org_dc=rng.choice(ORGS_DC),
        org_ind=rng.choice(ORGS_IND),
        jobs=rng.choice((20, 45, 70, 120, 300)),
        mill=rng.choice((5, 12, 70)),
        road=rng.choice(ROADS),
        day=later.day,
        month=MONTHS[later.month - 1],
    )


def minutes_text(date: dt.date, rng: random.Random, *, progress: float = 0.5, n_units: int = 10) -> str:
    """One meeting's minutes in the seed's layout (title, Tid/Sted, agenda, round table)."""
    units = rng.sample(UNITS, k=min(n_units, len(UNITS)))
    lines = [
        " Referat fra Osloregionens faggruppe for Næringssamarbeid  ",
        "",
        f"Tid: {date.day}. {MONTHS[date.month - 1]} {date.year}, kl. 09:00-11:00 ",
        "",
        "Sted: Teams ",
        "",
        "Tilstede på møtet:  ",
        "",
    ]
    for unit, people in units:
        lines += [f"• {people[0]} ", ""]
    lines += [
        "Møteleder: Eli Arnkværn Bryhni, leder Næringsgruppen ",
        "Sekretariat: Mari Strømsvåg ",
        "",
        "Sak 1. Godkjenning av innkalling og dagsorden ",
        "Innkalling og dagsorden ble godkjent. ",
        "",
        "Sak 2. Runde rundt bordet ",
        "Kort oppsummering av hovedpunkter fra kommunene: ",
        "",
    ]
    for unit, people in units:
        lines.append(f"• {unit} ({people[0]}): ")
        for _ in range(rng.randint(2, 5)):
            lines.append(f"o {_fill(_pick_template(rng, progress), rng, date)} ")
        lines.append("")
    lines += [
        "Vedtak: Orienteringene tas til etterretning. ",
        "",
        "Sak 3. Eventuelt ",
        "• Ingen saker. ",
        "",
    ]
    return "\n".join(lines)


def write_minutes(folder: Path, n_meetings: int, *, start: dt.date = dt.date(2024, 1, 18), seed: int = 7) -> list[Path]:
    """Write ``n_meetings`` monthly-ish minutes to ``folder``; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(n_meetings):
        date = start + dt.timedelta(days=round(i * 30.4))
        progress = i / max(n_meetings - 1, 1)
        path = folder / f"referat-{date:%Y-%m-%d}-{i:05d}.txt"
        path.write_text(minutes_text(date, rng, progress=progress), encoding="utf-8")
        paths.append(path)
    return paths
