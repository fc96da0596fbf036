-- schema version 6: the text of each report, for the site's source pages,
-- where every stored figure is marked on its span (metrics.start_offset and
-- end_offset are byte offsets into this text). One row per report content,
-- written in the transaction that inserts the report; DuckDB compresses the
-- column. A report loaded from exchange records (which carry no text) has
-- no row: its source page shows each figure's sentence or cell only. No
-- primary key, for the reason of schema version 3: the reports row is the
-- one that refuses a second copy.
CREATE TABLE IF NOT EXISTS report_texts (
    report_id VARCHAR NOT NULL,
    text      VARCHAR NOT NULL
);
