-- Purpose: the choices of the /foerderung filter bar: award years, action fields, associations, programmes (those with grants) and every district with its Regierungsbezirk
-- Parameters: $lang (de or en; NULL: de)
-- Columns: kind, code, name, parent
SELECT * FROM (
    SELECT DISTINCT 'year' AS kind, year(award_date)::VARCHAR AS code, year(award_date)::VARCHAR AS name,
        NULL AS parent
    FROM grants
    UNION ALL
    SELECT 'field', code, CASE WHEN $lang = 'en' THEN name_en ELSE name_de END, NULL FROM action_fields
    UNION ALL
    SELECT 'association', code, CASE WHEN $lang = 'en' THEN name_en ELSE name_de END, NULL
    FROM associations
    UNION ALL
    SELECT DISTINCT 'programme', programme, programme, NULL FROM grants
    UNION ALL
    SELECT 'district', ags, name, regierungsbezirk FROM districts
)
ORDER BY kind, CASE WHEN kind IN ('year', 'district') THEN code END, sort_de(name)
