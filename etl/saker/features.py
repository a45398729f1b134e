"""What the linker compares: one :class:`Mention` per statement (or listed part) that reports on a sak.

Everything here is normalisation, done once per mention so that comparing two
mentions is set arithmetic: organisations and places case-folded, the unit's
kommune and sub-region resolved through the gazetteer (also for a place a
region mentions: "datasenteret på Gardermoen" lies in Ullensaker), and the
*wording*: the Snowball (Norwegian) stems of the words that describe the thing,
without stop words, status words, numbers, names already compared as
organisations or places, and, for datacenters, the datacenter words themselves
(every datacenter mention has them, so they tell two projects apart not at all).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from etl.extract.saker import PLAN_DOC, lead_name, names_in
from etl.extract.units import Gazetteer, load_gazetteer, resolve_unit
from etl.vocab import MONTH_NAMES

# Words that say nothing about *which* thing: function words, status and time
# words, and generic nouns every report uses.  Compared after stemming.
_STOP_WORDS = """
og i på til fra med for av om som er var har hadde blir ble kan skal vil må det den de et en ei ett å at men
eller også nå nye ny nytt stor store stort større mer flere mange noe noen inkl blant annet ca rundt over under
etter før mot ved hos sin sitt sine seg vår vårt våre deres kommune kommunen kommunens region regionen
regionens fylket prosjekt prosjektet prosjekter arbeid arbeidet sak saken status oppdatering orientering
orienterte informerte fortsatt fortsetter videre igjen godt god gode bra viktig viktige betydelig første andre
år året måned måneder uke uker januar februar mars april mai juni juli august september oktober november
desember høsten våren sommeren vinteren neste siste fått får fikk gir gitt går gikk kom kommer komme
planlegger planlagt planlegging plan planer vurderer vurderes mulig mulige ønsker interesse utreder utredes
utredning regulering reguleres regulert reguleringsplan søkt søker søknad søknaden høring vedtatt vedtak
godkjent godkjenning innvilget tildelt byggetillatelse rammetillatelse konsesjon tillatelse klarsignal signert
avtale bygging byggingen byggestart bygges bygger utbygging under spadetak åpnet åpner åpnes åpning
åpningen drift ferdig ferdigstilt innviet stoppet stanset utsatt vent pause avlyst skrinlagt lagt ned
nedlagt legges legger nedleggelse nedbemanning permitteringer mister mistet ansatte arbeidsplasser
arbeidsplass stillinger årsverk jobber kroner kr mill millioner milliarder mrd dekar mål daa hektar m2 kvm
etablering etableringer etablerer etablere etablert satsing satser fokus dialog tett tettere samarbeid
solgt selges selger solgte kjøpt kjøper kjøpte varsler varslet gjennomført nå snart klar klart holdes holdt
drøftes presentert legges lagt fram første utkast gang konsekvensutredning planforslag planforslaget planprogram
oppstartsmøte politisk behandling ettersyn offentlig innspill merknader kontrakt totalentreprenør grunnarbeidene
fortsatt venter pågår går etter sommeren jul nye nytt orienterte informerte presenterte kommunestyret bystyret
formannskapet regionrådet
""".split()
# Words that name the same sort of thing in different words, compared as one.
_SYNONYMS = {
    "tomt": "areal", "næringsareal": "areal", "næringsområd": "areal", "næringstomt": "areal",
    "industriområd": "areal", "industriareal": "areal", "næringsarealet": "areal",
    "fabrikk": "fabrikk", "produksjon": "fabrikk", "produksjonsanlegg": "fabrikk",
}  # fmt: skip
_STEMMER = snowballstemmer.stemmer("norwegian")
STOP_STEMS = frozenset(_STEMMER.stemWords(_STOP_WORDS)) | frozenset(_STOP_WORDS)
_DC_WORD = re.compile(r"datasent|datahall|serverhall|hyperscale")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_NORM = re.compile(r"[\W_]+")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def text_key(text: str) -> str:
    """Case, punctuation and spacing removed: two copies of a line compare equal."""
    return _NORM.sub(" ", text.casefold()).strip()


def wording(text: str, *, kind: str, names: frozenset[str]) -> frozenset[str]:
    """Stems of the words that describe the thing (see the module docstring)."""
    out = set()
    for raw in _WORD.findall(text.casefold()):
        for w in raw.split("-"):
            if len(w) < 3 or w in names or w in STOP_STEMS:
                continue
            if kind == "datasenter" and _DC_WORD.search(w):
                continue
            s = _stem(w)
            if s not in STOP_STEMS and len(s) >= 3:
                out.add(_SYNONYMS.get(s, s))
    return frozenset(out)


@dataclass(slots=True)
class Mention:
    """One statement's report on one sak, normalised for comparison."""

    index: int  # position in chronological order
    statement_id: str
    meeting_id: str
    meeting_date: dt.date | None
    seq: int
    part: int  # which listed thing (0 for a statement about one thing)
    text: str  # the statement, or "<part>" of a listed statement
    kind: str
    status: str | None
    unit: str | None
    unit_kind: str | None
    kommunenummer: str | None
    region: str | None
    kommuner: frozenset[str]  # kommuner the mention is about: its own, or its places' (case-folded)
    regions: frozenset[str]  # sub-regions the unit is or belongs to (case-folded)
    organisations: frozenset[str]
    places: frozenset[str]
    words: frozenset[str]
    text_key: str
    jobs: int | None = None
    amount_nok: int | None = None
    area_daa: float | None = None
    themes: tuple[str, ...] = ()
    organisation_names: tuple[str, ...] = ()  # as written, for the register
    place_names: tuple[str, ...] = ()
    refers_back: bool = False  # "datasenteret", "fabrikken": a thing the meeting knows
    things: frozenset[str] = frozenset()  # THING_TYPES named (hotel, industry, …); empty for datacenters
    key: str = field(default="")

    def __post_init__(self) -> None:
        if not self.key:
            basis = f"{self.unit}|{self.text_key}|{self.part}|{self.meeting_date}"
            self.key = hashlib.sha1(basis.encode()).hexdigest()[:16]


