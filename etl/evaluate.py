"""Precision and recall of the extraction against the hand-checked golden files.

For every document with a sibling ``<name>.expected.json`` the document is
processed again and compared with its golden file.  Statements are matched by
their provenance (first and last line), which is what a reviewer checks.  Each
field then counts as a set of (statement, value) pairs; themes count per theme.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from etl.errors import DocumentError

STATEMENT_FIELDS = (
    "section", "text", "unit_name", "reporter", "fact_type",
    "organisations", "jobs", "amount_nok", "event_date",
)  # fmt: skip


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set, golden: set) -> None:
        self.tp += len(predicted & golden)
        self.fp += len(predicted - golden)
        self.fn += len(golden - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class EvalResult:
    documents: list[str] = field(default_factory=list)
    fields: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    themes: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[str] = field(default_factory=list)


def golden_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(document, golden) pairs: every file with a sibling ``<file name>.expected.json``."""
    pairs = []
    for golden in sorted(folder.rglob("*.expected.json")):
        doc = golden.with_name(golden.name.removesuffix(".expected.json"))
        if doc.exists():
            pairs.append((doc, golden))
    return pairs


def _keyed(statements: list[dict]) -> list[tuple[tuple, dict]]:
    """(key, statement): the key is the line range plus the statement's position among
    statements on the same lines (several sentences or table points may share a line)."""
    seen: dict[tuple, int] = {}
    out = []
    for st in statements:
        span = (st["prov"]["line_start"], st["prov"]["line_end"])
        seen[span] = seen.get(span, -1) + 1
        out.append(((*span, seen[span]), st))
    return out


def _value(st: dict, name: str):
    if name == "reporter":  # compare people by their canonical name when there is one
        return st.get("reporter_canonical") or st.get("reporter")
    return st.get(name)


def _pairs(statements: list[dict], name: str) -> set:
    out = set()
    for key, st in _keyed(statements):
        value = _value(st, name)
        if value in (None, [], ""):
            continue
        if isinstance(value, list):
            out.update((key, v) for v in value)
        else:
            out.add((key, value))
    return out


def compare(predicted: dict, golden: dict, result: EvalResult) -> None:
    p_st, g_st = predicted["statements"], golden["statements"]
    p_keyed, g_keyed = _keyed(p_st), _keyed(g_st)
    result.fields["statements"].add({k for k, _ in p_keyed}, {k for k, _ in g_keyed})
    for name in STATEMENT_FIELDS:
        result.fields[name].add(_pairs(p_st, name), _pairs(g_st, name))
    theme_ids = {t for s in p_st + g_st for t in s["themes"]}
    for theme in theme_ids:
        result.themes[theme].add(
            {k for k, s in p_keyed if theme in s["themes"]}, {k for k, s in g_keyed if theme in s["themes"]}
        )
    for name, keyf in (
        ("events", lambda e: (e["title"], e["event_date"], e["organiser"], e["url"])),
        ("agenda", lambda a: (a["number"], a["title"])),
        ("decisions", lambda a: (a["number"], a["decision"])),
        ("attendees", lambda a: a),
    ):
        src = "agenda" if name == "decisions" else name
        p = {keyf(x) for x in predicted[src] if name != "decisions" or x["decision"]}
        g = {keyf(x) for x in golden[src] if name != "decisions" or x["decision"]}
        result.fields[name].add(p, g)
    for meta in ("organ", "meeting_date", "place", "chair", "secretary", "time_start", "time_end"):
        p = {predicted[meta]} - {None}
        g = {golden[meta]} - {None}
        result.fields[f"meeting.{meta}"].add(p, g)


def evaluate(folder: Path) -> EvalResult:
    from etl.pipeline import process

    result = EvalResult()
    for doc, golden_path in golden_pairs(folder):
        result.documents.append(doc.name)
        try:
            predicted = json.loads(json.dumps(process(doc, doc.parent).to_dict()))
        except DocumentError as exc:
            result.errors.append(f"{doc.name}: {exc.reason}")
            continue
        compare(predicted, json.loads(golden_path.read_text(encoding="utf-8")), result)
    return result


def format_report(result: EvalResult) -> str:
    lines = [f"Evaluated {len(result.documents)} documents: {', '.join(result.documents)}", ""]
    for title, table in (("Field", result.fields), ("Theme", result.themes)):
        lines.append(f"{title:<24} {'precision':>9} {'recall':>7} {'tp':>5} {'fp':>4} {'fn':>4}")
        for name in sorted(table):
            c = table[name]
            lines.append(f"{name:<24} {c.precision:>9.3f} {c.recall:>7.3f} {c.tp:>5} {c.fp:>4} {c.fn:>4}")
        lines.append("")
    for err in result.errors:
        lines.append(f"FAILED {err}")
    return "\n".join(lines)
