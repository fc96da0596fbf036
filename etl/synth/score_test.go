package synth

import (
	"testing"

	"github.com/xxgk/xxgk/etl/report"
)

func TestCompare(t *testing.T) {
	labels := map[string]Label{
		"a": {Agency: "甲县司法局", Year: 2021, Metrics: map[string]float64{
			"apps_new.total": 3, "lit_direct.total": 1, "lit_after_review.total": 0,
			"denied_state_secret.total": 0, "denied_law.total": 0, "denied_safety.total": 0, "denied_third_party.total": 0,
			"denied_internal.total": 1, "denied_process.total": 0, "denied_enforcement.total": 0, "denied_inquiry.total": 2,
		}},
		"b": {Agency: "乙市公安局", Year: 2015, Metrics: map[string]float64{"proactive.total": 10}},
	}
	tests := []struct {
		name                     string
		got                      map[string]report.Exchange
		found, correct, unverify int
	}{
		{"all right, derived sums accepted", map[string]report.Exchange{
			"a": {Agency: "甲县司法局", Year: 2021, Metrics: map[string]float64{
				"apps_new.total": 3, "lit_direct.total": 1, "lit_after_review.total": 0, "litigation.total": 1,
				"denied_state_secret.total": 0, "denied_law.total": 0, "denied_safety.total": 0, "denied_third_party.total": 0,
				"denied_internal.total": 1, "denied_process.total": 0, "denied_enforcement.total": 0, "denied_inquiry.total": 2,
				"denied.total": 3, "review.total": 0}},
			"b": {Agency: "乙市公安局", Year: 2015, Metrics: map[string]float64{"proactive.total": 10}},
		}, 14, 14, 1},
		{"a wrong value and a missing report", map[string]report.Exchange{
			"a": {Agency: "甲县司法局", Year: 2021, Metrics: map[string]float64{"apps_new.total": 4, "denied.total": 2}},
		}, 2, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Compare(labels, tc.got)
			if s.Labelled != 12 || s.Found != tc.found || s.Correct != tc.correct || s.Unverified != tc.unverify {
				t.Errorf("Compare = labelled %d found %d correct %d unverified %d, want 12 %d %d %d (%v)",
					s.Labelled, s.Found, s.Correct, s.Unverified, tc.found, tc.correct, tc.unverify, s.Problems)
			}
		})
	}
}
