-- Purpose: key figures of /herausforderungen: challenges, with at least one solution, without any
-- Parameters: the filters of challenges_filtered: $event_id, $action_field, $regierungsbezirk, $district_ags (each text; NULL: no filter)
-- Columns: challenges, with_solution, without_solution
WITH solved AS (
    SELECT DISTINCT challenge_id FROM solutions WHERE challenge_id IS NOT NULL
)
SELECT
    count(*) AS challenges,
    count(s.challenge_id) AS with_solution,
    count(*) - count(s.challenge_id) AS without_solution
FROM challenges_filtered($event_id, $action_field, $regierungsbezirk, $district_ags) AS f
LEFT JOIN solved AS s ON s.challenge_id = f.challenge_id
