package charts

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/xxgk/xxgk/etl/load/kinds"
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// siteQueries are the named queries the site reads whole. It also reads
// source_pages, a batch of agencies at a time (see writeSources).
var siteQueries = []string{"harmonised", "rates", "peers", "trust", "failed_checks", "crosswalk", "coverage",
	"conflicts", "quality", "ingest_errors", "stamp", "metric_distribution", "metric_extremes", gradeQuery, "corrections"}

// sourcePagesQuery is the named query of the source pages, read per batch.
const sourcePagesQuery = "source_pages"

// Queries returns the names of the named queries the site reads whole
// (with an empty filter), so a caller building several outputs can run
// each once and share the results (see BuildWith).
func Queries() []string { return slices.Clone(siteQueries) }

// QueryFunc runs one named query with a filter. Build uses queries.Run;
// BuildWith takes any QueryFunc, such as one that shares results with the
// workbooks.
type QueryFunc = queries.RunFunc

// siteData is everything the pages show, grouped by agency.
type siteData struct {
	years     []int // years with annual figures, ascending, every year of the span
	agencies  []*agency
	byName    map[string]*agency
	allRates  map[string]map[int]rateCell            // rate → year → all agencies together
	grpRates  map[string]map[string]map[int]rateCell // peer group → rate → year
	failed    []failedCheck
	legacy    map[string]bool // metrics the legacy form has a rule for
	crosswalk *queries.Table
	coverage  *queries.Table
	conflicts *queries.Table
	quality   *queries.Table
	errors    *queries.Table
	trust     []trustRow
	grades    []grade // report_quality: one per preferred annual report
	stamp     stamp
	metrics   map[indicator]*indicatorData // the metric pages' queries, by metric or rate
	fixes     map[string][]reportFix       // report id → its corrected report fields
}

// stamp is the data stamp of the footer and the citation line.
type stamp struct {
	ChangedAt, Fingerprint string
	Reports, Agencies      int
}

// figure is one harmonised figure of an agency, with the report and the
// keys it was read from.
type figure struct {
	value          *float64 // nil when printed blank or not applicable
	approx, mapped bool
	form, report   string
	keys           []string
	corrected      bool   // a human correction (etl/correct) is part of it
	why            string // the reason the reader gave
}

// rateCell is one ratio with the counts it was computed from.
type rateCell struct {
	value, numerator, denominator *float64
	n                             int // agencies summed (peer group and all rows)
}

// reportRef is one stored report of an agency, for its list of reports.
type reportRef struct {
	Year                  int
	Period, Form, ID      string
	Figures               int
	Preferred, Superseded bool
	Path, Published       string
}

type agency struct {
	queries.Agency
	ID        string                    // stable file stem of the agency page
	group     string                    // peer group code (level·kind), "" when none
	excluded  string                    // why it is kept out of rankings: 未识别, 名称不完整; "" when ranked
	figures   map[string]map[int]figure // metric → year → figure (annual reports)
	half      map[string]map[int]figure // metric → year → figure (half-year reports)
	rates     map[string]map[int]rateCell
	trust     []trustRow
	peers     []peerRow
	failed    []failedCheck
	reports   []reportRef
	reported  map[int]string // year → form of its annual report
	grades    []grade
	hasReport bool
}

// value returns the agency's annual figure for metric in year, if printed.
func (a *agency) value(metric string, year int) *float64 {
	return a.figures[metric][year].value
}

type trustRow struct {
	Agency, Period, Report            string
	Year                              int
	Total, Pass, Fail, NA             int
	PassShare, BlankShare, TrustScore *float64
}

type peerRow struct {
	Metric, PeerGroup    string
	Year                 int
	Value, Median, Pctl  *float64
	Rank, PeerRank, Peer int
	Outlier              bool
}

type failedCheck struct {
	Agency, ReportID, Path, Rule, Scope, Detail string
	Year                                        int
	Expected, Actual                            *float64
	Superseded                                  bool // from a report a later one replaced
}

// agencyID is the stable, path-safe stem of an agency's page. A hash, not
// the name, so untrusted names never become paths.
func agencyID(name string) string {
	h := sha256.Sum256([]byte(name))
	return hex.EncodeToString(h[:6])
}

// sourceHref links to the source page of a report with keys highlighted,
// from a page root away from the site root. Report ids are hex and keys
// letters, digits, dots and underscores; the templates escape them anyway.
func sourceHref(root, report string, keys []string) string {
	if report == "" {
		return ""
	}
	h := root + "source.html#r=" + shortID(report)
	if len(keys) > 0 {
		h += "&k=" + strings.Join(keys, ",")
	}
	return h
}

// shortID is the part of a report id that names its source page: 16 hex
// digits (64 bits) keep the links of an agency page short, and two of a
// million reports share them with a chance of about 1 in 30 million;
// writeSources refuses a site where two do.
func shortID(id string) string {
	if len(id) > 16 {
		return id[:16]
	}
	return id
}

