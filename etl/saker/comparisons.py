"""The linking model: blocking, comparisons with levels and weights, and the threshold.

It is a Fellegi–Sunter style model, written out like a Splink settings object:

* **Blocking** — a mention is compared only with saker of a compatible kind
  that share its unit (or its sub-region), a kommune it names through a place,
  an organisation or a place (``etl.saker.link`` keeps an index for each).
* **Comparisons** — each gives one level, and each level a weight: the log2 of
  how much more often that level is seen between two mentions of the *same* sak
  than between mentions of different saker.  The weights were set from that
  reading and checked on the synthetic archive and the seed, never on the blind
  archive (docs/extraction.md, "Linking saker").
* **Threshold** — a mention joins the best-scoring sak if the sum of its weights
  reaches ``THRESHOLD``; otherwise it opens a new sak.

Everything the model decides is in this file, so a change of weight is one line,
and ``explain`` prints why two things were or were not linked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Indel

from etl.saker.features import Mention

THRESHOLD = 3.5
EXACT_REPEAT = 99.0  # the score recorded for a line repeated word for word by the same unit

WEIGHTS: dict[str, dict[str, float]] = {
    # The thing belongs to a kommune; a sub-region may report on its members' saker.
    "unit": {"same": 2.0, "region and member": 1.0, "unknown": 0.0, "different": -8.0},
    # A company is the strongest sign; two different named companies are two things.
    "organisations": {"shared": 4.0, "both named, none shared": -5.0, "not both named": 0.0},
    # Two projects of one kind in one kommune are usually told apart by place.
    "places": {"shared": 3.0, "both named, none shared": -6.0, "not both named": 0.0},
    # Similar wording of what the thing is (Snowball stems, compounds matched by containment).
    # Weak against: progress reports describe one thing in ever new words.
    "wording": {"very similar": 3.0, "similar": 1.5, "somewhat similar": 0.0, "different": -0.5, "no words": 0.0},
    "kind": {"same": 1.0, "compatible": -0.5},
    # What sort of thing: a hotel and a depot at one airport are two things.
    "thing": {"same type": 1.0, "different types": -4.0, "not both typed": 0.0},
    # The same dekar or jobs figure again; a different area is weak evidence against.
    "quantities": {"same figure": 1.5, "different area": -1.0, "no figure to compare": 0.0},
    # One unit's report rarely gives two bullets about one thing (a region and its
    # kommune reporting the same thing in one meeting is common, and not penalised).
    "meeting": {"other meeting or unit": 0.0, "same meeting and unit": -3.0},
    # "Datasenteret har fått byggetillatelse": a thing the members already know.
    "reference": {"refers back": 1.5, "does not": 0.0},
}

# Which kinds a mention may link to: land can be part of a project's story, and a
# plan (kommuneplan) can carry an area; a closure and a grant are their own things.
COMPATIBLE: dict[str, frozenset[str]] = {
    "datasenter": frozenset({"datasenter", "etablering", "naeringsareal"}),
    "nedleggelse": frozenset({"nedleggelse"}),
    "etablering": frozenset({"etablering", "datasenter", "naeringsareal"}),
    "naeringsareal": frozenset({"naeringsareal", "etablering", "datasenter", "plan"}),
    "finansiering": frozenset({"finansiering"}),  # a grant is its own sak, apart from what it funds
    "plan": frozenset({"plan", "naeringsareal"}),
}
_WORDING_LEVELS = ((0.8, "very similar"), (0.5, "similar"), (0.25, "somewhat similar"))
_MAX_WORDINGS = 12  # the distinct wordings of a sak kept for comparison (the latest ones)


@dataclass(slots=True)
class SakProfile:
    """What the linker knows of a sak so far: the union of its mentions' features."""

    number: int
    kinds: dict[str, int] = field(default_factory=dict)
    units: set[str] = field(default_factory=set)  # case-folded unit names
    kommuner: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)  # sub-regions its kommune units belong to
    region_units: set[str] = field(default_factory=set)  # sub-regions that reported it themselves
    organisations: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    things: set[str] = field(default_factory=set)
    wordings: list[frozenset[str]] = field(default_factory=list)
    areas: set[float] = field(default_factory=set)
    jobs: set[int] = field(default_factory=set)
    meetings: set[str] = field(default_factory=set)
    meeting_units: set[tuple[str, str | None]] = field(default_factory=set)
    statements: set[str] = field(default_factory=set)
    last_index: int = -1

    def add(self, m: Mention) -> None:
        self.kinds[m.kind] = self.kinds.get(m.kind, 0) + 1
        if m.unit:
            self.units.add(m.unit.casefold())
            if m.unit_kind == "region":
                self.region_units.add(m.unit.casefold())
            else:
                self.regions |= m.regions
        self.kommuner |= m.kommuner
        self.organisations |= m.organisations
        self.places |= m.places
        self.things |= m.things
        if m.words and m.words not in self.wordings:
            self.wordings.append(m.words)
            del self.wordings[:-_MAX_WORDINGS]
        if m.area_daa:
            self.areas.add(m.area_daa)
        if m.jobs:
            self.jobs.add(m.jobs)
        self.meetings.add(m.meeting_id)
        self.meeting_units.add((m.meeting_id, m.unit))
        self.statements.add(m.statement_id)
        self.last_index = m.index


