package tables

import (
	"sync"

	"github.com/xxgk/xxgk/etl/extract/tables/glued"
	"github.com/xxgk/xxgk/etl/extract/tables/legacy"
	"github.com/xxgk/xxgk/etl/extract/tables/national"
	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/table"
)

// Result is what the table extractor found.
type Result struct {
	Form    report.Form     // the form recognised from the tables; "" when none
	Metrics []report.Metric // every cell, numeric or blank, with provenance
	// Ambiguous lists the cells the readers saw and did not place, and why:
	// blank stays blank when the text fits two readings (a row whose
	// figures do not fit its columns, glued runs that split more than one
	// way or none).
	Ambiguous []report.Ambiguity `json:",omitempty"`
}

// scratch is the working storage of one Extract: a report's tokens and
// national cells are tens of kilobytes, allocated and scanned by the
// collector for each report unless they are reused.
type scratch struct {
	toks  []table.Token
	cells []table.Cell
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooled bounds the tokens a pooled slice may hold, so one huge report
// does not keep its storage alive for the rest of a run.
const maxPooled = 1 << 14

// proseRoom is the spare capacity left in Result.Metrics: a report with
// tables states a few dozen figures in its prose.
const proseRoom = 48

// Extract reads the standard tables of a report. Each reader looks for its
// own tables; the one that placed more cells names the form, and a tie goes
// to the national tables (a 2019+ report quoting a few old indicators is
// still a 2019+ report). A stray cell one reader happens to match cannot
// outvote a whole table of the other.
func Extract(t *normalize.Text) Result {
	sc := scratchPool.Get().(*scratch)
	toks := table.TextTokensInto(sc.toks, t)
	n := national.ReadInto(sc.cells, t, toks)
	defer func() {
		// Nothing returned points into the scratch: the metrics copy what
		// they need. Clearing drops this report's strings before reuse.
		clear(toks)
		clear(n.Cells)
		if cap(toks) <= maxPooled {
			sc.toks = toks[:0]
			if n.Cells != nil { // nil when no cell was placed: the buffer is unused
				sc.cells = n.Cells[:0]
			}
			scratchPool.Put(sc)
		}
	}()
	var l legacy.Result
	if len(n.Cells) <= legacy.MaxCells {
		l = legacy.Read(t, toks) // it could not outvote more
	}
	cells, form, amb := n.Cells, n.Form, n.Ambiguous
	if len(l.Cells) > len(n.Cells) {
		cells, form, amb = l.Cells, report.FormLegacy, l.Ambiguous
	}
	if len(cells) == 0 {
		amb = append(n.Ambiguous, l.Ambiguous...)
	}
	// Tables whose cells lost their separators fill what the cell readers
	// could not read; most reports have none and cost one look at each token.
	g := glued.Read(t, toks, form, cells)
	if form == "" {
		form = g.Form
	}
	amb = append(amb, g.Ambiguous...)
	if len(cells) == 0 && len(g.Metrics) == 0 {
		return Result{Form: form, Ambiguous: amb}
	}
	// Room for the figures the prose gives too, which the dispatcher
	// appends here (extract.Merge) rather than copying both into a new slice.
	out := Result{Form: form, Metrics: make([]report.Metric, 0, len(cells)+len(g.Metrics)+proseRoom), Ambiguous: amb}
	for _, c := range cells {
		out.Metrics = append(out.Metrics, c.Metric(t))
	}
	out.Metrics = append(out.Metrics, g.Metrics...)
	return out
}
