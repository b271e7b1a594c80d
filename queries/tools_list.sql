-- Purpose: the digital tools' link list, filtered by search terms (each must occur in name or description, both folded like the gallery's search: fold_de, fold_terms) and by category
-- Parameters: $terms (search terms or NULL), $category (or NULL), $lang (de or en; NULL means de)
-- Columns: tool_id, name, category, category_en, url, description, cost, cost_en, privacy_note, privacy_note_en (the *_en NULL where the data has no English)
WITH chosen AS (
    SELECT
        fold_terms($terms) AS terms,
        CAST($category AS VARCHAR) AS category,
        coalesce(CAST($lang AS VARCHAR), 'de') AS lang
),
localised AS (
    SELECT
        t.tool_id,
        t.name,
        t.category,
        nullif(trim(t.category_en), '') AS category_en,
        t.url,
        CASE WHEN c.lang = 'en' THEN t.description_en ELSE t.description_de END AS description,
        t.cost,
        nullif(trim(t.cost_en), '') AS cost_en,
        t.privacy_note,
        nullif(trim(t.privacy_note_en), '') AS privacy_note_en
    FROM tools AS t, chosen AS c
)
SELECT
    l.tool_id, l.name, l.category, l.category_en, l.url, l.description, l.cost, l.cost_en,
    l.privacy_note, l.privacy_note_en
FROM localised AS l, chosen AS c
WHERE (c.category IS NULL OR l.category = c.category)
    AND (c.terms IS NULL OR list_bool_and(list_transform(
        c.terms, lambda t: contains(fold_de(l.name || ' ' || l.description), t))))
ORDER BY lower(l.name), l.tool_id
