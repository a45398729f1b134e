"""People's corrections of the register, applied to the linker's result before it is assembled.

A rule names mentions by (statement_id, part), resolved from the corrections file
by ``etl.corrections.apply``:

* merge — the saker of two mentions are one;
* move — a mention belongs to the sak of another mention (or, with no other, to a
  sak of its own);
* rename, set_status — the sak of a mention has this title, or this status.

Rules are applied in the order they were made, merges and moves first, so a
rename after a merge names the merged sak.  A rule whose mention is no longer
in the register (the statement is now context, or hidden) is stale.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from etl.saker.features import Mention
from etl.saker.link import Linked


@dataclass
class RuleOutcome:
    applied: dict[str, int] = field(default_factory=dict)  # correction id -> a mention index of its sak
    stale: set[str] = field(default_factory=set)
    titles: dict[int, str] = field(default_factory=dict)  # mention index -> title (its sak's)
    statuses: dict[int, tuple[str, str]] = field(default_factory=dict)  # mention index -> (status, correction id)
    touched: set[int] = field(default_factory=set)  # mention indexes of corrected saker


def apply_rules(mentions: list[Mention], linked: Linked, rules: list) -> RuleOutcome:
    """Change ``linked`` in place by ``rules`` (``etl.corrections.apply.SakRule``); report what became of each."""
    out = RuleOutcome()
    where: dict[tuple[str, int], int] = {}
    first_part: dict[str, int] = {}
    for m in mentions:
        where[(m.statement_id, m.part)] = m.index
        first_part.setdefault(m.statement_id, m.index)

    def find(ref) -> int | None:
        if ref is None:
            return None
        return where.get(ref, first_part.get(ref[0]) if ref[1] == 0 else None)

    sak_of = linked.sak_of
    parent: dict[int, int] = {}  # merged sak -> the sak it joined (union-find: a merge costs no pass over mentions)

    def root(sak: int) -> int:
        while sak in parent:
            parent[sak] = parent.get(parent[sak], parent[sak])
            sak = parent[sak]
        return sak

    for rule in [r for r in rules if r.action in ("merge", "move")] + [r for r in rules if r.action not in ("merge", "move")]:
        i = find(rule.mention)
        j = find(rule.other)
        if i is None or (rule.action == "merge" and j is None) or (rule.action == "move" and rule.other and j is None):
            out.stale.add(rule.correction_id)
            continue
        if rule.action == "merge":
            into, gone = root(sak_of[j]), root(sak_of[i])
            if into != gone:
                parent[gone] = into
            out.touched.add(j)
        elif rule.action == "move":
            sak_of[i] = root(sak_of[j]) if j is not None else linked.n_saker
            if j is None:
                linked.n_saker += 1
            linked.scores[i] = None if j is None else linked.scores[i]
            out.touched.add(i)
        elif rule.action == "rename":
            out.titles[i] = str(rule.value).strip()
            out.touched.add(i)
        elif rule.action == "set_status":
            out.statuses[i] = (str(rule.value), rule.correction_id)
            out.touched.add(i)
        out.applied[rule.correction_id] = i
    if parent:
        for k, s in enumerate(sak_of):
            sak_of[k] = root(s)
    return out
