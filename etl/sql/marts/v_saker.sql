-- v_saker (data contract): the register of saker, one row per real-world thing the
-- minutes follow (a datacenter project, an establishment, a closure, business land,
-- a grant, a plan), with its latest status and figures counted once.
CREATE OR REPLACE VIEW v_saker AS
SELECT
    k.sak_id,
    k.kind,
    k.title,
    k.unit_name,
    k.unit_kind,
    k.kommunenummer,
    k.region,
    k.themes,
    k.organisations,
    k.places,
    k.first_mentioned,
    k.last_mentioned,
    k.n_mentions,
    k.n_meetings,
    k.status,
    k.status_date,
    k.jobs,
    k.jobs_max,
    k.amount_nok,
    k.area_daa,
    k.first_statement_id,
    k.corrected,
    COALESCE(uk.lat, uu.lat) AS lat,
    COALESCE(uk.lon, uu.lon) AS lon
FROM stg_saker AS k
LEFT JOIN dim_units AS uk ON uk.kommunenummer = k.kommunenummer AND uk.kind = 'kommune'
LEFT JOIN dim_units AS uu ON uu.name = k.unit_name;