func agencyHref(root, name string) string { return root + "agencies/" + agencyID(name) + ".html" }

func loadSite(ctx context.Context, run QueryFunc) (*siteData, error) {
	res, err := queries.LoadTables(ctx, run, siteQueries)
	if err != nil {
		return nil, fmt.Errorf("load site data: %w", err)
	}
	d := &siteData{byName: map[string]*agency{}, allRates: map[string]map[int]rateCell{}, grpRates: map[string]map[string]map[int]rateCell{},
		legacy: map[string]bool{}, crosswalk: res["crosswalk"], coverage: res["coverage"], conflicts: res["conflicts"],
		quality: res["quality"], errors: res["ingest_errors"], fixes: reportFixes(res["corrections"])}
	get := func(t *queries.Table, row []any) *agency {
		name := t.Str(row, "agency")
		a := d.byName[name]
		if a == nil {
			a = &agency{Agency: queries.Agency{Name: name}, ID: agencyID(name), figures: map[string]map[int]figure{},
				half: map[string]map[int]figure{}, rates: map[string]map[int]rateCell{}, reported: map[int]string{}}
			d.byName[name] = a
		}
		t.FillAgency(row, &a.Agency)
		return a
	}
	cw := d.crosswalk
	for _, row := range cw.Rows() {
		if cw.Str(row, "legacy_source") != "" {
			d.legacy[cw.Str(row, "metric")] = true
		}
	}
	years := map[int]bool{}
	h := res["harmonised"]
	for _, row := range h.Rows() {
		a := get(h, row)
		m, y := h.Str(row, "metric"), h.Int(row, "year")
		f := figure{value: h.OptNum(row, "value"), approx: h.Bool(row, "approx"), mapped: h.Bool(row, "mapped"),
			form: h.Str(row, "form"), report: h.Str(row, "report_id"), keys: strings.Split(h.Str(row, "source_keys"), " + "),
			corrected: h.Bool(row, "corrected"), why: h.Str(row, "correction_why")}
		into := a.figures
		if !queries.Annual(h.Str(row, "period")) {
			into = a.half
		} else {
			years[y] = true
		}
		if into[m] == nil {
			into[m] = map[int]figure{}
		}
		into[m][y] = f
	}
	r := res["rates"]
	for _, row := range r.Rows() {
		if !queries.Annual(r.Str(row, "period")) {
			continue
		}
		name, y := r.Str(row, "rate"), r.Int(row, "year")
		c := rateCell{value: r.OptNum(row, "value"), numerator: r.OptNum(row, "numerator"), denominator: r.OptNum(row, "denominator"), n: r.Int(row, "n_agencies")}
		switch r.Str(row, "scope") {
		case "all":
			// All agencies together, recomputed by the query from summed counts.
			if d.allRates[name] == nil {
				d.allRates[name] = map[int]rateCell{}
			}
			d.allRates[name][y] = c
			continue
		case "peer_group":
			g := r.Str(row, "peer_group")
			if d.grpRates[g] == nil {
				d.grpRates[g] = map[string]map[int]rateCell{}
			}
			if d.grpRates[g][name] == nil {
				d.grpRates[g][name] = map[int]rateCell{}
			}
			d.grpRates[g][name][y] = c
			continue
		}
		if r.Str(row, "agency") == "" {
			continue
		}
		a := get(r, row)
		if a.rates[name] == nil {
			a.rates[name] = map[int]rateCell{}
		}
		a.rates[name][y] = c
	}
	p := res["peers"]
	for _, row := range p.Rows() {
		a := get(p, row)
		a.group = p.Str(row, "peer_group")
		a.peers = append(a.peers, peerRow{Metric: p.Str(row, "metric"), PeerGroup: a.group, Year: p.Int(row, "year"),
			Value: p.OptNum(row, "value"), Median: p.OptNum(row, "peer_median"), Pctl: p.OptNum(row, "percentile"),
			Rank: p.Int(row, "rank"), PeerRank: p.Int(row, "peer_rank"), Peer: p.Int(row, "peer_n"), Outlier: p.Bool(row, "outlier")})
	}
	t := res["trust"]
	for _, row := range t.Rows() {
		a := get(t, row)
		tr := trustRow{Agency: a.Name, Year: t.Int(row, "year"), Period: t.Str(row, "period"), Report: t.Str(row, "report_id"),
			Total: t.Int(row, "checks_total"), Pass: t.Int(row, "checks_pass"), Fail: t.Int(row, "checks_fail"), NA: t.Int(row, "checks_na"),
			PassShare: t.OptNum(row, "pass_share"), BlankShare: t.OptNum(row, "blank_share"), TrustScore: t.OptNum(row, "trust_score")}
		a.trust = append(a.trust, tr)
		d.trust = append(d.trust, tr)
	}
	f := res["failed_checks"]
	for _, row := range f.Rows() {
		a := get(f, row)
		fc := failedCheck{Agency: a.Name, ReportID: f.Str(row, "report_id"), Path: f.Str(row, "path"), Rule: f.Str(row, "rule"),
			Scope: f.Str(row, "scope"), Detail: f.Str(row, "detail"), Year: f.Int(row, "year"),
			Expected: f.OptNum(row, "expected"), Actual: f.OptNum(row, "actual")}
		if f.Has("preferred") && !f.Bool(row, "preferred") {
			fc.Superseded = true
		}
		a.failed = append(a.failed, fc)
		d.failed = append(d.failed, fc)
	}
	cv := d.coverage
	for _, row := range cv.Rows() {
		a := get(cv, row)
		ref := reportRef{Year: cv.Int(row, "year"), Period: cv.Str(row, "period"), Form: cv.Str(row, "form"), ID: cv.Str(row, "report_id"),
			Figures: cv.Int(row, "n_figures"), Preferred: true}
		a.reports = append(a.reports, ref)
		a.hasReport = true
		if queries.Annual(ref.Period) {
			a.reported[ref.Year] = ref.Form
			years[ref.Year] = true
		}
	}
	cf := d.conflicts
	for _, row := range cf.Rows() {
		if cf.Bool(row, "preferred") {
			continue
		}
		a := get(cf, row)
		a.reports = append(a.reports, reportRef{Year: cf.Int(row, "year"), Period: cf.Str(row, "period"), Form: cf.Str(row, "form"),
			ID: cf.Str(row, "report_id"), Figures: cf.Int(row, "n_figures"), Superseded: true, Path: cf.Str(row, "path"),
			Published: cf.Str(row, "published")})
	}
	d.metrics = loadIndicators(res["metric_distribution"], res["metric_extremes"])
	gq := res[gradeQuery]
	for _, row := range gq.Rows() {
		a := get(gq, row)
		g := gradeOf(gq, row)
		a.grades = append(a.grades, g)
		d.grades = append(d.grades, g)
	}
	if st := res["stamp"]; len(st.Rows()) > 0 {
		row := st.Rows()[0]
		d.stamp = stamp{ChangedAt: st.Str(row, "changed_at"), Fingerprint: st.Str(row, "fingerprint"),
			Reports: st.Int(row, "n_reports"), Agencies: st.Int(row, "n_agencies")}
	}
	for _, a := range d.byName {
		a.excluded = exclusion(a.Name)
		sort.SliceStable(a.reports, func(i, j int) bool {
			x, y := a.reports[i], a.reports[j]
			if x.Year != y.Year {
				return x.Year < y.Year
			}
			if x.Period != y.Period {
				return x.Period > y.Period // year before h1
			}
			return x.Preferred && !y.Preferred
		})
		d.agencies = append(d.agencies, a)
	}
	sort.Slice(d.agencies, func(i, j int) bool { return d.agencies[i].Name < d.agencies[j].Name })
	if len(years) > 0 {
		lo, hi := 1<<30, 0
		for y := range years {
			lo, hi = min(lo, y), max(hi, y)
		}
		for y := lo; y <= hi; y++ {
			d.years = append(d.years, y)
		}
	}
	return d, nil
}

