"""Our saker linker against a Splink 5 model on the same mentions: quality and seconds.

The issue asked us to pick a well-kept library by measured quality.  We use
rapidfuzz inside our own Fellegi–Sunter linker (``etl.saker``); this script
measures the alternative, Splink on DuckDB, on exactly the same mentions and
features, and scores both with the same code as ``python -m etl evaluate --saker``.

Splink is deliberately NOT a project dependency (it is not in pyproject.toml):
run this from a throwaway venv.

    python -m venv /tmp/splinkenv
    /tmp/splinkenv/bin/pip install splink rapidfuzz pandas pyarrow snowballstemmer python-docx \
        python-pptx openpyxl pypdfium2 charset-normalizer fpdf2 tqdm
    /tmp/splinkenv/bin/python benchmarks/compare_linkers.py [--meetings 200 2000] [--copies 1000] [--regions 500]

Rows: our linker; Splink trained the Splink way (λ from deterministic rules, u by random
sampling, m by EM on blocking rules); Splink with m/u fixed so that each level's match weight
is ours (``etl.saker.comparisons.WEIGHTS``, λ = 0.5: match weight = our score).  Splink's pairs
are clustered by connected components at several thresholds.
"""

from __future__ import annotations

import argparse
import logging
import math
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]  # the project is not installed in the Splink venv

import splink.comparison_level_library as cll
from bench_build import write_copies
from splink import DuckDBAPI, Linker, SettingsCreator
from splink.blocking_rule_library import CustomRule
from splink.comparison_library import CustomComparison

import etl.saker
import etl.warehouse.build
from etl.evaluate_saker import copy_documents, evaluate_saker
from etl.saker.comparisons import COMPATIBLE, EXACT_REPEAT, THRESHOLD, WEIGHTS
from etl.saker.features import Mention, mentions_from_rows
from etl.saker.link import Linked, link
from etl.synthetic import generate, write_labels
from etl.warehouse.build import build
from etl.warehouse.register import mention_rows

FIXTURE = ROOT / "tests" / "fixtures" / "saker"
# The build parses in forked workers; forking once Splink's DuckDB has threads running can kill
# a worker (BrokenProcessPool), so every build here parses in-process.
etl.warehouse.build.PARALLEL_FROM = sys.maxsize


def load_mentions(folder: Path) -> list[Mention]:
    """The mentions the warehouse build links, built with the project's own code."""
    with tempfile.TemporaryDirectory() as tmp:
        docs, db = Path(tmp) / "docs", Path(tmp) / "w.duckdb"
        docs.mkdir()
        copy_documents(folder, docs)
        build(docs, db)
        with duckdb.connect(str(db), read_only=True) as con:
            rows = mention_rows(con)
    return mentions_from_rows(rows)


def score(folder: Path, mentions: list[Mention], linked: Linked):
    """Scores exactly as ``python -m etl evaluate --saker`` computes them: that code builds its
    own warehouse and maps labels to mentions; we only swap the linking it stores.
    ``build_register`` looks ``link`` up in ``etl.saker``'s namespace, so that is what we replace."""
    keys = [m.key for m in mentions]

    def replay(ms: list[Mention]) -> Linked:
        assert [m.key for m in ms] == keys, "the build saw other mentions than the ones we linked"
        return linked

    etl.saker.link = replay
    try:
        return evaluate_saker(folder).clusters
    finally:
        etl.saker.link = link


# ---- The Splink model: the same blocking, levels and (optionally) weights as etl.saker.comparisons ----

