-- Purpose: the overview's comparison of events: per event its challenges, participants, solutions, awards, pledges and (for programmes) EUR grants
-- Parameters: none
-- Columns: event_id, name, kind, starts_on, ends_on, challenges, participants, solutions, awarded_solutions, patrons, pledged_eur, grants, eur_total
SELECT
    e.event_id,
    e.name,
    e.kind,
    e.starts_on,
    e.ends_on,
    (SELECT count(*) FROM challenges c WHERE c.event_id = e.event_id) AS challenges,
    e.participants,
    (SELECT count(*) FROM solutions s WHERE s.event_id = e.event_id) AS solutions,
    (SELECT count(*) FROM solutions s WHERE s.event_id = e.event_id AND s.award IS NOT NULL)
        AS awarded_solutions,
    (SELECT count(DISTINCT p.patron_id) FROM pledges p JOIN solutions s USING (solution_id)
        WHERE s.event_id = e.event_id) AS patrons,
    (SELECT coalesce(sum(p.amount_eur), 0) FROM pledges p JOIN solutions s USING (solution_id)
        WHERE s.event_id = e.event_id)::DECIMAL(18, 2) AS pledged_eur,
    (SELECT count(*) FROM grants g WHERE e.kind = 'programme' AND g.programme = e.name) AS grants,
    (SELECT coalesce(sum(g.amount), 0) FROM grants g
        WHERE e.kind = 'programme' AND g.programme = e.name AND g.currency = 'EUR')::DECIMAL(18, 2)
        AS eur_total
FROM events e
ORDER BY e.starts_on, e.event_id
