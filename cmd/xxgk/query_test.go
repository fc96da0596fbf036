package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/queries"
)

func TestQueryCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.duckdb")
	st, err := load.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	tests := []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"list", []string{"query", "--list"}, exitOK, "harmonised\t"},
		{"crosswalk as table", []string{"query", "crosswalk", "--db", db}, exitOK, "granted.total + reply.already_public"},
		{"csv header of an empty result", []string{"query", "yoy", "--db", db, "--format", "csv", "--year", "2020"}, exitOK, "agency,period,metric,year,value"},
		{"flags before the name", []string{"query", "--format", "csv", "--db", db, "coverage"}, exitOK, "agency,"},
		{"csv with the byte-order mark", []string{"query", "crosswalk", "--db", db, "--format", "csv", "--bom"}, exitOK, "\ufeffmetric,label,"},
		{"a byte-order mark is for csv only", []string{"query", "crosswalk", "--db", db, "--bom"}, exitFatal, ""},
		{"unknown query", []string{"query", "nope", "--db", db}, exitFatal, ""},
		{"unknown format", []string{"query", "yoy", "--db", db, "--format", "xml"}, exitFatal, ""},
		{"bad year", []string{"query", "yoy", "--db", db, "--year", "20x"}, exitFatal, ""},
		{"no name", []string{"query", "--db", db}, exitFatal, ""},
		{"missing database", []string{"query", "yoy", "--db", filepath.Join(t.TempDir(), "none.duckdb")}, exitFatal, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, tt.args...)
			if code != tt.code {
				t.Fatalf("xxgk %v = exit %d, want %d; stderr: %s", tt.args, code, tt.code, errOut)
			}
			if !strings.Contains(out, tt.contains) {
				t.Errorf("xxgk %v output lacks %q:\n%s", tt.args, tt.contains, out)
			}
		})
	}
	// Every named query is listed, name first.
	_, out, _ := run(t, "query", "--list")
	for _, q := range queries.List() {
		if !strings.Contains(out, q.Name+"\t"+q.Description+"\n") {
			t.Errorf("--list lacks %q", q.Name)
		}
	}
	// Without --bom, no byte-order mark.
	if _, out, _ := run(t, "query", "crosswalk", "--db", db, "--format", "csv"); !strings.HasPrefix(out, "metric,") {
		t.Errorf("csv without --bom starts %q", out[:min(len(out), 12)])
	}
	// JSON is an array of objects keyed by column.
	_, out, _ = run(t, "query", "crosswalk", "--db", db, "--format", "json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) == 0 {
		t.Fatalf("crosswalk --format json: %v (%d rows)", err, len(rows))
	}
	if _, ok := rows[0]["legacy_source"]; !ok {
		t.Errorf("crosswalk json row lacks legacy_source: %v", rows[0])
	}
}
