package exports

import (
	"fmt"
	"github.com/xxgk/xxgk/etl/report"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// Sizes of the chart tables: a chart of 3,000 agencies is unreadable.
const (
	chartTrendN = 10 // agencies in the trend chart
	chartRankN  = 15 // bars in the ranking and outcome-mix charts
)

// readmeLines explain the method; they open every workbook's 说明 sheet.
var readmeLines = []string{
	"数据来源：各机关公开发布的政府信息公开工作年度报告，按格式（2021 新表、2019 表、旧统计表、纯文字）读取为统一指标。",
	"空白不是 0：报告中空白、“/”、“无”或“不适用”的单元格在本工作簿中为空单元格；比率的分母为 0 或空白时比率为空。",
	"跨机关比率由汇总后的计数重新计算，不对比率求平均。同类比较按机关类别与层级分组。",
	"核验：每份报告按年度报告格式自身的勾稽关系核验（收支平衡、结果合计、行合计、复议诉讼合计、跨年衔接）；未通过的核验列在“未通过核验”表，数据保留但应谨慎使用。",
	"以撇号（'）开头的文字是报告原文中以 = + - @ 开头的内容，撇号防止被当作公式执行。",
	"各表均有筛选按钮（自动筛选）和冻结的标题行；下方是各统一指标在新旧格式中的对照表。",
}

// writeReadme writes the 说明 sheet: title, method notes and the crosswalk
// as a table with its own autofilter. It is streamed: every agency
// workbook carries one, and cell-by-cell writes cost seconds at scale.
func (b *book) writeReadme(title string, extra []string, d *data, now time.Time) error {
	sh, err := b.sheet("说明")
	if err != nil {
		return err
	}
	sw, err := b.f.NewStreamWriter(sh)
	if err != nil {
		return fmt.Errorf("说明: %w", err)
	}
	for i, w := range []float64{24, 22, 30, 30, 10, 60} {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return fmt.Errorf("说明: %w", err)
		}
	}
	row := 0
	put := func(vals ...any) error {
		row++
		cell, _ := excelize.CoordinatesToCellName(1, row)
		return sw.SetRow(cell, vals)
	}
	txt := func(s string, style int) any { return excelize.Cell{StyleID: style, Value: safeText(s)} }
	if err := put(txt(title, b.st.title)); err != nil {
		return fmt.Errorf("说明: %w", err)
	}
	lines := append([]string{"生成时间：" + now.UTC().Format("2006-01-02 15:04 UTC")}, extra...)
	for _, l := range append(lines, readmeLines...) {
		if err := put(txt(l, b.st.text)); err != nil {
			return fmt.Errorf("说明: %w", err)
		}
	}
	row++ // a blank line
	if err := put(txt("指标对照（协调表）", b.st.title)); err != nil {
		return fmt.Errorf("说明: %w", err)
	}
	var head []any
	for _, h := range []string{"指标", "单位", "2019/2021 表格来源", "旧格式来源", "可信程度", "说明"} {
		head = append(head, excelize.Cell{StyleID: b.st.header, Value: h})
	}
	if err := put(head...); err != nil {
		return fmt.Errorf("说明: %w", err)
	}
	first := row
	cw := d.res["crosswalk"]
	for _, r := range cw.Rows() {
		m := cw.str(r, "metric")
		var vals []any
		for _, v := range []string{labels.Metric(m), labels.Unit(m), keyList(cw.str(r, "modern_source")), keyList(cw.str(r, "legacy_source")),
			labels.Confidence(cw.str(r, "confidence")), cw.str(r, "note")} {
			vals = append(vals, txt(v, b.st.wrap))
		}
		if err := put(vals...); err != nil {
			return fmt.Errorf("说明: %w", err)
		}
	}
	if row > first {
		last, _ := excelize.CoordinatesToCellName(6, row)
		b.tables++
		if err := sw.AddTable(&excelize.Table{Range: fmt.Sprintf("A%d:%s", first, last), Name: fmt.Sprintf("T%d", b.tables), StyleName: "TableStyleLight9"}); err != nil {
			return fmt.Errorf("说明: table: %w", err)
		}
	}
	return sw.Flush()
}

