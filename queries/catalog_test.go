package queries

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseCatalog(t *testing.T) {
	fsys := fstest.MapFS{
		"schema.sql": {Data: []byte("CREATE TABLE t (x INTEGER);")},
		"base.sql":   {Data: []byte("-- name: base\n-- description: the base\nSELECT 1 AS x;\n")},
		"mid.sql":    {Data: []byte("-- name: mid\n-- description: uses base\n-- uses: base\n-- filter: agency\nWITH y AS (SELECT x + 1 AS x FROM base) SELECT * FROM y")},
		"badfil.sql": {Data: []byte("-- name: badfil\n-- description: filter on what?\n-- filter: year\nSELECT 1")},
		"top.sql":    {Data: []byte("-- name: top\n-- description: uses mid\n-- uses: mid\n-- cache: no\n-- a comment\nSELECT x FROM mid")},
		"loop_a.sql": {Data: []byte("-- name: loop_a\n-- description: a\n-- uses: loop_b\nSELECT 1")},
		"loop_b.sql": {Data: []byte("-- name: loop_b\n-- description: b\n-- uses: loop_a\nSELECT 1")},
		"lost.sql":   {Data: []byte("-- name: lost\n-- description: uses nothing known\n-- uses: nowhere\nSELECT 1")},
		"Bad.sql":    {Data: []byte("-- name: Bad\n-- description: upper case\nSELECT 1")},
		"nodesc.sql": {Data: []byte("-- name: nodesc\nSELECT 1")},
	}
	got, srcs, err := parseCatalog(fsys)
	if err == nil {
		t.Fatalf("parseCatalog = nil error, want errors for the cycle, the unknown use and the bad headers")
	}
	for _, want := range []string{"cycle", "unknown query \"nowhere\"", "Bad.sql", "nodesc.sql", "badfil.sql"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("parseCatalog error %q lacks %q", err, want)
		}
	}
	for _, name := range []string{"base", "mid", "top"} {
		if _, ok := got[name]; !ok {
			t.Errorf("parseCatalog lost the good query %q", name)
		}
	}
	if _, ok := got["schema"]; ok {
		t.Errorf("schema.sql parsed as a named query")
	}
	tests := []struct {
		name string
		want []string // fragments in order
	}{
		{"base", []string{"SELECT 1 AS x"}},
		// base comes first as a CTE; mid's own WITH continues the list.
		{"mid", []string{"WITH base AS (", "SELECT 1 AS x", "),\ny AS (SELECT x + 1"}},
		{"top", []string{"-- name: top", "WITH base AS (", "mid AS (", "y AS (SELECT", "SELECT x FROM mid"}},
	}
	for _, tt := range tests {
		text := got[tt.name].SQL
		at := 0
		for _, frag := range tt.want {
			i := strings.Index(text[at:], frag)
			if i < 0 {
				t.Errorf("Get(%s).SQL lacks %q after offset %d:\n%s", tt.name, frag, at, text)
				break
			}
			at += i + len(frag)
		}
	}
	if !srcs["top"].noCache || srcs["mid"].noCache {
		t.Errorf("cache headers: top.noCache = %v, mid.noCache = %v; want true, false", srcs["top"].noCache, srcs["mid"].noCache)
	}
	if !srcs["mid"].pushAgency || srcs["top"].pushAgency {
		t.Errorf("filter headers: mid.pushAgency = %v, top.pushAgency = %v; want true, false", srcs["mid"].pushAgency, srcs["top"].pushAgency)
	}
}

func TestPushFilter(t *testing.T) {
	text := "SELECT * FROM r WHERE " + agencyPlaceholder + " AND x IN (SELECT x FROM s WHERE " + agencyPlaceholder + ")"
	got, args := pushFilter(text, []string{"甲", "乙"})
	want := "SELECT * FROM r WHERE agency IN (?, ?) AND x IN (SELECT x FROM s WHERE agency IN (?, ?))"
	if got != want {
		t.Errorf("pushFilter text = %q, want %q", got, want)
	}
	if len(args) != 4 || args[0] != "甲" || args[1] != "乙" || args[2] != "甲" || args[3] != "乙" {
		t.Errorf("pushFilter args = %v, want [甲 乙 甲 乙]", args)
	}
	if got, args := pushFilter("SELECT 1", []string{"甲"}); got != "SELECT 1" || args != nil {
		t.Errorf("pushFilter without placeholder = %q, %v; want the text unchanged and no args", got, args)
	}
}

func TestEmbeddedCatalogParses(t *testing.T) {
	if _, err := loadCatalog(); err != nil {
		t.Fatalf("embedded named queries: %v", err)
	}
}
