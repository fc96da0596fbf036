-- A report some path still holds is current: a copy elsewhere keeps it, and
-- content reverted to an earlier version makes that version current again.
UPDATE reports SET current = true
WHERE NOT current AND id IN (SELECT report_id FROM files WHERE report_id IS NOT NULL)
