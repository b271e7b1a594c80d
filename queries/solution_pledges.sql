-- Purpose: the patrons who pledged to one solution, largest pledge first (from the one pledges table, so curation pledges appear here too)
-- Parameters: $solution_id
-- Columns: patron_id, patron_name, patron_kind, amount_eur, pledged_on
SELECT
    p.patron_id,
    pa.name AS patron_name,
    pa.kind AS patron_kind,
    p.amount_eur,
    p.pledged_on
FROM pledges p
JOIN patrons pa ON pa.patron_id = p.patron_id
WHERE p.solution_id = $solution_id
ORDER BY p.amount_eur DESC, pa.name, p.patron_id
