"""Command line: ``python -m etl build | check | evaluate | evaluate-structure``.

Every command prints one line per bad file (file name and reason, no traceback)
and exits non-zero when any file failed, so it can gate a scheduled job.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

DEFAULT_DB = Path("data/naering.duckdb")
DEFAULT_INPUT = Path("data/raw")
SAKER_ARCHIVE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "saker"


def default_db() -> Path:
    return Path(os.environ.get("NAERINGSPULS_DB") or DEFAULT_DB)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl", description="Næringspuls: minutes → DuckDB")
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build or update the warehouse from a folder of minutes")
    b.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="folder of minutes (default: data/raw)")
    b.add_argument("--db", type=Path, default=None, help="DuckDB file (default: $NAERINGSPULS_DB or data/naering.duckdb)")
    b.add_argument("--force", action="store_true", help="re-parse every file even if unchanged")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.add_argument("--corrections", type=Path, default=None,
                   help="corrections file (default: $NAERINGSPULS_CORRECTIONS or corrections.jsonl beside --input)")

    c = sub.add_parser("check", help="print the parse of one document for review")
    c.add_argument("file", type=Path)
    c.add_argument("--json", action="store_true", help="print the full parse as JSON")
    c.add_argument("--corrections", type=Path, default=None,
                   help="with --json: lay the corrections that name this document over the parse (a golden fixture)")

    e = sub.add_parser("evaluate", help="compare extraction with the golden files")
    e.add_argument("--fixtures", type=Path, default=None, help="folder of documents with *.expected.json")
    e.add_argument("--saker", type=Path, nargs="?", const=SAKER_ARCHIVE, default=None, metavar="DIR",
                   help="score the register of saker against DIR/labels.toml (default: tests/fixtures/saker)")
    e.add_argument("--corrections", action="store_true",
                   help="report how often people overrule each rule, from the corrections in the warehouse")
    e.add_argument("--db", type=Path, default=None, help="with --corrections: the warehouse (default: $NAERINGSPULS_DB "
                                                          "or data/naering.duckdb)")

    s = sub.add_parser("evaluate-structure", help="score meeting structure against hand labels (*.labels.json)")
    s.add_argument("--fixtures", type=Path, required=True, help="folder of documents with X.labels.json beside them")
    s.add_argument("--quiet", action="store_true", help="figures only, without the list of misses")

    args = parser.parse_args(argv)
    if args.command == "evaluate-structure":
        return _evaluate_structure(args)
    if args.command == "build":
        return _build(args)
    if args.command == "check":
        return _check(args)
    return _evaluate(args)


BUILD_NICE = 10  # default niceness of a build (NAERINGSPULS_BUILD_NICE)


def lower_priority() -> None:
    """Run the build (and the parse workers it forks) below the dashboard: on a machine that also
    serves readers, a rebuild then takes the cores only when the pages leave them idle (20 readers
    during builds back to back: docs/benchmarks.md, "Capacity"). ``NAERINGSPULS_BUILD_NICE=0`` keeps
    the normal priority."""
    try:
        nice = int(os.environ.get("NAERINGSPULS_BUILD_NICE", BUILD_NICE))
    except ValueError:
        nice = BUILD_NICE
    if nice > 0 and hasattr(os, "nice"):
        try:
            os.nice(nice)
        except OSError:
            pass  # not allowed here: the build runs at the priority it has


def _build(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from etl.lifeline import workers_die_with_this_process
    from etl.warehouse.build import build

    # Parse workers never outlive the build: a build killed with its server (see
    # dashboard.ingest) takes them along instead of leaving them orphaned.
    workers_die_with_this_process()
    lower_priority()

    db = args.db or default_db()
    bar = None

    def progress(n: int, total: int, name: str) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, unit="doc", desc="Parsing", disable=args.quiet or None, file=sys.stderr)
        bar.update(1)

    try:
        report = build(args.input, db, progress=progress, force=args.force, corrections=args.corrections)
    except OSError as exc:  # no input folder, a database path that cannot be written: one line, no traceback
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        if bar is not None:
            bar.close()
    for f in report.failures:
        print(f"FAILED {f.source_file}: {f.reason}", file=sys.stderr)
    for message in report.correction_errors:
        print(f"FAILED {message}", file=sys.stderr)
    state = "updated" if report.wrote else "unchanged"
    print(
        f"{db}: {state} in {report.seconds:.2f} s — {report.documents} documents "
        f"({report.parsed} parsed, {report.unchanged} unchanged, {report.removed} removed, "
        f"{len(report.failures)} failed), {report.meetings} meetings, "
        f"{report.statements} statements, {report.saker} saker, {report.warnings} warnings"
        + (f", {report.corrections} corrections applied" if report.wrote else "")
        + (f", {report.stale_corrections} stale (source text changed)" if report.stale_corrections else "")
    )
    return 0 if report.ok else 1


def _check(args: argparse.Namespace) -> int:
    from etl.errors import DocumentError
    from etl.pipeline import process
    from etl.review import format_meeting

    try:
        meeting = process(args.file)
    except DocumentError as exc:
        print(f"FAILED {exc.path}: {exc.reason}", file=sys.stderr)
        return 1
    if args.json:
        parse = meeting.to_dict()
        if args.corrections:
            from etl.corrections.golden import corrected_parse
            from etl.corrections.store import read_corrections
            from etl.extract.themes import theme_labels

            records, errors = read_corrections(args.corrections)
            for e in errors:
                print(f"FAILED {e.message(args.corrections)}", file=sys.stderr)
            parse, applied, left_out = corrected_parse(parse, records, theme_ids=set(theme_labels()))
            print(f"{applied} corrections applied, {left_out} left out (not a fact, split, added, or a changed text)",
                  file=sys.stderr)
        print(json.dumps(parse, ensure_ascii=False, indent=2))
    else:
        print(format_meeting(meeting))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from etl.evaluate import evaluate, format_report

    if args.corrections:
        from etl.evaluate_corrections import evaluate_corrections, format_corrections_report

        db = args.db or default_db()
        if not db.exists():
            print(f"error: no warehouse at {db} (build it with `python -m etl build`)", file=sys.stderr)
            return 2
        print(format_corrections_report(evaluate_corrections(db)))
        return 0
    if args.saker is not None:
        from etl.evaluate_saker import evaluate_saker, format_saker_report

        ev = evaluate_saker(args.saker)
        print(format_saker_report(ev))
        return 0 if not ev.problems else 1

    fixtures = args.fixtures or Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "minutes"
    result = evaluate(fixtures)
    print(format_report(result))
    failed = bool(result.errors)
    if args.fixtures is None and SAKER_ARCHIVE.is_dir():  # the default run also scores the register of saker
        from etl.evaluate_saker import evaluate_saker, format_saker_report

        ev = evaluate_saker(SAKER_ARCHIVE)
        print()
        print(format_saker_report(ev, show_errors=False))
        failed = failed or bool(ev.problems)
    return 1 if failed else 0


def _evaluate_structure(args: argparse.Namespace) -> int:
    from etl.evaluate_structure import evaluate_structure, format_structure_report

    if not args.fixtures.is_dir():
        print(f"error: no folder {args.fixtures}", file=sys.stderr)
        return 2
    result = evaluate_structure(args.fixtures)
    print(format_structure_report(result, show_misses=not args.quiet))
    return 1 if result.errors or not result.documents else 0


if __name__ == "__main__":
    raise SystemExit(main())
