"""Shared fixtures: real DuckDB warehouses built once per test session from plain files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINUTES = FIXTURES / "minutes"
SEED = MINUTES / "seed-referat-2025-10-23.txt"
N_SYNTHETIC_MEETINGS = 18


@pytest.fixture(scope="session", autouse=True)
def _no_shared_corrections_file(tmp_path_factory):
    """Builds and dashboards in tests read no corrections unless a test names its own file:
    the default (beside the minutes folder) would be shared by every folder in the temp root."""
    import os

    os.environ["NAERINGSPULS_CORRECTIONS"] = str(tmp_path_factory.mktemp("no-corrections") / "corrections.jsonl")


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    """Warehouse built from the bundled seed minutes only (what `make run` shows)."""
    from etl.warehouse.build import build

    folder = tmp_path_factory.mktemp("seed-input")
    shutil.copy(SEED, folder / SEED.name)
    db = tmp_path_factory.mktemp("seed-db") / "naering.duckdb"
    report = build(folder, db)
    assert report.ok, report.failures
    return db


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory) -> Path:
    """Warehouse of many meetings: every fixture document plus synthetic monthly minutes."""
    from etl.synthetic import write_minutes
    from etl.warehouse.build import build

    folder = tmp_path_factory.mktemp("fixture-input")
    for doc in MINUTES.iterdir():
        if doc.is_file() and not doc.name.endswith(".json"):
            shutil.copy(doc, folder / doc.name)
    write_minutes(folder / "synthetic", N_SYNTHETIC_MEETINGS)
    db = tmp_path_factory.mktemp("fixture-db") / "naering.duckdb"
    report = build(folder, db)
    assert report.ok, report.failures
    return db


@pytest.fixture
def seed_v(monkeypatch, seed_db):
    """The dashboard reading the seed warehouse: its database version (the queries' cache key)."""
    from dashboard import db

    monkeypatch.setenv("NAERINGSPULS_DB", str(seed_db))
    return db.db_version()


@pytest.fixture
def many_v(monkeypatch, fixture_db):
    """The dashboard reading the many-meeting fixture warehouse: its database version."""
    from dashboard import db

    monkeypatch.setenv("NAERINGSPULS_DB", str(fixture_db))
    return db.db_version()
