"""Build throughput: seed-sized documents per second, and a no-change rebuild.

Targets: ≥ 150 seed-sized documents/s on the 2-core machine with the register of
saker linked (issue #8; it was ≥ 100, aim 500, in issue #2), and a rebuild with
nothing changed in ≤ 2 s.  Also prints how long linking the register takes on its
own.  Prints figures; asserts nothing.

    python benchmarks/bench_build.py [--docs 1000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import re
import tempfile
import time
from pathlib import Path

from etl.vocab import MONTH_NAMES

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "raw" / "referat-faggruppe-naering-2025-10-23.txt"


def write_copies(folder: Path, n: int) -> None:
    """The seed, n times, each with its own meeting date (the build rejects duplicate meetings)."""
    text = SEED.read_text(encoding="utf-8")
    start = dt.date(2000, 1, 1)
    for i in range(n):
        d = start + dt.timedelta(days=i)
        body = re.sub(r"Tid: 23\. oktober 2025", f"Tid: {d.day}. {MONTH_NAMES[d.month - 1]} {d.year}", text)
        (folder / f"referat-{i:05d}.txt").write_text(body, encoding="utf-8")


def time_register(db: Path) -> tuple[float, int, int]:
    """Seconds to link the built warehouse's mentions into saker (the build's register step)."""
    import duckdb

    from etl.saker import build_register
    from etl.warehouse.register import mention_rows

    with duckdb.connect(str(db), read_only=True) as con:
        rows = mention_rows(con)
    t = time.perf_counter()
    saker, mentions, _ = build_register(rows)
    return time.perf_counter() - t, len(mentions), len(saker)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    args = parser.parse_args()

    from etl.pipeline import process
    from etl.warehouse.build import build

    print(f"machine: {platform.node()} · {platform.machine()} · {platform.python_version()} · cores={__import__('os').cpu_count()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder, db = Path(tmp) / "in", Path(tmp) / "n.duckdb"
        folder.mkdir()
        write_copies(folder, args.docs)
        process(folder / "referat-00000.txt", folder)  # warm imports and caches

        t = time.perf_counter()
        for path in sorted(folder.iterdir())[:200]:
            process(path, folder)
        parse_rate = 200 / (time.perf_counter() - t)

        report = build(folder, db)
        full = report.seconds
        assert report.ok, report.failures[:3]

        t = time.perf_counter()
        report2 = build(folder, db)
        nochange = time.perf_counter() - t
        link_s, n_mentions, n_saker = time_register(db)

        (folder / "referat-00000.txt").write_text(
            (folder / "referat-00000.txt").read_text(encoding="utf-8") + "\n", encoding="utf-8"
        )
        t = time.perf_counter()
        build(folder, db)
        one_changed = time.perf_counter() - t

    print(f"documents:                 {args.docs} (seed-sized, {SEED.stat().st_size} bytes each)")
    print(f"statements in warehouse:   {report.statements}")
    print(f"parse only (read+parse+enrich): {parse_rate:8.0f} docs/s")
    print(f"full build:                {full:8.2f} s  = {args.docs / full:6.0f} docs/s   (target ≥ 150, aim 500)")
    print(f"  of which the register:   {link_s:8.2f} s   ({n_mentions} mentions linked into {n_saker} saker)")
    print(f"rebuild, nothing changed:  {nochange:8.2f} s   (target ≤ 2 s; wrote={report2.wrote})")
    print(f"rebuild, one file changed: {one_changed:8.2f} s")


if __name__ == "__main__":
    main()
