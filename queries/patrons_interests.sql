-- Purpose: every patron's kind and interests (action field codes, district AGS), for matching and /admin/paten
-- Parameters: none
-- Columns: patron_id, name, kind, action_fields, districts
SELECT
    patron_id,
    name,
    kind,
    coalesce(action_fields, []::VARCHAR[]) AS action_fields,
    coalesce(districts, []::VARCHAR[]) AS districts
FROM patrons
ORDER BY name, patron_id
