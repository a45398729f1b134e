-- stg_agenda_items: agenda items in document order.
CREATE OR REPLACE VIEW stg_agenda_items AS
SELECT
    a.meeting_id,
    a.seq,
    a.item_no,
    a.title,
    a.kind,
    a.body,
    a.decision,
    a.source_file,
    a.page,
    a.line_start,
    a.line_end
FROM agenda_items AS a;
