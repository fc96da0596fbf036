package validate

import (
	"testing"

	"github.com/xxgk/xxgk/etl/report"
)

// cell builds a table metric; a negative value stands for a blank cell.
func cell(key string, v float64) report.Metric {
	m := report.Metric{Key: key, Kind: report.KindNumber, Value: v, Prov: report.Provenance{Source: "table"}}
	if v < 0 {
		m.Kind, m.Value = report.KindEmpty, 0
	}
	return m
}

func prose(key string, v float64, approx bool) report.Metric {
	return report.Metric{Key: key, Kind: report.KindNumber, Value: v, Approx: approx,
		Prov: report.Provenance{Source: "prose", Text: "…"}}
}

// row fills the seven columns of a row; the total is the sum of the six
// others unless total is given.
func row(key string, six [6]float64, total ...float64) []report.Metric {
	var out []report.Metric
	var sum float64
	for i, v := range six {
		out = append(out, cell(key+"."+report.Columns[i], v))
		sum += v
	}
	if len(total) > 0 {
		sum = total[0]
	}
	return append(out, cell(key+".total", sum))
}

// status finds the status of rule on scope; "" when the check was not made.
func status(checks []report.Check, rule, scope string) report.CheckStatus {
	for _, c := range checks {
		if c.Rule == rule && c.Scope == scope {
			return c.Status
		}
	}
	return ""
}

// table2019 builds a consistent 2019-form application table with 3 new and
// 1 carried-over application from persons, of which 2 granted, 1 not held,
// 1 carried forward.
func table2019() []report.Metric {
	var ms []report.Metric
	zero := [6]float64{}
	ms = append(ms, row("apps_new", [6]float64{3})...)
	ms = append(ms, row("apps_carried_over", [6]float64{1})...)
	ms = append(ms, row("granted", [6]float64{2})...)
	ms = append(ms, row("partial", zero)...)
	for _, p := range deniedParts {
		ms = append(ms, row(p, zero)...)
	}
	ms = append(ms, row("unavailable_not_held", [6]float64{1})...)
	ms = append(ms, row("unavailable_need_create", zero)...)
	ms = append(ms, row("unavailable_unclear", zero)...)
	for _, p := range unprocessedParts {
		ms = append(ms, row(p, zero)...)
	}
	ms = append(ms, row("other", zero)...)
	ms = append(ms, row("outcome_total", [6]float64{3})...)
	ms = append(ms, row("apps_carried_forward", [6]float64{1})...)
	for _, g := range []string{"review", "lit_direct", "lit_after_review"} {
		ms = append(ms, cell(g+".upheld", 1), cell(g+".corrected", 0), cell(g+".other", 0), cell(g+".pending", 1), cell(g+".total", 2))
	}
	return ms
}

// replace returns ms with key set to v.
func replace(ms []report.Metric, key string, v float64) []report.Metric {
	out := append([]report.Metric(nil), ms...)
	for i := range out {
		if out[i].Key == key {
			out[i] = cell(key, v)
		}
	}
	return out
}

