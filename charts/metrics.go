package charts

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// The metric pages: one per comparable metric and per rate
// (metrics/CODE.html), and an index (metrics.html). Every figure on them
// comes from the named queries metric_distribution (per year, over all
// agencies and per peer group: n, quartiles, median, change from the year
// before) and metric_extremes (the agencies at both ends); the pages only
// choose what to show. The definition and 口径 are the crosswalk's rows
// and the rates' formulas, as on the method page.

// Sizes of a metric page.
const (
	endsShown    = 10 // agencies listed at each end
	groupLines   = 6  // peer groups drawn as lines (the largest)
	heatGroups   = 15 // peer groups in the year-over-year heatmap (the largest)
	metricDigits = 1  // decimals of a change in the heatmap
)

// indicator is a comparable metric or a rate: what a metric page is about.
type indicator struct {
	kind, code string // kind "metric" or "rate"
}

func (i indicator) rate() bool { return i.kind == "rate" }

func (i indicator) label() string {
	if i.rate() {
		return labels.Rate(i.code)
	}
	return labels.Metric(i.code)
}

func (i indicator) unit() string {
	if i.rate() {
		return "%"
	}
	return labels.Unit(i.code)
}

// file is the page of the indicator, relative to the site root. Codes are
// the labels table's ([a-z_]), never text from a report.
func (i indicator) file() string { return "metrics/" + i.code + ".html" }

// indicators lists the metrics, then the rates, in display order.
func indicators() []indicator {
	var out []indicator
	for _, m := range labels.Metrics() {
		out = append(out, indicator{"metric", m})
	}
	for _, r := range labels.Rates() {
		out = append(out, indicator{"rate", r})
	}
	return out
}

// distStat is one row of metric_distribution.
type distStat struct {
	n, mapped, nChange               int
	min, q1, median, q3, max, change *float64
}

// indicatorData is what the queries say about one indicator: the
// distribution per year over all agencies and per peer group, and the
// rows at both ends per year.
type indicatorData struct {
	all    map[int]distStat
	groups map[string]map[int]distStat
	ends   map[int][]endRowData
}

type endRowData struct {
	agency              string
	value, num, den     *float64
	top, bottom, n, equ int
	mapped, approx      bool
	report, keys        string
}

// loadIndicators reads the two queries of the metric pages by indicator.
func loadIndicators(dist, ext *queries.Table) map[indicator]*indicatorData {
	out := map[indicator]*indicatorData{}
	get := func(t *queries.Table, row []any) *indicatorData {
		k := indicator{t.Str(row, "kind"), t.Str(row, "indicator")}
		d := out[k]
		if d == nil {
			d = &indicatorData{all: map[int]distStat{}, groups: map[string]map[int]distStat{}, ends: map[int][]endRowData{}}
			out[k] = d
		}
		return d
	}
	for _, row := range dist.Rows() {
		d := get(dist, row)
		s := distStat{n: dist.Int(row, "n"), mapped: dist.Int(row, "n_mapped"), nChange: dist.Int(row, "n_change"),
			min: dist.OptNum(row, "min"), q1: dist.OptNum(row, "q1"), median: dist.OptNum(row, "median"), q3: dist.OptNum(row, "q3"),
			max: dist.OptNum(row, "max"), change: dist.OptNum(row, "median_change")}
		y := dist.Int(row, "year")
		if dist.Str(row, "scope") == "all" {
			d.all[y] = s
			continue
		}
		g := dist.Str(row, "peer_group")
		if d.groups[g] == nil {
			d.groups[g] = map[int]distStat{}
		}
		d.groups[g][y] = s
	}
	for _, row := range ext.Rows() {
		d := get(ext, row)
		y := ext.Int(row, "year")
		d.ends[y] = append(d.ends[y], endRowData{agency: ext.Str(row, "agency"), value: ext.OptNum(row, "value"),
			num: ext.OptNum(row, "numerator"), den: ext.OptNum(row, "denominator"), top: ext.Int(row, "top_rank"),
			bottom: ext.Int(row, "bottom_rank"), n: ext.Int(row, "n"), equ: ext.Int(row, "n_equal"),
			mapped: ext.Bool(row, "mapped"), approx: ext.Bool(row, "approx"), report: ext.Str(row, "report_id"), keys: ext.Str(row, "source_keys")})
	}
	return out
}

