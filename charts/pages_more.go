package charts

import (
	"sort"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/etl/load/kinds"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries/labels"
)

// ---- method page ----

type crosswalkRow struct{ Label, Unit, Modern, Legacy, Confidence, Note string }

type rateScope struct{ Label, Scope string }

type kindRow struct{ Kind, Endings string }

type methodBody struct {
	Crosswalk []crosswalkRow
	Rates     []rateScope
	Kinds     []kindRow
}

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

func (d *siteData) methodPage() *page {
	var b methodBody
	c := d.crosswalk
	for _, row := range c.Rows() {
		m := c.Str(row, "metric")
		b.Crosswalk = append(b.Crosswalk, crosswalkRow{Label: labels.Metric(m), Unit: labels.Unit(m), Modern: keyList(c.Str(row, "modern_source")),
			Legacy: keyList(c.Str(row, "legacy_source")), Confidence: labels.Confidence(c.Str(row, "confidence")), Note: c.Str(row, "note")})
	}
	for _, r := range labels.Rates() {
		b.Rates = append(b.Rates, rateScope{Label: labels.Rate(r), Scope: labels.RateFormula(r)})
	}
	for _, k := range kinds.Table() {
		b.Kinds = append(b.Kinds, kindRow{Kind: k.Name, Endings: strings.Join(k.Endings, "、")})
	}
	return &page{Title: "方法说明", Nav: "method", Body: b}
}

// ---- data-quality page ----

// qualityLimit bounds the rows listed per kind of finding: at 3,000
// agencies the quality query has over a hundred thousand rows.
const qualityLimit = 300

type conflictView struct {
	Agency, Href, Period, Published, Path, Source string
	Year, Figures                                 int
	Preferred                                     bool
}

type coverageView struct {
	Year                       int
	Form                       string
	Agencies, Reports, Figures string
}

type findingView struct {
	Agency, Href, Period, Sentence, Source, Extra string
	Year                                          int
}

type findingGroup struct {
	Kind   string
	Count  int
	Shown  int
	Rows   []findingView
	Capped bool
}

type errorView struct{ Path, Stage, Message, At string }

type excludedView struct{ Agency, Href, Reason string }

type qualityBody struct {
	Failed     []failedView
	Findings   []findingGroup
	Errors     []errorView
	Excluded   []excludedView
	Trust      []trustView
	TrustLimit int
	Conflicts  []conflictView
	Coverage   []coverageView
}

func (d *siteData) qualityPage() *page {
	b := qualityBody{Failed: failedViews(d.failed, ""), TrustLimit: qualityLimit}
	trust := make([]trustRow, 0, len(d.trust))
	for _, t := range d.trust {
		if t.TrustScore != nil {
			trust = append(trust, t)
		}
	}
	sort.SliceStable(trust, func(i, j int) bool { return *trust[i].TrustScore < *trust[j].TrustScore })
	for i, t := range trust {
		if i == qualityLimit {
			break
		}
		b.Trust = append(b.Trust, trustViewOf(t, ""))
	}
	b.Findings = d.findings()
	e := d.errors
	for _, row := range e.Rows() {
		b.Errors = append(b.Errors, errorView{Path: e.Str(row, "path"), Stage: labels.Stage(e.Str(row, "stage")), Message: e.Str(row, "message"),
			At: e.Str(row, "failed_at")})
	}
	for _, a := range d.agencies {
		if a.excluded != "" {
			b.Excluded = append(b.Excluded, excludedView{Agency: displayName(a.Name), Href: agencyHref("", a.Name), Reason: a.excluded})
		}
	}
	c := d.conflicts
	for _, row := range c.Rows() {
		b.Conflicts = append(b.Conflicts, conflictView{Agency: displayName(c.Str(row, "agency")), Href: agencyHref("", c.Str(row, "agency")),
			Period: labels.Period(c.Str(row, "period")), Published: c.Str(row, "published"), Path: c.Str(row, "path"), Year: c.Int(row, "year"),
			Figures: c.Int(row, "n_figures"), Preferred: c.Bool(row, "preferred"), Source: sourceHref("", c.Str(row, "report_id"), nil)})
	}
	b.Coverage = d.coverageByForm()
	return &page{Title: "数据质量", Nav: "quality", Body: b}
}

// findings groups the rows of the quality query by kind, each written as a
// sentence through the labels table: a kind or rule added to the query
// later reads as Chinese too. Columns the query gains (such as the
// candidates of an unidentified report) are shown when they hold no Latin
// words.
func (d *siteData) findings() []findingGroup {
	q := d.quality
	var order []string
	by := map[string]*findingGroup{}
	for _, row := range q.Rows() {
		kind := q.Str(row, "kind")
		g := by[kind]
		if g == nil {
			g = &findingGroup{Kind: labels.Quality(kind)}
			by[kind] = g
			order = append(order, kind)
		}
		g.Count++
		if len(g.Rows) >= qualityLimit {
			g.Capped = true
			continue
		}
		c := report.Check{Rule: q.Str(row, "rule"), Scope: q.Str(row, "scope"), Expected: q.OptNum(row, "expected"), Actual: q.OptNum(row, "actual"),
			Detail: q.Str(row, "detail")}
		f := findingView{Agency: displayName(q.Str(row, "agency")), Href: agencyHref("", q.Str(row, "agency")), Period: labels.Period(q.Str(row, "period")),
			Year: q.Int(row, "year"), Sentence: labels.Check(c)}
		var keys []string
		if k := q.Str(row, "key"); k != "" {
			keys = []string{k}
		}
		f.Source = sourceHref("", q.Str(row, "report_id"), keys)
		if r := q.Str(row, "reason"); r != "" {
			f.Sentence = labels.Ambiguity(r)
			if k := q.Str(row, "key"); k != "" {
				f.Sentence = labels.Key(k) + "：" + f.Sentence
			}
		}
		for _, col := range []string{"candidates", "candidate"} {
			if v := q.Str(row, col); v != "" && !latinWord.MatchString(v) {
				f.Extra = "可能的机关：" + v
			}
		}
		g.Rows = append(g.Rows, f)
	}
	out := make([]findingGroup, 0, len(order))
	for _, k := range order {
		g := by[k]
		g.Shown = len(g.Rows)
		out = append(out, *g)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}

// coverageByForm summarises coverage per year and form: one row per agency
// would repeat the agency list. Counts of reports and figures add up; no
// figure of a report is summed here.
func (d *siteData) coverageByForm() []coverageView {
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
	var out []coverageView
	for _, k := range keys {
		a := cov[k]
		cv := coverageView{Year: k.year, Form: labels.Form(k.form), Agencies: strconv.Itoa(len(a.agencies)), Reports: "—", Figures: "—"}
		if a.hasR {
			cv.Reports = labels.Number(a.reports)
		}
		if a.hasF {
			cv.Figures = labels.Number(a.figs)
		}
		out = append(out, cv)
	}
	return out
}
