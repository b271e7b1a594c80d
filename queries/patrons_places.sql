-- Purpose: every district with its kind and Regierungsbezirk, to name patrons' regions and match them
-- Parameters: none
-- Columns: ags, name, kind, regierungsbezirk
SELECT ags, name, kind, regierungsbezirk
FROM districts
ORDER BY ags