@lru_cache(maxsize=262144)
def _words_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) >= 5 and (a in b or b in a):  # compounds: "hotell" in "hotellprosjekt"
        return True
    return Indel.normalized_similarity(a, b) >= 0.88  # spelling variants


def wording_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Soft Dice coefficient: the share of words on both sides that have a match on the other."""
    if not a or not b:
        return 0.0
    hits = sum(1 for x in a if any(_words_match(x, y) for y in b))
    hits += sum(1 for y in b if any(_words_match(x, y) for x in a))
    return hits / (len(a) + len(b))


def _unit_level(m: Mention, s: SakProfile) -> str:
    if not m.unit or not s.units:
        return "unknown"
    if m.kommuner and s.kommuner and not (m.kommuner & s.kommuner):
        return "different"  # a region reporting on two of its kommuner: two places, two things
    if m.unit.casefold() in s.units or (m.kommuner & s.kommuner):
        return "same"
    if (m.unit_kind == "region" and m.unit.casefold() in s.regions) or (s.region_units & m.regions):
        return "region and member"
    return "different"


def _overlap_level(mine: frozenset[str], theirs: set[str], my_other: frozenset[str] = frozenset(),
                   their_other: set[str] = frozenset()) -> str:
    if mine & theirs or mine & their_other or my_other & theirs:
        return "shared"
    if mine and theirs:
        return "both named, none shared"
    return "not both named"


def _wording_level(m: Mention, s: SakProfile) -> str:
    if not m.words or not s.wordings:
        return "no words"
    best = max(wording_similarity(m.words, w) for w in s.wordings)
    for floor, label in _WORDING_LEVELS:
        if best >= floor:
            return label
    # One describing word against another is too little to call two things different.
    return "different" if len(m.words) >= 2 and max(len(w) for w in s.wordings) >= 2 else "somewhat similar"


def _quantity_level(m: Mention, s: SakProfile) -> str:
    if (m.area_daa and m.area_daa in s.areas) or (m.jobs and m.jobs in s.jobs):
        return "same figure"
    if m.area_daa and s.areas:
        return "different area"
    return "no figure to compare"


def compare(m: Mention, s: SakProfile) -> dict[str, str] | None:
    """The level of every comparison, or None when the two may not be linked at all
    (incompatible kinds, or another part of the same statement)."""
    if m.statement_id in s.statements or not (COMPATIBLE[m.kind] & s.kinds.keys()):
        return None
    unit = _unit_level(m, s)
    return {
        "unit": unit,
        # A name may be read as a company in one mention and a place in another
        # ("Nordavind Data" and "Nordavind-senteret"): names shared either way count.
        "organisations": _overlap_level(m.organisations, s.organisations, m.places, s.places),
        "places": _overlap_level(m.places - s.organisations, s.places - m.organisations),
        "wording": _wording_level(m, s),
        "kind": "same" if m.kind in s.kinds else "compatible",
        "thing": ("same type" if any(_words_match(a, b) for a in m.things for b in s.things) else "different types")
        if m.things and s.things
        else "not both typed",
        "quantities": _quantity_level(m, s),
        "meeting": "same meeting and unit" if (m.meeting_id, m.unit) in s.meeting_units else "other meeting or unit",
        "reference": "refers back" if m.refers_back and unit in ("same", "region and member") else "does not",
    }


def score(levels: dict[str, str]) -> float:
    return sum(WEIGHTS[name][level] for name, level in levels.items())


def explain(m: Mention, s: SakProfile) -> str:
    """One line per comparison, for a person asking why two things were (not) linked."""
    levels = compare(m, s)
    if levels is None:
        return "not comparable (incompatible kind, or the same statement)"
    lines = [f"{name:<14} {level:<26} {WEIGHTS[name][level]:+.1f}" for name, level in levels.items()]
    total = score(levels)
    lines.append(f"{'total':<14} {'linked' if total >= THRESHOLD else 'not linked':<26} {total:+.1f} (threshold {THRESHOLD})")
    return "\n".join(lines)