// ---- the index of metric pages ----

type metricLink struct {
	Label, Href, Unit, Formula string
	Median, N, Change          string
}

type metricSection struct {
	Name, ChangeUnit string
	Metrics          []metricLink
}

type metricsBody struct {
	Year     int
	Sections []metricSection
}

func (d *siteData) metricsIndex(def int) *page {
	b := metricsBody{Year: def}
	by := map[string]*metricSection{}
	for _, s := range labels.Sections() {
		b.Sections = append(b.Sections, metricSection{Name: s})
	}
	for i := range b.Sections {
		by[b.Sections[i].Name] = &b.Sections[i]
	}
	for _, ind := range indicators() {
		sec := "比率"
		if !ind.rate() {
			sec = labels.MetricSection(ind.code)
		}
		s := by[sec]
		if s == nil {
			continue
		}
		s.ChangeUnit = ind.changeUnit()
		l := metricLink{Label: ind.label(), Href: ind.file(), Unit: ind.unit(), Median: "—", N: "0", Change: "—"}
		if ind.rate() {
			l.Formula = labels.RateFormula(ind.code)
		}
		if st, ok := d.indicator(ind).all[def]; ok {
			l.Median, l.N, l.Change = ind.show(st.median), strconv.Itoa(st.n), ind.change(st.change)
		}
		s.Metrics = append(s.Metrics, l)
	}
	return &page{Title: "指标", Nav: "metrics", Body: b}
}

// indicator returns what the queries say about ind (empty when nothing).
func (d *siteData) indicator(ind indicator) *indicatorData {
	if x := d.metrics[ind]; x != nil {
		return x
	}
	return &indicatorData{all: map[int]distStat{}, groups: map[string]map[int]distStat{}, ends: map[int][]endRowData{}}
}

// show formats a value of the indicator: a rate as a percentage, a figure
// as a number; missing is "—".
func (i indicator) show(v *float64) string {
	if i.rate() {
		return percent(v)
	}
	return display(v)
}

// change formats a median change from the year before, in changeUnit:
// a signed percentage for a metric, percentage points for a rate.
func (i indicator) change(v *float64) string {
	if v == nil {
		return "—"
	}
	s := strconv.FormatFloat(*v*100, 'f', metricDigits, 64)
	if !strings.HasPrefix(s, "-") && s != "0.0" {
		s = "+" + s
	}
	return s
}

// changeUnit is the unit of a change of the indicator from the year
// before: % of the previous value for a metric, percentage points for a
// rate.
func (i indicator) changeUnit() string {
	if i.rate() {
		return "个百分点"
	}
	return "%"
}

// ---- one metric page ----

type defRow struct{ Era, Keys, Confidence, Note string }

type partLink struct{ Label, Href, Role string }

type distView struct {
	Year                          int
	N, Mapped                     string
	Min, Q1, Median, Q3, Max, All cellView
	Change                        string
	NChange                       int
}

type endView struct {
	Rank            int
	Agency, Href    string
	Value           cellView
	Equal, Num, Den string
}

type endsView struct {
	Year, N     int
	Top, Bottom endList
	Open        bool
	Hidden      int
}

// endList is one end's table: its rows, and the unit and kind of its
// values.
type endList struct {
	Rows []endView
	Unit string
	Rate bool
}

type metricBody struct {
	Label, Unit, Section, Formula, Code, ChangeUnit string
	Rate                                            bool
	Year                                            int
	Definition                                      []defRow
	Parts                                           []partLink
	Dist                                            []distView
	Groups                                          dataTable
	GroupsHidden                                    int
	Ends                                            []endsView
	Shown                                           int
}

