package exports

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// metricSheets are the figures compared agency × year, one sheet each, in
// the order of the application table.
var metricSheets = []struct{ Metric, Sheet string }{
	{"received", "收到申请"},
	{"handled", "办理结果总计"},
	{"granted", "予以公开"},
	{"partial", "部分公开"},
	{"denied", "不予公开"},
	{"unavailable", "无法提供"},
	{"unprocessed", "不予处理"},
	{"carried_forward", "结转下年度"},
	{"proactive", "主动公开"},
	{"review_total", "行政复议"},
	{"review_corrected", "复议纠正"},
	{"litigation_total", "行政诉讼"},
	{"litigation_corrected", "诉讼纠正"},
	{"fees", "依申请公开收费"},
}

// Titles of the workbooks (cover, document properties).
const (
	comparisonTitle = "政府信息公开工作年度报告数据：各机关比较"
	sourceLine      = "各机关在政府网站公开发布的政府信息公开工作年度报告；每个数字的原文见各机关工作簿的“出处”表。"
	contactLine     = "数字与报告原文不符或机关名称有误时，请联系发布本工作簿的单位；报告原文以各机关网站为准。"
)

// writeComparison fills the comparison workbook: every agency × year.
func writeComparison(b *book, d *data) error {
	if err := b.open(); err != nil {
		return err
	}
	if err := b.chartSheet(chartsSheet, "图表：收到申请的趋势、排名、办理结果与比率",
		"图表只含已识别、名称完整的机关"+b.notes.ref("excluded")+"；图表的数字见“趋势图数据”“排名图数据”“比率图数据”表。"); err != nil {
		return err
	}
	for _, ms := range metricSheets {
		if err := b.writeTable(pivotSheet(b, d, ms.Metric, ms.Sheet)); err != nil {
			return err
		}
	}
	for _, rate := range labels.Rates() {
		if err := b.writeTable(ratePivot(b, d, rate)); err != nil {
			return err
		}
	}
	for _, s := range []*sheetSpec{groupRates(b, d), latestChanges(b, d), peerRanks(b, d), trustSheet(b, d, d.agencies),
		failedSheet(b, d, d.agencies), qualitySheet(b, d, d.agencies), reportQualitySheet(b, d, d.agencies), excludedSheet(b, d), indexSheet(b, d, AgencyDir+"/"),
		crosswalkSheet(b, d)} {
		if err := b.writeTable(s); err != nil {
			return err
		}
	}
	if err := writeComparisonCharts(b, d); err != nil {
		return err
	}
	compared := len(d.all.members)
	if err := b.setDocProps(comparisonTitle, "各机关政府信息公开工作年度报告的申请、办理结果、复议诉讼和主动公开数字的机关 × 年度比较",
		fmt.Sprintf("%d 个机关，%s，%d 份报告；数据校验码 %s", len(d.agencies), yearSpan(d.years), d.reports, d.stamp), d.now); err != nil {
		return err
	}
	return b.close(comparisonTitle, []coverLine{
		{"内容", "各机关政府信息公开工作年度报告中的依申请公开（收到申请、办理结果）、行政复议和行政诉讼、主动公开和收费数字，" +
			"按机关 × 年度排列；比率、近年变化、同类排名、可信度、未通过的核验和数据质量问题各成一表。每个机关另有一个工作簿（见“机关索引”）。"},
		{"覆盖范围", fmt.Sprintf("%d 个机关（其中 %d 个参加比较，%d 个同类组），%s，%d 份报告。", len(d.agencies), compared, len(d.groups), yearSpan(d.years), d.reports)},
		{"数据版本", fmt.Sprintf("生成于 %s；数据校验码 %s（数据不变则校验码不变，印在每页页脚）。", beijing(d.now), d.stamp)},
		{"制作方法", "由 xxgk（版本 " + Version + "）读取各机关公开发布的年度报告（网页、文档、表格附件和纯文本），按 2021 年版、2019 年版、" +
			"旧版统计表和文字报告四种格式读取为统一指标，旧版数字按“指标对照”表换算；每份报告按表格的勾稽关系核验。空白不是 0。"},
		{"来源", sourceLine},
		{"联系", contactLine},
		{"引用", fmt.Sprintf("《%s》，xxgk 生成于 %s，数据校验码 %s。", comparisonTitle, d.now.In(beijingTime).Format("2006 年 1 月 2 日"), d.stamp)},
		{"使用说明", "“目录”列出每张表并可点击跳转；表头的〔注N〕见“注释”表。每张表从 A1 开始，第 3 行是表头，可筛选、排序；打印为横向、按页宽缩放，每页重复表头。"},
	})
}

