-- Purpose: per patron, the money pledged at the events (from the export; the curation store adds its own pledges inside its write transaction)
-- Parameters: none
-- Columns: patron_id, amount_eur
SELECT patron_id, sum(amount_eur)::DECIMAL(14, 2) AS amount_eur
FROM patronships
GROUP BY patron_id
