-- A path that now holds other, parsed content no longer holds its old report.
UPDATE reports SET current = false
WHERE current AND id IN (
    SELECT f.report_id
    FROM files f JOIN batch_files b ON b.path = f.path
    WHERE b.report_id IS NOT NULL AND f.report_id IS NOT NULL AND f.report_id <> b.report_id
)
