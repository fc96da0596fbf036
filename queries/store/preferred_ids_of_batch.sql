-- The preferred reports of the agencies a batch touched, identity only, in
-- year order; the cross-year checks load the figures of those the batch does
-- not hold in memory (figures_by_ids). The ranking is the one of the view
-- preferred_reports (queries/schema.sql), applied to those agencies' reports
-- only: the view ranks every report, which each chunk of a large ingest
-- cannot afford. etl/load's tests check that the two agree.
SELECT id, path, format, encoding, size, agency, level, province, city, year, period, form,
       strftime(published, '%Y-%m-%d')
FROM (
    SELECT r.*,
           row_number() OVER (
               PARTITION BY agency, year, period
               ORDER BY current DESC, published DESC NULLS LAST, n_figures DESC,
                        ingested_at DESC, id
           ) AS rn
    FROM reports r
    WHERE agency IN (SELECT agency FROM batch_agencies)
)
WHERE rn = 1
ORDER BY agency, period, year, id
