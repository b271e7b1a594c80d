-- Purpose: a programme's grants in currencies other than EUR, shown beside its euro figures (never summed with them)
-- Parameters: $programme (the programme event's name)
-- Columns: currency, grants, total
SELECT currency, count(*) AS grants, sum(amount)::DECIMAL(18, 2) AS total
FROM grants
WHERE programme = $programme AND currency <> 'EUR'
GROUP BY currency
ORDER BY total DESC, currency