def table(mentions: list[Mention]) -> pd.DataFrame:
    """One row per mention.  Empty sets become NULL so that Splink's null levels apply;
    absent figures become SQL NULL (nullable dtypes), never NaN, which DuckDB calls equal to NaN."""
    def arr(s) -> list[str] | None:
        return sorted(s) or None

    rows = [{
        "unique_id": m.index, "idx": m.index, "statement_id": m.statement_id, "meeting_id": m.meeting_id,
        "unit": m.unit.casefold() if m.unit else None, "unit_kind": m.unit_kind, "kommuner": arr(m.kommuner),
        "regions": arr(m.regions), "organisations": arr(m.organisations), "places": arr(m.places),
        "words": arr(m.words), "things": arr(m.things), "kind": m.kind, "compatible": sorted(COMPATIBLE[m.kind]),
        "text_key": m.text_key, "part": m.part, "area": m.area_daa or None, "jobs": m.jobs or None,
        "refers_back": m.refers_back,
        # Our index files a region's saker under its name and a member's under its regions.
        "region_key": [m.unit.casefold()] if m.unit_kind == "region" and m.unit else arr(m.regions),
    } for m in mentions]
    return pd.DataFrame(rows).astype({"area": "Float64", "jobs": "Int64"})


# Hard gates of our compare(): kinds that may link, and never two parts of one statement.
GATE = "list_contains(l.compatible, r.kind) AND l.statement_id <> r.statement_id"
IS_REGION = "coalesce({s}.unit_kind = 'region', false)"
BLOCKING = [  # our _Index: a shared unit, kommune, organisation or place, or a region and its member
    CustomRule(f"l.unit = r.unit AND {GATE}"),
    *[CustomRule(f"l.{c} = r.{c} AND {GATE}", arrays_to_explode=[c]) for c in ("kommuner", "organisations", "places")],
    CustomRule(f"l.region_key = r.region_key AND {IS_REGION.format(s='l')} <> {IS_REGION.format(s='r')} AND {GATE}",
               arrays_to_explode=["region_key"]),
]

# SQL for our comparison levels; Splink names the two sides col_l and col_r.
CLASH = "(kommuner_l IS NOT NULL AND kommuner_r IS NOT NULL AND NOT list_has_any(kommuner_l, kommuner_r))"
SAME_UNIT = "(unit_l = unit_r OR list_has_any(kommuner_l, kommuner_r))"
MEMBER = ("((unit_kind_l = 'region' AND list_contains(regions_r, unit_l))"
          " OR (unit_kind_r = 'region' AND list_contains(regions_l, unit_r)))")
# rapidfuzz's Indel ratio is not in DuckDB: a Levenshtein ratio stands in for "spelling variant".
WORD_MATCH = ("(x = y OR (least(length(x), length(y)) >= 5 AND (contains(x, y) OR contains(y, x)))"
              " OR 1 - levenshtein(x, y) / greatest(length(x), length(y)) >= 0.88)")


def soft_hits(a: str, b: str) -> str:
    return f"len(list_filter({a}, lambda x: list_bool_or(list_transform({b}, lambda y: {WORD_MATCH}))))"


DICE = f"(({soft_hits('words_l', 'words_r')} + {soft_hits('words_r', 'words_l')}) / (len(words_l) + len(words_r)))"


def not_org(side: str, other: str) -> str:  # our places comparison leaves out names the other side has as organisations
    return f"list_filter(places_{side}, lambda p: NOT coalesce(list_contains(organisations_{other}, p), false))"


# Splink finds the columns a level needs by parsing its SQL, and skips every column inside a
# lambda, so a column used only there is missing from its training tables ("Binder Error:
# Referenced column organisations_r not found").  Naming it once outside, as a no-op, fixes that.
USES_ORGS = "(organisations_l IS NULL OR organisations_r IS NULL OR true) AND "


