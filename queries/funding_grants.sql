-- Purpose: the filtered grants of /foerderung as a table, sorted and paged on the server
-- Parameters: $lang (de or en; NULL: de), $sort_key (title, recipient, field, district, amount or award_date; NULL: award_date), $descending (boolean; NULL: false), $limit (integer; NULL: all), $offset (integer; NULL: 0), $year_from, $year_to (integer or NULL), $action_field, $association (text, '': without one; NULL: no filter), $regierungsbezirk, $district_ags, $programme (text or NULL), $amount_min, $amount_max (DECIMAL or NULL: open; EUR grants only when set)
-- Columns: grant_id, title, recipient, action_field, association, district, amount, currency, award_date
WITH filtered AS (
    SELECT
        g.grant_id,
        g.title,
        g.recipient_name AS recipient,
        CASE WHEN $lang = 'en' THEN a.name_en ELSE a.name_de END AS action_field,
        CASE WHEN $lang = 'en' THEN s.name_en ELSE s.name_de END AS association,
        d.name AS district,
        g.amount,
        g.currency,
        g.award_date
    FROM grants AS g
    LEFT JOIN districts AS d ON d.ags = g.district_ags
    LEFT JOIN action_fields AS a ON a.code = g.action_field
    LEFT JOIN associations AS s ON s.code = g.association
    WHERE ($year_from IS NULL OR year(g.award_date) >= $year_from)
      AND ($year_to IS NULL OR year(g.award_date) <= $year_to)
      -- '' chooses the grants without an action field / association ("ohne Zuordnung")
      AND ($action_field IS NULL OR coalesce(g.action_field, '') = $action_field)
      AND ($association IS NULL OR coalesce(g.association, '') = $association)
      AND ($regierungsbezirk IS NULL OR d.regierungsbezirk = $regierungsbezirk)
      AND ($district_ags IS NULL OR g.district_ags = $district_ags)
      AND ($programme IS NULL OR g.programme = $programme)
      -- amount bands are euro bands: a band filter keeps EUR grants only
      AND ($amount_min IS NULL OR (g.currency = 'EUR' AND g.amount >= $amount_min))
      AND ($amount_max IS NULL OR (g.currency = 'EUR' AND g.amount < $amount_max))
),
keyed AS (
    SELECT
        *,
        -- Umlauts sort with their base letter (Ö with O), as a German reader expects.
        strip_accents(lower(CASE coalesce($sort_key, 'award_date')
            WHEN 'title' THEN title
            WHEN 'recipient' THEN recipient
            WHEN 'field' THEN action_field
            WHEN 'district' THEN district
        END)) AS text_key,
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
