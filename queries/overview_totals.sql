-- Purpose: key figures of the overview for one event or all of them; money counts EUR grants only (never mixed currencies)
-- Parameters: $event_id (text or NULL: all events)
-- Columns: challenges, solutions, awarded_solutions, participants, patrons, pledges, pledged_eur, grants, eur_grants, eur_total, recipients
WITH chosen AS (
    SELECT event_id, name, kind, participants FROM events
    WHERE $event_id IS NULL OR event_id = $event_id
),
chosen_solutions AS (
    SELECT solution_id, award FROM solutions WHERE event_id IN (SELECT event_id FROM chosen)
),
chosen_grants AS (
    -- A programme's grants name it in `programme`; without a choice, every grant counts.
    SELECT amount, currency, recipient_org_id FROM grants
    WHERE $event_id IS NULL OR programme IN (SELECT name FROM chosen WHERE kind = 'programme')
),
chosen_pledges AS (
    SELECT patron_id, amount_eur FROM pledges
    WHERE solution_id IN (SELECT solution_id FROM chosen_solutions)
)
SELECT
    (SELECT count(*) FROM challenges WHERE event_id IN (SELECT event_id FROM chosen)) AS challenges,
    (SELECT count(*) FROM chosen_solutions) AS solutions,
    (SELECT count(*) FROM chosen_solutions WHERE award IS NOT NULL) AS awarded_solutions,
    (SELECT coalesce(sum(participants), 0) FROM chosen WHERE kind = 'hackathon') AS participants,
    (SELECT count(DISTINCT patron_id) FROM chosen_pledges) AS patrons,
    (SELECT count(*) FROM chosen_pledges) AS pledges,
    (SELECT coalesce(sum(amount_eur), 0)::DECIMAL(18, 2) FROM chosen_pledges) AS pledged_eur,
    (SELECT count(*) FROM chosen_grants) AS grants,
    (SELECT count(*) FROM chosen_grants WHERE currency = 'EUR') AS eur_grants,
    (SELECT coalesce(sum(amount), 0)::DECIMAL(18, 2) FROM chosen_grants WHERE currency = 'EUR') AS eur_total,
    (SELECT count(DISTINCT recipient_org_id) FROM chosen_grants) AS recipients
