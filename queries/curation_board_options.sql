-- Purpose: the choices of the curation board's filters: events (oldest first), action fields and patrons, each named in the asked language
-- Parameters: $lang (de or en; NULL: de)
-- Columns: kind, code, name
SELECT kind, code, name
FROM (
    SELECT 'event' AS kind, 1 AS kind_order, event_id AS code, name, starts_on AS date_key
    FROM events
    UNION ALL
    SELECT 'field', 2, code, CASE WHEN $lang = 'en' THEN name_en ELSE name_de END, NULL
    FROM action_fields
    UNION ALL
    SELECT 'patron', 3, patron_id, name, NULL
    FROM patrons
)
ORDER BY kind_order, date_key, sort_de(name), code
