-- Purpose: the events for selectors, oldest first
-- Parameters: none
-- Columns: event_id, name, kind, starts_on
SELECT event_id, name, kind, starts_on FROM events ORDER BY starts_on, event_id
