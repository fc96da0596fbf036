package charts

import (
	"fmt"
	"slices"
	"sort"
	"strconv"

	"github.com/xxgk/xxgk/queries/labels"
)

// Sizes that keep the overview readable and under its size budget at
// 3,000 agencies: rankings show the top few of the largest peer groups,
// everything else is in the tables and on the agency pages.
const (
	topRanking   = 15 // bars in a ranking
	rankedGroups = 6  // peer groups ranked on an overview page
	heatAgencies = 40 // up to this many agencies the heatmap has a row each; then one per province
	// coverageShare is the share of reporting agencies a year needs to be
	// the default year of the overview.
	coverageShare = 0.8
)

type yearLink struct {
	Year, N         int
	Href            string
	Current, Chosen bool
}

type groupRow struct {
	Group         string
	N             int
	Median        string
	Grant, Denial cellView
	Top, TopHref  string
	TopValue      string
	Ranked        bool
	GrantN, DenyN string
}

type overviewBody struct {
	Year, NAgencies, NReporting, NYear, NFailed, NExcluded int
	YearSpan                                               string
	Years                                                  []yearLink
	Groups                                                 []groupRow
	Grades                                                 []gradeGroup
}

// reporting is how many ranked agencies have an annual report in year.
func (d *siteData) reporting(year int) int {
	n := 0
	for _, a := range d.agencies {
		if _, ok := a.reported[year]; ok && a.excluded == "" {
			n++
		}
	}
	return n
}

// defaultYear is the overview's year: the latest year with annual reports
// from at least 80% of the agencies that report at all, else the year with
// the most reports (the later on a tie). The latest year alone is often
// reported by a handful of agencies early on.
func (d *siteData) defaultYear() (int, bool) {
	total := 0
	for _, a := range d.agencies {
		if len(a.reported) > 0 && a.excluded == "" {
			total++
		}
	}
	if total == 0 || len(d.years) == 0 {
		return 0, false
	}
	best, bestN := 0, -1
	for i := len(d.years) - 1; i >= 0; i-- {
		y := d.years[i]
		n := d.reporting(y)
		if float64(n) >= coverageShare*float64(total) {
			return y, true
		}
		if n > bestN {
			best, bestN = y, n
		}
	}
	return best, bestN > 0
}

// overviewFile is the page of an overview year: index.html for the default.
func overviewFile(year, def int) string {
	if year == def {
		return "index.html"
	}
	return "index-" + strconv.Itoa(year) + ".html"
}

