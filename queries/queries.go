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
