-- stg_meetings: meetings with their load status and people's corrections (date, organ,
-- kind) laid over the parser's values; one row per loaded meeting.
CREATE OR REPLACE VIEW stg_meetings AS
SELECT
    m.meeting_id,
    CASE WHEN list_contains(f.fields, 'organ') THEN f.organ ELSE m.organ END              AS organ,
    CAST(CASE WHEN list_contains(f.fields, 'meeting_date') THEN f.meeting_date
              ELSE m.meeting_date END AS DATE)                                            AS meeting_date,
    m.time_start,
    m.time_end,
    m.place,
    m.chair,
    m.secretary,
    CAST(m.n_attendees AS INTEGER)                                                        AS n_attendees,
    m.n_pages,
    m.fmt,
    m.source_file,
    CASE WHEN list_contains(f.fields, 'kind') THEN f.kind ELSE coalesce(m.kind, 'referat') END AS kind,
    m.end_date,
    f.meeting_id IS NOT NULL                                                              AS corrected
FROM meetings AS m
JOIN documents AS d USING (source_file)
LEFT JOIN meeting_fixes AS f ON f.meeting_id = m.meeting_id
WHERE d.status = 'loaded';
