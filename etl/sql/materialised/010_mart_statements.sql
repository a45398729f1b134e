-- mart_statements: v_statements as a table, newest first, materialised after the register is linked and
-- the corrections applied (etl/warehouse/schema.py: materialise), for the dashboard's lists, counts and search.
-- Scanning the view joins meetings, fixes and the register again on every question (0.3 s and more at
-- 2 million statements). Adds what the dashboard filters on, computed once:
--   region_key   the region a statement counts under (its sub-region, else the unit itself);
--   theme_bits   one bit per dim_themes.position, so a theme filter is an integer test, not a list search;
--   search_text  text, unit and organisations lower-cased, for Søk;
--   originals    action and old value of each correction in force (what the machine had read).
WITH s AS MATERIALIZED (
    SELECT * EXCLUDE (source_text) FROM v_statements  -- the view evaluated once, for both uses below
),
bits AS (
    SELECT u.statement_id, bit_or(CAST(1 AS UBIGINT) << d.position) AS theme_bits
    FROM (SELECT statement_id, unnest(themes) AS theme_id FROM s) AS u
    JOIN dim_themes AS d USING (theme_id)
    WHERE d.position BETWEEN 0 AND 63
    GROUP BY u.statement_id
),
originals AS (
    SELECT target_id AS statement_id, list(struct_pack(action := action, old := old) ORDER BY corrected_at) AS originals
    FROM v_corrections
    WHERE target = 'statement' AND status = 'brukt'
    GROUP BY target_id
)
SELECT
    s.*,
    COALESCE(s.region, s.unit_name)                                                             AS region_key,
    COALESCE(b.theme_bits, CAST(0 AS UBIGINT))                                                  AS theme_bits,
    lower(s.text || ' ' || COALESCE(s.unit_name, '') || ' ' || array_to_string(s.organisations, ' ')) AS search_text,
    CASE WHEN s.corrected THEN o.originals END                                                  AS originals
FROM s
LEFT JOIN bits AS b USING (statement_id)
LEFT JOIN originals AS o USING (statement_id)
ORDER BY s.meeting_date DESC NULLS LAST, s.meeting_id, s.seq
