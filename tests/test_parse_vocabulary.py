"""Every word list of the parser lives in etl/parse/vocabulary.py (issue #9): a module-level set, tuple,
list or dict of five or more string literals anywhere else in etl/parse/ fails here, and so does a
second copy of the month or weekday names."""

from __future__ import annotations

import ast
from pathlib import Path

from etl.extract import dates
from etl.parse import vocabulary

PARSE = Path(vocabulary.__file__).parent


def word_lists(source: str) -> list[str]:
    """Names of module-level assignments whose value is a literal set, tuple or list of ≥ 5 strings
    (``__all__`` is no word list; a dict maps codes, and the month table is checked on its own)."""
    found = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            value = node.value
            items = value.elts if isinstance(value, ast.Set | ast.Tuple | ast.List) else []
            if isinstance(value, ast.Call) and value.args and isinstance(value.args[0], ast.Set | ast.Tuple | ast.List):
                items = value.args[0].elts  # frozenset({...})
            strings = [e for e in items if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(strings) >= 5:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                found += [t.id for t in targets if isinstance(t, ast.Name) and t.id != "__all__"]
    return found


def test_word_lists_only_in_vocabulary():
    outside = {p.name: word_lists(p.read_text(encoding="utf-8"))
               for p in sorted(PARSE.glob("*.py")) if p.name != "vocabulary.py"}  # fmt: skip
    assert {k: v for k, v in outside.items() if v} == {}


def test_the_check_finds_a_word_list():
    assert word_lists('_ABBREV = {"ca", "kl", "nr", "bl.a", "mill"}\nX = frozenset(("a", "b", "c", "d", "e"))') == [
        "_ABBREV", "X"]
    assert word_lists('SMALL = {"og", "i"}') == []


def test_months_and_weekdays_are_one_table():
    assert vocabulary.MONTHS is dates.MONTHS and vocabulary.WEEKDAYS is dates.WEEKDAYS
    assert {"måndag", "tysdag", "laurdag", "sundag"} <= set(vocabulary.WEEKDAYS)
