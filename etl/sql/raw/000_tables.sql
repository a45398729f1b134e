-- Raw layer: one table per model object, written only by etl/warehouse/load.py
-- (saker and sak_mentions by etl/warehouse/register.py).
-- Nothing reads these tables directly except the staging views; the dashboard and
-- any other consumer read the v_* views of the marts layer (the data contract).
--
-- Keys are unique by construction (ids are the meeting id plus a sequence number)
-- and checked by tests/test_contract.py; declaring them as PRIMARY KEY made every
-- build about twice as slow to insert, for an index nothing queries by.

CREATE TABLE documents (
    source_file   VARCHAR NOT NULL,  -- path relative to the input folder
    sha256        VARCHAR NOT NULL,
    fmt           VARCHAR,
    n_pages       INTEGER,
    size_bytes    BIGINT,
    status        VARCHAR NOT NULL,     -- 'loaded' or 'failed'
    error         VARCHAR,              -- reason when failed
    meeting_id    VARCHAR,
    loaded_at     TIMESTAMP
);

CREATE TABLE meetings (
    meeting_id    VARCHAR NOT NULL,
    source_file   VARCHAR NOT NULL,
    organ         VARCHAR,
    meeting_date  DATE,
    time_start    VARCHAR,
    time_end      VARCHAR,
    place         VARCHAR,
    chair         VARCHAR,
    secretary     VARCHAR,
    n_attendees   INTEGER,
    n_pages       INTEGER,
    fmt           VARCHAR,
    end_date      DATE,
    kind          VARCHAR
);

CREATE TABLE attendees (
    meeting_id    VARCHAR NOT NULL,
    seq           INTEGER NOT NULL,
    name          VARCHAR NOT NULL
);

CREATE TABLE agenda_items (
    meeting_id    VARCHAR NOT NULL,
    seq           INTEGER NOT NULL,
    item_no       VARCHAR,
    title         VARCHAR,
    kind          VARCHAR,
    body          VARCHAR,
    decision      VARCHAR,
    source_file   VARCHAR,
    page          INTEGER,
    line_start    INTEGER,
    line_end      INTEGER
);

-- statements, events, saker and sak_mentions are defined by the typed model
-- (etl/model.py) and created by etl/warehouse/columns.py: one column per field.

CREATE TABLE links (
    meeting_id    VARCHAR NOT NULL,
    url           VARCHAR NOT NULL,
    source_file   VARCHAR,
    page          INTEGER,
    line_no       INTEGER
);

-- The document's extracted text, line by line, so a reader can check a parse
-- against its source on the "Møter" page without the original file at hand.
CREATE TABLE source_lines (
    source_file   VARCHAR NOT NULL,
    line_no       INTEGER NOT NULL,
    page          INTEGER NOT NULL,
    text          VARCHAR NOT NULL
);

CREATE TABLE parse_warnings (
    source_file   VARCHAR NOT NULL,
    code          VARCHAR NOT NULL,
    message       VARCHAR NOT NULL,
    line_no       INTEGER
);

-- Reference data from etl/resources (gazetteer and taxonomy), reloaded every build.
CREATE TABLE dim_units (
    name          VARCHAR NOT NULL,
    kind          VARCHAR,
    kommunenummer VARCHAR,
    region        VARCHAR,
    county        VARCHAR,
    lat           DOUBLE,
    lon           DOUBLE
);

CREATE TABLE dim_themes (
    theme_id      VARCHAR NOT NULL,
    label         VARCHAR NOT NULL,
    position      INTEGER NOT NULL
);

CREATE TABLE build_info (
    key           VARCHAR NOT NULL,
    value         VARCHAR
);
