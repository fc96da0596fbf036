-- Scratch list of report ids to load back (see report_by_ids, metrics_by_ids).
CREATE OR REPLACE TEMP TABLE want_ids (id VARCHAR)
