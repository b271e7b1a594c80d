-- Purpose: the curation pipeline per event: how many solutions are in each status (untouched ones count as new)
-- Parameters: none
-- Columns: event_id, event_name, status, solutions
SELECT s.event_id, e.name AS event_name, coalesce(c.status, 'new') AS status, count(*) AS solutions
FROM solutions s
JOIN events e USING (event_id)
LEFT JOIN curation_entries c USING (solution_id)
GROUP BY s.event_id, e.name, e.starts_on, coalesce(c.status, 'new')
ORDER BY e.starts_on, s.event_id, status
