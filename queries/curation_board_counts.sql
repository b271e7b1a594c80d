-- Purpose: the curation board's counts per status under every filter but the status itself (the status buttons show them); untouched solutions count as new
-- Parameters: $event_id, $action_field, $patron_id, $patronage, $min_rating, $unrated, $not_rated_by, $terms (each as in curation_board)
-- Columns: status, solutions
WITH chosen AS (
    SELECT
        CAST($terms AS VARCHAR[]) AS terms,
        CAST($min_rating AS DOUBLE) AS min_rating,
        coalesce(CAST($unrated AS BOOLEAN), false) AS unrated,
        CAST($not_rated_by AS VARCHAR) AS not_rated_by,
        CAST($patron_id AS VARCHAR) AS patron_id,
        CAST($patronage AS VARCHAR) AS patronage
),
rated AS (
    SELECT
        r.solution_id,
        avg(r.score) AS mean_rating,
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
SELECT coalesce(e.status, 'new') AS status, count(*) AS solutions
FROM solution_search AS s
CROSS JOIN chosen AS c
LEFT JOIN curation_entries AS e ON e.solution_id = s.solution_id
LEFT JOIN rated AS r ON r.solution_id = s.solution_id
LEFT JOIN patroned AS p ON p.solution_id = s.solution_id
WHERE ($event_id IS NULL OR s.event_id = $event_id)
    AND ($action_field IS NULL OR s.action_field = $action_field)
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
            OR contains(replace(replace(replace(strip_accents(
                replace(replace(replace(replace(lower(coalesce(e.notes, '')),
                'ß', 'ss'), 'ä', 'a'), 'ö', 'o'), 'ü', 'u')),
                'ae', 'a'), 'oe', 'o'), 'ue', 'u'), t)
    )))
GROUP BY coalesce(e.status, 'new')
ORDER BY status
