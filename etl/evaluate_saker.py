"""How well the register of saker matches an archive labelled by hand.

``python -m etl evaluate --saker DIR`` builds a warehouse from the minutes in
``DIR`` (the real pipeline: read, parse, enrich, link) and compares it with
``DIR/labels.toml``, where every statement that reports on a sak names it:

```toml
[saker.gardermoen-dc]
kind = "datasenter"
unit = "Ullensaker"
title = "Datasenter på Gardermoen"

[[mention]]
file = "saker-2025-01-16.txt"
quote = "Green Mountain har meldt interesse"   # a verbatim part of one statement
sak = "gardermoen-dc"                          # "" for a statement that names no sak
status = "planlagt"                            # vocab.SAK_STATUSES, or ""
jobs = 0                                       # 0 = none stated
area_daa = 0
amount_nok = 0
```

Statements without a label count as naming no sak.  Printed: mention detection
(is a statement about a sak at all), linking (pairwise precision and recall,
B-cubed), the accuracy of status, kind, jobs, amount and area, and the key
figures (saker per kind, closure jobs) against the labels, so that a job
counted twice shows.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl.saker.metrics import ClusterScores, cluster_scores
from etl.vocab import SAK_KINDS

LABELS = "labels.toml"
_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class SakerEvaluation:
    clusters: ClusterScores
    detection_precision: float
    detection_recall: float
    status: Accuracy
    kind: Accuracy
    unit: Accuracy
    jobs: Accuracy
    amount: Accuracy
    area: Accuracy
    saker_by_kind: dict[str, tuple[int, int]]  # kind -> (predicted, labelled)
    closure_jobs: tuple[int, int]  # (key figure from the register, from the labels)
    double_counted_jobs: int
    n_statements: int
    n_labelled: int
    problems: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (what, statement) for a reader


def copy_documents(folder: Path, dest: Path) -> None:
    """The minutes of an archive folder (not its README or labels), copied for a build."""
    from etl.warehouse.build import SUPPORTED_SUFFIXES

    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in SUPPORTED_SUFFIXES and path.name.lower() != "readme.md" and path.is_file():
            shutil.copy(path, dest / path.name)


def _query(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def evaluate_saker(folder: Path) -> SakerEvaluation:
    from etl.warehouse.build import build

    labels = tomllib.loads((folder / LABELS).read_text(encoding="utf-8"))
    gold_saker: dict[str, dict] = labels.get("saker", {})
    with tempfile.TemporaryDirectory() as tmp:
        docs, db = Path(tmp) / "docs", Path(tmp) / "eval.duckdb"
        docs.mkdir()
        copy_documents(folder, docs)
        report = build(docs, db)
        with duckdb.connect(str(db), read_only=True) as con:
            statements = _query(con, "SELECT s.statement_id, s.source_file, s.text, s.meeting_date, r.sak_parts "
                                     "FROM v_statements s JOIN statements r USING (statement_id) ORDER BY s.meeting_date, s.seq")
            mentions = _query(con, "SELECT statement_id, sak_id, part, status, jobs, amount_nok, area_daa FROM v_sak_mentions")
            saker = {r["sak_id"]: r for r in _query(con, "SELECT sak_id, kind, jobs, unit_name FROM v_saker")}
    problems = [f"FAILED {f.source_file}: {f.reason}" for f in report.failures]
    by_statement: dict[str, list[dict]] = defaultdict(list)
    for m in mentions:
        by_statement[m["statement_id"]].append(m)
    by_file: dict[str, list[dict]] = defaultdict(list)
    for s in statements:
        by_file[s["source_file"]].append(s)

    # Which statement each label is about (its quote must be in exactly one statement of its file).
    labelled: dict[str, list[dict]] = defaultdict(list)
    for lab in labels.get("mention", []):
        quote = _norm(lab["quote"])
        hits = [s for s in by_file.get(lab["file"], []) if quote in _norm(s["text"])]
        if len(hits) != 1:
            problems.append(f"label {lab['file']}: «{lab['quote']}» is in {len(hits)} statements")
            continue
        labelled[hits[0]["statement_id"]].append(lab)

    gold: dict[tuple, str | None] = {}
    pred: dict[tuple, str | None] = {}
    pred_mention: dict[tuple, dict | None] = {}
    labels_of: dict[tuple, dict] = {}
    texts: dict[tuple, str] = {}
    dates: dict[tuple, object] = {}
    for s in statements:
        labs = labelled.get(s["statement_id"]) or [None]
        ms = sorted(by_statement.get(s["statement_id"], []), key=lambda m: m["part"])
        parts = [_norm(p) for p in (s["sak_parts"] or [])]
        for k, lab in enumerate(labs):
            item = (s["statement_id"], k)
            texts[item], dates[item] = s["text"], s["meeting_date"]
            gold[item] = (lab["sak"] or None) if lab else None
            chosen = ms[0] if ms else None
            if lab and len(ms) > 1:  # a statement listing several things: the part holding the quote
                quote = _norm(lab["quote"])
                for m in ms:
                    piece = parts[m["part"] - 1] if 0 < m["part"] <= len(parts) else ""
                    if piece and (piece in quote or quote in piece):
                        chosen = m
                        break
            pred[item], pred_mention[item] = (chosen["sak_id"] if chosen else None), chosen
            if lab:
                labels_of[item] = lab
        if labs == [None]:  # an unlabelled statement listing several things: each further part is an item
            for j, m in enumerate(ms[1:], 1):
                extra = (s["statement_id"], f"part{j}")
                gold[extra], pred[extra], pred_mention[extra] = None, m["sak_id"], m
                texts[extra], dates[extra] = s["text"], s["meeting_date"]
    return _score(gold, pred, pred_mention, labels_of, gold_saker, saker, texts, dates, statements, problems)


def _score(gold, pred, pred_mention, labels_of, gold_saker, saker, texts, dates, statements, problems) -> SakerEvaluation:
    errors: list[tuple[str, str]] = []
    detected = {i for i, c in pred.items() if c is not None}
    relevant = {i for i, c in gold.items() if c is not None}
    det_p = len(detected & relevant) / len(detected) if detected else 1.0
    det_r = len(detected & relevant) / len(relevant) if relevant else 1.0
    errors += [("not a sak, read as one", texts[i]) for i in sorted(detected - relevant, key=repr)]
    errors += [("a sak, missed", texts[i]) for i in sorted(relevant - detected, key=repr)]
    status, jobs, amount, area = Accuracy(), Accuracy(), Accuracy(), Accuracy()
    for item in sorted(detected & relevant, key=repr):
        lab, m = labels_of[item], pred_mention[item]
        ok = (lab.get("status") or None) == m["status"]
        status.add(ok)
        if not ok:
            errors.append((f"status {m['status']} (label {lab.get('status') or '–'})", texts[item]))
        for acc, key_l, key_p in ((jobs, "jobs", "jobs"), (amount, "amount_nok", "amount_nok"),
                                  (area, "area_daa", "area_daa")):
            want, got = lab.get(key_l) or None, m[key_p]
            if want is None and got is None:
                continue
            ok = want is not None and got is not None and abs(float(want) - float(got)) < 0.05
            acc.add(ok)
            if not ok:
                errors.append((f"{key_l} {got} (label {want})", texts[item]))
    # Kind: each labelled sak against the predicted sak holding most of its mentions.
    kind, unit = Accuracy(), Accuracy()
    members: dict[str, list[tuple]] = defaultdict(list)
    for item, g in gold.items():
        if g is not None:
            members[g].append(item)
    for g, items in members.items():
        found = Counter(pred[i] for i in items if pred[i] is not None)
        if not found or g not in gold_saker:
            continue
        top = found.most_common(1)[0][0]
        ok = saker[top]["kind"] == gold_saker[g]["kind"]
        kind.add(ok)
        if not ok:
            errors.append((f"kind {saker[top]['kind']} (label {gold_saker[g]['kind']})", gold_saker[g].get("title", g)))
        if gold_saker[g].get("unit"):
            ok = saker[top]["unit_name"] == gold_saker[g]["unit"]
            unit.add(ok)
            if not ok:
                errors.append((f"unit {saker[top]['unit_name']} (label {gold_saker[g]['unit']})",
                               gold_saker[g].get("title", g)))
    # Linking errors, for a reader: saker the register merged, and saker it split.
    pred_members: dict[str, list[tuple]] = defaultdict(list)
    for item, p in pred.items():
        if p is not None:
            pred_members[p].append(item)
    for p, items in sorted(pred_members.items()):
        golds = sorted({gold[i] or "–" for i in items})
        if len(golds) > 1:
            errors.append((f"merged {' + '.join(golds)}", " | ".join(texts[i][:60] for i in items)))
    for g, items in sorted(members.items()):
        found = {pred[i] for i in items if pred[i] is not None}
        if len(found) > 1:
            errors.append((f"split {g} into {len(found)}", " | ".join(texts[i][:60] for i in items)))
    predicted_kinds = Counter(s["kind"] for s in saker.values())
    gold_kinds = Counter(v["kind"] for v in gold_saker.values())
    by_kind = {k: (predicted_kinds.get(k, 0), gold_kinds.get(k, 0)) for k in SAK_KINDS}
    # Closure jobs, each sak once: the register's key figure against the labels' latest figure per sak.
    key_figure = sum(s["jobs"] or 0 for s in saker.values() if s["kind"] == "nedleggelse")
    gold_jobs = 0
    double = 0
    for g, items in members.items():
        if gold_saker.get(g, {}).get("kind") != "nedleggelse":
            continue
        figures = [labels_of[i].get("jobs") for i in sorted(items, key=lambda i: (dates[i], repr(i))) if labels_of[i].get("jobs")]
        latest = figures[-1] if figures else 0
        gold_jobs += latest
        holders = {pred[i] for i in items if pred[i] is not None and saker[pred[i]]["kind"] == "nedleggelse"
                   and saker[pred[i]]["jobs"]}
        double += max(0, len(holders) - 1) * latest
    return SakerEvaluation(
        clusters=cluster_scores(gold, pred),
        detection_precision=det_p,
        detection_recall=det_r,
        status=status, kind=kind, unit=unit, jobs=jobs, amount=amount, area=area,
        saker_by_kind=by_kind,
        closure_jobs=(key_figure, gold_jobs),
        double_counted_jobs=double,
        n_statements=len(statements),
        n_labelled=len(relevant),
        problems=problems,
        errors=errors,
    )


def format_saker_report(ev: SakerEvaluation, *, show_errors: bool = True) -> str:
    c = ev.clusters
    lines = [
        f"Saker: {ev.n_statements} statements, {ev.n_labelled} labelled as reporting on a sak",
        "",
        f"{'measure':<34} {'value':>7}",
        f"{'mention detection precision':<34} {ev.detection_precision:>7.3f}",
        f"{'mention detection recall':<34} {ev.detection_recall:>7.3f}",
        f"{'linking pairwise precision':<34} {c.pair_precision:>7.3f}",
        f"{'linking pairwise recall':<34} {c.pair_recall:>7.3f}",
        f"{'linking B-cubed precision':<34} {c.bcubed_precision:>7.3f}",
        f"{'linking B-cubed recall':<34} {c.bcubed_recall:>7.3f}",
        f"{'linking B-cubed F1':<34} {c.bcubed_f1:>7.3f}",
        f"{'status accuracy':<34} {ev.status.value:>7.3f}  ({ev.status.right}/{ev.status.total})",
        f"{'kind accuracy (per sak)':<34} {ev.kind.value:>7.3f}  ({ev.kind.right}/{ev.kind.total})",
        f"{'unit accuracy (per sak)':<34} {ev.unit.value:>7.3f}  ({ev.unit.right}/{ev.unit.total})",
        f"{'jobs accuracy':<34} {ev.jobs.value:>7.3f}  ({ev.jobs.right}/{ev.jobs.total})",
        f"{'amount accuracy':<34} {ev.amount.value:>7.3f}  ({ev.amount.right}/{ev.amount.total})",
        f"{'area accuracy':<34} {ev.area.value:>7.3f}  ({ev.area.right}/{ev.area.total})",
        "",
        f"{'saker per kind':<20} {'register':>8} {'labels':>7}",
    ]
    lines += [f"{kind:<20} {p:>8} {g:>7}" for kind, (p, g) in ev.saker_by_kind.items()]
    lines += [
        "",
        f"closure jobs (key figure): register {ev.closure_jobs[0]}, labels {ev.closure_jobs[1]}; "
        f"counted twice: {ev.double_counted_jobs}",
    ]
    lines += ev.problems
    if show_errors and ev.errors:
        lines += ["", "Differences from the labels:"]
        lines += [f"  {what}: {text}" for what, text in ev.errors]
    return "\n".join(lines)
