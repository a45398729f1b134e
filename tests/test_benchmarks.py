"""The benchmark scripts keep working: each runs on a tiny input and prints its figures.

They measure; they do not judge. These tests only check that a script runs to the
end and prints the figures docs/benchmarks.md quotes, so a refactor cannot break
them unnoticed.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run(script: str, *args: str) -> str:
    res = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-2000:]
    return res.stdout


def test_bench_build_prints_throughput_and_rebuild_time():
    out = run("bench_build.py", "--docs", "12", "--repeat", "2")
    assert "docs/s" in out and "rebuild, nothing changed" in out and "wrote=False" in out
    assert re.search(r"full build, best of 2: .* docs/s", out) and re.search(r"\(each: \d+, \d+\)", out), out
    assert re.search(r"of which the register: +\d+\.\d\d s +\(\d+ mentions linked into \d+ saker\)", out), out


def test_bench_pages_prints_every_page(tmp_path):
    out = run("bench_pages.py", "--statements", "2000", "--runs", "1", "--db", str(tmp_path / "b.duckdb"))
    for page in ("Oversikt", "Saker", "Saker, én sak", "Tema", "Enhet", "Møter", "Kalender", "Søk"):
        assert re.search(rf"^{page} +\d+ +\d+", out, flags=re.M), (page, out)
    assert re.search(r"register: [\d,]+ saker", out), out


@pytest.mark.e2e
@pytest.mark.xdist_group("browser")
def test_bench_first_render_prints_the_time(seed_db):
    out = run("bench_first_render.py", "--db", str(seed_db), "--runs", "1")
    for cache in ("cold", "warm"):
        assert re.search(rf"median page painted \({cache} browser cache\): \d+\.\d\d s", out), out
        assert re.search(rf"median first chart \({cache} browser cache\): \d+\.\d\d s", out), out
