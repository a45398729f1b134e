"""Golden test: the register of saker against the hand-labelled archive (tests/fixtures/saker).

The archive was written and labelled by hand before any linker existed (see its
README); ``python -m etl evaluate --saker`` prints the same figures, recorded with
the before/after history in docs/extraction.md ("Linking saker").  A change to the
rules that moves any figure fails here: update the figures and the docs together.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, ROOT

ARCHIVE = FIXTURES / "saker"


@pytest.fixture(scope="module")
def evaluation():
    from etl.evaluate_saker import evaluate_saker

    return evaluate_saker(ARCHIVE)


def test_the_archive_loads_and_every_label_finds_its_statement(evaluation):
    assert evaluation.problems == []
    assert (evaluation.n_statements, evaluation.n_labelled) == (364, 207)


def test_linking_figures(evaluation):
    c = evaluation.clusters
    figures = tuple(round(x, 3) for x in (c.pair_precision, c.pair_recall, c.bcubed_precision, c.bcubed_recall,
                                          c.bcubed_f1))
    assert figures == (0.981, 0.952, 0.98, 0.977, 0.979)
    assert c.bcubed_f1 >= 0.90  # the bar of issue #8


def test_detection_and_field_accuracy(evaluation):
    ev = evaluation
    assert (round(ev.detection_precision, 3), ev.detection_recall) == (0.995, 1.0)
    assert (ev.status.right, ev.status.total) == (201, 207) and ev.status.value >= 0.85
    assert [(a.right, a.total) for a in (ev.kind, ev.unit, ev.jobs, ev.amount, ev.area)] == [
        (50, 50), (48, 50), (31, 31), (10, 10), (9, 9)]


def test_no_job_is_counted_twice_in_the_key_figure(evaluation):
    assert evaluation.closure_jobs == (392, 392)
    assert evaluation.double_counted_jobs == 0


def test_saker_per_kind(evaluation):
    assert evaluation.saker_by_kind == {
        "datasenter": (6, 6), "etablering": (18, 18), "nedleggelse": (7, 7), "naeringsareal": (5, 5),
        "finansiering": (8, 8), "plan": (7, 6),
    }  # fmt: skip


def test_cli_prints_the_figures():
    out = subprocess.run([sys.executable, "-m", "etl", "evaluate", "--saker", str(ARCHIVE)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "linking B-cubed F1                   0.979" in out.stdout
    assert "closure jobs (key figure): register 392, labels 392; counted twice: 0" in out.stdout
