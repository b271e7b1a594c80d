-- Purpose: ideas on the shortlist per action field (status shortlisted)
-- Parameters: none
-- Columns: action_field, name_de, name_en, shortlisted
SELECT a.code AS action_field, a.name_de, a.name_en, count(c.solution_id) AS shortlisted
FROM action_fields a
LEFT JOIN solutions s ON s.action_field = a.code
LEFT JOIN curation_entries c ON c.solution_id = s.solution_id AND c.status = 'shortlisted'
GROUP BY ALL
ORDER BY shortlisted DESC, a.code
