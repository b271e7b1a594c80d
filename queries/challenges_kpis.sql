-- Purpose: key figures of /herausforderungen: challenges, with at least one solution, without any
-- Parameters: $event_id, $action_field, $regierungsbezirk, $district_ags (each text; NULL: no filter)
-- Columns: challenges, with_solution, without_solution
WITH filtered AS (
    SELECT c.challenge_id
    FROM challenges AS c
    LEFT JOIN districts AS d ON d.ags = c.district_ags
    WHERE ($event_id IS NULL OR c.event_id = $event_id)
      AND ($action_field IS NULL OR c.action_field = $action_field)
      AND ($regierungsbezirk IS NULL OR d.regierungsbezirk = $regierungsbezirk)
      AND ($district_ags IS NULL OR c.district_ags = $district_ags)
),
solved AS (
    SELECT DISTINCT challenge_id FROM solutions WHERE challenge_id IS NOT NULL
)
SELECT
    count(*) AS challenges,
    count(s.challenge_id) AS with_solution,
    count(*) - count(s.challenge_id) AS without_solution
FROM filtered AS f
LEFT JOIN solved AS s ON s.challenge_id = f.challenge_id
