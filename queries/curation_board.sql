-- Purpose: the curation board: solutions with their curation state, mean curator rating and patrons under the curators' filters, sorted and paged on the server (untouched solutions are new at version 0); the default order (new_first) puts the new ones first and the oldest submissions first within each part
-- Parameters: the filters of board_found: $terms, $event_id, $action_field, $patron_id, $patronage, $min_rating, $unrated, $not_rated_by; $status (text; NULL: all), $lang (de or en; NULL: de), $sort_key (new_first, title, submitted, event, field, status, rating or updated; NULL: title), $descending (boolean; NULL: false), $limit (integer; NULL: all), $offset (integer; NULL: 0)
-- Columns: solution_id, title, event_id, event_name, action_field, action_field_name, submitted_on, status, notes, version, updated_by, updated_at, mean_rating, raters, patrons
WITH found AS (
    SELECT * FROM board_found($terms, $event_id, $action_field, $patron_id, $patronage, $min_rating, $unrated, $not_rated_by)
    WHERE $status IS NULL OR status = $status
),
keyed AS (
    SELECT
        f.*,
        ev.name AS event_name,
        CASE WHEN $lang = 'en' THEN a.name_en ELSE a.name_de END AS action_field_name,
        CASE coalesce($sort_key, 'title')
            WHEN 'title' THEN f.title_norm
            -- New ones first (0), then the rest (1); within each the oldest submission first.
            WHEN 'new_first' THEN concat(
                CASE WHEN f.status = 'new' THEN '0' ELSE '1' END,
                strftime(f.submitted_on, '%Y-%m-%d'))
            WHEN 'submitted' THEN strftime(f.submitted_on, '%Y-%m-%d')
            WHEN 'field' THEN sort_de(CASE WHEN $lang = 'en' THEN a.name_en ELSE a.name_de END)
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
    solution_id, title, event_id, event_name, action_field, action_field_name, submitted_on,
    status, notes, version, updated_by, updated_at, mean_rating, raters, patrons
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
