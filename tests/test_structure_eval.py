"""The structure harness (etl.evaluate_structure) counts every hit and miss as documented."""

from __future__ import annotations

import json
from pathlib import Path

from etl.cli import main
from etl.evaluate_structure import (
    StructureResult,
    align,
    compare_document,
    evaluate_structure,
    parsed_units,
    title_matches,
)

LABEL = {
    "document": "x.txt",
    "meeting_date": "2026-03-13",
    "meeting_end_date": None,
    "organ": "Regionrådet for Tindedal",
    "kind": "referat",
    "agenda_items": [
        {"number": "PS 1/26", "title": "Godkjenning av innkalling", "decision": "Innkallingen godkjennes."},
        {"number": "PS 2/26", "title": "Nytt fra kommunene", "decision": None},
        {"number": None, "title": "Eventuelt", "decision": None},
    ],
    "round_table": [
        {"unit": "Tindedal", "known": False, "reporter": "Kari Li", "statements": 2},
        {"unit": "Bakkevik", "known": False, "reporter": None, "statements": 1},
    ],
}


def _stmt(unit: str, reporter: str | None = None, section: str = "round_table") -> dict:
    return {"section": section, "item_no": "2", "unit_raw": unit, "unit_name": None, "unit_known": False,
            "reporter": reporter}  # fmt: skip


def _parse(**over) -> dict:
    parse = {
        "meeting_date": "2026-03-13",
        "end_date": None,
        "organ": "Regionrådet for Tindedal.",
        "kind": "referat",
        "agenda": [
            {"number": "PS1/26", "title": "Godkjenning av innkalling", "decision": "Innkallingen godkjennes."},
            {"number": "PS 2/26", "title": "Nytt fra kommunene:", "decision": None},
            {"number": "3", "title": "Eventuelt", "decision": None},
        ],
        "statements": [_stmt("Tindedal", "Kari Li"), _stmt("Tindedal", "Kari Li"), _stmt("Bakkevik")],
    }
    return parse | over


def _score(parse: dict, label: dict = LABEL) -> StructureResult:
    r = StructureResult()
    compare_document(parse, label, r, "x.txt")
    return r


def test_a_perfect_parse_scores_one_everywhere():
    r = _score(_parse())
    for name in ("meeting_date", "organ", "agenda_items", "decisions", "round_table_units", "reporters"):
        c = r.fields[name]
        assert (c.fp, c.fn) == (0, 0), name
    assert r.fields["agenda_items"].tp == 3
    assert r.fields["decisions"].tp == 1
    assert r.fields["round_table_units"].tp == 2
    assert r.fields["reporters"].tp == 1
    assert r.fields["meeting_end_date"].tp == r.fields["meeting_end_date"].fp == 0
    assert (r.kind_right, r.kind_total, r.units_exact, r.units_total) == (1, 1, 2, 2)
    assert r.misses == []


def test_a_wrong_date_is_one_fp_and_one_fn_a_missing_organ_one_fn():
    r = _score(_parse(meeting_date="2026-03-20", organ=None, end_date="2026-03-14"))
    assert (r.fields["meeting_date"].tp, r.fields["meeting_date"].fp, r.fields["meeting_date"].fn) == (0, 1, 1)
    assert (r.fields["organ"].fp, r.fields["organ"].fn) == (0, 1)
    assert r.fields["meeting_end_date"].fp == 1  # invented: the label has none


def test_a_sakliste_duplicate_and_a_proposal_taken_as_decision_are_false_positives():
    parse = _parse()
    parse["agenda"] = [
        {"number": "1", "title": "Nytt fra kommunene", "decision": None},  # the sakliste read as an item
        *parse["agenda"],
    ]
    parse["agenda"][3]["decision"] = "Forslag: saken tas til orientering."  # Eventuelt has no decision
    r = _score(parse)
    assert (r.fields["agenda_items"].tp, r.fields["agenda_items"].fp, r.fields["agenda_items"].fn) == (3, 1, 0)
    assert (r.fields["decisions"].tp, r.fields["decisions"].fp, r.fields["decisions"].fn) == (1, 1, 0)


def test_a_longer_parsed_title_matches_within_slack_and_a_wrong_number_does_not():
    assert title_matches("Godkjenning av referat 4/26", "Godkjenning av referat")
    assert not title_matches("Godkjenning av innkalling og saksliste for møtet i dag", "Godkjenning av innkalling")
    parse = _parse()
    parse["agenda"][1]["number"] = "PS 7/26"
    r = _score(parse)
    assert (r.fields["agenda_items"].tp, r.fields["agenda_items"].fn) == (2, 1)


def test_a_missed_decision_and_a_truncated_one():
    parse = _parse()
    parse["agenda"][0]["decision"] = None
    assert _score(parse).fields["decisions"].fn == 1
    long = "Rådet slutter seg til planen. " * 5
    label = json.loads(json.dumps(LABEL))
    label["agenda_items"][0]["decision"] = long
    parse = _parse()
    parse["agenda"][0]["decision"] = long[:70] + " og mer tekst"
    assert _score(parse, label).fields["decisions"].tp == 1


def test_units_are_grouped_by_header_and_counted_exactly():
    parse = _parse(statements=[_stmt("Tindedal", None), _stmt("Bakkevik"), _stmt("Bakkevik"), _stmt("Fjellby")])
    assert [u["statements"] for u in parsed_units(parse)] == [1, 2, 1]
    r = _score(parse)
    assert (r.fields["round_table_units"].tp, r.fields["round_table_units"].fp) == (2, 1)
    assert (r.fields["reporters"].tp, r.fields["reporters"].fn) == (0, 1)
    assert (r.units_exact, r.units_total) == (0, 2)


def test_align_keeps_order():
    assert align([1, 2, 3, 4], [2, 4, 3], lambda a, b: a == b) in ([(1, 0), (3, 1)], [(1, 0), (2, 2)])


def test_a_notice_read_as_minutes_misses_kind():
    label = LABEL | {"kind": "innkalling"}
    r = _score(_parse(), label)
    assert (r.kind_right, r.kind_total) == (0, 1)


def test_the_command_runs_on_a_labelled_folder(tmp_path: Path, capsys):
    doc = tmp_path / "a.txt"
    doc.write_text(
        "Referat fra møte i Regionrådet for Tindedal\nDato: 13. mars 2026\n\n"
        "Sak 1 Godkjenning av innkalling\nVedtak: Innkallingen godkjennes.\n\nSak 2 Eventuelt\nIngen saker.\n",
        encoding="utf-8",
    )
    label = {"document": "a.txt", "meeting_date": "2026-03-13", "meeting_end_date": None,
             "organ": "Regionrådet for Tindedal", "kind": "referat",
             "agenda_items": [{"number": "1", "title": "Godkjenning av innkalling",
                               "decision": "Innkallingen godkjennes."},
                              {"number": "2", "title": "Eventuelt", "decision": None}],
             "round_table": []}  # fmt: skip
    (tmp_path / "a.txt.labels.json").write_text(json.dumps(label), encoding="utf-8")
    r = evaluate_structure(tmp_path)
    assert r.documents == 1 and not r.errors
    assert r.fields["meeting_date"].tp == 1 and r.fields["agenda_items"].tp == 2 and r.fields["decisions"].tp == 1
    assert main(["evaluate-structure", "--fixtures", str(tmp_path), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "agenda_items" in out and "Structure of 1 labelled documents" in out


def test_the_command_names_a_missing_folder(tmp_path: Path, capsys):
    assert main(["evaluate-structure", "--fixtures", str(tmp_path / "nope")]) == 2
    assert "nope" in capsys.readouterr().err