// exclusion says why an agency is kept out of rankings and charts: its
// reports never named it (未识别机关:FILE, or no name), or its name does not
// say where it is (市司法局). It is "" for an agency that is ranked.
// The rule is kinds.Exclusion, which the stored kinds of body (and so the
// peers query's peer ranks) follow too.
func exclusion(name string) string {
	switch kinds.Exclusion(name) {
	case "unidentified":
		return "未识别发布机关"
	case "incomplete":
		return "机关名称不完整"
	}
	return ""
}

// displayName shows an agency; a report whose agency was not recognised
// has an empty name.
func displayName(name string) string {
	if name == "" {
		return "（未识别机关）"
	}
	return name
}

// annualYears lists the years in which the agency has an annual report or
// figure, ascending.
func (a *agency) annualYears() []int {
	seen := map[int]bool{}
	for y := range a.reported {
		seen[y] = true
	}
	for _, ys := range a.figures {
		for y := range ys {
			seen[y] = true
		}
	}
	out := make([]int, 0, len(seen))
	for y := range seen {
		out = append(out, y)
	}
	slices.Sort(out)
	return out
}

// span is every year from the agency's first annual year to its last, so
// a year without a report shows as a gap.
func (a *agency) span() []int {
	ys := a.annualYears()
	if len(ys) == 0 {
		return nil
	}
	out := make([]int, 0, ys[len(ys)-1]-ys[0]+1)
	for y := ys[0]; y <= ys[len(ys)-1]; y++ {
		out = append(out, y)
	}
	return out
}

// blankReason says why an agency has no annual figure for metric in year,
// by labels.Blank: no report that year, a legacy report whose form has no
// such item, or a report that does not give it.
func (d *siteData) blankReason(a *agency, metric string, year int) string {
	form, ok := a.reported[year]
	switch {
	case !ok:
		return labels.Blank("no_report")
	case form == "legacy" && !d.legacy[metric]:
		return labels.Blank("not_in_form")
	}
	return labels.Blank("not_reported")
}
