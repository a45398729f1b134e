-- v_corrections (data contract): every correction in the corrections file and what it came
-- to in this build: brukt (applied), foreldet (its source text changed or disappeared),
-- erstattet (a later correction of the same thing replaced it), ugyldig (an unusable value).
CREATE OR REPLACE VIEW v_corrections AS
SELECT
    correction_id,
    made_time        AS corrected_at,
    made_by          AS corrected_by,
    target,
    action,
    value,
    old,
    why,
    status,
    target_id,
    source_file,
    line_start,
    line_end,
    text
FROM stg_corrections;
