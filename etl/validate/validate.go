package validate

import (
	"fmt"
	"math"
	"strings"

	"github.com/xxgk/xxgk/etl/report"
)

// The groups of rows the outcome sum adds up, in printed order.
var (
	deniedParts      = []string{"denied_state_secret", "denied_law", "denied_safety", "denied_third_party", "denied_internal", "denied_process", "denied_enforcement", "denied_inquiry"}
	unavailableParts = []string{"unavailable_not_held", "unavailable_need_create", "unavailable_unclear"}
	unprocessedParts = []string{"unprocessed_petition", "unprocessed_repeat", "unprocessed_publication", "unprocessed_mass", "unprocessed_confirm"}
	otherParts2021   = []string{"other_no_correction", "other_no_fee", "other_misc"}
	reviewResults    = []string{"upheld", "corrected", "other", "pending"}
)

// appRows are the rows of the application table, for the row sums.
var appRows = func() []string {
	rows := []string{"apps_new", "apps_carried_over", "granted", "partial"}
	rows = append(rows, deniedParts...)
	rows = append(rows, unavailableParts...)
	rows = append(rows, unprocessedParts...)
	rows = append(rows, "other")
	rows = append(rows, otherParts2021...)
	return append(rows, "outcome_total", "apps_carried_forward")
}()

// cells indexes metrics by key. Only table cells are used for the table
// identities, so a prose figure filling a missing cell cannot make or break
// one.
// The map points into the metrics slice rather than copying each Metric,
// which is large and indexed for every report.
type cells map[string]*report.Metric

func index(ms []report.Metric, source string) cells {
	c := make(cells, len(ms))
	for i := range ms {
		m := &ms[i]
		if source != "" && m.Prov.Source != source {
			continue
		}
		if _, dup := c[m.Key]; !dup {
			c[m.Key] = m
		}
	}
	return c
}

// sum adds the figures of keys. ok is false when any key is blank or
// missing; present tells whether any of them was printed at all.
func (c cells) sum(keys ...string) (total float64, ok, present bool) {
	ok = true
	for _, k := range keys {
		m, found := c[k]
		present = present || found
		if !found || !m.IsNumber() {
			ok = false
			continue
		}
		total += m.Value
	}
	return total, ok, present
}

// equal builds the check lhs = rhs. A check whose cells are all absent is
// not returned: the table is not in the text, there is nothing to assess.
func (c cells) equal(rule, scope string, lhs, rhs []string) (report.Check, bool) {
	e, okE, pE := c.sum(lhs...)
	a, okA, pA := c.sum(rhs...)
	if !pE && !pA {
		return report.Check{}, false
	}
	ch := report.Check{Rule: rule, Scope: scope}
	if !okE || !okA {
		ch.Status = report.NotAssessable
		ch.Detail = c.blanks("blank or missing: ", lhs, rhs)
		if okE {
			ch.Expected = &e
		}
		if okA {
			ch.Actual = &a
		}
		return ch, true
	}
	ch.Expected, ch.Actual = &e, &a
	ch.Status = report.Pass
	if math.Abs(e-a) > 1e-6 {
		ch.Status = report.Fail
		ch.Detail = fmt.Sprintf("%s = %s ≠ %s = %s", strings.Join(lhs, " + "), num(e), strings.Join(rhs, " + "), num(a))
	}
	return ch, true
}

// any reports whether any of keys was printed, figure or blank.
func (c cells) any(keys []string) bool {
	for _, k := range keys {
		if _, ok := c[k]; ok {
			return true
		}
	}
	return false
}

// blanks returns prefix followed by the keys of lhs and then rhs that are
// blank or missing, comma separated: the detail of a check that cannot be
// assessed, written without intermediate slices (generated reports leave
// many cells blank, so it is built often).
func (c cells) blanks(prefix string, lhs, rhs []string) string {
	var b strings.Builder
	b.Grow(len(prefix) + 64)
	b.WriteString(prefix)
	first := true
	for _, keys := range [2][]string{lhs, rhs} {
		for _, k := range keys {
			if m, ok := c[k]; !ok || !m.IsNumber() {
				if !first {
					b.WriteString(", ")
				}
				b.WriteString(k)
				first = false
			}
		}
	}
	return b.String()
}

func (c cells) missing(keys []string) []string {
	var out []string
	for _, k := range keys {
		if m, ok := c[k]; !ok || !m.IsNumber() {
			out = append(out, k)
		}
	}
	return out
}

func num(f float64) string { return fmt.Sprintf("%g", f) }

func cols(row string) []string {
	out := make([]string, len(report.Columns))
	for i, col := range report.Columns {
		out[i] = row + "." + col
	}
	return out
}