func yearSpan(ys []int) string {
	if len(ys) == 0 {
		return "尚无年度数字"
	}
	if len(ys) == 1 || ys[0] == ys[len(ys)-1] {
		return fmt.Sprintf("%d 年", ys[0])
	}
	return fmt.Sprintf("%d–%d 年", ys[0], ys[len(ys)-1])
}

// pivotSheet is one metric as agencies × years; a blank says why.
func pivotSheet(b *book, d *data, metric, sheet string) *sheetSpec {
	unit := labels.Unit(metric)
	kind := colCount
	if unit == "万元" {
		kind = colMoney
	}
	cols := slices.Clone(idCols)
	for _, y := range d.years {
		cols = append(cols, column{Header: yearHeader(y, unit), Kind: kind})
	}
	var rows [][]any
	for _, a := range d.agencies {
		if len(a.forms) == 0 {
			continue // no annual report: nothing to show year by year
		}
		row := idRow(a)
		for _, y := range d.years {
			row = append(row, d.cell(a, metric, y, false))
		}
		rows = append(rows, row)
	}
	return &sheetSpec{
		name: sheet, title: fmt.Sprintf("%s（%s）：各机关历年数字", labels.Metric(metric), unit), freeze: 4, yearCol: -1, rows: rows, cols: cols,
		desc: fmt.Sprintf("每行一个机关，按区划代码排列；每列一个年度（全年报告）。空白写明原因%s；“约”为约数%s，浅黄色为旧表换算%s，灰色斜体为可信度低%s。",
			b.notes.ref("blank"), b.notes.ref("approx"), b.notes.ref("mapped crosswalk"), b.notes.ref("low_trust")),
	}
}

// rateCell is an agency's ratio for a year, or why it has none.
func (d *data) rateCell(a *agency, rate string, y int) fig {
	r, ok := a.rates[rate][y]
	if !ok {
		if _, has := a.forms[y]; !has {
			return fig{blank: labels.Blank("no_report")}
		}
		return fig{blank: labels.Blank("not_reported")}
	}
	if r.val == nil {
		if r.den != nil && *r.den == 0 {
			return fig{blank: labels.Blank("not_applicable")}
		}
		return fig{blank: labels.Blank("not_reported")}
	}
	f := fig{v: *r.val, ok: true, kind: colPct}
	if r.mapped {
		f.marks |= markMapped
	}
	if s, ok := a.trust[y]; ok && s < lowTrust {
		f.marks |= markLowTrust
	}
	return f
}

// ratePivot is one ratio as agencies × years.
func ratePivot(b *book, d *data, rate string) *sheetSpec {
	cols := slices.Clone(idCols)
	for _, y := range d.years {
		cols = append(cols, column{Header: yearHeader(y, "%"), Kind: colPct})
	}
	var rows [][]any
	for _, a := range d.agencies {
		if len(a.rates[rate]) == 0 {
			continue
		}
		row := idRow(a)
		for _, y := range d.years {
			row = append(row, d.rateCell(a, rate, y))
		}
		rows = append(rows, row)
	}
	return &sheetSpec{
		name: labels.Rate(rate), title: fmt.Sprintf("%s（%%）：各机关历年比率", labels.Rate(rate)), freeze: 4, yearCol: -1, rows: rows, cols: cols,
		desc: fmt.Sprintf("%s = %s%s。分母为 0 时写“%s”，缺少分子或分母时写“%s”。", labels.Rate(rate), labels.RateFormula(rate), b.notes.ref("rates"),
			labels.Blank("not_applicable"), labels.Blank("not_reported")),
	}
}

