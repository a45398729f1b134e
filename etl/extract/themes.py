"""Multi-label theme classification from the user-editable taxonomy.

The taxonomy (``etl/resources/taxonomy.toml`` or ``$NAERINGSPULS_TAXONOMY``) is read
once and compiled into dict look-ups: a statement is split into words once, each
word is looked up as a whole-word term and by its prefixes (stems), and checked
against compound-safe stems; multi-word terms and stems are matched on the same
word list (indexed by their first word), so no regex runs over the text. Hits that
fall inside a theme's ``exclude`` phrases, or words that contain one, are dropped
(the veto). ``classify_words`` takes an already lower-cased, already split text so
``etl.enrich`` tokenises each statement once for every extractor.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "resources" / "taxonomy.toml"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    name: str
    description: str = ""


@dataclass(slots=True)
class Taxonomy:
    themes: tuple[Theme, ...]
    order: dict[str, int]  # theme id -> position
    terms: dict[str, frozenset[int]]  # whole word -> theme positions
    stems: dict[int, dict[str, frozenset[int]]]  # prefix length -> prefix -> positions
    compound: dict[str, frozenset[int]]  # compound-safe stem -> positions
    # Multi-word terms and stems, by their first word: (following words, last word is a
    # prefix (stem) rather than a whole word (term), positions).
    phrases: dict[str, tuple[tuple[tuple[str, ...], bool, frozenset[int]], ...]]
    exclude: dict[str, frozenset[int]]  # veto phrase -> positions
    exclude_re: re.Pattern[str] | None  # any veto literal: one scan instead of one `in` per literal
    ids: tuple[str, ...]  # position -> theme id
    vetoed: frozenset[int]  # positions of themes with an exclude list
    word_cache: dict[str, frozenset[int]] = field(default_factory=dict)  # word -> positions
    # word -> (positions, phrases starting with it) for classify_words; None: neither
    entry_cache: dict[str, tuple[frozenset[int], tuple] | None] = field(default_factory=dict)


def _freeze(d: dict[str, set[int]]) -> dict[str, frozenset[int]]:
    return {k: frozenset(v) for k, v in d.items()}


def _taxonomy_path(path: str | os.PathLike[str] | None) -> Path:
    env = os.environ.get("NAERINGSPULS_TAXONOMY")
    return Path(path) if path else Path(env) if env else DEFAULT_PATH


@lru_cache(maxsize=4)
def _load(path: str) -> Taxonomy:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    themes: list[Theme] = []
    terms: dict[str, set[int]] = defaultdict(set)
    stems: dict[str, set[int]] = defaultdict(set)
    compound: dict[str, set[int]] = defaultdict(set)
    phrase: dict[tuple[tuple[str, ...], bool], set[int]] = defaultdict(set)  # (words, last is a prefix)
    exclude: dict[str, set[int]] = defaultdict(set)

    def add(entry: str, i: int, table: dict[str, set[int]], prefix: bool) -> None:
        e = entry.lower().strip()
        words = tuple(_WORD.findall(e))
        if len(words) > 1:  # punctuation between the words is not compared ("t-bane" = "t bane")
            phrase[(words, prefix)].add(i)
        elif words:
            table[words[0]].add(i)

    for i, row in enumerate(data.get("theme", [])):
        if any(t.id == row["id"] for t in themes):
            raise ValueError(f"taxonomy: duplicate theme id {row['id']!r}")
        themes.append(Theme(row["id"], row["name"], row.get("description", "")))
        for term in row.get("terms", []):
            add(term, i, terms, False)
        for stem in row.get("stems", []):
            add(stem, i, stems, True)
        for stem in row.get("compound_stems", []):
            add(stem, i, compound, True)  # a multi-word compound stem is matched as a stem
        for ex in row.get("exclude", []):
            exclude[ex.lower().strip()].add(i)
    by_len: dict[int, dict[str, set[int]]] = defaultdict(dict)
    for s, ids in stems.items():
        by_len[len(s)][s] = ids
    by_first: dict[str, list[tuple[tuple[str, ...], bool, frozenset[int]]]] = defaultdict(list)
    for (words, prefix), ids in phrase.items():
        by_first[words[0]].append((words[1:], prefix, frozenset(ids)))

    return Taxonomy(
        themes=tuple(themes),
        order={t.id: i for i, t in enumerate(themes)},
        terms=_freeze(terms),
        stems={n: _freeze(d) for n, d in sorted(by_len.items())},
        compound=_freeze(compound),
        phrases={k: tuple(v) for k, v in by_first.items()},
        exclude=_freeze(exclude),
        exclude_re=re.compile("|".join(map(re.escape, sorted(exclude, key=len, reverse=True)))) if exclude else None,
        ids=tuple(t.id for t in themes),
        vetoed=frozenset(i for ids in exclude.values() for i in ids),
    )


def load_taxonomy(path: str | os.PathLike[str] | None = None) -> Taxonomy:
    """The taxonomy, parsed and compiled once per file (cached)."""
    return _load(str(_taxonomy_path(path)))


def theme_labels(taxonomy: Taxonomy | None = None) -> dict[str, str]:
    """Theme id -> Norwegian display name, in taxonomy order."""
    tax = taxonomy or load_taxonomy()
    return {t.id: t.name for t in tax.themes}


def classify(text: str, taxonomy: Taxonomy | None = None) -> list[str]:
    """Theme ids for ``text`` in taxonomy order, deduplicated (possibly empty)."""
    if not text:
        return []
    low = text.lower()
    return classify_words(low, _WORD.findall(low), taxonomy or load_taxonomy())


def classify_words(low: str, words: list[str], tax: Taxonomy) -> list[str]:
    """``classify`` for a caller that has already lower-cased the text and split it
    into words with ``\\w+`` (``etl.enrich`` shares one split across extractors)."""
    found: set[int] = set()
    cache = tax.entry_cache
    i = -1
    for w in words:
        i += 1
        e = cache.get(w, _MISSING)
        if e is _MISSING:
            e = cache[w] = _entry(w, tax)
            if len(cache) > 200_000:  # unbounded input: start over rather than grow
                cache.clear()
        if e is None:
            continue
        ids, phrases = e
        if ids:
            found |= ids
        for rest, prefix, pids in phrases:
            if _phrase_at(words, i + 1, rest, prefix):
                found |= pids
    if found and not tax.vetoed.isdisjoint(found) and tax.exclude_re.search(low):
        found = _with_vetoes(low, tax)  # rare: redo with positions so vetoes can apply
    return [tax.ids[i] for i in sorted(found)]


def _phrase_at(words: list[str], j: int, rest: tuple[str, ...], prefix: bool) -> bool:
    """Do ``rest`` follow at ``words[j:]`` (the last one as a prefix when ``prefix``)?"""
    n = len(rest)
    if j + n > len(words):
        return False
    for k in range(n - 1):
        if words[j + k] != rest[k]:
            return False
    last = words[j + n - 1]
    return last.startswith(rest[-1]) if prefix else last == rest[-1]


_MISSING = object()


def _entry(w: str, tax: Taxonomy) -> tuple[frozenset[int], tuple] | None:
    ids = tax.word_cache.get(w)
    if ids is None:
        ids = tax.word_cache[w] = _word_themes(w, tax)
        if len(tax.word_cache) > 200_000:
            tax.word_cache.clear()
    phrases = tax.phrases.get(w, ())
    return (ids, phrases) if ids or phrases else None


def _word_themes(w: str, tax: Taxonomy) -> frozenset[int]:
    ids: set[int] = set(tax.terms.get(w, ()))
    for n, table in tax.stems.items():
        if n > len(w):
            break
        ids |= table.get(w[:n], frozenset())
    for lit, lit_ids in tax.compound.items():
        if lit in w:
            ids |= lit_ids
    return frozenset(ids)


def _with_vetoes(low: str, tax: Taxonomy) -> set[int]:
    hits: list[tuple[frozenset[int], int, int]] = []
    cache, phrases = tax.word_cache, tax.phrases
    spans = [(m.start(), m.end()) for m in _WORD.finditer(low)]
    words = [low[a:b] for a, b in spans]
    for i, w in enumerate(words):
        ids = cache.get(w)
        if ids is None:
            ids = _word_themes(w, tax)
        if ids:
            hits.append((ids, *spans[i]))
        for rest, prefix, pids in phrases.get(w, ()):
            if _phrase_at(words, i + 1, rest, prefix):
                hits.append((pids, spans[i][0], spans[i + len(rest)][1]))
    vetoes: list[tuple[frozenset[int], int, int]] = []
    for lit, ids in tax.exclude.items():
        start = low.find(lit)
        while start >= 0:
            vetoes.append((ids, start, start + len(lit)))
            start = low.find(lit, start + 1)
    # A veto drops a hit inside it ("helse" in "helse og omsorg") or a word hit that
    # contains it ("synergier" contains "synergi", which vetoes the "energi" inside).
    found: set[int] = set()
    for ids, a, b in hits:
        for i in ids:
            if i not in found and not any(
                i in v and ((va <= a and b <= vb) or (a <= va and vb <= b)) for v, va, vb in vetoes
            ):
                found.add(i)
    return found
