-- Purpose: challenges posted per day (span up to 62 days, so each day stays readable) or per ISO week (longer spans), gaps filled with 0
-- Parameters: the filters of challenges_filtered: $event_id, $action_field, $regierungsbezirk, $district_ags (each text; NULL: no filter)
-- Columns: period, unit, challenges
WITH filtered AS (
    SELECT posted_on
    FROM challenges_filtered($event_id, $action_field, $regierungsbezirk, $district_ags)
),
span AS (
    SELECT
        CASE WHEN max(posted_on) - min(posted_on) <= 62 THEN 'day' ELSE 'week' END AS unit,
        min(posted_on) AS first_day,
        max(posted_on) AS last_day
    FROM filtered
),
bucketed AS (
    SELECT
        CASE WHEN s.unit = 'day' THEN f.posted_on
             ELSE CAST(date_trunc('week', f.posted_on) AS DATE) END AS period
    FROM filtered AS f, span AS s
),
periods AS (
    SELECT CAST(g.period AS DATE) AS period, s.unit
    FROM span AS s,
        generate_series(
            CASE WHEN s.unit = 'day' THEN s.first_day
                 ELSE CAST(date_trunc('week', s.first_day) AS DATE) END,
            s.last_day,
            CASE WHEN s.unit = 'day' THEN INTERVAL 1 DAY ELSE INTERVAL 7 DAY END
        ) AS g(period)
)
SELECT p.period, p.unit, count(b.period) AS challenges
FROM periods AS p
LEFT JOIN bucketed AS b ON b.period = p.period
GROUP BY p.period, p.unit
ORDER BY p.period
