-- Purpose: challenges without any solution under the filters, sorted and paged on the server
-- Parameters: the filters of challenges_filtered: $event_id, $action_field, $regierungsbezirk, $district_ags (each text; NULL: no filter), $lang (de or en; NULL: de), $sort_key (title, organisation, action_field, district or posted_on; NULL: posted_on), $descending (boolean; NULL: false), $limit (integer; NULL: all), $offset (integer; NULL: 0)
-- Columns: challenge_id, title, organisation, action_field, district, posted_on
WITH unsolved AS (
    SELECT
        c.challenge_id,
        c.title,
        o.name AS organisation,
        CASE WHEN $lang = 'en' THEN a.name_en ELSE a.name_de END AS action_field,
        c.district_name AS district,
        c.posted_on
    FROM challenges_filtered($event_id, $action_field, $regierungsbezirk, $district_ags) AS c
    LEFT JOIN organisations AS o ON o.org_id = c.org_id
    LEFT JOIN action_fields AS a ON a.code = c.action_field
    WHERE NOT EXISTS (SELECT 1 FROM solutions AS s WHERE s.challenge_id = c.challenge_id)
),
keyed AS (
    SELECT
        *,
        sort_de(CASE coalesce($sort_key, 'posted_on')
            WHEN 'title' THEN title
            WHEN 'organisation' THEN organisation
            WHEN 'action_field' THEN action_field
            WHEN 'district' THEN district
        END) AS text_key,
        CASE WHEN coalesce($sort_key, 'posted_on') = 'posted_on' THEN posted_on END AS date_key,
        coalesce($descending, false) AS descending
    FROM unsolved
)
SELECT challenge_id, title, organisation, action_field, district, posted_on
FROM keyed
ORDER BY
    CASE WHEN NOT descending THEN text_key END ASC NULLS LAST,
    CASE WHEN descending THEN text_key END DESC NULLS LAST,
    CASE WHEN NOT descending THEN date_key END ASC NULLS LAST,
    CASE WHEN descending THEN date_key END DESC NULLS LAST,
    posted_on,
    sort_de(title),
    challenge_id
LIMIT $limit
OFFSET $offset