// groupRates lists every peer group's ratios and those of all compared
// agencies, recomputed from summed counts.
func groupRates(b *book, d *data) *sheetSpec {
	cols := []column{{Header: "同类组", Note: "peer_group"}, {Header: "年份", Kind: colYear}, {Header: "比率"}, {Header: "口径", Wrap: true},
		{Header: "分子（件）", Kind: colCount}, {Header: "分母（件）", Kind: colCount}, {Header: "比率值（%）", Kind: colPct, Note: "rates"},
		{Header: "机关数（个）", Kind: colCount}, {Header: "标记"}}
	var rows [][]any
	for _, g := range append(slices.Clone(d.groups), d.all) {
		for _, y := range d.years {
			for _, rate := range labels.Rates() {
				s := g.rates[statKey{rate, y}]
				if s == nil {
					continue
				}
				v, ok := s.value()
				f := fig{v: v, ok: ok, kind: colPct}
				mk := ""
				if s.mapped {
					f.marks |= markMapped
					mk = labels.Marker("mapped")
				}
				if !ok {
					f.blank = labels.Blank("not_applicable")
				}
				rows = append(rows, []any{g.label, float64(y), labels.Rate(rate), labels.RateFormula(rate), s.num, s.den, f, float64(s.n), mk})
			}
		}
	}
	return &sheetSpec{name: "同类组比率", title: "同类组与全部机关的比率（由汇总的计数计算）", freeze: 1, yearCol: 1, rows: rows, cols: cols,
		desc: "每个同类组每年每个比率一行，最后是全部参加比较的机关；分子、分母为组内各机关之和" + b.notes.ref("excluded") + "。"}
}

// changeCols are the columns of a year-over-year table after who and what.
func changeCols() []column {
	return []column{{Header: "年份", Kind: colYear}, {Header: "数值"}, {Header: "上一年份", Kind: colYear}, {Header: "上一数值"},
		{Header: "变化"}, {Header: "变化率（%）", Kind: colPct, Note: "change"}, {Header: "间隔年数（年）", Kind: colYear, Note: "gap"},
		{Header: "首个年份", Kind: colYear}, {Header: "年均增长率（%）", Kind: colPct, Note: "change"}, {Header: "标记", Note: "form_change approx mapped"}}
}

// changeRow is one yoy row after who and what: figures of the metric's
// unit, 间隔年数 from the two years, and the marks.
func (d *data) changeRow(a *agency, t *table, r []any) []any {
	m := t.str(r, "metric")
	kind := colCount
	if labels.Unit(m) == "万元" {
		kind = colMoney
	}
	num := func(col string, k colKind) fig {
		v, ok := t.Num(r, col)
		return fig{v: v, ok: ok, kind: k}
	}
	y := t.Int(r, "year")
	value := num("value", kind)
	var marks []string
	if t.Bool(r, "approx") {
		value.marks |= markApprox
		marks = append(marks, labels.Marker("approx"))
	}
	if t.Bool(r, "corrected") {
		value.marks |= markCorrected
		marks = append(marks, correctionWords(t.str(r, "correction_why"), nil))
	}
	if t.Bool(r, "mapped") {
		value.marks |= markMapped
		marks = append(marks, labels.Marker("mapped"))
	}
	var gap any
	forms := a.forms
	if !queries.Annual(t.str(r, "period")) {
		forms = a.halfForms
	}
	if py, ok := t.Num(r, "prev_year"); ok {
		gap = float64(y) - py
		if f, p := forms[y], forms[int(py)]; f != "" && p != "" && f != p {
			marks = append(marks, labels.Marker("form_change")+"（"+labels.Form(p)+" → "+labels.Form(f)+"）")
		}
	} else {
		marks = append(marks, labels.Marker("first_year"))
	}
	return []any{float64(y), value, t.cell(r, "prev_year"), num("prev_value", kind), num("abs_change", kind), num("pct_change", colPct),
		gap, t.cell(r, "first_year"), num("cagr", colPct), strings.Join(marks, "；")}
}

// latestChanges keeps, per agency and metric, the change of the latest
// annual year: the comparison shows the most recent change, the agency
// workbooks all.
func latestChanges(b *book, d *data) *sheetSpec {
	t := d.res["yoy"]
	cols := append(slices.Clone(idCols[:4]), column{Header: "指标"}, column{Header: "单位"})
	cols = append(cols, changeCols()...)
	var rows [][]any
	for _, a := range d.agencies {
		latest := map[string][]any{}
		var order []string
		for _, r := range a.rows["yoy"] {
			if !queries.Annual(t.str(r, "period")) || t.Int(r, "year") <= 0 {
				continue
			}
			m := t.str(r, "metric")
			if _, ok := latest[m]; !ok {
				order = append(order, m)
			}
			if p := latest[m]; p == nil || t.Int(r, "year") > t.Int(p, "year") {
				latest[m] = r
			}
		}
		for _, m := range labels.SortMetrics(order) {
			row := append(idRow(a)[:4], labels.Metric(m), labels.Unit(m))
			rows = append(rows, append(row, d.changeRow(a, t, latest[m])...))
		}
	}
	return &sheetSpec{name: "近年变化", title: "近年变化：各机关各指标最近一年与上一个有数字的年份相比", freeze: 4, yearCol: 6, rows: rows, cols: cols,
		desc: "每个机关每个指标一行（全年报告）；各年的变化见各机关工作簿的“同比”表。单位见“单位”列" + b.notes.ref("units") + "。"}
}

