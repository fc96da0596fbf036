-- The reports named in the scratch table want_ids (old versions a chunk
-- compares against), in one query instead of one per report.
SELECT id, path, format, encoding, size, agency, level, province, city, year, period, form,
       strftime(published, '%Y-%m-%d')
FROM reports WHERE id IN (SELECT id FROM want_ids)
ORDER BY id
