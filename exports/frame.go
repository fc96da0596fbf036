package exports

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/queries/labels"
)

// The sheets every workbook opens with, in this order (the practice of
// statistical offices for spreadsheets: a cover, a table of contents and
// numbered notes, then one table per sheet).
const (
	coverSheet    = "封面"
	contentsSheet = "目录"
	notesSheet    = "注释"
)

// notes numbers the notes a workbook's headers refer to, in the order of
// first reference; the notes sheet lists them with those numbers.
type notes struct {
	order []string
	num   map[string]int
}

func newNotes() *notes { return &notes{num: map[string]int{}} }

// ref returns the reference of the notes named by keys (space-separated
// keys of noteTexts), e.g. "〔注3〕" or "〔注1、4〕", numbering each on
// first use; "" for no keys.
func (n *notes) ref(keys string) string {
	var nums []string
	for _, k := range strings.Fields(keys) {
		if _, ok := noteTexts[k]; !ok {
			continue
		}
		i, ok := n.num[k]
		if !ok {
			n.order = append(n.order, k)
			i = len(n.order)
			n.num[k] = i
		}
		nums = append(nums, strconv.Itoa(i))
	}
	if len(nums) == 0 {
		return ""
	}
	return "〔注" + strings.Join(nums, "、") + "〕"
}

// alwaysNotes are on every notes sheet, referenced or not: what a reader
// needs before reading any table.
var alwaysNotes = []string{"units", "blank", "formula"}