ELSE, NULL = None, "null"
LEVELS: dict[str, list[tuple[str, str | None] | tuple[str, str, str]]] = {
    "unit": [("unknown", "unit_l IS NULL OR unit_r IS NULL", NULL), ("different", CLASH), ("same", SAME_UNIT),
             ("region and member", MEMBER), ("different", ELSE)],
    "organisations": [("shared", ("list_has_any(organisations_l, organisations_r) OR list_has_any(organisations_l, "
                                  "places_r) OR list_has_any(places_l, organisations_r)")),
                      ("both named, none shared", "organisations_l IS NOT NULL AND organisations_r IS NOT NULL"),
                      ("not both named", ELSE)],
    "places": [("shared", f"{USES_ORGS}list_has_any({not_org('l', 'r')}, {not_org('r', 'l')})"),
               ("both named, none shared", f"{USES_ORGS}len({not_org('l', 'r')}) > 0 AND len({not_org('r', 'l')}) > 0"),
               ("not both named", ELSE)],
    "wording": [("no words", "words_l IS NULL OR words_r IS NULL", NULL), ("very similar", f"{DICE} >= 0.8"),
                ("similar", f"{DICE} >= 0.5"),
                ("somewhat similar", f"{DICE} >= 0.25 OR len(words_l) < 2 OR len(words_r) < 2"), ("different", ELSE)],
    # "incompatible" never reaches prediction (the gate) but does reach EM's training pairs.
    "kind": [("same", "kind_l = kind_r"), ("compatible", "list_contains(compatible_l, kind_r)"),
             ("incompatible", ELSE)],
    "thing": [("not both typed", "things_l IS NULL OR things_r IS NULL", NULL),
              ("same type", f"{soft_hits('things_l', 'things_r')} > 0"), ("different types", ELSE)],
    "quantities": [("same figure", "area_l = area_r OR jobs_l = jobs_r"),
                   ("different area", "area_l IS NOT NULL AND area_r IS NOT NULL"), ("no figure to compare", ELSE)],
    "meeting": [("same meeting and unit", "meeting_id_l = meeting_id_r AND unit_l IS NOT DISTINCT FROM unit_r"),
                ("other meeting or unit", ELSE)],
    # The later mention refers back ("datasenteret …") to a thing of its own unit or region.
    "reference": [("refers back", (f"((idx_l < idx_r AND refers_back_r) OR (idx_r < idx_l AND refers_back_l))"
                                   f" AND unit_l IS NOT NULL AND unit_r IS NOT NULL AND NOT {CLASH}"
                                   f" AND ({SAME_UNIT} OR {MEMBER})")),
                  ("does not", ELSE)],
    # Our linker puts a line the same unit repeats word for word straight into its copy's sak.
    "repeat": [("exact repeat", ("unit_l IS NOT DISTINCT FROM unit_r AND text_key_l = text_key_r AND part_l = part_r"
                                 " AND kind_l = kind_r AND meeting_id_l <> meeting_id_r")), ("not a repeat", ELSE)],
}
FIXED = {**WEIGHTS, "kind": {**WEIGHTS["kind"], "incompatible": -99.0},
         "repeat": {"exact repeat": EXACT_REPEAT, "not a repeat": 0.0}}


def comparisons(fixed: bool) -> list[CustomComparison]:
    out = []
    for name, levels in LEVELS.items():
        made = []
        for label, sql, *null in levels:
            level = cll.ElseLevel() if sql is None else cll.CustomLevel(sql, label_for_charts=label)
            made.append(level.configure(is_null_level=True) if null else level)
        comp = CustomComparison(made, output_column_name=name)
        if fixed:  # m/u with m/u = 2^weight; Splink only ever uses their ratio (null levels have none)
            ws = [FIXED[name][label] for label, _, *null in levels if not null]
            comp.configure(m_probabilities=[min(1.0, 2.0**w) for w in ws], u_probabilities=[min(1.0, 2.0**-w) for w in ws])
        out.append(comp)
    return out


def splink_model(mentions: list[Mention], fixed: bool, iterations: int = 25) -> tuple[Linker, object, float]:
    """A trained Linker, its scored pairs, and the seconds from the mentions to the scored pairs."""
    t = time.perf_counter()
    db = DuckDBAPI()
    settings = SettingsCreator(link_type="dedupe_only", comparisons=comparisons(fixed),
                               blocking_rules_to_generate_predictions=BLOCKING, max_iterations=iterations,
                               probability_two_random_records_match=0.5 if fixed else 1e-4)
    linker = Linker(db.register(table(mentions)), settings, log_level=logging.ERROR)
    if not fixed:
        # λ from rules that admit few false matches; u from (here exhaustive) random pairs; m by EM.
        linker.training.estimate_probability_two_random_records_match(
            ["l.unit = r.unit AND l.text_key = r.text_key",
             CustomRule("l.organisations = r.organisations AND l.unit = r.unit", arrays_to_explode=["organisations"])],
            recall=0.6)
        linker.training.estimate_u_using_random_sampling(max_pairs=1e7, seed=1)
        linker.training.estimate_parameters_using_expectation_maximisation("l.unit = r.unit")
        # EM refuses exploding rules, so this session joins on the first (sorted) organisation.
        linker.training.estimate_parameters_using_expectation_maximisation("l.organisations[1] = r.organisations[1]")
        linker.training.estimate_parameters_using_expectation_maximisation("l.kind = r.kind")  # trains all but kind
    pairs = linker.inference.predict(warning_mode="never")
    return linker, pairs, time.perf_counter() - t


