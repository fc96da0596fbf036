package exports

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/xxgk/xxgk/queries/labels"
)

// The sheet of charts, and the sizes of the charts' tables: a chart of
// 3,000 agencies is unreadable; the tables hold the rest.
const (
	chartsSheet = "图表"
	chartTrendN = 10 // agencies in the trend chart
	chartRankN  = 15 // bars in the ranking and outcome-mix charts
	chartRow0   = 4  // first chart row on the chart sheet
	chartRows   = 22 // rows a chart takes, with a gap
)

// chartSpec is one native Excel chart.
type chartSpec struct {
	typ            excelize.ChartType
	title          string
	xTitle, yTitle string // axis titles, with the unit
	series         []excelize.ChartSeries
	legend         bool
	counts         bool    // the value axis counts: integer steps
	pct            bool    // the value axis is a ratio
	maxValue       float64 // the largest value drawn, for the step of a count axis
	reverse        bool    // the first category at the top (ranking bars)
	alt            string  // alternative text for screen readers
}

var axisFont = excelize.Font{Family: fontName, Size: 10, Color: "262626"}

func richText(s string, size float64, bold bool) []excelize.RichTextRun {
	return []excelize.RichTextRun{{Text: s, Font: &excelize.Font{Family: fontName, Size: size, Bold: bold, Color: "000000"}}}
}

// addChart places a chart on the chart sheet below the previous one;
// blanks are gaps, not zeros.
func (b *book) addChart(c chartSpec) error {
	if len(c.series) == 0 {
		return nil
	}
	row := chartRow0 + b.charts*chartRows
	b.charts++
	legend := excelize.ChartLegend{Position: "none"}
	if c.legend {
		legend = excelize.ChartLegend{Position: "bottom", Font: &axisFont}
	}
	x := excelize.ChartAxis{Title: richText(c.xTitle, 10, false), Font: axisFont, ReverseOrder: c.reverse}
	y := excelize.ChartAxis{Title: richText(c.yTitle, 10, false), Font: axisFont, MajorGridLines: true}
	switch {
	case c.pct:
		y.NumFmt = excelize.ChartNumFmt{CustomNumFmt: "0%"}
		y.Minimum = ptr(0.0)
	case c.counts:
		y.NumFmt = excelize.ChartNumFmt{CustomNumFmt: "#,##0"}
		y.MajorUnit = countStep(c.maxValue)
		y.Minimum = ptr(0.0)
	}
	ch := &excelize.Chart{
		Type:         c.typ,
		Series:       c.series,
		Title:        richText(c.title, 12, true),
		Legend:       legend,
		Dimension:    excelize.ChartDimension{Width: 820, Height: 400},
		ShowBlanksAs: "gap",
		XAxis:        x,
		YAxis:        y,
		VaryColors:   ptr(false),
		Format:       excelize.GraphicOptions{AltText: c.alt, PrintObject: ptr(true)},
	}
	if err := b.f.AddChart(chartsSheet, "A"+strconv.Itoa(row), ch); err != nil {
		return fmt.Errorf("%s: chart %q: %w", chartsSheet, c.title, err)
	}
	return nil
}

// countStep is the major unit of a count axis up to max: a whole number
// (1, 2, 5 × 10ⁿ) giving about five steps, never a fraction.
func countStep(maxValue float64) float64 {
	if maxValue <= 5 {
		return 1
	}
	raw := maxValue / 5
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return math.Max(1, m*p)
		}
	}
	return math.Max(1, 10*p)
}

// Colours of the series: one for a single series, a palette for several.
var palette = []string{"4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E", "636363", "997300"}

func solid(i int) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{palette[i%len(palette)]}}
}

func lineSeries(name, cats, vals string, i int) excelize.ChartSeries {
	return excelize.ChartSeries{Name: name, Categories: cats, Values: vals,
		Line:   excelize.ChartLine{Width: 2, Fill: solid(i)},
		Marker: excelize.ChartMarker{Symbol: "circle", Size: 6, Fill: solid(i)}}
}

func barSeries(name, cats, vals string, i int) excelize.ChartSeries {
	return excelize.ChartSeries{Name: name, Categories: cats, Values: vals, Fill: solid(i)}
}

