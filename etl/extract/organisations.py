"""Organisations named in a statement: a curated list plus cautious heuristics.

Known organisations come from ``etl/resources/organisations.toml`` (canonical
name + aliases, matched case-sensitively on whole words). Unknown ones are only
taken when the text itself says "this is a company" — precision over recall:

* ``Blowtech-fabrikken`` → "Blowtech" (a capitalised name glued to -fabrikken,
  -konsernet, -anlegget, -selskapet, …);
* ``Hurdal Glass AS`` → "Hurdal Glass AS" (capitalised words before a legal form:
  AS, ASA, SA, AB, BA, IKS, Ltd, GmbH, Inc);
* ``PowerCell`` → CamelCase words;
* ``Tesla åpner …`` → a capitalised name right before a company verb (åpner,
  etablerer, investerer, bygger, ansetter, kjøper, utvider, legger ned, …).

Municipalities, regions and places (the gazetteer) are never organisations, nor
are months, weekdays, or common capitalised words.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from etl.extract.units import _key, place_names

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "resources" / "organisations.toml"
_CAP = r"[A-ZÆØÅ][\w&]*"

_GLUED = re.compile(
    rf"(?<![\w-])([A-ZÆØÅ][\w&]+)-(?:fabrikken|fabrikk|konsernet|konsern|anlegget|selskapet|bedriften"
    r"|butikken|verket|verftet|lageret|hovedkontoret|gruppen)\b"
)
_LEGAL = re.compile(rf"(?<![\w-])((?:{_CAP}\s+){{1,4}})(AS|ASA|SA|AB|BA|IKS|Ltd|GmbH|Inc)\b")
_CAMEL = re.compile(r"(?<![\w-])([A-ZÆØÅ][a-zæøå]+[A-ZÆØÅ][\wæøå]*)(?![\w-])")
_VERB = re.compile(
    rf"(?<![\w-])({_CAP}(?:\s+{_CAP}){{0,2}})\s+(?:åpner|åpnet|etablerer|etablerte|investerer|bygger|ansetter"
    r"|kjøper|utvider|flytter|legger ned|permitterer|nedbemanner|stenger|lanserer|satser)\b"
)
# Capitalised words that are not names (sentence starts, months, pronouns, titles).
_COMMON = frozenset(
    """
    januar februar mars april mai juni juli august september oktober november desember
    mandag tirsdag onsdag torsdag fredag lørdag søndag
    det den de dette disse vi vil man alle flere mange noen ingen hver begge både også men og
    ny nye nytt stor store større største liten lite små mulig mulige egen eget egne
    kommune kommunen kommunene fylket fylkeskommunen regionen staten regjeringen stortinget
    sekretariatet næringslivet bedriften bedriftene selskapet konsernet styret
    ordfører rådmann kommunedirektør daglig leder prosjektet satsingen arbeidet
    nasjonal nasjonalt norsk norske norges norge europa eu
    """.split()
)


@lru_cache(maxsize=4)
def _known(path: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    canon: dict[str, str] = {}
    for row in data.get("org", []):
        for alias in [row["name"], *row.get("aliases", [])]:
            canon.setdefault(alias, row["name"])
    if not canon:
        return None, canon
    alts = "|".join(re.escape(a) for a in sorted(canon, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)"), canon


def known_organisations(path: str | Path | None = None) -> list[str]:
    """Canonical names of every curated organisation."""
    return sorted(set(_known(str(path or DEFAULT_PATH))[1].values()))


def _plausible(name: str, places: frozenset[str]) -> bool:
    tokens = name.split()
    if not tokens or _key(name) in places:
        return False
    if any(t.lower() in _COMMON for t in tokens):
        return False
    # A lone definite-form noun ("Kommunen", "Posten") is more often a common word.
    return not (len(tokens) == 1 and re.search(r"(?:en|et|ene|ane|erne)$", tokens[0]) and not tokens[0].isupper())


def extract_organisations(text: str, *, exclude: tuple[str, ...] | list[str] = ()) -> list[str]:
    """Organisation names in ``text``, canonical where known, in order of mention.
    ``exclude``: extra names never to report (e.g. the meeting's attendees)."""
    if not text:
        return []
    rx, canon = _known(str(DEFAULT_PATH))
    found: dict[str, int] = {}  # name -> position
    masked = text
    if rx is not None:
        for m in rx.finditer(text):
            found.setdefault(canon[m.group()], m.start())
        masked = rx.sub(lambda m: "\x00" * len(m.group()), text)
    places = place_names()
    skip = {_key(x) for x in exclude}
    candidates: list[tuple[int, str]] = []
    for m in _GLUED.finditer(masked):
        candidates.append((m.start(), m.group(1)))
    for m in _LEGAL.finditer(masked):
        tokens = m.group(1).split()
        while tokens and tokens[0].lower() in _COMMON:  # "Nye Foo AS" → "Foo AS"
            tokens.pop(0)
        if tokens:
            candidates.append((m.start(), " ".join([*tokens, m.group(2)])))
    for m in _CAMEL.finditer(masked):
        candidates.append((m.start(), m.group(1)))
    for m in _VERB.finditer(masked):
        candidates.append((m.start(), m.group(1)))
    for pos, name in sorted(candidates):
        base = re.sub(r"\s+(?:AS|ASA|SA|AB|BA|IKS|Ltd|GmbH|Inc)$", "", name)
        if name not in found and _key(name) not in skip and _plausible(base, places):
            found[name] = pos
    return [n for n, _ in sorted(found.items(), key=lambda kv: kv[1])]
