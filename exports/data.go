package exports

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// workbookQueries are the named queries the workbooks read whole. They
// also read queries.SourcesQuery, a batch of agencies at a time.
var workbookQueries = []string{"harmonised", "rates", "yoy", "trust", "failed_checks", "crosswalk", "coverage", "quality", "report_quality"}

// Queries returns the names of the named queries the workbooks read whole
// (with an empty filter), so a caller building several outputs can run
// each once and share the results (see BuildWith).
func Queries() []string { return append(slices.Clone(workbookQueries), sideQueries...) }

// sideQueries are read whole too but not filed by agency: the agency of a
// line of corrections is the one read, not the one in force.
var sideQueries = []string{"corrections"}

// QueryFunc runs one named query with a filter. Build uses queries.Run;
// BuildWith takes any QueryFunc, such as one that shares results with the
// chart site.
type QueryFunc = queries.RunFunc

// lowTrust is the trust score (see the trust query) below which the
// figures of a report are marked as low-trust.
const lowTrust = 0.8

// data is the query results, with the rows of each agency indexed, the
// agencies in division order and their peer groups.
type data struct {
	res      map[string]*table
	years    []int // annual years from the first to the last, contiguous
	agencies []*agency
	byName   map[string]*agency
	groups   []*group // in order of their first member
	all      *group   // every compared agency
	cw       crosswalk
	reports  int    // stored reports (revisions included)
	stamp    string // a checksum of the data, for the cover and footers
	now      time.Time
	// sourcesSeen is set once every agency's sources were read (their
	// blank cells are known).
	sourcesSeen bool
	fixes       map[string]string // report id → the 人工校正 words of its corrected report fields
}

// agency is one agency with its figures, its report years and forms, and
// its rows of every query.
type agency struct {
	queries.Agency
	levelCode string
	code      string // division code; "" when its place cannot be told
	exclude   string // why it is not compared (labels.Exclusion code); "" when it is
	group     *group // nil when it has no peer group
	// figures are the annual figures, metric → year; half the h1 ones.
	figures, half map[string]map[int]*figure
	forms         map[int]string // annual year → form of the preferred report
	halfForms     map[int]string // year → form of the preferred half-year report
	trust         map[int]float64
	halfTrust     map[int]float64
	rates         map[string]map[int]rateRow // annual rates: rate → year → row
	// blanks are the kinds of value of the printed cells that hold no
	// number, period·key → year → kind (empty, not_applicable), from the
	// agency's sources.
	blanks map[string]map[int]string
	paths  []string          // the files of its reports, from its sources
	files  map[string]string // period·year → the file of the preferred report
	noYear bool              // a report of unknown year
	rows   map[string][][]any
	stem   string // the file name of its workbook, without .xlsx
	folder string // the folder of its workbook, by province
}

// figure is one harmonised figure with its marks.
type figure struct {
	v            float64
	approx       bool
	mapped       bool
	corrected    bool // a human correction is part of it
	form, report string
}

// rateRow is one agency-year of the rates query.
type rateRow struct {
	num, den, val *float64
	mapped        bool
}

// crosswalk is what the workbooks need of the crosswalk: which metrics an
// era's reports can give, and the keys of each metric's first rule.
type crosswalk struct {
	has   map[string]map[string]bool     // era → metric → a rule exists
	first map[string]map[string][]string // era → metric → source keys of the lowest step
	unit  map[string]string              // metric → unit
	byKey map[string][]string            // source key → metrics whose first rule reads it
	keys  map[string]bool                // every key any rule reads
}

