"""The register of saker: counts that count each thing once, the register itself, one sak's story.

Reads only ``v_saker``, ``v_sak_mentions`` and ``v_meetings``.  Every key figure
about things (datacenter projects, closures and the jobs they cost,
establishments, business land) comes from :func:`sak_key_figures`, so Oversikt,
Saker, the exports and the board pack can never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import db
from dashboard.queries.common import CACHE, LIST_LIMIT, split_total

# Saker that count in the key figures: a stopped project or a closure only feared or
# postponed has brought or cost no jobs (yet); it is still in the register.
_COUNTS = "status IS DISTINCT FROM 'stanset'"
_CLOSED = "kind = 'nedleggelse' AND status = 'nedlagt'"

# The register's filter; every parameter may be empty (no filter).
_SAK_FILTER = """
    (len(CAST($themes AS VARCHAR[])) = 0 OR list_has_any(themes, CAST($themes AS VARCHAR[])))
    AND (len(CAST($kinds AS VARCHAR[])) = 0 OR list_contains(CAST($kinds AS VARCHAR[]), kind))
    AND (len(CAST($statuses AS VARCHAR[])) = 0 OR list_contains(CAST($statuses AS VARCHAR[]), status))
    AND (len(CAST($regions AS VARCHAR[])) = 0
         OR list_contains(CAST($regions AS VARCHAR[]), COALESCE(region, unit_name)))
    AND (len(CAST($units AS VARCHAR[])) = 0 OR list_contains(CAST($units AS VARCHAR[]), unit_name))
    AND (CAST($fra AS DATE) IS NULL OR last_mentioned >= CAST($fra AS DATE))
    AND (CAST($til AS DATE) IS NULL OR first_mentioned <= CAST($til AS DATE))
    AND (CAST($q AS VARCHAR) IS NULL OR contains(lower(title || ' ' || COALESCE(unit_name, '') || ' '
         || array_to_string(organisations, ' ') || ' ' || array_to_string(places, ' ')), lower(CAST($q AS VARCHAR))))
"""
SAK_COLUMNS = """
    sak_id, kind, title, unit_name, unit_kind, kommunenummer, region, themes, organisations, places,
    first_mentioned, last_mentioned, n_mentions, n_meetings, status, status_date, jobs, jobs_max,
    amount_nok, area_daa, lat, lon, corrected
