"""The linking model (``etl.saker``): which mentions become one sak, and the register's fields.

Mentions are made by the real enrichment from statements as members write them,
then linked by ``build_register``, as the warehouse does it.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from etl.enrich import enrich
from etl.model import Meeting, Provenance, Statement
from etl.saker import build_register
from etl.saker.comparisons import THRESHOLD, WEIGHTS, SakProfile, compare, explain, score
from etl.saker.features import mentions_from_rows, name_keys, place_key, wording
from etl.saker.metrics import cluster_scores

_counter = itertools.count(1)


def rows(*reports: tuple[str, str, str]) -> list[dict]:
    """Statement rows (as ``etl.warehouse.register`` reads them) for (date, unit, text) reports."""
    out = []
    for date, unit, text in reports:
        meeting = Meeting(f"{date}.txt", f"{date}".ljust(64, "0"), meeting_date=dt.date.fromisoformat(date))
        meeting.statements = [Statement("round_table", text, Provenance("x", 1, 1, 1, text), unit_raw=unit)]
        enrich(meeting)
        s = meeting.statements[0]
        assert s.sak_kind, f"not read as a sak: {text}"
        n = next(_counter)
        out.append({
            "statement_id": f"{date}-s{n:03d}", "meeting_id": date, "meeting_date": meeting.meeting_date, "seq": n,
            "unit_name": s.unit_name, "unit_kind": s.unit_kind, "kommunenummer": s.kommunenummer,
            "region": s.region, "text": s.text, "themes": s.themes, "organisations": s.organisations,
            "places": s.places, "jobs": s.jobs, "amount_nok": s.amount_nok, "area_daa": s.area_daa,
            "sak_kind": s.sak_kind, "sak_status": s.sak_status, "sak_parts": s.sak_parts,
        })  # fmt: skip
    return out


def link(*reports) -> tuple[list, list, list[dict]]:
    rs = rows(*reports)
    saker, mentions, _ = build_register(rs)
    return saker, mentions, rs


def n_saker(*reports) -> int:
    return len(link(*reports)[0])


def test_a_project_moving_through_its_stages_is_one_sak_with_the_latest_status():
    saker, mentions, _ = link(
        ("2025-01-16", "Ullensaker kommune", "Nordavind Data har meldt interesse for et datasenter på Gardermoen."),
        ("2025-03-06", "Ullensaker kommune", "Nordavind Data har sendt inn planforslag for datasenteret på Gardermoen."),
        ("2025-05-22", "Ullensaker kommune", "Kommunestyret vedtok reguleringsplanen for datasenteret på Gardermoen."),
        ("2025-09-11", "Ullensaker kommune", "Datasenteret har fått byggetillatelse, og byggingen er i gang."),
        ("2026-01-08", "Ullensaker kommune", "Nordavind-datasenteret på Gardermoen er i drift med 80 ansatte."),
    )
    assert len(saker) == 1
    sak = saker[0]
    assert (sak.kind, sak.status, sak.status_date, sak.jobs) == ("datasenter", "i_drift", dt.date(2026, 1, 8), 80)
    assert [m.status for m in mentions] == ["planlagt", "regulering", "vedtatt", "bygging", "i_drift"]
    assert (sak.first_mentioned, sak.last_mentioned, sak.n_mentions, sak.n_meetings) == (
        dt.date(2025, 1, 16), dt.date(2026, 1, 8), 5, 5)
    assert sak.title == "Nordavind Data har meldt interesse for et datasenter på Gardermoen"
    assert (sak.unit_name, sak.kommunenummer, sak.region) == ("Ullensaker", "3209", "Romerike")


def test_two_datacenters_in_one_kommune_at_two_places_are_two_saker():
    assert n_saker(
        ("2025-01-16", "Ullensaker kommune", "Nordavind Data planlegger et datasenter på Gardermoen."),
        ("2025-01-16", "Ullensaker kommune", "Kaldberg Compute vurderer et datasenter på Kløfta."),
        ("2025-03-06", "Ullensaker kommune", "Datasenteret på Kløfta er satt på vent."),
        ("2025-03-06", "Ullensaker kommune", "Datasenteret på Gardermoen er på høring."),
    ) == 2


def test_the_same_company_in_two_kommuner_is_two_saker():
    assert n_saker(
        ("2025-01-16", "Asker kommune", "Ferrovik planlegger en ny fabrikk på Heggedal."),
        ("2025-03-06", "Gran kommune", "Ferrovik planlegger en ny fabrikk på Brandbu."),
        ("2025-05-22", "Gran kommune", "Ferrovik har fått byggetillatelse for fabrikken på Brandbu."),
    ) == 2


def test_a_region_reporting_on_a_members_project_joins_its_sak():
    saker, mentions, _ = link(
        ("2025-01-16", "Ullensaker kommune", "Nordavind Data planlegger et datasenter på Gardermoen."),
        ("2025-03-06", "Øvre Romerike", "Datasenteret på Gardermoen er vedtatt og gir ringvirkninger i regionen."),
    )
    assert len(saker) == 1 and saker[0].unit_name == "Ullensaker"


def test_a_hotel_and_a_depot_at_one_place_are_two_saker():
    assert n_saker(
        ("2026-04-16", "Ullensaker kommune", "Et nytt hotell med 400 rom åpner på Gardermoen i juni."),
        ("2026-04-22", "Ullensaker kommune", "Avinor bygger ny driftsbase på Gardermoen med 350 arbeidsplasser."),
    ) == 2


def test_a_grant_is_its_own_sak_apart_from_what_it_funds():
    saker, _, _ = link(
        ("2025-01-16", "Ringerike kommune", "Det nye innovasjonshuset i Hønefoss er under bygging."),
        ("2025-03-06", "Ringerike kommune", "Sparebankstiftelsen gir 25 mill. kroner til innovasjonshuset i Hønefoss."),
    )
    assert sorted(s.kind for s in saker) == ["etablering", "finansiering"]


def test_a_line_repeated_word_for_word_is_one_sak_and_its_jobs_count_once():
    text = "Nedleggelse av Blowtech-fabrikken (70 ansatte)."
    saker, mentions, _ = link(*[(d, "Kongsvingerregionen", text) for d in ("2025-01-16", "2025-03-06", "2025-05-22")])
    assert len(saker) == 1 and saker[0].n_mentions == 3
    assert (saker[0].jobs, saker[0].jobs_max) == (70, 70)
    assert [m.score for m in mentions][1:] == [99.0, 99.0]  # linked as exact repeats


def test_a_listed_statement_gives_one_sak_per_thing_and_both_come_back():
    text = "Store datasenteretableringer (Microsoft + nytt prosjekt)."
    saker, mentions, _ = link(("2025-10-23", "Indre Østfold", text), ("2025-12-04", "Indre Østfold", text))
    assert sorted(s.title for s in saker) == ["Datasenter: Microsoft", "Datasenter: nytt prosjekt"]
    assert sorted((m.part, m.sak_id) for m in mentions)[0][0] == 1 and len(mentions) == 4


def test_the_latest_figure_counts_and_the_largest_is_kept():
    saker, _, _ = link(
        ("2025-01-16", "Bærum kommune", "Vinge Elektronikk nedbemanner med 30 årsverk på Lysaker."),
        ("2025-03-06", "Bærum kommune", "Vinge Elektronikk har gjennomført nedbemanningen på Lysaker, og 24 ansatte mistet jobben."),
    )
    assert len(saker) == 1 and (saker[0].jobs, saker[0].jobs_max) == (24, 30)


def test_a_project_does_not_go_back_to_planning_but_a_stop_always_counts():
    saker, _, _ = link(
        ("2025-01-16", "Lillestrøm kommune", "Microsoft har startet byggingen av datasenteret på Kjeller."),
        ("2025-03-06", "Lillestrøm kommune", "Datasenteret på Kjeller skal etter planen stå ferdig i 2028, og Microsoft planlegger mer."),
    )
    assert saker[0].status == "bygging"
    saker, _, _ = link(
        ("2025-01-16", "Lillestrøm kommune", "Microsoft har startet byggingen av datasenteret på Kjeller."),
        ("2025-03-06", "Lillestrøm kommune", "Datasenteret på Kjeller er satt på vent."),
    )
    assert saker[0].status == "stanset"


def test_ids_depend_on_the_thing_not_on_the_order_of_the_rows():
    reports = [
        ("2025-01-16", "Asker kommune", "Ferrovik planlegger en ny fabrikk på Heggedal."),
        ("2025-01-16", "Gran kommune", "Nammo planlegger en ny fabrikk på Brandbu."),
    ]
    a = {s.title: s.sak_id for s in link(*reports)[0]}
    b = {s.title: s.sak_id for s in link(*reversed(reports))[0]}
    assert a == b and all(v.startswith("sak-") and len(v) == 14 for v in a.values())


def test_previous_ids_are_kept_when_an_earlier_mention_is_added():
    later = ("2025-05-22", "Asker kommune", "Ferrovik har fått byggetillatelse for fabrikken på Heggedal.")
    first_rows = rows(later)
    saker, mentions, _ = build_register(first_rows)
    previous = {m.mention_key: m.sak_id for m in mentions}
    earlier = rows(("2025-01-16", "Asker kommune", "Ferrovik planlegger en ny fabrikk på Heggedal."))
    again, _, _ = build_register(earlier + first_rows, previous=previous)
    fresh, _, _ = build_register(earlier + first_rows)
    assert [s.sak_id for s in again] == [saker[0].sak_id]  # kept
    assert fresh[0].sak_id != saker[0].sak_id  # without the previous build, the first mention decides


# --- the model's parts ---------------------------------------------------------------------


def test_every_comparison_level_has_a_weight_and_the_threshold_is_reachable():
    assert set(WEIGHTS) == {"unit", "organisations", "places", "wording", "kind", "thing", "quantities", "meeting",
                            "reference"}
    best = sum(max(levels.values()) for levels in WEIGHTS.values())
    assert best >= THRESHOLD > 0


def test_explain_names_every_comparison_and_the_decision():
    ms = mentions_from_rows(rows(
        ("2025-01-16", "Asker kommune", "Ferrovik planlegger en ny fabrikk på Heggedal."),
        ("2025-03-06", "Asker kommune", "Ferrovik har fått byggetillatelse for fabrikken på Heggedal."),
    ))
    profile = SakProfile(0)
    profile.add(ms[0])
    levels = compare(ms[1], profile)
    assert levels["organisations"] == "shared" and levels["places"] == "shared" and levels["unit"] == "same"
    text = explain(ms[1], profile)
    assert f"{score(levels):+.1f} (threshold {THRESHOLD})" in text and "linked" in text


def test_company_names_compare_by_their_distinctive_words():
    assert name_keys(["Nordavind Data"]) & name_keys(["Nordavind-senteret"]) == {"nordavind"}
    assert not name_keys(["Nordavind Data"]) & name_keys(["Kaldberg Data"])
    assert name_keys(["Innovasjon Norge"]) == frozenset()  # a funder owns no sak


@pytest.mark.parametrize(("name", "key"), [
    ("Roa næringsområde", "roa"), ("Sandvika brygge", "sandvika"), ("Askim vest", "askim vest"),
    ("Teknologiparken Nord", "teknologiparken nord"),
])  # fmt: skip
def test_place_keys(name, key):
    assert place_key(name) == key


def test_wording_leaves_out_status_words_and_names():
    words = wording("Nordavind Data har fått byggetillatelse for datasenteret på Gardermoen", kind="datasenter",
                    names=frozenset({"nordavind", "data", "gardermoen"}))
    assert words == frozenset()


# --- metrics -------------------------------------------------------------------------------


def test_pairwise_and_bcubed_scores_on_a_small_example():
    gold = {"a": 1, "b": 1, "c": 2, "d": None}
    pred = {"a": "x", "b": "y", "c": "y", "d": "z"}
    s = cluster_scores(gold, pred)
    assert (s.pair_precision, s.pair_recall) == (0.0, 0.0)
    # a: p=1, r=1/2; b: p=1/2, r=1/2; c: p=1/2, r=1; d: p=1 (its own singleton), r=1
    assert s.bcubed_precision == pytest.approx((1 + 0.5 + 0.5 + 1) / 4)
    assert s.bcubed_recall == pytest.approx((0.5 + 0.5 + 1 + 1) / 4)
    perfect = cluster_scores(gold, {"a": "x", "b": "x", "c": "y", "d": None})
    assert (perfect.pair_f1, perfect.bcubed_f1) == (1.0, 1.0)
