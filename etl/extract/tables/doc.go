// Package tables reads the standard statistical tables of a report, cell by
// cell, and recognises the form they follow. It is the dispatcher: it cuts the
// normalised text into cells once (etl/table) and hands them to the reader of
// each table family, national (the 2019 and 2021 forms) and legacy (the
// pre-2019 统计表), then maps their cells onto metrics with provenance.
//
// It reads no prose (etl/extract/prose does) and checks no identities
// (etl/validate does). Blank cells are returned as metrics of an empty kind,
// never as zero. A cell a reader saw but could not place with certainty
// (its row's figures do not fit the columns, two readings fit) is not a
// metric: it is returned in Result.Ambiguous with the reason. Each metric's
// provenance names the mechanism that read it (Provenance.Rule: the layout
// of its line, "table.pipe", "table.gaps", "table.cells", "table.spaced",
// or "table.flattened").
package tables
