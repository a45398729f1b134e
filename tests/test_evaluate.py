"""The evaluation compares extraction with a golden file and counts every miss."""

from __future__ import annotations

import copy
import json

from etl.evaluate import EvalResult, compare
from tests.conftest import MINUTES

GOLDEN = json.loads((MINUTES / "seed-referat-2025-10-23.txt.expected.json").read_text(encoding="utf-8"))


def test_identical_extraction_scores_one():
    result = EvalResult()
    compare(GOLDEN, GOLDEN, result)
    assert all(c.precision == c.recall == 1.0 for c in result.fields.values())
    assert result.fields["statements"].tp == len(GOLDEN["statements"])


def test_a_wrong_theme_and_a_missed_amount_are_counted():
    predicted = copy.deepcopy(GOLDEN)
    asker = next(s for s in predicted["statements"] if "Chemring" in s["text"])
    asker["themes"] = ["energi"]  # forsvar missed, energi invented
    gift = next(s for s in predicted["statements"] if s["amount_nok"])
    gift["amount_nok"] = None
    result = EvalResult()
    compare(predicted, GOLDEN, result)
    assert result.themes["forsvar"].fn == 1 and result.themes["forsvar"].recall < 1
    assert result.themes["energi"].fp == 1 and result.themes["energi"].precision < 1
    assert result.fields["amount_nok"].fn == 1 and result.fields["amount_nok"].fp == 0


def test_statements_on_the_same_line_are_matched_one_by_one():
    predicted = copy.deepcopy(GOLDEN)
    predicted["statements"] = predicted["statements"][:-1]  # drop one
    result = EvalResult()
    compare(predicted, GOLDEN, result)
    assert result.fields["statements"].fn == 1
