-- Purpose: the districts' populations where the export gives one (optional column; the map's "€ per inhabitant")
-- Parameters: none
-- Columns: ags, population
SELECT ags, population
FROM districts
WHERE population IS NOT NULL AND population > 0
ORDER BY ags
