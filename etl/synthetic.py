"""Synthetic minutes in the seed's layout, for fixture databases and benchmarks.

The text goes through the real readers and parser, so a database built from it
exercises the whole pipeline.  As in real minutes, members report the same
saker meeting after meeting while they move on: a datacenter project is
considered, regulated, approved, built and opened (or put on hold); a closure
is announced and carried out; land is regulated and sold.  Around those,
context statements are drawn per theme with a deliberate trend (forsvar and
datasenter grow over time, reiseliv shrinks) so trend charts have something to
show.  Deterministic for a given seed; :func:`write_labels` writes which sak
every line is about, in the format of ``etl.evaluate_saker``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

from etl.vocab import MONTH_NAMES as MONTHS

# (unit as written, reporters, places inside it where saker happen)
UNITS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Oslo kommune", ("Anne Solheim",), ("Ulven", "Økern", "Gaustad")),
    ("Asker kommune", ("Asbjørn Flo",), ("Heggedal", "Slemmestad", "Røyken")),
    ("Bærum kommune", ("Hilde Berg", "Knut Aas"), ("Fornebu", "Sandvika", "Lysaker")),
    ("Lillestrøm kommune", ("Kari Holm",), ("Kjeller", "Strømmen", "Fetsund")),
    ("Nordre Follo kommune", ("Per Hansen",), ("Ski", "Kolbotn", "Langhus")),
    ("Drammen kommune", ("Lise Moen",), ("Holmen", "Brakerøya", "Gulskogen")),
    ("Søndre Østfold", ("Gina Finsrud",), ("Sarpsborg", "Halden", "Fredrikstad")),
    ("Indre Østfold", ("Terje Myrseth",), ("Askim", "Mysen", "Spydeberg")),
    ("Kongsberg kommune", ("Ingar Vaskinn",), ("Kongsberg Næringspark", "Saggrenda", "Hvittingfoss")),
    ("Ringeriksregionen", ("Ingvild Haraldsen",), ("Hønefoss", "Follum", "Sundvollen")),
    ("Gran kommune", ("Johnny Gangsø",), ("Brandbu", "Jaren", "Bjoneroa")),
    ("Lunner kommune", ("Torstein Brandrud",), ("Roa", "Harestua", "Grua")),
    ("Kongsvingerregionen", ("Tove Kristin Gulbrandsen",), ("Kongsvinger", "Skarnes", "Flisa")),
    ("Hamarregionen", ("Eli Bryhni",), ("Brumunddal", "Stange", "Moelv")),
    ("Mosseregionen", ("Ola Strand",), ("Rygge", "Jeløy", "Kambo")),
    ("Ullensaker kommune", ("Marit Lie",), ("Gardermoen", "Jessheim", "Kløfta")),
)

# Context statements per theme: (theme, weight at start, weight at end, templates).
TEMPLATES: tuple[tuple[str, float, float, tuple[str, ...]], ...] = (
    ("forsvar", 0.5, 3.0, (
        "Stor satsing på forsvarsindustri og leverandørutvikling.",
        "Dialog med Forsvarsbygg om nye arealer til forsvaret.",
        "Seminar om forsvarsindustri og beredskap {day}. {month}.",
    )),
    ("datasenter", 0.5, 2.5, (
        "Store datasentre gir betydelig lokal effekt.",
        "Utfordringer med krafttilgang for planlagte datasentre.",
    )),
    ("helsenaering", 1.0, 1.5, (
        "Fokus på helseteknologi og samarbeid med sykehuset.",
        "Helsesatsing: arbeid med en klynge for helsenæring.",
    )),
    ("naeringsarealer", 1.5, 1.5, (
        "Arbeid med kvalitetssikring av næringsarealer langs {road}.",
        "Krevende marked for næringseiendom.",
    )),
    ("reiseliv", 1.5, 0.5, (
        "Utfordringer med reiselivssamarbeid og stram økonomi.",
        "Reiselivet melder om en god sommersesong.",
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
        "Arbeid med sentrumsutvikling og møteplasser.",
    )),
)

# How a sak of each kind moves on, and what members say at each stage.  {org},
# {place}, {jobs}, {area} and {mill} are the sak's own, fixed when it starts.
STAGES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "datasenter": (
        ("planlagt", ("{org} vurderer å etablere et datasenter på {place}.",
                      "Interesse fra {org} for et datasenter på {place}.")),
        ("regulering", ("Reguleringsplanen for datasenteret på {place} er sendt på høring.",
                        "{org} har søkt om konsesjon for datasenteret på {place}.")),
        ("vedtatt", ("Reguleringsplanen for datasenteret på {place} er vedtatt.",
                     "{org} har fått byggetillatelse for datasenteret på {place}.")),
        ("bygging", ("Byggestart for datasenteret på {place}; det gir {jobs} arbeidsplasser.",
                     "Datasenteret til {org} på {place} er under bygging.")),
        ("i_drift", ("{org} har satt datasenteret på {place} i drift med {jobs} ansatte.",
                     "Datasenteret på {place} er i drift.")),
    ),
    "etablering": (
        ("planlagt", ("{org} planlegger ny {thing} på {place} med {jobs} arbeidsplasser.",
                      "Mulig ny {thing} fra {org} på {place}.")),
        ("regulering", ("{org} har søkt om byggetillatelse for ny {thing} på {place}.",
                        "Den nye {thing}en på {place} er til behandling i kommunen.")),
        ("vedtatt", ("{org} har fått byggetillatelse for {thing}en på {place}.",
                     "Kommunen har godkjent {org} sin {thing} på {place}.")),
        ("bygging", ("Byggingen av {thing}en på {place} er i gang.",
                     "{org} har tatt første spadetak for {thing}en på {place}.")),
        ("i_drift", ("{org} har åpnet {thing}en på {place}, og {jobs} personer er ansatt.",
                     "Den nye {thing}en på {place} er åpnet.")),
    ),
    "nedleggelse": (
        ("nedlagt", ("{org} varsler nedleggelse av fabrikken på {place}, {jobs} ansatte berøres.",
                     "{org} legger ned produksjonen på {place}; {jobs} ansatte mister jobben.")),
        ("nedlagt", ("Nedleggelsen av {org}-fabrikken på {place} er gjennomført, {jobs} ansatte mistet jobben.",
                     "Fabrikken til {org} på {place} er nå stengt.")),
    ),
    "naeringsareal": (
        ("regulering", ("{area} dekar næringsareal på {place} er under regulering.",
                        "Reguleringsplan for {area} dekar næringsareal på {place} er på høring.")),
        ("vedtatt", ("Reguleringsplanen for {area} dekar næringsareal på {place} er vedtatt.",
                     "Næringsarealet på {place} er ferdig regulert.")),
        ("vedtatt", ("{area} dekar næringsareal på {place} er solgt til {org}.",
                     "Tomta på {place} er solgt til {org}.")),
    ),
    "finansiering": (
        ("vedtatt", ("{org} har fått {mill} mill. kroner i tilskudd fra Innovasjon Norge til utvikling på {place}.",
                     "Tilskudd på {mill} mill. kroner til {org} på {place}.")),
    ),
}
ORGS = {
    "datasenter": ("Microsoft", "Google", "Green Mountain", "Bulk Infrastructure", "Stack Infrastructure", "atNorth"),
    "etablering": ("Nammo", "Chemring Nobel", "Kongsberg Gruppen", "Mapei", "Borregaard", "Elkem"),
    "nedleggelse": ("Blowtech", "Norsk Hydro", "Orkla", "Nortura", "Yara"),
    "naeringsareal": ("Posten", "ASKO", "Nammo", "Equinor"),
    "finansiering": ("Mapei", "Borregaard", "Elkem", "Nortura"),
}
THINGS = ("fabrikk", "produksjonshall", "lagerbygning")
# How often each kind starts, at the start and at the end of the period (datacenters grow).
KIND_WEIGHTS = {"datasenter": (0.6, 2.0), "etablering": (1.2, 1.5), "nedleggelse": (0.6, 0.6),
                "naeringsareal": (0.8, 0.8), "finansiering": (0.4, 0.4)}  # fmt: skip
STOP_TEXT = "Prosjektet til {org} på {place} er satt på vent."
ROADS = ("E134", "E16", "E6", "E18")


@dataclass
class _Sak:
    sak: str
    kind: str
    unit: str
    values: dict[str, object]
    stage: int = -1
    stopped: bool = False


@dataclass
class Line:
    """One bullet and what it is about: its sak (None for context), status and figures."""

    text: str
    sak: str | None = None
    kind: str | None = None
    status: str | None = None
    jobs: int | None = None
    area: int | None = None
    amount: int | None = None


# Extra place names for a large archive (benchmarks): invented, one sak each.
_PLACE_HEADS = ("Berg", "Dal", "Haug", "Moe", "Vik", "Nes", "Li", "Rud", "Sand", "Bekk", "Skog", "Eng", "Stein",
                "Ås", "Holt")  # fmt: skip
_PLACE_TAILS = ("moen", "haugen", "åsen", "jordet", "tangen", "bakken", "sletta", "lia", "myra", "feltet", "byen",
                "vika")  # fmt: skip


@dataclass
class World:
    """The saker of a synthetic region as they move on.  ``extra_places`` lets each unit
    start many more saker than its three real places allow (benchmarks)."""

    rng: random.Random
    extra_places: bool = False
    saker: dict[str, list[_Sak]] = field(default_factory=dict)  # unit -> open saker
    used: set[tuple[str, str]] = field(default_factory=set)  # (unit, place) taken: one sak per place
    count: int = 0
    all: list[_Sak] = field(default_factory=list)

    def places(self, unit: str, real: tuple[str, ...]) -> tuple[str, ...]:
        if not self.extra_places:
            return real
        return real + tuple(f"{h}{t}" for h in _PLACE_HEADS for t in _PLACE_TAILS)


def _fill(template: str, rng: random.Random, date: dt.date) -> str:
    later = date + dt.timedelta(days=rng.randint(7, 40))
    return template.format(road=rng.choice(ROADS), day=later.day, month=MONTHS[later.month - 1])


def _pick_context(rng: random.Random, progress: float) -> str:
    weights = [w0 + (w1 - w0) * progress for _, w0, w1, _ in TEMPLATES]
    return rng.choice(rng.choices(TEMPLATES, weights=weights)[0][3])


def context_line(rng: random.Random, progress: float, date: dt.date) -> str:
    """A statement that names no sak (a topic, a concern, an event), themes trending with ``progress``."""
    return _fill(_pick_context(rng, progress), rng, date)


def _new_sak(world: World, unit: str, places: tuple[str, ...], progress: float) -> _Sak | None:
    rng = world.rng
    kinds = list(KIND_WEIGHTS)
    kind = rng.choices(kinds, weights=[a + (b - a) * progress for a, b in KIND_WEIGHTS.values()])[0]
    org, place = rng.choice(ORGS[kind]), rng.choice(world.places(unit, places))
    if (unit, place) in world.used:
        return None
    world.used.add((unit, place))
    world.count += 1
    values = {"org": org, "place": place, "jobs": rng.choice((25, 40, 60, 85, 120, 150, 300)),
              "area": rng.choice((35, 60, 120, 200, 450)), "mill": rng.choice((3, 5, 12, 20)),
              "thing": rng.choice(THINGS)}  # fmt: skip
    sak = _Sak(f"syn-{world.count:04d}", kind, unit, values)
    world.saker.setdefault(unit, []).append(sak)
    world.all.append(sak)
    return sak


def _report(sak: _Sak, rng: random.Random) -> Line:
    stages = STAGES[sak.kind]
    if sak.stopped:
        text, status = STOP_TEXT, "stanset"
    else:
        status, texts = stages[sak.stage]
        text = rng.choice(texts)
    v = sak.values
    line = Line(text.format(**v), sak.sak, sak.kind, status)
    line.jobs = v["jobs"] if "{jobs}" in text else None
    line.area = v["area"] if "{area}" in text else None
    line.amount = v["mill"] * 1_000_000 if "{mill}" in text else None
    return line


def round_table(world: World, unit: str, places: tuple[str, ...], date: dt.date, progress: float) -> list[Line]:
    """What one unit reports at one meeting: news of its saker, maybe a new one, and context."""
    rng = world.rng
    lines: list[Line] = []
    for sak in list(world.saker.get(unit, []))[:2]:
        if rng.random() < 0.3:
            continue  # not mentioned this time
        if not sak.stopped and rng.random() < 0.55:
            sak.stage += 1
            if sak.kind in ("datasenter", "etablering") and rng.random() < 0.06:
                sak.stopped = True
        sak.stage = min(sak.stage, len(STAGES[sak.kind]) - 1)
        lines.append(_report(sak, rng))
        if sak.stopped or sak.stage == len(STAGES[sak.kind]) - 1:
            world.saker[unit].remove(sak)  # reported finished: no more news
    if rng.random() < 0.45:
        sak = _new_sak(world, unit, places, progress)
        if sak is not None:
            sak.stage = 0
            lines.append(_report(sak, rng))
            if len(STAGES[sak.kind]) == 1:
                world.saker[unit].remove(sak)
    for _ in range(rng.randint(1, 3)):
        lines.append(Line(context_line(rng, progress, date)))
    return lines


def minutes_lines(date: dt.date, world: World, *, progress: float = 0.5, n_units: int = 10) -> tuple[str, list[Line]]:
    """One meeting's minutes in the seed's layout, and what each round-table line is about."""
    rng = world.rng
    units = rng.sample(UNITS, k=min(n_units, len(UNITS)))
    head = [" Referat fra Osloregionens faggruppe for Næringssamarbeid  ", "",
            f"Tid: {date.day}. {MONTHS[date.month - 1]} {date.year}, kl. 09:00-11:00 ", "", "Sted: Teams ", "",
            "Tilstede på møtet:  ", ""]  # fmt: skip
    for _, people, _ in units:
        head += [f"• {people[0]} ", ""]
    head += ["Møteleder: Eli Arnkværn Bryhni, leder Næringsgruppen ", "Sekretariat: Mari Strømsvåg ", "",
             "Sak 1. Godkjenning av innkalling og dagsorden ", "Innkalling og dagsorden ble godkjent. ", "",
             "Sak 2. Runde rundt bordet ", "Kort oppsummering av hovedpunkter fra kommunene: ", ""]  # fmt: skip
    reported: list[Line] = []
    for unit, people, places in units:
        head.append(f"• {unit} ({people[0]}): ")
        for line in round_table(world, unit, places, date, progress):
            head.append(f"o {line.text} ")
            reported.append(line)
        head.append("")
    head += ["Vedtak: Orienteringene tas til etterretning. ", "", "Sak 3. Eventuelt ", "• Ingen saker. ", ""]
    return "\n".join(head), reported


def _dates(n_meetings: int, start: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=round(i * 30.4)) for i in range(n_meetings)]


def write_minutes(folder: Path, n_meetings: int, *, start: dt.date = dt.date(2024, 1, 18), seed: int = 7) -> list[Path]:
    """Write ``n_meetings`` monthly-ish minutes to ``folder``; returns the paths."""
    return [p for p, _ in generate(folder, n_meetings, start=start, seed=seed)]


def generate(folder: Path, n_meetings: int, *, start: dt.date = dt.date(2024, 1, 18),
             seed: int = 7) -> list[tuple[Path, list[Line]]]:
    """Write the minutes and return each file with what its round-table lines are about."""
    folder.mkdir(parents=True, exist_ok=True)
    world = World(random.Random(seed))
    out = []
    for i, date in enumerate(_dates(n_meetings, start)):
        text, lines = minutes_lines(date, world, progress=i / max(n_meetings - 1, 1))
        path = folder / f"referat-{date:%Y-%m-%d}-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        out.append((path, lines))
    return out


def write_labels(path: Path, generated: list[tuple[Path, list[Line]]]) -> None:
    """``labels.toml`` for ``etl.evaluate_saker``: every round-table line with its sak."""
    import json

    def q(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    kinds: dict[str, tuple[str, str]] = {}
    out = ["# Generated by etl.synthetic: which sak every synthetic line is about.", ""]
    mentions = []
    for doc, lines in generated:
        seen: set[str] = set()
        for line in lines:
            if line.sak is None or line.text in seen:
                continue  # unlabelled lines name no sak; a quote must name one statement
            seen.add(line.text)
            if line.sak:
                kinds[line.sak] = (line.kind or "", "")
            mentions += ["[[mention]]", f"file = {q(doc.name)}", f"quote = {q(line.text)}", f"sak = {q(line.sak or '')}",
                         f"status = {q(line.status or '')}", f"jobs = {line.jobs or 0}", f"area_daa = {line.area or 0}",
                         f"amount_nok = {line.amount or 0}", ""]  # fmt: skip
    for sak, (kind, _) in sorted(kinds.items()):
        out += [f"[saker.{sak}]", f"kind = {q(kind)}", ""]
    path.write_text("\n".join(out + mentions), encoding="utf-8")
