-- stg_events: events announced in the minutes, types cast.
CREATE OR REPLACE VIEW stg_events AS
SELECT
    e.event_id,
    e.meeting_id,
    e.seq,
    CAST(e.event_date AS DATE) AS event_date,
    e.title,
    e.organiser,
    e.url,
    e.source_file,
    e.page,
    e.line_start,
    e.line_end,
    e.source_text
FROM events AS e;
