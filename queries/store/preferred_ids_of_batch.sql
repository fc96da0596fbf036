-- The preferred reports of the agencies a batch touched, identity only, in
-- year order; the cross-year checks load the metrics of those the batch does
-- not hold in memory (metrics_by_ids).
SELECT id, path, format, encoding, size, agency, level, province, city, year, period, form,
       strftime(published, '%Y-%m-%d')
FROM preferred_reports
WHERE agency IN (SELECT agency FROM batch_agencies)
ORDER BY agency, period, year, id
