package charts

import (
	"embed"
	"fmt"
	"github.com/xxgk/xxgk/etl/report"
	"html"
	"html/template"
	"io"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/queries/labels"
)

//go:embed templates/*.html
var templateFS embed.FS

// Sizes that keep pages readable at 3,000 agencies: rankings show the top
// few, everything else is in tables and on the agency pages.
const (
	topTrend   = 15  // agencies drawn in the overview trend chart
	topRanking = 20  // bars in a ranking
	topMix     = 15  // agencies in the outcome-mix chart
	trustLimit = 500 // rows of the lowest-trust table
	// minDenominator keeps ratio rankings from being led by agencies that
	// answered one or two applications, where 1 of 1 is 100%.
	minDenominator = 10
)

// page is what the layout template renders.
type page struct {
	Title          string
	Root           string // relative path from the page to the site root
	Nav            string
	Generated      string
	EChartsVersion string
	Charts         []chartBlock
	Scripts        []string
	Body           any
}

type templates struct{ index, agency, method, quality *template.Template }

func parseTemplates() (*templates, error) {
	parse := func(name string) (*template.Template, error) {
		t, err := template.New(name).ParseFS(templateFS, "templates/layout.html", "templates/failed.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		return t, nil
	}
	var ts templates
	var err error
	for name, dst := range map[string]**template.Template{"index": &ts.index, "agency": &ts.agency, "method": &ts.method, "quality": &ts.quality} {
		if *dst, err = parse(name); err != nil {
			return nil, err
		}
	}
	return &ts, nil
}

func render(w io.Writer, t *template.Template, p *page) error {
	if len(p.Charts) > 0 && len(p.Scripts) == 0 {
		p.Scripts = p.Charts[0].Scripts
	}
	return t.ExecuteTemplate(w, "layout", p)
}

func yearLabels(years []int) []string {
	out := make([]string, len(years))
	for i, y := range years {
		out[i] = strconv.Itoa(y)
	}
	return out
}

// ---- overview ----

type indexRow struct {
	Name, Href, Kind, Level, Province, Years, Received, Trust string
	Failed                                                    int
}

type indexBody struct {
	NAgencies int
	YearSpan  string
	NFailed   int
	Rows      []indexRow
}

func (d *siteData) indexPage() (*page, error) {
	p := &page{Title: "总览", Nav: "index"}
	var blocks []chartBlock
	add := func(b chartBlock, err error) error {
		if err != nil {
			return err
		}
		blocks = append(blocks, b)
		return nil
	}
	// Trend of applications received: the agencies with the most.
	top := d.topAgencies(topTrend, func(a *agency) *float64 { return maxOver(a, "received", d.years) })
	if len(top) > 0 {
		var ss []series
		for _, a := range top {
			ss = append(ss, series{Name: displayName(a.Name), Points: a.points("received", d.years)})
		}
		if err := add(lineChart("trend-received", rootHost, "各机关历年收到政府信息公开申请数",
			fmt.Sprintf("收到申请最多的 %d 个机关；空白年份为断点，不是 0。其余机关见下方列表和机关页面。", len(top)),
			yearLabels(d.years), ss, false)); err != nil {
			return nil, err
		}
	}
	if y, ok := d.rankingYear("received"); ok {
		rank := d.topAgencies(topRanking, func(a *agency) *float64 { return a.value("received", y) })
		if err := add(rankingChart("rank-received", fmt.Sprintf("%d 年收到申请数排名", y), "取报告机关最多的年份；未报告的机关不参与排名。", rank, func(a *agency) *float64 { return a.value("received", y) }, false)); err != nil {
			return nil, err
		}
		mix := d.topAgencies(topMix, func(a *agency) *float64 { return a.value("received", y) })
		var ss []series
		for _, m := range labels.Outcomes() {
			s := series{Name: labels.Metric(m)}
			for _, a := range mix {
				s.Points = append(s.Points, a.value(m, y))
			}
			ss = append(ss, s)
		}
		names := make([]string, len(mix))
		for i, a := range mix {
			names[i] = displayName(a.Name)
		}
		if len(mix) > 0 {
			if err := add(barChart("mix-outcomes", rootHost, fmt.Sprintf("%d 年办理结果构成（件）", y),
				"收到申请最多的机关；空白的结果项不画出。", names, ss, true, true, false)); err != nil {
				return nil, err
			}
		}
	}
	for i, r := range d.rateNames {
		y, ok := d.rateYear(r)
		if !ok {
			continue
		}
		val := func(a *agency) *float64 {
			c, ok := a.rates[r][y]
			if !ok || c.denominator == nil || *c.denominator < minDenominator {
				return nil
			}
			return c.value
		}
		rank := d.topAgencies(topRanking, val)
		if len(rank) == 0 {
			continue
		}
		note := fmt.Sprintf("只比较分母不少于 %d 的机关。", minDenominator)
		if sc := labels.RateFormula(r); sc != "" {
			note = "口径：" + sc + "。" + note
		}
		if err := add(rankingChart(fmt.Sprintf("rank-rate-%d", i), fmt.Sprintf("%d 年%s最高的机关", y, labels.Rate(r)), note, rank, val, true)); err != nil {
			return nil, err
		}
	}
	if len(d.allRates) > 0 {
		var ss []series
		for _, r := range d.rateNames {
			pts := make([]*float64, len(d.years))
			for i, y := range d.years {
				pts[i] = d.allRates[r][y].value
			}
			if anyValue(pts) {
				ss = append(ss, series{Name: labels.Rate(r), Points: pts})
			}
		}
		if len(ss) > 0 {
			if err := add(lineChart("all-rates", rootHost, "全部机关合计的比率（%）",
				"由各机关的计数汇总后重新计算，不是比率的平均；各年报告机关不同，比较时请看覆盖情况。", yearLabels(d.years), ss, true)); err != nil {
				return nil, err
			}
		}
	}
	p.Charts = blocks
	body := indexBody{NAgencies: len(d.agencies), NFailed: len(d.failed)}
	if len(d.years) > 0 {
		body.YearSpan = fmt.Sprintf("%d–%d 年", d.years[0], d.years[len(d.years)-1])
	} else {
		body.YearSpan = "尚无年度数字"
	}
	for _, a := range d.agencies {
		row := indexRow{Name: displayName(a.Name), Href: "agencies/" + a.ID + ".html", Kind: a.Kind, Level: a.Level, Province: a.Province, Failed: len(a.failed), Received: "—", Trust: "—"}
		ys := a.years()
		if len(ys) > 0 {
			row.Years = fmt.Sprintf("%d–%d（%d 年）", ys[0], ys[len(ys)-1], len(ys))
		}
		for i := len(ys) - 1; i >= 0; i-- {
			if v := a.value("received", ys[i]); v != nil {
				row.Received = fmt.Sprintf("%s（%d）", formatNumber(*v), ys[i])
				break
			}
		}
		if n := len(a.trust); n > 0 {
			last := a.trust[0]
			for _, t := range a.trust {
				if t.Year > last.Year {
					last = t
				}
			}
			row.Trust = percent(last.TrustScore)
		}
		body.Rows = append(body.Rows, row)
	}
	p.Body = body
	return p, nil
}

func rankingChart(id, title, note string, as []*agency, val func(*agency) *float64, pct bool) (chartBlock, error) {
	names := make([]string, len(as))
	s := series{Name: title}
	for i, a := range as {
		names[i] = displayName(a.Name)
		s.Points = append(s.Points, val(a))
	}
	return barChart(id, rootHost, title, note, names, []series{s}, true, false, pct)
}

// topAgencies returns up to n agencies with the largest key, ties by name;
// agencies without a figure are left out, not ranked as zero.
func (d *siteData) topAgencies(n int, key func(*agency) *float64) []*agency {
	type kv struct {
		a *agency
		v float64
	}
	var all []kv
	for _, a := range d.agencies {
		if v := key(a); v != nil {
			all = append(all, kv{a, *v})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].v > all[j].v })
	out := make([]*agency, 0, min(n, len(all)))
	for i := 0; i < len(all) && i < n; i++ {
		out = append(out, all[i].a)
	}
	return out
}

