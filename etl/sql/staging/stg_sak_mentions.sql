-- stg_sak_mentions: which statement reports on which sak, and the state it gives it.
-- A statement listing several things ("Microsoft + nytt prosjekt") has one row per
-- thing (part 1, 2, …); its primary sak is the one of its lowest part.
CREATE OR REPLACE VIEW stg_sak_mentions AS
SELECT
    m.*,
    row_number() OVER (PARTITION BY m.statement_id ORDER BY m.part) = 1 AS is_primary
FROM sak_mentions AS m;
