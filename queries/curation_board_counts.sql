-- Purpose: the curation board's counts per status under every filter but the status itself (the status buttons show them); untouched solutions count as new
-- Parameters: the filters of board_found: $terms, $event_id, $action_field, $patron_id, $patronage, $min_rating, $unrated, $not_rated_by
-- Columns: status, solutions
SELECT status, count(*) AS solutions
FROM board_found($terms, $event_id, $action_field, $patron_id, $patronage, $min_rating, $unrated, $not_rated_by)
GROUP BY status
ORDER BY status
