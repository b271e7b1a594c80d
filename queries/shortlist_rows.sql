-- Purpose: the shortlist for a patron meeting: solutions in one curation status with challenge, organisation, team, video, curator ratings and notes
-- Parameters: $status, $event_id (NULL: all), $action_field (NULL: all), $lang (de or en)
-- Columns: solution_id, title, challenge_title, organisation, team_name, video_url, action_field, action_field_name, district_ags, event_name, status, notes, rating_mean, raters, impact, transferability, readiness, cost_effectiveness
WITH rated AS (
    SELECT
        solution_id,
        round(avg(score), 2) AS rating_mean,
        count(DISTINCT username) AS raters,
        round(avg(score) FILTER (WHERE criterion = 'impact'), 2) AS impact,
        round(avg(score) FILTER (WHERE criterion = 'transferability'), 2) AS transferability,
        round(avg(score) FILTER (WHERE criterion = 'readiness'), 2) AS readiness,
        round(avg(score) FILTER (WHERE criterion = 'cost_effectiveness'), 2) AS cost_effectiveness
    FROM ratings
    GROUP BY solution_id
)
SELECT
    s.solution_id,
    s.title,
    c.title AS challenge_title,
    o.name AS organisation,
    s.team_name,
    s.video_url,
    s.action_field,
    CASE WHEN $lang = 'en' THEN af.name_en ELSE af.name_de END AS action_field_name,
    coalesce(s.district_ags, c.district_ags) AS district_ags,
    e.name AS event_name,
    coalesce(ce.status, 'new') AS status,
    coalesce(ce.notes, '') AS notes,
    r.rating_mean,
    coalesce(r.raters, 0) AS raters,
    r.impact,
    r.transferability,
    r.readiness,
    r.cost_effectiveness
FROM solutions s
LEFT JOIN curation_entries ce ON ce.solution_id = s.solution_id
LEFT JOIN challenges c ON c.challenge_id = s.challenge_id
LEFT JOIN organisations o ON o.org_id = c.org_id
LEFT JOIN action_fields af ON af.code = s.action_field
LEFT JOIN events e ON e.event_id = s.event_id
LEFT JOIN rated r ON r.solution_id = s.solution_id
WHERE coalesce(ce.status, 'new') = $status
    AND ($event_id IS NULL OR s.event_id = $event_id)
    AND ($action_field IS NULL OR s.action_field = $action_field)
ORDER BY r.rating_mean DESC NULLS LAST, s.title, s.solution_id
