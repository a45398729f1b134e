-- v_statements (data contract): one row per fact, with its meeting date and provenance, as
-- corrected by people (a statement marked "not a fact", or split, is left out; its pieces are in).
CREATE OR REPLACE VIEW v_statements AS
SELECT
    s.statement_id,
    s.meeting_id,
    m.meeting_date,
    s.section,
    s.unit_name,
    s.unit_kind,
    s.kommunenummer,
    s.region,
    s.county,
    s.reporter,
    s.text,
    s.themes,
    s.fact_type,
    s.organisations,
    s.jobs,
    s.amount_nok,
    s.event_date,
    s.source_file,
    s.page,
    s.line_start,
    s.line_end,
    s.seq,
    s.item_no,
    s.area,
    s.unit_raw,
    s.unit_known,
    s.places,
    s.source_text,
    s.area_daa,
    sm.sak_id,
    s.corrected,
    s.corrected_fields
FROM stg_statements AS s
JOIN stg_meetings AS m USING (meeting_id)
LEFT JOIN stg_sak_mentions AS sm ON sm.statement_id = s.statement_id AND sm.is_primary
WHERE s.is_fact;
