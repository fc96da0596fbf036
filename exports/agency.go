package exports

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/xxgk/xxgk/queries/labels"
)

// writeAgency fills one agency's workbook: its figures year by year, set
// against the median of its peer group, with the source of every figure.
func writeAgency(b *book, d *data, a *agency, now time.Time) error {
	b.omit = agencyColumns
	extra := []string{fmt.Sprintf("机关：%s", a.Name)}
	if a.Kind != "" || a.Level != "" {
		extra = append(extra, fmt.Sprintf("类别：%s　层级：%s　省份：%s", a.Kind, a.Level, a.Province))
	}
	extra = append(extra, "工作表：图表（本机关与同类中位数）；历年数字；同类比较；比率；同比；出处（每个数字的原文）；可信度；未通过核验。")
	if err := b.writeReadme(a.Name+"：历年数字与同类比较", extra, d, now); err != nil {
		return err
	}
	ys := agencyYears(a)
	if err := writeAgencyCharts(b, d, a, ys); err != nil {
		return err
	}
	cols := []column{{"指标", 16, colText}}
	for _, y := range ys {
		cols = append(cols, column{strconv.Itoa(y), 10, colCount})
	}
	if err := b.streamSheet("历年数字", cols, 1, func(emit func([]any) error) error {
		for _, m := range agencyMetrics(a) {
			row := []any{labels.Metric(m)}
			for _, y := range ys {
				row = append(row, a.figure(m, y))
			}
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := writePeers(b, "同类比较", a.rows["peers"], d); err != nil {
		return err
	}
	if err := writeRates(b, "比率", a.rows["rates"], d); err != nil {
		return err
	}
	if err := writeYoY(b, "同比", a.rows["yoy"], d); err != nil {
		return err
	}
	if err := writeSources(b, a.rows["sources"], d); err != nil {
		return err
	}
	if err := writeTrust(b, "可信度", a.rows["trust"], d); err != nil {
		return err
	}
	return writeFailed(b, "未通过核验", a.rows["failed_checks"], d)
}

// agencyColumns are the columns an agency's own workbook leaves out: they
// would hold the same agency on every row, or an internal hash.
var agencyColumns = map[string]bool{"范围": true, "机关": true, "类别": true, "层级": true, "省份": true, "报告编号": true}

func agencyYears(a *agency) []int {
	seen := map[int]bool{}
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

// agencyMetrics lists the agency's metrics, known ones in display order first.
func agencyMetrics(a *agency) []string {
	return labels.SortMetrics(slices.Collect(maps.Keys(a.figures)))
}

func writeSources(b *book, rows [][]any, d *data) error {
	t := d.res["sources"]
	cols := []column{{"年份", 8, colYear}, {"期间", 7, colText}, {"指标键", 26, colText}, {"指标", 30, colText}, {"数值", 10, colDecimal},
		{"类型", 10, colText}, {"约数", 6, colText}, {"来源", 7, colText}, {"表", 12, colText}, {"行", 24, colText}, {"列", 10, colText},
		{"原文", 60, colText}, {"规则", 12, colText}, {"文件", 36, colText}, {"报告编号", 18, colText}}
	return b.streamSheet("出处", cols, 3, func(emit func([]any) error) error {
		for _, r := range rows {
			approx := ""
			if v, ok := t.Value(r, "approx").(bool); ok && v {
				approx = "约"
			}
			k := t.str(r, "key")
			if err := emit([]any{t.cell(r, "year"), labels.Period(t.str(r, "period")), k, labels.Key(k), t.cell(r, "value"),
				labels.ValueKind(t.str(r, "kind")), approx, labels.Source(t.str(r, "source")), labels.Table(t.str(r, "tbl")),
				t.str(r, "row_label"), t.str(r, "col_label"), t.str(r, "provenance"),
				labels.Mechanism(t.str(r, "source"), t.str(r, "rule")), t.str(r, "path"), t.str(r, "report_id")}); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeAgencyCharts writes the 图表 sheet: the agency's applications
// against its peer-group median year by year, and its outcome mix.
func writeAgencyCharts(b *book, d *data, a *agency, ys []int) error {
	sh, err := b.sheet("图表")
	if err != nil {
		return err
	}
	// The peer median of each year, as the peers query computed it.
	median := map[int]any{}
	pt := d.res["peers"]
	for _, r := range a.rows["peers"] {
		if pt.str(r, "metric") == "received" {
			median[pt.Int(r, "year")] = pt.cell(r, "peer_median")
		}
	}
	hs := []string{"年份", "收到申请", "同类中位数"}
	for _, m := range labels.Outcomes() {
		hs = append(hs, labels.Metric(m))
	}
	for i, h := range hs {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := b.f.SetCellValue(sh, cell, h); err != nil {
			return err
		}
		if err := b.f.SetCellStyle(sh, cell, cell, b.st.header); err != nil {
			return err
		}
	}
	for i, y := range ys {
		r := i + 2
		if err := b.set(sh, 1, r, colText, strconv.Itoa(y)); err != nil {
			return err
		}
		if err := b.set(sh, 2, r, colCount, a.figure("received", y)); err != nil {
			return err
		}
		if err := b.set(sh, 3, r, colDecimal, median[y]); err != nil {
			return err
		}
		for j, m := range labels.Outcomes() {
			if err := b.set(sh, 4+j, r, colCount, a.figure(m, y)); err != nil {
				return err
			}
		}
	}
	if len(ys) == 0 {
		return nil
	}
	last := len(ys) + 1
	cats := ref(sh, 1, 2, 1, last)
	if err := b.addChart(sh, "L1", excelize.Line, "收到申请：本机关与同类中位数", []excelize.ChartSeries{
		{Name: ref(sh, 2, 1, 2, 1), Categories: cats, Values: ref(sh, 2, 2, 2, last)},
		{Name: ref(sh, 3, 1, 3, 1), Categories: cats, Values: ref(sh, 3, 2, 3, last)},
	}); err != nil {
		return err
	}
	var ss []excelize.ChartSeries
	for j := range labels.Outcomes() {
		ss = append(ss, excelize.ChartSeries{Name: ref(sh, 4+j, 1, 4+j, 1), Categories: cats, Values: ref(sh, 4+j, 2, 4+j, last)})
	}
	return b.addChart(sh, "L21", excelize.ColStacked, "办理结果构成（件）", ss)
}