func (d *siteData) overviewPage(year, def int) (*page, error) {
	p := &page{Title: "总览", Nav: "index"}
	body := overviewBody{Year: year, NAgencies: len(d.agencies), NFailed: len(d.failed), NYear: d.reporting(year)}
	for _, a := range d.agencies {
		if a.excluded != "" {
			body.NExcluded++
		} else if len(a.reported) > 0 {
			body.NReporting++
		}
	}
	if len(d.years) > 0 {
		body.YearSpan = fmt.Sprintf("%d–%d 年", d.years[0], d.years[len(d.years)-1])
	}
	for _, y := range d.years {
		body.Years = append(body.Years, yearLink{Year: y, N: d.reporting(y), Href: overviewFile(y, def), Current: y == year, Chosen: y == def})
	}
	var blocks []chartBlock
	add := func(s chartSpec) error {
		b, err := s.build()
		if err == nil {
			blocks = append(blocks, b)
		}
		return err
	}
	if len(d.years) > 0 {
		if err := add(d.coverageChart()); err != nil {
			return nil, err
		}
	}
	var rs []series
	for _, r := range labels.Rates() {
		s := series{Name: labels.Rate(r)}
		has := false
		for _, y := range d.years {
			c := d.allRates[r][y]
			s.Points = append(s.Points, c.value)
			n := float64(c.n)
			s.N = append(s.N, &n)
			has = has || c.value != nil
		}
		if has {
			rs = append(rs, s)
		}
	}
	if len(rs) > 0 {
		if err := add(chartSpec{ID: "all-rates", Title: "全部机关合计的比率（%）", Kind: lineChart, Cats: yearLabels(d.years), Series: rs, Percent: true,
			Note: "由各机关的计数汇总后重新计算，不是比率的平均；n 为参与汇总的机关数，各年不同。"}); err != nil {
			return nil, err
		}
	}
	groups := d.groupsOf(year)
	ranked := 0
	for _, g := range groups {
		row := groupRow{Group: labels.PeerGroup(g.code), N: len(g.members), Median: display(median(g.values()))}
		for _, pair := range []struct {
			rate string
			dst  *cellView
		}{{"grant_rate", &row.Grant}, {"denial_rate", &row.Denial}} {
			c, ok := d.grpRates[g.code][pair.rate][year]
			*pair.dst = cellView{Text: "—"}
			if ok && c.value != nil {
				*pair.dst = cellView{Text: percent(c.value), Title: fmt.Sprintf("n = %d 个机关；%s / %s", c.n, display(c.numerator), display(c.denominator))}
			}
		}
		if len(g.members) > 0 {
			top := g.members[0]
			row.Top, row.TopHref, row.TopValue = top.a.Name, agencyHref("", top.a.Name), labels.Number(top.v)
		}
		if len(g.members) >= minPeers && ranked < rankedGroups {
			ranked++
			row.Ranked = true
			s := series{Name: labels.Metric("received")}
			var names []string
			for _, m := range g.members[:min(topRanking, len(g.members))] {
				v := m.v
				s.Points = append(s.Points, &v)
				s.Links = append(s.Links, sourceHref("", m.f.report, m.f.keys))
				s.Approx = append(s.Approx, m.f.approx)
				s.Mapped = append(s.Mapped, m.f.mapped)
				names = append(names, displayName(m.a.Name))
			}
			if err := add(chartSpec{ID: "rank-" + strconv.Itoa(ranked), Kind: rankingChart, Cats: names, Series: []series{s}, Unit: labels.Unit("received"),
				Title: fmt.Sprintf("%d 年%s：收到申请（件）", year, labels.PeerGroup(g.code)),
				Note:  fmt.Sprintf("同类组内有此数字的机关共 %d 个（n = %d），列出前 %d 名；点击条形查看原文。", len(g.members), len(g.members), min(topRanking, len(g.members)))}); err != nil {
				return nil, err
			}
		}
		body.Groups = append(body.Groups, row)
	}
	body.Grades = d.gradeRanking(year)
	p.Charts = blocks
	p.Body = body
	return p, nil
}

type member struct {
	a *agency
	v float64
	f figure
}

type group struct {
	code    string
	members []member // by value, largest first
}

func (g group) values() []float64 {
	out := make([]float64, len(g.members))
	for i, m := range g.members {
		out[i] = m.v
	}
	return out
}

// groupsOf lists the peer groups of year with the ranked agencies that have
// a figure for applications received, largest group first.
func (d *siteData) groupsOf(year int) []group {
	by := map[string]*group{}
	for _, a := range d.agencies {
		if a.excluded != "" || a.group == "" {
			continue
		}
		f, ok := a.figures["received"][year]
		if !ok || f.value == nil {
			continue
		}
		g := by[a.group]
		if g == nil {
			g = &group{code: a.group}
			by[a.group] = g
		}
		g.members = append(g.members, member{a, *f.value, f})
	}
	out := make([]group, 0, len(by))
	for _, g := range by {
		sort.SliceStable(g.members, func(i, j int) bool {
			if g.members[i].v != g.members[j].v {
				return g.members[i].v > g.members[j].v
			}
			return g.members[i].a.Name < g.members[j].a.Name
		})
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].members) != len(out[j].members) {
			return len(out[i].members) > len(out[j].members)
		}
		return out[i].code < out[j].code
	})
	return out
}

