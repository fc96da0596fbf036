// Package report holds the domain types every stage shares: Document (what a
// reader got out of a file), Report, Metric, Provenance, Check, and the metric
// keys of the exchange format. It does no parsing and no I/O.
package report
