-- Purpose: challenges per action field under the filters; every field shown, also with none
-- Parameters: the filters of challenges_filtered: $event_id, $action_field, $regierungsbezirk, $district_ags (each text; NULL: no filter), $lang (de or en; NULL: de)
-- Columns: code, name, challenges
SELECT
    a.code,
    CASE WHEN $lang = 'en' THEN a.name_en ELSE a.name_de END AS name,
    count(f.action_field) AS challenges
FROM action_fields AS a
LEFT JOIN challenges_filtered($event_id, $action_field, $regierungsbezirk, $district_ags) AS f ON f.action_field = a.code
WHERE $action_field IS NULL OR a.code = $action_field
GROUP BY a.code, a.name_de, a.name_en
ORDER BY challenges DESC, name
