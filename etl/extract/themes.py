"""Multi-label theme classification from the user-editable taxonomy.

The taxonomy (``etl/resources/taxonomy.toml`` or ``$NAERINGSPULS_TAXONOMY``) is read
once and compiled into dict look-ups: a statement is split into words once, each
word is looked up as a whole-word term and by its prefixes (stems); compound-safe
stems and multi-word phrases are found with one precompiled regex each. Hits that
fall inside a theme's ``exclude`` phrases are dropped (the veto).
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
_HAS_NON_WORD = re.compile(r"\W")


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
    phrase_re: re.Pattern[str] | None  # multi-word terms and stems, one group each
    phrase: dict[str, frozenset[int]]  # regex alternative -> positions
    phrase_first: frozenset[str]  # first word of every phrase: a cheap pre-check
    exclude: dict[str, frozenset[int]]  # veto phrase -> positions
    word_cache: dict[str, frozenset[int]] = field(default_factory=dict)  # word -> positions


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
    phrase: dict[str, set[int]] = defaultdict(set)  # key: regex alternative
    exclude: dict[str, set[int]] = defaultdict(set)
    for i, row in enumerate(data.get("theme", [])):
        if any(t.id == row["id"] for t in themes):
            raise ValueError(f"taxonomy: duplicate theme id {row['id']!r}")
        themes.append(Theme(row["id"], row["name"], row.get("description", "")))
        for term in row.get("terms", []):
            t = term.lower().strip()
            if _HAS_NON_WORD.search(t):
                phrase[re.escape(t) + r"(?!\w)"].add(i)
            else:
                terms[t].add(i)
        for stem in row.get("stems", []):
            s = stem.lower().strip()
            (phrase[re.escape(s)] if _HAS_NON_WORD.search(s) else stems[s]).add(i)
        for stem in row.get("compound_stems", []):
            c = stem.lower().strip()
            (phrase[re.escape(c)] if _HAS_NON_WORD.search(c) else compound[c]).add(i)
        for ex in row.get("exclude", []):
            exclude[ex.lower().strip()].add(i)
    literals = [re.sub(r"\\(.)", r"\1", p.removesuffix(r"(?!\w)")) for p in phrase]
    by_len: dict[int, dict[str, set[int]]] = defaultdict(dict)
    for s, ids in stems.items():
        by_len[len(s)][s] = ids

    return Taxonomy(
        themes=tuple(themes),
        order={t.id: i for i, t in enumerate(themes)},
        terms=_freeze(terms),
        stems={n: _freeze(d) for n, d in sorted(by_len.items())},
        compound=_freeze(compound),
        phrase_re=re.compile(rf"(?<!\w)(?:{'|'.join(f'({p})' for p in phrase)})") if phrase else None,
        phrase=_freeze(phrase),
        phrase_first=frozenset(_WORD.findall(" ".join(lit.split()[0] for lit in literals))),
        exclude=_freeze(exclude),
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
    tax = taxonomy or load_taxonomy()
    if not text:
        return []
    low = text.lower()
    found: set[int] = set()
    cache, first = tax.word_cache, tax.phrase_first
    phrases = False
    for w in _WORD.findall(low):
        if w in first:
            phrases = True
        ids = cache.get(w)
        if ids is None:
            ids = cache[w] = _word_themes(w, tax)
            if len(cache) > 200_000:  # unbounded input: start over rather than grow
                cache.clear()
        if ids:
            found |= ids
    if phrases:
        keys = list(tax.phrase)
        for m in tax.phrase_re.finditer(low):
            found |= tax.phrase[keys[m.lastindex - 1]]
    if found and tax.exclude and any(lit in low for lit in tax.exclude):
        found = _with_vetoes(low, tax)  # rare: redo with positions so vetoes can apply
    return [tax.themes[i].id for i in sorted(found)]


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
    for m in _WORD.finditer(low):
        ids = _word_themes(m.group(), tax)
        if ids:
            hits.append((ids, m.start(), m.end()))
    if tax.phrase_re is not None:
        keys = list(tax.phrase)
        for m in tax.phrase_re.finditer(low):
            hits.append((tax.phrase[keys[m.lastindex - 1]], m.start(), m.end()))
    vetoes: list[tuple[frozenset[int], int, int]] = []
    for lit, ids in tax.exclude.items():
        start = low.find(lit)
        while start >= 0:
            vetoes.append((ids, start, start + len(lit)))
            start = low.find(lit, start + 1)
    found: set[int] = set()
    for ids, a, b in hits:
        for i in ids:
            if i not in found and not any(i in v and va <= a and b <= vb for v, va, vb in vetoes):
                found.add(i)
    return found
