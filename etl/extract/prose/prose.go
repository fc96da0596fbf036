package prose

import (
	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
)

// STUB: replaced by the prose work (issue 4). The API is the contract.

// Extract reads the figures a report states in sentences.
func Extract(t *normalize.Text, id report.Identity) []report.Metric { return nil }
