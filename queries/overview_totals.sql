-- Purpose: key figures of the overview page; money counts EUR grants only (never mixed currencies)
-- Parameters: none
-- Columns: challenges, solutions, awarded_solutions, participants, grants, eur_grants, eur_total
SELECT
    (SELECT count(*) FROM challenges) AS challenges,
    (SELECT count(*) FROM solutions) AS solutions,
    (SELECT count(*) FROM solutions WHERE award IS NOT NULL) AS awarded_solutions,
    (SELECT coalesce(sum(participants), 0) FROM events WHERE kind = 'hackathon') AS participants,
    (SELECT count(*) FROM grants) AS grants,
    (SELECT count(*) FROM grants WHERE currency = 'EUR') AS eur_grants,
    (SELECT coalesce(sum(amount), 0)::DECIMAL(18, 2) FROM grants WHERE currency = 'EUR') AS eur_total
