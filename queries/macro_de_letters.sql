-- Purpose: the German letters folded (lower case, ß → ss, ä ö ü → a o u), the first step of fold_de
-- Parameters: text (text)
-- Columns: none (a scalar macro: text → text)
CREATE OR REPLACE MACRO de_letters(text) AS
    replace(replace(replace(replace(lower(text), 'ß', 'ss'), 'ä', 'a'), 'ö', 'o'), 'ü', 'u')
