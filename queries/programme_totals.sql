-- Purpose: key figures of each funding programme (events of kind `programme`): its grants are those whose `programme` equals the event's name; money counts EUR grants only
-- Parameters: none
-- Columns: event_id, name, starts_on, ends_on, grants, recipients, eur_grants, eur_total
SELECT
    e.event_id,
    e.name,
    e.starts_on,
    e.ends_on,
    count(g.grant_id) AS grants,
    count(DISTINCT g.recipient_org_id) AS recipients,
    count(g.grant_id) FILTER (WHERE g.currency = 'EUR') AS eur_grants,
    coalesce(sum(g.amount) FILTER (WHERE g.currency = 'EUR'), 0)::DECIMAL(18, 2) AS eur_total
FROM events e
LEFT JOIN grants g ON g.programme = e.name
WHERE e.kind = 'programme'
GROUP BY e.event_id, e.name, e.starts_on, e.ends_on
ORDER BY e.starts_on DESC, e.event_id
