// Package ingest is the scheduled job's engine: it walks the inputs, decides
// per file whether anything changed, reads and extracts only new content on
// a worker pool with per-file limits, turns every bad file into one error
// row and one log line, works out the change log, and hands the result to
// etl/load to write, one chunk of files per transaction. It does not parse,
// validate or write by itself; it calls the stages that do.
//
// Chunks (Options.Batch, flag --batch, key batch of xxgk.toml; default
// 2,000 files): the paths, in order, are cut into chunks. The workers read
// one chunk while the writer commits the one before, and a chunk's parsed
// reports are dropped once it is committed, so memory holds about two
// chunks however large the corpus. Each chunk's transaction holds its
// reports, metrics, checks, files rows, errors, change log, the cross-year
// checks of the agencies it touched (recomputed against what earlier chunks
// and runs stored) and the run's counts so far. The runs row is written
// first with no finish time and finished by the last transaction, which
// also records the paths gone from the inputs.
//
// Crash safety: a kill -9 leaves the database as it was before a chunk or
// after it, never in between. A run killed between chunks leaves the
// chunks it committed and its runs row unfinished (`xxgk status` marks it
// UNFINISHED, with the counts of those chunks); the next run skips what was
// committed as unchanged and stores the rest.
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
// Limits (read.Limits, flags --max-size, --max-decompressed, --max-text,
// --max-rows, --max-cells, --max-nodes, --timeout): an over-size file is
// refused before a byte is read; the timeout covers a path from its first
// stat to the end of its extraction, and a path that overruns it is
// abandoned and reported. A folder the walk cannot list is one error row;
// the files known under it are not marked removed.
//
// Open errors: the summary counts the errors still open under the inputs
// (files whose latest content failed and have not changed since), so the
// job keeps failing (exit 1) until they are fixed.
package ingest
