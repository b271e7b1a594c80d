-- Purpose: challenges per umbrella association of the posting organisation; code NULL: none given
-- Parameters: $event_id, $action_field, $regierungsbezirk, $district_ags (each text; NULL: no filter), $lang (de or en; NULL: de)
-- Columns: code, name, challenges
WITH filtered AS (
    SELECT o.association
    FROM challenges AS c
    LEFT JOIN districts AS d ON d.ags = c.district_ags
    LEFT JOIN organisations AS o ON o.org_id = c.org_id
    WHERE ($event_id IS NULL OR c.event_id = $event_id)
      AND ($action_field IS NULL OR c.action_field = $action_field)
      AND ($regierungsbezirk IS NULL OR d.regierungsbezirk = $regierungsbezirk)
      AND ($district_ags IS NULL OR c.district_ags = $district_ags)
),
counted AS (
    SELECT
        a.code,
        CASE WHEN $lang = 'en' THEN a.name_en ELSE a.name_de END AS name,
        count(f.association) AS challenges
    FROM associations AS a
    LEFT JOIN filtered AS f ON f.association = a.code
    GROUP BY a.code, a.name_de, a.name_en
    UNION ALL
    SELECT NULL, NULL, count(*) FROM filtered WHERE association IS NULL HAVING count(*) > 0
)
SELECT code, name, challenges
FROM counted
ORDER BY challenges DESC, code IS NULL, name
