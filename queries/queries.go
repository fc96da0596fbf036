// Package queries holds every SQL statement of xxgk as embedded .sql files:
// the schema, and the named queries that `xxgk query`, the chart pages and
// the workbooks run. A named query file starts with a `-- name:` line and a
// one-line `-- description:`.
package queries

import (
	"embed"
	"fmt"
)

//go:embed *.sql
var files embed.FS

// Schema returns the schema script (version 1).
func Schema() string {
	b, err := files.ReadFile("schema.sql")
	if err != nil {
		panic(fmt.Sprintf("embedded schema.sql missing: %v", err)) // a build defect, not input
	}
	return string(b)
}

// Query is one named query: a SELECT whose file starts with
// `-- name: NAME` and `-- description: ...`.
type Query struct {
	Name        string
	Description string
	SQL         string
}

// Filter narrows a named query's result to some agencies and years. A
// filter applies only when the result has an `agency` or `year` column.
type Filter struct {
	Agencies []string
	Years    []int
}

// Result is a query's answer: column names and rows of driver values.
type Result struct {
	Columns []string
	Rows    [][]any
}

// STUB: List, Get and Run are replaced by the analysis work (issue 6); the
// signatures are the contract the chart pages and workbooks code against.

// List returns every named query, sorted by name.
func List() []Query { return nil }

// Get returns the named query.
func Get(name string) (Query, bool) { return Query{}, false }
