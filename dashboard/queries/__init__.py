"""Every SQL query of the dashboard, read through the data contract (v_* views).

Rules:
* every function takes the database version (``db.db_version()``) first, so the
  ``st.cache_data`` entry of an old build is never served after a new build;
* user input is always bound as a parameter (``$name`` / ``?``), never formatted
  into the SQL text;
* aggregation happens in SQL and long lists are limited (``LIMIT``) with the
  total returned alongside, so pages stay fast on hundreds of thousands of rows.
"""

from __future__ import annotations

# One namespace for the pages: ``queries.summary(v)``, ``queries.saker(v, f)`` …
from dashboard.queries.common import (  # noqa: F401
    CACHE, GRAIN_LABELS, GRAINS, LIST_LIMIT, MAX_BUCKETS, SOURCES_LIMIT, STATEMENT_COLUMNS, StatementFilter,
    meeting_dates, regions, sources_label, theme_filter, theme_positions, themes, trend_grain, units,
)
from dashboard.queries.meetings import (  # noqa: F401
    events, meeting, meeting_agenda, meeting_events, meeting_names, meeting_statements, meeting_warnings, meetings,
    source_lines,
)
from dashboard.queries.overview import activity, summary, themes_by_region, unit_map  # noqa: F401
from dashboard.queries.subregions import (  # noqa: F401
    Region, gazetteer_regions, region_all_statements, region_breakdown, region_fact_types, region_summary,
    region_theme_trend,
)
from dashboard.queries.statements import (  # noqa: F401
    filtered_statements, region_statements, theme_by_unit, theme_trend, unit_fact_types, unit_info,
    unit_statements, unit_theme_trend,
)
from dashboard.queries.trends import (  # noqa: F401
    NO_NARROWING, TREND_GROUPINGS, Narrowing, group_trend, period_vs_previous, rolling_total,
)
from dashboard.queries.search import query_forms, search, suggested_themes, word_forms  # noqa: F401
from dashboard.queries.saker import (  # noqa: F401
    NEWS_GROUPS, SakFilter, SakNews, group_sak_news, latest_sak_news, sak, sak_key_figures, sak_mentions, saker,
    saker_by_kind_and_status, saker_map,
)
from dashboard.queries import corrections as review  # noqa: F401,E402  (the review queue: queries.review.*)