// metricPage is the page of one indicator. def is the default year of the
// overview, whose ends are shown open.
func (d *siteData) metricPage(ind indicator, def int) (*page, error) {
	const root = "../"
	x := d.indicator(ind)
	p := &page{Title: ind.label(), Root: root, Nav: "metrics"}
	b := metricBody{Label: ind.label(), Unit: ind.unit(), Rate: ind.rate(), Year: def, Code: ind.code, ChangeUnit: ind.changeUnit(), Shown: endsShown}
	if ind.rate() {
		b.Section, b.Formula = "比率", labels.RateFormula(ind.code)
		num, den := rateParts(ind.code)
		for _, m := range num {
			b.Parts = append(b.Parts, partLink{Label: labels.Metric(m), Href: root + indicator{"metric", m}.file(), Role: "分子"})
		}
		if den != "" {
			b.Parts = append(b.Parts, partLink{Label: labels.Metric(den), Href: root + indicator{"metric", den}.file(), Role: "分母"})
		}
	} else {
		b.Section = labels.MetricSection(ind.code)
		c := d.crosswalk
		for _, row := range c.Rows() {
			if c.Str(row, "metric") != ind.code {
				continue
			}
			keys := c.Str(row, "modern_source")
			if keys == "" {
				keys = c.Str(row, "legacy_source")
			}
			b.Definition = append(b.Definition, defRow{Era: labels.Era(c.Str(row, "era")), Keys: keyList(keys),
				Confidence: labels.Confidence(c.Str(row, "confidence")), Note: c.Str(row, "note")})
		}
	}
	years := d.years
	xs := yearLabels(years)
	var blocks []chartBlock
	add := func(s chartSpec) error {
		bl, err := s.build()
		if err == nil {
			blocks = append(blocks, bl)
		}
		return err
	}
	// The distribution by year: quartiles and median, with n.
	if len(x.all) > 0 {
		lines := []struct {
			name string
			get  func(distStat) *float64
		}{{"上四分位数", func(s distStat) *float64 { return s.q3 }}, {"中位数", func(s distStat) *float64 { return s.median }},
			{"下四分位数", func(s distStat) *float64 { return s.q1 }}}
		var ss []series
		for _, l := range lines {
			s := series{Name: l.name}
			for _, y := range years {
				st, ok := x.all[y]
				var v *float64
				if ok {
					v = l.get(st)
				}
				s.Points = append(s.Points, v)
				n := float64(st.n)
				s.N = append(s.N, &n)
			}
			ss = append(ss, s)
		}
		if ind.rate() {
			s := series{Name: "全部机关合计"}
			for _, y := range years {
				c := d.allRates[ind.code][y]
				s.Points = append(s.Points, c.value)
				n := float64(c.n)
				s.N = append(s.N, &n)
			}
			ss = append(ss, s)
		}
		note := "各年有此数字的机关的中位数与四分位数；n 为有此数字的机关数，各年不同。空白不计为 0。"
		if ind.rate() {
			note = "各机关比率的中位数与四分位数（分母为 0 或空白的不计）；“全部机关合计”由汇总后的计数重新计算。n 为机关数。"
		}
		if err := add(chartSpec{ID: "m-dist", Title: "各年的分布（" + b.Unit + "）", Note: note, Kind: lineChart, Cats: xs, Series: ss,
			Unit: b.Unit, Percent: ind.rate()}); err != nil {
			return nil, err
		}
	}
	for _, y := range years {
		st, ok := x.all[y]
		if !ok {
			continue
		}
		dv := distView{Year: y, N: strconv.Itoa(st.n), Mapped: strconv.Itoa(st.mapped), Min: cellView{Text: ind.show(st.min)},
			Q1: cellView{Text: ind.show(st.q1)}, Median: cellView{Text: ind.show(st.median)}, Q3: cellView{Text: ind.show(st.q3)},
			Max: cellView{Text: ind.show(st.max)}, Change: ind.change(st.change), NChange: st.nChange}
		if ind.rate() {
			c := d.allRates[ind.code][y]
			dv.All = cellView{Text: percent(c.value), Title: fmt.Sprintf("n = %d 个机关；%s / %s", c.n, display(c.numerator), display(c.denominator))}
		}
		b.Dist = append(b.Dist, dv)
	}
	// Peer-group medians: the groups with at least minPeers agencies in
	// some year, largest first.
	groups := d.metricGroups(x, def)
	b.Groups.Head = append([]string{"同类组"}, xs...)
	b.Groups.Long, b.Groups.Col, b.Groups.Label, b.Groups.Unit = true, "年份", "同类组", b.Unit
	var gs []series
	for _, g := range groups {
		row := dataRow{Label: labels.PeerGroup(g)}
		s := series{Name: labels.PeerGroup(g)}
		for _, y := range years {
			st, ok := x.groups[g][y]
			c := cellView{Text: "—", Class: "blank"}
			var v *float64
			if ok && st.n >= minPeers {
				v = st.median
				c = cellView{Text: ind.show(st.median), N: strconv.Itoa(st.n), Title: "n = " + strconv.Itoa(st.n)}
			} else if ok {
				c.Title = fmt.Sprintf("只有 %d 个机关，不足 %d 个", st.n, minPeers)
			}
			row.Cells = append(row.Cells, c)
			s.Points = append(s.Points, v)
			n := float64(st.n)
			s.N = append(s.N, &n)
		}
		b.Groups.Rows = append(b.Groups.Rows, row)
		if len(gs) < groupLines {
			gs = append(gs, s)
		}
	}
	b.GroupsHidden = len(x.groups) - len(groups)
	if len(gs) > 0 {
		if err := add(chartSpec{ID: "m-groups", Title: "同类组的中位数（" + b.Unit + "）", Kind: lineChart, Cats: xs, Series: gs, Unit: b.Unit,
			Percent: ind.rate(), Note: fmt.Sprintf("机关最多的 %d 个同类组；组内有此数字的机关不足 %d 个的年份不画出。", len(gs), minPeers)}); err != nil {
			return nil, err
		}
	}
	if hs, ok := d.metricHeat(ind, x, years, groups); ok {
		if err := add(hs); err != nil {
			return nil, err
		}
	}
	b.Ends = d.metricEnds(ind, x, years, def, root)
	p.Charts = blocks
	p.Body = b
	return p, nil
}

