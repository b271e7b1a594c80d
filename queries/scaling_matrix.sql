-- Purpose: the transfer matrix of /skalierung: per action field and Regierungsbezirk (or, for one Regierungsbezirk, per district) the challenges, the solutions placed there, the challenges without a solution and the EUR grants; every combination, zeros included
-- Parameters: $regierungsbezirk (text; NULL: one column per Regierungsbezirk, else one per district of it), $action_field (text; NULL: all), $lang (de or en; NULL: de)
-- Columns: action_field, action_field_name, region_key, region_name, regierungsbezirk, challenges, solutions, unsolved, eur_grants
WITH regions AS (
    SELECT DISTINCT
        CASE WHEN $regierungsbezirk IS NULL THEN regierungsbezirk ELSE ags END AS region_key,
        CASE WHEN $regierungsbezirk IS NULL THEN regierungsbezirk ELSE name END AS region_name,
        regierungsbezirk
    FROM districts
    WHERE ($regierungsbezirk IS NULL OR regierungsbezirk = $regierungsbezirk)
        AND regierungsbezirk IS NOT NULL
),
district_region AS (
    SELECT ags, CASE WHEN $regierungsbezirk IS NULL THEN regierungsbezirk ELSE ags END AS region_key
    FROM districts
    WHERE ($regierungsbezirk IS NULL OR regierungsbezirk = $regierungsbezirk)
),
fields AS (
    SELECT code, CASE WHEN $lang = 'en' THEN name_en ELSE name_de END AS name
    FROM action_fields
    WHERE $action_field IS NULL OR code = $action_field
),
demand AS (
    SELECT
        c.action_field,
        r.region_key,
        count(*) AS challenges,
        count(*) FILTER (
            WHERE NOT EXISTS (SELECT 1 FROM solutions AS s WHERE s.challenge_id = c.challenge_id)
        ) AS unsolved
    FROM challenges AS c
    JOIN district_region AS r ON r.ags = c.district_ags
    GROUP BY c.action_field, r.region_key
),
supply AS (
    -- A solution's place: its own district, else its challenge's.
    SELECT s.action_field, r.region_key, count(*) AS solutions
    FROM solutions AS s
    LEFT JOIN challenges AS ch ON ch.challenge_id = s.challenge_id
    JOIN district_region AS r ON r.ags = coalesce(s.district_ags, ch.district_ags)
    GROUP BY s.action_field, r.region_key
),
money AS (
    SELECT g.action_field, r.region_key, sum(g.amount) AS eur_grants
    FROM grants AS g
    JOIN district_region AS r ON r.ags = g.district_ags
    WHERE g.currency = 'EUR'
    GROUP BY g.action_field, r.region_key
)
SELECT
    f.code AS action_field,
    f.name AS action_field_name,
    r.region_key,
    r.region_name,
    r.regierungsbezirk,
    coalesce(d.challenges, 0) AS challenges,
    coalesce(s.solutions, 0) AS solutions,
    coalesce(d.unsolved, 0) AS unsolved,
    CAST(coalesce(m.eur_grants, 0) AS DECIMAL(18, 2)) AS eur_grants
FROM fields AS f
CROSS JOIN regions AS r
LEFT JOIN demand AS d ON d.action_field = f.code AND d.region_key = r.region_key
LEFT JOIN supply AS s ON s.action_field = f.code AND s.region_key = r.region_key
LEFT JOIN money AS m ON m.action_field = f.code AND m.region_key = r.region_key
ORDER BY f.name, f.code, r.region_name, r.region_key
