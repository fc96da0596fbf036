package queries_test

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// required lists the named queries other stages read, with the columns they
// code against: a query may add columns, never drop or rename these.
var required = map[string][]string{
	"harmonised": {"agency", "agency_kind", "level", "province", "city", "year", "period", "metric", "value",
		"mapped", "approx", "form", "report_id", "source_keys"},
	"crosswalk": {"metric", "modern_source", "legacy_source", "confidence", "note"},
	"yoy": {"agency", "period", "metric", "year", "value", "prev_year", "prev_value", "abs_change", "pct_change",
		"gap", "first_year", "first_value", "span_years", "cagr"},
	"rates": {"scope", "agency", "agency_kind", "level", "year", "period", "rate", "numerator", "denominator", "value"},
	"peers": {"agency", "agency_kind", "level", "peer_group", "year", "metric", "value", "rank", "peer_rank",
		"peer_n", "peer_median", "percentile", "outlier"},
	"quality":  {"agency", "year", "report_id", "path", "kind", "rule", "scope", "expected", "actual", "detail"},
	"coverage": {"agency", "year", "period", "form", "n_reports", "n_figures"},
	"trust": {"agency", "year", "period", "checks_total", "checks_pass", "checks_fail", "checks_na",
		"pass_share", "blank_share", "trust_score"},
	"sources": {"agency", "year", "period", "key", "value", "kind", "approx", "source", "tbl", "row_label",
		"col_label", "provenance", "rule", "path", "report_id"},
	"failed_checks": {"agency", "year", "report_id", "path", "rule", "scope", "expected", "actual", "detail"},
	"conflicts":     {"agency", "year", "period", "report_id", "path", "published", "n_figures", "preferred"},
}

func TestCatalog(t *testing.T) {
	names := map[string]bool{}
	for _, q := range queries.List() {
		names[q.Name] = true
		if q.Description == "" || strings.Contains(q.Description, "\n") {
			t.Errorf("query %s: description %q, want one non-empty line", q.Name, q.Description)
		}
		if got, ok := queries.Get(q.Name); !ok || got.SQL != q.SQL {
			t.Errorf("Get(%q) differs from List", q.Name)
		}
	}
	for name := range required {
		if !names[name] {
			t.Errorf("named query %q missing", name)
		}
	}
	if _, ok := queries.Get("schema"); ok {
		t.Errorf("Get(schema) found a named query; the schema is not one")
	}
}

