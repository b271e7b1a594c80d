-- Purpose: each patron's budget against what they pledged (at the events and through curation) and what is left
-- Parameters: none
-- Columns: patron_id, name, budget_eur, pledged_eur, remaining_eur
SELECT
    p.patron_id,
    p.name,
    p.budget_eur,
    coalesce(sum(pl.amount_eur), 0)::DECIMAL(14, 2) AS pledged_eur,
    (p.budget_eur - coalesce(sum(pl.amount_eur), 0))::DECIMAL(14, 2) AS remaining_eur
FROM patrons p
LEFT JOIN pledges pl USING (patron_id)
GROUP BY p.patron_id, p.name, p.budget_eur
ORDER BY pledged_eur DESC, p.name