# What sort of thing is built or closed: a hotel and a depot at one airport are two saker.
THING_TYPES: dict[str, re.Pattern[str]] = {
    t: re.compile(rx)
    for t, rx in {
        "datasenter": r"datasent|datahall",
        "hotell": r"hotell",
        "industri": r"fabrikk|produksjon|industri|\w+verk(?:et)?\b|sagbruk|meieri|smelteverk",
        "logistikk": r"lager|logistikk|godsterminal|distribusjon|containerterminal",
        "kontor": r"kontor|næringsbygg|hovedsete",
        "handel": r"butikk|kjøpesenter|handelspark|varehus",
        "forskning": r"forskning|laboratori|testsenter|innovasjonsbygg|kunnskapspark|inkubator",
        "helse": r"sykehus|helsehus|klinikk|omsorgssenter|sykehjem",
        "energi": r"kraftverk|solkraft|vindkraft|vindpark|batteri|hydrogen|transformator|biogass",
        "havn": r"havn|\bkai\b|fergeleie",
        "bolig": r"bolig",
        "depot": r"depot|driftsbase|verksted",
        "vei": r"\bvei\b|\bveg\b|adkomstvei|kryss",
    }.items()
}
_UNIT_KINDS = ("kommune", "region", "fylke", "annen")
_NOT_NAMES = frozenset({"ny", "nytt", "nye", "stor", "store", "et", "en", "det", "den", "vårt", "eget", "sitt",
                        "kommunen", "regionen", "flere", "to", "tre", "første", "andre", "planlagt", "mulig", "eget"})
