-- Purpose: the challenges under the filters of /herausforderungen, the one place they are written: the key figures, the charts and the table of unsolved challenges read from here
-- Parameters: p_event_id, p_action_field, p_regierungsbezirk, p_district_ags (each text; NULL: no filter)
-- Columns: challenge_id, event_id, org_id, title, action_field, district_ags, district_name, regierungsbezirk, posted_on
CREATE OR REPLACE MACRO challenges_filtered(
    p_event_id, p_action_field, p_regierungsbezirk, p_district_ags
) AS TABLE
SELECT
    c.challenge_id,
    c.event_id,
    c.org_id,
    c.title,
    c.action_field,
    c.district_ags,
    d.name AS district_name,
    d.regierungsbezirk,
    c.posted_on
FROM challenges AS c
LEFT JOIN districts AS d ON d.ags = c.district_ags
WHERE (p_event_id IS NULL OR c.event_id = p_event_id)
  AND (p_action_field IS NULL OR c.action_field = p_action_field)
  AND (p_regierungsbezirk IS NULL OR d.regierungsbezirk = p_regierungsbezirk)
  AND (p_district_ags IS NULL OR c.district_ags = p_district_ags)
