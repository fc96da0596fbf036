// Package ingest is the scheduled job's engine: it walks the inputs, decides
// per file whether anything changed, reads and extracts only new content on
// a worker pool with per-file limits, turns every bad file into one error
// row and one log line, works out the change log, and hands the whole batch
// to etl/load to write in one transaction. It does not parse, validate or
// write by itself; it calls the stages that do.
//
// Change detection: a report's identity is the SHA-256 of its bytes. The
// files table remembers size, mtime and hash per path. A file whose size
// and mtime match is skipped unread only when that mtime is more than two
// seconds older than the start of the run that recorded it: a write landing
// in the same clock tick as that run's read cannot hide behind an unchanged
// mtime. Every other file is hashed; an unchanged hash is skipped unparsed
// (a touched file), a hash already stored is linked without parsing (a copy
// or a revert), and only new content is read and extracted.
//
// Limits (read.Limits, flags --max-size, --max-decompressed, --timeout):
// an over-size file is refused before a byte is read; a reader or parser
// running past the timeout is abandoned and the file reported.
package ingest
