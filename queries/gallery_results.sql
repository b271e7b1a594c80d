-- Purpose: one page of the gallery's cards for a search, in the chosen order; relevance puts title hits above summary, team and tag hits, then votes
-- Parameters: $terms, $events, $fields, $awards, $digital, $maturities, $tags (as in gallery_facets), $sort (relevance, newest, votes, title), $lang, $limit, $offset
-- Columns: solution_id, title, summary, team_name, action_field, action_field_name, challenge_id, challenge_title, event_id, event_name, award, is_digital, maturity, votes, submitted_on, has_video, tags
WITH chosen AS (
    SELECT
        CAST($terms AS VARCHAR[]) AS terms,
        CAST($events AS VARCHAR[]) AS events,
        CAST($fields AS VARCHAR[]) AS fields,
        CAST($awards AS VARCHAR[]) AS awards,
        CAST($digital AS VARCHAR) AS digital,
        CAST($maturities AS VARCHAR[]) AS maturities,
        CAST($tags AS VARCHAR[]) AS tags,
        coalesce(CAST($sort AS VARCHAR), 'relevance') AS sort
),
found AS (
    SELECT
        s.solution_id,
        s.votes,
        s.submitted_on,
        CASE WHEN c.sort = 'title' THEN s.title_norm END AS text_key,
        CASE c.sort
            WHEN 'newest' THEN date_diff('day', DATE '1970-01-01', s.submitted_on)
            WHEN 'votes' THEN s.votes
            -- A term in the title counts twice, one in summary, team or tags once.
            ELSE coalesce(list_sum(list_transform(
                c.terms,
                lambda t: 2 * CAST(contains(s.title_norm, t) AS INTEGER)
                    + CAST(contains(s.body_norm, t) AS INTEGER)
            )), 0)
        END AS number_key
    FROM solution_search AS s, chosen AS c
    WHERE (c.terms IS NULL
            OR list_bool_and(list_transform(
                c.terms, lambda t: contains(s.title_norm, t) OR contains(s.body_norm, t)
            )))
        AND (c.events IS NULL OR list_contains(c.events, s.event_id))
        AND (c.fields IS NULL OR list_contains(c.fields, s.action_field))
        AND (c.awards IS NULL OR list_contains(c.awards, coalesce(s.award, 'none')))
        AND (c.digital IS NULL
            OR c.digital = CASE WHEN s.is_digital THEN 'digital' ELSE 'analog' END)
        AND (c.maturities IS NULL OR list_contains(c.maturities, s.maturity))
        AND (c.tags IS NULL OR list_has_any(s.tags, c.tags))
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
    s.tags
FROM page AS p
JOIN solution_search AS s USING (solution_id)
LEFT JOIN action_fields AS a ON a.code = s.action_field
LEFT JOIN events AS e ON e.event_id = s.event_id
ORDER BY p.text_key, p.number_key DESC, p.votes DESC, p.submitted_on DESC, p.solution_id
