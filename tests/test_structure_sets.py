"""The #9 document sets, parsed for real: the development set and two blind sets (each labelled by hand
before any parser ran on it; docs/extraction.md has the before/after figures). Exact counts, so a rule that
loses or invents an item, a decision or a unit fails here, with the misses in the message."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.evaluate_structure import FIELDS, evaluate_structure

FIXTURES = Path(__file__).parent / "fixtures"

# (documents, {field: tp}, units with the exact statement count / units): nothing false, nothing missed.
EXPECTED = {
    "bodies_dev": (5, {"meeting_date": 5, "meeting_end_date": 1, "organ": 5, "agenda_items": 31, "decisions": 18,
                       "round_table_units": 22, "reporters": 20}, (20, 22)),
    "bodies_blind": (10, {"meeting_date": 10, "meeting_end_date": 1, "organ": 10, "agenda_items": 71,
                          "decisions": 44, "round_table_units": 43, "reporters": 43}, (39, 43)),
    # The second blind set (session 6): six new layouts, labelled before the parser ran on them.
    "bodies_blind2": (6, {"meeting_date": 6, "meeting_end_date": 1, "organ": 6, "agenda_items": 24,
                          "decisions": 16, "round_table_units": 14, "reporters": 4}, (11, 14)),
    # The third blind set (session 6). Its one miss is an organ: the labels name the alliance
    # ("Næringsalliansen Vest"), the parser its forum ("Hovedforum i Næringsalliansen Vest").
    "bodies_blind3": (4, {"meeting_date": 4, "meeting_end_date": 1, "organ": 3, "agenda_items": 12,
                          "decisions": 8, "round_table_units": 9, "reporters": 6}, (9, 9)),
    # The fourth blind set (session 6).
    "bodies_blind4": (4, {"meeting_date": 4, "meeting_end_date": 0, "organ": 4, "agenda_items": 13,
                          "decisions": 8, "round_table_units": 9, "reporters": 3}, (6, 9)),
}  # fmt: skip
MISSED_ORGANS = {"bodies_blind3": 1}  # organs parsed but named otherwise than labelled (FP and FN)


@pytest.mark.parametrize("folder", sorted(EXPECTED))
def test_structure_of_the_labelled_sets(folder):
    documents, tps, (exact, total) = EXPECTED[folder]
    r = evaluate_structure(FIXTURES / folder)
    assert not r.errors
    assert r.documents == documents
    got = {f: (r.fields[f].tp, r.fields[f].fp, r.fields[f].fn) for f in FIELDS}
    missed = {f: MISSED_ORGANS.get(folder, 0) if f == "organ" else 0 for f in FIELDS}
    assert got == {f: (tps[f], missed[f], missed[f]) for f in FIELDS}, r.misses
    assert (r.kind_right, r.kind_total) == (documents, documents)
    assert (r.units_exact, r.units_total) == (exact, total), r.misses
    # The only statement misses: a unit whose one line says it has nothing new ("Ingen nye saker."), which the
    # labels count as no statement and the project keeps as the unit's statement (see docs/extraction.md).
    assert all("forventet 0, fikk 1" in m or ": organ: " in m for m in r.misses), r.misses
