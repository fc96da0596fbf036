// Package store holds the SQL that etl/load runs to keep the database: the
// schema migrations after version 1 (queries/schema.sql) and the statements
// of incremental ingest, the change log and `xxgk status`. It holds no Go
// logic beyond finding the embedded files; named queries for charts and
// workbooks live in the parent package.
package store

import (
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

//go:embed *.sql
var files embed.FS

// SQL returns the statement file name (without .sql). A missing file is a
// build defect, not an input problem, so it panics.
func SQL(name string) string {
	b, err := files.ReadFile(name + ".sql")
	if err != nil {
		panic(fmt.Sprintf("embedded statement %s.sql missing: %v", name, err))
	}
	return string(b)
}

// Migration is one numbered schema change after version 1.
type Migration struct {
	Version int
	SQL     string
}

// Migrations returns the files migrate_NNN.sql in version order. Version 1
// is queries/schema.sql itself.
func Migrations() []Migration {
	ents, err := files.ReadDir(".")
	if err != nil {
		panic(fmt.Sprintf("embedded statements unreadable: %v", err))
	}
	var out []Migration
	for _, e := range ents {
		name := e.Name()
		num, ok := strings.CutPrefix(strings.TrimSuffix(name, ".sql"), "migrate_")
		if !ok {
			continue
		}
		v, err := strconv.Atoi(num)
		if err != nil {
			panic(fmt.Sprintf("migration file %s: version is not a number", name))
		}
		out = append(out, Migration{Version: v, SQL: SQL(strings.TrimSuffix(name, ".sql"))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out
}
