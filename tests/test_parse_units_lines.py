"""Line classification and unit headers keep every form after the cheap pre-checks that
skip their patterns (#9 throughput): each mark still reaches its pattern."""

from __future__ import annotations

import pytest

from etl.model import SourceLine
from etl.parse.blocks import Block, join_text, make_blocks, prov_for
from etl.parse.cleaning import classify
from etl.parse.units import split_unit


def line(text: str, style: str | None = None) -> SourceLine:
    return SourceLine(line_no=1, page=1, text=text, style=style)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("• Ny ferjekai i Nordvik.", ("Ny ferjekai i Nordvik.", "•", 1, 0, False)),
        ("o Underpunkt om hamna", ("Underpunkt om hamna", "o", 2, 0, False)),
        ("– Tankanlegget flyttes.", ("Tankanlegget flyttes.", "–", 1, 0, False)),
        ("12. Budsjett for 2027", ("Budsjett for 2027", "12.", 1, 0, False)),
        ("viii. Siste punkt", ("Siste punkt", "viii.", 1, 0, False)),
        ("b) Elvedal v/Ola Brekke: Nytt hotell.", ("Elvedal v/Ola Brekke: Nytt hotell.", "b)", 1, 0, False)),
        ("5. mars møttes rådet.", ("5. mars møttes rådet.", None, 0, 0, False)),
        ("## Sak 4/27 Eventuelt", ("Sak 4/27 Eventuelt", None, 0, 2, False)),
        ("**Fjellbygd kommune**", ("Fjellbygd kommune", None, 0, 6, False)),
        ("---", ("", None, 0, 0, True)),
        ("===", ("", None, 0, 0, True)),
        ("ordinær tekst om **vekst**", ("ordinær tekst om vekst", None, 0, 0, False)),
        ("Oppstart 2027: ny fabrikk", ("Oppstart 2027: ny fabrikk", None, 0, 0, False)),
    ],
)
def test_marks_reach_their_patterns(text, want):
    ln = classify(line(text))
    assert (ln.text, ln.marker, ln.level, ln.heading, ln.noise) == want


def test_markdown_table_rows_and_word_headings():
    assert classify(line("| Fjellbygd | Kari Lie | Ny skule |")).cells == ("Fjellbygd", "Kari Lie", "Ny skule")
    assert classify(line("|:--|--:|")).noise
    assert classify(line("Sak 2/27 Budsjett", "Heading 2")).heading == 2
    assert classify(line("Sak 2/27 Budsjett", "overskrift 3")).heading == 3
    assert classify(line("Sak 2/27 Budsjett", "Normal")).heading == 0


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Fjellbygd kommune (Kari Lie)", ("Fjellbygd kommune", "Kari Lie")),
        ("Fjellbygd kommune v/ordfører Kari Lie", ("Fjellbygd kommune", "Kari Lie")),
        ("Fjellbygd kommune ved Kari Lie", ("Fjellbygd kommune", "Kari Lie")),
        ("Fjellbygd kommune, Kari Lie", ("Fjellbygd kommune", "Kari Lie")),
        ("Fjellbygd kommune – Kari Lie", ("Fjellbygd kommune", "Kari Lie")),
        ("Fjellbygd kommune - Kari Lie", ("Fjellbygd kommune", "Kari Lie")),
        ("Fjellbygd kommune", ("Fjellbygd kommune", None)),
        ("Ny skule i sentrum", None),
    ],
)
def test_unit_header_forms(text, want):
    assert split_unit(text) == want


def test_joining_and_provenance():
    assert join_text(["Ny  fabrikk i", "Nordvik\tog", "nærings-", "areal."]) == "Ny fabrikk i Nordvik og næringsareal."
    lines = [classify(SourceLine(i, 1, t)) for i, t in enumerate(["Side 1 av 2", "Ny kai i", "Nordvik.", ""], 1)]
    lines[0].noise = True
    prov = prov_for(lines, "referat.txt")
    assert (prov.line_start, prov.line_end, prov.source_text) == (2, 4, "Ny kai i\nNordvik.\n")
    with pytest.raises(IndexError):
        prov_for(lines[:1], "referat.txt")


def test_links_stand_alone_and_end_a_block():
    blocks = make_blocks([classify(SourceLine(i, 1, t)) for i, t in enumerate(
        ["Mer om saka ligg på", "https://example.no/sak", "neste avsnitt", "Påmelding: www.example.no/pamelding"], 1)])
    assert [b.text for b in blocks] == [
        "Mer om saka ligg på", "https://example.no/sak", "neste avsnitt", "Påmelding: www.example.no/pamelding"]
    assert [b.is_url for b in blocks] == [False, True, False, True]
    assert isinstance(blocks[0], Block)