// noteTexts are the notes a header can refer to (the words for codes come
// from package labels).
var noteTexts = map[string]string{
	"units": "单位写在表头的括号中：件（申请、案件）、条（主动公开的信息）、万元（费用，至少保留两位小数）、%（比率）、个（机关）、位（名次）、年。" +
		"一列中单位不同时，单位写在该行的“单位”列。",
	"blank": fmt.Sprintf("空白的单元格写明原因：%s（报告没有给出这一项）、%s（报告中这一格为空白或“/”）、%s（报告写明不适用）、"+
		"%s（没有该机关这一年的年度报告）、%s（这一年只有上半年报告）、%s（2019 年前的旧版统计表没有这一项）。"+
		"空白不是 0，不参与求和。没有写原因的空格表示该项没有内容。",
		labels.Blank("not_reported"), labels.Blank("empty"), labels.Blank("not_applicable"), labels.Blank("no_report"),
		labels.Blank("half_year"), labels.Blank("not_in_form")),
	"formula": "以撇号（'）开头的文字是报告原文中以 = + - @ 开头的内容，撇号防止它被当作公式执行。",
	"corrected": "红色粗体（标记列写作“" + labels.Correction("mark") + "”）：读者对照原文校正过的数字，标记列写出校正理由和原读取值；" +
		"机器读取的原值仍保存在数据库中。",
	"approx": "数字前的“约”：报告写的是约数（如“100余件”“近百件”），单元格中是报告所写的数字，仍可计算。标记列写作“" + labels.Marker("approx") + "”。",
	"mapped": "浅黄色底纹（标记列写作“" + labels.Marker("mapped") + "”）：2019 年前旧版统计表的数字，按“指标对照”表换算到 2019/2021 年版表格的类别，" +
		"口径不完全相同，与 2019 年起的数字比较时请注意。",
	"low_trust": fmt.Sprintf("灰色斜体（标记列写作“%s”）：所在报告的可信度低于 %d%%（见“可信度”表：核验通过比例 ×（1 − 空白比例））的数字。",
		labels.Marker("low_trust"), int(lowTrust*100)),
	"form_change": "“" + labels.Marker("form_change") + "”：本年与上一年的报告格式不同（旧版统计表、2019 年版表格、2021 年版表格、文字报告），" +
		"变化可能部分来自统计口径的改变。",
	"rates": "比率 = 分子 ÷ 分母；分母为 0 或空白时比率为空。同类组和全部机关的比率由各机关的分子、分母分别求和后相除，" +
		"不是各机关比率的平均；只计入分子、分母都有数字的机关。",
	"peer_group": "同类组 = 层级 × 机关类别（如“县级·司法局”）。机关类别按机关全称的结尾对照机关类别表确定（如司法厅与司法局同类，" +
		"教育体育局属于教育局）；看不出类别或层级的机关没有同类组。",
	"rank": "组内排名：1 为同类组中该年数值最大的机关，数值相同的并列。组内机关数为该年有这一数字的同类机关数（含本机关）。",
	"percentile": "百分位（0–100）：同类组中数值小于本机关的其他机关所占的比例，100 为组内最大、0 为组内最小；" +
		"组内只有本机关时为空。",
	"median":   "同类中位数（不含本机关）：本机关以外的同类机关该年数字的中位数；没有其他同类机关时为空。",
	"excluded": "未识别发布机关、名称不全（看不出所在地区）或年度不明的报告不参加比较：不进入图表、排名和合计，另列在“未识别机关”表。",
	"division": "区划代码：按省份、城市和机关名称对照国家行政区划代码表（2023 年 6 月 30 日数据）推得的 6 位代码；" +
		"县级及以下机关取所在县（区）的代码，对照不上县（区）时取所在城市的代码；省级、市级机关取本级代码（末位补 0）。都对照不上的为空，排在表的最后。各表按区划代码排列。",
	"gap":         "间隔年数：本年与上一个有数字的年份相隔的年数，1 为相邻两年；首个年份没有上一年，为空，标记列写作“" + labels.Marker("first_year") + "”。",
	"change":      "变化率 =（本年 − 上一年）÷ 上一年，上一年为 0 时为空；年均增长率 =（本年 ÷ 首个年份的数值）^（1 ÷ 相隔年数）− 1，首个年份的数值为 0 时为空。",
	"source_cell": "原文：从正文读取的数字给出原句；从表格读取的数字给出行名、列名和格中所写的内容。",
	"trust": "可信度 = 核验通过比例 ×（1 − 空白比例）。核验通过比例 = 通过的核验 ÷（通过 + 未通过）；" +
		"空白比例 = 空白或不适用的格 ÷ 全部读取的格。无法核验的核验不计入。",
	"checks": "核验：按年度报告表格自身的勾稽关系（收支平衡、结果合计、行合计、复议诉讼合计、跨年衔接）核验每份报告；" +
		"未通过核验的数字保留，但应谨慎使用。",
	"half_year": "半年报告（上半年）单独成表，不与全年数字比较，也不进入排名。",
	"quality":   "数据质量问题：未通过的核验、跨年结转不衔接、与上年相比变化异常（五倍以上或五分之一以下）、缺少年度报告、未识别发布机关。",
	"report_quality": "报告质量：发布时效按《条例》规定的期限判断（2019 年起政府部门为次年 1 月 31 日前，本级政府为次年 3 月 31 日前；" +
		"2019 年前为次年 3 月 31 日前），页面没有发布日期的不作判断，发布日期早于报告期结束的视为不按时；完整度为应有部分与表格各格中具备的比例；" +
		"重复的句子按去掉数字、日期和本机关名称后的句子比较，各机关共用的套话不计；与上年报告或先发布的同类机关报告重复一半以上的视为大量雷同。",
	"crosswalk": "指标对照：2019 年前的旧版统计表与 2019/2021 年版表格的项目不同，比较工作簿的“指标对照”表列出每个统一指标在新旧表格中取哪些项目、" +
		"怎样换算及可信程度。",
	"index": "机关索引：每个机关一个工作簿，按省份放在文件夹中；点击“打开”列可打开该机关的工作簿（需保持文件夹结构不变）。",
}

// writeNotes writes the notes sheet: every note referenced by a header, in
// the order of their numbers, then the general notes not yet listed.
func (b *book) writeNotes() error {
	for _, k := range alwaysNotes {
		b.notes.ref(k)
	}
	var rows [][]any
	for i, k := range b.notes.order {
		rows = append(rows, []any{float64(i + 1), noteTexts[k]})
	}
	return b.writeTable(&sheetSpec{
		name: notesSheet, title: "注释", yearCol: -1,
		desc: "表头中的〔注N〕指这里的第 N 条注释。",
		cols: []column{{Header: "编号", Kind: colYear, Width: 7}, {Header: "注释", Wrap: true, Width: 110}},
		rows: rows,
	})
}

// writeContents writes the contents sheet: a link to every sheet after it,
// with what the sheet holds and its number of rows.
func (b *book) writeContents() error {
	info := map[string]sheetInfo{}
	for _, s := range b.sheets {
		info[s.name] = s
	}
	var rows [][]any
	for _, name := range b.f.GetSheetList() {
		s, ok := info[name]
		if !ok || name == contentsSheet {
			continue
		}
		var n any
		if s.rows >= 0 {
			n = float64(s.rows)
		}
		rows = append(rows, []any{link{text: name, target: "'" + name + "'!A1", internal: true}, s.desc, n})
	}
	return b.writeTable(&sheetSpec{
		name: contentsSheet, title: "目录", yearCol: -1,
		desc: "点击工作表名称跳到该表；每张表从 A1 开始：第 1 行标题，第 2 行说明，第 3 行起为表格。",
		cols: []column{{Header: "工作表"}, {Header: "内容", Wrap: true, Width: 90}, {Header: "数据行数（行）", Kind: colCount}},
		rows: rows,
	})
}

