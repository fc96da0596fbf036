package exports

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// writeAgency fills one agency's workbook: its figures year by year, its
// peer group with every peer's figures, its standing in the group, its
// ratios against the group's, its changes, the source of every figure,
// its trust and its data-quality findings (failed checks among them). The
// crosswalk and the failed checks of superseded revisions are in the
// comparison workbook: every agency workbook repeating them would cost a
// tenth of the build.
func writeAgency(b *book, d *data, a *agency) error {
	if err := b.open(); err != nil {
		return err
	}
	ys := agencyYears(a)
	title := a.Name + "：政府信息公开年度报告数字与同类比较"
	if err := b.chartSheet(chartsSheet, "图表："+a.Name, agencyChartsDesc(b, a)); err != nil {
		return err
	}
	sheets := []*sheetSpec{yearsSheet(b, d, a, ys, false)}
	if hy := halfYears(a); len(hy) > 0 {
		sheets = append(sheets, yearsSheet(b, d, a, hy, true))
	}
	sheets = append(sheets, peersSheet(b, d, a, ys), standingSheet(b, d, a, ys), agencyRates(b, d, a, ys), changesSheet(b, d, a),
		sourcesSheet(b, d, a), trustSheet(b, d, []*agency{a}), qualitySheet(b, d, []*agency{a}), reportQualitySheet(b, d, []*agency{a}))
	for _, s := range sheets {
		if err := b.writeTable(s); err != nil {
			return err
		}
	}
	if err := writeAgencyCharts(b, d, a, ys); err != nil {
		return err
	}
	if err := b.setDocProps(title, "本机关政府信息公开工作年度报告的历年数字、出处与同类机关比较",
		fmt.Sprintf("%s；%s；数据校验码 %s", a.Name, yearSpan(ys), b.code), d.now); err != nil {
		return err
	}
	return b.close(title, agencyCover(d, a, ys, b.code))
}

func agencyChartsDesc(b *book, a *agency) string {
	if a.group == nil {
		return "本机关没有同类组，图表只画本机关的数字；图表的数字见“图表数据”表。"
	}
	return fmt.Sprintf("本机关与同类组（%s，%d 个机关）的中位数（不含本机关）%s比较；图表的数字见“图表数据”表。", a.group.label, len(a.group.members), b.notes.ref("median"))
}

func agencyCover(d *data, a *agency, ys []int, stamp string) []coverLine {
	where := a.place()
	if where == "" {
		where = "不明"
	}
	if a.code != "" {
		where += "（区划代码 " + a.code + "）"
	}
	who := strings.TrimSpace(strings.Join([]string{a.Level, a.Kind}, " "))
	if who == "" {
		who = "不明"
	}
	peer := ""
	switch {
	case a.exclude != "":
		peer = "不参加比较：" + labels.Exclusion(a.exclude) + "。"
	case a.group == nil:
		peer = "没有同类组：看不出本机关的层级或类别。"
	default:
		peer = fmt.Sprintf("%s，共 %d 个机关（名单与历年数字见“同类机关”表）。", a.group.label, len(a.group.members))
	}
	years := fmt.Sprintf("%s，全年报告 %d 份", yearSpan(ys), len(a.forms))
	if n := len(a.halfForms); n > 0 {
		years += fmt.Sprintf("，上半年报告 %d 份（单独成表）", n)
	}
	if missing := len(ys) - len(a.forms); missing > 0 {
		years += fmt.Sprintf("；其中 %d 个年度没有找到报告", missing)
	}
	return []coverLine{
		{"机关", a.Name},
		{"所在地区", where},
		{"层级与类别", who},
		{"同类组", peer},
		{"年度", years + "。"},
		{"内容", "本机关历年的依申请公开、办理结果、复议诉讼、主动公开和收费数字，与同类机关的比较（名次、百分位、不含本机关的中位数、由汇总计数计算的同类组比率），" +
			"各年的变化，每个数字的原文出处，每份报告的可信度、未通过的核验和数据质量问题。"},
		{"数据版本", fmt.Sprintf("生成于 %s；数据校验码 %s（本工作簿所用数据不变则校验码不变，印在每页页脚）。", beijing(d.now), stamp)},
		{"制作方法", "由 xxgk（版本 " + Version + "）读取各机关公开发布的年度报告，按“指标对照”表统一为可比指标，并按表格的勾稽关系核验。空白不是 0。"},
		{"来源", sourceLine},
		{"联系", contactLine},
		{"引用", fmt.Sprintf("《%s：政府信息公开年度报告数字与同类比较》，xxgk 生成于 %s，数据校验码 %s。", a.Name, d.now.In(beijingTime).Format("2006 年 1 月 2 日"), stamp)},
	}
}

