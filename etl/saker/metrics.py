"""Scores of a linking against hand labels: pairwise precision and recall, and B-cubed.

Pure functions over two assignments of the same items to clusters (``None`` for
an item in no cluster, e.g. a context statement).  Pairwise scores count the
pairs of items put together; B-cubed (Bagga and Baldwin, 1998) scores each item
by how much of its predicted cluster is right and how much of its true cluster
was found, so one huge wrong cluster cannot hide behind many right singletons.
B-cubed is computed over the items that are in a cluster on either side; an item
in none on one side counts as its own singleton there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True)
class ClusterScores:
    pair_precision: float
    pair_recall: float
    bcubed_precision: float
    bcubed_recall: float
    n_items: int

    @property
    def pair_f1(self) -> float:
        return _f1(self.pair_precision, self.pair_recall)

    @property
    def bcubed_f1(self) -> float:
        return _f1(self.bcubed_precision, self.bcubed_recall)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _groups(assign: Mapping[Hashable, Hashable | None]) -> dict[Hashable, set]:
    out: dict[Hashable, set] = defaultdict(set)
    for item, cluster in assign.items():
        if cluster is not None:
            out[cluster].add(item)
    return out


def _pairs(assign: Mapping[Hashable, Hashable | None]) -> set[frozenset]:
    return {frozenset(p) for members in _groups(assign).values() for p in combinations(sorted(members, key=repr), 2)}


def cluster_scores(gold: Mapping[Hashable, Hashable | None], pred: Mapping[Hashable, Hashable | None]) -> ClusterScores:
    """Pairwise and B-cubed scores of ``pred`` against ``gold`` (both item → cluster or None)."""
    items = set(gold) | set(pred)
    g_pairs, p_pairs = _pairs(gold), _pairs(pred)
    both = len(g_pairs & p_pairs)
    pair_p = both / len(p_pairs) if p_pairs else 1.0
    pair_r = both / len(g_pairs) if g_pairs else 1.0
    g_groups, p_groups = _groups(gold), _groups(pred)

    def members(assign, groups, item) -> set:
        c = assign.get(item)
        return groups[c] if c is not None else {item}

    scored = [i for i in items if gold.get(i) is not None or pred.get(i) is not None]
    bp = br = 0.0
    for i in scored:
        g, p = members(gold, g_groups, i), members(pred, p_groups, i)
        common = len(g & p)
        bp += common / len(p)
        br += common / len(g)
    n = len(scored)
    return ClusterScores(
        pair_precision=pair_p,
        pair_recall=pair_r,
        bcubed_precision=bp / n if n else 1.0,
        bcubed_recall=br / n if n else 1.0,
        n_items=n,
    )
