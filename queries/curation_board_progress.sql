-- Purpose: a curator's progress on the curation board: of the solutions under the board's filters (the status too, but not the rating filter), how many this curator has rated ("gesichtet")
-- Parameters: the filters of board_found but the rating ones: $terms, $event_id, $action_field, $patron_id, $patronage; $status (text; NULL: all), $username (text; NULL: nobody, so none rated)
-- Columns: solutions, rated
WITH mine AS (
    SELECT DISTINCT solution_id FROM ratings WHERE username = CAST($username AS VARCHAR)
)
SELECT
    count(*) AS solutions,
    count(m.solution_id) AS rated
FROM board_found($terms, $event_id, $action_field, $patron_id, $patronage, NULL, false, NULL) AS f
LEFT JOIN mine AS m ON m.solution_id = f.solution_id
WHERE $status IS NULL OR f.status = $status
