-- Purpose: the gallery's working table, built once per data version: every solution with what its card shows, and its title and body (summary, team, tags) normalised exactly like dashboard.search.normalise
-- Parameters: none
-- Columns: solution_id, event_id, challenge_id, challenge_title, title, summary, team_name, action_field, award, is_digital, maturity, tags, votes, submitted_on, has_video, title_norm, body_norm
WITH lowered AS (
    SELECT
        *,
        -- ß and the umlauts by hand, so that strip_accents (slow) runs only where accents remain.
        replace(replace(replace(replace(
            lower(title), 'ß', 'ss'), 'ä', 'a'), 'ö', 'o'), 'ü', 'u') AS title_lowered,
        replace(replace(replace(replace(
            lower(concat_ws(' ', summary, team_name, array_to_string(tags, ' '))),
            'ß', 'ss'), 'ä', 'a'), 'ö', 'o'), 'ü', 'u') AS body_lowered
    FROM solutions
),
stripped AS (
    SELECT
        *,
        CASE WHEN regexp_matches(title_lowered, '[\x{00c0}-\x{024f}\x{0300}-\x{036f}]')
            THEN strip_accents(title_lowered) ELSE title_lowered END AS title_stripped,
        CASE WHEN regexp_matches(body_lowered, '[\x{00c0}-\x{024f}\x{0300}-\x{036f}]')
            THEN strip_accents(body_lowered) ELSE body_lowered END AS body_stripped
    FROM lowered
)
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
    -- Spelled-out umlauts last: `mueller` and `müller` both end as `muller`.
    replace(replace(replace(s.title_stripped, 'ae', 'a'), 'oe', 'o'), 'ue', 'u') AS title_norm,
    replace(replace(replace(s.body_stripped, 'ae', 'a'), 'oe', 'o'), 'ue', 'u') AS body_norm
FROM stripped AS s
LEFT JOIN challenges AS c ON c.challenge_id = s.challenge_id
