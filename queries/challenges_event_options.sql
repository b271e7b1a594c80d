-- Purpose: events that have challenges, for the event filter of /herausforderungen
-- Parameters: none
-- Columns: event_id, name, starts_on, challenges
SELECT e.event_id, e.name, e.starts_on, count(*) AS challenges
FROM events AS e
JOIN challenges AS c ON c.event_id = e.event_id
GROUP BY e.event_id, e.name, e.starts_on
ORDER BY e.starts_on, e.event_id
