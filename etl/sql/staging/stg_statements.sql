-- stg_statements: extracted and added statements, with people's corrections laid over them,
-- empty lists normalised to [] and canonical names preferred.
-- Every raw column (one per field of etl.model.Statement) passes through, so a new
-- field of the model needs no change here, only in the mart view that exposes it.
CREATE OR REPLACE VIEW stg_statements AS
WITH s AS (
    SELECT * FROM statements
    UNION ALL BY NAME
    SELECT * FROM added_statements
)
SELECT
    s.* EXCLUDE (unit_name, unit_kind, kommunenummer, region, county, unit_known, reporter, themes, fact_type,
                 organisations, places, jobs, amount_nok, event_date, sak_kind, sak_status, sak_parts),
    COALESCE(CASE WHEN f.statement_id IS NULL THEN s.unit_name ELSE f.unit_name END, s.unit_raw) AS unit_name,
    CASE WHEN f.statement_id IS NULL THEN s.unit_kind ELSE f.unit_kind END              AS unit_kind,
    CASE WHEN f.statement_id IS NULL THEN s.kommunenummer ELSE f.kommunenummer END      AS kommunenummer,
    CASE WHEN f.statement_id IS NULL THEN s.region ELSE f.region END                    AS region,
    CASE WHEN f.statement_id IS NULL THEN s.county ELSE f.county END                    AS county,
    CASE WHEN f.statement_id IS NULL THEN s.unit_known ELSE f.unit_known END            AS unit_known,
    COALESCE(s.reporter_canonical, s.reporter)                                          AS reporter,
    s.reporter                                                                          AS reporter_raw,
    COALESCE(CASE WHEN f.statement_id IS NULL THEN s.themes ELSE f.themes END,
             CAST([] AS VARCHAR[]))                                                     AS themes,
    CASE WHEN f.statement_id IS NULL THEN s.fact_type ELSE f.fact_type END              AS fact_type,
    COALESCE(s.organisations, CAST([] AS VARCHAR[]))                                    AS organisations,
    COALESCE(s.places, CAST([] AS VARCHAR[]))                                           AS places,
    CASE WHEN f.statement_id IS NULL THEN s.jobs ELSE f.jobs END                        AS jobs,
    CASE WHEN f.statement_id IS NULL THEN s.amount_nok ELSE f.amount_nok END            AS amount_nok,
    CASE WHEN f.statement_id IS NULL THEN s.event_date ELSE f.event_date END            AS event_date,
    CASE WHEN f.statement_id IS NULL THEN s.sak_kind ELSE f.sak_kind END                AS sak_kind,
    CASE WHEN f.statement_id IS NULL THEN s.sak_status ELSE f.sak_status END            AS sak_status,
    COALESCE(CASE WHEN f.statement_id IS NULL THEN s.sak_parts ELSE f.sak_parts END,
             CAST([] AS VARCHAR[]))                                                     AS sak_parts,
    f.statement_id IS NOT NULL
        OR s.statement_id IN (SELECT statement_id FROM added_statements)                AS corrected,
    CASE WHEN s.statement_id IN (SELECT statement_id FROM added_statements) THEN ['added']
         ELSE COALESCE(f.fields, CAST([] AS VARCHAR[])) END                             AS corrected_fields,
    COALESCE(f.is_fact, TRUE)                                                           AS is_fact
FROM s
LEFT JOIN statement_fixes AS f USING (statement_id);
