package legacy

import (
	"regexp"
	"strconv"
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

var (
	reColLabel  = regexp.MustCompile(`^((统计)?指标(名称)?|(统计)?项目(名称)?|(统计)?内容|类别|名称)$`)
	reColUnit   = regexp.MustCompile(`^(计量|统计)?单位$`)
	reColSeq    = regexp.MustCompile(`^(序号|编号)$`)
	reColRemark = regexp.MustCompile(`^(备注|说明)$`)
	reColCum    = regexp.MustCompile(`累计|^历年|^截至|^截止|以来$`)
	reColPrev   = regexp.MustCompile(`^(上年|去年|上一年|同期)`)
	reColChange = regexp.MustCompile(`增减|增长|同比|比上年|增幅|变化`)
	reColYear   = regexp.MustCompile(`^(本年(度)?(实际|数|数据|数量|情况)?|本期(实际|数)?|全年|(19|20)\d\d年(度)?(实际|数|数据)?|统计数(据)?|数量|数值|数据|合计数)$`)
	// A header may carry the unit of its column: "本年度（件）", "2009年度(万元)".
	reColUnitTail = regexp.MustCompile(`\((单位:)?[^()]{1,4}\)$`)
)

// classify reads one header cell (folded by table.Canon).
func classify(c string) colClass {
	if len(c) > 20*3 {
		return colUnknown
	}
	c = reColUnitTail.ReplaceAllString(c, "")
	switch {
	case reColLabel.MatchString(c):
		return colLabel
	case reColUnit.MatchString(c):
		return colUnit
	case reColSeq.MatchString(c):
		return colSeq
	case reColRemark.MatchString(c):
		return colRemark
	case reColCum.MatchString(c): // before year: 本年累计 is cumulative
		return colCumulative
	case reColChange.MatchString(c):
		return colChange
	case reColPrev.MatchString(c):
		return colPrevious
	case reColYear.MatchString(c):
		return colYear
	}
	return colUnknown
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
	if len(c) >= 4 {
		if y, err := strconv.Atoi(c[:4]); err == nil && y >= 1990 && y <= 2099 {
			return y
		}
	}
	return 0
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
