-- stg_statements: statements with empty lists normalised to [] and canonical names preferred.
-- Every raw column (one per field of etl.model.Statement) passes through, so a new
-- field of the model needs no change here, only in the mart view that exposes it.
CREATE OR REPLACE VIEW stg_statements AS
SELECT
    s.* EXCLUDE (unit_name, reporter, themes, organisations, places, sak_parts),
    COALESCE(s.unit_name, s.unit_raw)                  AS unit_name,
    COALESCE(s.reporter_canonical, s.reporter)         AS reporter,
    s.reporter                                         AS reporter_raw,
    COALESCE(s.themes, CAST([] AS VARCHAR[]))          AS themes,
    COALESCE(s.organisations, CAST([] AS VARCHAR[]))   AS organisations,
    COALESCE(s.places, CAST([] AS VARCHAR[]))          AS places,
    COALESCE(s.sak_parts, CAST([] AS VARCHAR[]))       AS sak_parts
FROM statements AS s;
