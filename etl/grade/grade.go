package grade

import (
	_ "embed"
	"strings"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
)

// Version names the fingerprint scheme; it changes whenever a change here
// changes the hashes, so facts of different versions are never compared.
const Version = "1"

// Of computes the facts of a normalised report text whose identity is id.
func Of(t *normalize.Text, id report.Identity) *report.Facts {
	// About one content sentence per 150 bytes of a report's text.
	s := scanner{norm: t.Norm, names: namesOf(id), out: make([]report.Sentence, 0, len(t.Norm)/150+4)}
	s.scan()
	f := &report.Facts{Version: Version, Parts: s.parts, SubParts: s.subParts}
	if len(s.out) > 0 {
		f.Sentences = s.out
		for i := range f.Sentences {
			f.Sentences[i].Start, f.Sentences[i].End = t.OrigSpan(f.Sentences[i].Start, f.Sentences[i].End)
		}
	}
	f.MinHash = MinHash(f.Sentences)
	return f
}

//go:embed boilerplate.txt
var boilerplateTxt string

// boilerplate holds the bare hashes of the national forms' fixed lines
// (boilerplate.txt). Filled by init: the scanner that hashes the lines
// also reads the table.
var boilerplate map[uint64]bool

func init() {
	boilerplate = map[uint64]bool{}
	for _, line := range strings.Split(boilerplateTxt, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		_, bare, _ := keyOf(normalize.New(line).Norm)
		boilerplate[bare] = true
		// A statistics table prints a unit column after the label
		// (条, 件, 人, 万元): the row with its unit is the same row.
		for _, unit := range units {
			h := bare
			for _, r := range unit {
				h = (h ^ uint64(r)) * fnvPrime
			}
			boilerplate[h] = true
		}
	}
}

// units are the units a statistics table prints in a column of its own.
var units = []string{"条", "件", "人", "次", "个", "篇", "项", "期", "元", "万元", "人次", "件次"}

// keyOf hashes one normalised line as the scanner hashes a sentence: its
// full and bare hashes and its count of Han characters. For the
// boilerplate table and tests.
func keyOf(line string) (full, bare uint64, han int) {
	s := scanner{norm: line, keepAll: true}
	s.scan()
	return s.lastFull, s.lastBare, s.lastHan
}
