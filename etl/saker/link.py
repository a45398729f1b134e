"""Link mentions into saker: one pass in meeting order, each mention joining the best match.

Minutes report a thing as it moves on, so mentions are taken in the order they
were made; a mention is compared (``etl.saker.comparisons``) with the saker
opened so far that blocking finds for it, and joins the best one whose score
reaches the threshold, or opens a new sak.  A line repeated word for word by the
same unit (the common case: "Store datasenteretableringer …" meeting after
meeting) joins the sak of its earlier copy at once.

Greedy linking in time order is what a reader of the archive does, and it keeps
the cost at a handful of comparisons per mention (blocking), so a national
archive of millions of statements links in one pass.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from etl.saker.comparisons import EXACT_REPEAT, THRESHOLD, SakProfile, compare, score
from etl.saker.features import Mention


@dataclass(slots=True)
class Linked:
    """The outcome: ``sak_of[i]`` is the sak number of mention ``i``; ``scores[i]`` its
    match score (None for the mention that opened the sak)."""

    sak_of: list[int]
    scores: list[float | None]
    n_saker: int

    def clusters(self) -> list[list[int]]:
        out: list[list[int]] = [[] for _ in range(self.n_saker)]
        for i, s in enumerate(self.sak_of):
            out[s].append(i)
        return out


class _Index:
    """Blocking: saker by unit, kommune, sub-region, organisation and place."""

    def __init__(self) -> None:
        self.by: dict[tuple[str, str], set[int]] = defaultdict(set)

    def add(self, m: Mention, sak: int) -> None:
        for key in self._keys(m, own=True):
            self.by[key].add(sak)

    def candidates(self, m: Mention) -> set[int]:
        found: set[int] = set()
        for key in self._keys(m, own=False):
            found |= self.by.get(key, set())
        return found

    @staticmethod
    def _keys(m: Mention, *, own: bool) -> list[tuple[str, str]]:
        keys = [("org", o) for o in m.organisations] + [("place", p) for p in m.places]
        keys += [("kommune", k) for k in m.kommuner]
        if m.unit:
            keys.append(("unit", m.unit.casefold()))
        if m.unit_kind == "region" and m.unit:
            # a region's own saker are found under its name; it also looks among its members'
            keys.append(("region", m.unit.casefold()))
        elif own:
            keys += [("member of", r) for r in m.regions]  # a member's sak, found by its region
        else:
            keys += [("region", r) for r in m.regions]  # a kommune looks among its region's saker
        if not own and m.unit_kind == "region" and m.unit:
            keys.append(("member of", m.unit.casefold()))
        return keys


def link(mentions: list[Mention]) -> Linked:
    """Cluster ``mentions`` (in chronological order, ``Mention.index`` = position) into saker."""
    profiles: list[SakProfile] = []
    index = _Index()
    repeats: dict[tuple, int] = {}  # (unit, text, part) -> sak
    sak_of: list[int] = []
    scores: list[float | None] = []
    for m in mentions:
        repeat_key = (m.unit, m.text_key, m.part, m.kind)
        sak = repeats.get(repeat_key)
        best: float | None = EXACT_REPEAT
        if sak is None or m.meeting_id in profiles[sak].meetings:
            sak, best = _best_match(m, profiles, index)
        if sak is None:
            sak = len(profiles)
            profiles.append(SakProfile(number=sak))
            best = None
        profiles[sak].add(m)
        index.add(m, sak)
        repeats.setdefault(repeat_key, sak)
        sak_of.append(sak)
        scores.append(best)
    return Linked(sak_of=sak_of, scores=scores, n_saker=len(profiles))


def _best_match(m: Mention, profiles: list[SakProfile], index: _Index) -> tuple[int | None, float | None]:
    best_sak: int | None = None
    best_score = float("-inf")
    for sak in index.candidates(m):
        p = profiles[sak]
        levels = compare(m, p)
        if levels is None:
            continue
        total = score(levels)
        # Ties go to the sak mentioned most recently: the thing the members are talking about now.
        if total > best_score or (total == best_score and best_sak is not None and p.last_index > profiles[best_sak].last_index):
            best_sak, best_score = sak, total
    if best_sak is None or best_score < THRESHOLD:
        return None, None
    return best_sak, best_score
