-- v_unit_activity: round-table activity per reporting unit, with map coordinates
-- from the gazetteer (NULL for units the gazetteer does not know).
-- Reads the table the build materialises (etl/sql/materialised/030_mart_unit_activity.sql).
CREATE OR REPLACE VIEW v_unit_activity AS
SELECT unit_name, unit_kind, region, county, n_statements, n_meetings, last_meeting_date, lat, lon
FROM mart_unit_activity;
