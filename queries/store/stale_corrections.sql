-- The lines that were stale at the last apply, and why.
SELECT seq, stale FROM corrections WHERE stale IS NOT NULL
