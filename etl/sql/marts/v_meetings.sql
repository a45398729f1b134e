-- v_meetings (data contract): one row per meeting.
CREATE OR REPLACE VIEW v_meetings AS
SELECT
    meeting_id,
    organ,
    meeting_date,
    place,
    chair,
    n_attendees,
    source_file,
    secretary,
    time_start,
    time_end,
    n_pages,
    fmt,
    kind,
    corrected,
    end_date
FROM stg_meetings;