// metricGroups lists the peer groups that have at least minPeers agencies
// with the indicator in some year, by their number of agencies in year def
// (then in any year), largest first.
func (d *siteData) metricGroups(x *indicatorData, def int) []string {
	type gn struct {
		code      string
		def, most int
	}
	var list []gn
	for g, ys := range x.groups {
		e := gn{code: g}
		for y, st := range ys {
			e.most = max(e.most, st.n)
			if y == def {
				e.def = st.n
			}
		}
		if e.most >= minPeers {
			list = append(list, e)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].def != list[j].def {
			return list[i].def > list[j].def
		}
		if list[i].most != list[j].most {
			return list[i].most > list[j].most
		}
		return list[i].code < list[j].code
	})
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = e.code
	}
	return out
}

// metricHeat is the heatmap of the median change from the year before:
// all agencies, then the largest peer groups, by year. A cell needs at
// least one agency with a change (minPeers for a group).
func (d *siteData) metricHeat(ind indicator, x *indicatorData, years []int, groups []string) (chartSpec, bool) {
	if len(years) < 2 {
		return chartSpec{}, false
	}
	xs := yearLabels(years[1:])
	unit := "%"
	if ind.rate() {
		unit = "个百分点"
	}
	s := chartSpec{ID: "m-yoy", Kind: heatmapChart, Cats: xs, Unit: unit, Diverging: true,
		Title: "与上年相比的中位变化（" + unit + "）",
		Note: "每格为该年与上一年都有此数字的机关的变化的中位数（" + map[bool]string{false: "变化率", true: "比率之差"}[ind.rate()] +
			"）；隔年的不计，上年为 0 的没有变化率。悬停可见机关数 n。"}
	rows := []struct {
		name string
		st   map[int]distStat
		min  int
	}{{"全部机关", x.all, 1}}
	for _, g := range groups {
		if len(rows) > heatGroups {
			break
		}
		rows = append(rows, struct {
			name string
			st   map[int]distStat
			min  int
		}{labels.PeerGroup(g), x.groups[g], minPeers})
	}
	for i, r := range rows {
		s.Rows = append(s.Rows, r.name)
		for j, y := range years[1:] {
			st, ok := r.st[y]
			if !ok || st.change == nil || st.nChange < r.min {
				continue
			}
			s.Heat = append(s.Heat, [3]float64{float64(j), float64(i), round(*st.change*100, metricDigits)})
			s.HeatN = append(s.HeatN, st.nChange)
		}
	}
	if len(s.Heat) == 0 {
		return chartSpec{}, false
	}
	return s, true
}

