-- Purpose: the gallery's and the curation board's working table, built once per data version: every solution with what its card shows, and its title and body (summary, team, tags) folded for search (fold_de)
-- Parameters: none
-- Columns: solution_id, event_id, challenge_id, challenge_title, title, summary, team_name, action_field, award, is_digital, maturity, tags, votes, submitted_on, has_video, title_norm, body_norm
SELECT
    s.solution_id,
    s.event_id,
    s.challenge_id,
    c.title AS challenge_title,
    s.title,
    s.summary,
    s.team_name,
    s.action_field,
    s.award,
    s.is_digital,
    s.maturity,
    coalesce(s.tags, []::VARCHAR[]) AS tags,
    s.votes,
    s.submitted_on,
    coalesce(s.video_url, '') <> '' AS has_video,
    fold_de(s.title) AS title_norm,
    fold_de(concat_ws(' ', s.summary, s.team_name, array_to_string(s.tags, ' '))) AS body_norm
FROM solutions AS s
LEFT JOIN challenges AS c ON c.challenge_id = s.challenge_id
