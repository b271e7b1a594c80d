-- Purpose: every pledge shown anywhere (overview, solution pages, patron budgets): the patronships pledged at the events; curation pledges join here later
-- Parameters: none
-- Columns: solution_id, patron_id, amount_eur, pledged_on, source
SELECT solution_id, patron_id, amount_eur, pledged_on, 'event' AS source
FROM patronships
