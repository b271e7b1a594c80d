-- Purpose: the curation board's filters but the status, the one place they are written: every solution with its curation state (untouched: new at version 0), its mean curator rating (over every curator and criterion, as CurationStore.mean_ratings) and its patrons (pledged at an event or through curation, or offered)
-- Parameters: p_terms (search terms or NULL), p_event_id, p_action_field, p_patron_id (each text; NULL: all), p_patronage (any or none; NULL: either), p_min_rating (number; NULL: no minimum), p_unrated (boolean; NULL: false), p_not_rated_by (a username; NULL: no such filter)
-- Columns: solution_id, title, title_norm, event_id, action_field, submitted_on, status, notes, version, updated_by, updated_at, mean_rating, raters, patrons
CREATE OR REPLACE MACRO board_found(
    p_terms, p_event_id, p_action_field, p_patron_id, p_patronage, p_min_rating, p_unrated,
    p_not_rated_by
) AS TABLE
WITH chosen AS (
    SELECT
        fold_terms(p_terms) AS terms,
        CAST(p_event_id AS VARCHAR) AS event_id,
        CAST(p_action_field AS VARCHAR) AS action_field,
        CAST(p_min_rating AS DOUBLE) AS min_rating,
        coalesce(CAST(p_unrated AS BOOLEAN), false) AS unrated,
        CAST(p_not_rated_by AS VARCHAR) AS not_rated_by,
        CAST(p_patron_id AS VARCHAR) AS patron_id,
        CAST(p_patronage AS VARCHAR) AS patronage
),
rated AS (
    SELECT
        r.solution_id,
        avg(r.score) AS mean_rating,
        count(DISTINCT r.username) AS raters,
        coalesce(bool_or(r.username = c.not_rated_by), false) AS rated_by_user
    FROM ratings AS r, chosen AS c
    GROUP BY r.solution_id
),
patroned AS (
    SELECT solution_id, list(DISTINCT patron_id) AS patron_ids
    FROM (
        SELECT solution_id, patron_id FROM pledges
        UNION
        SELECT solution_id, patron_id FROM curation_patronships
    )
    GROUP BY solution_id
)
SELECT
    s.solution_id,
    s.title,
    s.title_norm,
    s.event_id,
    s.action_field,
    s.submitted_on,
    coalesce(e.status, 'new') AS status,
    coalesce(e.notes, '') AS notes,
    coalesce(e.version, 0) AS version,
    e.updated_by,
    e.updated_at,
    r.mean_rating,
    coalesce(r.raters, 0) AS raters,
    len(coalesce(p.patron_ids, []::VARCHAR[])) AS patrons
FROM solution_search AS s
CROSS JOIN chosen AS c
LEFT JOIN curation_entries AS e ON e.solution_id = s.solution_id
LEFT JOIN rated AS r ON r.solution_id = s.solution_id
LEFT JOIN patroned AS p ON p.solution_id = s.solution_id
WHERE (c.event_id IS NULL OR s.event_id = c.event_id)
    AND (c.action_field IS NULL OR s.action_field = c.action_field)
    AND (c.min_rating IS NULL OR r.mean_rating >= c.min_rating)
    AND (NOT c.unrated OR r.solution_id IS NULL)
    AND (c.not_rated_by IS NULL OR NOT coalesce(r.rated_by_user, false))
    AND (c.patron_id IS NULL OR list_contains(p.patron_ids, c.patron_id))
    AND (c.patronage IS NULL
        OR (c.patronage = 'any' AND p.solution_id IS NOT NULL)
        OR (c.patronage = 'none' AND p.solution_id IS NULL))
    AND (c.terms IS NULL OR list_bool_and(list_transform(
        c.terms,
        lambda t: contains(s.title_norm, t)
            OR contains(s.body_norm, t)
            OR contains(lower(s.solution_id), t)
            -- Notes are few and change often: folded here, not in solution_search.
            OR contains(fold_de(coalesce(e.notes, '')), t)
    )))
