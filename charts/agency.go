package charts

import (
	"fmt"
	"html/template"
	"maps"
	"slices"
	"sort"
	"strconv"

	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries/labels"
)

// Sizes of an agency page: a peer comparison needs this many peers with a
// figure; peers are shown for the latest few years; fewer annual years
// than sparseYears get figure cards instead of line charts.
const (
	minPeers    = 5
	peerYears   = 3
	sparseYears = 3
)

type reportView struct {
	Year                                          int
	Period, Form, Trust, Href, Path, Published, N string
	Superseded                                    bool
	Fixed                                         string // the 人工校正 hover text of a corrected report field, "" when none
	Fixes                                         []reportFix
}

type cardView struct {
	Label, Value, Unit, Href, Note string
	Year                           int
}

type yearHead struct {
	Year     int
	NoReport bool
}

type figureRow struct {
	Label, Unit string
	Cells       []cellView
}

// CellsHTML renders the row's cells (see dataTable.HTML).
func (r figureRow) CellsHTML() template.HTML { return cellsHTML(r.Cells) }

type peerView struct {
	Year                                     int
	Metric, Group, Value, Rank, Median, Pctl string
	Outlier                                  bool
}

type trustView struct {
	Agency, Href, Period, Blank, Score, Source string
	Year, Total, Assessable, Pass, Fail, NA    int
}

type failedView struct {
	Agency, Href, Rule, Detail, Path, Source string
	Year                                     int
	Superseded                               bool
}

type agencyBody struct {
	Agency           *agency
	Group, Excluded  string
	Reports          []reportView
	Cards            []cardView
	Years            []yearHead
	Figures          []figureRow
	HalfYears        []int
	Half             []figureRow
	Rates            []figureRow
	Peers            []peerView
	PeerNote         string
	Trust            []trustView
	Failed           []failedView
	Grades           []gradeView
	NoFigures, Cited bool
}

// cardMetrics are the figures a sparse agency shows as cards.
var cardMetrics = []string{"received", "handled", "granted", "partial", "denied", "proactive", "review_total", "litigation_total", "fees"}

func (d *siteData) agencyPage(a *agency) (*page, error) {
	const root = "../"
	p := &page{Title: displayName(a.Name), Root: root, Nav: "agency"}
	body := agencyBody{Agency: a, Group: labels.PeerGroup(a.group), Excluded: a.excluded}
	for _, r := range a.reports {
		rv := reportView{Year: r.Year, Period: labels.Period(r.Period), Form: labels.Form(r.Form), Href: sourceHref(root, r.ID, nil),
			Superseded: r.Superseded, Path: r.Path, Published: r.Published, N: strconv.Itoa(r.Figures), Trust: "—"}
		if fs := d.fixes[r.ID]; len(fs) > 0 {
			rv.Fixed, rv.Fixes = fixTitle(fs), fs
		}
		for _, t := range a.trust {
			if t.Report == r.ID {
				rv.Trust = trustText(t)
			}
		}
		body.Reports = append(body.Reports, rv)
	}
	ys := a.span()
	with := yearsWithFigures(a)
	if len(with) < sparseYears {
		for _, m := range cardMetrics {
			for _, y := range with {
				f, ok := a.figures[m][y]
				if !ok || f.value == nil {
					continue
				}
				c := cardView{Label: labels.Metric(m), Value: valueText(f), Unit: labels.Unit(m), Year: y, Href: sourceHref(root, f.report, f.keys)}
				if f.mapped {
					c.Note = "旧表口径换算"
				}
				body.Cards = append(body.Cards, c)
			}
		}
	} else {
		blocks, err := d.agencyCharts(a, ys, root)
		if err != nil {
			return nil, err
		}
		p.Charts = blocks
	}
	for _, y := range ys {
		_, ok := a.reported[y]
		body.Years = append(body.Years, yearHead{Year: y, NoReport: !ok})
	}
	for _, m := range labels.SortMetrics(slices.Collect(maps.Keys(a.figures))) {
		row := figureRow{Label: labels.Metric(m), Unit: labels.Unit(m)}
		for _, y := range ys {
			f, ok := a.figures[m][y]
			if !ok || f.value == nil {
				row.Cells = append(row.Cells, cellView{Text: "—", Title: d.blankReason(a, m, y), Class: "blank"})
				continue
			}
			row.Cells = append(row.Cells, figureCell(root, f))
		}
		body.Figures = append(body.Figures, row)
	}
	body.HalfYears = halfYears(a)
	for _, m := range labels.SortMetrics(slices.Collect(maps.Keys(a.half))) {
		row := figureRow{Label: labels.Metric(m), Unit: labels.Unit(m)}
		for _, y := range body.HalfYears {
			f, ok := a.half[m][y]
			if !ok || f.value == nil {
				row.Cells = append(row.Cells, cellView{Text: "—", Title: labels.Blank("not_reported"), Class: "blank"})
				continue
			}
			row.Cells = append(row.Cells, figureCell(root, f))
		}
		body.Half = append(body.Half, row)
	}
	for _, r := range labels.Rates() {
		cells, ok := a.rates[r]
		if !ok {
			continue
		}
		row := figureRow{Label: labels.Rate(r), Unit: labels.RateFormula(r)}
		for _, y := range ys {
			c, ok := cells[y]
			if !ok || c.value == nil {
				row.Cells = append(row.Cells, cellView{Text: "—", Title: "分母为 0 或空白", Class: "blank"})
				continue
			}
			row.Cells = append(row.Cells, cellView{Text: percent(c.value), Title: display(c.numerator) + " / " + display(c.denominator),
				Class: "rate", Href: d.rateHref(a, r, y, root)})
		}
		body.Rates = append(body.Rates, row)
	}
	body.Peers, body.PeerNote = peerViews(a)
	for _, t := range a.trust {
		body.Trust = append(body.Trust, trustViewOf(t, root))
	}
	body.Failed = failedViews(a.failed, root)
	for _, g := range a.grades {
		body.Grades = append(body.Grades, gradeViewOf(g, root))
	}
	body.NoFigures = len(a.figures) == 0 && len(a.half) == 0
	p.Body = body
	return p, nil
}

