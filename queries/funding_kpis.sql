-- Purpose: key figures of /foerderung per currency under the filters: grants, total, exact median, grants at their programme's largest amount (its cap), and the recipients of all filtered grants
-- Parameters: the filters of grants_filtered: $year_from, $year_to, $action_field, $association, $regierungsbezirk, $district_ags, $programme, $amount_min, $amount_max
-- Columns: currency, grants, total, median, at_cap, recipients
WITH filtered AS (
    SELECT * FROM grants_filtered($year_from, $year_to, $action_field, $association, $regierungsbezirk, $district_ags, $programme, $amount_min, $amount_max)
),
caps AS (
    -- a programme's cap in a currency: the largest amount it ever granted (all grants, unfiltered)
    SELECT programme, currency, max(amount) AS cap FROM grants GROUP BY programme, currency
)
SELECT
    f.currency,
    count(*) AS grants,
    sum(f.amount)::DECIMAL(18, 2) AS total,
    median(f.amount)::DECIMAL(18, 2) AS median,
    count(*) FILTER (WHERE f.amount = c.cap) AS at_cap,
    (SELECT count(DISTINCT recipient_org_id) FROM filtered) AS recipients
FROM filtered AS f
JOIN caps AS c ON c.programme = f.programme AND c.currency = f.currency
GROUP BY f.currency
ORDER BY f.currency = 'EUR' DESC, f.currency
