"""Norwegian date expressions: a snippet table (text, reference date → expected)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extract.dates import find_dates, parse_norwegian_date

REF = dt.date(2025, 10, 23)
D = dt.date

CASES = [
    ("Tid: 23. oktober 2025, kl. 09:45-11:30", REF, D(2025, 10, 23)),
    ("Seminar om kjernekraft 11. November, velkommen", REF, D(2025, 11, 11)),
    ("Dato: 12.03.2026", None, D(2026, 3, 12)),
    ("møte 12.3.26", None, D(2026, 3, 12)),
    ("17. mars", REF, D(2026, 3, 17)),  # > 2 months before the meeting → next year
    ("Biogasseminar (5. nov.)", REF, D(2025, 11, 5)),
    ("mandag 3. februar", REF, D(2026, 2, 3)),
    ("2026-03-12", None, D(2026, 3, 12)),
    ("Referatet fra 11. september ble godkjent.", REF, D(2025, 9, 11)),  # recent past: same year
    ("11. desember", D(2026, 1, 15), D(2025, 12, 11)),  # last month, previous year
    ("5.februar", D(2026, 1, 15), D(2026, 2, 5)),
    ("torsdag 4. desember 2025", None, D(2025, 12, 4)),
    ("1. januar 2027", REF, D(2027, 1, 1)),
    ("17. mars", None, None),  # no year and no reference: no guess
    ("31. februar 2026", None, None),
    ("kl. 09.45–11.30", REF, None),
    ("4,5 mill. kroner og 300 nye stillinger", REF, None),
    ("E134 og 2 000 arbeidsplasser", REF, None),
]


@pytest.mark.parametrize(("text", "ref", "expected"), CASES, ids=[c[0] for c in CASES])
def test_parse_norwegian_date(text, ref, expected):
    assert parse_norwegian_date(text, ref) == expected


def test_find_dates_in_order():
    text = "Workshop 6. november og konferanse 11. november, frist 2025-10-30."
    assert find_dates(text, REF) == [D(2025, 11, 6), D(2025, 11, 11), D(2025, 10, 30)]
