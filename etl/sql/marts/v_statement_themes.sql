-- v_statement_themes: one row per (statement, theme), with the theme's Norwegian label.
-- Statements without a theme are left out; count them from v_statements.
CREATE OR REPLACE VIEW v_statement_themes AS
SELECT
    s.statement_id,
    s.meeting_id,
    s.meeting_date,
    s.section,
    s.unit_name,
    s.unit_kind,
    s.region,
    s.fact_type,
    s.source_file,
    t.theme_id,
    COALESCE(d.label, t.theme_id) AS theme_label
FROM v_statements AS s,
     UNNEST(s.themes) AS t(theme_id)
LEFT JOIN dim_themes AS d USING (theme_id);
