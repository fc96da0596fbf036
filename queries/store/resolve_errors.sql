-- Errors of a path are settled once the path is stored, fails anew (the new
-- error row replaces them) or is gone from the inputs.
UPDATE ingest_errors SET resolved = true
WHERE NOT resolved AND path IN (SELECT path FROM batch_files WHERE settled)