// yearsSheet is the agency's figures, one metric a row, its years (or its
// half-year reports) as columns; a blank says why.
func yearsSheet(b *book, d *data, a *agency, ys []int, half bool) *sheetSpec {
	cols := []column{{Header: "指标"}, {Header: "单位", Note: "units"}}
	for _, y := range ys {
		cols = append(cols, column{Header: yearHeader(y, "")})
	}
	var rows [][]any
	for _, m := range labels.Metrics() {
		row := []any{labels.Metric(m), labels.Unit(m)}
		for _, y := range ys {
			row = append(row, d.cell(a, m, y, half))
		}
		rows = append(rows, row)
	}
	s := &sheetSpec{name: "历年数字", title: a.Name + "：历年数字（全年报告）", freeze: 2, yearCol: -1, rows: rows, cols: cols,
		desc: fmt.Sprintf("每行一个统一指标，每列一个年度，年度连续；空白写明原因%s；“约”为约数%s，浅黄色为旧表换算%s，灰色斜体为可信度低%s。",
			b.notes.ref("blank"), b.notes.ref("approx"), b.notes.ref("mapped crosswalk"), b.notes.ref("low_trust"))}
	if half {
		s.name, s.title = "半年数字", a.Name+"：上半年报告的数字"
		s.desc = "上半年报告单独成表，不与全年数字比较" + b.notes.ref("half_year") + "；空白写明原因" + b.notes.ref("blank") + "。"
	}
	return s
}

// peerMetric and peerRate are what the peer sheet shows of every peer: its
// applications year by year and its grant rate in the agency's last year.
// Each agency workbook repeats its whole group (a few hundred peers at
// national scale), so the sheet keeps to these.
const peerMetric, peerRate = "received", "grant_rate"

// peersSheet names every member of the agency's peer group with its
// applications year by year and its latest grant rate.
func peersSheet(b *book, d *data, a *agency, ys []int) *sheetSpec {
	cols := append(slices.Clone(idCols[:4]), column{Header: "本机关"})
	for _, y := range ys {
		cols = append(cols, column{Header: labels.Metric(peerMetric) + " " + yearHeader(y, labels.Unit(peerMetric)), Kind: colCount})
	}
	last := 0
	if len(ys) > 0 {
		last = ys[len(ys)-1]
		cols = append(cols, column{Header: labels.Rate(peerRate) + " " + yearHeader(last, "%"), Kind: colPct, Note: "rates"})
	}
	s := &sheetSpec{name: "同类机关", freeze: 4, yearCol: -1, cols: cols}
	if a.group == nil {
		s.title = a.Name + "：没有同类组"
		s.desc = "看不出本机关的层级或类别，或本机关不参加比较" + b.notes.ref("peer_group excluded") + "。"
		s.empty = "（本机关没有同类组）"
		return s
	}
	s.title = fmt.Sprintf("同类机关：%s（%d 个机关）", a.group.label, len(a.group.members))
	s.desc = fmt.Sprintf("同类组%s的每个机关一行，按区划代码排列，本机关以粗体标出；%s逐年列出，%s为本机关最近一年的，空白写明原因%s。",
		b.notes.ref("peer_group"), labels.Metric(peerMetric), labels.Rate(peerRate), b.notes.ref("blank"))
	for _, p := range a.group.members {
		row := idRow(p)[:4]
		if p == a {
			row[3] = selfText(p.Name)
			row = append(row, selfText("本机关"))
		} else {
			row = append(row, nil)
		}
		for _, y := range ys {
			row = append(row, d.cellOf(p, peerMetric, y, false, p == a))
		}
		if last > 0 {
			row = append(row, d.rateCell(p, peerRate, last))
		}
		s.rows = append(s.rows, row)
	}
	return s
}

