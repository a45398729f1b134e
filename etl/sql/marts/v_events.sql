-- v_events (data contract): events announced in the minutes.
CREATE OR REPLACE VIEW v_events AS
SELECT
    e.event_id,
    e.meeting_id,
    e.event_date,
    e.title,
    e.organiser,
    e.url,
    e.source_file,
    m.meeting_date,
    e.page,
    e.line_start,
    e.line_end,
    e.source_text
FROM stg_events AS e
JOIN stg_meetings AS m USING (meeting_id);