func maxOver(a *agency, metric string, years []int) *float64 {
	var best *float64
	for _, y := range years {
		if v := a.value(metric, y); v != nil && (best == nil || *v > *best) {
			best = v
		}
	}
	return best
}

func (a *agency) points(metric string, years []int) []*float64 {
	out := make([]*float64, len(years))
	for i, y := range years {
		out[i] = a.value(metric, y)
	}
	return out
}

func (a *agency) years() []int {
	seen := map[int]bool{}
	for _, ys := range a.figures {
		for y := range ys {
			seen[y] = true
		}
	}
	for _, ys := range a.rates {
		for y := range ys {
			seen[y] = true
		}
	}
	for _, s := range a.sources {
		seen[s.Year] = true
	}
	if len(seen) == 0 {
		return nil
	}
	lo, hi := math.MaxInt, math.MinInt
	for y := range seen {
		lo, hi = min(lo, y), max(hi, y)
	}
	// Every year of the span, so a year without a report shows as a gap.
	out := make([]int, 0, hi-lo+1)
	for y := lo; y <= hi; y++ {
		out = append(out, y)
	}
	return out
}

// ---- agency pages ----

type figureRow struct {
	Label string
	Cells []string
}

type rateView struct {
	Text, Title string
}

type rateRow struct {
	Label, Scope string
	Cells        []rateView
}