// metricEnds lists, per year (the latest first), the agencies with the
// largest and the smallest values, leaving out those kept out of rankings.
func (d *siteData) metricEnds(ind indicator, x *indicatorData, years []int, def int, root string) []endsView {
	var out []endsView
	for i := len(years) - 1; i >= 0; i-- {
		y := years[i]
		rows := x.ends[y]
		if len(rows) == 0 {
			continue
		}
		e := endsView{Year: y, N: rows[0].n, Open: y == def}
		hidden := map[string]bool{}
		view := func(r endRowData, rank int) endView {
			v := endView{Rank: rank, Agency: displayName(r.agency), Href: agencyHref(root, r.agency), Equal: strconv.Itoa(r.equ),
				Num: display(r.num), Den: display(r.den)}
			v.Value = cellView{Text: ind.show(r.value)}
			if r.approx && r.value != nil {
				v.Value.Text = "约 " + v.Value.Text
			}
			if r.mapped {
				v.Value.Title, v.Value.Class = "由旧表口径换算", "mapped"
			}
			if ind.rate() {
				if a := d.byName[r.agency]; a != nil {
					v.Value.Href = d.rateHref(a, ind.code, y, root)
				}
			} else if r.report != "" {
				v.Value.Href = sourceHref(root, r.report, strings.Split(r.keys, " + "))
			}
			return v
		}
		top := slices.Clone(rows)
		sort.Slice(top, func(i, j int) bool { return top[i].top < top[j].top })
		bottom := slices.Clone(rows)
		sort.Slice(bottom, func(i, j int) bool { return bottom[i].bottom < bottom[j].bottom })
		pick := func(list []endRowData, rank func(endRowData) int) []endView {
			var vs []endView
			for _, r := range list {
				if rank(r) > 20 || len(vs) == endsShown {
					continue
				}
				if a := d.byName[r.agency]; a == nil || a.excluded != "" {
					hidden[r.agency] = true
					continue
				}
				vs = append(vs, view(r, rank(r)))
			}
			return vs
		}
		e.Top = endList{Rows: pick(top, func(r endRowData) int { return r.top }), Unit: ind.unit(), Rate: ind.rate()}
		e.Bottom = endList{Rows: pick(bottom, func(r endRowData) int { return r.bottom }), Unit: ind.unit(), Rate: ind.rate()}
		e.Hidden = len(hidden)
		out = append(out, e)
	}
	return out
}

// heatRange is the largest absolute value of a diverging heatmap (at
// least 1), so 0 sits in the middle of its colours.
func heatRange(h [][3]float64) float64 {
	hi := 1.0
	for _, c := range h {
		hi = math.Max(hi, math.Abs(c[2]))
	}
	return hi
}
