-- Purpose: one solution as matching needs it: action field and district (its own, else its challenge's), curation status
-- Parameters: $solution_id
-- Columns: solution_id, title, status, action_field, district_ags
SELECT
    s.solution_id,
    s.title,
    coalesce(ce.status, 'new') AS status,
    s.action_field,
    coalesce(s.district_ags, c.district_ags) AS district_ags
FROM solutions s
LEFT JOIN challenges c ON c.challenge_id = s.challenge_id
LEFT JOIN curation_entries ce ON ce.solution_id = s.solution_id
WHERE s.solution_id = $solution_id
