package load

import (
	"context"
	"slices"
	"testing"

	"github.com/xxgk/xxgk/etl/report"
)

// TestFactsRoundTrip: a report's facts are stored with it (schema version
// 7), lists in order, and a report without facts has no row.
func TestFactsRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	with := testReport("aa", "a.txt", "某市司法局", 2021, map[string]float64{"apps_new.total": 13})
	with.Facts = &report.Facts{Version: "1", Parts: []string{"overview", "review"},
		Sentences: []report.Sentence{{Hash: 1<<63 + 5, Start: 10, End: 40}, {Hash: 7, Start: 41, End: 90}},
		MinHash:   []uint32{4000000000, 2}}
	without := testReport("bb", "b.txt", "某市司法局", 2020, nil)
	empty := testReport("cc", "c.txt", "某市司法局", 2019, nil)
	empty.Facts = &report.Facts{Version: "1"}
	if err := s.SaveReports(ctx, []*report.Report{with, without, empty}); err != nil {
		t.Fatalf("SaveReports: %v", err)
	}
	rows, err := s.DB().QueryContext(ctx, `SELECT report_id, grade_version, parts::VARCHAR, sub_parts::VARCHAR,
		sentences::VARCHAR, sentence_start::VARCHAR, sentence_end::VARCHAR, minhash::VARCHAR FROM report_grade ORDER BY report_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got [][]string
	for rows.Next() {
		r := make([]any, 8)
		vals := make([]*string, 8)
		for i := range r {
			r[i] = &vals[i]
		}
		if err := rows.Scan(r...); err != nil {
			t.Fatal(err)
		}
		var line []string
		for _, v := range vals {
			if v == nil {
				line = append(line, "NULL")
			} else {
				line = append(line, *v)
			}
		}
		got = append(got, line)
	}
	want := [][]string{
		{"aa", "1", "[overview, review]", "[]", "[9223372036854775813, 7]", "[10, 41]", "[40, 90]", "[4000000000, 2]"},
		{"cc", "1", "[]", "[]", "[]", "[]", "[]", "NULL"},
	}
	if len(got) != len(want) {
		t.Fatalf("report_grade rows = %q, want %q", got, want)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("report_grade row %d = %q, want %q", i, got[i], want[i])
		}
	}
}