func suffix(parts []string, col string) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p + "." + col
	}
	return out
}

// Report evaluates the within-report identities. metrics are the stored
// figures; prose are the figures read from sentences, including those a
// table also gave (for the prose-against-table check).
func Report(form report.Form, metrics, prose []report.Metric) []report.Check {
	t := index(metrics, "table")
	var out []report.Check
	switch form {
	case report.FormTable2019, report.FormTable2021:
		out = append(out, national(form, t)...)
	case report.FormLegacy:
		out = append(out, legacy(t)...)
	default:
		// The form was not told (a table cut before its telling rows), but
		// national table cells are there: their layout tells the form.
		if f := nationalForm(t); f != "" {
			out = append(out, national(f, t)...)
		}
	}
	return append(out, proseAgainstTable(t, prose)...)
}

// identity is one equation of the national tables: lhs = rhs, keys built
// once.
type identity struct {
	rule, scope string
	lhs, rhs    []string
}

// nationalIdentities lists the within-report identities of each national
// form, in the order they are reported.
var nationalIdentities = map[report.Form][]identity{
	report.FormTable2019: buildNational(report.FormTable2019),
	report.FormTable2021: buildNational(report.FormTable2021),
}

func buildNational(form report.Form) []identity {
	var ids []identity
	for _, col := range report.Columns {
		ids = append(ids, identity{"I1.flow", col,
			[]string{"apps_new." + col, "apps_carried_over." + col},
			[]string{"outcome_total." + col, "apps_carried_forward." + col}})
	}
	for _, col := range report.Columns {
		parts := []string{"granted." + col, "partial." + col}
		parts = append(parts, suffix(deniedParts, col)...)
		parts = append(parts, suffix(unavailableParts, col)...)
		parts = append(parts, suffix(unprocessedParts, col)...)
		if form == report.FormTable2021 {
			parts = append(parts, suffix(otherParts2021, col)...)
		} else {
			parts = append(parts, "other."+col)
		}
		ids = append(ids, identity{"I2.outcomes", col, []string{"outcome_total." + col}, parts})
	}
	for _, row := range appRows {
		all := cols(row)
		ids = append(ids, identity{"I3.rowsum", row, all[6:], all[:6]})
	}
	for _, g := range []string{"review", "lit_direct", "lit_after_review"} {
		parts := make([]string, len(reviewResults))
		for i, r := range reviewResults {
			parts[i] = g + "." + r
		}
		ids = append(ids, identity{"I4." + g, g, []string{g + ".total"}, parts})
	}
	return ids
}

// otherSubrows are the keys of the 2021 form's （六） subrows per column,
// built once rather than for every report.
var otherSubrows = func() map[string][]string {
	m := make(map[string][]string, len(report.Columns))
	for _, col := range report.Columns {
		m[col] = suffix(otherParts2021, col)
	}
	return m
}()

// nationalForm guesses the national form from the cells present: the 2021
// form's （六） subrows, else the 2019 form when any application or review
// cell was read. It returns "" when there is none.
func nationalForm(t cells) report.Form {
	found := false
	for k, m := range t {
		switch m.Prov.Table {
		case "applications", "review":
			found = true
			for _, p := range otherParts2021 {
				if strings.HasPrefix(k, p+".") {
					return report.FormTable2021
				}
			}
		}
	}
	if found {
		return report.FormTable2019
	}
	return ""
}

// national checks the 2019 and 2021 tables.
func national(form report.Form, t cells) []report.Check {
	var out []report.Check
	for k, id := range nationalIdentities[form] {
		if form == report.FormTable2021 && id.rule == "I2.outcomes" {
			// A 2021 report that prints （六） as one row, the 2019 way,
			// is summed the 2019 way.
			if _, one := t["other."+id.scope]; one && !t.any(otherSubrows[id.scope]) {
				id = nationalIdentities[report.FormTable2019][k]
			}
		}
		if ch, ok := t.equal(id.rule, id.scope, id.lhs, id.rhs); ok {
			out = append(out, ch)
		}
	}
	return out
}

