-- The preferred reports of the agencies a batch touched, in year order.
SELECT id, path, format, encoding, size, agency, level, province, city, year, period, form,
       strftime(published, '%Y-%m-%d')
FROM preferred_reports
WHERE agency IN (SELECT agency FROM batch_agencies)
ORDER BY agency, period, year, id