// peerRanks ranks every compared agency in its peer group, per metric, in
// the year in which most agencies have the figure.
func peerRanks(b *book, d *data) *sheetSpec {
	cols := []column{{Header: "指标"}, {Header: "单位"}, {Header: "年份", Kind: colYear}, {Header: "同类组", Note: "peer_group"}}
	cols = append(cols, idCols[:4]...)
	cols = append(cols, column{Header: "数值"}, column{Header: "组内排名（位）", Kind: colCount, Note: "rank"}, column{Header: "组内机关数（个）", Kind: colCount},
		column{Header: "百分位（0–100）", Kind: colPercentile, Note: "percentile"}, column{Header: "同类中位数（不含本机关）", Kind: colDecimal, Note: "median"},
		column{Header: "标记", Note: "approx mapped low_trust"})
	var rows [][]any
	for _, ms := range metricSheets {
		m := ms.Metric
		y, ok := rankingYear(d, m)
		if !ok {
			continue
		}
		for _, g := range d.groups {
			for _, a := range g.members {
				if a.figures[m][y] == nil {
					continue
				}
				c := d.cell(a, m, y, false)
				st := g.standing(m, y, c.v)
				row := []any{labels.Metric(m), labels.Unit(m), float64(y), g.label}
				row = append(row, idRow(a)[:4]...)
				row = append(row, c, float64(st.rank), float64(st.n), optional(st.percentile, st.hasPct), optional(st.median, st.hasMedian), markWords(c.marks))
				rows = append(rows, row)
			}
		}
	}
	return &sheetSpec{name: "同类排名", title: "同类排名：各机关在同类组中的名次（每个指标取有数字的机关最多的年份）", freeze: 1, yearCol: 2, rows: rows, cols: cols,
		desc: "按指标、同类组和区划代码排列；未识别机关和名称不全的机关不参加排名" + b.notes.ref("excluded") + "。"}
}

// rankingYear is the year in which the most compared agencies have a
// figure for metric, the later on a tie: the last year alone is often thin.
func rankingYear(d *data, metric string) (int, bool) {
	best, bestN := 0, 0
	for _, y := range d.years {
		n := 0
		for _, a := range d.all.members {
			if a.figures[metric][y] != nil {
				n++
			}
		}
		if n > 0 && n >= bestN {
			best, bestN = y, n
		}
	}
	return best, bestN > 0
}

// optional is a figure or an empty cell.
func optional(v float64, ok bool) any {
	if !ok {
		return nil
	}
	return v
}

// correctionWords is the 标记 of a figure a reader corrected: 人工校正 with
// the reason (the reader's text; safeText neutralises it when written) and,
// when known, the extracted value.
func correctionWords(why string, extracted *float64) string {
	s := labels.Correction("mark") + "（" + labels.Correction("why") + "：" + why
	if extracted != nil {
		s += "；" + labels.Correction("extracted") + "：" + labels.Number(*extracted)
	}
	return s + "）"
}

// markWords names the marks of a figure for a 标记 column.
func markWords(m mark) string {
	var out []string
	if m&markApprox != 0 {
		out = append(out, labels.Marker("approx"))
	}
	if m&markMapped != 0 {
		out = append(out, labels.Marker("mapped"))
	}
	if m&markLowTrust != 0 {
		out = append(out, labels.Marker("low_trust"))
	}
	if m&markCorrected != 0 {
		out = append(out, labels.Correction("mark"))
	}
	return strings.Join(out, "；")
}

