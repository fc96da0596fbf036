package legacy

import (
	"regexp"
	"strings"
)

// colClass is what a column of a legacy table holds, read from its header.
type colClass uint8

const (
	colUnknown    colClass = iota
	colLabel               // 统计指标, 指标名称, 项目: the row names
	colUnit                // 单位, 计量单位
	colSeq                 // 序号: a number before each row name
	colRemark              // 备注
	colYear                // 本年, 本年度, 本期实际, 2009年度, 统计数: the period's own figure
	colCumulative          // 历年累计, 本年累计, 累计: never the year's figure
	colPrevious            // 上年, 去年同期: another period
	colChange              // 增减, 同比: a difference
)

// isValue reports whether the column holds figures.
func (c colClass) isValue() bool { return c >= colYear }

// reColUnitTail matches the unit a header or label may carry at its end:
// "本年度（件）", "2009年度(万元)", "专项经费(单位:元)".
var reColUnitTail = regexp.MustCompile(`\((单位:)?[^()]{1,4}\)$`)

// Header wordings, folded by table.Canon. classify runs on every short cell
// of every report, so it compares strings rather than running patterns.
var (
	labelHeaders = set("指标", "统计指标", "指标名称", "统计指标名称", "项目", "统计项目", "项目名称", "内容", "统计内容", "类别", "名称")
	unitHeaders  = set("单位", "计量单位", "统计单位")
	seqHeaders   = set("序号", "编号")
	remarkHeads  = set("备注", "说明")
	yearHeaders  = set("本年", "本年度", "本年实际", "本年度实际", "本年数", "本年度数", "本年数据", "本年度数据", "本年数量",
		"本年度数量", "本年情况", "本年度情况", "本期", "本期实际", "本期数", "全年", "统计数", "统计数据", "数量", "数值", "数据", "合计数")
	changeWords = []string{"增减", "增长", "同比", "比上年", "增幅", "变化"}
	prevHeaders = set("上年", "上年度", "上年数", "上年实际", "上年同期", "去年", "去年同期", "上一年", "上一年度", "同期", "同期数")
)

func set(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// classify reads one header cell (folded by table.Canon).
func classify(c string) colClass {
	// Header cells are short ("截至2009年底", "本年度(万元)"); the test is
	// first, as classify sees every short cell of every report.
	if c == "" || len(c) > 10*3+len("(单位:万元)") {
		return colUnknown
	}
	if strings.HasSuffix(c, ")") {
		if i := strings.LastIndexByte(c, '('); i > 0 && len(c)-i <= len("(单位:万元)") {
			c = c[:i] // the column's unit: "本年度(件)"
		}
	}
	if k, ok := exactHeaders[c]; ok {
		return k
	}
	switch {
	case strings.Contains(c, "累计") || strings.HasPrefix(c, "历年") || strings.HasPrefix(c, "截至") ||
		strings.HasPrefix(c, "截止") || strings.HasSuffix(c, "以来"):
		return colCumulative // before the year's: 本年累计 is cumulative
	case yearHeader(c):
		return colYear
	}
	for _, w := range changeWords {
		if strings.Contains(c, w) {
			return colChange
		}
	}
	return colUnknown
}

// exactHeaders maps the header wordings compared whole to their class.
var exactHeaders = func() map[string]colClass {
	m := map[string]colClass{}
	for class, words := range map[colClass]map[string]bool{colLabel: labelHeaders, colUnit: unitHeaders, colSeq: seqHeaders,
		colRemark: remarkHeads, colPrevious: prevHeaders, colYear: yearHeaders} {
		for w := range words {
			m[w] = class
		}
	}
	return m
}()

// yearHeader reports a header naming a year: "2009年", "2009年度",
// "2009年度实际", "2009年数".
func yearHeader(c string) bool {
	if headerYear(c) == 0 {
		return false
	}
	rest, ok := strings.CutPrefix(c[4:], "年")
	if !ok {
		return false
	}
	rest = strings.TrimPrefix(rest, "度")
	switch rest {
	case "", "实际", "数", "数据":
		return true
	}
	return false
}

// columns is a recognised header: its value columns in printed order, and
// which of them is the period's own figure.
type columns struct {
	values []colClass
	labels []string // the value columns' headers as printed
	year   int      // index in values of the year's column; -1 when no column is, or several could be
	seq    bool     // a 序号 column comes before the row names
	why    string   // when year is -1: why no column could be taken
	// For a header printed as a pipe row, which keeps blank cells: its
	// width in cells, and the positions of the year's and the unit column
	// (-1 when none), so a row as wide is read by position.
	width, yearPos, unitPos int
}

// newColumns builds the header from its cells' classes and printed labels.
// The year's column is the one column the header names as the period's;
// when several do, the one naming the latest year ("2009年度" beside
// "2008年度"), since a report never prints a later year than its own.
func newColumns(classes []colClass, printed, canon []string) *columns {
	h := &columns{year: -1, yearPos: -1, unitPos: -1}
	var years []int
	for k, c := range classes {
		switch {
		case c == colUnit:
			h.unitPos = k
		case c == colSeq:
			h.seq = true
		case c.isValue():
			h.values = append(h.values, c)
			h.labels = append(h.labels, printed[k])
			if c == colYear {
				years = append(years, len(h.values)-1)
			}
		}
	}
	switch len(years) {
	case 0:
		h.why = "no column header names the year's own figure"
	case 1:
		h.year = years[0]
	default:
		best, bestYear, tie := -1, 0, false
		for _, k := range years {
			y := headerYear(canon[valueIndex(classes, k)])
			switch {
			case y > bestYear:
				best, bestYear, tie = k, y, false
			case y == bestYear:
				tie = true
			}
		}
		if best >= 0 && !tie && bestYear > 0 {
			h.year = best
		} else {
			h.why = "several column headers could be the year's figure"
		}
	}
	return h
}

// valueIndex returns the index in classes of the k-th value column.
func valueIndex(classes []colClass, k int) int {
	n := -1
	for i, c := range classes {
		if c.isValue() {
			n++
			if n == k {
				return i
			}
		}
	}
	return -1
}

// headerYear returns the year a header names ("2009年度" → 2009), or 0.
func headerYear(c string) int {
	if len(c) < 4 {
		return 0
	}
	y := 0
	for i := 0; i < 4; i++ {
		if c[i] < '0' || c[i] > '9' {
			return 0
		}
		y = y*10 + int(c[i]-'0')
	}
	if y < 1990 || y > 2099 {
		return 0
	}
	return y
}

// unitOf returns the unit a header or label prints in brackets at its end
// ("本年度（万元）", "专项经费(单位:元)"), or "".
func unitOf(c string) string {
	m := reColUnitTail.FindString(c)
	if m == "" {
		return ""
	}
	u := strings.TrimSuffix(strings.TrimPrefix(m, "("), ")")
	return strings.TrimPrefix(u, "单位:")
}
