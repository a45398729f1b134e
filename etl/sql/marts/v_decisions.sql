-- v_decisions (data contract): one row per agenda item that has a decision.
CREATE OR REPLACE VIEW v_decisions AS
SELECT
    a.meeting_id,
    m.meeting_date,
    a.item_no,
    a.title    AS item_title,
    a.decision,
    a.source_file,
    a.page,
    a.line_start,
    a.line_end
FROM stg_agenda_items AS a
JOIN stg_meetings AS m USING (meeting_id)
WHERE a.decision IS NOT NULL;