func median(vs []float64) *float64 {
	if len(vs) == 0 {
		return nil
	}
	s := slices.Clone(vs)
	slices.Sort(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return &m
}

// coverageChart is the agencies × years heatmap of reports by form, or,
// with many agencies, provinces × years by the number of agencies with an
// annual report.
func (d *siteData) coverageChart() chartSpec {
	xs := yearLabels(d.years)
	col := map[int]int{}
	for i, y := range d.years {
		col[y] = i
	}
	forms := []string{"table2021", "table2019", "legacy", "narrative"}
	s := chartSpec{ID: "coverage", Kind: heatmapChart, Cats: xs}
	if len(d.agencies) <= heatAgencies {
		s.Title, s.Note = "各机关各年的报告（按格式）", "每格一份年度报告，颜色为其格式；空格表示该年没有年度报告。点击格子查看原文。"
		for _, f := range forms {
			s.Pieces = append(s.Pieces, labels.Form(f))
		}
		for i, a := range d.agencies {
			s.Rows = append(s.Rows, displayName(a.Name))
			for _, r := range a.reports {
				if r.Superseded || r.Period != "year" {
					continue
				}
				k := slices.Index(forms, r.Form) + 1
				if k == 0 {
					continue
				}
				s.Heat = append(s.Heat, [3]float64{float64(col[r.Year]), float64(i), float64(k)})
				s.Links = append(s.Links, sourceHref("", r.ID, nil))
			}
		}
		return s
	}
	s.Title, s.Note = "各省各年有年度报告的机关数（个）", fmt.Sprintf("共 %d 个机关，按省份汇总；颜色越深，该年报告的机关越多。", len(d.agencies))
	count := map[string]map[int]int{}
	for _, a := range d.agencies {
		prov := a.Province
		if prov == "" {
			prov = "省份不明"
		}
		if count[prov] == nil {
			count[prov] = map[int]int{}
		}
		for y := range a.reported {
			count[prov][y]++
		}
	}
	provs := make([]string, 0, len(count))
	for p := range count {
		provs = append(provs, p)
	}
	sort.Strings(provs)
	s.Rows = provs
	s.Unit = "个"
	for i, p := range provs {
		for y, n := range count[p] {
			s.Heat = append(s.Heat, [3]float64{float64(col[y]), float64(i), float64(n)})
		}
	}
	sort.Slice(s.Heat, func(i, j int) bool {
		if s.Heat[i][1] != s.Heat[j][1] {
			return s.Heat[i][1] < s.Heat[j][1]
		}
		return s.Heat[i][0] < s.Heat[j][0]
	})
	return s
}

// ---- the list of agencies ----

type agencyRow struct {
	Name, Href, Kind, Level, Province, Group, Years, Received, Trust, Excluded string
	Failed                                                                     int
}

func (d *siteData) agenciesPage() *page {
	var rows []agencyRow
	for _, a := range d.agencies {
		row := agencyRow{Name: displayName(a.Name), Href: agencyHref("", a.Name), Kind: a.Kind, Level: a.Level, Province: a.Province,
			Group: labels.PeerGroup(a.group), Failed: len(a.failed), Received: "—", Trust: "—", Excluded: a.excluded}
		ys := a.annualYears()
		switch {
		case len(ys) > 0:
			row.Years = fmt.Sprintf("%d–%d（%d 年）", ys[0], ys[len(ys)-1], len(ys))
		case len(a.reports) > 0:
			row.Years = "仅有半年报告"
		}
		for i := len(ys) - 1; i >= 0; i-- {
			if v := a.value("received", ys[i]); v != nil {
				row.Received = fmt.Sprintf("%s（%d）", labels.Number(*v), ys[i])
				break
			}
		}
		var last *trustRow
		for i, t := range a.trust {
			if t.Period == "year" && (last == nil || t.Year > last.Year) {
				last = &a.trust[i]
			}
		}
		if last != nil {
			row.Trust = percent(last.TrustScore)
		}
		rows = append(rows, row)
	}
	return &page{Title: "机关列表", Nav: "agencies", Body: rows}
}
