SELECT id, path, format, encoding, size, agency, level, province, city, year, period, form,
       strftime(published, '%Y-%m-%d')
FROM reports WHERE id = ?
