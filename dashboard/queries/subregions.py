"""Sub-regions on Enhet: a region is the sum of its member kommuner plus what it reported itself.

(Named subregions, not regions: a submodule would shadow ``queries.regions``, the list of region keys.)

Membership comes from the gazetteer the build read (etl/resources/gazetteer.toml or
$NAERINGSPULS_GAZETTEER): the warehouse keeps one primary region per kommune, but a
kommune may belong to several sub-regions (Vestby is in Follo and Mosseregionen),
and a region may never report under its own name (Vestregionen), so neither
``region`` nor ``unit_name`` alone finds every region or every member.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import db
from dashboard.queries.common import (
    CACHE,
    LIST_LIMIT,
    rows_and_total,
    to_date,
    trend_where,
)
from etl.extract.units import load_gazetteer

# A statement counts for the region when a member kommune made it, or the region itself did.
# unit_kind keeps the kommune Indre Østfold apart from the region of the same name.
SCOPE_SQL = ("((unit_kind = 'kommune' AND list_contains(CAST($members AS VARCHAR[]), unit_name))"
             " OR (unit_kind = 'region' AND unit_name = $region))")
REGION_SUFFIX = " (region)"


@dataclass(frozen=True)
class Region:
    name: str
    members: tuple[str, ...]  # kommuner listing the region, in gazetteer order
    option: str  # its name in Enhet's selector and URL: "<name> (region)" when a kommune has the name

    def params(self) -> dict:
        return {"region": self.name, "members": list(self.members)}


def gazetteer_regions() -> list[Region]:
    """Every sub-region of the gazetteer, reported or not, in gazetteer order."""
    g = load_gazetteer()
    kommuner = {u.name for u in g.units if u.kind == "kommune"}
    found: dict[str, Region] = {}
    # A region sharing a kommune's name (Indre Østfold) is not among g.units, only reachable by its aliases.
    for u in [*g.units, *g.by_key.values()]:
        if u.kind == "region" and u.name not in found:
            option = u.name + REGION_SUFFIX if u.name in kommuner else u.name
            found[u.name] = Region(u.name, tuple(u.members), option)
    return list(found.values())


@st.cache_data(**CACHE)
def region_summary(version, region: Region) -> dict:
    """Totals over the region's members and itself: statements, meetings, jobs, amounts, first/last date."""
    row = db.query(
        version,
        f"""
        SELECT count(*) AS n_all, count(DISTINCT meeting_id) AS n_meetings, sum(jobs) AS jobs,
               sum(amount_nok) AS amount_nok, min(meeting_date) AS first_date, max(meeting_date) AS last_meeting_date
        FROM mart_statements WHERE {SCOPE_SQL}
        """,
        region.params(),
    ).iloc[0].to_dict()
    row["first_date"], row["last_meeting_date"] = to_date(row["first_date"]), to_date(row["last_meeting_date"])
    return row


@st.cache_data(**CACHE)
def region_breakdown(version, region: Region) -> pd.DataFrame:
    """One row per member kommune and one for the region itself, also those that reported nothing;
    the region first, then the members by statements."""
    names = [region.name, *region.members]
    kinds = ["region"] + ["kommune"] * len(region.members)
    return db.query(
        version,
        f"""
        WITH scope AS (
            SELECT unnest(CAST($names AS VARCHAR[])) AS unit_name, unnest(CAST($kinds AS VARCHAR[])) AS unit_kind
        ),
        stats AS (
            SELECT unit_name, unit_kind, count(*) AS n_statements, count(DISTINCT meeting_id) AS n_meetings,
                   sum(jobs) AS jobs, sum(amount_nok) AS amount_nok, max(meeting_date) AS last_meeting_date
            FROM mart_statements WHERE {SCOPE_SQL}
            GROUP BY unit_name, unit_kind
        )
        SELECT s.unit_name, s.unit_kind, COALESCE(t.n_statements, 0) AS n_statements,
               COALESCE(t.n_meetings, 0) AS n_meetings, t.jobs, t.amount_nok, t.last_meeting_date
        FROM scope AS s LEFT JOIN stats AS t USING (unit_name, unit_kind)
        ORDER BY s.unit_kind = 'region' DESC, n_statements DESC, s.unit_name
        """,
        region.params() | {"names": names, "kinds": kinds},
    )


@st.cache_data(**CACHE)
def region_theme_trend(version, region: Region, grain: str = "day") -> pd.DataFrame:
    """Statements per (period, theme) over the region's members and itself, with the files behind each bar."""
    return trend_where(version, SCOPE_SQL, region.params(), grain)


@st.cache_data(**CACHE)
def region_fact_types(version, region: Region) -> pd.DataFrame:
    return db.query(
        version,
        f"SELECT fact_type, count(*) AS n FROM mart_statements WHERE {SCOPE_SQL} "
        "GROUP BY fact_type ORDER BY n DESC, fact_type",
        region.params(),
    )


@st.cache_data(**CACHE)
def region_all_statements(version, region: Region, limit: int = LIST_LIMIT) -> tuple[pd.DataFrame, int]:
    """The newest statements of the region's members and of the region itself; (rows, total)."""
    return rows_and_total(version, SCOPE_SQL, region.params(), limit=limit)
