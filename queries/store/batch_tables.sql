-- Scratch tables of one batch, on the batch's own connection and inside its
-- transaction, filled with the Appender: the set-based statements below join
-- them instead of running one statement per file.
CREATE OR REPLACE TEMP TABLE batch_files (
    path      VARCHAR,
    size      BIGINT,
    mtime_ns  BIGINT,
    hash      VARCHAR,
    report_id VARCHAR,
    seen_run  BIGINT,
    removed   BOOLEAN,
    settled   BOOLEAN   -- this batch decided the path's fate: stored, failed anew, or removed
);
CREATE OR REPLACE TEMP TABLE batch_agencies (agency VARCHAR);