// standingSheet is the agency's rank, percentile and peers' median for
// every metric and year.
func standingSheet(b *book, d *data, a *agency, ys []int) *sheetSpec {
	cols := []column{{Header: "指标"}, {Header: "单位", Note: "units"}, {Header: "年份", Kind: colYear}, {Header: "本机关数值"},
		{Header: "组内排名（位）", Kind: colCount, Note: "rank"}, {Header: "组内机关数（个）", Kind: colCount},
		{Header: "百分位（0–100）", Kind: colPercentile, Note: "percentile"}, {Header: "同类中位数（不含本机关）", Kind: colDecimal, Note: "median"},
		{Header: "标记", Note: "approx mapped low_trust"}}
	s := &sheetSpec{name: "同类比较", freeze: 1, yearCol: 2, cols: cols}
	if a.group == nil {
		s.title = a.Name + "：没有同类组，无法比较"
		s.desc = "看不出本机关的层级或类别，或本机关不参加比较" + b.notes.ref("peer_group excluded") + "。"
		s.empty = "（本机关没有同类组）"
		return s
	}
	s.title = fmt.Sprintf("同类比较：%s在%s中的名次与中位数", a.Name, a.group.label)
	s.desc = "本机关有数字的每个指标每年一行；本机关没有数字的年份，组内机关数和中位数为全组的" + b.notes.ref("blank") + "。"
	for _, m := range labels.Metrics() {
		if len(a.figures[m]) == 0 {
			continue // never reported: 历年数字 says why, year by year
		}
		for _, y := range ys {
			c := d.cell(a, m, y, false)
			row := []any{labels.Metric(m), labels.Unit(m), float64(y), c}
			if c.ok {
				st := a.group.standing(m, y, c.v)
				row = append(row, float64(st.rank), float64(st.n), optional(st.percentile, st.hasPct), optional(st.median, st.hasMedian), markWords(c.marks))
			} else {
				n := 0
				if st := a.group.stats[statKey{m, y}]; st != nil {
					n = len(st.vals)
				}
				med, ok := a.group.median(m, y)
				row = append(row, nil, float64(n), nil, optional(med, ok), "")
			}
			s.rows = append(s.rows, row)
		}
	}
	return s
}

// agencyRates sets the agency's ratios beside its group's, recomputed from
// summed counts. The ratios of all agencies are in the comparison workbook:
// here they would make every workbook change with any report anywhere.
func agencyRates(b *book, d *data, a *agency, ys []int) *sheetSpec {
	cols := []column{{Header: "年份", Kind: colYear}, {Header: "比率"}, {Header: "口径", Wrap: true}, {Header: "分子（件）", Kind: colCount},
		{Header: "分母（件）", Kind: colCount}, {Header: "本机关比率（%）", Kind: colPct, Note: "rates"}, {Header: "同类组比率（%）", Kind: colPct},
		{Header: "同类组机关数（个）", Kind: colCount}, {Header: "标记", Note: "mapped"}}
	var rows [][]any
	for _, y := range ys {
		for _, rate := range labels.Rates() {
			r := a.rates[rate][y]
			var num, den any
			if r.num != nil {
				num = *r.num
			}
			if r.den != nil {
				den = *r.den
			}
			var gv, gn any
			if a.group != nil {
				if s := a.group.rates[statKey{rate, y}]; s != nil {
					if v, ok := s.value(); ok {
						gv = fig{v: v, ok: true, kind: colPct}
					}
					gn = float64(s.n)
				}
			}
			c := d.rateCell(a, rate, y)
			rows = append(rows, []any{float64(y), labels.Rate(rate), labels.RateFormula(rate), num, den, c, gv, gn, markWords(c.marks)})
		}
	}
	return &sheetSpec{name: "比率", title: a.Name + "：比率与同类组比较", freeze: 2, yearCol: 0, rows: rows, cols: cols,
		desc: "同类组的比率由组内各机关的分子、分母分别求和后相除" + b.notes.ref("rates excluded") + "；全部机关的比率见比较工作簿的“同类组比率”表。"}
}