// writeComparisonCharts writes the tables the comparison's charts draw and
// the charts: the trend of the leading agencies, the ranking of the
// ranking year, its outcome mix, and the ratios of all compared agencies.
// An agency that is not compared is in none of them.
func writeComparisonCharts(b *book, d *data) error {
	compared := d.all.members
	drawn := 0
	// 1. The leading agencies' applications year by year.
	top := topBy(compared, chartTrendN, func(a *agency) (float64, bool) { return maxFigure(a, "received") })
	cols := []column{{Header: "机关"}}
	for _, y := range d.years {
		cols = append(cols, column{Header: yearHeader(y, "件"), Kind: colCount})
	}
	var rows [][]any
	peak := 0.0
	for _, a := range top {
		row := []any{a.Name}
		for _, y := range d.years {
			if f := a.figures["received"][y]; f != nil {
				row = append(row, f.v)
				peak = math.Max(peak, f.v)
			} else {
				row = append(row, nil)
			}
		}
		rows = append(rows, row)
	}
	const trend, rank, ratio = "趋势图数据", "排名图数据", "比率图数据"
	if err := b.writeTable(&sheetSpec{name: trend, title: fmt.Sprintf("趋势图数据：收到申请最多的 %d 个机关的历年收到申请数（件）", len(top)),
		desc: "“图表”表第一张图的数字；没有报告的年份为空，图中断开。", cols: cols, rows: rows, yearCol: -1, freeze: 1}); err != nil {
		return err
	}
	if len(top) > 0 && len(d.years) > 0 {
		var ss []excelize.ChartSeries
		cats := ref(trend, 2, headerRow, 1+len(d.years), headerRow)
		for i := range top {
			r := headerRow + 1 + i
			ss = append(ss, lineSeries(ref(trend, 1, r, 1, r), cats, ref(trend, 2, r, 1+len(d.years), r), i))
		}
		if err := b.addChart(chartSpec{typ: excelize.Line, title: fmt.Sprintf("收到申请最多的 %d 个机关：历年收到申请数", len(top)),
			xTitle: "年份", yTitle: "收到申请（件）", series: ss, legend: true, counts: true, maxValue: peak,
			alt: fmt.Sprintf("折线图：收到申请最多的 %d 个机关 %s 每年收到的申请数（件），没有报告的年份断开。", len(top), yearSpan(d.years))}); err != nil {
			return err
		}
		drawn++
	}

	// 2. Ranking and outcome mix of the ranking year.
	y, ok := rankingYear(d, "received")
	var ranked []*agency
	if ok {
		ranked = topBy(compared, chartRankN, func(a *agency) (float64, bool) {
			if f := a.figures["received"][y]; f != nil {
				return f.v, true
			}
			return 0, false
		})
	}
	cols = []column{{Header: "名次（位）", Kind: colCount}, {Header: "机关"}, {Header: "收到申请（件）", Kind: colCount}}
	for _, m := range labels.Outcomes() {
		cols = append(cols, column{Header: labels.Metric(m) + "（件）", Kind: colCount})
	}
	rows = nil
	peak = 0
	for i, a := range ranked {
		row := []any{float64(i + 1), a.Name, a.figures["received"][y].v}
		peak = math.Max(peak, a.figures["received"][y].v)
		for _, m := range labels.Outcomes() {
			if f := a.figures[m][y]; f != nil {
				row = append(row, f.v)
			} else {
				row = append(row, nil)
			}
		}
		rows = append(rows, row)
	}
	if err := b.writeTable(&sheetSpec{name: rank, title: fmt.Sprintf("排名图数据：%d 年收到申请最多的 %d 个机关", y, len(ranked)),
		desc: "“图表”表第二、三张图的数字；其余机关的名次见“同类排名”和“收到申请”表。", cols: cols, rows: rows, yearCol: -1, freeze: 2}); err != nil {
		return err
	}
	if len(ranked) > 0 {
		first, last := headerRow+1, headerRow+len(ranked)
		cats := ref(rank, 2, first, 2, last)
		if err := b.addChart(chartSpec{typ: excelize.Bar, title: fmt.Sprintf("%d 年收到申请数排名（前 %d 名）", y, len(ranked)),
			xTitle: "机关", yTitle: "收到申请（件）", reverse: true, counts: true, maxValue: peak,
			series: []excelize.ChartSeries{barSeries(ref(rank, 3, headerRow, 3, headerRow), cats, ref(rank, 3, first, 3, last), 0)},
			alt:    fmt.Sprintf("条形图：%d 年收到申请最多的 %d 个机关，从多到少排列，第一名 %s。", y, len(ranked), ranked[0].Name)}); err != nil {
			return err
		}
		var ss []excelize.ChartSeries
		for j := range labels.Outcomes() {
			ss = append(ss, barSeries(ref(rank, 4+j, headerRow, 4+j, headerRow), cats, ref(rank, 4+j, first, 4+j, last), j))
		}
		if err := b.addChart(chartSpec{typ: excelize.BarStacked, title: fmt.Sprintf("%d 年办理结果构成（前 %d 名）", y, len(ranked)),
			xTitle: "机关", yTitle: "办理结果（件）", reverse: true, legend: true, counts: true, maxValue: peak * 1.2, series: ss,
			alt: fmt.Sprintf("堆积条形图：%d 年收到申请最多的 %d 个机关的办理结果（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理）。", y, len(ranked))}); err != nil {
			return err
		}
		drawn += 2
	}

	// 3. The ratios of all compared agencies, year by year.
	cols = []column{{Header: "年份", Kind: colYear}}
	for _, rate := range labels.Rates() {
		cols = append(cols, column{Header: labels.Rate(rate) + "（%）", Kind: colPct})
	}
	rows = nil
	hasRate := false
	for _, y := range d.years {
		row := []any{float64(y)}
		for _, rate := range labels.Rates() {
			if v, ok := d.all.rates[statKey{rate, y}].value(); ok {
				row = append(row, fig{v: v, ok: true, kind: colPct})
				hasRate = true
			} else {
				row = append(row, nil)
			}
		}
		rows = append(rows, row)
	}
	if err := b.writeTable(&sheetSpec{name: ratio, title: "比率图数据：全部参加比较的机关的历年比率（由汇总的计数计算）",
		desc: "“图表”表最后一张图的数字" + b.notes.ref("rates") + "。", cols: cols, rows: rows, yearCol: -1, freeze: 1}); err != nil {
		return err
	}
	if hasRate {
		var ss []excelize.ChartSeries
		cats := ref(ratio, 1, headerRow+1, 1, headerRow+len(d.years))
		for j := range labels.Rates() {
			ss = append(ss, lineSeries(ref(ratio, 2+j, headerRow, 2+j, headerRow), cats, ref(ratio, 2+j, headerRow+1, 2+j, headerRow+len(d.years)), j))
		}
		if err := b.addChart(chartSpec{typ: excelize.Line, title: "全部机关的历年比率", xTitle: "年份", yTitle: "比率（%）", series: ss, legend: true, pct: true,
			alt: "折线图：全部参加比较的机关每年的公开率、不予公开率、无法提供率和复议、诉讼纠错率，由各机关的分子、分母求和后计算。"}); err != nil {
			return err
		}
		drawn++
	}
	if drawn == 0 {
		return b.chartNote(chartsSheet, chartRow0, "（还没有可以比较的数字，没有绘图）")
	}
	return nil
}

