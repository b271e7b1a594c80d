-- Purpose: which of the given ids are solutions of the current dataset (a curation write names only those)
-- Parameters: $ids (list of text)
-- Columns: solution_id
SELECT solution_id
FROM solutions
WHERE list_contains(CAST($ids AS VARCHAR[]), solution_id)
ORDER BY solution_id
