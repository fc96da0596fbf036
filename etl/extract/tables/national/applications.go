package national

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/table"
)

// appExact maps the application table's row labels, folded by
// table.Canon, to the key prefix of their cells. Labels are matched whole, so
// a sentence that mentions a row is never read as the row.
var appExact = map[string]string{
	"予以公开":   "granted",
	"属于国家秘密": "denied_state_secret", "国家秘密": "denied_state_secret",
	"其他法律行政法规禁止公开": "denied_law",
	"危及三安全一稳定":     "denied_safety", "三安全一稳定": "denied_safety",
	"保护第三方合法权益":  "denied_third_party",
	"属于三类内部事务信息": "denied_internal", "三类内部事务信息": "denied_internal",
	"属于四类过程性信息": "denied_process", "四类过程性信息": "denied_process",
	"属于行政执法案卷": "denied_enforcement", "行政执法案卷": "denied_enforcement",
	"属于行政查询事项": "denied_inquiry", "行政查询事项": "denied_inquiry",
	"本机关不掌握相关政府信息":       "unavailable_not_held",
	"没有现成信息需要另行制作":       "unavailable_need_create",
	"补正后申请内容仍不明确":        "unavailable_unclear",
	"信访举报投诉类申请":          "unprocessed_petition",
	"重复申请":               "unprocessed_repeat",
	"要求提供公开出版物":          "unprocessed_publication",
	"无正当理由大量反复申请":        "unprocessed_mass",
	"要求行政机关确认或重新出具已获取信息": "unprocessed_confirm",
	"其他处理":               "other",
	"其他":                 "other_misc",
	"总计":                 "outcome_total", "本年度办理结果总计": "outcome_total",
}

// appFlexible are the labels whose wording varies ("本年新收…申请数量" with or
// without 数量, the counting rule after 部分公开); each is tried only when
// the cell starts with its prefix and holds need, text every match holds
// (many labels and sentences start with 本年).
var appFlexible = []struct {
	prefix, need string
	re           *regexp.Regexp
	key          string
}{
	{"本年", "新收", regexp.MustCompile(`^本年(度)?新收(到)?.{0,18}申请(数量|数|件数)?$`), "apps_new"},
	{"上年", "结转", regexp.MustCompile(`^上年(度)?结转.{0,18}申请(数量|数|件数)?$`), "apps_carried_over"},
	{"部分公开", "", regexp.MustCompile(`^部分公开(\(.{0,40})?$`), "partial"},
	{"申请人无正当理由逾期不补正", "", regexp.MustCompile(`^申请人无正当理由逾期不补正.{0,24}$`), "other_no_correction"},
	{"申请人逾期未按收费通知要求缴纳费用", "", regexp.MustCompile(`^申请人逾期未按收费通知要求缴纳费用.{0,24}$`), "other_no_fee"},
	{"结转下年度", "", regexp.MustCompile(`^结转下年度(继续办理)?(申请)?(数量)?$`), "apps_carried_forward"},
}

// appPhrases name the rows by a phrase only that row's label holds, for
// wordings that differ from the template ("属于三类内部事务", "重复申请的"). A
// cell is taken for the row only when it is short, so a sentence is not.
var appPhrases = []struct{ phrase, key string }{
	{"国家秘密", "denied_state_secret"}, {"法规禁止公开", "denied_law"}, {"三安全一稳定", "denied_safety"},
	{"第三方合法权益", "denied_third_party"}, {"内部事务", "denied_internal"}, {"过程性信息", "denied_process"},
	{"执法案卷", "denied_enforcement"}, {"行政查询", "denied_inquiry"},
	{"不掌握相关", "unavailable_not_held"}, {"另行制作", "unavailable_need_create"}, {"仍不明确", "unavailable_unclear"},
	{"信访举报投诉", "unprocessed_petition"}, {"重复申请", "unprocessed_repeat"}, {"公开出版物", "unprocessed_publication"},
	{"大量反复", "unprocessed_mass"}, {"重新出具", "unprocessed_confirm"},
	{"逾期不补正", "other_no_correction"}, {"收费通知", "other_no_fee"},
}

