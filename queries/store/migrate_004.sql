-- schema version 4: the evidence a report's identity was decided on
-- (etl/detect). One row per report in report_identity: where the agency's
-- name came from (agency_source: title, author, opening, operator, …; NULL
-- when the evidence did not settle it and the report is kept under
-- 未识别机关:FILE), the other spellings printed for the body, whether its
-- name is incomplete (a township whose county is open), why it was or was
-- not settled, where the year came from and whether it was inferred from
-- the publication date, and the page address and title an operator or the
-- page supplied. agency_candidates lists every name the evidence offered,
-- best first, with its source, score, span in the original text and the
-- reason it was not chosen. A side table rather than columns of reports,
-- so the reports rows keep their shape.
CREATE TABLE IF NOT EXISTS report_identity (
    report_id         VARCHAR NOT NULL,
    agency_source     VARCHAR,
    agency_aliases    VARCHAR[],
    agency_incomplete BOOLEAN NOT NULL,
    agency_note       VARCHAR,
    year_source       VARCHAR,
    year_inferred     BOOLEAN NOT NULL,
    url               VARCHAR,
    title             VARCHAR
);
CREATE TABLE IF NOT EXISTS agency_candidates (
    report_id    VARCHAR NOT NULL,
    rank         INTEGER NOT NULL,   -- 1 is the heaviest evidence
    name         VARCHAR NOT NULL,   -- canonical, or as printed when it has none
    printed      VARCHAR,            -- as printed, when different
    source       VARCHAR NOT NULL,   -- title, title_line, meta_title, author, opening, signature, compiled, field, body, mention, …
    score        DOUBLE NOT NULL,    -- the weight it carried; 0 for a body merely mentioned
    start_offset INTEGER,            -- byte span in the original text; NULL outside it (meta tags, operator)
    end_offset   INTEGER,
    note         VARCHAR             -- why it was not chosen: no place, the host site, a contact line, …
);