type peerView struct {
	Year                                     int
	Metric, Group, Value, Rank, Median, Pctl string
	Outlier                                  bool
}

type trustView struct {
	Agency, Href, Period, Blank, Score string
	Year, Total, Pass, Fail, NA        int
}

type failedView struct {
	Agency, Href, Rule, Detail, Path string
	Year                             int
	Superseded                       bool
}

type sourceView struct {
	Year                                 int
	H1                                   bool
	Key, Label, Value, Text, Where, Path string
}

type agencyBody struct {
	Agency  *agency
	Years   []int
	Figures []figureRow
	Rates   []rateRow
	Peers   []peerView
	Trust   []trustView
	Failed  []failedView
	// SourceRows is the source table's body, built by sourceRows: an agency
	// has hundreds of cells a year and the template engine's per-value
	// escaping dominated the build at 3,000 agencies.
	SourceRows template.HTML
}

func (d *siteData) agencyPage(a *agency) (*page, error) {
	const host = "../"
	p := &page{Title: displayName(a.Name), Root: host, Nav: "agency"}
	ys := a.years()
	xs := yearLabels(ys)
	var blocks []chartBlock
	lines := func(id, title, note string, metrics []string) error {
		var ss []series
		for _, m := range metrics {
			pts := a.points(m, ys)
			if anyValue(pts) {
				ss = append(ss, series{Name: labels.Metric(m), Points: pts})
			}
		}
		if len(ss) == 0 {
			return nil
		}
		b, err := lineChart(id, host, title, note, xs, ss, false)
		if err != nil {
			return err
		}
		blocks = append(blocks, b)
		return nil
	}
	if err := lines("a-apps", "依申请公开：收到与办理", "空白年份为断点，不是 0。", []string{"received", "carried_over", "handled", "carried_forward"}); err != nil {
		return nil, err
	}
	var mix []series
	for _, m := range labels.Outcomes() {
		if pts := a.points(m, ys); anyValue(pts) {
			mix = append(mix, series{Name: labels.Metric(m), Points: pts})
		}
	}
	if len(mix) > 0 {
		b, err := barChart("a-mix", host, "办理结果构成（件）", "", xs, mix, false, true, false)
		if err != nil {
			return nil, err
		}
		blocks = append(blocks, b)
	}
	var rs []series
	for _, r := range d.rateNames {
		pts := make([]*float64, len(ys))
		for i, y := range ys {
			pts[i] = a.rates[r][y].value
		}
		if anyValue(pts) {
			rs = append(rs, series{Name: labels.Rate(r), Points: pts})
		}
	}
	if len(rs) > 0 {
		b, err := lineChart("a-rates", host, "比率（%）", "分母为 0 或空白的年份不画出。", xs, rs, true)
		if err != nil {
			return nil, err
		}
		blocks = append(blocks, b)
	}
	if err := lines("a-review", "行政复议与行政诉讼", "", []string{"review_total", "review_corrected", "litigation_total", "litigation_corrected"}); err != nil {
		return nil, err
	}
	if err := lines("a-proactive", "主动公开", "", []string{"proactive"}); err != nil {
		return nil, err
	}
	p.Charts = blocks

	body := agencyBody{Agency: a, Years: ys}
	for _, m := range orderedMetrics(a.figures) {
		row := figureRow{Label: labels.Metric(m)}
		for _, y := range ys {
			f, ok := a.figures[m][y]
			switch {
			case !ok || f.value == nil:
				row.Cells = append(row.Cells, "—")
			case f.approx:
				row.Cells = append(row.Cells, "≈"+formatNumber(*f.value))
			default:
				row.Cells = append(row.Cells, formatNumber(*f.value))
			}
		}
		body.Figures = append(body.Figures, row)
	}
	for _, r := range d.rateNames {
		cells, ok := a.rates[r]
		if !ok {
			continue
		}
		row := rateRow{Label: labels.Rate(r), Scope: labels.RateFormula(r)}
		for _, y := range ys {
			c, ok := cells[y]
			if !ok {
				row.Cells = append(row.Cells, rateView{Text: "—"})
				continue
			}
			row.Cells = append(row.Cells, rateView{Text: percent(c.value), Title: display(c.numerator) + " / " + display(c.denominator)})
		}
		body.Rates = append(body.Rates, row)
	}
	peers := slices.Clone(a.peers)
	sort.SliceStable(peers, func(i, j int) bool {
		if peers[i].Year != peers[j].Year {
			return peers[i].Year > peers[j].Year
		}
		return peers[i].Metric < peers[j].Metric
	})
	for _, pr := range peers {
		rank := "—"
		if pr.PeerRank > 0 {
			rank = fmt.Sprintf("%d / %d", pr.PeerRank, pr.Peer)
		}
		body.Peers = append(body.Peers, peerView{Year: pr.Year, Metric: labels.Metric(pr.Metric), Group: labels.PeerGroup(pr.PeerGroup), Value: display(pr.Value),
			Rank: rank, Median: display(pr.Median), Pctl: percentile(pr.Pctl), Outlier: pr.Outlier})
	}
	for _, t := range a.trust {
		body.Trust = append(body.Trust, trustViewOf(t, host))
	}
	body.Failed = failedViews(a.failed, host)
	body.SourceRows = sourceRows(a.sources)
	p.Body = body
	return p, nil
}

