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
  etablerer, investerer, bygger, ansetter, kjøper, utvider, legger ned, …);
* ``Hadeland Glassverk``, ``Kongsberg Næringsforum`` → a capitalised name followed
  by a capitalised organisation head noun (Næringspark, Næringsforum, Glassverk,
  Industripark, Kunnskapspark, Sparebank, Sykehus, Energi, Gruppen, …); the head
  noun alone ("Innovasjon") is not a name;
* ``arrangør: Datasenterindustrien`` → the capitalised name after "arrangør(:)",
  "arrangert av" or "i regi av".

Municipalities, regions and places (the gazetteer) are never organisations, nor
are months, weekdays, or common capitalised words.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from etl.extract.units import Gazetteer, _key, place_names

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "resources" / "organisations.toml"

# One scan finds the capitalised tokens; everything else is string checks around them.
_TOKEN = re.compile(r"(?<![\w&])[A-ZÆØÅ][\w&]*")
_GLUED_SUFFIX = re.compile(
    r"-(?:fabrikken|fabrikk|konsernet|konsern|anlegget|selskapet|bedriften|butikken|verket|verftet|lageret"
    r"|hovedkontoret|gruppen)\b"
)
_LEGAL_FORMS = frozenset({"AS", "ASA", "SA", "AB", "BA", "IKS", "Ltd", "GmbH", "Inc"})
_VERB_AFTER = re.compile(
    r"\s+(?:åpner|åpnet|etablerer|etablerte|investerer|bygger|ansetter|kjøper|utvider|flytter|legger\s+ned"
    r"|permitterer|nedbemanner|stenger|lanserer|satser)\b"
)
# Capitalised head nouns that make the capitalised name before them an organisation
# ("Gardermoen Næringspark"). Compared in lower case; the token itself must be capitalised.
_HEADS = frozenset(
    """
    næringspark næringsforum næringsforening næringsutvikling næringsråd næringshage næringsselskap
    glassverk industripark innovasjon klynge klyngen kunnskapspark forskningspark havn energi kraft
    sparebank universitet universitetet høgskole høgskolen sykehus sykehuset bygg gruppen industri
    industrier eiendom utvikling
    """.split()
)
_PLACE_BEFORE = re.compile(r"\b(?:på|i|ved)\s+$")
_ORGANISER = re.compile(r"(?:\b[Aa]rrangør(?:er)?\s*:?|\barrangert\s+av|\bi\s+regi\s+av)\s+(?=[A-ZÆØÅ])")
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
def _known(path: str) -> tuple[dict[str, list[str]], dict[str, str], tuple[str, ...]]:
    """(first token -> aliases longest first, alias -> canonical, aliases starting in lower case)."""
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    canon: dict[str, str] = {}
    for row in data.get("org", []):
        for alias in [row["name"], *row.get("aliases", [])]:
            canon.setdefault(alias, row["name"])
    by_first: dict[str, list[str]] = {}
    for alias in sorted(canon, key=len, reverse=True):
        by_first.setdefault(re.match(r"[\w&]+", alias).group(), []).append(alias)
    lower = tuple(a for a in canon if not a[0].isupper())
    return by_first, canon, lower


def known_organisations(path: str | Path | None = None) -> list[str]:
    """Canonical names of every curated organisation."""
    return sorted(set(_known(str(path or DEFAULT_PATH))[1].values()))


def _plausible(name: str, places: frozenset[str], cued: bool = False) -> bool:
    tokens = name.split()
    if not tokens or _key(name) in places:
        return False
    if any(t.lower() in _COMMON for t in tokens):
        return False
    # A lone definite-form noun ("Kommunen", "Posten") is more often a common word.
    return cued or not (len(tokens) == 1 and re.search(r"(?:en|et|ene|ane|erne)$", tokens[0]) and not tokens[0].isupper())


_VERB_WORDS = frozenset(re.findall(r"[a-zæøå]+", _VERB_AFTER.pattern.replace(r"\s", " ").replace(r"\b", " ")))
_LOW_WORD = re.compile(r"\w+")


def _has_candidate(text: str, caps: list[str], words: list[str], by_first: dict, lower: tuple[str, ...]) -> bool:
    """Could any rule fire? A known first token, a lower-case alias, a legal form, a
    CamelCase word, a glued "-fabrikken", or a company verb after a capitalised word."""
    for tok in caps:
        if tok in by_first or tok in _LEGAL_FORMS or _is_camel(tok):
            return True
    if any(alias in text for alias in lower):
        return True
    if caps and "-" in text and _GLUED_SUFFIX.search(text):
        return True
    if any(tok.lower() in _HEADS for tok in caps[1:]) or ("arrang" in text or "regi av" in text):
        return True
    return bool(caps) and not _VERB_WORDS.isdisjoint(words)


