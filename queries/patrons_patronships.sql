-- Purpose: one patron's patronships: pledges (events and curation, from the one pledges view) and open offers
-- Parameters: $patron_id
-- Columns: solution_id, title, solution_status, status, amount_eur, pledged_on, source
SELECT
    pl.solution_id,
    s.title,
    coalesce(ce.status, 'new') AS solution_status,
    'pledged' AS status,
    pl.amount_eur,
    pl.pledged_on,
    pl.source
FROM pledges pl
LEFT JOIN solutions s ON s.solution_id = pl.solution_id
LEFT JOIN curation_entries ce ON ce.solution_id = pl.solution_id
WHERE pl.patron_id = $patron_id
UNION ALL
SELECT
    cp.solution_id,
    s.title,
    coalesce(ce.status, 'new') AS solution_status,
    'offered' AS status,
    NULL::DECIMAL(14, 2) AS amount_eur,
    NULL::DATE AS pledged_on,
    'curation' AS source
FROM curation_patronships cp
LEFT JOIN solutions s ON s.solution_id = cp.solution_id
LEFT JOIN curation_entries ce ON ce.solution_id = cp.solution_id
WHERE cp.patron_id = $patron_id AND cp.status = 'offered'
ORDER BY status DESC, pledged_on DESC NULLS LAST, title, solution_id
