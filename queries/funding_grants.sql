-- Purpose: the filtered grants of /foerderung as a table, sorted and paged on the server
-- Parameters: $lang (de or en; NULL: de), $sort_key (title, recipient, field, district, amount or award_date; NULL: award_date), $descending (boolean; NULL: false), $limit (integer; NULL: all), $offset (integer; NULL: 0), and the filters of grants_filtered: $year_from, $year_to, $action_field, $association, $regierungsbezirk, $district_ags, $programme, $amount_min, $amount_max
-- Columns: grant_id, title, recipient, action_field, association, district, amount, currency, award_date
WITH filtered AS (
    SELECT
        g.grant_id,
        g.title,
        g.recipient_name AS recipient,
        CASE WHEN $lang = 'en' THEN a.name_en ELSE a.name_de END AS action_field,
        CASE WHEN $lang = 'en' THEN s.name_en ELSE s.name_de END AS association,
        g.district_name AS district,
        g.amount,
        g.currency,
        g.award_date
    FROM grants_filtered($year_from, $year_to, $action_field, $association, $regierungsbezirk, $district_ags, $programme, $amount_min, $amount_max) AS g
    LEFT JOIN action_fields AS a ON a.code = g.action_field
    LEFT JOIN associations AS s ON s.code = g.association
),
keyed AS (
    SELECT
        *,
        sort_de(CASE coalesce($sort_key, 'award_date')
            WHEN 'title' THEN title
            WHEN 'recipient' THEN recipient
            WHEN 'field' THEN action_field
            WHEN 'district' THEN district
        END) AS text_key,
        -- amounts of different currencies sort apart (by currency first), never mixed
        CASE WHEN $sort_key = 'amount' THEN currency END AS currency_key,
        CASE WHEN $sort_key = 'amount' THEN amount END AS amount_key,
        CASE WHEN coalesce($sort_key, 'award_date') = 'award_date' THEN award_date END AS date_key,
        coalesce($descending, false) AS descending
    FROM filtered
)
SELECT grant_id, title, recipient, action_field, association, district, amount, currency, award_date
FROM keyed
ORDER BY
    currency_key = 'EUR' DESC, currency_key,
    CASE WHEN NOT descending THEN text_key END ASC NULLS LAST,
    CASE WHEN descending THEN text_key END DESC NULLS LAST,
    CASE WHEN NOT descending THEN amount_key END ASC NULLS LAST,
    CASE WHEN descending THEN amount_key END DESC NULLS LAST,
    CASE WHEN NOT descending THEN date_key END ASC NULLS LAST,
    CASE WHEN descending THEN date_key END DESC NULLS LAST,
    award_date,
    grant_id
LIMIT $limit
OFFSET $offset
