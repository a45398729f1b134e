-- stg_events: events announced in the minutes (one raw column per field of etl.model.Event).
CREATE OR REPLACE VIEW stg_events AS
SELECT e.*
FROM events AS e;