// changesSheet is the agency's year-over-year changes, every metric and
// year (annual and half-year series apart).
func changesSheet(b *book, d *data, a *agency) *sheetSpec {
	t := d.res["yoy"]
	cols := append([]column{{Header: "期间"}, {Header: "指标"}, {Header: "单位", Note: "units"}}, changeCols()...)
	var rows [][]any
	for _, r := range a.rows["yoy"] {
		if t.Int(r, "year") <= 0 {
			continue
		}
		m := t.str(r, "metric")
		rows = append(rows, append([]any{labels.Period(t.str(r, "period")), labels.Metric(m), labels.Unit(m)}, d.changeRow(a, t, r)...))
	}
	return &sheetSpec{name: "同比", title: a.Name + "：各指标与上一个有数字的年份相比", freeze: 3, yearCol: 3, rows: rows, cols: cols,
		desc: "每个指标每个有数字的年份一行；全年与上半年分开比较" + b.notes.ref("half_year") + "。"}
}

// sourcesSheet lists the printed cells behind the workbook's figures (the
// keys the crosswalk reads) with the sentence or table cell each was read
// from. The other items of a report (a hundred keys of a 2021 table: every
// applicant column, Article 20) stay in the database: written into 3,000
// workbooks they were most of the build.
func sourcesSheet(b *book, d *data, a *agency) *sheetSpec {
	t := d.res[queries.SourcesQuery]
	cols := []column{{Header: "年份", Kind: colYear}, {Header: "期间"}, {Header: "项目", Width: 30}, {Header: "数值", Note: "blank"},
		{Header: "单位", Note: "units"}, {Header: "标记", Note: "approx corrected"}, {Header: "原文", Wrap: true, Width: 60, Note: "source_cell"},
		{Header: "读取方式"}}
	var rows [][]any
	for _, r := range a.rows[queries.SourcesQuery] {
		k := t.str(r, "key")
		if !d.cw.keys[k] {
			continue // not behind a figure of the workbook
		}
		unit := labels.Unit(k)
		kind := colCount
		if unit == "万元" {
			kind = colMoney
		}
		v, ok := t.Num(r, "value")
		value := fig{v: v, ok: ok, kind: kind}
		if vk := t.str(r, "kind"); vk != "number" {
			// The report printed the cell but no number: say what it held.
			value = fig{blank: labels.ValueKind(vk)}
		}
		mk := ""
		if t.Bool(r, "approx") {
			value.marks |= markApprox
			mk = labels.Marker("approx")
		}
		if t.Bool(r, "corrected") {
			value.marks |= markCorrected
			var extracted *float64
			if x, ok := t.Num(r, "extracted_value"); ok && t.str(r, "extracted_kind") == "number" {
				extracted = &x
			}
			mk = correctionWords(t.str(r, "correction_why"), extracted)
		}
		rows = append(rows, []any{yearCell(t, r), labels.Period(t.str(r, "period")), labels.Key(k), value, unit, mk,
			sourceText(t, r), labels.Mechanism(t.str(r, "source"), t.str(r, "rule"))})
	}
	return &sheetSpec{name: "出处", title: a.Name + "：每个数字的出处", freeze: 3, yearCol: 0, rows: rows, cols: cols,
		desc: "本工作簿各指标取自的每一格一行（按“指标对照”），空白和不适用的格也列出；原文是数字所在的句子，或表格名称和行、列、格中内容" +
			b.notes.ref("source_cell crosswalk") + "；每份报告的文件见“可信度”表，报告的其他项目在数据库中。"}
}

// sourceText is what a reader checks a figure against: the sentence it was
// read from, or for a table cell its row, its column and what the cell
// holds (a lone "0" says nothing).
func sourceText(t *table, r []any) string {
	p := t.str(r, "provenance")
	if t.str(r, "source") != "table" {
		return p
	}
	var parts []string
	if tbl := t.str(r, "tbl"); tbl != "" {
		parts = append(parts, labels.Table(tbl))
	}
	if row := t.str(r, "row_label"); row != "" {
		parts = append(parts, "行："+row)
	}
	if col := t.str(r, "col_label"); col != "" {
		parts = append(parts, "列："+col)
	}
	if len(parts) == 0 {
		return p
	}
	return strings.Join(parts, "；") + "；格中：" + p
}