// trustSheet lists the trust score of every report of the agencies.
func trustSheet(b *book, d *data, as []*agency) *sheetSpec {
	t := d.res["trust"]
	cols := append(slices.Clone(idCols[:4]), column{Header: "年份", Kind: colYear}, column{Header: "期间"}, column{Header: "报告格式"},
		column{Header: "核验数（项）", Kind: colCount, Note: "checks"}, column{Header: "通过（项）", Kind: colCount}, column{Header: "未通过（项）", Kind: colCount},
		column{Header: "无法核验（项）", Kind: colCount}, column{Header: "通过比例（%）", Kind: colPct}, column{Header: "空白比例（%）", Kind: colPct},
		column{Header: "可信度（%）", Kind: colPct, Note: "trust"}, column{Header: "标记", Note: "low_trust"}, column{Header: "文件", Wrap: true, Width: 40})
	var rows [][]any
	for _, a := range as {
		for _, r := range a.rows["trust"] {
			mk := ""
			if s, ok := t.Num(r, "trust_score"); ok && s < lowTrust {
				mk = labels.Marker("low_trust")
			}
			if fx := d.fixes[t.str(r, "report_id")]; fx != "" {
				mk = strings.TrimPrefix(mk+"；"+fx, "；")
			}
			row := append(idRow(a)[:4], yearCell(t, r), labels.Period(t.str(r, "period")), labels.Form(t.str(r, "form")),
				t.cell(r, "checks_total"), t.cell(r, "checks_pass"), t.cell(r, "checks_fail"), t.cell(r, "checks_na"),
				t.cell(r, "pass_share"), t.cell(r, "blank_share"), t.cell(r, "trust_score"), mk, a.files[t.str(r, "period")+"·"+strconv.Itoa(t.Int(r, "year"))])
			rows = append(rows, row)
		}
	}
	return &sheetSpec{name: "可信度", title: "可信度：每份报告的核验结果与空白比例", freeze: 4, yearCol: 4, rows: rows, cols: cols,
		desc: "每份采用的报告一行，含其文件；可信度低于 " + strconv.Itoa(int(lowTrust*100)) + "% 的报告，其数字在各表中以灰色斜体标出" + b.notes.ref("low_trust") +
			"；读者校正过发布机关、年度、期间或格式的报告，标记列写“" + labels.Correction("mark") + "”、校正的项目、原读取值和校正理由" + b.notes.ref("corrected") + "。"}
}

// yearCell is the year of a row, blank when unknown.
func yearCell(t *table, r []any) any {
	if y := t.Int(r, "year"); y > 0 {
		return float64(y)
	}
	return nil
}

// failedSheet lists the failed identities of the agencies' reports.
func failedSheet(b *book, d *data, as []*agency) *sheetSpec {
	t := d.res["failed_checks"]
	cols := append(slices.Clone(idCols[:4]), column{Header: "年份", Kind: colYear}, column{Header: "期间"}, column{Header: "核验"},
		column{Header: "说明", Wrap: true, Width: 60}, column{Header: "应为（件）"}, column{Header: "实际（件）"}, column{Header: "采用的报告"},
		column{Header: "文件", Wrap: true, Width: 40})
	var rows [][]any
	for _, a := range as {
		for _, r := range a.rows["failed_checks"] {
			c := report.Check{Rule: t.str(r, "rule"), Scope: t.str(r, "scope"), Status: report.Fail, Detail: t.str(r, "detail"),
				Expected: t.OptNum(r, "expected"), Actual: t.OptNum(r, "actual")}
			row := append(idRow(a)[:4], yearCell(t, r), labels.Period(t.str(r, "period")), labels.Rule(c.Rule), labels.Check(c),
				checkFigure(c.Expected), checkFigure(c.Actual), t.str(r, "preferred"), t.str(r, "path"))
			rows = append(rows, row)
		}
	}
	return &sheetSpec{name: "未通过核验", title: "未通过的核验：报告中不能相互印证的数字", freeze: 4, yearCol: 4, rows: rows, cols: cols,
		empty: "（没有未通过的核验）",
		desc:  "每条未通过的勾稽关系一行，含被其他版本取代的报告（“采用的报告”为“否”）" + b.notes.ref("checks") + "。"}
}

// checkFigure is a side of a check: a count as an integer, a sum with
// decimals only when it has them.
func checkFigure(v *float64) any {
	if v == nil {
		return nil
	}
	return fig{v: *v, ok: true, kind: kindOf(*v)}
}

