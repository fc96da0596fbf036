package queries_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/queries"
)

// BenchmarkNamedQueries times every named query on a synthetic database of
// XXGK_BENCH_REPORTS reports (default 100,000): the whole result computed
// in DuckDB from the text (direct) and from the fresh cache (cached), Run
// filtered to the agency of BenchAgency (filtered) and Run unfiltered
// (full) with a fresh cache, and the refresh of every query's cache after
// an ingest (refresh_all). Run with
//
//	go test ./queries -run '^$' -bench NamedQueries -benchtime 3x
func BenchmarkNamedQueries(b *testing.B) {
	n := 100_000
	if s := os.Getenv("XXGK_BENCH_REPORTS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			b.Fatalf("XXGK_BENCH_REPORTS=%q: %v", s, err)
		}
		n = v
	}
	ctx := context.Background()
	st, err := load.Open(ctx, filepath.Join(b.TempDir(), "bench.duckdb"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := queries.BenchFill(ctx, st.DB(), n); err != nil {
		b.Fatal(err)
	}
	agency, err := queries.BenchAgency(ctx, st.DB())
	if err != nil {
		b.Fatal(err)
	}
	b.Run("refresh_all", func(b *testing.B) {
		for b.Loop() {
			if _, err := queries.BenchRefresh(ctx, st.DB()); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, q := range queries.List() {
		b.Run(q.Name, func(b *testing.B) {
			var t queries.Timing
			for b.Loop() {
				if t, err = queries.BenchQuery(ctx, st.DB(), q.Name, agency); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(t.Direct.Microseconds())/1000, "direct-ms")
			b.ReportMetric(float64(t.Cached.Microseconds())/1000, "cached-ms")
			b.ReportMetric(float64(t.Filtered.Microseconds())/1000, "filtered-ms")
			b.ReportMetric(float64(t.Full.Microseconds())/1000, "full-ms")
			b.ReportMetric(float64(t.Rows), "rows")
		})
	}
	fmt.Fprintln(os.Stderr, "synthetic reports:", n)
}
