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
// The query stage times the cold refresh of the query cache, each named
// query for one agency as `xxgk query NAME --agency A` (the way the site,
// the workbooks and people ask), and each whole result inside DuckDB; see
// the queries method for what each figure is.
//
// Usage:
//
//	go run ./cmd/xxgkbench --xxgk bin/xxgk [--scale 1] [--out out/bench.txt]
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
package main
