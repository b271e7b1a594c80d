-- Purpose: one solution for its page, with its challenge (and the posting organisation), action field, district and event
-- Parameters: $solution_id
-- Columns: solution_id, title, summary, team_name, team_size, video_url, tags, maturity, award, votes, submitted_on, action_field, action_field_de, action_field_en, district_name, event_id, event_name, event_starts_on, event_ends_on, challenge_id, challenge_title, challenge_org
SELECT
    s.solution_id,
    s.title,
    s.summary,
    s.team_name,
    s.team_size,
    s.video_url,
    coalesce(s.tags, []::VARCHAR[]) AS tags,
    s.maturity,
    s.award,
    s.votes,
    s.submitted_on,
    s.action_field,
    af.name_de AS action_field_de,
    af.name_en AS action_field_en,
    d.name AS district_name,
    s.event_id,
    e.name AS event_name,
    e.starts_on AS event_starts_on,
    e.ends_on AS event_ends_on,
    s.challenge_id,
    c.title AS challenge_title,
    o.name AS challenge_org
FROM solutions s
LEFT JOIN action_fields af ON af.code = s.action_field
LEFT JOIN districts d ON d.ags = s.district_ags
LEFT JOIN events e ON e.event_id = s.event_id
LEFT JOIN challenges c ON c.challenge_id = s.challenge_id
LEFT JOIN organisations o ON o.org_id = c.org_id
WHERE s.solution_id = $solution_id
