-- Purpose: the digital tools' link list, filtered by search terms (each must occur in name or description, both normalised exactly like dashboard.search.normalise, as the gallery searches) and by category
-- Parameters: $terms (normalised terms or NULL), $category (or NULL), $lang (de or en; NULL means de)
-- Columns: tool_id, name, category, url, description, cost, privacy_note
WITH chosen AS (
    SELECT
        CAST($terms AS VARCHAR[]) AS terms,
        CAST($category AS VARCHAR) AS category,
        coalesce(CAST($lang AS VARCHAR), 'de') AS lang
),
localised AS (
    SELECT
        t.tool_id,
        t.name,
        t.category,
        t.url,
        CASE WHEN c.lang = 'en' THEN t.description_en ELSE t.description_de END AS description,
        t.cost,
        t.privacy_note
    FROM tools AS t, chosen AS c
),
lowered AS (
    SELECT
        *,
        replace(replace(replace(replace(
            lower(name || ' ' || description), 'ß', 'ss'), 'ä', 'a'), 'ö', 'o'), 'ü', 'u')
            AS text_lowered
    FROM localised
),
normalised AS (
    SELECT
        *,
        replace(replace(replace(
            CASE WHEN regexp_matches(text_lowered, '[\x{00c0}-\x{024f}\x{0300}-\x{036f}]')
                THEN strip_accents(text_lowered) ELSE text_lowered END,
            'ae', 'a'), 'oe', 'o'), 'ue', 'u') AS text_norm
    FROM lowered
)
SELECT n.tool_id, n.name, n.category, n.url, n.description, n.cost, n.privacy_note
FROM normalised AS n, chosen AS c
WHERE (c.category IS NULL OR n.category = c.category)
    AND (c.terms IS NULL
        OR list_bool_and(list_transform(c.terms, lambda t: contains(n.text_norm, t))))
ORDER BY lower(n.name), n.tool_id
