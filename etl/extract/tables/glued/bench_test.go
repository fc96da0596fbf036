package glued

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/table"
)

// BenchmarkNoGlue is what a report without glued tables pays: Read's look
// at every token, and Row's at every line (as prose calls it per sentence),
// over the example reports. One op is one report.
func BenchmarkNoGlue(b *testing.B) {
	paths, _ := filepath.Glob("../../../../examples/reports/*.txt")
	if len(paths) == 0 {
		b.Skip("no example reports")
	}
	type doc struct {
		t     *normalize.Text
		toks  []table.Token
		lines []string
	}
	var docs []doc
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		nt := normalize.New(string(raw))
		docs = append(docs, doc{nt, table.TextTokens(nt), strings.Split(nt.Norm, "\n")})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		Read(d.t, d.toks, "", nil)
		for _, l := range d.lines {
			Row(l)
		}
	}
}

// BenchmarkGlued reads a 2021 report whose three tables are glued.
func BenchmarkGlued(b *testing.B) {
	raw, err := os.ReadFile("testdata/glued2021_rows.txt")
	if err != nil {
		b.Fatal(err)
	}
	nt := normalize.New(string(raw))
	toks := table.TextTokens(nt)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Read(nt, toks, "", nil)
	}
}