"""


@dataclass(frozen=True)
class SakFilter:
    """The Saker page's filter (hashable, so it keys the cache). ``units`` narrows to units
    (Enhet); ``regions`` to sub-regions, each also matching a unit of that name."""

    themes: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    fra: dt.date | None = None
    til: dt.date | None = None
    units: tuple[str, ...] = ()
    q: str | None = None

    def params(self) -> dict:
        return {"themes": list(self.themes), "kinds": list(self.kinds), "statuses": list(self.statuses),
                "regions": list(self.regions), "units": list(self.units), "fra": self.fra, "til": self.til,
                "q": (self.q or "").strip() or None}  # fmt: skip


@st.cache_data(**CACHE)
def sak_key_figures(version, f: SakFilter = SakFilter()) -> dict:
    """Counts of things, each sak once, for the filter; ``*_new`` are the saker the latest
    meeting brought up for the first time (new since the previous meeting)."""
    df = db.query(
        version,
        f"""
        WITH k AS (SELECT * FROM v_saker WHERE {_SAK_FILTER}),
             latest AS (SELECT max(meeting_date) AS d FROM v_meetings)
        SELECT
            count(*)                                                                 AS saker,
            COALESCE(sum(n_mentions), 0)                                             AS mentions,
            count(*) FILTER (WHERE kind = 'datasenter' AND {_COUNTS})                AS datacenters,
            count(*) FILTER (WHERE kind = 'datasenter' AND {_COUNTS}
                             AND first_mentioned = (SELECT d FROM latest))           AS datacenters_new,
            COALESCE(sum(n_mentions) FILTER (WHERE kind = 'datasenter'), 0)          AS datacenter_mentions,
            count(*) FILTER (WHERE {_CLOSED})                                        AS closures,
            count(*) FILTER (WHERE {_CLOSED} AND first_mentioned = (SELECT d FROM latest)) AS closures_new,
            COALESCE(sum(jobs) FILTER (WHERE {_CLOSED}), 0)                          AS closure_jobs,
            COALESCE(sum(jobs) FILTER (WHERE {_CLOSED}
                                       AND first_mentioned = (SELECT d FROM latest)), 0) AS closure_jobs_new,
            count(*) FILTER (WHERE kind = 'etablering' AND {_COUNTS})                AS establishments,
            count(*) FILTER (WHERE kind = 'etablering' AND {_COUNTS}
                             AND first_mentioned = (SELECT d FROM latest))           AS establishments_new,
            COALESCE(sum(jobs) FILTER (WHERE kind = 'etablering' AND {_COUNTS}), 0)  AS establishment_jobs,
            COALESCE(sum(area_daa) FILTER (WHERE {_COUNTS}), 0)                      AS area_daa,
            COALESCE(sum(area_daa) FILTER (WHERE {_COUNTS}
                                           AND first_mentioned = (SELECT d FROM latest)), 0) AS area_daa_new,
            count(area_daa) FILTER (WHERE {_COUNTS})                                 AS area_saker,
            (SELECT d FROM latest)                                                   AS latest_meeting
        FROM k
        """,
        f.params(),
    )
    row = df.iloc[0].to_dict()
    out = {k: (float(v) if k.startswith("area_daa") else int(v)) for k, v in row.items() if k != "latest_meeting"}
    out["latest_meeting"] = None if pd.isna(row["latest_meeting"]) else pd.Timestamp(row["latest_meeting"]).date()
    return out


@st.cache_data(**CACHE)
def saker(version, f: SakFilter = SakFilter(), limit: int = LIST_LIMIT) -> tuple[pd.DataFrame, int]:
    """The register for the filter, most recently mentioned first; (rows, total)."""
    df = db.query(
        version,
        f"""
        SELECT {SAK_COLUMNS}, count(*) OVER () AS total
        FROM v_saker
        WHERE {_SAK_FILTER}
        ORDER BY last_mentioned DESC NULLS LAST, n_mentions DESC, sak_id
        LIMIT $lim
        """,
        f.params() | {"lim": limit},
    )
    return split_total(df)


@st.cache_data(**CACHE)
def saker_by_kind_and_status(version, f: SakFilter = SakFilter()) -> pd.DataFrame:
    return db.query(
        version,
        f"""
        SELECT kind, COALESCE(status, 'ukjent') AS status, count(*) AS n
        FROM v_saker WHERE {_SAK_FILTER}
        GROUP BY ALL ORDER BY kind, status
        """,
        f.params(),
    )


@st.cache_data(**CACHE)
def saker_map(version, f: SakFilter = SakFilter(), limit: int = 3000) -> pd.DataFrame:
    """Saker with map coordinates for the filter (the most mentioned first)."""
    return db.query(
        version,
        f"""
        SELECT sak_id, kind, title, unit_name, status, n_mentions, jobs, area_daa, lat, lon
        FROM v_saker
        WHERE lat IS NOT NULL AND lon IS NOT NULL AND {_SAK_FILTER}
        ORDER BY n_mentions DESC, sak_id
        LIMIT $lim
        """,
        f.params() | {"lim": limit},
    )


@st.cache_data(**CACHE)
def sak(version, sak_id: str) -> dict | None:
    df = db.query(version, f"SELECT {SAK_COLUMNS}, first_statement_id FROM v_saker WHERE sak_id = $s", {"s": sak_id})
    return None if df.empty else df.iloc[0].to_dict()


@st.cache_data(**CACHE)
def sak_mentions(version, sak_id: str) -> pd.DataFrame:
    """One sak's story: every mention in meeting order, with its quote and source."""
    return db.query(
        version,
        """
        SELECT m.statement_id, m.meeting_id, m.meeting_date, m.status, m.jobs, m.amount_nok, m.area_daa, m.part,
               m.unit_name, m.text, m.source_file, m.page, m.line_start, m.line_end,
               COALESCE(s.corrected, FALSE) AS corrected
        FROM v_sak_mentions AS m
        LEFT JOIN mart_statements AS s USING (statement_id)
        WHERE m.sak_id = $s
        ORDER BY m.meeting_date NULLS LAST, m.statement_id, m.part
        """,
        {"s": sak_id},
    )


