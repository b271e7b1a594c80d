-- Purpose: a German sort key, the one place it is written: lower case, accents and umlauts with their base letter (Ö sorts with O), as a German reader expects an index
-- Parameters: text (text)
-- Columns: none (a scalar macro: text → text)
CREATE OR REPLACE MACRO sort_de(text) AS strip_accents(lower(text))
