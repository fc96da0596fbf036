package extract

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/detect"
	"github.com/xxgk/xxgk/etl/extract/prose"
	"github.com/xxgk/xxgk/etl/extract/tables"
	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/read"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/synth"
	"github.com/xxgk/xxgk/etl/validate"
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

// BenchmarkStages times each stage of Document on its own over the same
// reports, each stage given the previous stages' output computed beforehand,
// so the cost of each stage per report can be read off ns/op. Keeping every
// prepared report alive makes each garbage collection scan more than the
// pipeline's own heap, so stages that allocate read dearer than in
// BenchmarkDocument; its CPU profile gives the shares.
func BenchmarkStages(b *testing.B) {
	type prepared struct {
		doc  *report.Document
		text *normalize.Text
		id   report.Identity
		tab  tables.Result
		form report.Form
		pm   []report.Metric
		ms   []report.Metric
	}
	var ps []prepared
	for _, p := range benchPaths(b) {
		doc, err := read.File(context.Background(), p, read.DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		t := normalize.New(doc.Text)
		id, err := detect.Identify(t)
		if err != nil {
			continue
		}
		tab := tables.Extract(t)
		form := tab.Form
		if form == "" {
			form = detect.Form(t.Norm)
		}
		pm, _ := prose.Extract(t, id)
		r := &report.Report{Metrics: Merge(withRoom(tab.Metrics), pm)}
		ps = append(ps, prepared{doc, t, id, tab, form, pm, r.Metrics})
	}
	stages := []struct {
		name string
		run  func(p *prepared)
	}{
		{"normalize", func(p *prepared) { normalize.New(p.doc.Text) }},
		{"identify", func(p *prepared) { _, _ = detect.Identify(p.text) }},
		{"tables", func(p *prepared) { tables.Extract(p.text) }},
		{"form", func(p *prepared) {
			if p.tab.Form == "" {
				detect.Form(p.text.Norm)
			}
		}},
		{"prose", func(p *prepared) { prose.Extract(p.text, p.id) }},
		// Merge works in the table metrics' storage, so it is given a copy
		// (the copy is timed too).
		{"merge", func(p *prepared) { Merge(withRoom(p.tab.Metrics), p.pm) }},
		{"validate", func(p *prepared) { validate.Report(p.form, p.ms, p.pm) }},
	}
	for _, s := range stages {
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				s.run(&ps[i%len(ps)])
			}
		})
	}
}

// withRoom copies ms with the same spare capacity, for Merge to consume.
func withRoom(ms []report.Metric) []report.Metric {
	return append(make([]report.Metric, 0, cap(ms)), ms...)
}
