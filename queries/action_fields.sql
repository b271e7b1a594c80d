-- Purpose: every action field with its German and English name, in one order for every page (their colours follow it)
-- Parameters: none
-- Columns: code, name_de, name_en
SELECT code, name_de, name_en
FROM action_fields
ORDER BY code