// TestGolden runs every named query on the fixture and compares the table
// output with testdata/NAME.golden. The expected values were worked out
// by hand from the figures in fixture_test.go (see TestHandComputed for the
// ones that matter most); refresh with -update and review the diff.
func TestGolden(t *testing.T) {
	st := openFixture(t)
	ctx := context.Background()
	for _, q := range queries.List() {
		t.Run(q.Name, func(t *testing.T) {
			res, err := queries.Run(ctx, st.DB(), q.Name, queries.Filter{})
			if err != nil {
				t.Fatalf("Run(%s): %v", q.Name, err)
			}
			for _, c := range required[q.Name] {
				if !slices.Contains(res.Columns, c) {
					t.Errorf("Run(%s) columns = %v, missing %q", q.Name, res.Columns, c)
				}
			}
			var got bytes.Buffer
			if err := queries.WriteResult(&got, res, queries.FormatTable); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", q.Name+".golden")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update to create it): %v", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("Run(%s) differs from %s:\n%s", q.Name, golden, lineDiff(string(want), got.String()))
			}
		})
	}
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for _, l := range w {
		if !slices.Contains(g, l) {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}

// row finds the rows of res whose columns equal the given values.
func rows(res *queries.Result, match map[string]any) []map[string]any {
	var out []map[string]any
	for _, r := range res.Rows {
		m := map[string]any{}
		for i, c := range res.Columns {
			m[c] = r[i]
		}
		ok := true
		for k, v := range match {
			if queries.Text(m[k]) != queries.Text(v) {
				ok = false
			}
		}
		if ok {
			out = append(out, m)
		}
	}
	return out
}

// TestHandComputed checks the figures the fixture was built to exercise,
// each worked out by hand in fixture_test.go.
func TestHandComputed(t *testing.T) {
	st := openFixture(t)
	ctx := context.Background()
	results := map[string]*queries.Result{}
	get := func(name string) *queries.Result {
		if r, ok := results[name]; ok {
			return r
		}
		r, err := queries.Run(ctx, st.DB(), name, queries.Filter{})
		if err != nil {
			t.Fatalf("Run(%s): %v", name, err)
		}
		results[name] = r
		return r
	}
	tests := []struct {
		name   string
		query  string
		match  map[string]any
		column string
		want   any // nil: the column is NULL; absent: use n
		n      int // number of matching rows when want is not checked (-1: check want)
	}{
		{"legacy granted sums 同意公开 and 已主动公开", "harmonised", map[string]any{"agency": "甲市司法局", "year": 2017, "metric": "granted"}, "value", 25.0, -1},
		{"legacy figures are mapped", "harmonised", map[string]any{"agency": "甲市司法局", "year": 2017, "metric": "granted"}, "mapped", true, -1},
		{"2019-form figures are not mapped", "harmonised", map[string]any{"agency": "甲市司法局", "year": 2019, "metric": "granted"}, "mapped", false, -1},
		{"blank 已主动公开 falls back to 同意公开 alone", "harmonised", map[string]any{"agency": "甲市司法局", "year": 2018, "metric": "granted"}, "source_keys", "granted.total", -1},
		{"blank legacy denied total: its reasons are summed", "harmonised", map[string]any{"agency": "甲市司法局", "year": 2018, "metric": "denied"}, "value", 4.0, -1},
		{"a blank part leaves no sum (unavailable 2018)", "harmonised", map[string]any{"agency": "甲市司法局", "year": 2018, "metric": "unavailable"}, "", nil, 0},
		{"a blank part leaves no sum (other 乙 2022)", "harmonised", map[string]any{"agency": "乙市司法局", "year": 2022, "metric": "other"}, "", nil, 0},
		{"2021 other is the sum of its three rows", "harmonised", map[string]any{"agency": "甲市司法局", "year": 2021, "metric": "other"}, "value", 3.0, -1},
		{"denied sums the eight 2019 rows", "harmonised", map[string]any{"agency": "甲市司法局", "year": 2019, "metric": "denied"}, "value", 4.0, -1},
		{"the revised report is preferred", "harmonised", map[string]any{"agency": "甲市司法局", "year": 2021, "metric": "received"}, "value", 80.0, -1},
		{"a printed litigation total wins", "harmonised", map[string]any{"agency": "甲市司法局", "year": 2017, "metric": "litigation_total"}, "source_keys", "litigation.total", -1},
		{"litigation sums direct and after review", "harmonised", map[string]any{"agency": "甲市司法局", "year": 2019, "metric": "litigation_total"}, "value", 3.0, -1},
		{"approximate figure flagged", "harmonised", map[string]any{"agency": "丙县人民政府", "year": 2020, "period": "year", "metric": "proactive"}, "approx", true, -1},
		{"half-year kept apart", "harmonised", map[string]any{"agency": "丙县人民政府", "year": 2020, "period": "h1", "metric": "received"}, "value", 3.0, -1},

		{"yoy across a missing year is a gap", "yoy", map[string]any{"agency": "甲市司法局", "metric": "received", "year": 2021}, "gap", true, -1},
		{"yoy previous available year", "yoy", map[string]any{"agency": "甲市司法局", "metric": "received", "year": 2021}, "prev_year", int32(2019), -1},
		{"yoy change from 0 has no percentage", "yoy", map[string]any{"agency": "丙县人民政府", "period": "year", "metric": "received", "year": 2020}, "pct_change", nil, -1},
		{"yoy pct change", "yoy", map[string]any{"agency": "甲市司法局", "metric": "received", "year": 2018}, "pct_change", 0.25, -1},
		{"cagr over four years: (80/40)^(1/4) − 1", "yoy", map[string]any{"agency": "甲市司法局", "metric": "received", "year": 2021}, "cagr", 0.189207115003, -1},
		{"yoy half-year series has no previous annual value", "yoy", map[string]any{"agency": "丙县人民政府", "period": "h1", "metric": "received", "year": 2020}, "prev_year", nil, -1},

		{"grant rate (30+6)/53", "rates", map[string]any{"scope": "agency", "agency": "甲市司法局", "year": 2019, "rate": "grant_rate"}, "value", 36.0 / 53.0, -1},
		{"zero denominator gives NULL", "rates", map[string]any{"scope": "agency", "agency": "乙市司法局", "year": 2021, "rate": "grant_rate"}, "value", nil, -1},
		{"blank denominator gives NULL", "rates", map[string]any{"scope": "agency", "agency": "乙市司法局", "year": 2021, "rate": "review_correction_rate"}, "value", nil, -1},
		{"peer-group rate from summed counts: 1030/1159", "rates", map[string]any{"scope": "peer_group", "peer_group": "city·司法局", "year": 2021, "rate": "grant_rate"}, "value", 1030.0 / 1159.0, -1},
		{"denial rate only over agencies that print denials: 3/69", "rates", map[string]any{"scope": "peer_group", "peer_group": "city·司法局", "year": 2021, "rate": "denial_rate"}, "value", 3.0 / 69.0, -1},

		{"peer median of 10, 80, 100, 1000", "peers", map[string]any{"agency": "甲市司法局", "year": 2021, "metric": "received"}, "peer_median", 90.0, -1},
		{"percentile: 1 of 3 peers smaller", "peers", map[string]any{"agency": "甲市司法局", "year": 2021, "metric": "received"}, "percentile", 100.0 / 3.0, -1},
		{"Tukey outlier above q3 + 1.5 IQR = 718.75", "peers", map[string]any{"agency": "戊市司法局", "year": 2021, "metric": "received"}, "outlier", true, -1},
		{"no outlier test below four peers", "peers", map[string]any{"agency": "甲市司法局", "year": 2021, "metric": "carried_over"}, "outlier", nil, -1},
		{"half-year reports are not ranked", "peers", map[string]any{"agency": "丙县人民政府", "year": 2020, "metric": "granted"}, "value", 5.0, -1},

		{"carry-over mismatch computed in SQL", "quality", map[string]any{"agency": "乙市司法局", "year": 2022, "kind": "carryover_mismatch", "scope": "total"}, "expected", 10.0, -1},
		{"stored I5 check is a carry-over mismatch (not recomputed)", "quality", map[string]any{"agency": "甲市司法局", "year": 2021, "kind": "carryover_mismatch"}, "", nil, 1},
		{"stored S1 check is a stock-flow mismatch", "quality", map[string]any{"agency": "甲市司法局", "year": 2019, "kind": "stock_flow_mismatch"}, "actual", 10.0, -1},
		{"stock-flow mismatch computed in SQL: 10 + 2 ≠ 11", "quality", map[string]any{"agency": "乙市司法局", "year": 2022, "kind": "stock_flow_mismatch", "scope": "licensing"}, "expected", 12.0, -1},
		{"missing year between reports", "quality", map[string]any{"agency": "甲市司法局", "year": 2020, "kind": "missing_year"}, "", nil, 1},
		{"jump above 5× (500 → 2600)", "quality", map[string]any{"agency": "甲市司法局", "year": 2018, "kind": "yoy_jump", "scope": "proactive"}, "rule", "yoy.above_5x", -1},
		{"failed check of a superseded report is not a quality problem", "quality", map[string]any{"report_id": "a21aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}, "", nil, 0},
		{"an ambiguity is a quality row with its reason", "quality", map[string]any{"agency": "乙市司法局", "year": 2022, "kind": "ambiguous_figure", "scope": "art20.normative.issued"}, "rule", "split", -1},
		{"an ambiguity keeps the readings", "quality", map[string]any{"agency": "乙市司法局", "year": 2022, "kind": "ambiguous_figure", "rule": "unit"}, "detail", "收取费用12 printed without a unit", -1},
		{"one quality row per ambiguity", "quality", map[string]any{"kind": "ambiguous_figure"}, "", nil, 2},

		{"revised agency-year counts two reports", "coverage", map[string]any{"agency": "甲市司法局", "year": 2021}, "n_reports", int64(2), -1},
		{"trust score 1 pass 1 fail, 1 blank of 27 cells", "trust", map[string]any{"agency": "乙市司法局", "year": 2022}, "trust_score", 0.5 * (1 - 1.0/27.0), -1},
		{"no assessable check, no score", "trust", map[string]any{"agency": "甲市司法局", "year": 2018}, "trust_score", nil, -1},
		{"failed checks include superseded reports", "failed_checks", map[string]any{"report_id": "a21aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}, "preferred", false, -1},
		{"conflicts mark the preferred revision", "conflicts", map[string]any{"report_id": "a21bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}, "preferred", true, -1},
		{"sources keep blank cells as blank", "sources", map[string]any{"agency": "甲市司法局", "year": 2018, "key": "reply.not_exist"}, "value", nil, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rows(get(tt.query), tt.match)
			if tt.n >= 0 {
				if len(got) != tt.n {
					t.Errorf("%s rows matching %v = %d, want %d", tt.query, tt.match, len(got), tt.n)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%s rows matching %v = %d, want 1", tt.query, tt.match, len(got))
			}
			if g, w := queries.Text(got[0][tt.column]), queries.Text(tt.want); g != w {
				t.Errorf("%s %v: %s = %s, want %s", tt.query, tt.match, tt.column, g, w)
			}
		})
	}
}

func TestFilter(t *testing.T) {
	st := openFixture(t)
	ctx := context.Background()
	tests := []struct {
		name   string
		query  string
		filter queries.Filter
		check  func(map[string]any) bool
		min    int
	}{
		{"one agency and year", "harmonised", queries.Filter{Agencies: []string{"乙市司法局"}, Years: []int{2022}},
			func(r map[string]any) bool {
				return r["agency"] == "乙市司法局" && queries.Text(r["year"]) == "2022"
			}, 8},
		{"two years", "yoy", queries.Filter{Years: []int{2019, 2021}},
			func(r map[string]any) bool { y := queries.Text(r["year"]); return y == "2019" || y == "2021" }, 10},
		{"yoy keeps the previous year though it is filtered out", "yoy", queries.Filter{Agencies: []string{"甲市司法局"}, Years: []int{2021}},
			func(r map[string]any) bool { return r["prev_year"] != nil }, 10},
		{"a quote in a name is a value, not SQL", "harmonised", queries.Filter{Agencies: []string{"x' OR '1'='1"}},
			func(map[string]any) bool { return false }, 0},
		{"no year column: the year filter is ignored", "crosswalk", queries.Filter{Years: []int{1999}},
			func(map[string]any) bool { return true }, 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := queries.Run(ctx, st.DB(), tt.query, tt.filter)
			if err != nil {
				t.Fatalf("Run(%s): %v", tt.query, err)
			}
			got := rows(res, nil)
			if len(got) < tt.min {
				t.Errorf("Run(%s, %+v) = %d rows, want at least %d", tt.query, tt.filter, len(got), tt.min)
			}
			for _, r := range got {
				if !tt.check(r) {
					t.Errorf("Run(%s, %+v) row %v does not match the filter", tt.query, tt.filter, r)
				}
			}
		})
	}
	if _, err := queries.Run(ctx, st.DB(), "no_such_query", queries.Filter{}); err == nil {
		t.Errorf("Run(no_such_query) = nil error, want one")
	}
}

// TestNoCoalesceOverFigures: blank is not zero, so no query may turn a
// missing report figure into a number with COALESCE. A line that coalesces
// something else (e.g. a count of checks) says so with lint:allow-coalesce.
func TestNoCoalesceOverFigures(t *testing.T) {
	paths, err := filepath.Glob("*.sql")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no .sql files found")
	}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			line := strings.ToLower(sc.Text())
			code, _, _ := strings.Cut(line, "--")
			if (strings.Contains(code, "coalesce(") || strings.Contains(code, "ifnull(")) && !strings.Contains(line, "lint:allow-coalesce") {
				t.Errorf("%s:%d: COALESCE/IFNULL turns a blank into a value: %s", p, n, strings.TrimSpace(sc.Text()))
			}
		}
		f.Close()
	}
}

// TestCacheMatchesText: Run answers from the cache; the query text run
// directly must give the same rows in the same order.
func TestCacheMatchesText(t *testing.T) {
	st := openFixture(t)
	ctx := context.Background()
	for _, q := range queries.List() {
		cached, err := queries.Run(ctx, st.DB(), q.Name, queries.Filter{})
		if err != nil {
			t.Fatalf("Run(%s): %v", q.Name, err)
		}
		rs, err := st.DB().QueryContext(ctx, q.SQL)
		if err != nil {
			t.Fatalf("%s text: %v", q.Name, err)
		}
		direct := &queries.Result{}
		direct.Columns, _ = rs.Columns()
		for rs.Next() {
			vals := make([]any, len(direct.Columns))
			ptrs := make([]any, len(vals))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rs.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			direct.Rows = append(direct.Rows, vals)
		}
		rs.Close()
		var a, b bytes.Buffer
		queries.WriteResult(&a, cached, queries.FormatCSV)
		queries.WriteResult(&b, direct, queries.FormatCSV)
		if a.String() != b.String() {
			t.Errorf("Run(%s) differs from its text run directly:\n%s", q.Name, lineDiff(b.String(), a.String()))
		}
	}
}

// TestCacheFollowsIngest: a report stored after a Run shows in the next Run.
func TestCacheFollowsIngest(t *testing.T) {
	st := openFixture(t)
	ctx := context.Background()
	count := func() int {
		res, err := queries.Run(ctx, st.DB(), "yoy", queries.Filter{Agencies: []string{"丁市司法局"}})
		if err != nil {
			t.Fatal(err)
		}
		return len(res.Rows)
	}
	before := count()
	ding22 := rep("d22ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd", ding, 2022, "year", "table2021", "2023-01-10",
		fig("apps_new.total", 120))
	if err := st.SaveReports(ctx, []*report.Report{ding22}); err != nil {
		t.Fatal(err)
	}
	if after := count(); after != before+1 {
		t.Errorf("yoy rows of 丁市司法局 after storing 2022 = %d, want %d", after, before+1)
	}
}

func TestRefresh(t *testing.T) {
	st := openFixture(t)
	ctx := context.Background()
	if err := queries.Refresh(ctx, st.DB()); err != nil {
		t.Fatalf("Refresh: %v", err)
	}
	// A second refresh finds everything fresh and changes nothing.
	if err := queries.Refresh(ctx, st.DB()); err != nil {
		t.Fatalf("Refresh again: %v", err)
	}
	var n int
	if err := st.DB().QueryRowContext(ctx, "SELECT count(*) FROM query_cache").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if want := len(queries.List()) - 6; n != want { // sources, source_pages, changes, ingest_errors, stamp and corrections are not cached
		t.Errorf("cached queries after Refresh = %d, want %d", n, want)
	}
}

// TestReadOnlyDatabase: a database opened read-only cannot hold the cache;
// Run then computes results from the query text.
func TestReadOnlyDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ro.duckdb")
	st, err := load.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := saveFixture(ctx, st); err != nil {
		t.Fatal(err)
	}
	st.Close()
	db, err := sql.Open("duckdb", path+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := queries.Run(ctx, db, "rates", queries.Filter{Agencies: []string{"甲市司法局"}, Years: []int{2019}})
	if err != nil {
		t.Fatalf("Run on a read-only database: %v", err)
	}
	if len(res.Rows) != 5 {
		t.Errorf("rates of 甲市司法局 2019 = %d rows, want 5", len(res.Rows))
	}
}

// TestStreamMatchesWriteResult: `xxgk query` streams its output; every
// query in every format must print the bytes WriteResult prints for Run's
// result, filtered or not.
func TestStreamMatchesWriteResult(t *testing.T) {
	st := openFixture(t)
	ctx := context.Background()
	filters := []queries.Filter{{}, {Agencies: []string{"甲市司法局"}}, {Agencies: []string{"no such agency"}}}
	for _, q := range queries.List() {
		for _, f := range filters {
			for _, format := range []string{queries.FormatTable, queries.FormatCSV, queries.FormatJSON} {
				res, err := queries.Run(ctx, st.DB(), q.Name, f)
				if err != nil {
					t.Fatalf("Run(%s): %v", q.Name, err)
				}
				var want, got bytes.Buffer
				if err := queries.WriteResult(&want, res, format); err != nil {
					t.Fatal(err)
				}
				if err := queries.Stream(ctx, st.DB(), q.Name, f, &got, format); err != nil {
					t.Fatalf("Stream(%s, %s): %v", q.Name, format, err)
				}
				if got.String() != want.String() {
					t.Errorf("Stream(%s, %+v, %s) differs from WriteResult:\n%s", q.Name, f, format, lineDiff(want.String(), got.String()))
				}
			}
		}
	}
	if err := queries.Stream(ctx, st.DB(), "coverage", queries.Filter{}, io.Discard, "xml"); err == nil {
		t.Errorf("Stream(format xml) = nil error, want one")
	}
}

// TestPushedFilterMatchesCache: a query of `-- filter: agency` answers an
// agency filter from the text with the filter inside (on a read-only
// database, or when the cache is stale); every agency's rows must equal
// those the fresh cache gives, in the same order.
func TestPushedFilterMatchesCache(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "push.duckdb")
	st, err := load.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := saveFixture(ctx, st); err != nil {
		t.Fatal(err)
	}
	// A copy made before any Run has no cache: read-only, it can only
	// answer from the text.
	st.Close()
	bare := filepath.Join(t.TempDir(), "bare.duckdb")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bare, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if st, err = load.Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	cov, err := queries.Run(ctx, st.DB(), "coverage", queries.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var agencies []string
	for _, r := range rows(cov, nil) {
		if a := r["agency"].(string); !slices.Contains(agencies, a) {
			agencies = append(agencies, a)
		}
	}
	filters := []queries.Filter{{Agencies: agencies[:2]}, {Agencies: []string{agencies[0]}, Years: []int{2019, 2020}}}
	for _, a := range agencies {
		filters = append(filters, queries.Filter{Agencies: []string{a}})
	}
	if err := queries.Refresh(ctx, st.DB()); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	key := func(name string, i int) string { return name + "/" + string(rune('0'+i)) }
	for _, q := range queries.List() {
		for i, f := range filters {
			var b bytes.Buffer
			if err := queries.Stream(ctx, st.DB(), q.Name, f, &b, queries.FormatCSV); err != nil {
				t.Fatalf("Stream(%s): %v", q.Name, err)
			}
			want[key(q.Name, i)] = b.String()
		}
	}
	st.Close()
	db, err := sql.Open("duckdb", bare+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range queries.List() {
		for i, f := range filters {
			var b bytes.Buffer
			if err := queries.Stream(ctx, db, q.Name, f, &b, queries.FormatCSV); err != nil {
				t.Fatalf("Stream(%s) read-only: %v", q.Name, err)
			}
			if got := b.String(); got != want[key(q.Name, i)] {
				t.Errorf("%s %+v: the text with the filter inside differs from the cache:\n%s", q.Name, f, lineDiff(want[key(q.Name, i)], got))
			}
		}
	}
}