func anyValue(pts []*float64) bool {
	for _, p := range pts {
		if p != nil {
			return true
		}
	}
	return false
}

// orderedMetrics lists the known metrics first in display order, then any
// metric the queries added later, by key.
func orderedMetrics(fig map[string]map[int]figure) []string {
	return labels.SortMetrics(slices.Collect(maps.Keys(fig)))
}

func where(s sourceRow) string {
	var parts []string
	if s.Table != "" {
		parts = append(parts, labels.Table(s.Table))
	}
	for _, x := range []string{s.Row, s.Col} {
		if x != "" {
			parts = append(parts, x)
		}
	}
	parts = append(parts, labels.Mechanism(s.Source, s.Rule))
	return strings.Join(parts, " · ")
}

func trustViewOf(t trustRow, root string) trustView {
	return trustView{Agency: displayName(t.Agency), Href: root + "agencies/" + agencyID(t.Agency) + ".html", Period: labels.Period(t.Period), Blank: percent(t.BlankShare),
		Score: percent(t.TrustScore), Year: t.Year, Total: t.Total, Pass: t.Pass, Fail: t.Fail, NA: t.NA}
}

// failedViews lists failed checks with links relative to root ("" for the
// site root, "../" from an agency page).
func failedViews(fs []failedCheck, root string) []failedView {
	out := make([]failedView, 0, len(fs))
	for _, f := range fs {
		href := root + "agencies/" + agencyID(f.Agency) + ".html"
		c := report.Check{Rule: f.Rule, Scope: f.Scope, Expected: f.Expected, Actual: f.Actual, Status: report.Fail, Detail: f.Detail}
		out = append(out, failedView{Agency: displayName(f.Agency), Href: href, Rule: labels.Rule(f.Rule), Detail: labels.Check(c),
			Path: f.Path, Year: f.Year, Superseded: f.Superseded})
	}
	return out
}

// sourceRows renders the rows of the source table. Every piece of text
// goes through html.EscapeString: this is the one place the pages build
// HTML outside html/template, for speed, and it must stay escaped.
func sourceRows(src []sourceRow) template.HTML {
	var b strings.Builder
	b.Grow(len(src) * 200)
	cell := func(class, title, text string) {
		b.WriteString("<td")
		if class != "" {
			b.WriteString(` class="` + class + `"`)
		}
		if title != "" {
			b.WriteString(` title="` + html.EscapeString(title) + `"`)
		}
		b.WriteString(">")
		b.WriteString(html.EscapeString(text))
		b.WriteString("</td>")
	}
	for _, s := range src {
		year := strconv.Itoa(s.Year)
		if s.Period != "year" {
			year += " " + labels.Period(s.Period)
		}
		var value string
		switch {
		case s.Value == nil && s.Kind != "" && s.Kind != "number":
			value = labels.ValueKind(s.Kind)
		case s.Value == nil:
			value = "—"
		case s.Approx:
			value = "≈" + formatNumber(*s.Value)
		default:
			value = formatNumber(*s.Value)
		}
		b.WriteString("<tr>")
		cell("", "", year)
		cell("", s.Key, labels.Key(s.Key))
		cell("num", "", value)
		cell("quote", "", s.Text)
		cell("", "", where(s))
		cell("path", "", s.Path)
		b.WriteString("</tr>\n")
	}
	return template.HTML(b.String())
}
