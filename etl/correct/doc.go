// Package correct keeps the human layer over the machine's reading: the
// corrections file (corrections.csv, by default beside the database) where
// a reader fixes a misread figure, a report's agency, year, period or
// form, says a file is not a report, or confirms a quality flag
// (确认无误) or marks it as needing a fix (需修正).
//
// The file is the record and is versioned by appending: a later line for
// the same report and field supersedes an earlier one. Apply copies its
// valid lines into the corrections table on every ingest and build
// (queries/store/migrate_008.sql), where views put the corrected values in
// place for every named query (figures, corrected_reports,
// preferred_reports, confirmations); the extracted rows are never touched,
// so the correction survives any re-ingest and the extracted value stays
// beside it. A line that cannot apply — an unknown key, a value that is
// neither a number nor `blank`, a malformed report reference — is refused
// with an error naming the file and line, and the other lines still apply.
// A line whose report is no longer stored, was superseded by a revised
// file, or whose extracted value now equals the correction is kept and
// reported as stale (queries/corrections.sql), never silently dropped.
//
// An agency correction stores the kind of body of the corrected name and,
// when detect.Place places it, its level, province and city
// (migrate_010.sql) and the division code computed there: the report is
// filed under the corrected body in every peer group, rank and page.
//
// Apply also returns what changed since the last apply — lines added,
// removed, gone stale — for the change log (`xxgk status --changes`).
package correct
