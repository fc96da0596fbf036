// Package queries holds every SQL statement of xxgk as embedded .sql files:
// the schema, and the named queries that `xxgk query`, the chart pages and
// the workbooks run. It does not parse reports or render anything.
//
// A named query file NAME.sql starts with
//
//	-- name: NAME
//	-- description: one line that `xxgk query --list` shows
//	-- uses: harmonised, crosswalk   (optional: named queries read as tables)
//	-- cache: no                     (optional: answer from the text every time)
//	-- filter: agency                (optional: an agency's rows depend only on its reports)
//
// followed by one SELECT. A query that uses others refers to them by name
// as if they were tables; Get returns the text with them prepended as
// common table expressions, so the text is self-contained and can be pasted
// into any DuckDB shell over an xxgk database.
//
// The analysis builds on two queries: `crosswalk`, the documented mapping
// of legacy (pre-2019) categories onto the 2019/2021 ones, kept as a VALUES
// list, and `harmonised`, which applies exactly those rows to the preferred
// report of each agency × year × period. yoy, rates, peers and quality read
// `harmonised`; coverage, trust, sources, failed_checks and conflicts read
// the stored tables. Blank is not zero throughout: no query turns a missing
// figure into 0 (a test rejects COALESCE over report figures), a sum needs
// all its parts, and a ratio with a zero or blank denominator is NULL.
//
// The report-quality queries grade the reports themselves: timeliness
// (the statutory deadline, from the period, the year and the kind of
// body), completeness (completeness_items over form_cells and the parts
// etl/grade found), similarity (the stored sentence fingerprints compared
// with last year's report and, through locality-sensitive hashing, with
// the peer group's; common_sentences, stale_figures, repeated_sentences)
// and consistency (every check of a report in one list); report_quality
// puts them side by side per agency-year with a rank in the peer group.
// Their codes are named in Chinese in labels/labels.tsv.
//
// Run answers from a cache of results stored in the database (tables
// query_cache_NAME, see cache.go), refreshed when the stored reports or
// checks, or the query text, change. The results shared by several queries
// are computed once per refresh: a query reads the cache table of each
// query it uses (harmonised is built once and read by yoy, rates, peers
// and quality). A query marked `-- filter: agency` carries placeholders
// `TRUE /* filter: agency */` where narrowing to some agencies cannot
// change their rows (before windows partitioned by agency, on per-report
// figures); when its cache is stale or cannot be written, Run replaces
// them with the filter, so one agency is computed from its own reports
// (run.go). peers ranks across agencies and has none. Stream prints a
// result row by row. BenchFill and BenchQuery measure the queries on a
// synthetic database of any size.
package queries
