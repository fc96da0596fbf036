package exports

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/xuri/excelize/v2"
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// topBy returns up to n agencies with the largest key; agencies without a
// figure are left out, not ranked as zero.
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
	for _, v := range a.figures[metric] {
		if f, isNum := queries.Number(v); isNum && (!ok || f > best) {
			best, ok = f, true
		}
	}
	return best, ok
}

// rankingYear is the year in which the most agencies have a figure for
// metric, the later on a tie: the last year alone is often thin.
func rankingYear(d *data, metric string) (int, bool) {
	best, bestN := 0, 0
	for _, y := range d.years {
		n := 0
		for _, a := range d.agencies {
			if a.figure(metric, y) != nil {
				n++
			}
		}
		if n > 0 && n >= bestN {
			best, bestN = y, n
		}
	}
	return best, bestN > 0
}

func chartTitle(s string) []excelize.RichTextRun { return []excelize.RichTextRun{{Text: s}} }

// addChart places a native Excel chart; blanks are gaps, not zeros.
func (b *book) addChart(sheet, cell string, typ excelize.ChartType, title string, ss []excelize.ChartSeries) error {
	if len(ss) == 0 {
		return nil
	}
	c := &excelize.Chart{
		Type:         typ,
		Series:       ss,
		Title:        chartTitle(title),
		Legend:       excelize.ChartLegend{Position: "bottom"},
		Dimension:    excelize.ChartDimension{Width: 760, Height: 380},
		ShowBlanksAs: "gap",
	}
	if err := b.f.AddChart(sheet, cell, c); err != nil {
		return fmt.Errorf("%s: chart %q: %w", sheet, title, err)
	}
	return nil
}

// writeComparisonCharts writes the 图表 sheet: small tables of the leading
// agencies and Excel charts drawn from them.
func writeComparisonCharts(b *book, d *data) error {
	sh, err := b.sheet("图表")
	if err != nil {
		return err
	}
	f := b.f
	header := func(row int, vals ...string) error {
		for i, v := range vals {
			cell, _ := excelize.CoordinatesToCellName(i+1, row)
			if err := f.SetCellValue(sh, cell, v); err != nil {
				return err
			}
			if err := f.SetCellStyle(sh, cell, cell, b.st.header); err != nil {
				return err
			}
		}
		return nil
	}
	if err := f.SetColWidth(sh, "A", "A", 34); err != nil {
		return err
	}
	chartCol, _ := excelize.ColumnNumberToName(max(len(d.years), len(labels.Outcomes())) + 3)

	// 1. Trend of applications received, the leading agencies.
	top := topBy(d.agencies, chartTrendN, func(a *agency) (float64, bool) { return maxFigure(a, "received") })
	row := 1
	hs := []string{"收到申请（前 " + strconv.Itoa(len(top)) + " 个机关）"}
	for _, y := range d.years {
		hs = append(hs, strconv.Itoa(y))
	}
	if err := header(row, hs...); err != nil {
		return err
	}
	var ss []excelize.ChartSeries
	for i, a := range top {
		r := row + 1 + i
		if err := b.set(sh, 1, r, colText, a.Name); err != nil {
			return err
		}
		for j, y := range d.years {
			if err := b.set(sh, 2+j, r, colCount, a.figure("received", y)); err != nil {
				return err
			}
		}
		ss = append(ss, excelize.ChartSeries{Name: ref(sh, 1, r, 1, r), Categories: ref(sh, 2, row, 1+len(d.years), row), Values: ref(sh, 2, r, 1+len(d.years), r)})
	}
	if err := b.addChart(sh, chartCol+"1", excelize.Line, "各机关历年收到申请数", ss); err != nil {
		return err
	}

	// 2. Ranking and outcome mix of the latest year.
	y, ok := rankingYear(d, "received")
	if !ok {
		return nil
	}
	row = max(row+len(top)+3, 22)
	rank := topBy(d.agencies, chartRankN, func(a *agency) (float64, bool) { return queries.Number(a.figure("received", y)) })
	hs = []string{fmt.Sprintf("%d 年收到申请排名", y), "收到申请"}
	for _, m := range labels.Outcomes() {
		hs = append(hs, labels.Metric(m))
	}
	if err := header(row, hs...); err != nil {
		return err
	}
	for i, a := range rank {
		r := row + 1 + i
		if err := b.set(sh, 1, r, colText, a.Name); err != nil {
			return err
		}
		if err := b.set(sh, 2, r, colCount, a.figure("received", y)); err != nil {
			return err
		}
		for j, m := range labels.Outcomes() {
			if err := b.set(sh, 3+j, r, colCount, a.figure(m, y)); err != nil {
				return err
			}
		}
	}
	if len(rank) == 0 {
		return nil
	}
	last := row + len(rank)
	cats := ref(sh, 1, row+1, 1, last)
	if err := b.addChart(sh, chartCol+strconv.Itoa(row), excelize.Bar, fmt.Sprintf("%d 年收到申请数排名", y),
		[]excelize.ChartSeries{{Name: ref(sh, 2, row, 2, row), Categories: cats, Values: ref(sh, 2, row+1, 2, last)}}); err != nil {
		return err
	}
	ss = nil
	for j := range labels.Outcomes() {
		ss = append(ss, excelize.ChartSeries{Name: ref(sh, 3+j, row, 3+j, row), Categories: cats, Values: ref(sh, 3+j, row+1, 3+j, last)})
	}
	return b.addChart(sh, chartCol+strconv.Itoa(row+21), excelize.BarStacked, fmt.Sprintf("%d 年办理结果构成（件）", y), ss)
}