// maxPhraseLabel bounds the length in bytes of a label matched by phrase:
// the longest template label is 36 characters.
const maxPhraseLabel = 40 * 3

func rowApps(c string) string {
	if key, ok := appExact[c]; ok {
		return key
	}
	if len(c) > 150 {
		return ""
	}
	for _, r := range appFlexible {
		if strings.HasPrefix(c, r.prefix) && strings.Contains(c, r.need) && r.re.MatchString(c) {
			return r.key
		}
	}
	if len(c) > maxPhraseLabel {
		return ""
	}
	for _, r := range appPhrases {
		if strings.Contains(c, r.phrase) {
			return r.key
		}
	}
	return ""
}

// appCols maps the applicant column headers to the key suffixes.
var appCols = map[string]string{
	"自然人": "person", "商业企业": "business", "科研机构": "research", "社会公益组织": "ngo",
	"法律服务机构": "legal", "其他": "other_org", "总计": "total",
}

// applicantHeader reports whether the header cells, run together, hold the
// applicant header even though its labels were cut into pieces (PDF text
// splits "商业企业" over two lines and mixes the pieces with other columns).
//
// A header printed vertically, one character a line across the columns
// ("自 商 科 社 法 其 总" / "然 业 研 会 律 他 计" / …), keeps no word whole:
// it is recognised by holding every character of the column names.
func applicantHeader(all string) bool {
	if !strings.Contains(all, "自然人") || !strings.Contains(all, "总计") {
		return verticalHeader(all)
	}
	n := 0
	for _, piece := range []string{"商业", "企业", "科研", "机构", "社会", "公益", "组织", "法律", "服务"} {
		if strings.Contains(all, piece) {
			n++
		}
	}
	return n >= 5
}

// headerWords returns the words of a cell made of applicant column names
// apart by spaces, every word a column name or the 法人或其他组织 group over
// five of them, and at least two words; otherwise nil.
func headerWords(cell string) []string {
	if !strings.Contains(cell, " ") {
		return nil // most cells: no allocation
	}
	words := strings.Fields(cell)
	if len(words) < 2 {
		return nil
	}
	for _, w := range words {
		if _, ok := appCols[w]; !ok && w != "法人或其他组织" {
			return nil
		}
	}
	return words
}