def _is_camel(tok: str) -> bool:
    return len(tok) > 3 and tok[1].islower() and not tok[2:].islower() and tok.isalpha()


_DEFAULT = str(DEFAULT_PATH)


def extract_organisations(
    text: str, *, exclude: tuple[str, ...] | list[str] | frozenset[str] = (), gazetteer: Gazetteer | None = None
) -> list[str]:
    """Organisation names in ``text``, canonical where known, in order of mention.
    ``exclude``: extra names never to report (e.g. the meeting's attendees)."""
    if not text:
        return []
    low = text.lower()
    return organisations_in(text, capitalised_words(text), _LOW_WORD.findall(low), exclude_keys(exclude), gazetteer)


def capitalised_words(text: str) -> list[str]:
    """Every capitalised word of ``text``: the candidates for names (and places)."""
    return _TOKEN.findall(text)


def exclude_keys(names: tuple[str, ...] | list[str] | frozenset[str]) -> frozenset[str]:
    """Lookup keys of names never to report; compute once per meeting and reuse."""
    return frozenset(_key(x) for x in names) if names else frozenset()


def organisations_in(
    text: str, caps: list[str], words: list[str], skip: frozenset[str], gazetteer: Gazetteer | None = None
) -> list[str]:
    """``extract_organisations`` from precomputed ``capitalised_words(text)``, the
    lower-cased ``\\w+`` words and ``exclude_keys(...)`` (``etl.enrich`` shares them).
    Most statements name no organisation: they are dismissed on the words alone."""
    by_first, canon, lower = _known(_DEFAULT)
    if not _has_candidate(text, caps, words, by_first, lower):
        return []
    found: dict[str, int] = {}  # name -> position
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    taken_until = -1  # tokens inside a known name are not candidates
    unknown: list[tuple[int, int, str]] = []
    for a, b, tok in tokens:
        if a < taken_until:
            continue
        for alias in by_first.get(tok, ()):
            end = a + len(alias)
            if text.startswith(alias, a) and not (end < len(text) and (text[end].isalnum() or text[end] == "_")):
                found.setdefault(canon[alias], a)
                taken_until = end
                break
        else:
            unknown.append((a, b, tok))
    for alias in lower:
        pos = text.find(alias)
        if pos >= 0:
            found.setdefault(canon[alias], pos)
    if not unknown:
        return sorted(found, key=found.__getitem__)
    places = place_names(gazetteer)
    candidates: list[tuple[int, str]] = []
    chain: list[tuple[int, int, str]] = []  # capitalised tokens separated by single spaces
    for a, b, tok in unknown:
        if chain and not (a - chain[-1][1] == 1 and text[chain[-1][1]] == " "):
            chain = []
        if tok in _LEGAL_FORMS and chain:
            names = [t for *_, t in chain[-4:]]
            while names and names[0].lower() in _COMMON:  # "Nye Foo AS" -> "Foo AS"
                names.pop(0)
            if names:
                candidates.append((chain[-len(names)][0], " ".join([*names, tok])))
            chain = []
            continue
        chain.append((a, b, tok))
        if b < len(text) and text[b] == "-" and _GLUED_SUFFIX.match(text, b):
            candidates.append((a, tok))
        elif _is_camel(tok):
            candidates.append((a, tok))
        if b < len(text) and text[b].isspace() and _VERB_AFTER.match(text, b):
            names = chain[-3:]
            # "Bedriften på Follum legger ned": after på/i/ved the name is a place, not the subject
            if not _PLACE_BEFORE.search(text, 0, names[0][0]):
                candidates.append((names[0][0], " ".join(t for *_, t in names)))
        if tok.lower() in _HEADS and len(chain) > 1:
            names = chain[-3:-1]
            while names and (names[0][2].lower() in _COMMON or names[0][2].lower() in _HEADS):
                names.pop(0)
            if names:
                candidates.append((names[0][0], " ".join(t for *_, t in [*names, chain[-1]])))
    starts = {a: (a, b, tok) for a, b, tok in unknown}
    named_by_cue: set[str] = set()  # "arrangør: X": a definite form ("Datasenterindustrien") is a name here
    for m in _ORGANISER.finditer(text):
        first = starts.get(m.end())
        if first is None:
            continue
        names, end = [first], first[1]
        for a, b, tok in unknown:  # following capitalised words, one space apart
            if a == end + 1 and text[end] == " " and len(names) < 4:
                names.append((a, b, tok))
                end = b
        name = " ".join(t for *_, t in names)
        if names[-1][2] not in _LEGAL_FORMS:
            candidates.append((first[0], name))
            named_by_cue.add(name)
    for pos, name in sorted(candidates):
        base = name.rsplit(" ", 1)[0] if name.split()[-1] in _LEGAL_FORMS else name
        if name not in found and _plausible(base, places, name in named_by_cue) and _key(name) not in skip:
            found[name] = pos
    return sorted(found, key=found.__getitem__)
