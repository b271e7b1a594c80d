-- Purpose: scaling candidates for /skalierung: every solution under the filters with the raw inputs of its scaling score, and the maxima over all solutions that votes and demand are normalised against
-- Parameters: $event_id, $action_field, $status (each text; NULL: all), $lang (de or en; NULL: de)
-- Columns: solution_id, title, action_field, action_field_name, regierungsbezirk, status, award, votes, mean_rating, raters, demand_elsewhere, is_digital, maturity, max_votes, max_demand
WITH unsolved AS (
    -- Challenges no solution answers, per action field and Regierungsbezirk.
    SELECT c.action_field, d.regierungsbezirk, count(*) AS unsolved
    FROM challenges AS c
    LEFT JOIN districts AS d ON d.ags = c.district_ags
    WHERE NOT EXISTS (SELECT 1 FROM solutions AS s WHERE s.challenge_id = c.challenge_id)
    GROUP BY c.action_field, d.regierungsbezirk
),
field_unsolved AS (
    SELECT action_field, sum(unsolved) AS unsolved FROM unsolved GROUP BY action_field
),
rated AS (
    -- A solution's rating: the mean over every curator and criterion.
    SELECT solution_id, avg(score) AS mean_rating, count(DISTINCT username) AS raters
    FROM ratings
    GROUP BY solution_id
),
placed AS (
    -- A solution's region: its own district, else its challenge's.
    SELECT s.*, d.regierungsbezirk
    FROM solutions AS s
    LEFT JOIN challenges AS ch ON ch.challenge_id = s.challenge_id
    LEFT JOIN districts AS d ON d.ags = coalesce(s.district_ags, ch.district_ags)
),
candidates AS (
    SELECT
        p.solution_id,
        p.title,
        p.event_id,
        p.action_field,
        CASE WHEN $lang = 'en' THEN a.name_en ELSE a.name_de END AS action_field_name,
        p.regierungsbezirk,
        coalesce(e.status, 'new') AS status,
        nullif(p.award, '') AS award,
        coalesce(p.votes, 0) AS votes,
        r.mean_rating,
        coalesce(r.raters, 0) AS raters,
        -- Elsewhere: every Regierungsbezirk but the solution's own (all of them when it has none).
        CAST(coalesce(f.unsolved, 0) - coalesce(u.unsolved, 0) AS INTEGER) AS demand_elsewhere,
        coalesce(p.is_digital, false) AS is_digital,
        p.maturity
    FROM placed AS p
    LEFT JOIN action_fields AS a ON a.code = p.action_field
    LEFT JOIN curation_entries AS e ON e.solution_id = p.solution_id
    LEFT JOIN rated AS r ON r.solution_id = p.solution_id
    LEFT JOIN field_unsolved AS f ON f.action_field = p.action_field
    LEFT JOIN unsolved AS u
        ON u.action_field = p.action_field AND u.regierungsbezirk = p.regierungsbezirk
),
measured AS (
    SELECT
        *,
        max(votes) OVER () AS max_votes,
        max(demand_elsewhere) OVER () AS max_demand
    FROM candidates
)
SELECT
    solution_id, title, action_field, action_field_name, regierungsbezirk, status, award, votes,
    mean_rating, raters, demand_elsewhere, is_digital, maturity, max_votes, max_demand
FROM measured
WHERE ($event_id IS NULL OR event_id = $event_id)
    AND ($action_field IS NULL OR action_field = $action_field)
    AND ($status IS NULL OR status = $status)
ORDER BY solution_id
