-- The stored reports whose content hash starts with the given digits.
SELECT id, level FROM reports WHERE starts_with(id, ?) ORDER BY id LIMIT 2
