-- Purpose: number and total of grants per currency (for one programme event or all), so other currencies show beside the euro figures
-- Parameters: $event_id (text or NULL: all grants)
-- Columns: currency, grants, total
SELECT currency, count(*) AS grants, sum(amount)::DECIMAL(18, 2) AS total
FROM grants
WHERE $event_id IS NULL
   OR programme IN (SELECT name FROM events WHERE event_id = $event_id AND kind = 'programme')
GROUP BY currency
ORDER BY currency = 'EUR' DESC, total DESC
