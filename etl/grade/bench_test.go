package grade

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xxgk/xxgk/etl/detect"
	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/read"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/synth"
)

// BenchmarkOf times Of on a small generated corpus and the example
// reports, normalised and identified beforehand: the cost grading adds to
// extraction.
func BenchmarkOf(b *testing.B) {
	dir := b.TempDir()
	if _, err := synth.Write(context.Background(), synth.Config{Agencies: 10, From: 2014, To: 2023, Seed: 5, HTML: true}, dir); err != nil {
		b.Fatal(err)
	}
	gen, _ := filepath.Glob(filepath.Join(dir, "a*"))
	real, _ := filepath.Glob("../../examples/reports/*.txt")
	type doc struct {
		t  *normalize.Text
		id report.Identity
	}
	var docs []doc
	var size int64
	for _, p := range append(gen, real...) {
		if filepath.Ext(p) == ".json" {
			continue
		}
		d, err := read.File(context.Background(), p, read.DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		t := normalize.New(d.Text)
		id, err := detect.Identify(t)
		if err != nil {
			continue
		}
		docs = append(docs, doc{t, id})
		size += int64(len(d.Text))
	}
	if len(docs) == 0 {
		b.Skip("no reports")
	}
	b.SetBytes(size / int64(len(docs)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		Of(d.t, d.id)
	}
}