// figureCell shows one figure with the link to its parts on the source page.
func figureCell(root string, f figure) cellView {
	c := cellView{Text: valueText(f), Href: sourceHref(root, f.report, f.keys)}
	switch {
	case f.corrected:
		// The reason is the reader's text: html/template escapes it. The
		// extracted value is on the source page the cell links to.
		c.Title, c.Class, c.Mark = labels.Correction("mark")+"（"+labels.Correction("why")+"："+f.why+"）；"+
			labels.Correction("extracted")+"见原文页", "corrected", labels.Correction("mark")
	case f.mapped:
		c.Title, c.Class = "由旧表口径换算", "mapped"
	case len(f.keys) > 1:
		c.Title = "由 " + strconv.Itoa(len(f.keys)) + " 个数字相加"
	}
	return c
}

func valueText(f figure) string {
	if f.approx {
		return "约 " + labels.Number(*f.value)
	}
	return labels.Number(*f.value)
}

// rateHref links a ratio to the figures it was computed from.
func (d *siteData) rateHref(a *agency, rate string, y int, root string) string {
	num, den := rateParts(rate)
	var keys []string
	report := ""
	for _, m := range append(num, den) {
		if f, ok := a.figures[m][y]; ok && f.value != nil {
			keys = append(keys, f.keys...)
			report = f.report
		}
	}
	return sourceHref(root, report, keys)
}

// rateParts are the metrics of a ratio's numerator and its denominator (as
// the rates query defines them).
func rateParts(rate string) ([]string, string) {
	switch rate {
	case "grant_rate":
		return []string{"granted", "partial"}, "handled"
	case "denial_rate":
		return []string{"denied"}, "handled"
	case "unavailable_rate":
		return []string{"unavailable"}, "handled"
	case "review_correction_rate":
		return []string{"review_corrected"}, "review_total"
	case "litigation_correction_rate":
		return []string{"litigation_corrected"}, "litigation_total"
	}
	return nil, ""
}

func yearsWithFigures(a *agency) []int {
	seen := map[int]bool{}
	for _, ys := range a.figures {
		for y, f := range ys {
			if f.value != nil {
				seen[y] = true
			}
		}
	}
	return sortedYears(seen)
}

func halfYears(a *agency) []int {
	seen := map[int]bool{}
	for _, ys := range a.half {
		for y := range ys {
			seen[y] = true
		}
	}
	return sortedYears(seen)
}

func sortedYears(seen map[int]bool) []int {
	out := make([]int, 0, len(seen))
	for y := range seen {
		out = append(out, y)
	}
	slices.Sort(out)
	return out
}

