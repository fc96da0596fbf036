package synth

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// appRows builds the glued rows of an application table from runs keyed by
// row (every other row "0000000").
func appRows(runs map[string]string, keys []string) []glueRow {
	rows := []glueRow{}
	for _, k := range append(append([]string{"apps_new", "apps_carried_over"}, keys...), "outcome_total", "apps_carried_forward") {
		r := glueRow{prefix: k, run: "0000000", rowSum: true}
		if v, ok := runs[k]; ok {
			r.run = v
		}
		for _, c := range []string{"person", "business", "research", "ngo", "legal", "other_org", "total"} {
			r.keys = append(r.keys, k+"."+c)
			r.kinds = append(r.kinds, gCount)
		}
		rows = append(rows, r)
	}
	return rows
}

func undeterminedKeys(t *testing.T, rows []glueRow) []string {
	t.Helper()
	u, ok := glueSettle(rows)
	if !ok {
		t.Fatal("glueSettle gave up")
	}
	var out []string
	for k := range u {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func TestGlueSettle(t *testing.T) {
	cases := []struct {
		name string
		runs map[string]string
		want []string
	}{
		{"every row fixed by its sum", map[string]string{"apps_new": "640020470", "granted": "640020470", "outcome_total": "640020470"}, nil},
		// 新收 and 总计 "110000011" read 1|10|… or 11|0|…; 予以公开 1 and
		// 部分公开 0|10 fix 总计 by I2, then 新收 by I1.
		{"settled by the columns", map[string]string{"apps_new": "110000011", "granted": "1000001", "partial": "010000010", "outcome_total": "110000011"}, nil},
		// 予以公开 and 部分公开 both "110000011": either way round fits.
		{"two rows that swap", map[string]string{"apps_new": "1210000022", "granted": "110000011", "partial": "110000011", "outcome_total": "1210000022"},
			[]string{"granted.business", "granted.person", "partial.business", "partial.person"}},
		// A printed total that is not the row's sum: the row has no reading.
		{"a broken row", map[string]string{"apps_new": "3000003", "granted": "3000004", "outcome_total": "3000003"},
			[]string{"granted.business", "granted.legal", "granted.ngo", "granted.other_org", "granted.person", "granted.research", "granted.total"}},
	}
	outcomes := append(append([]string{}, outcomeKeys2019[:18]...), "other_no_correction", "other_no_fee", "other_misc")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := undeterminedKeys(t, appRows(c.runs, outcomes)); !slices.Equal(got, c.want) {
				t.Errorf("undetermined %v, want %v", got, c.want)
			}
		})
	}
	// Article 20: no identity, only the cells' format.
	row := glueRow{prefix: "art20.normative", keys: []string{"art20.normative.issued", "art20.normative.repealed", "art20.normative.in_force"},
		kinds: []gkind{gCount, gCount, gCount}}
	for run, want := range map[string][]string{
		"000": nil, "1005": nil, "31245": row.keys,
	} {
		row.run = run
		got := undeterminedKeys(t, []glueRow{row})
		w := slices.Clone(want)
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Errorf("art20 %q: undetermined %v, want %v", run, got, w)
		}
	}
}

// TestGluedLabels: a glued report labels only determined cells, lists the
// others, and gluing leaves every other report byte for byte as it was.
func TestGluedLabels(t *testing.T) {
	plain := testSeries(t, 12, Options{Seed: 4, BreakRate: 0.2})
	glued := testSeries(t, 12, Options{Seed: 4, BreakRate: 0.2, GluedRate: 0.5})
	n := 0
	for i := range glued {
		for j, d := range glued[i] {
			g := d.Label.Glued
			if g == nil {
				if !bytes.Equal(d.Body, plain[i][j].Body) {
					t.Errorf("%s: not glued, but differs from the corpus without glued tables", d.Name)
				}
				continue
			}
			n++
			if d.Label.Layout != LayoutGlued {
				t.Errorf("%s: layout %q", d.Name, d.Label.Layout)
			}
			for _, k := range g.Determined {
				if _, ok := d.Label.Metrics[k]; !ok {
					t.Errorf("%s: %s determined but not labelled", d.Name, k)
				}
			}
			for _, k := range g.Ambiguous {
				if _, ok := d.Label.Metrics[k]; ok {
					t.Errorf("%s: %s undetermined but labelled", d.Name, k)
				}
			}
			if len(g.Determined)+len(g.Ambiguous) > g.Cells || g.Cells == 0 {
				t.Errorf("%s: %d cells, %d determined, %d ambiguous", d.Name, g.Cells, len(g.Determined), len(g.Ambiguous))
			}
			if strings.Contains(string(d.Body), "<table") {
				t.Errorf("%s: a glued report printed an HTML table", d.Name)
			}
		}
	}
	if n == 0 {
		t.Fatal("no glued report generated")
	}
}
