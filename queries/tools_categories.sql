-- Purpose: the categories of the digital tools' link list, with their English name (NULL where no tool of it has one) and how many tools each has
-- Parameters: none
-- Columns: category, category_en, tools
SELECT category, min(nullif(trim(category_en), '')) AS category_en, count(*) AS tools
FROM tools
GROUP BY category
ORDER BY lower(category), category
