-- Purpose: a visitor's search terms (dashboard.search.search_terms) folded like the text they are looked for in, each once; NULL stays NULL (no search)
-- Parameters: terms (VARCHAR[] or NULL)
-- Columns: none (a scalar macro: VARCHAR[] → VARCHAR[])
CREATE OR REPLACE MACRO fold_terms(terms) AS
    list_distinct(list_transform(CAST(terms AS VARCHAR[]), lambda t: fold_de(t)))
