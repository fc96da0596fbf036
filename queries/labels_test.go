package queries

import (
	"slices"
	"testing"
)

func TestSortMetrics(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"known in table order", []string{"fees", "received", "granted", "handled"}, []string{"received", "handled", "granted", "fees"}},
		{"unknown after known, by key", []string{"zeta", "proactive", "alpha", "received"}, []string{"received", "proactive", "alpha", "zeta"}},
		{"none", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SortMetrics(slices.Clone(tt.in)); !slices.Equal(got, tt.want) {
				t.Errorf("SortMetrics(%v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestLabels(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"known metric", MetricLabel("received"), "收到申请"},
		{"unknown metric keeps its key", MetricLabel("new_metric"), "new_metric"},
		{"raw key falls back on the metric", KeyLabel("fees"), "收费（万元）"},
		{"level in words", LevelLabel("county"), "县级"},
		{"unknown level as it is", LevelLabel("planet"), "planet"},
		{"unknown raw key", KeyLabel("no.such.key"), "no.such.key"},
		{"known rate", RateLabel("grant_rate"), "公开率"},
		{"unknown rate keeps its key", RateLabel("new_rate"), "new_rate"},
		{"formula of an unknown rate", RateFormula("new_rate"), ""},
		{"ambiguity reason in words", AmbiguityLabel("split"), "粘连数字可多种拆分"},
		{"unknown ambiguity reason as it is", AmbiguityLabel("new_reason"), "new_reason"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
	for _, m := range metricOrder {
		if _, ok := metricLabels[m]; !ok {
			t.Errorf("metric %q is ordered but has no label", m)
		}
	}
	if len(metricOrder) != len(metricLabels) {
		t.Errorf("%d metrics ordered, %d labelled", len(metricOrder), len(metricLabels))
	}
	for _, m := range OutcomeMetrics() {
		if _, ok := metricLabels[m]; !ok {
			t.Errorf("outcome metric %q has no label", m)
		}
	}
}
