-- Purpose: districts with their Regierungsbezirk, for the region filter of /herausforderungen
-- Parameters: none
-- Columns: ags, name, regierungsbezirk
SELECT ags, name, regierungsbezirk
FROM districts
ORDER BY regierungsbezirk, sort_de(name), ags