// qualitySheet lists the data-quality findings of the agencies.
func qualitySheet(b *book, d *data, as []*agency) *sheetSpec {
	t := d.res["quality"]
	cols := []column{{Header: "问题"}}
	cols = append(cols, idCols[:4]...)
	cols = append(cols, column{Header: "年份", Kind: colYear}, column{Header: "期间"}, column{Header: "说明", Wrap: true, Width: 70},
		column{Header: "文件", Wrap: true, Width: 40})
	var rows [][]any
	for _, a := range as {
		for _, r := range a.rows["quality"] {
			c := report.Check{Rule: t.str(r, "rule"), Scope: t.str(r, "scope"), Detail: t.str(r, "detail"),
				Expected: t.OptNum(r, "expected"), Actual: t.OptNum(r, "actual")}
			row := []any{labels.Quality(t.str(r, "kind"))}
			row = append(row, idRow(a)[:4]...)
			row = append(row, yearCell(t, r), labels.Period(t.str(r, "period")), labels.Check(c), t.str(r, "path"))
			rows = append(rows, row)
		}
	}
	return &sheetSpec{name: "数据质量", title: "数据质量问题：核验、跨年衔接、异常变化与缺少的年度", freeze: 1, yearCol: 5, rows: rows, cols: cols,
		empty: "（没有发现数据质量问题）", desc: "每个问题一行" + b.notes.ref("quality") + "；问题多的机关，其数字应与报告原文核对。"}
}

// reportQualitySheet grades each preferred annual report of the agencies
// (report_quality): published on time, complete, consistent, not copied,
// and the plain mean of the four with its rank in the peer group and year.
// Codes become words of labels; a measure that cannot be judged is blank.
func reportQualitySheet(b *book, d *data, as []*agency) *sheetSpec {
	t := d.res["report_quality"]
	cols := append(slices.Clone(idCols[:4]), column{Header: "年份", Kind: colYear}, column{Header: "同类组", Note: "peer_group"},
		column{Header: "发布时效", Note: "report_quality"}, column{Header: "期限依据", Wrap: true, Width: 36}, column{Header: "逾期（天）", Kind: colCount},
		column{Header: "完整度（%）", Kind: colPct}, column{Header: "缺少的部分", Wrap: true, Width: 36}, column{Header: "缺少的表格行", Wrap: true, Width: 36},
		column{Header: "核验通过比例（%）", Kind: colPct, Note: "checks"}, column{Header: "未通过核验（项）", Kind: colCount},
		column{Header: "雷同情况", Wrap: true, Width: 30}, column{Header: "与上年报告重复的句子（%）", Kind: colPct},
		column{Header: "最相近的同类机关"}, column{Header: "与其重复的句子（%）", Kind: colPct}, column{Header: "数字与上年完全相同"},
		column{Header: "原创比例（%）", Kind: colPct}, column{Header: "质量得分（%）", Kind: colPct},
		column{Header: "组内排名（位）", Kind: colCount, Note: "rank"}, column{Header: "组内报告数（份）", Kind: colCount},
		column{Header: "文件", Wrap: true, Width: 40})
	var rows [][]any
	for _, a := range as {
		for _, r := range a.rows["report_quality"] {
			var late any
			if t.str(r, "timeliness_status") == "late" {
				late = t.cell(r, "days_late")
			}
			stale := ""
			if t.Value(r, "stale_figures") != nil {
				stale = text(t.Bool(r, "stale_figures"))
			}
			row := append(idRow(a)[:4], yearCell(t, r), labels.PeerGroup(t.str(r, "peer_group")),
				labels.Timeliness(t.str(r, "timeliness_status")), labels.DeadlineBasis(t.str(r, "deadline_basis")), late,
				t.cell(r, "completeness"), joinWords(t.List(r, "missing_parts"), labels.Part), joinWords(t.List(r, "missing_rows"), labels.FormRow),
				t.cell(r, "pass_share"), t.cell(r, "checks_fail"),
				labels.CopyStatus(t.str(r, "copy_status")), t.cell(r, "prev_share"), t.str(r, "closest_agency"), t.cell(r, "closest_share"), stale,
				t.cell(r, "original_share"), t.cell(r, "quality_score"), t.cell(r, "quality_rank"), t.cell(r, "peer_n"), t.str(r, "path"))
			rows = append(rows, row)
		}
	}
	return &sheetSpec{name: "报告质量", title: "报告质量：按时发布、内容完整、数字一致、不照搬", freeze: 4, yearCol: 4, rows: rows, cols: cols,
		empty: "（没有可评的全年报告）",
		desc: "每份采用的全年报告一行" + b.notes.ref("report_quality") + "；质量得分是四项（按时、完整度、核验通过比例、原创比例）中能判断的各项的平均，" +
			"组内排名在同类组与年度内按得分从高到低排列；不能判断的项为空白，不计为 0。"}
}

