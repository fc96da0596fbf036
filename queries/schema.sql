-- schema version 1: the tables every stage writes and every named query reads.
-- Applied in one transaction by etl/load on open; the version is recorded in
-- schema_version. Later changes go in new numbered files, never edits here.

CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER NOT NULL,
    applied_at TIMESTAMP NOT NULL
);

-- One row per distinct report content. The id is the SHA-256 of the file's
-- bytes, so a revised file is a new row and the old one is kept.
CREATE TABLE IF NOT EXISTS reports (
    id             VARCHAR PRIMARY KEY,
    path           VARCHAR NOT NULL,   -- where the content was last seen
    format         VARCHAR NOT NULL,   -- txt, html, docx, pdf, xlsx, doc
    encoding       VARCHAR,
    size           BIGINT NOT NULL,
    agency         VARCHAR NOT NULL,   -- canonical simplified name
    agency_kind    VARCHAR,            -- 司法局, 人民政府, ... derived from the name
    level          VARCHAR,            -- province, city, county, township
    province       VARCHAR,
    city           VARCHAR,
    year           INTEGER NOT NULL,   -- the year reported on, not the publication year
    period         VARCHAR NOT NULL,   -- year or h1
    form           VARCHAR NOT NULL,   -- table2021, table2019, legacy, narrative
    published      DATE,
    n_figures      INTEGER NOT NULL,   -- numeric metrics stored
    current        BOOLEAN NOT NULL,   -- false once its path holds newer content
    parser_version VARCHAR NOT NULL,
    ingested_at    TIMESTAMP NOT NULL
);

-- One row per report x metric key. Blank is not zero: value is NULL unless
-- kind = 'number'; empty and not-applicable cells keep their kind.
CREATE TABLE IF NOT EXISTS metrics (
    report_id    VARCHAR NOT NULL,
    key          VARCHAR NOT NULL,     -- a key of spec/metrics.tsv
    kind         VARCHAR NOT NULL,     -- number, empty, not_applicable
    value        DOUBLE,
    approx       BOOLEAN NOT NULL,     -- printed with 余/多/近/约
    source       VARCHAR NOT NULL,     -- table or prose
    tbl          VARCHAR,              -- article20, applications, review, legacy
    row_label    VARCHAR,
    col_label    VARCHAR,
    provenance   VARCHAR NOT NULL,     -- the sentence or cell text, as printed
    start_offset INTEGER,              -- byte offsets of provenance in the original text
    end_offset   INTEGER,
    rule         VARCHAR,              -- the prose rule that read it
    unit         VARCHAR,              -- the printed unit when it was converted
    PRIMARY KEY (report_id, key)
);

-- One row per report x rule x scope: the accounting identities.
-- Cross-year rules (I5, stock-flow) are attached to the later report.
CREATE TABLE IF NOT EXISTS checks (
    report_id VARCHAR NOT NULL,
    rule      VARCHAR NOT NULL,
    scope     VARCHAR NOT NULL,
    expected  DOUBLE,
    actual    DOUBLE,
    status    VARCHAR NOT NULL,        -- PASS, FAIL, NOT_ASSESSABLE
    ok        BOOLEAN,                 -- NULL when not assessable
    detail    VARCHAR
);

-- What the last ingest saw at each path: the fast path for unchanged files.
CREATE TABLE IF NOT EXISTS files (
    path      VARCHAR PRIMARY KEY,
    size      BIGINT NOT NULL,
    mtime_ns  BIGINT NOT NULL,
    hash      VARCHAR NOT NULL,
    report_id VARCHAR,                 -- NULL when the content failed
    seen_run  BIGINT NOT NULL,
    removed   BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS ingest_errors (
    run_id   BIGINT,
    path     VARCHAR NOT NULL,
    hash     VARCHAR,
    stage    VARCHAR NOT NULL,         -- read, identify, extract, load
    message  VARCHAR NOT NULL,
    "at"     TIMESTAMP NOT NULL,        -- quoted: AT is a keyword in DuckDB 1.5
    resolved BOOLEAN NOT NULL DEFAULT false
);

-- One row per ingest or build.
CREATE TABLE IF NOT EXISTS runs (
    id          BIGINT PRIMARY KEY,
    kind        VARCHAR NOT NULL,      -- ingest, build, run
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    files_seen  INTEGER,
    parsed      INTEGER,
    new         INTEGER,
    changed     INTEGER,
    skipped     INTEGER,
    removed     INTEGER,
    failed      INTEGER,
    duration_ms BIGINT,
    note        VARCHAR
);

-- The change log: what each run altered.
CREATE TABLE IF NOT EXISTS changes (
    run_id    BIGINT NOT NULL,
    path      VARCHAR NOT NULL,
    change    VARCHAR NOT NULL,        -- new, changed, removed, failed
    report_id VARCHAR,
    old_id    VARCHAR,
    key       VARCHAR,                 -- for changed figures
    old_value DOUBLE,
    new_value DOUBLE,
    detail    VARCHAR
);

-- The preferred report of each agency x year x period: current content first,
-- then the later publication date, then more figures, then the later ingest.
CREATE OR REPLACE VIEW preferred_reports AS
SELECT * EXCLUDE (rn) FROM (
    SELECT r.*,
           row_number() OVER (
               PARTITION BY agency, year, period
               ORDER BY current DESC, published DESC NULLS LAST, n_figures DESC,
                        ingested_at DESC, id
           ) AS rn
    FROM reports r
) WHERE rn = 1;
