package validate

import "github.com/xxgk/xxgk/etl/report"

// STUB: replaced by the checks work (issue 3). The API is the contract.

// Report evaluates the within-report identities. metrics are the stored
// figures; prose are the figures read from sentences, including those a
// table also gave (for the prose-against-table check).
func Report(form report.Form, metrics, prose []report.Metric) []report.Check { return nil }
