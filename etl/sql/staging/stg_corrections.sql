-- stg_corrections: the corrections file as this build read it (correction_log), times cast.
CREATE OR REPLACE VIEW stg_corrections AS
SELECT
    c.*,
    TRY_CAST(c.made_at AS TIMESTAMPTZ) AS made_time
FROM correction_log AS c;
