"""The gazetteer: reporting units, places in text, and people's canonical names.

Data lives in ``etl/resources/gazetteer.toml`` (or ``$NAERINGSPULS_GAZETTEER``); it
is read once per process (``load_gazetteer`` is cached) and every regex is compiled
then, so per-statement look-ups are dict hits and one regex scan.

Public API: :func:`resolve_unit`, :func:`find_places`, :func:`all_units`,
:func:`canonical_person`, :func:`place_names`, :func:`clean_unit_name`.
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "resources" / "gazetteer.toml"


@dataclass(frozen=True, slots=True)
class UnitMatch:
    name: str
    kind: str  # "kommune" | "region" | "fylke" | "annen" | "sted" (places, find_places only)
    kommunenummer: str | None
    region: str | None
    county: str | None
    lat: float | None
    lon: float | None
    kommune: str | None = None  # for kind "sted": the kommune the place lies in
    members: tuple[str, ...] = ()  # for kind "region": member kommuner
    outside: bool = False  # outside Osloregionen (mentioned places only)


@dataclass(slots=True)
class Gazetteer:
    units: list[UnitMatch]  # kommune, region, fylke, annen rows, one per name
    by_key: dict[str, UnitMatch]  # normalised name/alias -> unit
    places_re: re.Pattern[str] | None
    place_by_name: dict[str, UnitMatch]
    mask_re: re.Pattern[str] | None
    persons: dict[str, str] = field(default_factory=dict)  # normalised alias -> canonical
    name_keys: frozenset[str] = frozenset()  # every unit/place name and alias, as keys
    memo: dict[str, UnitMatch | None] = field(default_factory=dict)  # resolve_unit results
    # First word of every text place name ("Nordre" for "Nordre Follo"), or None when
    # some name does not start with a capital (then no cheap pre-check is possible).
    place_first: frozenset[str] | None = None


_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})
_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    """Case-, diacritic-, hyphen- and whitespace-insensitive lookup key."""
    s = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).casefold().translate(_FOLD)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = _DASHES.sub(" ", s)
    return " ".join(s.split())


def clean_unit_name(raw: str) -> str:
    """Unit name as written, tidied: no soft hyphens, no trailing ':' or reporter in parentheses."""
    s = unicodedata.normalize("NFKC", raw).translate(_INVISIBLE).strip().rstrip(":;,.–- ")
    if not re.search(r"\((?:Østfold|Innlandet)\)$", s):  # keep "Våler (Østfold)"
        s = re.sub(r"\s*\([^()]*\)$", "", s)  # drop a reporter in parentheses
    return " ".join(s.strip().rstrip(":;,.–- ").split())


_PREFIXES = re.compile(r"^(?:regionradet|regionrad|region|radet)\s+(?:for|i)\s+|^region\s+|^regionen\s+")
_SUFFIXES = re.compile(
    r"\s+(?:kommune|kommunes|regionrad|regionradet|regionrad\w*|utvikling|naeringsutvikling|iks|kommunen)$"
)


def _load_path(path: str | os.PathLike[str] | None) -> Path:
    env = os.environ.get("NAERINGSPULS_GAZETTEER")
    return Path(path) if path else Path(env) if env else DEFAULT_PATH


def load_gazetteer(path: str | os.PathLike[str] | None = None) -> Gazetteer:
    """The gazetteer (``path``, else $NAERINGSPULS_GAZETTEER, else the bundled file), parsed once."""
    return _load(str(_load_path(path)))


@lru_cache(maxsize=4)
def _load(path: str) -> Gazetteer:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    units: dict[str, UnitMatch] = {}
    by_key: dict[str, UnitMatch] = {}
    text_names: dict[str, UnitMatch] = {}

    def add_key(name: str, unit: UnitMatch) -> None:
        k = _key(name)
        old = by_key.get(k)
        if old is not None and old.kind == unit.kind and old.name != unit.name:
            raise ValueError(f"gazetteer: {name!r} names both {old.name!r} and {unit.name!r}")
        by_key.setdefault(k, unit)  # first wins: kommune > region > fylke > annen > place

    kommuner = {row["name"]: row for row in data.get("kommune", [])}
    members: dict[str, list[dict]] = {}
    for row in kommuner.values():
        for reg in row.get("regions", []):
            members.setdefault(reg, []).append(row)
    for row in kommuner.values():
        regs = row.get("regions", [])
        u = UnitMatch(row["name"], "kommune", row["nr"], regs[0] if regs else None, row["county"],
                      row["lat"], row["lon"], outside=row.get("outside", False))  # fmt: skip
        units.setdefault(u.name, u)
        for name in [row["name"], *row.get("aliases", [])]:
            add_key(name, u)
        if row.get("text", True):
            text_names[re.sub(r"\s*\(.*\)$", "", row["name"])] = u
    for row in data.get("region", []):
        ms = members.get(row["name"], [])
        counties = Counter(m["county"] for m in ms)
        top = counties.most_common(1)
        county = top[0][0] if top and top[0][1] * 2 > len(ms) else None
        lat = row.get("lat", round(sum(m["lat"] for m in ms) / len(ms), 3) if ms else None)
        lon = row.get("lon", round(sum(m["lon"] for m in ms) / len(ms), 3) if ms else None)
        u = UnitMatch(row["name"], "region", None, row["name"], county, lat, lon,
                      members=tuple(m["name"] for m in ms))  # fmt: skip
        units.setdefault(u.name, u)  # a kommune of the same name keeps the row (Indre Østfold)
        for name in row.get("aliases", []):
            add_key(name, u)
        add_key(row["name"], u)
        text_names.setdefault(row["name"], u)
    for kind, table in (("fylke", "fylke"), ("annen", "annen")):
        for row in data.get(table, []):
            county = row["name"] if kind == "fylke" else None
            u = UnitMatch(row["name"], kind, None, None, county, row.get("lat"), row.get("lon"))
            units.setdefault(u.name, u)
            for name in [row["name"], *row.get("aliases", [])]:
                add_key(name, u)
            if kind == "fylke":
                text_names.setdefault(row["name"], u)
    for row in data.get("place", []):
        k = kommuner[row["kommune"]]
        regs = k.get("regions", [])
        u = UnitMatch(row["name"], "sted", k["nr"], regs[0] if regs else None, k["county"], row["lat"],
                      row["lon"], kommune=k["name"], outside=k.get("outside", False))  # fmt: skip
        text_names.setdefault(row["name"], u)
        add_key(row["name"], units[k["name"]])  # a unit named after a place means its kommune
    names = sorted(text_names, key=len, reverse=True)
    places_re = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")s?(?!\w)") if names else None
    masks = sorted(data.get("mask_in_text", []), key=len, reverse=True)
    mask_re = re.compile("|".join(map(re.escape, masks))) if masks else None
    persons = {_key(a): c for a, c in data.get("persons", {}).items()}
    name_keys = frozenset(by_key) | frozenset(_key(n) for n in text_names)
    capital = all(re.match(r"[A-ZÆØÅ]", n) for n in names)
    place_first = frozenset(re.match(r"\w+", n).group() for n in names) if capital else None
    return Gazetteer(list(units.values()), by_key, places_re, text_names, mask_re, persons, name_keys,
                     place_first=place_first)  # fmt: skip


def resolve_unit(name: str, gazetteer: Gazetteer | None = None) -> UnitMatch | None:
    """The gazetteer unit a name refers to, or None. Tolerates case, diacritics,
    soft hyphens, trailing ':', "… kommune", "Regionrådet for …" and a reporter in
    parentheses. A bare name shared by a kommune and a region is the kommune."""
    g = gazetteer or load_gazetteer()
    if not name or not name.strip():
        return None
    if name in g.memo:
        return g.memo[name]
    if len(g.memo) > 50_000:
        g.memo.clear()
    g.memo[name] = found = _resolve(name, g)
    return found


def _resolve(name: str, g: Gazetteer) -> UnitMatch | None:
    for candidate in (name, clean_unit_name(name)):
        k = _key(candidate).strip(" :;,.")
        for _ in range(3):
            if k in g.by_key:
                return g.by_key[k]
            stripped = _SUFFIXES.sub("", _PREFIXES.sub("", k))
            stripped = re.sub(r"\s+regionen$", "regionen", stripped)
            if stripped == k:
                break
            k = stripped
    return None


def find_places(text: str, gazetteer: Gazetteer | None = None) -> list[UnitMatch]:
    """Places (kommuner, regions, fylker, tettsteder) named in ``text``, in order of
    first mention, deduplicated. Matching is case-sensitive on whole words, so
    "Ski", "Nes", "Hole", "Ås", "Moss" and "Lier" need their capital letter."""
    g = gazetteer or load_gazetteer()
    if g.places_re is None or not text:
        return []
    if g.mask_re is not None:
        text = g.mask_re.sub(lambda m: "#" * len(m.group()), text)
    seen: dict[str, UnitMatch] = {}
    for m in g.places_re.finditer(text):
        u = g.place_by_name[m.group(1)]
        seen.setdefault(u.name, u)
    return list(seen.values())


def places_in(text: str, capitalised: list[str], gazetteer: Gazetteer | None = None) -> list[UnitMatch]:
    """``find_places`` for a caller that has already found the capitalised words of
    ``text`` (``organisations.capitalised_words``): a text where none of them starts
    a place name (most statements) is not scanned at all."""
    g = gazetteer or load_gazetteer()
    first = g.place_first
    if first is not None and "&" not in text:  # the tokens skip words glued to "&"
        for tok in capitalised:
            if tok in first or (tok[-1] == "s" and tok[:-1] in first):
                break
        else:
            return []
    return find_places(text, g)


def place_names(gazetteer: Gazetteer | None = None) -> frozenset[str]:
    """Every place and unit name and alias, as lookup keys (for the organisation filter)."""
    return (gazetteer or load_gazetteer()).name_keys


def all_units(gazetteer: Gazetteer | None = None) -> list[UnitMatch]:
    """Every kommune, region, fylke and other unit, one row per distinct name."""
    return list((gazetteer or load_gazetteer()).units)


def canonical_person(name: str | None, known: tuple[str, ...] | list[str] = (), gazetteer: Gazetteer | None = None) -> str | None:
    """Canonical spelling of a person: the [persons] table first, then a name in
    ``known`` (e.g. the attendees) whose tokens include this one's with the same
    first and last token — the longer, fuller name wins."""
    if not name or not name.strip():
        return None
    clean = " ".join(name.split())
    g = gazetteer or load_gazetteer()
    k = _key(clean)
    if k in g.persons:
        return g.persons[k]
    toks = k.split()
    best = clean
    for other in known:
        o = _key(other).split()
        if not o or o == toks or len(toks) < 2 or len(o) < 2:
            continue
        if o[0] == toks[0] and o[-1] == toks[-1] and set(toks) <= set(o) and len(o) > len(best.split()):
            best = " ".join(other.split())
    return best