// coverLine is one line of the cover sheet.
type coverLine struct{ label, text string }

// writeCover fills the cover sheet: the title, then what the workbook
// covers, when and how it was made, its source and how to cite it.
func (b *book) writeCover(title string, lines []coverLine) error {
	sh := coverSheet
	f := b.f
	if err := f.SetColWidth(sh, "A", "A", 14); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "B", "B", 100); err != nil {
		return err
	}
	if err := f.SetCellValue(sh, "A1", safeText(title)); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, "A1", "A1", b.style(styleKey{role: roleTitle})); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, 1, 24); err != nil {
		return err
	}
	label, wrap := b.style(styleKey{role: roleLabel}), b.style(styleKey{role: roleWrap})
	row := 2
	for _, l := range lines {
		row++
		a, bb := "A"+strconv.Itoa(row), "B"+strconv.Itoa(row)
		if err := f.SetCellValue(sh, a, l.label); err != nil {
			return err
		}
		if err := f.SetCellValue(sh, bb, safeText(l.text)); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, a, a, label); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, bb, bb, wrap); err != nil {
			return err
		}
		if n := wrappedLines(l.text, 100); n > 1 {
			if err := f.SetRowHeight(sh, row, rowHeight(n)); err != nil {
				return err
			}
		}
	}
	if err := f.SetSheetDimension(sh, "A1:B"+strconv.Itoa(row)); err != nil {
		return err
	}
	return b.printSetup(sh, 0)
}

// open reserves the cover, contents and notes sheets at the front of a new
// workbook; they are filled by close, when every other sheet is known.
func (b *book) open() error {
	for _, s := range []string{coverSheet, contentsSheet, notesSheet} {
		if _, err := b.sheet(s); err != nil {
			return err
		}
	}
	b.reserved = map[string]bool{contentsSheet: true, notesSheet: true}
	return nil
}

// close writes the notes, contents and cover sheets and marks the charts
// as Chinese.
func (b *book) close(title string, cover []coverLine) error {
	if err := b.writeNotes(); err != nil {
		return err
	}
	if err := b.writeContents(); err != nil {
		return err
	}
	if err := b.writeCover(title, cover); err != nil {
		return fmt.Errorf("sheet %s: %w", coverSheet, err)
	}
	b.chartLanguage()
	b.restoreTables()
	// The cover is the workbook's first sheet, which opens first: no
	// SetActiveSheet, which would parse every streamed sheet again.
	return b.err
}

// chartSheet adds a sheet that holds charts only: a title and a line of
// description, listed on the contents sheet.
func (b *book) chartSheet(name, title, desc string) error {
	if _, err := b.sheet(name); err != nil {
		return err
	}
	if err := b.f.SetCellValue(name, "A1", safeText(title)); err != nil {
		return err
	}
	if err := b.f.SetCellStyle(name, "A1", "A1", b.style(styleKey{role: roleTitle})); err != nil {
		return err
	}
	if err := b.f.SetCellValue(name, "A2", safeText(desc)); err != nil {
		return err
	}
	if err := b.f.SetCellStyle(name, "A2", "A2", b.style(styleKey{role: roleDesc})); err != nil {
		return err
	}
	if err := b.f.SetSheetDimension(name, "A1:A2"); err != nil {
		return err
	}
	b.sheets = append(b.sheets, sheetInfo{name: name, desc: desc, rows: -1})
	return b.printSetup(name, 0)
}

// note adds a line under the charts of a chart sheet (e.g. why a chart
// was not drawn).
func (b *book) chartNote(sheet string, row int, s string) error {
	cell := "A" + strconv.Itoa(row)
	if err := b.f.SetCellValue(sheet, cell, safeText(s)); err != nil {
		return err
	}
	if err := b.f.SetCellStyle(sheet, cell, cell, b.style(styleKey{role: roleDesc})); err != nil {
		return err
	}
	return b.f.SetSheetDimension(sheet, "A1:A"+strconv.Itoa(max(row, 2)))
}
