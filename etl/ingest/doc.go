// Package ingest is the scheduled job's engine: it walks the inputs, decides
// per file whether anything changed (size+mtime as a fast path, the content
// hash as the truth), reads and extracts only new content on a worker pool
// with per-file limits, turns every bad file into one error row and one log
// line, works out the change log, and hands the whole batch to etl/load to
// write in one transaction. It does not parse, validate or write by itself;
// it calls the stages that do.
package ingest
