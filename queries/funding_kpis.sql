-- Purpose: key figures of /foerderung per currency under the filters: grants, total, exact median, grants at their programme's largest amount (its cap), and the recipients of all filtered grants
-- Parameters: $year_from, $year_to (integer or NULL), $action_field, $association (text, '': without one; NULL: no filter), $regierungsbezirk, $district_ags, $programme (text or NULL), $amount_min, $amount_max (DECIMAL or NULL: open; EUR grants only when set)
-- Columns: currency, grants, total, median, at_cap, recipients
WITH filtered AS (
    SELECT g.*
    FROM grants AS g
    LEFT JOIN districts AS d ON d.ags = g.district_ags
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