// joinWords names codes with name and joins them with 、.
func joinWords(codes []string, name func(string) string) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = name(c)
	}
	return strings.Join(out, "、")
}

// excludedSheet lists the agencies kept out of comparisons and why.
func excludedSheet(b *book, d *data) *sheetSpec {
	cols := []column{{Header: "机关"}, {Header: "原因", Note: "excluded"}, {Header: "省份"}, {Header: "层级"}, {Header: "年份"},
		{Header: "报告数（份）", Kind: colCount}, {Header: "文件", Wrap: true, Width: 60}}
	var rows [][]any
	for _, a := range d.agencies {
		reason := a.exclude
		if reason == "" && a.noYear {
			reason = "no_year" // compared, but one of its reports has no year
		}
		if reason == "" {
			continue
		}
		var ys []string
		for _, y := range sortedKeys(a.forms) {
			ys = append(ys, strconv.Itoa(y))
		}
		if a.noYear {
			ys = append(ys, labels.Exclusion("no_year"))
		}
		rows = append(rows, []any{a.Name, labels.Exclusion(reason), a.Province, a.Level, strings.Join(ys, "、"),
			float64(len(a.rows["coverage"])), strings.Join(a.paths, "\n")})
	}
	return &sheetSpec{name: "未识别机关", title: "不参加比较的机关：未识别发布机关、名称不全或年度不明", freeze: 1, yearCol: -1, rows: rows, cols: cols,
		empty: "（所有机关都已识别）", desc: "这些机关的数字保留在各表中，但不进入图表、排名和合计；识别后重新读取即可参加比较。"}
}

// indexSheet links every agency's workbook; prefix leads from the
// workbook holding the sheet to the folder of agency workbooks.
func indexSheet(b *book, d *data, prefix string) *sheetSpec {
	cols := append(slices.Clone(idCols), column{Header: "同类组", Note: "peer_group"}, column{Header: "年份"},
		column{Header: "报告数（份）", Kind: colCount}, column{Header: "工作簿", Note: "index"}, column{Header: "文件"})
	var rows [][]any
	for _, a := range d.agencies {
		g := ""
		if a.group != nil {
			g = a.group.label
		}
		rel := a.folder + "/" + a.stem + ".xlsx"
		rows = append(rows, append(idRow(a), g, yearSpan(agencyYears(a)), float64(len(a.rows["coverage"])),
			link{text: "打开", target: pathLink(prefix + rel)}, rel))
	}
	return &sheetSpec{name: "机关索引", title: "机关索引：每个机关一个工作簿", freeze: 4, yearCol: -1, rows: rows, cols: cols,
		desc: "按区划代码排列；工作簿按省份放在文件夹中" + b.notes.ref("index") + "。"}
}

// crosswalkSheet is the harmonisation table: how every comparable metric
// is read from each form.
func crosswalkSheet(b *book, d *data) *sheetSpec {
	t := d.res["crosswalk"]
	cols := []column{{Header: "指标"}, {Header: "单位"}, {Header: "适用年代"}, {Header: "顺序", Kind: colYear}, {Header: "2019/2021 年版表格的项目", Wrap: true, Width: 40},
		{Header: "旧版统计表的项目", Wrap: true, Width: 40}, {Header: "可信程度"}, {Header: "是否换算"}, {Header: "说明", Wrap: true, Width: 60}}
	var rows [][]any
	for _, r := range t.Rows() {
		m := t.str(r, "metric")
		rows = append(rows, []any{labels.Metric(m), labels.Unit(m), labels.Era(t.str(r, "era")), t.cell(r, "step"),
			keyList(t.str(r, "modern_source")), keyList(t.str(r, "legacy_source")), labels.Confidence(t.str(r, "confidence")),
			t.str(r, "mapped"), t.str(r, "note")})
	}
	return &sheetSpec{name: "指标对照", title: "指标对照：统一指标在新旧表格中的来源", freeze: 1, yearCol: -1, rows: rows, cols: cols,
		desc: "每个统一指标取顺序最小、各项都有数字的一行，各项相加；有空白项的行不用（空白不是 0）" + b.notes.ref("crosswalk") + "。"}
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
