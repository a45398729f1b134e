"""What one hostile document costs: seconds and peak memory of ``python -m etl check`` on each.

The files of issue #12 and the worst files that pass every size limit, generated in
a temporary folder by tests/fixtures/hostile.py.  Each is read in a child process
with the default limits, and with ``--unlimited`` also with every limit raised
(what the build did before the limits), cut off after ``--cutoff`` seconds.  Prints
figures; asserts nothing.  The unlimited 1.1 GB Word file is left out (it drove a
build to 8 GB in 20 s).

    python benchmarks/bench_limits.py [--unlimited] [--cutoff 120]
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fixtures import hostile  # noqa: E402 - after the path is set

UNLIMITED = {"NAERINGSPULS_MAX_FILE_MB": "100000", "NAERINGSPULS_MAX_EXPANDED_MB": "100000",
             "NAERINGSPULS_MAX_ZIP_RATIO": "100000", "NAERINGSPULS_MAX_PAGES": "10000000",
             "NAERINGSPULS_MAX_STATEMENTS": "100000000", "NAERINGSPULS_PARSE_SECONDS": "100000"}


def fat_docx(path: Path, xml_bytes: int) -> Path:
    """Word XML of varied words in long paragraphs: ratio ~8:1, few lines, under every size limit."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", hostile.CONTENT_TYPES)
        zf.writestr("_rels/.rels", hostile.RELS)
        with zf.open("word/document.xml", "w") as out:
            out.write(hostile.document_start())  # the same document head as the bombs
            n, written = 0, 0
            while written < xml_bytes:
                para = b"<w:p>" + b"".join(f"<w:r><w:t>ord {k * 7919 % 1000003} </w:t></w:r>".encode()
                                           for k in range(n, n + 60_000)) + b"</w:p>"
                out.write(para)
                written, n = written + len(para), n + 60_000
            out.write(b"</w:body></w:document>")
    return path


def measure(path: Path, env: dict[str, str], cutoff: float) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, last line of stderr) of ``python -m etl check path``."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "etl", "check", str(path)], cwd=ROOT, env=os.environ | env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    timer = None
    try:
        import threading

        timer = threading.Timer(cutoff, lambda: os.kill(proc.pid, signal.SIGKILL))
        timer.start()
        err = proc.stderr.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        if timer is not None:
            timer.cancel()
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    outcome = (err.strip().splitlines() or ["read"])[-1] if proc.returncode >= 0 else f"killed after {cutoff:g} s"
    return seconds, usage.ru_maxrss / 1024, outcome.replace(str(path), path.name)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unlimited", action="store_true", help="also measure each file with every limit raised")
    ap.add_argument("--cutoff", type=float, default=120.0, help="seconds before an unlimited read is killed")
    args = ap.parse_args(argv)
    print(f"{platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        cases = [
            ("Word, 110 MB of XML (issue)", hostile.docx_bomb(d / "bomb-110.docx", 110_000_000), True),
            ("Word, 1.1 GB of XML (issue)", hostile.docx_bomb(d / "bomb-1100.docx", 1_100_000_000), False),
            ("Word, 90 MB of XML (ratio 300:1)", hostile.docx_bomb(d / "bomb-90.docx", 90_000_000), True),
            ("Word, 300 000 paragraphs", hostile.docx_many_paragraphs(d / "many.docx", 300_000), True),
            ("Word, 98 MB of varied XML (8:1)", fat_docx(d / "fat.docx", 98_000_000), True),
            ("PDF, 300 MB content stream", hostile.pdf_bomb(d / "bomb.pdf", 300_000_000), True),
            ("text, 20 000 statements", hostile.long_minutes(d / "long.txt", 20_000), True),
        ]
        print(f"{'file':36} {'size':>9}  {'limits':9} {'seconds':>8} {'peak MB':>8}  outcome")
        for label, path, unlimited_ok in cases:
            runs = [("default", {})] + ([("raised", UNLIMITED)] if args.unlimited and unlimited_ok else [])
            for name, env in runs:
                seconds, rss, outcome = measure(path, env, args.cutoff)
                print(f"{label:36} {path.stat().st_size / 1e6:7.2f} MB  {name:9} {seconds:8.1f} {rss:8.0f}  "
                      f"{outcome[:110]}", flush=True)


if __name__ == "__main__":
    main()
