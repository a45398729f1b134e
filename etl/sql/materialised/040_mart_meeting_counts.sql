-- mart_meeting_counts: statements per meeting, and how many of them are round-table reports; materialised
-- with the other marts for Møter's list and Gjennomgang's "no round table found" (a count per meeting
-- over two million statements on every question otherwise).
SELECT
    meeting_id,
    count(*)                                        AS n_statements,
    count(*) FILTER (WHERE section = 'round_table') AS n_round_table
FROM mart_statements
GROUP BY meeting_id
ORDER BY meeting_id
