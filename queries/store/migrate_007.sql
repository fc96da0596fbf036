-- schema version 7: what each report's own text says about its quality
-- (etl/grade, report.Facts), for the report-quality queries (timeliness,
-- completeness, similarity, repeated_sentences). One row per report
-- content, written in the transaction that inserts the report, like its
-- metrics; no key, for the reason of schema version 3. A report stored
-- before this version, or loaded from exchange records, has no row: the
-- queries say its parts and its copying are unknown, never missing.
CREATE TABLE IF NOT EXISTS report_grade (
    report_id      VARCHAR NOT NULL,
    grade_version  VARCHAR NOT NULL,   -- etl/grade.Version: sentences of different versions are never compared
    parts          VARCHAR[] NOT NULL, -- parts whose heading the text prints at the top level (一、…): overview, proactive, applications, review, fees, problems, other
    sub_parts      VARCHAR[] NOT NULL, -- parts whose heading is printed one level down only (（一）…)
    sentences      UBIGINT[] NOT NULL, -- hashes of the masked content sentences, in the order of the text
    sentence_start INTEGER[] NOT NULL, -- byte offsets of each sentence in the original text (as metrics.start_offset)
    sentence_end   INTEGER[] NOT NULL,
    minhash        UINTEGER[]          -- MinHash signature of the sentence set; NULL with fewer than three distinct sentences
);