func TestNationalIdentities(t *testing.T) {
	t.Parallel()
	good := table2019()
	tests := []struct {
		name    string
		metrics []report.Metric
		rule    string
		scope   string
		want    report.CheckStatus
	}{
		{"flow holds", good, "I1.flow", "person", report.Pass},
		{"flow breaks", replace(good, "apps_carried_forward.person", 2), "I1.flow", "person", report.Fail},
		{"flow blank", replace(good, "apps_carried_over.person", -1), "I1.flow", "person", report.NotAssessable},
		{"outcomes hold", good, "I2.outcomes", "total", report.Pass},
		{"outcomes break", replace(good, "granted.total", 3), "I2.outcomes", "total", report.Fail},
		{"outcomes blank", replace(good, "other.total", -1), "I2.outcomes", "total", report.NotAssessable},
		{"row sum holds", good, "I3.rowsum", "granted", report.Pass},
		{"row sum breaks", replace(good, "granted.ngo", 1), "I3.rowsum", "granted", report.Fail},
		{"row sum blank", replace(good, "granted.ngo", -1), "I3.rowsum", "granted", report.NotAssessable},
		{"review holds", good, "I4.review", "review", report.Pass},
		{"review breaks", replace(good, "review.total", 3), "I4.review", "review", report.Fail},
		{"direct suit holds", good, "I4.lit_direct", "lit_direct", report.Pass},
		{"direct suit breaks", replace(good, "lit_direct.upheld", 0), "I4.lit_direct", "lit_direct", report.Fail},
		{"suit after review holds", good, "I4.lit_after_review", "lit_after_review", report.Pass},
		{"suit after review breaks", replace(good, "lit_after_review.pending", 5), "I4.lit_after_review", "lit_after_review", report.Fail},
		{"suit after review blank", replace(good, "lit_after_review.pending", -1), "I4.lit_after_review", "lit_after_review", report.NotAssessable},
	}
	for _, tt := range tests {
		checks := Report(report.FormTable2019, tt.metrics, nil)
		if got := status(checks, tt.rule, tt.scope); got != tt.want {
			t.Errorf("%s: %s/%s = %q, want %q", tt.name, tt.rule, tt.scope, got, tt.want)
		}
	}
}

func TestOutcomes2021SumsSubrows(t *testing.T) {
	t.Parallel()
	ms := table2019()
	var out []report.Metric
	for _, m := range ms {
		if len(m.Key) > 6 && m.Key[:6] == "other." {
			continue
		}
		out = append(out, m)
	}
	zero := [6]float64{}
	out = append(out, row("other_no_correction", zero)...)
	out = append(out, row("other_no_fee", zero)...)
	out = append(out, row("other_misc", zero)...)
	if got := status(Report(report.FormTable2021, out, nil), "I2.outcomes", "person"); got != report.Pass {
		t.Errorf("2021 I2.outcomes/person = %q, want PASS", got)
	}
	out = replace(out, "other_misc.person", 1)
	if got := status(Report(report.FormTable2021, out, nil), "I2.outcomes", "person"); got != report.Fail {
		t.Errorf("2021 I2.outcomes/person with an extra other_misc = %q, want FAIL", got)
	}
}

func TestOutcomes2021WithOneOtherRow(t *testing.T) {
	t.Parallel()
	if got := status(Report(report.FormTable2021, table2019(), nil), "I2.outcomes", "total"); got != report.Pass {
		t.Errorf("2021 report printing （六） as one row: I2.outcomes/total = %q, want PASS", got)
	}
}

func TestUntoldFormStillChecked(t *testing.T) {
	t.Parallel()
	ms := table2019()
	for i := range ms {
		ms[i].Prov.Table = "applications"
	}
	ms = replace(ms, "apps_carried_forward.person", 3)
	for i := range ms {
		ms[i].Prov.Table = "applications"
	}
	if got := status(Report("", ms, nil), "I1.flow", "person"); got != report.Fail {
		t.Errorf("I1.flow/person with no form = %q, want FAIL", got)
	}
}

func TestAbsentTableMakesNoCheck(t *testing.T) {
	t.Parallel()
	if checks := Report(report.FormTable2021, nil, nil); len(checks) != 0 {
		t.Errorf("Report(no cells) = %v, want no checks", checks)
	}
}

func TestChecksKeepFigures(t *testing.T) {
	t.Parallel()
	ms := replace(table2019(), "apps_carried_forward.person", 7)
	before := append([]report.Metric(nil), ms...)
	Report(report.FormTable2019, ms, nil)
	for i := range ms {
		if ms[i] != before[i] {
			t.Fatalf("Report changed metric %s: %+v → %+v", ms[i].Key, before[i], ms[i])
		}
	}
}