@st.cache_data(**CACHE)
def latest_sak_news(version, limit: int | None = None) -> tuple[dict | None, pd.DataFrame]:
    """What the latest meeting said about saker: each sak once, new ones first, with the
    status it had before that meeting (NULL for a new sak); ``limit=None`` keeps every sak
    (the groups of :func:`group_sak_news` count them all)."""
    meetings = db.query(version, "SELECT meeting_id, meeting_date FROM v_meetings WHERE meeting_date IS NOT NULL "
                                 "ORDER BY meeting_date DESC, meeting_id DESC LIMIT 1")
    if meetings.empty:
        return None, pd.DataFrame()
    meeting = meetings.iloc[0].to_dict()
    df = db.query(
        version,
        """
        WITH now AS (
            SELECT m.*, row_number() OVER (PARTITION BY m.sak_id ORDER BY m.statement_id, m.part) AS k
            FROM v_sak_mentions AS m WHERE m.meeting_id = $mid
        ),
        before AS (
            SELECT sak_id, arg_max(status, meeting_date) FILTER (WHERE status IS NOT NULL) AS status_before
            FROM v_sak_mentions WHERE meeting_date < $d GROUP BY sak_id
        )
        SELECT s.sak_id, s.kind, s.title, s.unit_name, s.status, s.jobs, s.amount_nok, s.area_daa,
               s.first_mentioned = $d AS is_new, b.status_before,
               n.status AS mention_status, n.text, n.source_file, n.page, n.line_start, n.line_end
        FROM now AS n
        JOIN v_saker AS s USING (sak_id)
        LEFT JOIN before AS b USING (sak_id)
        WHERE n.k = 1
        ORDER BY is_new DESC,
                 CASE s.kind WHEN 'nedleggelse' THEN 0 WHEN 'datasenter' THEN 1 WHEN 'etablering' THEN 2 ELSE 3 END,
                 n.statement_id
        LIMIT $lim
        """,
        {"mid": meeting["meeting_id"], "d": meeting["meeting_date"], "lim": limit},
    )
    return meeting, df


# "Siden forrige møte": the groups Oversikt and its one-page PDF show, in this order.
NEWS_GROUPS: tuple[tuple[str, str], ...] = (
    ("nye", "Nye saker"),
    ("status", "Endret status"),
    ("nedleggelser", "Nedleggelser"),
    ("areal", "Nytt næringsareal"),
)


@dataclass(frozen=True)
class SakNews:
    """The latest meeting's saker, each in at most one group (a new closure is a closure,
    not also a new sak), and how many were only mentioned again."""

    groups: dict[str, pd.DataFrame]
    unchanged: int

    @property
    def jobs_lost(self) -> int:
        return int(self.groups["nedleggelser"]["jobs"].fillna(0).sum())

    @property
    def area_daa(self) -> float:
        return float(self.groups["areal"]["area_daa"].fillna(0).sum())

    def count(self, key: str) -> int:
        return len(self.groups[key])


def group_sak_news(news: pd.DataFrame) -> SakNews:
    """Split :func:`latest_sak_news` rows into :data:`NEWS_GROUPS`: closures that are new or changed
    status, new business land, other new saker, other status changes; the rest were mentioned again."""
    if news.empty:
        empty = pd.DataFrame(columns=news.columns)
        return SakNews({key: empty for key, _ in NEWS_GROUPS}, 0)
    new = news["is_new"].fillna(False).astype(bool)
    # pandas hands a NULL status over as NaN: a status only changes when the meeting gave one.
    given = news["mention_status"].map(lambda x: isinstance(x, str))
    changed = given & ~new & (news["mention_status"] != news["status_before"])
    closure = (news["kind"] == "nedleggelse") & (new | changed)
    land = (news["kind"] == "naeringsareal") & new & ~closure
    masks = {"nedleggelser": closure, "areal": land, "nye": new & ~closure & ~land, "status": changed & ~closure}
    groups = {key: news[masks[key]].reset_index(drop=True) for key, _ in NEWS_GROUPS}
    return SakNews(groups, int((~(new | changed)).sum()))
