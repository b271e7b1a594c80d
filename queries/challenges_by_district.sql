-- Purpose: challenges per district under the filters; every district of the chosen region shown, also with none
-- Parameters: the filters of challenges_filtered: $event_id, $action_field, $regierungsbezirk, $district_ags (each text; NULL: no filter)
-- Columns: ags, name, regierungsbezirk, challenges
SELECT d.ags, d.name, d.regierungsbezirk, count(f.district_ags) AS challenges
FROM districts AS d
-- the region chooses the districts shown; the challenges count under the other filters
LEFT JOIN challenges_filtered($event_id, $action_field, NULL, NULL) AS f ON f.district_ags = d.ags
WHERE ($regierungsbezirk IS NULL OR d.regierungsbezirk = $regierungsbezirk)
  AND ($district_ags IS NULL OR d.ags = $district_ags)
GROUP BY d.ags, d.name, d.regierungsbezirk
ORDER BY challenges DESC, sort_de(d.name), d.ags
