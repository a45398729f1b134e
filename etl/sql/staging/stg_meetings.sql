-- stg_meetings: meetings with their load status; one row per loaded meeting.
CREATE OR REPLACE VIEW stg_meetings AS
SELECT
    m.meeting_id,
    m.organ,
    CAST(m.meeting_date AS DATE)          AS meeting_date,
    m.time_start,
    m.time_end,
    m.place,
    m.chair,
    m.secretary,
    CAST(m.n_attendees AS INTEGER)        AS n_attendees,
    m.n_pages,
    m.fmt,
    m.source_file
FROM meetings AS m
JOIN documents AS d USING (source_file)
WHERE d.status = 'loaded';
