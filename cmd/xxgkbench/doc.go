// Command xxgkbench measures how fast xxgk is at national scale and prints
// one table (also written to --out): generation, extraction on one core and
// on all cores, ingest into DuckDB, the latency of every named query, and the
// site and workbook build, each with its peak memory and its target.
//
// Every stage runs the real xxgk binary as a child process on a generated
// corpus (`xxgk gen`), so the figures include process start-up, reading the
// files and writing the outputs, as a user would see them. Peak RSS is the
// child's own high-water mark (VmHWM, polled from /proc; ru_maxrss where
// /proc is missing, which on Linux also counts the bench's own memory).
//
// The accuracy stage scores the one-core extraction against the generated
// labels and, for the glued tables the generator writes (cells without
// separators, issue 12), reports the recovery rate of the cells the text
// determines (target 1, with no wrong cell) and the ambiguity rate, the
// share of glued cells the text does not determine, every one of which
// must be reported as ambiguous.
//
// The query stage times the cold refresh of the query cache, each named
// query for one agency as `xxgk query NAME --agency A` (the way the site,
// the workbooks and people ask), and each whole result inside DuckDB; see
// the queries method for what each figure is.
//
// After the build, the workbooks are built again in process into a fresh
// folder (so none is reused), timing the comparison workbook alone and all
// workbooks together against their own targets (≤ 10 s and ≤ 30 s at 3,000
// agencies × 10 years).
//
// Usage:
//
//	go run ./cmd/xxgkbench --xxgk bin/xxgk [--scale 1] [--out out/bench.txt]
//
// The soak stage kills `xxgk run` with SIGKILL 20 times at random moments
// of its ingest and its build on a corpus of 100 agencies × 10 years (at
// scale 1), reruns it, and checks that the database and the outputs equal
// a clean run's and that no temporary is left (--only soak runs it alone).
//
// --scale 0.1 runs everything on a tenth of the corpus (10,000 reports for
// ingest and queries, 300 agencies × 10 years for the build); targets are
// defined at scale 1, so a reduced run only indicates them.
//
// The copies stage generates copied reports (`xxgk gen --copies`),
// ingests them and counts how many the similarity query finds and how many
// genuine reports it flags; it then stores 100,000 × scale reports'
// fingerprints (no texts) and times the similarity query on them. --only
// copies runs just that stage; --similarity-reports N sets the size.
//
// --query-reports 100000 times the queries on a synthetic database of that
// many reports (queries.BenchFill, kept in --work) instead of the ingested
// corpus, and --only queries runs just that stage:
//
//	go run ./cmd/xxgkbench --xxgk bin/xxgk --only queries --query-reports 100000
//
// The export stage times `xxgk export --format csv,parquet` (what the build
// writes to out/data/) on the build's database (`--format xlsx` writes the
// workbooks, which the workbook stages time); --only
// export runs it alone, generating and ingesting the build corpus when no
// earlier run left it:
//
//	go run ./cmd/xxgkbench --xxgk bin/xxgk --only export --scale 0.05
package main
