-- Purpose: German text folded for search, the one place it is written: the German letters (de_letters), then accents stripped, then spelled-out umlauts (ae, oe, ue) to the plain vowel, so that `muller`, `mueller` and `Müller` meet; every search folds both its text and the visitor's terms (fold_terms) with it
-- Parameters: text (text)
-- Columns: none (a scalar macro: text → text)
CREATE OR REPLACE MACRO fold_de(text) AS
    replace(replace(replace(
        -- strip_accents is slow: only where an accented Latin letter or a combining mark remains
        CASE WHEN regexp_matches(de_letters(text), '[\x{00c0}-\x{024f}\x{0300}-\x{036f}]')
            THEN strip_accents(de_letters(text)) ELSE de_letters(text) END,
        'ae', 'a'), 'oe', 'o'), 'ue', 'u')
