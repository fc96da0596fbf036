-- schema version 3: metrics without its primary key. The key (report_id,
-- key) was kept as a DuckDB ART index that every append had to update and
-- every checkpoint had to write, about 100 entries per report: at 100,000
-- reports it cost more CPU than parsing the reports and over a GB of
-- memory. Uniqueness does not depend on it: etl/load writes the metrics of a
-- report only in the transaction that inserts the report (whose own primary
-- key refuses a second copy), keeping the first figure of each key. No query
-- reads metrics through the index (they join and scan). The table is
-- rebuilt because DuckDB cannot drop a primary key in place.
CREATE TABLE metrics_v3 (
    report_id    VARCHAR NOT NULL,
    key          VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL,
    value        DOUBLE,
    approx       BOOLEAN NOT NULL,
    source       VARCHAR NOT NULL,
    tbl          VARCHAR,
    row_label    VARCHAR,
    col_label    VARCHAR,
    provenance   VARCHAR NOT NULL,
    start_offset INTEGER,
    end_offset   INTEGER,
    rule         VARCHAR,
    unit         VARCHAR
);
INSERT INTO metrics_v3 SELECT * FROM metrics ORDER BY report_id, key;
DROP TABLE metrics;
ALTER TABLE metrics_v3 RENAME TO metrics;
