-- mart_statement_themes: one row per (statement, theme) with the theme's label and position, materialised
-- after mart_statements (etl/warehouse/schema.py: materialise). v_statement_themes reads it: unnesting the
-- themes of v_statements on every question cost seconds at 2 million statements (docs/benchmarks.md).
SELECT
    s.statement_id,
    s.meeting_id,
    s.meeting_date,
    s.section,
    s.unit_name,
    s.unit_kind,
    s.region,
    s.region_key,
    s.fact_type,
    s.source_file,
    s.theme_id,
    COALESCE(d.label, s.theme_id)    AS theme_label,
    d.position                       AS theme_position
FROM (
    SELECT statement_id, meeting_id, meeting_date, section, unit_name, unit_kind, region, region_key, fact_type,
           source_file, unnest(themes) AS theme_id
    FROM mart_statements
) AS s
LEFT JOIN dim_themes AS d USING (theme_id)
ORDER BY s.meeting_date DESC NULLS LAST, s.meeting_id, s.theme_id