func TestLegacyIdentities(t *testing.T) {
	t.Parallel()
	good := []report.Metric{
		cell("apps_new.total", 10), cell("apps_channel.in_person", 2), cell("apps_channel.fax", 0), cell("apps_channel.online", 7), cell("apps_channel.mail", 1),
		cell("apps_closed.total", 9), cell("apps_closed.on_time", 8), cell("apps_closed.extended", 1),
		cell("outcome_total.total", 9), cell("reply.already_public", 1), cell("granted.total", 4), cell("partial.total", 1), cell("denied.total", 1),
		cell("reply.not_this_agency", 1), cell("reply.not_exist", 1), cell("reply.ask_amend", 0), cell("reply.other_channel", 0),
		cell("denied_state_secret.total", 1), cell("denied_privacy.total", 0),
		cell("staff.total", 3), cell("staff.fulltime", 1), cell("staff.parttime", 2),
		cell("review.total", 1), cell("review.upheld", 1), cell("review.corrected", 0), cell("review.other", 0),
		cell("litigation.total", 0), cell("litigation.upheld", 0), cell("litigation.corrected", 0), cell("litigation.other", 0),
	}
	tests := []struct {
		name    string
		metrics []report.Metric
		rule    string
		want    report.CheckStatus
	}{
		{"channels hold", good, "L1.channels", report.Pass},
		{"channels break", replace(good, "apps_channel.fax", 1), "L1.channels", report.Fail},
		// A provincial table with an 电子邮件 row: 10 = 2 + 0 + 5 + 1 + 2.
		{"email channel counts", append(replace(good, "apps_channel.online", 5), cell("apps_channel.email", 2)), "L1.channels", report.Pass},
		{"email channel breaks", append(replace(good, "apps_channel.online", 5), cell("apps_channel.email", 3)), "L1.channels", report.Fail},
		{"email channel printed on a balanced table", append(append([]report.Metric(nil), good...), cell("apps_channel.email", 1)), "L1.channels", report.Fail},
		{"email channel blank", append(append([]report.Metric(nil), good...), cell("apps_channel.email", -1)), "L1.channels", report.NotAssessable},
		{"without the email row the four channels must add up", replace(good, "apps_channel.online", 5), "L1.channels", report.Fail},
		{"closed hold", good, "L2.closed", report.Pass},
		{"closed break", replace(good, "apps_closed.extended", 2), "L2.closed", report.Fail},
		{"replies hold", good, "L3.replies", report.Pass},
		{"replies break", replace(good, "granted.total", 5), "L3.replies", report.Fail},
		{"denied holds", good, "L4.denied", report.Pass},
		{"denied breaks", replace(good, "denied_privacy.total", 1), "L4.denied", report.Fail},
		{"staff holds", good, "L5.staff", report.Pass},
		{"staff breaks", replace(good, "staff.total", 4), "L5.staff", report.Fail},
		{"staff blank", replace(good, "staff.fulltime", -1), "L5.staff", report.NotAssessable},
		{"review holds", good, "L6.review", report.Pass},
		{"review breaks", replace(good, "review.other", 1), "L6.review", report.Fail},
		{"litigation holds", good, "L6.litigation", report.Pass},
		{"litigation breaks", replace(good, "litigation.total", 1), "L6.litigation", report.Fail},
	}
	for _, tt := range tests {
		if got := status(Report(report.FormLegacy, tt.metrics, nil), tt.rule, scopeOf(tt.rule)); got != tt.want {
			t.Errorf("%s: %s = %q, want %q", tt.name, tt.rule, got, tt.want)
		}
	}
}

func scopeOf(rule string) string {
	return map[string]string{
		"L1.channels": "apps_new.total", "L2.closed": "apps_closed.total", "L3.replies": "outcome_total.total",
		"L4.denied": "denied.total", "L5.staff": "staff.total", "L6.review": "review.total", "L6.litigation": "litigation.total",
	}[rule]
}

