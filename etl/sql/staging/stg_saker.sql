-- stg_saker: the register of saker as the linker wrote it (etl/saker), empty lists normalised to [].
CREATE OR REPLACE VIEW stg_saker AS
SELECT
    k.* EXCLUDE (themes, organisations, places),
    COALESCE(k.themes, CAST([] AS VARCHAR[]))          AS themes,
    COALESCE(k.organisations, CAST([] AS VARCHAR[]))   AS organisations,
    COALESCE(k.places, CAST([] AS VARCHAR[]))          AS places
FROM saker AS k;
