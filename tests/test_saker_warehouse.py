"""The register of saker in real DuckDB warehouses: the seed's saker, stable ids across
builds, the views of the data contract, and the synthetic archive's moving saker."""

from __future__ import annotations

import datetime as dt
import shutil

import duckdb
import pytest

from tests.conftest import SEED


@pytest.fixture(scope="module")
def seed(seed_db):
    with duckdb.connect(str(seed_db), read_only=True) as c:
        yield c


def test_blowtech_is_one_closure_with_70_jobs(seed):
    rows = seed.execute("SELECT kind, status, jobs, jobs_max, unit_name, n_mentions FROM v_saker "
                        "WHERE list_contains(organisations, 'Blowtech')").fetchall()
    assert rows == [("nedleggelse", "nedlagt", 70, 70, "Kongsvingerregionen", 1)]


def test_grans_regional_centre_project_carries_the_gift(seed):
    row = seed.execute("SELECT kind, status, amount_nok, unit_name, kommunenummer FROM v_saker "
                       "WHERE title ILIKE '%regionsenterprosjekt%'").fetchone()
    assert row == ("finansiering", "vedtatt", 70_000_000, "Gran", "3446")


def test_hamarregionens_datacenter_effect_is_context(seed):
    row = seed.execute("SELECT sak_id FROM v_statements WHERE text LIKE 'Store datasentre gir betydelig%'").fetchone()
    assert row == (None,)


def test_indre_oestfold_microsoft_plus_new_project_is_two_datacenter_saker(seed):
    rows = seed.execute(
        "SELECT k.title, m.part FROM v_sak_mentions m JOIN v_saker k USING (sak_id) "
        "WHERE m.text LIKE 'Store datasenteretableringer%' ORDER BY m.part"
    ).fetchall()
    assert rows == [("Datasenter: Microsoft", 1), ("Datasenter: nytt prosjekt", 2)]
    primary = seed.execute("SELECT s.sak_id = m.sak_id FROM v_statements s JOIN v_sak_mentions m USING (statement_id) "
                           "WHERE s.text LIKE 'Store datasenteretableringer%' AND m.part = 1").fetchone()
    assert primary == (True,)


def test_the_seed_register(seed):
    rows = seed.execute("SELECT kind, count(*) FROM v_saker GROUP BY kind ORDER BY kind").fetchall()
    assert rows == [("datasenter", 2), ("etablering", 4), ("finansiering", 1), ("naeringsareal", 1),
                    ("nedleggelse", 1), ("plan", 2)]
    assert seed.execute("SELECT count(*), count(DISTINCT statement_id) FROM v_sak_mentions").fetchone() == (11, 10)


def test_every_statement_of_a_sak_points_to_it_and_every_mention_has_its_source(fixture_db):
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        orphans = con.execute("SELECT count(*) FROM v_sak_mentions m LEFT JOIN v_saker k USING (sak_id) "
                              "WHERE k.sak_id IS NULL").fetchone()[0]
        unlinked = con.execute("SELECT count(*) FROM v_statements s WHERE s.sak_id IS NOT NULL AND NOT EXISTS "
                               "(SELECT 1 FROM v_sak_mentions m WHERE m.statement_id = s.statement_id "
                               "AND m.sak_id = s.sak_id)").fetchone()[0]
        sourceless = con.execute("SELECT count(*) FROM v_sak_mentions WHERE source_file IS NULL OR page IS NULL "
                                 "OR line_start IS NULL").fetchone()[0]
        counts = con.execute("SELECT count(*) FROM v_saker k WHERE n_mentions <> (SELECT count(DISTINCT statement_id) "
                             "FROM v_sak_mentions m WHERE m.sak_id = k.sak_id)").fetchone()[0]
    assert (orphans, unlinked, sourceless, counts) == (0, 0, 0, 0)


def test_the_synthetic_archive_has_saker_that_move_on(fixture_db):
    """Synthetic minutes repeat saker with changing status, as real minutes do."""
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        moving = con.execute(
            "SELECT count(*) FROM (SELECT sak_id FROM v_sak_mentions WHERE source_file LIKE 'synthetic/%' "
            "GROUP BY sak_id HAVING count(DISTINCT status) >= 3)"
        ).fetchone()[0]
        repeated = con.execute("SELECT count(*) FROM v_saker WHERE n_meetings >= 3").fetchone()[0]
        opened = con.execute("SELECT count(*) FROM v_saker WHERE status = 'i_drift'").fetchone()[0]
    assert moving >= 5 and repeated >= 10 and opened >= 3  # the archive is random: floors, not exact counts


def _ids(db) -> dict[str, str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return dict(con.execute("SELECT mention_key, sak_id FROM sak_mentions").fetchall())


def test_a_rebuild_gives_the_same_ids(tmp_path):
    from etl.synthetic import write_minutes
    from etl.warehouse.build import build

    folder = tmp_path / "in"
    write_minutes(folder, 8)
    shutil.copy(SEED, folder / SEED.name)
    build(folder, tmp_path / "a.duckdb")
    build(folder, tmp_path / "b.duckdb")  # from scratch: no previous ids to keep
    before = _ids(tmp_path / "a.duckdb")
    assert before and before == _ids(tmp_path / "b.duckdb")
    build(folder, tmp_path / "a.duckdb", force=True)
    assert _ids(tmp_path / "a.duckdb") == before


def test_an_earlier_meeting_added_later_keeps_the_ids(tmp_path):
    from etl.warehouse.build import build

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    db = tmp_path / "n.duckdb"
    build(folder, db)
    before = _ids(db)
    earlier = SEED.read_text(encoding="utf-8").replace("Tid: 23. oktober 2025", "Tid: 11. september 2025")
    (folder / "referat-2025-09-11.txt").write_text(earlier, encoding="utf-8")
    build(folder, db)
    after = _ids(db)
    kept = {k: v for k, v in after.items() if k in before}
    assert kept == before  # every sak of the first build keeps its id ...
    with duckdb.connect(str(db), read_only=True) as con:
        first = con.execute("SELECT min(first_mentioned) FROM v_saker").fetchone()[0]
        n = con.execute("SELECT count(*) FROM v_saker").fetchone()[0]
    assert first == dt.date(2025, 9, 11) and n == len(set(before.values()))  # ... now first mentioned earlier
