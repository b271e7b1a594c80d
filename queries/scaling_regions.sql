-- Purpose: the Regierungsbezirke, for the transfer matrix's choice of columns on /skalierung
-- Parameters: none
-- Columns: regierungsbezirk
SELECT DISTINCT regierungsbezirk
FROM districts
WHERE regierungsbezirk IS NOT NULL
ORDER BY regierungsbezirk
