-- Purpose: challenges per action field under the filters; every field shown, also with none
-- Parameters: $event_id, $action_field, $regierungsbezirk, $district_ags (each text; NULL: no filter), $lang (de or en; NULL: de)
-- Columns: code, name, challenges
WITH filtered AS (
    SELECT c.action_field
    FROM challenges AS c
    LEFT JOIN districts AS d ON d.ags = c.district_ags
    WHERE ($event_id IS NULL OR c.event_id = $event_id)
      AND ($action_field IS NULL OR c.action_field = $action_field)
      AND ($regierungsbezirk IS NULL OR d.regierungsbezirk = $regierungsbezirk)
      AND ($district_ags IS NULL OR c.district_ags = $district_ags)
)
SELECT
    a.code,
    CASE WHEN $lang = 'en' THEN a.name_en ELSE a.name_de END AS name,
    count(f.action_field) AS challenges
FROM action_fields AS a
LEFT JOIN filtered AS f ON f.action_field = a.code
WHERE $action_field IS NULL OR a.code = $action_field
GROUP BY a.code, a.name_de, a.name_en
ORDER BY challenges DESC, name
