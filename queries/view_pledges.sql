-- Purpose: every pledge shown anywhere (overview, solution pages, patron budgets): pledged at the events (export) or later through curation
-- Parameters: none
-- Columns: solution_id, patron_id, amount_eur, pledged_on, source
SELECT solution_id, patron_id, amount_eur, pledged_on, 'event' AS source
FROM patronships
UNION ALL
SELECT solution_id, patron_id, amount_eur, pledged_on, 'curation' AS source
FROM curation_patronships
WHERE status = 'pledged'
