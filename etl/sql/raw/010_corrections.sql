-- Corrections, rebuilt by every build from the corrections file (etl/corrections/apply.py);
-- never carried over, never edited: the file is the record, these tables are its reading.

-- Every correction and what it came to in this build.
CREATE TABLE correction_log (
    correction_id VARCHAR NOT NULL,
    made_at       VARCHAR NOT NULL,   -- ISO time with offset, as written
    made_by       VARCHAR NOT NULL,   -- who
    target        VARCHAR NOT NULL,   -- statement, meeting, sak, review
    action        VARCHAR NOT NULL,
    value         VARCHAR,            -- JSON
    old           VARCHAR,            -- JSON: what the machine had
    why           VARCHAR,
    status        VARCHAR NOT NULL,   -- brukt, foreldet, erstattet, ugyldig
    target_id     VARCHAR,            -- statement_id, meeting_id or sak_id it was applied to
    source_file   VARCHAR,
    line_start    INTEGER,
    line_end      INTEGER,
    text          VARCHAR             -- the source text the correction is keyed to
);

-- The final values of corrected statements (the staging view lays them over the raw rows).
CREATE TABLE statement_fixes (
    statement_id  VARCHAR NOT NULL,
    fields        VARCHAR[],          -- the fields people changed; 'is_fact' for hidden or split
    is_fact       BOOLEAN NOT NULL,
    unit_name     VARCHAR,
    unit_kind     VARCHAR,
    kommunenummer VARCHAR,
    region        VARCHAR,
    county        VARCHAR,
    unit_known    BOOLEAN,
    themes        VARCHAR[],
    fact_type     VARCHAR,
    jobs          INTEGER,
    amount_nok    BIGINT,
    event_date    DATE,
    sak_kind      VARCHAR,
    sak_status    VARCHAR,
    sak_parts     VARCHAR[]
);

CREATE TABLE meeting_fixes (
    meeting_id    VARCHAR NOT NULL,
    fields        VARCHAR[],
    meeting_date  DATE,
    organ         VARCHAR,
    kind          VARCHAR
);
