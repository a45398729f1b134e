"""Sub-regions on Enhet (issue #11, point 4): a region is its members plus itself, and every one is reachable."""

from __future__ import annotations

import duckdb
import pytest
from test_app_pages import run_app, statements_table

from dashboard import filters
from dashboard.queries.subregions import gazetteer_regions

FOLLO = ("Nordre Follo", "Nesodden", "Frogn", "Vestby", "Ås", "Enebakk")
VESTREGIONEN = ("Bærum", "Asker", "Drammen", "Lier", "Øvre Eiker")


def count(db, members: tuple[str, ...], region: str) -> tuple[int, int]:
    """(statements, meetings) of the members and the region, straight from the warehouse."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT count(*), count(DISTINCT meeting_id) FROM mart_statements "
            "WHERE (unit_kind = 'kommune' AND list_contains($m, unit_name)) OR (unit_kind = 'region' AND unit_name = $r)",
            {"m": list(members), "r": region},
        ).fetchone()


def members_table(at):
    """The per-member breakdown: the table with a "Type" column saying "Regionen selv"."""
    return next(d.value for d in at.dataframe if "Type" in d.value.columns and "Regionen selv" in d.value["Type"].tolist())


def number(text: str) -> int:
    return int(text.replace("\u00a0", "").replace(" ", ""))


def test_gazetteer_regions_have_all_their_members_also_secondary_ones():
    regions = {r.name: r for r in gazetteer_regions()}
    assert len(regions) == 14
    assert regions["Follo"].members == FOLLO
    assert regions["Follo"].option == "Follo"
    assert "Vestby" in regions["Mosseregionen"].members, "a kommune's second region counts it too"
    assert regions["Nedre Romerike"].members == ("Lillestrøm", "Lørenskog", "Rælingen", "Aurskog-Høland", "Nittedal")
    # The region sharing a kommune's name is reachable under its own option; the bare name is the kommune.
    assert regions["Indre Østfold"].option == "Indre Østfold (region)"
    assert regions["Indre Østfold"].members == ("Skiptvet", "Indre Østfold", "Rakkestad", "Marker")


@pytest.mark.parametrize(
    "value,expected",
    [("Follo", "Follo"), ("follo", "Follo"), ("Nordre", "Nordre Follo"), ("Nes", None), ("Nesodd", "Nesodden")],
)
def test_resolve_name_never_opens_a_longer_name_for_a_known_one(value, expected):
    options = ["Follo", "Nesodden", "Nordre Follo"]
    assert filters.resolve_name(value, options, known=["Follo", "Nes", "Nesodden", "Nordre Follo"]) == expected
    # Without Follo among the options, "Follo" is still not Nordre Follo.
    assert filters.resolve_name("Follo", ["Nordre Follo"], known=["Follo", "Nordre Follo"]) is None


def test_follo_shows_the_sum_of_its_members_and_itself(monkeypatch, fixture_db):
    at = run_app(monkeypatch, fixture_db, "enhet", {"enhet": "Follo"})
    assert at.selectbox(key="enhet.enhet").value == "Follo", "never silently Nordre Follo"
    n, meetings = count(fixture_db, FOLLO, "Follo")
    assert n > 0
    metrics = {m.label: m.value for m in at.metric}
    assert number(metrics["Utsagn"]) == n and number(metrics["Møter med rapport"]) == meetings
    table = members_table(at)
    assert table["Enhet"].tolist()[0] == "Follo" and table["Type"].tolist()[0] == "Regionen selv"
    assert set(table["Enhet"]) == {"Follo", *FOLLO}, "every member, also those that reported nothing"
    assert sum(number(x) for x in table["Antall utsagn"]) == n
    by_unit = dict(zip(table["Enhet"], table["Antall utsagn"], strict=True))
    assert number(by_unit["Nordre Follo"]) == count(fixture_db, ("Nordre Follo",), "-")[0] and by_unit["Ås"] == "0"
    statements = statements_table(at)
    assert {r["Enhet"] for r in statements} <= {"Follo", *FOLLO} and len(statements) == min(n, 200)
    assert any("Utsagn fra Follo og medlemskommunene" in s.value for s in at.subheader)


def test_vestregionen_is_reachable_though_it_never_reports_itself(monkeypatch, fixture_db):
    at = run_app(monkeypatch, fixture_db, "enhet", {"enhet": "Asker"})
    labels = at.selectbox(key="enhet.enhet").options  # what the user sees: name and kind
    for r in gazetteer_regions():
        assert f"{r.name} (region)" in labels, r.name
    assert "Asker (kommune)" in labels and "Indre Østfold (kommune)" in labels
    at = run_app(monkeypatch, fixture_db, "enhet", {"enhet": "Vestregionen"})
    assert at.selectbox(key="enhet.enhet").value == "Vestregionen"
    assert not any("ikke rapportert" in i.value for i in at.info)
    metrics = {m.label: m.value for m in at.metric}
    assert number(metrics["Utsagn"]) == count(fixture_db, VESTREGIONEN, "Vestregionen")[0] > 0


def test_indre_ostfold_the_name_is_the_kommune_and_the_region_has_its_own_option(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, "enhet", {"enhet": "Indre Østfold"})
    assert at.selectbox(key="enhet.enhet").value == "Indre Østfold"
    assert not any(s.value == "Per medlemskommune" for s in at.subheader)
    at = run_app(monkeypatch, seed_db, "enhet", {"enhet": "Indre Østfold (region)"})
    assert at.selectbox(key="enhet.enhet").value == "Indre Østfold (region)"
    table = members_table(at)
    assert table[["Enhet", "Type"]].values.tolist()[:2] == [["Indre Østfold", "Regionen selv"],
                                                             ["Indre Østfold", "Medlemskommune"]]
    assert number({m.label: m.value for m in at.metric}["Utsagn"]) == count(
        seed_db, ("Skiptvet", "Indre Østfold", "Rakkestad", "Marker"), "Indre Østfold")[0] > 0


def test_a_region_nobody_reported_for_shows_zeros_not_an_error(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, "enhet", {"enhet": "Nedre Romerike"})
    assert at.selectbox(key="enhet.enhet").value == "Nedre Romerike"
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Utsagn"], metrics["Sist rapportert"]) == ("0", "–")
    assert len(members_table(at)) == 6


def test_a_kommune_that_has_not_reported_is_not_a_longer_namesake(monkeypatch, seed_db):
    at = run_app(monkeypatch, seed_db, "enhet", {"enhet": "Nes"})
    assert any("«Nes» har ikke rapportert" in i.value for i in at.info)
