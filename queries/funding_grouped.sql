-- Purpose: grants of /foerderung under the filters grouped by $group (field, association, regierungsbezirk, district, month, band, recipient); euro total and count of EUR grants, and the count of grants in other currencies (never added in)
-- Parameters: $group (text), $lang (de or en; NULL: de), $edges (DECIMAL[]: lower edges of the amount bands after the first), and the filters of grants_filtered: $year_from, $year_to, $action_field, $association, $regierungsbezirk, $district_ags, $programme, $amount_min, $amount_max
-- Columns: key, label, parent, eur_total, eur_grants, other_grants
WITH filtered AS (
    SELECT
        g.*,
        CASE $group
            WHEN 'field' THEN coalesce(g.action_field, '')
            WHEN 'association' THEN coalesce(g.association, '')
            WHEN 'regierungsbezirk' THEN coalesce(g.regierungsbezirk, '')
            WHEN 'district' THEN coalesce(g.district_ags, '')
            WHEN 'month' THEN strftime(date_trunc('month', g.award_date), '%Y-%m-%d')
            -- band i: amount at or above i of the edges; only for EUR grants
            WHEN 'band' THEN CASE WHEN g.currency = 'EUR'
                THEN len(list_filter($edges, lambda e: e <= g.amount))::VARCHAR ELSE '' END
            WHEN 'recipient' THEN g.recipient_org_id
        END AS key
    FROM grants_filtered($year_from, $year_to, $action_field, $association, $regierungsbezirk, $district_ags, $programme, $amount_min, $amount_max) AS g
)
SELECT
    f.key,
    CASE $group
        WHEN 'field' THEN any_value(CASE WHEN $lang = 'en' THEN a.name_en ELSE a.name_de END)
        WHEN 'association' THEN any_value(CASE WHEN $lang = 'en' THEN s.name_en ELSE s.name_de END)
        WHEN 'regierungsbezirk' THEN any_value(f.regierungsbezirk)
        WHEN 'district' THEN any_value(f.district_name)
        WHEN 'recipient' THEN min(f.recipient_name)
    END AS label,
    CASE WHEN $group = 'district' THEN any_value(f.regierungsbezirk) END AS parent,
    coalesce(sum(f.amount) FILTER (WHERE f.currency = 'EUR'), 0)::DECIMAL(18, 2) AS eur_total,
    count(*) FILTER (WHERE f.currency = 'EUR') AS eur_grants,
    count(*) FILTER (WHERE f.currency <> 'EUR') AS other_grants
FROM filtered AS f
LEFT JOIN action_fields AS a ON a.code = f.action_field
LEFT JOIN associations AS s ON s.code = f.association
GROUP BY f.key
ORDER BY eur_total DESC, eur_grants DESC, other_grants DESC, f.key
