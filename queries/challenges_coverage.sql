-- Purpose: per action field, how many challenges got no solution, exactly one, two or more
-- Parameters: $event_id, $action_field, $regierungsbezirk, $district_ags (each text; NULL: no filter), $lang (de or en; NULL: de)
-- Columns: code, name, none, one, two_plus
WITH solutions_per_challenge AS (
    SELECT challenge_id, count(*) AS solutions
    FROM solutions
    WHERE challenge_id IS NOT NULL
    GROUP BY challenge_id
),
filtered AS (
    SELECT c.action_field, coalesce(s.solutions, 0) AS solutions
    FROM challenges AS c
    LEFT JOIN districts AS d ON d.ags = c.district_ags
    LEFT JOIN solutions_per_challenge AS s ON s.challenge_id = c.challenge_id
    WHERE ($event_id IS NULL OR c.event_id = $event_id)
      AND ($action_field IS NULL OR c.action_field = $action_field)
      AND ($regierungsbezirk IS NULL OR d.regierungsbezirk = $regierungsbezirk)
      AND ($district_ags IS NULL OR c.district_ags = $district_ags)
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