def clusters(linker: Linker, pairs, n: int, **threshold) -> tuple[Linked, float]:
    """Connected components at a threshold, as a Linked (sak numbers in order of first mention)."""
    t = time.perf_counter()
    df = linker.clustering.cluster_pairwise_predictions_at_threshold(pairs, **threshold).as_pandas_dataframe()
    seconds = time.perf_counter() - t
    cluster_of = dict(zip(df["unique_id"].astype(int), df["cluster_id"]))
    numbers: dict = {}
    sak_of = [numbers.setdefault(cluster_of.get(i, ("alone", i)), len(numbers)) for i in range(n)]
    return Linked(sak_of=sak_of, scores=[None] * n, n_saker=len(numbers)), seconds


def learned_weights(linker: Linker) -> list[str]:
    """EM's match weight per level next to ours: where Splink's estimate departs from our reading."""
    model = linker.misc.save_model_to_json()
    lines = [f"  λ (probability two random mentions match) {model['probability_two_random_records_match']:.4f}"]
    for comp in model["comparisons"]:
        name = comp["output_column_name"]
        for lvl, (label, *_) in zip(comp["comparison_levels"], LEVELS[name]):  # the same levels, in order
            if lvl.get("is_null_level"):
                continue
            m, u = lvl.get("m_probability"), lvl.get("u_probability")  # None where a level was never seen
            w = f"{math.log2(m / u):+6.1f}" if m and u else f"untrained ({'m' if not m else ''}{'u' if not u else ''})"
            lines.append(f"  {name:<14} {label:<26} EM {w}   ours {FIXED[name][label]:+6.1f}")
    return lines


def run(folder: Path, title: str) -> tuple[list[tuple], dict[str, list[str]]]:
    """Every linker and setting on one labelled archive: (table rows, the weights EM learnt)."""
    mentions = load_mentions(folder)
    title = f"{title} ({len(mentions)})"
    t = time.perf_counter()
    ours, seconds = link(mentions), time.perf_counter() - t  # (a tuple's items are evaluated in order)
    rows, weights = [(title, "ours (rapidfuzz)", f"score ≥ {THRESHOLD}", score(folder, mentions, ours), seconds)], {}
    # Splink's default of 25 EM iterations, and 5: EM runs off to m = 0 on these archives, and
    # Splink 5 then raises instead of clamping.  Fixed weights need no training at all.
    for name, fixed, iterations in (("Splink, EM-trained", False, 25), ("Splink, EM 5 iter.", False, 5),
                                    ("Splink, our weights", True, 25)):
        try:
            linker, pairs, seconds = splink_model(mentions, fixed, iterations)
        except ValueError as exc:
            rows.append((title, name, f"FAILED: {str(exc).split('. ')[0]}", None, None))
            continue
        if not fixed and not weights:  # the first EM model that trained on this archive
            weights[f"{title}, {name}"] = learned_weights(linker)
        settings = [{"threshold_match_probability": p} for p in (0.5, 0.8, 0.95)]
        if fixed:  # λ = 0.5, so match weight = our score and our threshold applies as it is
            settings.append({"threshold_match_weight": THRESHOLD})
        for th in settings:
            linked, cl_seconds = clusters(linker, pairs, len(mentions), **th)
            label = f"p ≥ {th['threshold_match_probability']}" if "threshold_match_probability" in th else f"weight ≥ {THRESHOLD}"
            rows.append((title, name, label, score(folder, mentions, linked), seconds + cl_seconds))
    return rows, weights


