"""``python -m etl evaluate-structure --fixtures DIR``: the parser's structure against hand labels.

Each document ``X.txt|X.docx|X.pdf`` in DIR has ``X.labels.json`` beside it
(format in docs/extraction.md, "Minutes from other bodies"). The document is read,
parsed and enriched as the build does it, and compared field by field:

- meeting_date, meeting_end_date (when labelled or parsed), organ: one per
  document; right = TP, wrong = FP + FN, missing = FN, invented = FP;
- kind: accuracy;
- agenda items: matched in order by normalised title (a parsed title that starts
  with the labelled one and is at most 1.3 times as long also matches) and by
  number when both sides give one;
- decisions over matched and unmatched items;
- round-table units (consecutive round-table statements of one unit header form
  one parsed unit), their reporters, and the share of labelled units whose
  statement count is exactly right.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DOC_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
FIELDS = ("meeting_date", "meeting_end_date", "organ", "agenda_items", "decisions", "round_table_units", "reporters")
_DECISION_PREFIX = 60
_TITLE_SLACK = 1.3


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass(slots=True)
class StructureResult:
    fields: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    kind_right: int = 0
    kind_total: int = 0
    units_exact: int = 0  # labelled units whose statement count is exactly right
    units_total: int = 0
    documents: int = 0
    errors: list[str] = field(default_factory=list)  # "file: reason" for documents that failed
    misses: list[str] = field(default_factory=list)  # "file: field: expected … got …", for review

    @property
    def kind_accuracy(self) -> float | None:
        return self.kind_right / self.kind_total if self.kind_total else None

    @property
    def statements_exact(self) -> float | None:
        return self.units_exact / self.units_total if self.units_total else None


def normalise(text: str | None) -> str:
    """Casefold, NFC, collapse whitespace, strip punctuation at the ends."""
    if text is None:
        return ""
    t = unicodedata.normalize("NFC", text).casefold()
    t = re.sub(r"\s+", " ", t).strip()
    return t.strip(" .,:;!?–—-*\"«»'()[]").strip()


def _single(counts: Counts, parsed: Any, label: Any, same: Callable[[Any, Any], bool] = lambda a, b: a == b) -> bool:
    """One value per document: right = TP, wrong = FP + FN, none = FN, invented = FP."""
    if label is None and parsed is None:
        return True
    if label is None:
        counts.fp += 1
        return False
    if parsed is None:
        counts.fn += 1
        return False
    if same(parsed, label):
        counts.tp += 1
        return True
    counts.fp += 1
    counts.fn += 1
    return False


def title_matches(parsed: str | None, label: str | None) -> bool:
    p, lab = normalise(parsed), normalise(label)
    if not lab:
        return False
    return p == lab or (p.startswith(lab) and len(p) <= _TITLE_SLACK * len(lab))


def number_matches(parsed: str | None, label: str | None) -> bool:
    if not parsed or not label:
        return True  # ignored when either side has none
    return re.sub(r"\s+", "", parsed).casefold() == re.sub(r"\s+", "", label).casefold()


def decision_matches(parsed: str | None, label: str) -> bool:
    p, lab = normalise(parsed), normalise(label)
    return bool(p) and (p == lab or p.startswith(lab[:_DECISION_PREFIX]))


def align(parsed: Sequence[Any], labels: Sequence[Any], same: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    """In-order matching (longest common subsequence under ``same``): pairs (parsed index, label index)."""
    n, m = len(parsed), len(labels)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if same(parsed[i], labels[j]):
                best[i][j] = best[i + 1][j + 1] + 1
            else:
                best[i][j] = max(best[i + 1][j], best[i][j + 1])
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if same(parsed[i], labels[j]) and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def parsed_units(parse: dict[str, Any]) -> list[dict[str, Any]]:
    """Round-table statements grouped by unit header, in document order:
    [{"unit": name, "reporter": …, "statements": n}]."""
    units: list[dict[str, Any]] = []
    last: tuple[Any, ...] | None = None
    for s in parse.get("statements", []):
        if s.get("section") != "round_table":
            last = None
            continue
        name = s.get("unit_name") if s.get("unit_known", True) and s.get("unit_name") else s.get("unit_raw")
        key = (s.get("item_no"), s.get("unit_raw"), name)
        if name is None:
            last = None
            continue
        if key == last:
            units[-1]["statements"] += 1
            units[-1]["reporter"] = units[-1]["reporter"] or s.get("reporter")
        else:
            units.append({"unit": name, "reporter": s.get("reporter"), "statements": 1})
        last = key
    return units


def _unit_same(p: dict[str, Any], lab: dict[str, Any]) -> bool:
    pu, lu = normalise(p["unit"]), normalise(lab.get("unit"))
    drop = re.compile(r"\s+(kommune|kommune:)$")
    return bool(lu) and (pu == lu or drop.sub("", pu) == drop.sub("", lu))


def compare_document(parse: dict[str, Any], label: dict[str, Any], result: StructureResult, name: str = "") -> None:
    """Add one document's counts to ``result``. ``parse`` is ``Meeting.to_dict()``."""
    f = result.fields
    result.documents += 1

    def miss(what: str, want: Any, got: Any) -> None:
        result.misses.append(f"{name}: {what}: forventet {want!r}, fikk {got!r}")

    if not _single(f["meeting_date"], parse.get("meeting_date"), label.get("meeting_date")):
        miss("meeting_date", label.get("meeting_date"), parse.get("meeting_date"))
    if not _single(f["meeting_end_date"], parse.get("end_date"), label.get("meeting_end_date")):
        miss("meeting_end_date", label.get("meeting_end_date"), parse.get("end_date"))
    organ_ok = _single(
        f["organ"], parse.get("organ"), label.get("organ"), lambda a, b: normalise(a) == normalise(b)
    )
    if not organ_ok:
        miss("organ", label.get("organ"), parse.get("organ"))
    if label.get("kind"):
        result.kind_total += 1
        if (parse.get("kind") or "referat") == label["kind"]:
            result.kind_right += 1
        else:
            miss("kind", label["kind"], parse.get("kind"))

    items = parse.get("agenda", [])
    want = label.get("agenda_items", [])
    pairs = align(
        items,
        want,
        lambda p, lab: title_matches(p.get("title"), lab.get("title")) and number_matches(p.get("number"), lab.get("number")),
    )
    matched_p = {i for i, _ in pairs}
    matched_l = {j for _, j in pairs}
    f["agenda_items"].tp += len(pairs)
    f["agenda_items"].fp += len(items) - len(pairs)
    f["agenda_items"].fn += len(want) - len(pairs)
    for j, lab in enumerate(want):
        if j not in matched_l:
            miss("agenda_item", f"{lab.get('number')} {lab.get('title')}", None)
    for i, p in enumerate(items):
        if i not in matched_p:
            miss("agenda_item (ekstra)", None, f"{p.get('number')} {p.get('title')}")
    dec = f["decisions"]
    for i, j in pairs:
        got, wanted = items[i].get("decision"), want[j].get("decision")
        if wanted is None:
            if got:
                dec.fp += 1
                miss(f"decision {want[j].get('title')}", None, got)
        elif decision_matches(got, wanted):
            dec.tp += 1
        else:
            dec.fn += 1
            dec.fp += bool(got)
            miss(f"decision {want[j].get('title')}", wanted, got)
    dec.fn += sum(1 for j, lab in enumerate(want) if j not in matched_l and lab.get("decision"))
    dec.fp += sum(1 for i, p in enumerate(items) if i not in matched_p and p.get("decision"))

    units = parsed_units(parse)
    want_units = label.get("round_table", [])
    upairs = align(units, want_units, _unit_same)
    f["round_table_units"].tp += len(upairs)
    f["round_table_units"].fp += len(units) - len(upairs)
    f["round_table_units"].fn += len(want_units) - len(upairs)
    matched_u = {j for _, j in upairs}
    for j, lab in enumerate(want_units):
        if j not in matched_u:
            miss("round_table unit", lab.get("unit"), None)
    matched_pu = {i for i, _ in upairs}
    for i, u in enumerate(units):
        if i not in matched_pu:
            miss("round_table unit (ekstra)", None, u["unit"])
    rep = f["reporters"]
    result.units_total += len(want_units)
    for i, j in upairs:
        got, wanted = units[i]["reporter"], want_units[j].get("reporter")
        if not _single(rep, got, wanted, lambda a, b: normalise(a) == normalise(b)):
            miss(f"reporter {want_units[j].get('unit')}", wanted, got)
        if units[i]["statements"] == want_units[j].get("statements"):
            result.units_exact += 1
        else:
            miss(f"statements {want_units[j].get('unit')}", want_units[j].get("statements"), units[i]["statements"])
    rep.fn += sum(1 for j, lab in enumerate(want_units) if j not in matched_u and lab.get("reporter"))


