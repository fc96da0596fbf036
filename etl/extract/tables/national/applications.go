package national

import (
	"regexp"

	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/table"
)

// appRows maps the application table's row labels (folded by table.Canon) to
// the key prefix of their cells. Order does not matter: each pattern names
// one row. Labels are matched whole (anchored, with a length bound), so a
// sentence that mentions a row is never read as the row.
var appRows = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^本年(度)?新收(到)?.{0,18}申请(数量|数|件数)?$`), "apps_new"},
	{regexp.MustCompile(`^上年(度)?结转.{0,18}申请(数量|数|件数)?$`), "apps_carried_over"},
	{regexp.MustCompile(`^予以公开$`), "granted"},
	{regexp.MustCompile(`^部分公开(\(.{0,30}\))?$`), "partial"},
	{regexp.MustCompile(`^(属于)?国家秘密$`), "denied_state_secret"},
	{regexp.MustCompile(`^其他法律行政法规禁止公开$`), "denied_law"},
	{regexp.MustCompile(`^(危及)?三安全一稳定$`), "denied_safety"},
	{regexp.MustCompile(`^保护第三方合法权益$`), "denied_third_party"},
	{regexp.MustCompile(`^(属于)?三类内部事务信息$`), "denied_internal"},
	{regexp.MustCompile(`^(属于)?四类过程性信息$`), "denied_process"},
	{regexp.MustCompile(`^(属于)?行政执法案卷$`), "denied_enforcement"},
	{regexp.MustCompile(`^(属于)?行政查询事项$`), "denied_inquiry"},
	{regexp.MustCompile(`^本机关不掌握相关政府信息$`), "unavailable_not_held"},
	{regexp.MustCompile(`^没有现成信息需要另行制作$`), "unavailable_need_create"},
	{regexp.MustCompile(`^补正后申请内容仍不明确$`), "unavailable_unclear"},
	{regexp.MustCompile(`^信访举报投诉类申请$`), "unprocessed_petition"},
	{regexp.MustCompile(`^重复申请$`), "unprocessed_repeat"},
	{regexp.MustCompile(`^要求提供公开出版物$`), "unprocessed_publication"},
	{regexp.MustCompile(`^无正当理由大量反复申请$`), "unprocessed_mass"},
	{regexp.MustCompile(`^要求行政机关确认或重新出具已获取信息$`), "unprocessed_confirm"},
	{regexp.MustCompile(`^其他处理$`), "other"},
	{regexp.MustCompile(`^申请人无正当理由逾期不补正.{0,24}$`), "other_no_correction"},
	{regexp.MustCompile(`^申请人逾期未按收费通知要求缴纳费用.{0,24}$`), "other_no_fee"},
	{regexp.MustCompile(`^其他$`), "other_misc"},
	{regexp.MustCompile(`^(本年度办理结果)?总计$`), "outcome_total"},
	{regexp.MustCompile(`^结转下年度(继续办理)?(申请)?(数量)?$`), "apps_carried_forward"},
}

// appGroups are the printed group labels with no cells of their own.
var appGroups = regexp.MustCompile(`^(本年度办理结果|不予公开|无法提供|不予处理)$`)

func rowApps(c string) string {
	if len(c) > 150 {
		return ""
	}
	for _, r := range appRows {
		if r.re.MatchString(c) {
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
	i := from
	for ; i < to; i++ {
		c := d.canon[i]
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
	if len(labels) < 5 {
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
		if key == "other" && len(run.Cells) == 0 {
			// The 2021 form prints （六）其他处理 as a group over three rows.
			sixGroup = true
			if d.form == "" {
				d.form = report.FormTable2021
			}
			continue
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
				Tok: run.Cells[k], Value: run.Values[k]})
		}
		i += len(run.Cells)
	}
}