def wider(mentions: list[Mention], k: int) -> list[Mention]:
    """k copies of an archive as k regions that share no unit, kommune, place or company: a wider country."""
    out: list[Mention] = []
    def tag(names: frozenset[str], c: int) -> frozenset[str]:
        return frozenset(f"{x}#{c}" for x in names)

    for c in range(k):
        out += [replace(m, index=len(out) + i, statement_id=f"{m.statement_id}#{c}", meeting_id=f"{m.meeting_id}#{c}",
                        unit=m.unit and f"{m.unit}#{c}", kommuner=tag(m.kommuner, c), regions=tag(m.regions, c),
                        organisations=tag(m.organisations, c), places=tag(m.places, c), key="")
                for i, m in enumerate(mentions)]
    return out


def timing(mentions: list[Mention], title: str) -> list[tuple]:
    """Seconds only (no labels): ours, and Splink's cheapest path (fixed weights: no training)."""
    title = f"{title} ({len(mentions)})"
    t = time.perf_counter()
    link(mentions)
    rows = [(title, "ours (rapidfuzz)", f"score ≥ {THRESHOLD}", None, time.perf_counter() - t)]
    linker, pairs, seconds = splink_model(mentions, fixed=True)
    seconds += clusters(linker, pairs, len(mentions), threshold_match_weight=THRESHOLD)[1]
    n_pairs = linker.misc.query_sql(f"SELECT count(*) AS n FROM {pairs.physical_name}", "pandas")["n"][0]
    return rows + [(title, "Splink, our weights", f"{n_pairs:,} pairs", None, seconds)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--meetings", type=int, nargs="+", default=[200], help="meetings in each synthetic archive")
    parser.add_argument("--copies", type=int, default=300, help="seed minutes in a long archive (timing only)")
    parser.add_argument("--regions", type=int, default=50, help="copies of the labelled archive side by side (timing)")
    args = parser.parse_args()
    import splink

    print(f"splink {splink.__version__} · duckdb {duckdb.__version__} · {sys.version.split()[0]}")
    rows, weights = run(FIXTURE, "labelled")
    for meetings in args.meetings:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "synthetic"
            # The synthetic archive knows what each line is about: labels come free, so it is scored too.
            write_labels(folder / "labels.toml", generate(folder, meetings))
            more, more_weights = run(folder, f"synthetic {meetings}")
        rows, weights = rows + more, weights | more_weights
    # Timing only.  Long: the seed minutes again and again (as bench_build.py), as one group's archive
    # grows over the years: the same units, so blocking on unit gives ever bigger blocks.  Wide: more regions.
    with tempfile.TemporaryDirectory() as tmp:
        write_copies(Path(tmp), args.copies)
        rows += timing(load_mentions(Path(tmp)), f"seed ×{args.copies}")
    rows += timing(wider(load_mentions(FIXTURE), args.regions), f"labelled ×{args.regions}")

    head = f"{'archive (mentions)':<22} {'linker':<20} {'setting':<17} {'pair P':>6} {'pair R':>6} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'seconds':>8}"
    print(f"\n{head}\n{'-' * len(head)}")
    for archive, linker, setting, c, seconds in rows:
        figures = [c.pair_precision, c.pair_recall, c.bcubed_precision, c.bcubed_recall, c.bcubed_f1] if c else []
        cells = "".join(f" {x:>6.3f}" for x in figures) or (f" {'–':>6}" * 5 if seconds is not None else "")
        print(f"{archive:<22} {linker:<20} {setting:<17}{cells}" + (f" {seconds:>8.3f}" if seconds is not None else ""))
    print("\nseconds: mentions to clusters (Splink: DuckDB set-up, training where EM, predict, connected components)")
    for title, lines in weights.items():
        print(f"\nMatch weights learnt by EM ({title}), against ours:", *lines, sep="\n")


if __name__ == "__main__":
    main()