def label_files(fixtures: Path) -> list[tuple[Path, Path]]:
    """(document, labels) pairs in DIR, sorted by name."""
    out = []
    for lab in sorted(fixtures.glob("*.labels.json")):
        stem = lab.name[: -len(".labels.json")]
        doc = lab.with_name(stem)
        if doc.suffix.lower() not in DOC_SUFFIXES:
            doc = next((lab.with_name(stem + s) for s in DOC_SUFFIXES if lab.with_name(stem + s).exists()), doc)
        out.append((doc, lab))
    return out


def evaluate_structure(fixtures: Path, parse: Callable[[Path, Path], dict[str, Any]] | None = None) -> StructureResult:
    """Score every labelled document in ``fixtures``; ``parse(doc, root)`` defaults to the build's pipeline."""
    from etl.errors import DocumentError

    if parse is None:
        from etl.pipeline import process

        def parse(doc: Path, root: Path) -> dict[str, Any]:
            return process(doc, root=root).to_dict()

    result = StructureResult()
    for doc, lab in label_files(fixtures):
        try:
            label = json.loads(lab.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            result.errors.append(f"{lab.name}: {exc}")
            continue
        if "document" in label:
            doc = lab.with_name(label["document"])
        try:
            parsed = parse(doc, fixtures)
        except (DocumentError, OSError) as exc:
            result.errors.append(f"{doc.name}: {getattr(exc, 'reason', exc)}")
            continue
        compare_document(parsed, label, result, doc.name)
    return result


def _fmt(x: float | None) -> str:
    return "   –" if x is None else f"{x:.2f}"


def format_structure_report(r: StructureResult, show_misses: bool = True) -> str:
    lines = [f"Structure of {r.documents} labelled documents", f"{'field':<20} {'TP':>4} {'FP':>4} {'FN':>4}  {'P':>5} {'R':>5}"]
    for name, c in r.fields.items():
        lines.append(f"{name:<20} {c.tp:>4} {c.fp:>4} {c.fn:>4}  {_fmt(c.precision):>5} {_fmt(c.recall):>5}")
    lines.append(f"{'kind':<20} accuracy {_fmt(r.kind_accuracy)} ({r.kind_right}/{r.kind_total})")
    lines.append(f"{'statements per unit':<20} exactly right {_fmt(r.statements_exact)} ({r.units_exact}/{r.units_total})")
    for e in r.errors:
        lines.append(f"FAILED {e}")
    if show_misses and r.misses:
        lines.append("")
        lines.append("Misses:")
        lines.extend(f"  {m}" for m in r.misses)
    return "\n".join(lines)
