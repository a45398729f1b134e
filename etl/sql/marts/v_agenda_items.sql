-- v_agenda_items (data contract): one row per agenda item, in document order, with its
-- decision (NULL when none) and provenance, so agenda and decisions can be checked like statements.
CREATE OR REPLACE VIEW v_agenda_items AS
SELECT
    a.meeting_id,
    m.meeting_date,
    a.seq,
    a.item_no,
    a.title    AS item_title,
    a.kind,
    a.decision,
    a.source_file,
    a.page,
    a.line_start,
    a.line_end
FROM stg_agenda_items AS a
JOIN stg_meetings AS m USING (meeting_id);
