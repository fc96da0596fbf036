package score

import (
	"testing"

	"github.com/xxgk/xxgk/etl/report"
)

func TestDerive(t *testing.T) {
	parts := map[string]float64{}
	for _, p := range groups["unavailable"] {
		parts[p+".total"] = 1
	}
	parts["lit_direct.total"] = 2
	parts["lit_after_review.total"] = 3
	got := Derive(parts)
	if got["unavailable.total"] != 3 {
		t.Errorf("Derive unavailable.total = %v, want 3", got["unavailable.total"])
	}
	if got["litigation.total"] != 5 {
		t.Errorf("Derive litigation.total = %v, want 5", got["litigation.total"])
	}
	delete(parts, "unavailable_unclear.total")
	if _, ok := Derive(parts)["unavailable.total"]; ok {
		t.Errorf("Derive summed a group with a missing part: blank is not zero")
	}
}

func TestCorpus(t *testing.T) {
	labels := map[string]Label{
		"a": {Agency: "甲市司法局", Year: 2020, Period: "year", Form: "table2019",
			Metrics: map[string]float64{"apps_new.total": 3, "granted.total": 1}},
		"b": {Agency: "乙县司法局", Year: 2016, Period: "year", Form: "narrative",
			Metrics: map[string]float64{"proactive.total": 10}},
	}
	got := map[string]report.Exchange{
		"a": {Agency: "甲市司法局", Year: 2020, Period: "year",
			Metrics: map[string]float64{"apps_new.total": 3, "granted.total": 2, "review.total": 0}},
		"b": {Agency: "乙县", Year: 2016, Period: "year", Metrics: map[string]float64{}},
	}
	res := Corpus(labels, got)
	tab := res.Forms["table2019"]
	if tab.Labelled != 2 || tab.Found != 2 || tab.Correct != 1 || tab.Unverified != 1 {
		t.Errorf("table2019 tally = %+v, want labelled 2 found 2 correct 1 unverified 1", *tab)
	}
	if nar := res.Forms["narrative"]; nar.Recall() != 0 || nar.Precision() != 1 {
		t.Errorf("narrative recall %v precision %v, want 0 and 1 (nothing found)", nar.Recall(), nar.Precision())
	}
	if res.AgencyOK != 1 || res.YearOK != 2 {
		t.Errorf("agency ok %d year ok %d, want 1 and 2", res.AgencyOK, res.YearOK)
	}
}

// TestAgencyVerdict follows score.py's agency rules: 人民政府 inside a
// name and white space do not matter, an alias is as right, a right name
// without its leading places is partial unless it starts with a bare level.
func TestAgencyVerdict(t *testing.T) {
	lab := Label{Agency: "无锡市锡山区人民政府云林街道办事处"}
	renamed := Label{Agency: "上虞市下管镇人民政府", AgencyAliases: []string{"绍兴市上虞区下管镇人民政府"}}
	for _, tt := range []struct {
		got  string
		lab  Label
		want Verdict
	}{
		{"无锡市锡山区云林街道办事处", lab, Exact},
		{"无锡市 锡山区人民政府云林街道办事处", lab, Exact},
		{"锡山区云林街道办事处", lab, Partial},
		{"街道办事处", lab, Wrong},
		{"区云林街道办事处", lab, Wrong},
		{"未识别机关:a.txt", lab, Unidentified},
		{"", lab, Unidentified},
		{"绍兴市上虞区下管镇人民政府", renamed, Exact},
		{"上虞市下管镇人民政府", renamed, Exact},
		{"上虞市下管镇", renamed, Wrong},
		{"北京市人民政府", Label{Agency: "北京市人民政府办公厅"}, Wrong},
	} {
		if got := AgencyVerdict(tt.got, tt.lab); got != tt.want {
			t.Errorf("AgencyVerdict(%q, %q) = %s, want %s", tt.got, tt.lab.Agency, got, tt.want)
		}
	}
}
