-- Purpose: one page of the gallery's cards for a search, in the chosen order; relevance puts title hits above summary, team and tag hits, then votes
-- Parameters: the choices of solutions_found: $terms, $events, $fields, $awards, $digital, $maturities, $tags (as in gallery_facets); $sort (relevance, newest, votes, title), $lang, $limit, $offset
-- Columns: solution_id, title, summary, team_name, action_field, action_field_name, challenge_id, challenge_title, event_id, event_name, award, is_digital, maturity, votes, submitted_on, has_video, tags, district_name (the team's district, NULL without one)
WITH found AS (
    SELECT
        solution_id,
        votes,
        submitted_on,
        CASE WHEN $sort = 'title' THEN title_norm END AS text_key,
        CASE coalesce($sort, 'relevance')
            WHEN 'newest' THEN date_diff('day', DATE '1970-01-01', submitted_on)
            WHEN 'votes' THEN votes
            ELSE hits
        END AS number_key
    FROM solutions_found($terms, $events, $fields, $awards, $digital, $maturities, $tags)
    WHERE by_event AND by_field AND by_award AND by_digital AND by_maturity AND by_tag
),
page AS (
    -- Only the sort keys go through the sort; the cards' text joins the 24 rows after it.
    SELECT *
    FROM found
    ORDER BY text_key, number_key DESC, votes DESC, submitted_on DESC, solution_id
    LIMIT $limit OFFSET coalesce($offset, 0)
)
SELECT
    s.solution_id,
    s.title,
    s.summary,
    s.team_name,
    s.action_field,
    CASE WHEN $lang = 'en' THEN a.name_en ELSE a.name_de END AS action_field_name,
    s.challenge_id,
    s.challenge_title,
    s.event_id,
    e.name AS event_name,
    s.award,
    s.is_digital,
    s.maturity,
    s.votes,
    s.submitted_on,
    s.has_video,
    s.tags,
    d.name AS district_name
FROM page AS p
JOIN solution_search AS s USING (solution_id)
LEFT JOIN action_fields AS a ON a.code = s.action_field
LEFT JOIN events AS e ON e.event_id = s.event_id
LEFT JOIN solutions AS so ON so.solution_id = p.solution_id
LEFT JOIN districts AS d ON d.ags = so.district_ags
ORDER BY p.text_key, p.number_key DESC, p.votes DESC, p.submitted_on DESC, p.solution_id
