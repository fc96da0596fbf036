-- schema version 5: the figures a reader saw and would not store
-- (report.Ambiguity): a glued digit run that splits more than one way or
-- none, a search that hit its bound, two readings of a sentence, a missing
-- unit. Blank stays blank: the key gets no metrics row, and this says why.
-- Written by etl/load with the report, in the same transaction, like its
-- metrics; no key or index, since rows are only ever appended with their
-- report and read by scanning (queries/quality.sql).
CREATE TABLE IF NOT EXISTS ambiguities (
    report_id    VARCHAR NOT NULL,
    seq          INTEGER NOT NULL,   -- order within the report, as the readers gave them
    key          VARCHAR,            -- the metric key in question; "row.*" for a whole row; NULL when unknown
    reason       VARCHAR NOT NULL,   -- readings, unit, scope, split, no_split, bound
    detail       VARCHAR,            -- the readings that fit, in a few words
    source       VARCHAR,            -- table or prose
    tbl          VARCHAR,            -- article20, applications, review, legacy
    row_label    VARCHAR,
    col_label    VARCHAR,
    provenance   VARCHAR NOT NULL,   -- the unsettled text, as printed
    start_offset INTEGER,            -- byte offsets of provenance in the original text
    end_offset   INTEGER,
    rule         VARCHAR,            -- the reader's rule or mechanism (table.glued)
    note         VARCHAR
);
