-- v_statement_themes: one row per (statement, theme), with the theme's Norwegian label.
-- Statements without a theme are left out; count them from v_statements.
-- Reads the table the build materialises (etl/sql/materialised/010_mart_statement_themes.sql).
CREATE OR REPLACE VIEW v_statement_themes AS
SELECT
    statement_id,
    meeting_id,
    meeting_date,
    section,
    unit_name,
    unit_kind,
    region,
    fact_type,
    source_file,
    theme_id,
    theme_label
FROM mart_statement_themes;
