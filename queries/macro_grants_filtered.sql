-- Purpose: the grants under the filters of /foerderung, the one place they are written: the key figures, the charts and the grants table all read from here
-- Parameters: p_year_from, p_year_to (integer or NULL), p_action_field, p_association (text, '': without one; NULL: no filter), p_regierungsbezirk, p_district_ags, p_programme (text or NULL), p_amount_min, p_amount_max (DECIMAL or NULL: open; EUR grants only when set)
-- Columns: grant_id, programme, title, recipient_org_id, recipient_name, action_field, association, district_ags, district_name, regierungsbezirk, amount, currency, award_date
CREATE OR REPLACE MACRO grants_filtered(
    p_year_from, p_year_to, p_action_field, p_association, p_regierungsbezirk, p_district_ags,
    p_programme, p_amount_min, p_amount_max
) AS TABLE
SELECT
    g.grant_id,
    g.programme,
    g.title,
    g.recipient_org_id,
    g.recipient_name,
    g.action_field,
    g.association,
    g.district_ags,
    d.name AS district_name,
    d.regierungsbezirk,
    g.amount,
    g.currency,
    g.award_date
FROM grants AS g
LEFT JOIN districts AS d ON d.ags = g.district_ags
WHERE (p_year_from IS NULL OR year(g.award_date) >= p_year_from)
  AND (p_year_to IS NULL OR year(g.award_date) <= p_year_to)
  -- '' chooses the grants without an action field / association ("ohne Zuordnung")
  AND (p_action_field IS NULL OR coalesce(g.action_field, '') = p_action_field)
  AND (p_association IS NULL OR coalesce(g.association, '') = p_association)
  AND (p_regierungsbezirk IS NULL OR d.regierungsbezirk = p_regierungsbezirk)
  AND (p_district_ags IS NULL OR g.district_ags = p_district_ags)
  AND (p_programme IS NULL OR g.programme = p_programme)
  -- amount bands are euro bands: a band filter keeps EUR grants only
  AND (p_amount_min IS NULL OR (g.currency = 'EUR' AND g.amount >= p_amount_min))
  AND (p_amount_max IS NULL OR (g.currency = 'EUR' AND g.amount < p_amount_max))
