-- Purpose: solutions related to one: those answering the same challenge first, then those of the same action field; awarded and popular ones first
-- Parameters: $solution_id, $limit
-- Columns: solution_id, title, award, same_challenge
WITH this AS (
    SELECT solution_id, challenge_id, action_field FROM solutions WHERE solution_id = $solution_id
)
SELECT
    s.solution_id,
    s.title,
    s.award,
    coalesce(s.challenge_id = this.challenge_id, false) AS same_challenge
FROM solutions s, this
WHERE s.solution_id <> this.solution_id
    AND (s.challenge_id = this.challenge_id OR s.action_field = this.action_field)
ORDER BY
    same_challenge DESC,
    CASE s.award WHEN 'winner' THEN 0 WHEN 'finalist' THEN 1 ELSE 2 END,
    s.votes DESC,
    s.solution_id
LIMIT $limit
