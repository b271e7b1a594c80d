-- Purpose: the titles of the given solutions (the audit log names them beside their ids)
-- Parameters: $ids (list of text)
-- Columns: solution_id, title
SELECT solution_id, title
FROM solutions
WHERE list_contains(CAST($ids AS VARCHAR[]), solution_id)
ORDER BY solution_id
