-- The content hashes already stored: content seen before is never parsed again.
SELECT id FROM reports