# Funders, authorities and grid owners appear in many saker without owning them: they
# tell two saker apart no better than "kommunen" does, so linking leaves them out.
NOT_OWNERS = frozenset(s.casefold() for s in (
    "Innovasjon Norge", "Enova", "Forskningsrådet", "Sparebankstiftelsen", "Sparebankstiftelsen DNB", "NAV",
    "Statsforvalteren", "Elvia", "Statnett", "Glitre", "Hafslund", "Nye Veier", "Statens vegvesen", "Bane NOR",
    "Osloregionen", "Akershus fylkeskommune", "Østfold fylkeskommune", "Buskerud fylkeskommune",
    "Innlandet fylkeskommune", "Vestfold fylkeskommune", "KS", "NHO", "LO", "Siva",
))  # fmt: skip
# Second words of company names that many companies share ("Nordavind Data", "Kaldberg Data").
_GENERIC_NAME_WORDS = frozenset({
    "as", "asa", "sa", "data", "eiendom", "holding", "group", "gruppen", "norge", "norway", "nordic", "hotels", "hotell",
    "logistikk", "elektronikk", "forsvar", "industri", "energi", "kraft", "nett", "invest", "utvikling", "næringsutvikling",
    "kommune", "fylkeskommune", "infrastructure", "protein", "hydrogen", "materialer", "ammunisjon", "teknologi",
    "næringsforum", "næringsforening", "eiendomsutvikling", "bygg", "entreprenør",
})  # fmt: skip


def name_keys(names) -> frozenset[str]:
    """The distinctive words of organisation names: "Nordavind Data" and "Nordavind-senteret" share
    "nordavind"; "Nordavind Data" and "Kaldberg Data" share nothing."""
    out: set[str] = set()
    for name in names:
        low = name.casefold()
        if low in NOT_OWNERS:
            continue
        head = re.sub(r"-[a-zæøå][\wæøå]*$", "", name).casefold()  # "Ferrovik-fabrikken" → "ferrovik"
        for w in _WORD.findall(head):
            for part in w.split("-"):
                if len(part) >= 3 and part not in _GENERIC_NAME_WORDS:
                    out.add(part)
    return frozenset(out)


# A proper noun inside the sentence that no extractor knew as an organisation
# ("Saint-Gobain vurderer å stenge fabrikken"): compared with the organisations.
# "Tor Egil Rud orienterte om …": a person reporting, not a company.
_PERSON = re.compile(r"((?:[A-ZÆØÅ][a-zæøå]+\s){1,3}[A-ZÆØÅ][a-zæøå]+)\s(?:orienterte|informerte|presenterte|fortalte"
                     r"|opplyste|viste|la\s+fram|sa)\b")
_PROPER = re.compile(r"\b[A-ZÆØÅ][\wæøåÆØÅ]*(?:-[\wæøåÆØÅ]+)*(?:\s[A-ZÆØÅ][\wæøåÆØÅ]*(?:-[\wæøåÆØÅ]+)*)*")


# A generic noun after a place name does not make it another place: "Roa næringsområde",
# "Sandvika brygge" and "Hønefoss sentrum" are Roa, Sandvika and Hønefoss; a compass
# point does ("Askim vest" and "Askim nord" are two areas).
_GENERIC_PLACE_TAIL = re.compile(r"(?:\s+(?!vest\b|øst\b|nord\b|sør\b|syd\b)[a-zæøå][\wæøå]*)+$")


def place_key(name: str) -> str:
    return _GENERIC_PLACE_TAIL.sub("", name).casefold() or name.casefold()


def thing_types(text: str) -> frozenset[str]:
    low = text.casefold()
    return frozenset(t for t, rx in THING_TYPES.items() if rx.search(low))


def _things(kind: str, text: str) -> frozenset[str]:
    """What sort of thing: facility types, or for a plan its document ("næringsstrategi", "kommuneplan").
    Land has none: a road or a grid line named on it is not what the sak is."""
    if kind == "datasenter":
        return frozenset({"datasenter"})
    if kind == "plan":
        return frozenset(_stem(m.group(0)) for m in PLAN_DOC.finditer(text.casefold()))
    if kind == "naeringsareal":
        return frozenset()
    return thing_types(text)