func loadData(ctx context.Context, run QueryFunc, now time.Time) (*data, error) {
	d := &data{res: map[string]*table{}, byName: map[string]*agency{}, now: now}
	tables, err := queries.LoadTables(ctx, run, append(slices.Clone(workbookQueries), sideQueries...))
	if err != nil {
		return nil, fmt.Errorf("load workbook data: %w", err)
	}
	for name, t := range tables {
		d.res[name] = &table{t}
	}
	d.readCrosswalk()
	d.fixes = reportFixes(d.res["corrections"])
	for _, name := range workbookQueries {
		t := d.res[name]
		if !t.Has("agency") {
			continue
		}
		for _, row := range t.Rows() {
			who := t.str(row, "agency")
			if who == "" {
				continue // an aggregate row (peer group, all agencies)
			}
			a := d.agency(who)
			a.rows[name] = append(a.rows[name], row)
			t.FillAgency(row, &a.Agency)
			if a.levelCode == "" {
				a.levelCode = t.str(row, "level")
			}
		}
	}
	c := d.res["coverage"]
	for _, r := range c.Rows() {
		d.reports += c.Int(r, "n_reports")
	}
	years := map[int]bool{}
	for _, a := range d.byName {
		d.readAgency(a, years)
	}
	d.years = span(years)
	for _, a := range d.byName {
		d.agencies = append(d.agencies, a)
	}
	slices.SortFunc(d.agencies, compareAgencies)
	d.makeGroups()
	d.stamp = d.checksum()
	return d, nil
}

// readAgency fills an agency's figures, forms, trust and rates from its
// rows, and tells where it is and whether it is compared.
func (d *data) readAgency(a *agency, years map[int]bool) {
	h := d.res["harmonised"]
	for _, r := range a.rows["harmonised"] {
		y := h.Int(r, "year")
		if y <= 0 {
			a.noYear = true
			continue
		}
		v, ok := h.Num(r, "value")
		if !ok {
			continue
		}
		f := &figure{v: v, approx: h.Bool(r, "approx"), mapped: h.Bool(r, "mapped"), corrected: h.Bool(r, "corrected"),
			form: h.str(r, "form"), report: h.str(r, "report_id")}
		m := h.str(r, "metric")
		into := a.figures
		if queries.Annual(h.str(r, "period")) {
			years[y] = true
		} else {
			into = a.half
		}
		if into[m] == nil {
			into[m] = map[int]*figure{}
		}
		into[m][y] = f
	}
	c := d.res["coverage"]
	for _, r := range a.rows["coverage"] {
		y := c.Int(r, "year")
		if y <= 0 {
			a.noYear = true
			continue
		}
		if queries.Annual(c.str(r, "period")) {
			a.forms[y] = c.str(r, "form")
			years[y] = true
		} else {
			a.halfForms[y] = c.str(r, "form")
		}
	}
	t := d.res["trust"]
	for _, r := range a.rows["trust"] {
		if s, ok := t.Num(r, "trust_score"); ok {
			if queries.Annual(t.str(r, "period")) {
				a.trust[t.Int(r, "year")] = s
			} else {
				a.halfTrust[t.Int(r, "year")] = s
			}
		}
	}
	rt := d.res["rates"]
	for _, r := range a.rows["rates"] {
		if !queries.Annual(rt.str(r, "period")) || rt.str(r, "scope") != "agency" {
			continue
		}
		rate := rt.str(r, "rate")
		if a.rates[rate] == nil {
			a.rates[rate] = map[int]rateRow{}
		}
		a.rates[rate][rt.Int(r, "year")] = rateRow{num: rt.OptNum(r, "numerator"), den: rt.OptNum(r, "denominator"),
			val: rt.OptNum(r, "value"), mapped: rt.Bool(r, "mapped")}
	}
	a.code = a.DivisionCode
	switch {
	case strings.HasPrefix(a.Name, "未识别机关"):
		a.exclude = "unidentified"
	case a.Province == "" && a.levelCode != "national" && a.code == "":
		a.exclude = "incomplete"
	case len(a.forms) == 0 && a.noYear:
		a.exclude = "no_year"
	}
}

// compareAgencies orders agencies as officials look for them: national
// bodies, then by division code (province, city, county), then by level
// and name; agencies without a code after the others, unidentified last.
func compareAgencies(a, b *agency) int {
	rank := func(x *agency) int {
		switch {
		case x.exclude == "unidentified":
			return 3
		case x.levelCode == "national":
			return 0
		case x.code == "":
			return 2
		}
		return 1
	}
	return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a.code, b.code),
		cmp.Compare(levelRank(a.levelCode), levelRank(b.levelCode)), cmp.Compare(a.Province, b.Province),
		cmp.Compare(a.Name, b.Name))
}

