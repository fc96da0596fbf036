-- Scratch table of etl/load refreshDivisions, on its own connection and
-- inside its transaction, filled with the Appender: the codes to store,
-- set in one UPDATE (set_division_codes) instead of one per agency.
CREATE OR REPLACE TEMP TABLE division_codes (
    agency        VARCHAR,
    level         VARCHAR,
    province      VARCHAR,
    city          VARCHAR,
    division_code VARCHAR
);
