-- v_sak_mentions (data contract): every statement that reports on a sak, with the
-- status that mention gives it, its figures and its source.
CREATE OR REPLACE VIEW v_sak_mentions AS
SELECT
    sm.statement_id,
    sm.sak_id,
    sm.meeting_id,
    m.meeting_date,
    sm.status,
    sm.jobs,
    sm.amount_nok,
    sm.area_daa,
    sm.part,
    sm.is_primary,
    sm.score,
    s.unit_name,
    s.text,
    s.source_file,
    s.page,
    s.line_start,
    s.line_end
FROM stg_sak_mentions AS sm
JOIN stg_statements AS s USING (statement_id)
JOIN stg_meetings AS m ON m.meeting_id = sm.meeting_id;