_REFERS_BACK = re.compile(
    r"\b\w*(?:fabrikken|hotellet|prosjektet|senteret|anlegget|bygget|terminalen|lageret|parken|kontoret"
    r"|planen|strategien|tomten|tomta|området|arealet|etableringen|utbyggingen|hallen|datasenteret)\b"
)
_LOCAL_PLACE = re.compile(r"\b(?:på|i|ved)\s+([A-ZÆØÅ][\wæøå]+)")


def proper_names(text: str, known: list[str], gaz: Gazetteer) -> list[str]:
    """Capitalised words after the start of the sentence that are not units, places or known names."""
    out = []
    people = {w for m in _PERSON.finditer(text) for w in m.group(1).split()}
    for m in _PROPER.finditer(text):
        word = m.group(0)
        sentence_start = m.start() == 0 or text[max(0, m.start() - 2):m.start()].strip() in (".", "!", "?")
        if sentence_start and " " not in word:
            continue  # one capitalised word opening a sentence may be any word; "Nordavind Data" is a name
        head = re.sub(r"-[a-zæøå][\wæøå]*$", "", word)  # "Gardermoen-datasenteret" → "Gardermoen"
        low = head.casefold()
        if low in _NOT_NAMES or low in MONTH_NAMES or any(head in k for k in known) or len(head) < 3 or head in people:
            continue
        if head in gaz.place_by_name or resolve_unit(head, gaz) is not None:
            continue
        if " " in head and any(w in gaz.place_by_name or resolve_unit(w, gaz) is not None for w in head.split()[-1:]):
            continue  # "Øvre Romerike", "Nordre Follo": a unit's name
        out.append(word)
    return out


def _unit_scope(unit: str | None, kind: str | None, region: str | None, places: list[str],
                gaz: Gazetteer) -> tuple[frozenset[str], frozenset[str]]:
    kommuner: set[str] = set()
    regions: set[str] = {region.casefold()} if region else set()
    if unit and kind == "kommune":
        kommuner.add(unit.casefold())
    if unit and kind == "region":
        regions.add(unit.casefold())
    for p in places:
        match = gaz.place_by_name.get(p)
        if match is None:
            continue
        if match.kind == "kommune":
            kommuner.add(match.name.casefold())
        elif match.kommune:
            kommuner.add(match.kommune.casefold())
    return frozenset(kommuner), frozenset(regions)


@dataclass(frozen=True, slots=True)
class _TextFeatures:
    """Everything a mention's features take from its text and unit (memoised: minutes repeat lines)."""

    kommuner: frozenset[str]
    regions: frozenset[str]
    organisations: frozenset[str]
    places: frozenset[str]
    words: frozenset[str]
    text_key: str
    organisation_names: tuple[str, ...]
    place_names: tuple[str, ...]
    refers_back: bool
    things: frozenset[str]


_FEATURES: dict[tuple, _TextFeatures] = {}


