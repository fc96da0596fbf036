// Package tables reads the standard statistical tables of a report, cell by
// cell, and recognises the form they follow. It is the dispatcher: it cuts the
// normalised text into cells once (etl/table) and hands them to the reader of
// each table family, national (the 2019 and 2021 forms) and legacy (the
// pre-2019 统计表), then maps their cells onto metrics with provenance.
//
// It reads no prose (etl/extract/prose does) and checks no identities
// (etl/validate does). Blank cells are returned as metrics of an empty kind,
// never as zero.
package tables
