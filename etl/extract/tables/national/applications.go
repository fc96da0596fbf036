package national

import (
	"regexp"
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
func applicantHeader(all string) bool {
	if !strings.Contains(all, "自然人") || !strings.Contains(all, "总计") {
		return false
	}
	n := 0
	for _, piece := range []string{"商业", "企业", "科研", "机构", "社会", "公益", "组织", "法律", "服务"} {
		if strings.Contains(all, piece) {
			n++
		}
	}
	return n >= 5
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
		if rowApps(c) != "" && (c != "其他" && c != "总计") {
			break
		}
		if col, ok := appCols[c]; ok {
			if _, seen := labels[col]; !seen {
				labels[col] = d.quote(i)
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
		key := rowApps(c)
		if key == "" || seen[key] {
			continue
		}
		switch key {
		case "other_misc":
			if !sixGroup {
				continue
			}
		case "outcome_total":
			if !outcomes {
				continue
			}
		}
		row := d.quote(i)
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
		n := run.Usable(len(cols))
		if n == 0 {
			continue
		}
		seen[key] = true
		for k := 0; k < n; k++ {
			d.add(table.Cell{Key: key + "." + cols[k], Table: "applications", Row: row, Col: colLabels[k],
				Tok: &run.Cells[k], Value: run.Cells[k].Value})
		}
		i += len(run.Cells)
	}
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
