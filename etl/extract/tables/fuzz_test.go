package tables

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xxgk/xxgk/etl/normalize"
)

// FuzzExtract feeds arbitrary text to the whole table extractor: it must
// not panic, and every metric must quote the original text at its offsets.
func FuzzExtract(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.txt")
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("| 一、本年新收政府信息公开申请数量 | 1 |\n| 自然人 |")
	f.Add("行政复议\n未经复议直接起诉\n复议后起诉\n1\n")
	f.Fuzz(func(t *testing.T, s string) {
		nt := normalize.New(s)
		for _, m := range Extract(nt).Metrics {
			p := m.Prov
			if p.Start < 0 || p.End > len(nt.Orig) || p.Start > p.End || nt.Orig[p.Start:p.End] != p.Text {
				t.Fatalf("%s: provenance %q at [%d,%d) does not quote the original", m.Key, p.Text, p.Start, p.End)
			}
		}
	})
}
