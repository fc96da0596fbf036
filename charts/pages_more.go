package charts

import (
	"sort"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/queries/labels"
)

// ---- method page ----

type crosswalkRow struct{ Label, Modern, Legacy, Confidence, Note string }

// keyList names the metric keys of a crosswalk source ("a + b").
func keyList(s string) string {
	if s == "" {
		return ""
	}
	keys := strings.Split(s, " + ")
	for i, k := range keys {
		keys[i] = labels.Key(k)
	}
	return strings.Join(keys, " + ")
}

type rateScope struct{ Label, Scope string }

type methodBody struct {
	Crosswalk []crosswalkRow
	Rates     []rateScope
}

func (d *siteData) methodPage() *page {
	var b methodBody
	c := d.crosswalk
	for _, row := range c.Rows() {
		b.Crosswalk = append(b.Crosswalk, crosswalkRow{Label: labels.Metric(c.Str(row, "metric")), Modern: keyList(c.Str(row, "modern_source")),
			Legacy: keyList(c.Str(row, "legacy_source")), Confidence: labels.Confidence(c.Str(row, "confidence")), Note: c.Str(row, "note")})
	}
	for _, r := range d.rateNames {
		b.Rates = append(b.Rates, rateScope{Label: labels.Rate(r), Scope: labels.RateFormula(r)})
	}
	return &page{Title: "方法说明", Nav: "method", Body: b}
}

// ---- data-quality page ----

type conflictView struct {
	Agency, Period, Published, Path string
	Year, Figures                   int
	Preferred                       bool
}

type coverageView struct {
	Year                       int
	Form                       string
	Agencies, Reports, Figures string
}

type qualityBody struct {
	Failed     []failedView
	Trust      []trustView
	TrustLimit int
	Conflicts  []conflictView
	Coverage   []coverageView
}

func (d *siteData) qualityPage() *page {
	b := qualityBody{Failed: failedViews(d.failed, ""), TrustLimit: trustLimit}
	trust := make([]trustRow, 0, len(d.trust))
	for _, t := range d.trust {
		if t.TrustScore != nil {
			trust = append(trust, t)
		}
	}
	sort.SliceStable(trust, func(i, j int) bool { return *trust[i].TrustScore < *trust[j].TrustScore })
	for i, t := range trust {
		if i == trustLimit {
			break
		}
		b.Trust = append(b.Trust, trustViewOf(t, ""))
	}
	c := d.conflicts
	for _, row := range c.Rows() {
		b.Conflicts = append(b.Conflicts, conflictView{Agency: displayName(c.Str(row, "agency")), Period: labels.Period(c.Str(row, "period")), Published: c.Str(row, "published"),
			Path: c.Str(row, "path"), Year: c.Int(row, "year"), Figures: c.Int(row, "n_figures"), Preferred: c.Bool(row, "preferred")})
	}
	// Coverage is summarised per year and form: one row per agency would
	// repeat the agency list. Counts of reports and figures add up; no
	// figure of a report is summed here.
	type key struct {
		year int
		form string
	}
	type agg struct {
		agencies      map[string]bool
		reports, figs float64
		hasR, hasF    bool
	}
	cov := map[key]*agg{}
	v := d.coverage
	for _, row := range v.Rows() {
		k := key{v.Int(row, "year"), v.Str(row, "form")}
		a := cov[k]
		if a == nil {
			a = &agg{agencies: map[string]bool{}}
			cov[k] = a
		}
		a.agencies[v.Str(row, "agency")] = true
		if n, ok := v.Num(row, "n_reports"); ok {
			a.reports += n
			a.hasR = true
		}
		if n, ok := v.Num(row, "n_figures"); ok {
			a.figs += n
			a.hasF = true
		}
	}
	keys := make([]key, 0, len(cov))
	for k := range cov {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].year != keys[j].year {
			return keys[i].year > keys[j].year
		}
		return keys[i].form < keys[j].form
	})
	for _, k := range keys {
		a := cov[k]
		cv := coverageView{Year: k.year, Form: labels.Form(k.form), Agencies: strconv.Itoa(len(a.agencies)), Reports: "—", Figures: "—"}
		if a.hasR {
			cv.Reports = formatNumber(a.reports)
		}
		if a.hasF {
			cv.Figures = formatNumber(a.figs)
		}
		b.Coverage = append(b.Coverage, cv)
	}
	return &page{Title: "数据质量", Nav: "quality", Body: b}
}
