-- Purpose: number and total of grants per currency, so other currencies show beside the euro figures
-- Parameters: none
-- Columns: currency, grants, total
SELECT currency, count(*) AS grants, sum(amount)::DECIMAL(18, 2) AS total
FROM grants
GROUP BY currency
ORDER BY currency = 'EUR' DESC, total DESC