// agencyCharts draws an agency's series over every year of its span.
func (d *siteData) agencyCharts(a *agency, ys []int, root string) ([]chartBlock, error) {
	xs := yearLabels(ys)
	var blocks []chartBlock
	lines := func(id, title, note string, kind chartKind, stack bool, metrics []string) error {
		var ss []series
		unit := ""
		for _, m := range metrics {
			s := series{Name: labels.Metric(m)}
			has := false
			for _, y := range ys {
				f := a.figures[m][y]
				s.Points = append(s.Points, f.value)
				s.Links = append(s.Links, sourceHref(root, f.report, f.keys))
				s.Approx = append(s.Approx, f.approx && f.value != nil)
				s.Mapped = append(s.Mapped, f.mapped && f.value != nil)
				has = has || f.value != nil
			}
			if has {
				ss = append(ss, s)
				unit = labels.Unit(m)
			}
		}
		if len(ss) == 0 {
			return nil
		}
		b, err := chartSpec{ID: id, Title: title, Note: note, Kind: kind, Stack: stack, Cats: xs, Series: ss, Unit: unit, LinkFrom: "table.figures"}.build()
		if err != nil {
			return err
		}
		blocks = append(blocks, b)
		return nil
	}
	gap := "空白年份为断点，不是 0；虚线标出 2019 年和 2021 年新版表格启用。点击数据点可查看原文出处。"
	if err := lines("a-apps", "依申请公开：收到与办理（件）", gap, lineChart, false, []string{"received", "carried_over", "handled", "carried_forward"}); err != nil {
		return nil, err
	}
	if err := lines("a-mix", "办理结果构成（件）", "各项办理结果逐年堆叠；空白的结果项不画出。", barChart, true, labels.Outcomes()); err != nil {
		return nil, err
	}
	var rs []series
	for _, r := range labels.Rates() {
		s := series{Name: labels.Rate(r)}
		has := false
		for _, y := range ys {
			c := a.rates[r][y]
			s.Points = append(s.Points, c.value)
			s.N = append(s.N, c.denominator)
			s.Links = append(s.Links, d.rateHref(a, r, y, root))
			has = has || c.value != nil
		}
		if has {
			rs = append(rs, s)
		}
	}
	if len(rs) > 0 {
		b, err := chartSpec{ID: "a-rates", Title: "比率（%）", Note: "保留一位小数，提示中的 n 为分母；分母为 0 或空白的年份不画出。", Kind: lineChart,
			Cats: xs, Series: rs, Percent: true, LinkFrom: "table.rates"}.build()
		if err != nil {
			return nil, err
		}
		blocks = append(blocks, b)
	}
	if err := lines("a-review", "行政复议与行政诉讼（件）", gap, lineChart, false, []string{"review_total", "review_corrected", "litigation_total", "litigation_corrected"}); err != nil {
		return nil, err
	}
	if err := lines("a-proactive", "主动公开政府信息（条）", gap, lineChart, false, []string{"proactive"}); err != nil {
		return nil, err
	}
	return blocks, nil
}

// peerViews lists the agency's standing in its peer group for the latest
// years, only where at least minPeers peers have the figure, and says so
// when none has.
func peerViews(a *agency) ([]peerView, string) {
	if a.group == "" {
		return nil, "本机关的类别不在类别表中，没有同类组，不作同类比较。"
	}
	years := map[int]bool{}
	for _, p := range a.peers {
		years[p.Year] = true
	}
	ys := sortedYears(years)
	if len(ys) > peerYears {
		ys = ys[len(ys)-peerYears:]
	}
	peers := slices.Clone(a.peers)
	sort.SliceStable(peers, func(i, j int) bool {
		if peers[i].Year != peers[j].Year {
			return peers[i].Year > peers[j].Year
		}
		return slices.Index(labels.Metrics(), peers[i].Metric) < slices.Index(labels.Metrics(), peers[j].Metric)
	})
	var out []peerView
	most := 0
	for _, pr := range peers {
		if !slices.Contains(ys, pr.Year) {
			continue
		}
		most = max(most, pr.Peer)
		if pr.Peer < minPeers || pr.PeerRank == 0 {
			continue
		}
		out = append(out, peerView{Year: pr.Year, Metric: labels.Metric(pr.Metric), Group: labels.PeerGroup(pr.PeerGroup),
			Value: display(pr.Value), Rank: fmt.Sprintf("%d / %d", pr.PeerRank, pr.Peer), Median: display(pr.Median),
			Pctl: percentile(pr.Pctl), Outlier: pr.Outlier})
	}
	if len(out) == 0 {
		return nil, fmt.Sprintf("同类组 %s 中有数字的机关最多 %d 个，不足 %d 个，不作同类比较。", labels.PeerGroup(a.group), most, minPeers)
	}
	return out, ""
}

func trustText(t trustRow) string {
	assessable := t.Pass + t.Fail
	if assessable == 0 {
		return fmt.Sprintf("共 %d 项核验均无法进行", t.Total)
	}
	return fmt.Sprintf("%s（可核验 %d 项，通过 %d 项）", percent(t.TrustScore), assessable, t.Pass)
}

func trustViewOf(t trustRow, root string) trustView {
	return trustView{Agency: displayName(t.Agency), Href: agencyHref(root, t.Agency), Period: labels.Period(t.Period), Blank: percent(t.BlankShare),
		Score: percent(t.TrustScore), Year: t.Year, Total: t.Total, Assessable: t.Pass + t.Fail, Pass: t.Pass, Fail: t.Fail, NA: t.NA,
		Source: sourceHref(root, t.Report, nil)}
}

// failedViews lists failed checks as sentences, with links relative to
// root ("" for the site root, "../" from an agency page).
func failedViews(fs []failedCheck, root string) []failedView {
	out := make([]failedView, 0, len(fs))
	for _, f := range fs {
		c := report.Check{Rule: f.Rule, Scope: f.Scope, Expected: f.Expected, Actual: f.Actual, Status: report.Fail, Detail: f.Detail}
		out = append(out, failedView{Agency: displayName(f.Agency), Href: agencyHref(root, f.Agency), Rule: labels.Rule(f.Rule), Detail: labels.Check(c),
			Path: f.Path, Year: f.Year, Superseded: f.Superseded, Source: sourceHref(root, f.ReportID, nil)})
	}
	return out
}
