package tables

import (
	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
)

// STUB: replaced by the table work (issue 3). The API is the contract.

// Result is what the table extractor found.
type Result struct {
	Form    report.Form     // the form recognised from the tables; "" when none
	Metrics []report.Metric // every cell, numeric or blank, with provenance
}

// Extract reads the standard tables of a report.
func Extract(t *normalize.Text) Result { return Result{} }
