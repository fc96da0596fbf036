package load

import (
	"context"
	"testing"

	"github.com/xxgk/xxgk/etl/report"
)

// TestReportTexts checks that a report's text is stored once with the
// report, and that a report without text (loaded from exchange records)
// has no row.
func TestReportTexts(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	with := testReport("aa", "a.txt", "某市司法局", 2021, map[string]float64{"apps_new.total": 13})
	with.Text = "本年新收申请13件。\n第二行"
	without := testReport("bb", "b.txt", "某县司法局", 2021, map[string]float64{"apps_new.total": 2})
	for range 2 { // the second save stores nothing new
		if err := s.SaveReports(ctx, []*report.Report{with, without}); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := s.DB().QueryContext(ctx, "SELECT report_id, text FROM report_texts")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string]string{}
	n := 0
	for rows.Next() {
		var id, text string
		if err := rows.Scan(&id, &text); err != nil {
			t.Fatal(err)
		}
		got[id] = text
		n++
	}
	if n != 1 || got["aa"] != with.Text {
		t.Errorf("report_texts = %q (%d rows), want only aa with its text", got, n)
	}
}
