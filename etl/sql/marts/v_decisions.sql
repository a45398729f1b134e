-- v_decisions (data contract): the agenda items that have a decision (v_agenda_items, which sorts
-- before this file and is created first).
CREATE OR REPLACE VIEW v_decisions AS
SELECT meeting_id, meeting_date, item_no, item_title, decision, source_file, page, line_start, line_end
FROM v_agenda_items
WHERE decision IS NOT NULL;
