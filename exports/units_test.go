package exports

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestMedianWithout(t *testing.T) {
	tests := []struct {
		vals []float64
		skip int
		want float64
		ok   bool
	}{
		{[]float64{1, 2, 3}, 0, 2.5, true},
		{[]float64{1, 2, 3}, 1, 2, true},
		{[]float64{1, 2, 3, 10}, 3, 2, true},
		{[]float64{1, 2, 3, 10}, 0, 3, true},
		{[]float64{5}, 0, 0, false}, // the agency alone: no peers
		{[]float64{5, 7}, 1, 5, true},
	}
	for _, tt := range tests {
		got, ok := medianWithout(tt.vals, tt.skip)
		if got != tt.want || ok != tt.ok {
			t.Errorf("medianWithout(%v, %d) = %v, %v; want %v, %v", tt.vals, tt.skip, got, ok, tt.want, tt.ok)
		}
	}
}

func TestStanding(t *testing.T) {
	g := &group{stats: map[statKey]*stat{{"received", 2023}: {vals: []float64{1, 5, 5, 9}}}}
	tests := []struct {
		v          float64
		rank       int
		pct, med   float64
		hasPct, ok bool
	}{
		{9, 1, 100, 5, true, true},
		{5, 2, 100.0 / 3, 5, true, true}, // ties share the rank; one peer below
		{1, 4, 0, 5, true, true},
	}
	for _, tt := range tests {
		st := g.standing("received", 2023, tt.v)
		if st.rank != tt.rank || st.n != 4 || st.percentile != tt.pct || st.hasPct != tt.hasPct || st.median != tt.med || st.hasMedian != tt.ok {
			t.Errorf("standing(%v) = %+v, want rank %d of 4, percentile %v, median %v", tt.v, st, tt.rank, tt.pct, tt.med)
		}
	}
	if st := g.standing("received", 2020, 3); st.n != 0 || st.hasMedian {
		t.Errorf("a year without figures: %+v", st)
	}
	var none *group
	if st := none.standing("received", 2023, 3); st.n != 0 {
		t.Errorf("no group: %+v", st)
	}
}

func TestCountStep(t *testing.T) {
	tests := []struct{ max, want float64 }{{0, 1}, {3, 1}, {7, 2}, {12, 5}, {40, 10}, {99, 20}, {230, 50}, {1800, 500}}
	for _, tt := range tests {
		if got := countStep(tt.max); got != tt.want {
			t.Errorf("countStep(%v) = %v, want %v", tt.max, got, tt.want)
		}
	}
}

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{{"", 0}, {"abc", 3}, {"司法局", 6}, {"2019 年（件）", 13}, {"“约”", 6}}
	for _, tt := range tests {
		if got := displayWidth(tt.s); got != tt.want {
			t.Errorf("displayWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
	if n := wrappedLines("一二三四五六七八九十", 12); n != 2 {
		t.Errorf("wrappedLines of 20 columns in 12 = %d, want 2", n)
	}
	if n := wrappedLines("短", 12); n != 1 {
		t.Errorf("wrappedLines short = %d", n)
	}
}

func TestTableName(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for i, sheet := range []string{"收到申请", "近年变化2023", "目录", "<bad> name"} {
		name := tableName(sheet, i+1)
		if err := f.AddTable("Sheet1", &excelize.Table{Range: "A" + string(rune('1'+2*i)) + ":B" + string(rune('2'+2*i)), Name: name}); err != nil {
			t.Errorf("tableName(%q) = %q: %v", sheet, name, err)
		}
	}
}

func TestNotesNumberInOrderOfUse(t *testing.T) {
	n := newNotes()
	if got := n.ref("blank"); got != "〔注1〕" {
		t.Errorf("first ref = %q", got)
	}
	if got := n.ref("approx mapped"); got != "〔注2、3〕" {
		t.Errorf("two refs = %q", got)
	}
	if got := n.ref("blank"); got != "〔注1〕" {
		t.Errorf("a note keeps its number: %q", got)
	}
	if got := n.ref("no_such_note"); got != "" {
		t.Errorf("an unknown note = %q, want none", got)
	}
}

func TestPathLink(t *testing.T) {
	if got := pathLink("workbooks/浙江省/a b#.xlsx"); got != "workbooks/%E6%B5%99%E6%B1%9F%E7%9C%81/a%20b%23.xlsx" {
		t.Errorf("pathLink = %q", got)
	}
	if got, _ := unescapePath(pathLink("省份不明/市司法局.xlsx")); got != "省份不明/市司法局.xlsx" {
		t.Errorf("round trip = %q", got)
	}
}