func TestProseAgainstTable(t *testing.T) {
	t.Parallel()
	table := table2019()
	tests := []struct {
		name  string
		prose report.Metric
		want  report.CheckStatus
	}{
		{"same figure", prose("apps_new.total", 3, false), report.Pass},
		{"different figure", prose("apps_new.total", 4, false), report.Fail},
		{"approximate figure", prose("apps_new.total", 3, true), report.NotAssessable},
		{"derived sum agrees", prose("unavailable.total", 1, false), report.Pass},
		{"derived sum disagrees", prose("unavailable.total", 2, false), report.Fail},
		{"litigation sum", prose("litigation.total", 4, false), report.Pass},
	}
	for _, tt := range tests {
		checks := Report(report.FormTable2019, table, []report.Metric{tt.prose})
		if got := status(checks, "P1.prose_table", tt.prose.Key); got != tt.want {
			t.Errorf("%s: P1 %s = %q, want %q", tt.name, tt.prose.Key, got, tt.want)
		}
	}
	blank := replace(table, "apps_new.total", -1)
	if got := status(Report(report.FormTable2019, blank, []report.Metric{prose("apps_new.total", 3, false)}), "P1.prose_table", "apps_new.total"); got != report.NotAssessable {
		t.Errorf("P1 against a blank cell = %q, want NOT_ASSESSABLE", got)
	}
	if got := status(Report(report.FormTable2019, table, []report.Metric{prose("proactive.total", 30, false)}), "P1.prose_table", "proactive.total"); got != "" {
		t.Errorf("P1 for a key no table gives = %q, want no check", got)
	}
}

func TestCrossYear(t *testing.T) {
	t.Parallel()
	prev := &report.Report{Identity: report.Identity{Year: 2022}, Form: report.FormTable2021, Metrics: []report.Metric{
		cell("apps_carried_forward.person", 2), cell("apps_carried_forward.total", 2),
		cell("art20.rules.in_force", 5), cell("art20.normative.in_force", 10),
	}}
	cur := func(carried, inForce float64) *report.Report {
		return &report.Report{Identity: report.Identity{Year: 2023}, Form: report.FormTable2021, Metrics: []report.Metric{
			cell("apps_carried_over.person", carried), cell("apps_carried_over.total", 2),
			cell("art20.rules.issued", 1), cell("art20.rules.repealed", 2), cell("art20.rules.in_force", inForce),
			cell("art20.normative.issued", 1), cell("art20.normative.repealed", -1), cell("art20.normative.in_force", 11),
		}}
	}
	tests := []struct {
		name        string
		cur         *report.Report
		rule, scope string
		want        report.CheckStatus
	}{
		{"carry holds", cur(2, 4), "I5.carry", "person", report.Pass},
		{"carry breaks", cur(1, 4), "I5.carry", "person", report.Fail},
		{"carry missing last year", cur(2, 4), "I5.carry", "business", ""},
		{"stock holds", cur(2, 4), "S1.in_force", "rules", report.Pass},
		{"stock breaks", cur(2, 6), "S1.in_force", "rules", report.Fail},
		{"stock with a blank", cur(2, 4), "S1.in_force", "normative", report.NotAssessable},
	}
	for _, tt := range tests {
		if got := status(CrossYear(prev, tt.cur), tt.rule, tt.scope); got != tt.want {
			t.Errorf("%s: %s/%s = %q, want %q", tt.name, tt.rule, tt.scope, got, tt.want)
		}
	}
	prev19 := &report.Report{Identity: report.Identity{Year: 2019}, Form: report.FormTable2019, Metrics: []report.Metric{
		cell("art20.licensing.prev_items", 12), cell("art20.licensing.change", 3),
		cell("art20.penalty.prev_items", 5),
		{Key: "art20.penalty.change", Kind: report.KindNumber, Value: -2, Prov: report.Provenance{Source: "table"}},
	}}
	cur19 := &report.Report{Identity: report.Identity{Year: 2020}, Form: report.FormTable2019, Metrics: []report.Metric{
		cell("art20.licensing.prev_items", 15), cell("art20.penalty.prev_items", 4),
	}}
	checks := CrossYear(prev19, cur19)
	if got := status(checks, "S1.prev_items", "licensing"); got != report.Pass {
		t.Errorf("S1.prev_items/licensing = %q, want PASS", got)
	}
	if got := status(checks, "S1.prev_items", "penalty"); got != report.Fail {
		t.Errorf("S1.prev_items/penalty = %q, want FAIL (5 − 2 ≠ 4)", got)
	}
	gap := cur(2, 4)
	gap.Year = 2025
	if checks := CrossYear(prev, gap); checks != nil {
		t.Errorf("CrossYear over a gap year = %v, want nil", checks)
	}
}
