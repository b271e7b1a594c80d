-- Purpose: per action field, how many challenges got no solution, exactly one, two or more
-- Parameters: the filters of challenges_filtered: $event_id, $action_field, $regierungsbezirk, $district_ags (each text; NULL: no filter), $lang (de or en; NULL: de)
-- Columns: code, name, none, one, two_plus
WITH solutions_per_challenge AS (
    SELECT challenge_id, count(*) AS solutions
    FROM solutions
    WHERE challenge_id IS NOT NULL
    GROUP BY challenge_id
),
filtered AS (
    SELECT c.action_field, coalesce(s.solutions, 0) AS solutions
    FROM challenges_filtered($event_id, $action_field, $regierungsbezirk, $district_ags) AS c
    LEFT JOIN solutions_per_challenge AS s ON s.challenge_id = c.challenge_id
)
SELECT
    a.code,
    CASE WHEN $lang = 'en' THEN a.name_en ELSE a.name_de END AS name,
    count(*) FILTER (WHERE f.solutions = 0) AS none,
    count(*) FILTER (WHERE f.solutions = 1) AS one,
    count(*) FILTER (WHERE f.solutions >= 2) AS two_plus
FROM action_fields AS a
LEFT JOIN filtered AS f ON f.action_field = a.code
WHERE $action_field IS NULL OR a.code = $action_field
GROUP BY a.code, a.name_de, a.name_en
ORDER BY count(f.action_field) DESC, name