// labelStart matches the numbering a row or group label of the forms opens
// with: 三、 （一） (1) 1. 2、
var labelStart = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.．、])`)

// mergedLabel splits a label cell that holds a group label and a row label
// apart by white space, each opening with its numbering: it returns the
// labels before the last, and the last. A cell that does not split so
// (one label, or text after a space that opens with no numbering, such as
// "（一）予以公开 （含部分公开）") returns an empty last.
func mergedLabel(cell string) (groups []string, last string) {
	if !strings.ContainsAny(cell, " \u3000") {
		return nil, ""
	}
	parts := strings.FieldsFunc(cell, func(r rune) bool { return r == ' ' || r == '\u3000' })
	if len(parts) < 2 {
		return nil, ""
	}
	for _, p := range parts {
		if !labelStart.MatchString(p) {
			return nil, ""
		}
	}
	return parts[:len(parts)-1], parts[len(parts)-1]
}

// applicantChars are the characters of the seven applicant column names.
const applicantChars = "自然人商业企科研机构社会公益组织法律服务其他总计"

func verticalHeader(all string) bool {
	for _, r := range applicantChars {
		if !strings.ContainsRune(all, r) {
			return false
		}
	}
	return true
}

// appColLabel is the template wording of each column, for provenance when a
// header cell could not be read.
var appColLabel = map[string]string{
	"person": "自然人", "business": "商业企业", "research": "科研机构", "ngo": "社会公益组织",
	"legal": "法律服务机构", "other_org": "其他", "total": "总计",
}

// applications reads the application table in toks[from:to]. The header is
// read first: it must name at least five of the seven applicant columns,
// else no cell is placed. Its cells are printed in two header rows (自然人,
// 法人或其他组织, 总计, then the five kinds of organisation), but the data
// rows always run person, the five organisations, total: report.Columns.
func (d *doc) applications(from, to int) {
	labels := map[string]string{}
	var all strings.Builder // the header's cells run together
	i := from
	for ; i < to; i++ {
		c := d.canon[i]
		if len(c) < 60 {
			all.WriteString(c)
		}
		if rowApps(c) != "" && (c != "其他" && c != "总计") || d.splitLabel(i, to) != "" {
			break
		}
		if col, ok := appCols[c]; ok {
			if _, seen := labels[col]; !seen {
				labels[col] = d.quote(i)
			}
			continue
		}
		if words := headerWords(d.toks[i].Text); words != nil {
			// A header row whose cells are apart by single spaces (a PDF text
			// layer: "商业企业 科研机构 社会公益组织 法律服务机构 其他") is one token.
			for _, w := range words {
				if col, ok := appCols[w]; ok {
					if _, seen := labels[col]; !seen {
						labels[col] = w
					}
				}
				if len(c) >= 60 {
					all.WriteString(w)
				}
			}
			continue
		}
		// "商业" / "企业" split over two lines.
		if i+1 < to && !d.toks[i].Multi {
			if col, ok := appCols[c+d.canon[i+1]]; ok && c != "" {
				labels[col] = d.quote(i) + d.quote(i+1)
				i++
			}
		}
	}
	if len(labels) < 5 && !applicantHeader(all.String()) {
		return
	}
	cols := report.Columns
	colLabels := make([]string, len(cols))
	for k, col := range cols {
		colLabels[k] = labels[col]
		if colLabels[k] == "" {
			colLabels[k] = appColLabel[col]
		}
	}
	seen := map[string]bool{}
	outcomes, sixGroup := false, false
	for ; i < to; i++ {
		if d.toks[i].IsValue {
			continue
		}
		c := d.canon[i]
		key, split := rowApps(c), false
		if groups, last := mergedLabel(d.toks[i].Text); last != "" {
			// Group and row labels merged in one cell ("三、本年度办理结果
			// （一）予以公开", "（六）其他处理 1.申请人…"): the row is the last.
			if k := rowApps(table.Canon(last)); k != "" {
				key = k
				for _, g := range groups {
					if rowApps(table.Canon(g)) == "other" {
						sixGroup = true
					}
				}
			}
		}
		if key == "" {
			key, split = d.splitLabel(i, to), true
		}
		if key == "" || seen[key] {
			continue
		}
		switch key {
		case "other_misc":
			if !sixGroup || d.headerLine(i) {
				continue
			}
		case "outcome_total":
			if !outcomes || d.headerLine(i) {
				continue // or the 总计 column of a header repeated after a page break
			}
		}
		row := d.quote(i)
		if split {
			// A label pasted from Word over two lines ("一、本年新收政府信息" /
			// "公开申请数量"): the row is named by both.
			i++
			row += d.quote(i)
		}
		i = d.lastCopy(i)
		run := table.ValuesAfter(d.toks, i, len(cols))
		if len(run.Cells) == 0 && key != "other" && d.continuation(i) {
			// A label wrapped onto the next line ("(二)部分公开(区分处理的,只计这一情" /
			// "形,不计其他情形)"): the values follow the wrapped part.
			i++
			run = table.ValuesAfter(d.toks, i, len(cols))
		}
		if key == "other" {
			// The 2021 form prints （六）其他处理 as a group over three rows
			// (some reports give the group a subtotal too).
			sixGroup = true
			if len(run.Cells) == 0 {
				if d.form == "" {
					d.form = report.FormTable2021
				}
				continue
			}
		}
		if key == "other" && d.form == "" {
			d.form = report.FormTable2019
		}
		if key != "apps_new" && key != "apps_carried_over" {
			outcomes = true
		}
		cells, next, note := d.acrossPage(run, i, len(cols), to)
		if cells == nil {
			var stray bool
			cells, next, note, stray = d.strayFigure(run, i, len(cols), to)
			if stray && cells == nil {
				d.ambiguous(table.Ambiguity(d.t, run.Cells[0], "", report.AmbiguousReadings,
					"a figure too many in the row (a stray page number?), and the row sums do not tell which",
					"applications", row, "", ""))
				continue
			}
		}
		if cells == nil {
			n := run.Usable(len(cols))
			if n == 0 {
				if len(run.Cells) > 0 {
					d.ambiguous(table.Ambiguity(d.t, run.Cells[0], "", report.AmbiguousReadings,
						fmt.Sprintf("%d figures under %d columns: which cell is missing cannot be told", len(run.Cells), len(cols)),
						"applications", row, "", ""))
				}
				continue
			}
			cells, next = d.rowCells(run.Cells, n), i+len(run.Cells)
		}
		seen[key] = true
		for k, tok := range cells {
			d.add(table.Cell{Key: key + "." + cols[k], Table: "applications", Row: row, Col: colLabels[k],
				Tok: tok, Value: tok.Value, Note: note})
		}
		i = next
	}
}

// strayFigure checks a row printed one cell per line that is followed by one
// figure too many: a page number on a line of its own between two of its
// cells reads as a cell. When the row as read breaks its row sum (I3: the
// six applicant columns add up to the total) and dropping exactly one of
// its first n+1 figures mends it, that figure is the stray one. stray
// reports whether the row had a figure too many at all; cells is nil when
// it did not, or when the row as read already adds up (the extra figure
// follows the row), or when no single figure, or more than one, mends it.
func (d *doc) strayFigure(run table.Run, label, n, to int) (cells []*table.Token, next int, note string, stray bool) {
	first := label + 1
	if d.toks[label].Multi || len(run.Cells) != n || first+n >= to || !d.toks[first+n].IsValue ||
		first+n+1 < to && d.toks[first+n+1].IsValue {
		return nil, 0, "", false
	}
	vals := make([]float64, n+1)
	for k := range vals {
		v := d.toks[first+k].Value
		if !v.IsNumber() {
			return nil, 0, "", false // blanks: the sum cannot tell
		}
		vals[k] = v.Number
	}
	sums := func(skip int) bool {
		var parts, total float64
		k := 0
		for j, v := range vals {
			if j == skip || k >= n {
				continue
			}
			if k < n-1 {
				parts += v
			} else {
				total = v
			}
			k++
		}
		return parts == total
	}
	if sums(n) {
		return nil, 0, "", false // the row adds up; the extra figure comes after it
	}
	reading := func(skip int) []float64 {
		out := make([]float64, 0, n)
		for j := 0; j <= n && len(out) < n; j++ {
			if j != skip {
				out = append(out, vals[j])
			}
		}
		return out
	}
	drop := -1
	for skip := 0; skip < n; skip++ {
		if !sums(skip) {
			continue
		}
		if drop >= 0 && !slices.Equal(reading(skip), reading(drop)) {
			return nil, 0, "", true // two readings with different figures fit
		}
		if drop < 0 {
			drop = skip
		}
	}
	if drop < 0 {
		return nil, 0, "", true
	}
	for k := 0; k <= n; k++ {
		if k != drop {
			cells = append(cells, &d.toks[first+k])
		}
	}
	return cells, first + n, fmt.Sprintf("the stray figure %q inside the row dropped: the row sums hold without it", d.toks[first+drop].Text), true
}

// headerLine reports whether toks[i] stands on a line of the applicant
// header ("| 自然人 | 法人或其他组织 | 总计 |"), where 其他 and 总计 name
// columns, not rows.
func (d *doc) headerLine(i int) bool {
	if !d.toks[i].Multi {
		return false
	}
	line := d.toks[i].Line
	for j := i - int(d.toks[i].Col); j < len(d.toks) && d.toks[j].Line == line; j++ {
		if c := d.canon[j]; c == "自然人" || c == "法人或其他组织" || c == "申请人情况" || c == "商业企业" || c == "科研机构" {
			return true
		}
	}
	return false
}

// splitLabel returns the key of the row whose label a copy split over two
// lines, toks[i] and toks[i+1] (each alone on its line, neither a row label
// of its own), or "".
func (d *doc) splitLabel(i, to int) string {
	if i+1 >= to || d.toks[i].Multi || d.toks[i+1].Multi || d.toks[i].IsValue || d.toks[i+1].IsValue ||
		d.toks[i+1].Line != d.toks[i].Line+1 || len(d.canon[i]) > maxPhraseLabel || len(d.canon[i+1]) > 60 {
		return ""
	}
	if rowApps(d.canon[i+1]) != "" || appCols[d.canon[i+1]] != "" || appCols[d.canon[i]] != "" {
		return ""
	}
	return rowApps(d.canon[i] + d.canon[i+1])
}

// acrossPage reads a row that a page break cut, one cell per line: the
// first cells of the row, then the page's furniture and the repeated
// applicant header (or the report's title repeated atop the page), then the
// rest of the cells. It returns the n cells and
// the index of its last cell, or nil when toks after the run are not that.
func (d *doc) acrossPage(run table.Run, label, n, to int) (cells []*table.Token, next int, note string) {
	have := len(run.Cells)
	if have == 0 || have >= n || run.Open || d.toks[label].Multi {
		return nil, 0, ""
	}
	j := label + 1 + have
	headers, titles := 0, 0
	for ; j < to && !d.toks[j].IsValue; j++ {
		c := d.canon[j]
		switch {
		case appCols[c] != "" || c == "申请人情况" || c == "法人或其他组织" || strings.Contains(c, "勾稽关系"):
			headers++
		case rowApps(c) != "" || appGroup(c) || len(c) > 150:
			return nil, 0, "" // the next row, not a page break
		case strings.HasSuffix(c, "年度报告"):
			titles++ // the report's title a PDF repeats atop each page
		}
	}
	if headers < 5 && titles == 0 {
		return nil, 0, ""
	}
	rest := table.ValuesFrom(d.toks, j, n-have)
	if len(rest.Cells) != n-have || j+len(rest.Cells) < to && d.toks[j+len(rest.Cells)].IsValue {
		return nil, 0, ""
	}
	cells = make([]*table.Token, 0, n)
	for k := range run.Cells {
		cells = append(cells, &run.Cells[k])
	}
	for k := range rest.Cells {
		cells = append(cells, &rest.Cells[k])
	}
	return cells, j + len(rest.Cells) - 1, "row continued after a page break and the repeated header"
}

// continuation reports whether the cell after the label toks[i] is the
// label's wrapped tail: on the next line, not a value, not a label itself,
// and short (at most 15 characters: a heading is longer).
func (d *doc) continuation(i int) bool {
	if i+1 >= len(d.toks) {
		return false
	}
	next, c := d.toks[i+1], d.canon[i+1]
	return next.Line == d.toks[i].Line+1 && !next.IsValue && c != "" && len(c) <= 45 &&
		rowApps(c) == "" && !appGroup(c) && appCols[c] == ""
}

// appGroup reports whether c is a group label of the application table, a
// row with no cells of its own.
func appGroup(c string) bool {
	switch c {
	case "本年度办理结果", "不予公开", "无法提供", "不予处理":
		return true
	}
	return false
}
