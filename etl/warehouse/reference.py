"""Reference data (gazetteer units and theme taxonomy) loaded into dim_* tables."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from etl.warehouse.load import insert_rows


def extra_reference_files() -> list[Path]:
    """User-supplied reference files outside the package (env overrides), for the fingerprint."""
    paths = [os.environ.get("NAERINGSPULS_TAXONOMY"), os.environ.get("NAERINGSPULS_GAZETTEER")]
    return [Path(p) for p in paths if p and Path(p).is_file()]


def load(con: duckdb.DuckDBPyConnection) -> None:
    from etl.extract.themes import load_taxonomy, theme_labels
    from etl.extract.units import all_units

    load_taxonomy()
    insert_rows(
        con,
        "dim_themes",
        [{"theme_id": tid, "label": label, "position": i} for i, (tid, label) in enumerate(theme_labels().items())],
    )
    insert_rows(
        con,
        "dim_units",
        [
            {
                "name": u.name,
                "kind": u.kind,
                "kommunenummer": u.kommunenummer,
                "region": u.region,
                "county": u.county,
                "lat": u.lat,
                "lon": u.lon,
            }
            for u in all_units()
        ],
    )
