-- Purpose: the gallery's result count and facet counts for a search; each facet counts as if its own choice were not made, so the visitor sees what another choice would bring
-- Parameters: the choices of solutions_found: $terms, $events, $fields, $awards, $digital, $maturities, $tags (lists of text or NULL; $digital text or NULL); $lang, $tag_limit
-- Columns: facet, value, label, solutions, position
WITH found AS MATERIALIZED (
    SELECT * FROM solutions_found($terms, $events, $fields, $awards, $digital, $maturities, $tags)
),
tag_counts AS (
    SELECT tag, count(*) AS solutions
    FROM (
        SELECT unnest(tags) AS tag
        FROM found
        WHERE by_event AND by_field AND by_award AND by_digital AND by_maturity
    )
    GROUP BY tag
)
SELECT 'total' AS facet, NULL AS value, NULL AS label, count(*) AS solutions, 0 AS position
FROM found
WHERE by_event AND by_field AND by_award AND by_digital AND by_maturity AND by_tag
UNION ALL
SELECT 'event', e.event_id, e.name, coalesce(n.solutions, 0),
    row_number() OVER (ORDER BY e.starts_on, e.event_id)
FROM events AS e
LEFT JOIN (
    SELECT event_id, count(*) AS solutions
    FROM found
    WHERE by_field AND by_award AND by_digital AND by_maturity AND by_tag
    GROUP BY event_id
) AS n USING (event_id)
-- Events without any solution (a funding programme) are no choice in the gallery.
WHERE e.event_id IN (SELECT event_id FROM solution_search)
UNION ALL
SELECT 'field', a.code, CASE WHEN $lang = 'en' THEN a.name_en ELSE a.name_de END,
    coalesce(n.solutions, 0),
    row_number() OVER (ORDER BY CASE WHEN $lang = 'en' THEN a.name_en ELSE a.name_de END)
FROM action_fields AS a
LEFT JOIN (
    SELECT action_field, count(*) AS solutions
    FROM found
    WHERE by_event AND by_award AND by_digital AND by_maturity AND by_tag
    GROUP BY action_field
) AS n ON n.action_field = a.code
UNION ALL
SELECT 'award', award, NULL, count(*), 0
FROM found
WHERE by_event AND by_field AND by_digital AND by_maturity AND by_tag
GROUP BY award
UNION ALL
SELECT 'digital', digital, NULL, count(*), 0
FROM found
WHERE by_event AND by_field AND by_award AND by_maturity AND by_tag
GROUP BY digital
UNION ALL
SELECT 'maturity', maturity, NULL, count(*), 0
FROM found
WHERE by_event AND by_field AND by_award AND by_digital AND by_tag
GROUP BY maturity
UNION ALL
-- The most frequent tags, and every chosen one (so it can be unticked even when rare).
SELECT 'tag', t.tag, NULL, coalesce(n.solutions, 0),
    row_number() OVER (ORDER BY coalesce(n.solutions, 0) DESC, t.tag)
FROM (
    SELECT tag FROM tag_counts
    QUALIFY row_number() OVER (ORDER BY solutions DESC, tag) <= coalesce($tag_limit, 15)
    UNION
    SELECT unnest(CAST($tags AS VARCHAR[]))
) AS t
LEFT JOIN tag_counts AS n USING (tag)
ORDER BY facet, position
