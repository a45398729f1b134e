-- mart_unit_activity: round-table activity per reporting unit, with map coordinates from the gazetteer
-- (NULL for units the gazetteer does not know); materialised with the other marts, read by v_unit_activity.
SELECT
    s.unit_name,
    any_value(s.unit_kind)            AS unit_kind,
    any_value(s.region)               AS region,
    any_value(s.county)               AS county,
    count(*)                          AS n_statements,
    count(DISTINCT s.meeting_id)      AS n_meetings,
    max(s.meeting_date)               AS last_meeting_date,
    any_value(u.lat)                  AS lat,
    any_value(u.lon)                  AS lon
FROM mart_statements AS s
LEFT JOIN dim_units AS u ON u.name = s.unit_name
WHERE s.section = 'round_table' AND s.unit_name IS NOT NULL
GROUP BY s.unit_name
