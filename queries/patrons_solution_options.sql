-- Purpose: the solutions a patron can be found for: on the shortlist, or matched already (a second patron)
-- Parameters: none
-- Columns: solution_id, title, status
SELECT s.solution_id, s.title, c.status
FROM solutions s
JOIN curation_entries c ON c.solution_id = s.solution_id
WHERE c.status IN ('shortlisted', 'matched')
ORDER BY c.status DESC, s.title, s.solution_id
