-- Purpose: which patrons a solution was offered to or pledged by (pledges from the one pledges view, events included)
-- Parameters: $solution_id
-- Columns: patron_id, status, amount_eur
SELECT patron_id, 'pledged' AS status, sum(amount_eur)::DECIMAL(14, 2) AS amount_eur
FROM pledges
WHERE solution_id = $solution_id
GROUP BY patron_id
UNION ALL
SELECT patron_id, 'offered' AS status, NULL::DECIMAL(14, 2) AS amount_eur
FROM curation_patronships
WHERE solution_id = $solution_id AND status = 'offered'
ORDER BY patron_id, status DESC
