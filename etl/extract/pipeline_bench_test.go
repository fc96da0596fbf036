package extract

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/read"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/synth"
)

// benchPaths returns the reports a pipeline benchmark runs over: an even
// sample of at most 400 files of the corpus named by XXGK_BENCH_CORPUS (a
// directory written by `xxgk gen`), or else a small generated corpus, plus
// the real example reports, so both generated and real layouts are timed.
func benchPaths(b *testing.B) []string {
	b.Helper()
	dir := os.Getenv("XXGK_BENCH_CORPUS")
	if dir == "" {
		dir = b.TempDir()
		cfg := synth.Config{Agencies: 20, From: 2014, To: 2023, Seed: 5, HTML: true}
		if _, err := synth.Write(context.Background(), cfg, dir); err != nil {
			b.Fatal(err)
		}
	}
	var gen []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".json") {
			gen = append(gen, p)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	sort.Strings(gen)
	const most = 400
	if step := len(gen)/most + 1; step > 1 {
		var s []string
		for i := 0; i < len(gen); i += step {
			s = append(s, gen[i])
		}
		gen = s
	}
	real, err := filepath.Glob(filepath.Join(samples, "*.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return append(gen, real...)
}

// BenchmarkDocument times extraction alone (normalise, identify, tables,
// prose, merge, checks) over documents read beforehand; one op is one
// report, so ns/op is the CPU cost per report on an idle core.
func BenchmarkDocument(b *testing.B) {
	var docs []*report.Document
	var size int64
	for _, p := range benchPaths(b) {
		doc, err := read.File(context.Background(), p, read.DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
		size += doc.Size
	}
	b.SetBytes(size / int64(len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Document(docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPipeline times the whole per-report pipeline, reading the file
// included, as `xxgk extract` runs it (without the JSON output).
func BenchmarkPipeline(b *testing.B) {
	paths := benchPaths(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc, err := read.File(context.Background(), paths[i%len(paths)], read.DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Document(doc); err != nil {
			b.Fatal(err)
		}
	}
}
