package validate

import (
	"fmt"
	"math"

	"github.com/xxgk/xxgk/etl/report"
)

// CrossYear checks two consecutive reports of one agency (prev for year Y−1,
// cur for year Y):
//
//   - I5.carry, per applicant column: last year's 结转下年度继续办理 equals this
//     year's 上年结转;
//   - S1.in_force, for 规章 and 行政规范性文件 when this year is a 2021-form
//     report: 现行有效(Y) = 现行有效(Y−1) + 本年制发(Y) − 本年废止(Y);
//   - S1.prev_items, for the 2019 form's Article 20 rows: 上一年项目数量(Y) =
//     上一年项目数量(Y−1) + 本年增/减(Y−1).
//
// Scopes name the applicant column or the Article 20 row ("rules",
// "licensing"), as the quality query does.
//
// Only figures are compared; a blank or missing cell makes the check not
// assessable, and a pair with none of the cells yields no check. It returns
// nil when the reports are not consecutive years.
func CrossYear(prev, cur *report.Report) []report.Check {
	if prev == nil || cur == nil || cur.Year != prev.Year+1 {
		return nil
	}
	p, c := index(prev.Metrics, ""), index(cur.Metrics, "")
	var out []report.Check
	for _, col := range report.Columns {
		if ch, ok := pair("I5.carry", col, p, "apps_carried_forward."+col, c, "apps_carried_over."+col); ok {
			out = append(out, ch)
		}
	}
	if cur.Form == report.FormTable2021 {
		for _, row := range []string{"rules", "normative"} {
			if ch, ok := stock(row, p, c); ok {
				out = append(out, ch)
			}
		}
	}
	for _, row := range []string{"licensing", "other_services", "penalty", "enforcement", "fees"} {
		if ch, ok := items(row, p, c); ok {
			out = append(out, ch)
		}
	}
	return out
}

// items checks the 2019 form's item counts for one Article 20 row:
// prev_items(Y) = prev_items(Y−1) + change(Y−1). It is made only when last
// year's report printed both cells and this year's prints prev_items.
func items(row string, prev, cur cells) (report.Check, bool) {
	key := "art20." + row
	pItems, ok1 := prev[key+".prev_items"]
	pChange, ok2 := prev[key+".change"]
	cItems, ok3 := cur[key+".prev_items"]
	if !ok1 || !ok2 || !ok3 {
		return report.Check{}, false
	}
	ch := report.Check{Rule: "S1.prev_items", Scope: row}
	if !pItems.IsNumber() || !pChange.IsNumber() || !cItems.IsNumber() {
		ch.Status = report.NotAssessable
		ch.Detail = "blank: " + row + " items or change last year, or items this year"
		return ch, true
	}
	e, a := pItems.Value+pChange.Value, cItems.Value
	ch.Expected, ch.Actual, ch.Status = &e, &a, report.Pass
	if math.Abs(e-a) > 1e-6 {
		ch.Status = report.Fail
		ch.Detail = fmt.Sprintf("%s: %s items + %s change last year = %s, but %s items this year", row,
			num(pItems.Value), num(pChange.Value), num(e), num(a))
	}
	return ch, true
}

// pair checks prev[pk] = cur[ck].
func pair(rule, scope string, prev cells, pk string, cur cells, ck string) (report.Check, bool) {
	pm, okP := prev[pk]
	cm, okC := cur[ck]
	if !okP && !okC {
		return report.Check{}, false
	}
	ch := report.Check{Rule: rule, Scope: scope}
	if !okP || !okC || !pm.IsNumber() || !cm.IsNumber() {
		ch.Status = report.NotAssessable
		ch.Detail = fmt.Sprintf("blank or missing: last year's %s or this year's %s", pk, ck)
		return ch, true
	}
	e, a := pm.Value, cm.Value
	ch.Expected, ch.Actual, ch.Status = &e, &a, report.Pass
	if math.Abs(e-a) > 1e-6 {
		ch.Status = report.Fail
		ch.Detail = fmt.Sprintf("last year's %s = %s, this year's %s = %s", pk, num(e), ck, num(a))
	}
	return ch, true
}

// stock checks in_force(Y) = in_force(Y−1) + issued(Y) − repealed(Y) for one
// Article 20 row.
func stock(row string, prev, cur cells) (report.Check, bool) {
	key := "art20." + row
	keys := []string{key + ".in_force", key + ".issued", key + ".repealed"}
	pm, okP := prev[key+".in_force"]
	_, _, present := cur.sum(keys...)
	if !okP && !present {
		return report.Check{}, false
	}
	ch := report.Check{Rule: "S1.in_force", Scope: row}
	inForce, okIF := cur[keys[0]]
	issued, okI := cur[keys[1]]
	repealed, okR := cur[keys[2]]
	if !okP || !okIF || !okI || !okR || !pm.IsNumber() || !inForce.IsNumber() || !issued.IsNumber() || !repealed.IsNumber() {
		ch.Status = report.NotAssessable
		ch.Detail = "blank or missing: " + row + " in force last year, or in force, issued or repealed this year"
		return ch, true
	}
	e := pm.Value + issued.Value - repealed.Value
	a := inForce.Value
	ch.Expected, ch.Actual, ch.Status = &e, &a, report.Pass
	if math.Abs(e-a) > 1e-6 {
		ch.Status = report.Fail
		ch.Detail = fmt.Sprintf("%s: %s in force last year + %s issued − %s repealed = %s, but %s in force", row,
			num(pm.Value), num(issued.Value), num(repealed.Value), num(e), num(a))
	}
	return ch, true
}