def _text_features(piece: str, orgs: tuple[str, ...], places: tuple[str, ...], unit: str | None,
                   unit_kind: str | None, region: str | None, kind: str, gaz: Gazetteer) -> _TextFeatures:
    key = (id(gaz), piece, orgs, places, unit, unit_kind, region, kind)
    hit = _FEATURES.get(key)
    if hit is not None:
        return hit
    if len(_FEATURES) > 200_000:
        _FEATURES.clear()
    org_list = list(orgs)
    local = [m.group(1) for m in _LOCAL_PLACE.finditer(piece) if m.start() > 0 and not any(m.group(1) in o for o in org_list)]
    named = [n for n in names_in(piece) if not any(n in o for o in org_list)]  # "Peterson-tomta", "Askim vest"
    lead = lead_name(piece)
    if lead and not any(lead in o or o in lead for o in org_list):
        org_list.append(lead)  # "Ferrovik er godt i gang …": a company the organisation list does not know
    # Places compared are those inside a kommune ("Gardermoen", "på Roa", "Peterson-tomta"): a
    # kommune's or region's name says which unit, and the unit comparison has it already.
    inside = [p for p in [*places, *local, *named]
              if (p in gaz.place_by_name and gaz.place_by_name[p].kind not in _UNIT_KINDS)
              or (p not in gaz.place_by_name and resolve_unit(p, gaz) is None)]
    # "Askim vest" is more precise than "Askim": the bare place is left out, or "Askim nord" would match it.
    all_places = [p for p in dict.fromkeys(inside) if not any(p != q and q.startswith(p + " ") for q in inside)
                  and not re.search(rf"\b[A-ZÆØÅ][\wæøå]+\s+ved\s+{re.escape(p)}\b", piece)]  # "Hensmoen ved Hønefoss"
    proper = [w for w in proper_names(piece, org_list + all_places, gaz) if w not in org_list]
    # A kommune's mention is about that kommune; a region's (or the secretariat's)
    # is about the kommuner its places lie in.
    kommuner, regions = _unit_scope(unit, unit_kind, region, [] if unit_kind == "kommune" else list(places), gaz)
    compared = org_list + proper + all_places + list(places) + ([unit] if unit else [])  # not wording
    names = frozenset(w for n in compared for w in _WORD.findall(n.casefold()))
    hit = _FEATURES[key] = _TextFeatures(
        kommuner=kommuner,
        regions=regions,
        organisations=name_keys(org_list + proper),
        places=frozenset(place_key(p) for p in all_places),
        words=wording(piece, kind=kind, names=names),
        text_key=text_key(piece),
        organisation_names=tuple(org_list),
        place_names=tuple(all_places),
        refers_back=bool(_REFERS_BACK.search(piece.casefold())) and not org_list and not all_places,
        things=_things(kind, piece),
    )
    return hit


def mention_from_row(index: int, row: dict, part: int = 0, part_text: str | None = None,
                     gazetteer: Gazetteer | None = None) -> Mention:
    """A :class:`Mention` from a statement row (``etl.warehouse.register`` reads them from the raw tables)."""
    gaz = gazetteer or load_gazetteer()
    text = row["text"] or ""
    piece = part_text if part_text is not None else text
    orgs = tuple(row.get("organisations") or ())
    places = tuple(row.get("places") or ())
    if part_text is not None:  # a listed part keeps only the names inside it
        orgs = tuple(o for o in orgs if o.casefold() in piece.casefold())
        places = tuple(p for p in places if p in piece)
    unit = row.get("unit_name")
    f = _text_features(piece, orgs, places, unit, row.get("unit_kind"), row.get("region"), row["sak_kind"], gaz)
    quantities = part == 0  # a listed part does not know which of the numbers is its own
    return Mention(
        index=index,
        statement_id=row["statement_id"],
        meeting_id=row["meeting_id"],
        meeting_date=row.get("meeting_date"),
        seq=row.get("seq") or 0,
        part=part,
        text=piece,
        kind=row["sak_kind"],
        status=row.get("sak_status"),
        unit=unit,
        unit_kind=row.get("unit_kind"),
        kommunenummer=row.get("kommunenummer"),
        region=row.get("region"),
        kommuner=f.kommuner,
        regions=f.regions,
        organisations=f.organisations,
        places=f.places,
        words=f.words,
        text_key=f.text_key,
        jobs=row.get("jobs") if quantities else None,
        amount_nok=row.get("amount_nok") if quantities else None,
        area_daa=row.get("area_daa") if quantities else None,
        themes=tuple(row.get("themes") or ()),
        organisation_names=f.organisation_names,
        place_names=f.place_names,
        refers_back=f.refers_back,
        things=f.things,
    )


def mentions_from_rows(rows: list[dict], gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Every mention in ``rows`` (statements in chronological order), a statement listing
    several things ("Microsoft + nytt prosjekt") giving one mention per thing."""
    gaz = gazetteer or load_gazetteer()
    out: list[Mention] = []
    for row in rows:
        parts = list(row.get("sak_parts") or [])
        if len(parts) > 1:
            for i, piece in enumerate(parts):
                out.append(mention_from_row(len(out), row, i + 1, piece, gaz))
        else:
            out.append(mention_from_row(len(out), row, 0, None, gaz))
    return out
