-- Purpose: events that have challenges, oldest first, for the event filter of /herausforderungen and /skalierung
-- Parameters: none
-- Columns: code, name
SELECT e.event_id AS code, e.name
FROM events AS e
WHERE EXISTS (SELECT 1 FROM challenges AS c WHERE c.event_id = e.event_id)
ORDER BY e.starts_on, e.event_id
