-- Purpose: the categories of the digital tools' link list, with how many tools each has
-- Parameters: none
-- Columns: category, tools
SELECT category, count(*) AS tools
FROM tools
GROUP BY category
ORDER BY lower(category), category
