-- Purpose: action fields, for the action-field filter of /herausforderungen
-- Parameters: $lang (de or en; NULL: de)
-- Columns: code, name
SELECT code, CASE WHEN $lang = 'en' THEN name_en ELSE name_de END AS name
FROM action_fields
ORDER BY name
