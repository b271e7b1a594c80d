-- Purpose: the gallery's search and facets, the one place they are written: the solutions (from solution_search) in which every search term occurs, each with what it matches of the facets' choices and its relevance (a term in the title counts twice, in summary, team or tags once); the result is the rows matching every choice, a facet counts the rows matching all choices but its own
-- Parameters: p_terms (search terms or NULL), p_events, p_fields, p_awards, p_maturities, p_tags (lists of codes or NULL: no choice), p_digital (digital, analog or NULL)
-- Columns: solution_id, event_id, action_field, award, digital, maturity, tags, title_norm, votes, submitted_on, hits, by_event, by_field, by_award, by_digital, by_maturity, by_tag
CREATE OR REPLACE MACRO solutions_found(
    p_terms, p_events, p_fields, p_awards, p_digital, p_maturities, p_tags
) AS TABLE
WITH chosen AS (
    SELECT
        fold_terms(p_terms) AS terms,
        CAST(p_events AS VARCHAR[]) AS events,
        CAST(p_fields AS VARCHAR[]) AS fields,
        CAST(p_awards AS VARCHAR[]) AS awards,
        CAST(p_digital AS VARCHAR) AS digital,
        CAST(p_maturities AS VARCHAR[]) AS maturities,
        CAST(p_tags AS VARCHAR[]) AS tags
)
SELECT
    s.solution_id,
    s.event_id,
    s.action_field,
    coalesce(s.award, 'none') AS award,
    CASE WHEN s.is_digital THEN 'digital' ELSE 'analog' END AS digital,
    s.maturity,
    s.tags,
    s.title_norm,
    s.votes,
    s.submitted_on,
    coalesce(list_sum(list_transform(
        c.terms,
        lambda t: 2 * CAST(contains(s.title_norm, t) AS INTEGER)
            + CAST(contains(s.body_norm, t) AS INTEGER)
    )), 0) AS hits,
    c.events IS NULL OR list_contains(c.events, s.event_id) AS by_event,
    c.fields IS NULL OR list_contains(c.fields, s.action_field) AS by_field,
    c.awards IS NULL OR list_contains(c.awards, coalesce(s.award, 'none')) AS by_award,
    c.digital IS NULL OR c.digital = CASE WHEN s.is_digital THEN 'digital' ELSE 'analog' END
        AS by_digital,
    c.maturities IS NULL OR list_contains(c.maturities, s.maturity) AS by_maturity,
    c.tags IS NULL OR list_has_any(s.tags, c.tags) AS by_tag
FROM solution_search AS s, chosen AS c
WHERE c.terms IS NULL
    OR list_bool_and(list_transform(
        c.terms, lambda t: contains(s.title_norm, t) OR contains(s.body_norm, t)
    ))
