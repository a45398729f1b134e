-- mart_region_themes: round-table statements per (region, theme), the region being a statement's
-- sub-region or else its unit; materialised with the other marts for Oversikt's heatmap of themes per region.
SELECT
    COALESCE(region, unit_name)  AS region,
    theme_id,
    any_value(theme_label)       AS theme_label,
    count(*)                     AS n
FROM mart_statement_themes
WHERE section = 'round_table' AND unit_name IS NOT NULL
GROUP BY ALL
ORDER BY region, theme_id
