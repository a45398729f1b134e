"""How often people overrule the machine, rule by rule, measured from their corrections.

``python -m etl evaluate --corrections`` reads the warehouse's ``v_corrections``
(the corrections file as the last build applied it) and the machine's own reading
(the raw ``statements`` table, before corrections) and prints, for each rule:

* themes: how many statements the taxonomy tagged with each theme, and how many
  times a person removed it (a false positive) or added it (a miss);
* fact types: from → to, and the share of the machine's statements of that type
  that were changed;
* units: from → to;
* figures (jobs, amount, date), statements marked "not a fact" (by the fact type
  the machine gave them), statements added by hand or split (parser misses);
* saker: merges (the linker split one thing), moves (it joined two), renames and
  status changes (from → to).

Only corrections in force count (status ``brukt``): a replaced one is not a second
vote, a stale one no longer applies.  The rates are what to fix first: a theme
removed from one statement in ten is a keyword that misfires.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl.corrections import APPLIED, INVALID, STALE, SUPERSEDED


@dataclass
class RuleStats:
    statuses: Counter = field(default_factory=Counter)  # brukt/foreldet/erstattet/ugyldig
    reviews: Counter = field(default_factory=Counter)  # approve / flag
    themes_tagged: Counter = field(default_factory=Counter)  # theme -> statements the machine tagged
    themes_removed: Counter = field(default_factory=Counter)
    themes_added: Counter = field(default_factory=Counter)
    fact_types_machine: Counter = field(default_factory=Counter)
    fact_types: Counter = field(default_factory=Counter)  # (from, to) -> n
    units_machine: Counter = field(default_factory=Counter)
    units: Counter = field(default_factory=Counter)  # (from, to) -> n
    figures: Counter = field(default_factory=Counter)  # "jobs: added/changed/removed" -> n
    not_a_fact: Counter = field(default_factory=Counter)  # machine fact type -> n
    added: int = 0
    split: int = 0
    meetings: Counter = field(default_factory=Counter)  # field -> n
    saker: Counter = field(default_factory=Counter)  # merge/move/rename/set_status -> n
    sak_status: Counter = field(default_factory=Counter)  # (from, to) -> n


def _json(text):
    try:
        return json.loads(text) if text is not None else None
    except ValueError:
        return text


def evaluate_corrections(db: Path) -> RuleStats:
    """The figures above, from a built warehouse."""
    stats = RuleStats()
    with duckdb.connect(str(db), read_only=True) as con:
        log = con.execute("SELECT target, action, value, old, status, target_id FROM v_corrections").fetchall()
        machine = con.execute(
            "SELECT s.statement_id, s.fact_type, s.unit_name, s.themes, s.jobs, s.amount_nok, s.event_date FROM statements s "
            "JOIN documents d USING (source_file) WHERE d.status = 'loaded'"
        ).fetchall()
    by_id = {r[0]: r[1:] for r in machine}  # statement_id -> the machine's (fact_type, unit, themes, jobs, amount, date)
    for _, fact_type, unit, themes, *_ in machine:
        stats.fact_types_machine[fact_type] += 1
        stats.units_machine[unit] += 1
        stats.themes_tagged.update(themes or [])
    for target, action, value, old, status, target_id in log:
        stats.statuses[status] += 1
        if target == "review":
            if status == APPLIED:
                stats.reviews[action] += 1
            continue
        if status != APPLIED:
            continue
        new, was = _json(value), _json(old)
        if target == "meeting":
            stats.meetings[action.removeprefix("set_")] += 1
        elif target == "sak":
            stats.saker[action] += 1
            if action == "set_status":
                stats.sak_status[(was or "ingen", new)] += 1
        elif action == "set_themes":
            before = set(by_id.get(target_id, (None, None, []))[2] or [])
            stats.themes_removed.update(before - set(new or []))
            stats.themes_added.update(set(new or []) - before)
        elif action == "set_fact_type":
            machine_type = by_id.get(target_id, (was,))[0]
            if machine_type != new:  # a rule fixed since agrees with the person: no longer overruled
                stats.fact_types[(machine_type, new)] += 1
        elif action == "set_unit":
            machine_unit = by_id.get(target_id, (None, was))[1]
            if machine_unit != new:
                stats.units[(machine_unit or "ingen", new)] += 1
        elif action in ("set_jobs", "set_amount", "set_date"):
            if target_id in by_id:  # what the machine read, not what the person saw (an earlier correction)
                was = by_id[target_id][("set_jobs", "set_amount", "set_date").index(action) + 3]
            kind = "added" if was in (None, "") else "removed" if new in (None, "") else "changed"
            stats.figures[f"{action.removeprefix('set_')}: {kind}"] += 1
        elif action == "not_a_fact":
            stats.not_a_fact[by_id.get(target_id, ("?",))[0]] += 1
        elif action == "add":
            stats.added += 1
        elif action == "split":
            stats.split += 1
    return stats


def _pct(n: int, of: int) -> str:
    return f"{100 * n / of:5.1f} %" if of else "    –"


def format_corrections_report(s: RuleStats) -> str:
    out = [
        f"Corrections: {s.statuses[APPLIED] - sum(s.reviews.values())} applied, {s.statuses[STALE]} stale (foreldet), "
        f"{s.statuses[SUPERSEDED]} superseded, {s.statuses[INVALID]} invalid; "
        f"{s.reviews['approve']} approvals, {s.reviews['flag']} flags",
        "",
        "Themes (the taxonomy's keywords): removed = tagged wrongly, added = missed",
        f"  {'theme':<22}{'tagged':>8}{'removed':>9}{'added':>7}{'overruled':>11}",
    ]
    themes = sorted(set(s.themes_removed) | set(s.themes_added),
                    key=lambda t: (-(s.themes_removed[t] + s.themes_added[t]), t))
    for t in themes:
        n = s.themes_removed[t] + s.themes_added[t]
        out.append(f"  {t:<22}{s.themes_tagged[t]:>8}{s.themes_removed[t]:>9}{s.themes_added[t]:>7}"
                   f"{_pct(n, s.themes_tagged[t] or n):>11}")
    if not themes:
        out.append("  (none)")
    out += ["", "Fact types (the machine's → the person's)", f"  {'from → to':<32}{'n':>4}{'of machine':>12}{'rate':>9}"]
    for (a, b), n in s.fact_types.most_common():
        out.append(f"  {f'{a} → {b}':<32}{n:>4}{s.fact_types_machine[a]:>12}{_pct(n, s.fact_types_machine[a]):>9}")
    if not s.fact_types:
        out.append("  (none)")
    out += ["", "Units (the machine's → the person's)", f"  {'from → to':<32}{'n':>4}{'of machine':>12}{'rate':>9}"]
    for (a, b), n in s.units.most_common():
        of = s.units_machine[None if a == "ingen" else a]
        out.append(f"  {f'{a} → {b}':<32}{n:>4}{of:>12}{_pct(n, of):>9}")
    if not s.units:
        out.append("  (none)")
    out += ["", "Figures: " + (", ".join(f"{k} {n}" for k, n in sorted(s.figures.items())) or "none changed"),
            "Not a fact: " + (", ".join(f"{k} {n}" for k, n in s.not_a_fact.most_common()) or "none")
            + " (by the fact type the machine gave)",
            f"Parser misses: {s.added} statements added from source lines, {s.split} split",
            "Meetings: " + (", ".join(f"{k} {n}" for k, n in sorted(s.meetings.items())) or "none corrected"),
            f"Saker: {s.saker['merge']} merged (the linker split one thing), {s.saker['move']} mentions moved "
            f"(it joined two), {s.saker['rename']} renamed, {s.saker['set_status']} status set"
            + (" (" + ", ".join(f"{a} → {b} {n}" for (a, b), n in s.sak_status.most_common()) + ")" if s.sak_status else "")]
    return "\n".join(out)
