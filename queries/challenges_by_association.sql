-- Purpose: challenges per umbrella association of the posting organisation; code NULL: none given
-- Parameters: the filters of challenges_filtered: $event_id, $action_field, $regierungsbezirk, $district_ags (each text; NULL: no filter), $lang (de or en; NULL: de)
-- Columns: code, name, challenges
WITH filtered AS (
    SELECT o.association
    FROM challenges_filtered($event_id, $action_field, $regierungsbezirk, $district_ags) AS c
    LEFT JOIN organisations AS o ON o.org_id = c.org_id
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