// writeComparison fills the comparison workbook: every agency × year.
func writeComparison(b *book, d *data, now time.Time) error {
	if err := b.writeReadme("政府信息公开年度报告：机关 × 年度比较", []string{
		fmt.Sprintf("共 %d 个机关，%s。", len(d.agencies), yearSpan(d.years)),
		"工作表：图表；各指标的机关 × 年度表；比率；近年变化；同类排名；可信度；未通过核验。",
	}, d, now); err != nil {
		return err
	}
	if err := writeComparisonCharts(b, d); err != nil {
		return err
	}
	for _, ms := range metricSheets {
		if err := writePivot(b, d, ms.Metric, ms.Sheet); err != nil {
			return err
		}
	}
	if err := writeRates(b, "比率", d.res["rates"].Rows(), d); err != nil {
		return err
	}
	if err := writeYoY(b, "近年变化", latestYoY(d), d); err != nil {
		return err
	}
	if err := writePeers(b, "同类排名", latestPeers(d), d); err != nil {
		return err
	}
	if err := writeTrust(b, "可信度", d.res["trust"].Rows(), d); err != nil {
		return err
	}
	return writeFailed(b, "未通过核验", d.res["failed_checks"].Rows(), d)
}

func yearSpan(ys []int) string {
	if len(ys) == 0 {
		return "尚无年度数字"
	}
	return fmt.Sprintf("%d–%d 年", ys[0], ys[len(ys)-1])
}