// span is the contiguous run of years from the first to the last of ys.
func span(ys map[int]bool) []int {
	lo, hi := 0, 0
	for y := range ys {
		if lo == 0 || y < lo {
			lo = y
		}
		if y > hi {
			hi = y
		}
	}
	if lo == 0 {
		return nil
	}
	out := make([]int, 0, hi-lo+1)
	for y := lo; y <= hi; y++ {
		out = append(out, y)
	}
	return out
}

// agencyYears is the contiguous run of an agency's annual years.
func agencyYears(a *agency) []int {
	ys := map[int]bool{}
	for y := range a.forms {
		ys[y] = true
	}
	for _, m := range a.figures {
		for y := range m {
			ys[y] = true
		}
	}
	return span(ys)
}

// halfYears are the years of an agency's half-year reports, ascending.
func halfYears(a *agency) []int {
	var out []int
	for y := range a.halfForms {
		out = append(out, y)
	}
	slices.Sort(out)
	return out
}

func (d *data) readCrosswalk() {
	cw := crosswalk{has: map[string]map[string]bool{}, first: map[string]map[string][]string{}, unit: map[string]string{},
		byKey: map[string][]string{}, keys: map[string]bool{}}
	t := d.res["crosswalk"]
	best := map[[2]string]int{}
	for _, r := range t.Rows() {
		m := t.str(r, "metric")
		cw.unit[m] = labels.Unit(m)
		for _, era := range []string{"modern", "legacy"} {
			src := t.str(r, era+"_source")
			if src == "" {
				continue
			}
			if cw.has[era] == nil {
				cw.has[era], cw.first[era] = map[string]bool{}, map[string][]string{}
			}
			cw.has[era][m] = true
			for _, k := range strings.Split(src, " + ") {
				cw.keys[k] = true
			}
			step := t.Int(r, "step")
			k := [2]string{era, m}
			if s, ok := best[k]; !ok || step < s {
				best[k] = step
				cw.first[era][m] = strings.Split(src, " + ")
			}
		}
	}
	seen := map[[2]string]bool{}
	for _, byMetric := range cw.first {
		for m, keys := range byMetric {
			for _, k := range keys {
				if !seen[[2]string{k, m}] {
					seen[[2]string{k, m}] = true
					cw.byKey[k] = append(cw.byKey[k], m)
				}
			}
		}
	}
	d.cw = cw
}

// era is the crosswalk era of a report, as the harmonised query decides it.
func era(form string, year int) string {
	if form == "table2019" || form == "table2021" || form == "narrative" && year >= 2019 {
		return "modern"
	}
	return "legacy"
}

// cell is an agency's figure of metric in year of a period ("year" or
// "h1") for a workbook cell, with its marks, or why it is blank.
func (d *data) cell(a *agency, metric string, year int, half bool) fig {
	return d.cellOf(a, metric, year, half, true)
}

// cellOf is cell; exact tells whether the agency's sources were read, so
// that a blank can say the report printed an empty or not-applicable cell.
// A peer's cell in another agency's workbook is not exact: its sources may
// be in a batch not read yet, and the workbook must not depend on that.
func (d *data) cellOf(a *agency, metric string, year int, half, exact bool) fig {
	figs, forms, trust := a.figures, a.forms, a.trust
	period := "year"
	if half {
		figs, forms, trust, period = a.half, a.halfForms, a.halfTrust, "h1"
	}
	kind := colCount
	if u := labels.Unit(metric); u == "万元" {
		kind = colMoney
	}
	if f := figs[metric][year]; f != nil {
		out := fig{v: f.v, ok: true, kind: kind}
		if f.approx {
			out.marks |= markApprox
		}
		if f.mapped {
			out.marks |= markMapped
		}
		if f.corrected {
			out.marks |= markCorrected
		}
		if s, ok := trust[year]; ok && s < lowTrust {
			out.marks |= markLowTrust
		}
		return out
	}
	form, ok := forms[year]
	if !ok {
		if !half && a.halfForms[year] != "" {
			return fig{blank: labels.Blank("half_year")}
		}
		return fig{blank: labels.Blank("no_report")}
	}
	e := era(form, year)
	if !d.cw.has[e][metric] {
		return fig{blank: labels.Blank("not_in_form")}
	}
	if !exact {
		return fig{blank: labels.Blank("not_reported")}
	}
	for _, k := range d.cw.first[e][metric] {
		switch a.blanks[period+"·"+k][year] {
		case "not_applicable":
			return fig{blank: labels.Blank("not_applicable")}
		case "empty":
			return fig{blank: labels.Blank("empty")}
		}
	}
	return fig{blank: labels.Blank("not_reported")}
}

