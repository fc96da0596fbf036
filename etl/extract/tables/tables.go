package tables

import (
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
}

// Extract reads the standard tables of a report. The national tables win
// over a legacy table: a report with both is a 2019+ report quoting old
// figures, which the legacy reader would misfile.
func Extract(t *normalize.Text) Result {
	toks := table.TextTokens(t)
	var cells []table.Cell
	var form report.Form
	if n := national.Read(t, toks); len(n.Cells) > 0 {
		cells, form = n.Cells, n.Form
	} else if l := legacy.Read(t, toks); len(l) > 0 {
		cells, form = l, report.FormLegacy
	}
	if len(cells) == 0 {
		return Result{}
	}
	out := Result{Form: form, Metrics: make([]report.Metric, 0, len(cells))}
	for _, c := range cells {
		out.Metrics = append(out.Metrics, c.Metric(t))
	}
	return out
}
