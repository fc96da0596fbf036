package tables

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/table"
	"github.com/xxgk/xxgk/etl/validate"
)

// htmlText lays out an HTML page the way the HTML reader does: paragraphs
// as lines, tables as pipe rows with spanned cells repeated.
func htmlText(t *testing.T, path string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(readFile(t, path)))
	if err != nil {
		t.Fatalf("parse %q: %v", path, err)
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.ElementNode && c.DataAtom == atom.Table:
				b.WriteString(table.PipeRows(table.HTMLGrid(c)))
			case c.Type == html.ElementNode && c.DataAtom == atom.P:
				b.WriteString(table.CellText(c) + "\n")
			default:
				walk(c)
			}
		}
	}
	walk(doc)
	return b.String()
}

// TestHTMLSpans reads the three tables laid out from HTML with rowspan and
// colspan, where a spanning cell is repeated in every position it covers.
func TestHTMLSpans(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file  string
		form  report.Form
		want  map[string]float64
		count int
	}{
		{"testdata/form2021.html", report.FormTable2021, map[string]float64{
			"art20.rules.in_force": 2, "art20.normative.issued": 3, "art20.licensing.decisions": 120,
			"apps_new.person": 5, "apps_new.total": 6, "granted.business": 1, "unavailable_not_held.total": 1,
			"other_misc.total": 0, "outcome_total.total": 6, "apps_carried_forward.person": 1,
			"review.upheld": 1, "review.total": 1, "lit_direct.pending": 1, "lit_after_review.total": 0,
		}, 6 + 1 + 1 + 25*7 + 15},
		{"testdata/form2019.html", report.FormTable2019, map[string]float64{
			"art20.procurement.items": 2, "art20.procurement.amount": 3.5,
			"apps_new.total": 6, "other.total": 0, "outcome_total.person": 5, "review.total": 1,
		}, 2 + 23*7 + 15},
	}
	for _, tt := range tests {
		r := Extract(normalize.New(htmlText(t, tt.file)))
		if r.Form != tt.form {
			t.Errorf("%s: Form = %q, want %q", tt.file, r.Form, tt.form)
		}
		got := metrics(r)
		for k, v := range tt.want {
			if m := got[k]; !m.IsNumber() || m.Value != v {
				t.Errorf("%s: %s = %+v, want %v", tt.file, k, m, v)
			}
		}
		if len(got) != tt.count || len(r.Metrics) != tt.count {
			t.Errorf("%s: %d metrics under %d keys, want %d once each", tt.file, len(r.Metrics), len(got), tt.count)
		}
		for _, c := range validate.Report(r.Form, r.Metrics, nil) {
			if c.Status != report.Pass {
				t.Errorf("%s: check %s/%s = %s (%s), want PASS", tt.file, c.Rule, c.Scope, c.Status, c.Detail)
			}
		}
	}
}
