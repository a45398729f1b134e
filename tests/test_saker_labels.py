"""The saker archive (tests/fixtures/saker/) and its hand labels are well-formed.

The archive is the ground truth for measuring how statements are grouped into
saker. These tests only check the label file against the documents: every quote
is found exactly once in its file's text and on one line, every sak id exists,
kinds and statuses come from the allowed lists, and every sak's unit is a name
in the gazetteer. They do not run, or import, any linker.
"""

from __future__ import annotations

import collections
import tomllib
from functools import cache
from pathlib import Path

import pytest

from etl.readers import read_document

ROOT = Path(__file__).resolve().parent.parent
SAKER = ROOT / "tests" / "fixtures" / "saker"
GAZETTEER = ROOT / "etl" / "resources" / "gazetteer.toml"

KINDS = {"datasenter", "etablering", "nedleggelse", "naeringsareal", "finansiering", "plan"}
STATUSES = {"planlagt", "regulering", "vedtatt", "bygging", "i_drift", "stanset", "nedlagt", ""}
MENTION_KEYS = {"file": str, "quote": str, "sak": str, "status": str, "jobs": int, "area_daa": int, "amount_nok": int}
DOC_SUFFIXES = {".txt", ".md", ".docx", ".pdf"}


@cache
def labels() -> dict:
    return tomllib.loads((SAKER / "labels.toml").read_text(encoding="utf-8"))


@cache
def lines_of(name: str) -> tuple[str, ...]:
    """The file's text, line by line, as the readers extract it (Word and PDF too)."""
    return tuple(line.text for line in read_document(SAKER / name).lines)


def documents() -> list[str]:
    return sorted(p.name for p in SAKER.glob("saker-*") if p.suffix in DOC_SUFFIXES)


def mentions() -> list[dict]:
    return labels()["mention"]


def test_archive_has_the_meetings_and_layouts():
    docs = documents()
    assert len(docs) >= 13
    suffixes = collections.Counter(Path(d).suffix for d in docs)
    assert suffixes[".docx"] >= 2 and suffixes[".pdf"] >= 2 and suffixes[".md"] >= 2 and suffixes[".txt"] >= 2
    labelled = {m["file"] for m in mentions()}
    assert set(docs) == labelled, "every document is labelled, and every label names a document"


def test_saker_are_well_formed():
    gazetteer = tomllib.loads(GAZETTEER.read_text(encoding="utf-8"))
    units = {u["name"] for u in gazetteer["kommune"]} | {r["name"] for r in gazetteer["region"]}
    saker = labels()["saker"]
    assert 35 <= len(saker) <= 60
    for sak_id, sak in saker.items():
        assert set(sak) == {"kind", "unit", "title"}, sak_id
        assert sak["kind"] in KINDS, sak_id
        assert sak["unit"] in units, f"{sak_id}: unit {sak['unit']!r} is not a gazetteer kommune or region"
        assert sak["title"].strip(), sak_id


def test_mentions_are_well_formed():
    saker = labels()["saker"]
    for m in mentions():
        assert set(m) == set(MENTION_KEYS), m
        for key, typ in MENTION_KEYS.items():
            assert isinstance(m[key], typ), (key, m)
        assert m["sak"] == "" or m["sak"] in saker, f"unknown sak {m['sak']!r}"
        assert m["status"] in STATUSES, m
        assert min(m["jobs"], m["area_daa"], m["amount_nok"]) >= 0, m
        if m["sak"] == "":
            assert m["status"] == "", f"a context statement has no status: {m['quote']!r}"


def test_every_sak_is_mentioned():
    mentioned = collections.Counter(m["sak"] for m in mentions() if m["sak"])
    assert set(labels()["saker"]) == set(mentioned)


@pytest.mark.parametrize("name", documents())
def test_quotes_are_found_once_on_one_line(name):
    lines = lines_of(name)
    text = "\n".join(lines)
    quotes = [m["quote"] for m in mentions() if m["file"] == name]
    assert quotes
    for quote in quotes:
        assert quote.strip() == quote and quote and "\n" not in quote, repr(quote)
        assert text.count(quote) == 1, f"{name}: {quote!r} found {text.count(quote)} times"
        assert any(quote in line for line in lines), f"{name}: {quote!r} spans a line break"