// writePivot writes one metric as agencies × years.
func writePivot(b *book, d *data, metric, sheet string) error {
	cols := []column{{"机关", 36, colText}, {"类别", 12, colText}, {"层级", 10, colText}, {"省份", 10, colText}}
	for _, y := range d.years {
		cols = append(cols, column{strconv.Itoa(y), 10, colCount})
	}
	return b.streamSheet(sheet, cols, 1, func(emit func([]any) error) error {
		for _, a := range d.agencies {
			if a.figures[metric] == nil {
				continue
			}
			row := []any{a.Name, a.Kind, a.Level, a.Province}
			for _, y := range d.years {
				row = append(row, a.figure(metric, y))
			}
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

func writeRates(b *book, sheet string, rows [][]any, d *data) error {
	t := d.res["rates"]
	cols := []column{{"范围", 10, colText}, {"机关", 36, colText}, {"类别", 12, colText}, {"层级", 10, colText}, {"同类组", 16, colText},
		{"年份", 8, colYear}, {"期间", 8, colText}, {"比率", 14, colText}, {"口径", 34, colText}, {"分子", 10, colCount},
		{"分母", 10, colCount}, {"比率值", 10, colPct}}
	return b.streamSheet(sheet, cols, 2, func(emit func([]any) error) error {
		for _, r := range rows {
			rate := t.str(r, "rate")
			if err := emit([]any{labels.RateScope(t.str(r, "scope")), t.str(r, "agency"), t.str(r, "agency_kind"), labels.Level(t.str(r, "level")),
				labels.PeerGroup(t.str(r, "peer_group")), t.cell(r, "year"), labels.Period(t.str(r, "period")), labels.Rate(rate), labels.RateFormula(rate), t.cell(r, "numerator"), t.cell(r, "denominator"),
				t.cell(r, "value")}); err != nil {
				return err
			}
		}
		return nil
	})
}

func writeYoY(b *book, sheet string, rows [][]any, d *data) error {
	t := d.res["yoy"]
	cols := []column{{"机关", 36, colText}, {"期间", 8, colText}, {"指标", 14, colText}, {"年份", 8, colYear}, {"数值", 10, colCount},
		{"上一年份", 9, colYear}, {"上一数值", 10, colCount}, {"变化", 10, colCount}, {"变化率", 10, colPct}, {"间隔年数", 9, colYear},
		{"首个年份", 9, colYear}, {"首个数值", 10, colCount}, {"跨度年数", 9, colYear}, {"年均增长率", 11, colPct}}
	return b.streamSheet(sheet, cols, 1, func(emit func([]any) error) error {
		for _, r := range rows {
			if err := emit([]any{t.str(r, "agency"), labels.Period(t.str(r, "period")), labels.Metric(t.str(r, "metric")), t.cell(r, "year"), t.cell(r, "value"),
				t.cell(r, "prev_year"), t.cell(r, "prev_value"), t.cell(r, "abs_change"), t.cell(r, "pct_change"), t.cell(r, "gap"),
				t.cell(r, "first_year"), t.cell(r, "first_value"), t.cell(r, "span_years"), t.cell(r, "cagr")}); err != nil {
				return err
			}
		}
		return nil
	})
}

func writePeers(b *book, sheet string, rows [][]any, d *data) error {
	t := d.res["peers"]
	cols := []column{{"机关", 36, colText}, {"类别", 12, colText}, {"层级", 10, colText}, {"同类组", 18, colText}, {"年份", 8, colYear},
		{"指标", 14, colText}, {"数值", 10, colCount}, {"总排名", 9, colYear}, {"组内排名", 9, colYear}, {"组内机关数", 10, colYear},
		{"组内中位数", 11, colDecimal}, {"百分位（0–100）", 12, colDecimal}, {"异常", 8, colText}}
	return b.streamSheet(sheet, cols, 1, func(emit func([]any) error) error {
		for _, r := range rows {
			if err := emit([]any{t.str(r, "agency"), t.str(r, "agency_kind"), labels.Level(t.str(r, "level")), labels.PeerGroup(t.str(r, "peer_group")), t.cell(r, "year"),
				labels.Metric(t.str(r, "metric")), t.cell(r, "value"), t.cell(r, "rank"), t.cell(r, "peer_rank"), t.cell(r, "peer_n"),
				t.cell(r, "peer_median"), t.cell(r, "percentile"), t.str(r, "outlier")}); err != nil {
				return err
			}
		}
		return nil
	})
}

func writeTrust(b *book, sheet string, rows [][]any, d *data) error {
	t := d.res["trust"]
	cols := []column{{"机关", 36, colText}, {"年份", 8, colYear}, {"期间", 8, colText}, {"核验数", 9, colCount}, {"通过", 8, colCount},
		{"未通过", 8, colCount}, {"无法核验", 9, colCount}, {"通过比例", 10, colPct}, {"空白比例", 10, colPct}, {"可信度", 10, colPct}}
	return b.streamSheet(sheet, cols, 1, func(emit func([]any) error) error {
		for _, r := range rows {
			if err := emit([]any{t.str(r, "agency"), t.cell(r, "year"), labels.Period(t.str(r, "period")), t.cell(r, "checks_total"), t.cell(r, "checks_pass"),
				t.cell(r, "checks_fail"), t.cell(r, "checks_na"), t.cell(r, "pass_share"), t.cell(r, "blank_share"), t.cell(r, "trust_score")}); err != nil {
				return err
			}
		}
		return nil
	})
}

func writeFailed(b *book, sheet string, rows [][]any, d *data) error {
	t := d.res["failed_checks"]
	cols := []column{{"机关", 36, colText}, {"年份", 8, colYear}, {"规则", 12, colText}, {"范围", 14, colText}, {"应为", 10, colDecimal},
		{"实际", 10, colDecimal}, {"说明", 40, colText}, {"文件", 40, colText}, {"报告编号", 20, colText}}
	return b.streamSheet(sheet, cols, 1, func(emit func([]any) error) error {
		for _, r := range rows {
			rule, scope := t.str(r, "rule"), t.str(r, "scope")
			exp, _ := t.Num(r, "expected")
			act, _ := t.Num(r, "actual")
			c := report.Check{Rule: rule, Scope: scope, Status: report.Fail, Detail: t.str(r, "detail")}
			if t.cell(r, "expected") != nil {
				c.Expected = &exp
			}
			if t.cell(r, "actual") != nil {
				c.Actual = &act
			}
			if err := emit([]any{t.str(r, "agency"), t.cell(r, "year"), labels.Rule(rule), labels.Scope(rule, scope), t.cell(r, "expected"),
				t.cell(r, "actual"), labels.Check(c), t.str(r, "path"), t.str(r, "report_id")}); err != nil {
				return err
			}
		}
		return nil
	})
}

// latestYoY keeps, per agency and metric, the row of the latest annual year:
// the comparison shows the most recent change, the agency workbooks all.
func latestYoY(d *data) [][]any {
	t := d.res["yoy"]
	type key struct{ agency, metric string }
	best := map[key]int{}
	rows := t.Rows()
	for i, r := range rows {
		if !queries.Annual(t.str(r, "period")) {
			continue
		}
		k := key{t.str(r, "agency"), t.str(r, "metric")}
		if j, ok := best[k]; !ok || t.Int(r, "year") > t.Int(rows[j], "year") {
			best[k] = i
		}
	}
	return pick(rows, best)
}

// latestPeers keeps the peer ranks of each metric's latest year.
func latestPeers(d *data) [][]any {
	t := d.res["peers"]
	latest := map[string]int{}
	for _, r := range t.Rows() {
		m, y := t.str(r, "metric"), t.Int(r, "year")
		if y > latest[m] {
			latest[m] = y
		}
	}
	var out [][]any
	for _, r := range t.Rows() {
		if t.Int(r, "year") == latest[t.str(r, "metric")] {
			out = append(out, r)
		}
	}
	return out
}

func pick[K comparable](rows [][]any, idx map[K]int) [][]any {
	is := make([]int, 0, len(idx))
	for _, i := range idx {
		is = append(is, i)
	}
	sort.Ints(is)
	out := make([][]any, len(is))
	for n, i := range is {
		out[n] = rows[i]
	}
	return out
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
