-- Purpose: challenges per district under the filters; every district of the chosen region shown, also with none
-- Parameters: $event_id, $action_field, $regierungsbezirk, $district_ags (each text; NULL: no filter)
-- Columns: ags, name, regierungsbezirk, challenges
WITH filtered AS (
    SELECT c.district_ags
    FROM challenges AS c
    WHERE ($event_id IS NULL OR c.event_id = $event_id)
      AND ($action_field IS NULL OR c.action_field = $action_field)
)
SELECT d.ags, d.name, d.regierungsbezirk, count(f.district_ags) AS challenges
FROM districts AS d
LEFT JOIN filtered AS f ON f.district_ags = d.ags
WHERE ($regierungsbezirk IS NULL OR d.regierungsbezirk = $regierungsbezirk)
  AND ($district_ags IS NULL OR d.ags = $district_ags)
GROUP BY d.ags, d.name, d.regierungsbezirk
ORDER BY challenges DESC, strip_accents(lower(d.name)), d.ags
