-- Purpose: the curation board: solutions with their curation state, mean curator rating and patrons under the curators' filters, sorted and paged on the server (untouched solutions are new at version 0)
-- Parameters: $event_id, $action_field, $status, $patron_id (each text; NULL: all), $patronage (any or none; NULL: either), $min_rating (number; NULL: no minimum), $unrated (boolean; NULL: false), $not_rated_by (a username; NULL: no such filter), $terms (list of search terms normalised as dashboard.search does; NULL: no search), $lang (de or en; NULL: de), $sort_key (title, event, field, status, rating or updated; NULL: title), $descending (boolean; NULL: false), $limit (integer; NULL: all), $offset (integer; NULL: 0)
-- Columns: solution_id, title, event_id, event_name, action_field, action_field_name, status, notes, version, updated_by, updated_at, mean_rating, raters, patrons
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
    -- A solution's rating: the mean over every curator and criterion (as CurationStore.mean_ratings).
    SELECT
        r.solution_id,
        avg(r.score) AS mean_rating,
        count(DISTINCT r.username) AS raters,
        coalesce(bool_or(r.username = c.not_rated_by), false) AS rated_by_user
    FROM ratings AS r, chosen AS c
    GROUP BY r.solution_id
),
patroned AS (
    -- Patrons who pledged (at an event or through curation) or were offered the solution.
    SELECT solution_id, list(DISTINCT patron_id) AS patron_ids
    FROM (
        SELECT solution_id, patron_id FROM pledges
        UNION
        SELECT solution_id, patron_id FROM curation_patronships
    )
    GROUP BY solution_id
),
found AS (
    SELECT
        s.solution_id,
        s.title,
        s.title_norm,
        s.event_id,
        s.action_field,
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
    WHERE ($event_id IS NULL OR s.event_id = $event_id)
        AND ($action_field IS NULL OR s.action_field = $action_field)
        AND ($status IS NULL OR coalesce(e.status, 'new') = $status)
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
                -- Notes are few and change often: folded here, the same steps as search.normalise.
                OR contains(replace(replace(replace(strip_accents(
                    replace(replace(replace(replace(lower(coalesce(e.notes, '')),
                    'ß', 'ss'), 'ä', 'a'), 'ö', 'o'), 'ü', 'u')),
                    'ae', 'a'), 'oe', 'o'), 'ue', 'u'), t)
        )))
),
keyed AS (
    SELECT
        f.*,
        ev.name AS event_name,
        CASE WHEN $lang = 'en' THEN a.name_en ELSE a.name_de END AS action_field_name,
        CASE coalesce($sort_key, 'title')
            WHEN 'title' THEN f.title_norm
            WHEN 'field' THEN strip_accents(lower(
                CASE WHEN $lang = 'en' THEN a.name_en ELSE a.name_de END))
            WHEN 'updated' THEN f.updated_at
        END AS text_key,
        CASE coalesce($sort_key, 'title')
            WHEN 'event' THEN date_diff('day', DATE '1970-01-01', ev.starts_on)
            WHEN 'status' THEN list_position(
                ['new', 'reviewing', 'shortlisted', 'matched', 'funded', 'scaling', 'declined'],
                f.status)
            WHEN 'rating' THEN f.mean_rating
        END AS number_key,
        coalesce(CAST($descending AS BOOLEAN), false) AS descending
    FROM found AS f
    LEFT JOIN events AS ev ON ev.event_id = f.event_id
    LEFT JOIN action_fields AS a ON a.code = f.action_field
)
SELECT
    solution_id, title, event_id, event_name, action_field, action_field_name, status, notes,
    version, updated_by, updated_at, mean_rating, raters, patrons
FROM keyed
ORDER BY
    CASE WHEN NOT descending THEN text_key END ASC NULLS LAST,
    CASE WHEN descending THEN text_key END DESC NULLS LAST,
    CASE WHEN NOT descending THEN number_key END ASC NULLS LAST,
    CASE WHEN descending THEN number_key END DESC NULLS LAST,
    title_norm,
    solution_id
LIMIT $limit
OFFSET coalesce($offset, 0)