// loadSources reads the sources of a batch of agencies into their rows,
// noting the blank cells and the files of each.
func (d *data) loadSources(ctx context.Context, run QueryFunc, batch []*agency) error {
	names := make([]string, len(batch))
	for i, a := range batch {
		names[i] = a.Name
	}
	s, err := queries.LoadSources(ctx, run, names)
	if err != nil {
		return err
	}
	t := &table{s}
	d.res[queries.SourcesQuery] = t
	for _, row := range t.Rows() {
		a := d.byName[t.str(row, "agency")]
		if a == nil {
			continue
		}
		a.rows[queries.SourcesQuery] = append(a.rows[queries.SourcesQuery], row)
		if k := t.str(row, "kind"); k != "number" && k != "" {
			key := t.str(row, "period") + "·" + t.str(row, "key")
			if a.blanks[key] == nil {
				a.blanks[key] = map[int]string{}
			}
			a.blanks[key][t.Int(row, "year")] = k
		}
		if p := t.str(row, "path"); p != "" && (len(a.paths) == 0 || a.paths[len(a.paths)-1] != p) && !slices.Contains(a.paths, p) {
			a.paths = append(a.paths, p)
			a.files[t.str(row, "period")+"·"+strconv.Itoa(t.Int(row, "year"))] = p
		}
	}
	return nil
}

func (d *data) agency(name string) *agency {
	a := d.byName[name]
	if a == nil {
		a = &agency{Agency: queries.Agency{Name: name}, figures: map[string]map[int]*figure{}, half: map[string]map[int]*figure{},
			forms: map[int]string{}, halfForms: map[int]string{}, trust: map[int]float64{}, halfTrust: map[int]float64{},
			rates: map[string]map[int]rateRow{}, blanks: map[string]map[int]string{}, files: map[string]string{}, rows: map[string][][]any{}}
		d.byName[name] = a
	}
	return a
}

// checksum is a short decimal digest of the figures the workbooks show,
// printed on the cover and in every footer so two copies can be told apart.
func (d *data) checksum() string {
	h := sha256.New()
	for _, name := range []string{"harmonised", "coverage", "trust"} {
		for _, r := range d.res[name].Rows() {
			for _, v := range r {
				hashValue(h, v)
			}
		}
	}
	return digits(h)
}

// digits is the first 8 decimal digits of a hash.
func digits(h interface{ Sum([]byte) []byte }) string {
	n := binary.BigEndian.Uint64(h.Sum(nil)[:8]) % 100_000_000
	return fmt.Sprintf("%08d", n)
}

// place is where an agency is, in words: 省份 城市 (for the cover).
func (a *agency) place() string {
	var parts []string
	for _, p := range []string{a.Province, a.City} {
		if p != "" && !slices.Contains(parts, p) {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

// idCols are the columns that say who an agency is, first in every table
// about agencies; idRow gives their values.
var idCols = []column{{Header: "省份"}, {Header: "城市"}, {Header: "区划代码", Note: "division"}, {Header: "机关"}, {Header: "层级"}, {Header: "类别"}}

func idRow(a *agency) []any {
	return []any{a.Province, a.City, a.code, a.Name, a.Level, a.Kind}
}

// yearHeader is the header of a year column holding figures of unit.
func yearHeader(y int, unit string) string {
	if unit == "" {
		return strconv.Itoa(y) + " 年"
	}
	return strconv.Itoa(y) + " 年（" + unit + "）"
}