// writeAgencyCharts writes the agency's chart table and charts: its
// applications against its peers' median, its outcome mix, and its grant
// rate against its group's. A series with one year becomes a bar of the
// agency against the median; a chart with nothing to draw is left out.
func writeAgencyCharts(b *book, d *data, a *agency, ys []int) error {
	const data = "图表数据"
	cols := []column{{Header: "年份", Kind: colYear}, {Header: "本机关收到申请（件）", Kind: colCount}, {Header: "同类中位数（件）", Kind: colDecimal, Note: "median"}}
	for _, m := range labels.Outcomes() {
		cols = append(cols, column{Header: labels.Metric(m) + "（件）", Kind: colCount})
	}
	cols = append(cols, column{Header: "本机关公开率（%）", Kind: colPct}, column{Header: "同类组公开率（%）", Kind: colPct, Note: "rates"})
	var rows [][]any
	var withReceived, withMix, withRate []int // row offsets with something to draw
	peak, mixPeak := 0.0, 0.0
	for i, y := range ys {
		row := []any{float64(y)}
		if f := a.figures["received"][y]; f != nil {
			row = append(row, f.v)
			withReceived = append(withReceived, i)
			peak = math.Max(peak, f.v)
		} else {
			row = append(row, nil)
		}
		if v, ok := a.peerMedian("received", y); ok {
			row = append(row, v)
			peak = math.Max(peak, v)
		} else {
			row = append(row, nil)
		}
		sum, has := 0.0, false
		for _, m := range labels.Outcomes() {
			if f := a.figures[m][y]; f != nil {
				row = append(row, f.v)
				sum, has = sum+f.v, true
			} else {
				row = append(row, nil)
			}
		}
		if has {
			withMix = append(withMix, i)
			mixPeak = math.Max(mixPeak, sum)
		}
		own := a.rates["grant_rate"][y]
		if own.val != nil {
			row = append(row, fig{v: *own.val, ok: true, kind: colPct})
			withRate = append(withRate, i)
		} else {
			row = append(row, nil)
		}
		if a.group != nil {
			if v, ok := a.group.rates[statKey{"grant_rate", y}].value(); ok {
				row = append(row, fig{v: v, ok: true, kind: colPct})
			} else {
				row = append(row, nil)
			}
		} else {
			row = append(row, nil)
		}
		rows = append(rows, row)
	}
	if err := b.writeTable(&sheetSpec{name: data, title: a.Name + "：图表数据", cols: cols, rows: rows, yearCol: -1, freeze: 1,
		desc: "“图表”表各图的数字，年度连续；没有数字的年份为空，图中断开。"}); err != nil {
		return err
	}
	first, last := headerRow+1, headerRow+len(ys)
	cats := ref(data, 1, first, 1, last)
	drawn := 0
	peers := a.group != nil
	switch {
	case len(withReceived) == 1:
		// One year: a bar of the agency against its peers' median.
		r := first + withReceived[0]
		y := ys[withReceived[0]]
		n := 2
		if !peers {
			n = 1
		}
		if err := b.addChart(chartSpec{typ: excelize.Col, title: fmt.Sprintf("%d 年收到申请：本机关与同类中位数", y), xTitle: "", yTitle: "收到申请（件）",
			counts: true, maxValue: peak,
			series: []excelize.ChartSeries{barSeries(ref(data, 1, r, 1, r), ref(data, 2, headerRow, 1+n, headerRow), ref(data, 2, r, 1+n, r), 0)},
			alt:    fmt.Sprintf("柱形图：%d 年本机关收到的申请数与同类机关（不含本机关）的中位数。", y)}); err != nil {
			return err
		}
		drawn++
	case len(withReceived) > 1:
		ss := []excelize.ChartSeries{lineSeries(ref(data, 2, headerRow, 2, headerRow), cats, ref(data, 2, first, 2, last), 0)}
		if peers {
			ss = append(ss, lineSeries(ref(data, 3, headerRow, 3, headerRow), cats, ref(data, 3, first, 3, last), 1))
		}
		if err := b.addChart(chartSpec{typ: excelize.Line, title: "历年收到申请：本机关与同类中位数", xTitle: "年份", yTitle: "收到申请（件）",
			series: ss, legend: len(ss) > 1, counts: true, maxValue: peak,
			alt: fmt.Sprintf("折线图：%s 本机关每年收到的申请数（件）与同类机关（不含本机关）的中位数，没有报告的年份断开。", yearSpan(ys))}); err != nil {
			return err
		}
		drawn++
	}
	if len(withMix) > 0 {
		var ss []excelize.ChartSeries
		mixCats, lo, hi := cats, first, last
		if len(withMix) == 1 {
			lo = first + withMix[0]
			hi = lo
			mixCats = ref(data, 1, lo, 1, hi)
		}
		for j := range labels.Outcomes() {
			ss = append(ss, barSeries(ref(data, 4+j, headerRow, 4+j, headerRow), mixCats, ref(data, 4+j, lo, 4+j, hi), j))
		}
		if err := b.addChart(chartSpec{typ: excelize.ColStacked, title: "历年办理结果构成", xTitle: "年份", yTitle: "办理结果（件）",
			series: ss, legend: true, counts: true, maxValue: mixPeak,
			alt: "堆积柱形图：本机关每年的办理结果（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理）件数。"}); err != nil {
			return err
		}
		drawn++
	}
	if len(withRate) > 0 {
		rc := 4 + len(labels.Outcomes())
		var ss []excelize.ChartSeries
		typ := excelize.Line
		if len(withRate) == 1 {
			typ = excelize.Col
			r := first + withRate[0]
			n := 2
			if !peers {
				n = 1
			}
			ss = []excelize.ChartSeries{barSeries(ref(data, 1, r, 1, r), ref(data, rc, headerRow, rc+n-1, headerRow), ref(data, rc, r, rc+n-1, r), 0)}
		} else {
			ss = append(ss, lineSeries(ref(data, rc, headerRow, rc, headerRow), cats, ref(data, rc, first, rc, last), 0))
			if peers {
				ss = append(ss, lineSeries(ref(data, rc+1, headerRow, rc+1, headerRow), cats, ref(data, rc+1, first, rc+1, last), 1))
			}
		}
		if err := b.addChart(chartSpec{typ: typ, title: "公开率：本机关与同类组", xTitle: "年份", yTitle: "公开率（%）", series: ss, legend: len(ss) > 1, pct: true,
			alt: "图：本机关每年的公开率（予以公开与部分公开之和占办理结果总计的比例）与同类组由汇总计数计算的公开率。"}); err != nil {
			return err
		}
		drawn++
	}
	if drawn == 0 {
		return b.chartNote(chartsSheet, chartRow0, "（本机关没有收到申请、办理结果或公开率的数字，没有绘图）")
	}
	return nil
}

// topBy returns up to n agencies with the largest key, ties by division
// order; agencies without a figure are left out, not ranked as zero.
func topBy(as []*agency, n int, key func(*agency) (float64, bool)) []*agency {
	type kv struct {
		a *agency
		v float64
	}
	var all []kv
	for _, a := range as {
		if v, ok := key(a); ok {
			all = append(all, kv{a, v})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].v > all[j].v })
	out := make([]*agency, 0, n)
	for i := 0; i < len(all) && i < n; i++ {
		out = append(out, all[i].a)
	}
	return out
}

func maxFigure(a *agency, metric string) (float64, bool) {
	best, ok := 0.0, false
	for _, f := range a.figures[metric] {
		if !ok || f.v > best {
			best, ok = f.v, true
		}
	}
	return best, ok
}
