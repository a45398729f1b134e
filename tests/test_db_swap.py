"""The dashboard keeps answering while a build swaps the database file under it.

Many sessions query at once while ``os.replace`` puts a new file in place, as
``python -m etl build`` does.  No query may fail or be cut off, and every answer
comes from one complete file, the old or the new one.  (Before: opening the new
file meant closing the old connection under the queries still running on it; with
20 concurrent sessions the capacity benchmark saw the "database is being replaced"
notice on half the pages.)
"""

from __future__ import annotations

import os
import shutil
import threading
import time

from dashboard import db


def swap_in(source, target) -> None:
    tmp = target.parent / f".{target.name}.build-test"
    shutil.copy(source, tmp)
    os.replace(tmp, target)


def n_meetings(version) -> int:
    return int(db.query(version, "SELECT count(*) AS n FROM v_meetings")["n"].iloc[0])


def test_a_running_query_finishes_on_the_old_file_while_the_new_one_is_read(tmp_path, monkeypatch, seed_db, fixture_db):
    target = tmp_path / "naering.duckdb"
    shutil.copy(seed_db, target)
    monkeypatch.setenv("NAERINGSPULS_DB", str(target))
    v1 = db.db_version()
    assert n_meetings(v1) == 1
    slow: dict = {}

    def long_query():
        try:  # about a second of DuckDB work, begun before the swap
            slow["df"] = db.query(v1, "SELECT count(*) AS n, sum(i) AS s FROM range(150000000) t(i), v_meetings")
        except Exception as exc:  # noqa: BLE001  (the test reports whatever it was)
            slow["error"] = exc

    worker = threading.Thread(target=long_query)
    worker.start()
    time.sleep(0.2)
    swap_in(fixture_db, target)
    v2 = db.db_version()
    assert v2 != v1
    assert n_meetings(v2) > 1  # the new file, while the old one is still being read
    worker.join(timeout=60)
    assert "error" not in slow, slow.get("error")
    assert int(slow["df"]["n"].iloc[0]) == 150_000_000  # the whole answer, from the old file's one meeting
    assert n_meetings(db.db_version()) > 1


def test_sessions_querying_through_repeated_swaps_never_fail(tmp_path, monkeypatch, seed_db, fixture_db):
    target = tmp_path / "naering.duckdb"
    shutil.copy(seed_db, target)
    monkeypatch.setenv("NAERINGSPULS_DB", str(target))
    expected = {1, n_meetings_of(fixture_db)}
    seen, errors = set(), []
    stop = threading.Event()

    def session():
        while not stop.is_set():
            try:
                seen.add(n_meetings(db.db_version()))
            except Exception as exc:  # noqa: BLE001
                errors.append(repr(exc))

    threads = [threading.Thread(target=session) for _ in range(8)]
    for t in threads:
        t.start()
    for k in range(20):
        time.sleep(0.05)
        swap_in(fixture_db if k % 2 == 0 else seed_db, target)
    stop.set()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    assert seen == expected  # both files were read, and nothing else


def n_meetings_of(path) -> int:
    import duckdb

    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT count(*) FROM v_meetings").fetchone()[0]