// legacy checks the pre-2019 statistical table (domain §2, L1–L6).
func legacy(t cells) []report.Check {
	var out []report.Check
	add := func(ch report.Check, ok bool) {
		if ok {
			out = append(out, ch)
		}
	}
	// Provincial tables add an 电子邮件 channel (a check-only key): where the
	// form prints it, the received applications count it too.
	channels := []string{"apps_channel.in_person", "apps_channel.fax", "apps_channel.online", "apps_channel.mail"}
	if _, ok := t["apps_channel.email"]; ok {
		channels = append(channels, "apps_channel.email")
	}
	add(t.equal("L1.channels", "apps_new.total", []string{"apps_new.total"}, channels))
	add(t.equal("L2.closed", "apps_closed.total", []string{"apps_closed.total"},
		[]string{"apps_closed.on_time", "apps_closed.extended"}))
	add(t.equal("L3.replies", "outcome_total.total", []string{"outcome_total.total"},
		[]string{"reply.already_public", "granted.total", "partial.total", "denied.total",
			"reply.not_this_agency", "reply.not_exist", "reply.ask_amend", "reply.other_channel"}))
	add(t.atLeast("L4.denied", "denied.total", "denied.total",
		[]string{"denied_state_secret.total", "denied_commercial_secret.total", "denied_privacy.total",
			"denied_safety.total", "denied_not_gov_info.total", "denied_law.total"}))
	add(t.equal("L5.staff", "staff.total", []string{"staff.total"}, []string{"staff.fulltime", "staff.parttime"}))
	add(t.equal("L6.review", "review.total", []string{"review.total"}, []string{"review.upheld", "review.corrected", "review.other"}))
	add(t.equal("L6.litigation", "litigation.total", []string{"litigation.total"}, []string{"litigation.upheld", "litigation.corrected", "litigation.other"}))
	return out
}

// atLeast builds the inequality check total ≥ Σ parts, for 其中 lists that
// may name only some of a total's parts. Parts that are not printed are left
// out; a blank part or total makes it not assessable.
func (c cells) atLeast(rule, scope, total string, parts []string) (report.Check, bool) {
	tm, ok := c[total]
	var printed []string
	for _, p := range parts {
		if _, found := c[p]; found {
			printed = append(printed, p)
		}
	}
	if !ok || len(printed) == 0 {
		return report.Check{}, false
	}
	ch := report.Check{Rule: rule, Scope: scope}
	s, okS, _ := c.sum(printed...)
	if !tm.IsNumber() || !okS {
		ch.Status = report.NotAssessable
		ch.Detail = "blank: " + strings.Join(c.missing(append([]string{total}, printed...)), ", ")
		return ch, true
	}
	e := tm.Value
	ch.Expected, ch.Actual = &e, &s
	ch.Status = report.Pass
	if s > e+1e-6 {
		ch.Status = report.Fail
		ch.Detail = fmt.Sprintf("%s = %s < %s = %s", total, num(e), strings.Join(printed, " + "), num(s))
	}
	return ch, true
}

// derived gives, for a prose key that tables do not print, the table cells
// it is the sum of (domain §1.5 D6, D7, D14).
func derived(key string) []string {
	row, col, ok := strings.Cut(key, ".")
	if !ok {
		return nil
	}
	switch row {
	case "denied":
		return suffix(deniedParts, col)
	case "unavailable":
		return suffix(unavailableParts, col)
	case "unprocessed":
		return suffix(unprocessedParts, col)
	case "other":
		return suffix(otherParts2021, col)
	case "litigation":
		return []string{"lit_direct." + col, "lit_after_review." + col}
	}
	return nil
}

// proseAgainstTable checks each prose figure against the table cell (or sum
// of cells) that states the same thing. Approximate prose figures ("300余")
// cannot be compared and are reported as not assessable.
func proseAgainstTable(t cells, prose []report.Metric) []report.Check {
	var out []report.Check
	seen := map[string]bool{}
	for _, p := range prose {
		// The first prose figure of a key is the stored one (see
		// extract.Merge); a later repeat is not checked again.
		if !p.IsNumber() || seen[p.Key] {
			continue
		}
		seen[p.Key] = true
		keys := []string{p.Key}
		if _, ok := t[p.Key]; !ok {
			keys = derived(p.Key)
			if keys == nil {
				continue
			}
			if _, _, present := t.sum(keys...); !present {
				continue
			}
		}
		v := p.Value
		ch := report.Check{Rule: "P1.prose_table", Scope: p.Key, Expected: &v}
		s, ok, _ := t.sum(keys...)
		switch {
		case !ok:
			ch.Status = report.NotAssessable
			ch.Detail = "table cell blank or missing: " + strings.Join(t.missing(keys), ", ")
		case p.Approx:
			ch.Actual = &s
			ch.Status = report.NotAssessable
			ch.Detail = "prose figure is approximate: " + p.Prov.Text
		default:
			ch.Actual = &s
			ch.Status = report.Pass
			if math.Abs(s-v) > 1e-6 {
				ch.Status = report.Fail
				ch.Detail = fmt.Sprintf("prose %q says %s, table says %s", p.Prov.Text, num(v), num(s))
			}
		}
		out = append(out, ch)
	}
	return out
}
