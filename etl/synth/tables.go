package synth

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/etl/report"
)

// Printed row labels of the application table, as in the national forms.
var appRowLabels = map[string]string{
	"apps_new":                "一、本年新收政府信息公开申请数量",
	"apps_carried_over":       "二、上年结转政府信息公开申请数量",
	"granted":                 "（一）予以公开",
	"partial":                 "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
	"denied_state_secret":     "1.属于国家秘密",
	"denied_law":              "2.其他法律行政法规禁止公开",
	"denied_safety":           "3.危及“三安全一稳定”",
	"denied_third_party":      "4.保护第三方合法权益",
	"denied_internal":         "5.属于三类内部事务信息",
	"denied_process":          "6.属于四类过程性信息",
	"denied_enforcement":      "7.属于行政执法案卷",
	"denied_inquiry":          "8.属于行政查询事项",
	"unavailable_not_held":    "1.本机关不掌握相关政府信息",
	"unavailable_need_create": "2.没有现成信息需要另行制作",
	"unavailable_unclear":     "3.补正后申请内容仍不明确",
	"unprocessed_petition":    "1.信访举报投诉类申请",
	"unprocessed_repeat":      "2.重复申请",
	"unprocessed_publication": "3.要求提供公开出版物",
	"unprocessed_mass":        "4.无正当理由大量反复申请",
	"unprocessed_confirm":     "5.要求行政机关确认或重新出具已获取信息",
	"other":                   "（六）其他处理",
	"other_no_correction":     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
	"other_no_fee":            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
	"other_misc":              "3.其他",
	"outcome_total":           "（七）总计",
	"apps_carried_forward":    "四、结转下年度继续办理",
}

// printedApps is the application table as printed: seven columns per row,
// the last the total. Breaks are injected here, never in the model.
type printedApps map[string][]int

func newPrintedApps(t appTable) printedApps {
	p := printedApps{}
	for k, v := range t {
		row := append(append([]int{}, v...), t.total(k))
		p[k] = row
	}
	return p
}

// appsTable lays out the application table of the 2019 or 2021 form.
func (b *builder) appsTable(p printedApps, form report.Form) [][]cell {
	corner := b.br("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
	rows := [][]cell{
		{{text: corner, rs: 3, cs: 3}, span("申请人情况", 7)},
		{rspan("自然人", 2), span("法人或其他组织", 5), rspan("总计", 2)},
		{c(b.splitHeader("商业企业")), c("科研机构"), c(b.splitHeader("社会公益组织")), c(b.splitHeader("法律服务机构")), c("其他")},
	}
	values := func(key string) []cell {
		out := make([]cell, 7)
		for i, col := range report.Columns {
			out[i] = b.cellNum(key+"."+col, p[key][i], col == "total")
		}
		return out
	}
	row := func(prefix []cell, key string) []cell {
		return append(prefix, values(key)...)
	}
	otherKeys := []string{"other"}
	if form == report.FormTable2021 {
		otherKeys = []string{"other_no_correction", "other_no_fee", "other_misc"}
	}
	outcomeRows := 2 + 8 + 3 + 5 + len(otherKeys) + 1
	label := func(key string) string {
		s := b.br(appRowLabels[key])
		if b.shortLabels {
			s = strings.TrimSuffix(s, "数量")
			if len(s) > 2 && s[1] == '.' && s[0] >= '1' && s[0] <= '9' {
				s = s[:1] + "、" + s[2:]
			}
		}
		return s
	}
	rows = append(rows, row([]cell{span(b.wordSplit(label("apps_new")), 3)}, "apps_new"))
	rows = append(rows, row([]cell{span(b.wordSplit(label("apps_carried_over")), 3)}, "apps_carried_over"))
	rows = append(rows, row([]cell{rspan("三、本年度办理结果", outcomeRows), span(b.br(appRowLabels["granted"]), 2)}, "granted"))
	rows = append(rows, row([]cell{span(b.br(appRowLabels["partial"]), 2)}, "partial"))
	group := func(head string, keys []string) {
		for i, k := range keys {
			var prefix []cell
			if i == 0 {
				prefix = []cell{rspan(b.br(head), len(keys))}
			}
			rows = append(rows, row(append(prefix, c(label(k))), k))
		}
	}
	group("（三）不予公开", outcomeKeys2019[2:10])
	group("（四）无法提供", outcomeKeys2019[10:13])
	group("（五）不予处理", outcomeKeys2019[13:18])
	if form == report.FormTable2021 {
		group("（六）其他处理", otherKeys)
	} else {
		rows = append(rows, row([]cell{span(b.br(appRowLabels["other"]), 2)}, "other"))
	}
	rows = append(rows, row([]cell{span(b.br(appRowLabels["outcome_total"]), 2)}, "outcome_total"))
	rows = append(rows, row([]cell{span(b.wordSplit(b.br(appRowLabels["apps_carried_forward"])), 3)}, "apps_carried_forward"))
	return rows
}

// wordSplit breaks a long row label over two lines, as a table pasted from
// Word prints a label wider than its column ("一、本年新收政府信息" /
// "公开申请数量"), in reports whose copies do that.
func (b *builder) wordSplit(s string) string {
	rs := []rune(s)
	if !b.splitLabels || len(rs) < 8 {
		return s
	}
	at := 4 + b.r.IntN(len(rs)-7)
	return string(rs[:at]) + "\n" + string(rs[at:])
}

// splitHeader sometimes breaks a header over two lines, as narrow columns do.
func (b *builder) splitHeader(s string) string {
	rs := []rune(s)
	if len(rs) < 4 || !chance(b.r, 0.2) {
		return s
	}
	at := 2 + b.r.IntN(len(rs)-3)
	return string(rs[:at]) + "\n" + string(rs[at:])
}

// reviewTable lays out the 15-cell review and litigation table. Each block
// holds upheld, corrected, other, pending and the printed total.
func (b *builder) reviewTable(blocks [3][5]int) [][]cell {
	heads := []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}
	rows := [][]cell{{span("行政复议", 5), span("行政诉讼", 10)}}
	var r2, r3, vals []cell
	for _, h := range heads {
		r2 = append(r2, rspan(h, 2))
	}
	r2 = append(r2, span("未经复议直接起诉", 5), span("复议后起诉", 5))
	for i := 0; i < 2; i++ {
		for _, h := range heads {
			r3 = append(r3, c(h))
		}
	}
	keys := []string{"upheld", "corrected", "other", "pending", "total"}
	for i, prefix := range []string{"review", "lit_direct", "lit_after_review"} {
		for j, k := range keys {
			vals = append(vals, b.cellNum(prefix+"."+k, blocks[i][j], k == "total"))
		}
	}
	return append(rows, r2, r3, vals)
}

// printedReview is a block's four results and its total as printed.
func printedReview(v reviewFigures) [5]int {
	return [5]int{v[0], v[1], v[2], v[3], v.total()}
}

// art20Table2021 lays out the Article 20 table of the 2021 form.
func (b *builder) art20Table2021(t art20, rulesApplicable bool) [][]cell {
	n := func(key string, v int) cell { return b.cellNum(key, v, true) }
	// An agency that cannot make 规章 often prints "/" across the row: not applicable, not zero.
	rules := []cell{c("规章"), c("/"), c("/"), c("/")}
	if rulesApplicable {
		rules = []cell{c("规章"), n("art20.rules.issued", t.rulesIssued), n("art20.rules.repealed", t.rulesRepealed), n("art20.rules.in_force", t.rulesInForce)}
	}
	return [][]cell{
		{span(b.br("第二十条第（一）项"), 4)},
		{c("信息内容"), c(b.splitHeader("本年制发件数")), c(b.splitHeader("本年废止件数")), c(b.splitHeader("现行有效件数"))},
		rules,
		{c("行政规范性文件"), n("art20.normative.issued", t.normIssued), n("art20.normative.repealed", t.normRepealed), n("art20.normative.in_force", t.normInForce)},
		{span(b.br("第二十条第（五）项"), 4)},
		{c("信息内容"), span("本年处理决定数量", 3)},
		{c("行政许可"), cellSpan(n("art20.licensing.decisions", t.licensing), 3)},
		{span(b.br("第二十条第（六）项"), 4)},
		{c("信息内容"), span("本年处理决定数量", 3)},
		{c("行政处罚"), cellSpan(n("art20.penalty.decisions", t.penalty), 3)},
		{c("行政强制"), cellSpan(n("art20.enforcement.decisions", t.enforcement), 3)},
		{span(b.br("第二十条第（八）项"), 4)},
		{c("信息内容"), span(b.br("本年收费金额（单位：万元）"), 3)},
		{c("行政事业性收费"), cellSpan(b.amount("art20.fees.amount", t.feesWan), 3)},
	}
}

func cellSpan(x cell, cs int) cell { x.cs = cs; return x }

// amount prints a 万元 amount, labelled in 万元.
func (b *builder) amount(key string, wan float64) cell {
	if wan == 0 && b.blanks == blankZeros {
		return cell{text: b.blankText(), key: key}
	}
	b.setCell(key, wan, false)
	return cell{text: b.cellText(fmtWan(wan)), key: key}
}

func fmtWan(v float64) string {
	if v == float64(int64(v)) {
		return strconv.FormatInt(int64(v), 10)
	}
	return strings.TrimRight(strings.TrimRight(strconv.FormatFloat(v, 'f', 4, 64), "0"), ".")
}

// signed prints a 本年增/减 cell with its sign, as real reports do.
func (b *builder) signed(key string, v int) cell {
	if v == 0 && b.blanks == blankZeros {
		return cell{text: b.blankText(), key: key}
	}
	b.setCell(key, float64(v), false)
	if v > 0 {
		return cell{text: b.cellText(pick(b.r, "+", "") + strconv.Itoa(v)), key: key}
	}
	return cell{text: b.cellText(strconv.Itoa(v)), key: key}
}

// art20Table2019 lays out the Article 20 table of the 2019 form.
func (b *builder) art20Table2019(t art20) [][]cell {
	n := func(key string, v int) cell { return b.cellNum(key, v, true) }
	change := "本年增/减"
	if chance(b.r, 0.1) {
		change = "本年增/" // truncated as in some real reports
	}
	items := func(label, key string, decisions int, withDecisions bool) []cell {
		row := []cell{c(label), n("art20."+key+".prev_items", t.prev[key]), b.signed("art20."+key+".change", t.change[key])}
		if withDecisions {
			row = append(row, n("art20."+key+".decisions", decisions))
		}
		return row
	}
	// The procurement amount: the header prints no unit, so the cell does.
	var proc cell
	procHead := "采购总金额"
	switch b.r.IntN(3) {
	case 0:
		b.setCell("art20.procurement.amount", t.procWan, false)
		proc = c(fmtWan(t.procWan) + pick(b.r, "(万)", "万元", "（万元）"))
	case 1:
		procHead = b.br("采购总金额（万元）")
		b.setCell("art20.procurement.amount", t.procWan, false)
		proc = c(fmtWan(t.procWan))
	default:
		b.setCell("art20.procurement.amount", t.procWan, false)
		proc = c(strconv.FormatInt(int64(t.procWan*10000+0.5), 10) + "元")
	}
	proc.key = "art20.procurement.amount"
	return [][]cell{
		{span(b.br("第二十条第（一）项"), 4)},
		{c("信息内容"), c(b.splitHeader("本年新制作数量")), c(b.splitHeader("本年新公开数量")), c("对外公开总数量")},
		{c("规章"), n("art20.rules.made", t.rulesMade), n("art20.rules.published", t.rulesPublished), n("art20.rules.public_total", t.rulesPublicTotal)},
		{c("规范性文件"), n("art20.normative.made", t.normMade), n("art20.normative.published", t.normPublished), n("art20.normative.public_total", t.normPublicTotal)},
		{span(b.br("第二十条第（五）项"), 4)},
		{c("信息内容"), c("上一年项目数量"), c(change), c("处理决定数量")},
		items("行政许可", "licensing", t.licensing, true),
		items("其他对外管理服务事项", "other_services", t.otherServ, true),
		{span(b.br("第二十条第（六）项"), 4)},
		{c("信息内容"), c("上一年项目数量"), c(change), c("处理决定数量")},
		items("行政处罚", "penalty", t.penalty, true),
		items("行政强制", "enforcement", t.enforcement, true),
		{span(b.br("第二十条第（八）项"), 4)},
		{c("信息内容"), c("上一年项目数量"), span(change, 2)},
		append(items("行政事业性收费", "fees", 0, false)[:2], cellSpan(items("行政事业性收费", "fees", 0, false)[2], 2)),
		{span(b.br("第二十条第（九）项"), 4)},
		{c("信息内容"), c("采购项目数量"), span(procHead, 2)},
		{c("政府集中采购"), n("art20.procurement.items", t.procItems), cellSpan(proc, 2)},
	}
}

// legacyTable lays out the national 《政府信息公开情况统计表》 (2014–2018).
// shift adds a broken figure's offset to printed cells (key → offset).
func (b *builder) legacyTable(p proactive, l legacyApps, shift map[string]int) [][]cell {
	rows := [][]cell{{c("统计指标"), c("单位"), c("统计数")}}
	sec := func(s string) { rows = append(rows, []cell{span(b.br(s), 3)}) }
	line := func(label, unit, key string, v int) {
		var x cell
		if key == "" {
			x = c(strconv.Itoa(v))
		} else {
			x = b.cellNum(key, v+shift[key], true)
		}
		rows = append(rows, []cell{c(b.br(label)), c(unit), x})
	}
	wan := func(label, key string, v float64) {
		rows = append(rows, []cell{c(b.br(label)), c("万元"), b.amount(key, v)})
	}
	sec("一、主动公开情况")
	line("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "proactive.total", p.total)
	line("其中：主动公开规范性文件数", "条", "legacy.normative_disclosed", p.normativeDisclosed)
	line("制发规范性文件总数", "件", "legacy.normative_issued", p.normativeIssued)
	rows = append(rows, []cell{span(b.br("（二）通过不同渠道和方式公开政府信息的情况"), 3)})
	line("1.政府公报公开政府信息数", "条", "proactive.gazette", p.gazette)
	line("2.政府网站公开政府信息数", "条", "proactive.website", p.website)
	line("3.政务微博公开政府信息数", "条", "proactive.weibo", p.weibo)
	line("4.政务微信公开政府信息数", "条", "proactive.wechat", p.wechat)
	line("5.其他方式公开政府信息数", "条", "proactive.other_channels", p.other)
	sec("二、回应解读情况")
	line("（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次", "response.hot_topics", p.hotTopics)
	rows = append(rows, []cell{span(b.br("（二）通过不同渠道和方式回应解读的情况"), 3)})
	line("1.参加或举办新闻发布会总次数", "次", "response.press_conferences", p.pressConf)
	line("其中：主要负责同志参加新闻发布会次数", "次", "", p.pressConfLead)
	line("2.政府网站在线访谈次数", "次", "response.online_interviews", p.interviews)
	line("其中：主要负责同志参加政府网站在线访谈次数", "次", "", p.interviewsLead)
	line("3.政策解读稿件发布数", "篇", "proactive.interpretations", p.interpretations)
	line("4.微博微信回应事件数", "次", "response.weibo_wechat", p.weiboWechatResp)
	line("5.其他方式回应事件数", "次", "", p.otherResp)
	sec("三、依申请公开情况")
	line("（一）收到申请数", "件", "apps_new.total", l.received)
	line("1.当面申请数", "件", "apps_channel.in_person", l.channels[0])
	line("2.传真申请数", "件", "apps_channel.fax", l.channels[1])
	line("3.网络申请数", "件", "apps_channel.online", l.channels[2])
	line("4.信函申请数", "件", "apps_channel.mail", l.channels[3])
	line("（二）申请办结数", "件", "apps_closed.total", l.closed)
	line("1.按时办结数", "件", "apps_closed.on_time", l.onTime)
	line("2.延期办结数", "件", "apps_closed.extended", l.extended)
	line("（三）申请答复数", "件", "outcome_total.total", l.replies)
	line("1.属于已主动公开范围数", "件", "reply.already_public", l.alreadyPublic)
	line("2.同意公开答复数", "件", "granted.total", l.granted)
	line("3.同意部分公开答复数", "件", "partial.total", l.partial)
	line("4.不同意公开答复数", "件", "denied.total", l.denied)
	reasons := []struct{ label, key string }{
		{"其中：涉及国家秘密", "denied_state_secret.total"},
		{"涉及商业秘密", "denied_commercial_secret.total"},
		{"涉及个人隐私", "denied_privacy.total"},
		{"危及国家安全、公共安全、经济安全和社会稳定", "denied_safety.total"},
		{"不是《条例》所指政府信息", "denied_not_gov_info.total"},
		{"法律法规规定的其他情形", "denied_law.total"},
	}
	for i, x := range reasons {
		line(x.label, "件", x.key, l.reasons[i])
	}
	line("5.不属于本行政机关公开数", "件", "reply.not_this_agency", l.notThisAgency)
	line("6.申请信息不存在数", "件", "reply.not_exist", l.notExist)
	line("7.告知作出更改补充数", "件", "reply.ask_amend", l.askAmend)
	line("8.告知通过其他途径办理数", "件", "reply.other_channel", l.otherChannel)
	line("四、行政复议数量", "件", "review.total", l.reviews.total())
	line("（一）维持具体行政行为数", "件", "review.upheld", l.reviews[0])
	line("（二）被依法纠错数", "件", "review.corrected", l.reviews[1])
	line("（三）其他情形数", "件", "review.other", l.reviews[2])
	line("五、行政诉讼数量", "件", "litigation.total", l.litigation.total())
	line("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "litigation.upheld", l.litigation[0])
	line("（二）被依法纠错数", "件", "litigation.corrected", l.litigation[1])
	line("（三）其他情形数", "件", "litigation.other", l.litigation[2])
	rows = append(rows, []cell{c(b.br("六、举报投诉数量")), c("件"), b.cellNum("complaints.total", l.complaints, true)})
	wan("七、依申请公开信息收取的费用", "fees.collected", float64(l.feesYuan)/10000)
	sec("八、机构建设和保障经费情况")
	line("（一）政府信息公开工作专门机构数", "个", "staff.units", l.units)
	line("（二）设置政府信息公开查阅点数", "个", "staff.reading_points", l.readingPoints)
	line("（三）从事政府信息公开工作人员数", "人", "staff.total", l.fulltime+l.parttime)
	line("1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", "staff.fulltime", l.fulltime)
	line("2.兼职人员数", "人", "staff.parttime", l.parttime)
	wan("（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "budget.special", l.budgetWan)
	sec("九、政府信息公开会议和培训情况")
	line("（一）召开政府信息公开工作会议或专题会议数", "次", "meetings.total", l.meetings)
	line("（二）举办各类培训班数", "次", "trainings.total", l.trainings)
	line("（三）接受培训人员数", "人次", "trainees.total", l.trainees)
	return rows
}

// fmtDate prints a date as reports do in their header lines.
func fmtDate(y, m, d int) string { return fmt.Sprintf("%04d-%02d-%02d", y, m, d) }

// provincialTable lays out a local 统计表 of the 2008–2013 reports, as
// domain.md §1.4.2 documents them (莆田, 定西, 上海-type): the province's own
// row names, a 单位 column, and two value columns, the year's and a
// cumulative one (历年累计, or 本年累计 in 定西's 本期实际 / 本年累计 layout).
// Only the year's figures are labelled: the cumulative column is never the
// year's figure. Rows with no metric key (全文电子化, 电子邮件, 咨询,
// 行政申诉数, 申请内容不明确) are printed with figures and left unlabelled,
// so a reader that files them under another key is caught. It returns the
// rows and how many of them form the header.
func (b *builder) provincialTable(year int, p proactive, l legacyApps) ([][]cell, int) {
	r := b.r
	type style struct {
		label, unit, year, cum string
		cumFirst, sameCum      bool // the cumulative column printed first; 本年累计 equal to 本期 in an annual report
	}
	st := pick(r,
		style{label: "指标", unit: "单位", year: fmt.Sprintf("%d年度", year), cum: "历年累计"},
		style{label: "指标名称", unit: "计量单位", year: "本期实际", cum: "本年累计", sameCum: true},
		style{label: "统计指标", unit: "单位", year: "本年度", cum: "历年累计"},
		style{label: "项目", unit: "单位", year: "本年度", cum: "历年累计", cumFirst: true})
	head := []cell{c(st.label), c(st.unit), c(st.year), c(st.cum)}
	if st.cumFirst {
		head[2], head[3] = head[3], head[2]
	}
	rows := [][]cell{head}
	years := float64(max(year-2007, 1)) // the regulations took effect in 2008
	sec := func(s string) { rows = append(rows, []cell{span(b.br(s), 4)}) }
	row := func(label, unit, key string, v int) {
		cum := v
		if !st.sameCum {
			cum = v + poisson(r, math.Max(float64(v), 1)*(years-1))
		}
		if key != "" {
			b.setCell(key, float64(v), false)
		}
		vc, cc := c(b.cellText(strconv.Itoa(v))), c(b.cellText(strconv.Itoa(cum)))
		if st.cumFirst {
			vc, cc = cc, vc
		}
		rows = append(rows, []cell{c(b.br(label)), c(unit), vc, cc})
	}
	sub := pick(r, "其中：", "其中:", "")
	sec("一、主动公开情况")
	row(pick(r, "主动公开信息数", "主动公开政府信息数"), "条", "proactive.total", p.total)
	row(sub+"全文电子化", "条", "", binomial(r, p.total, 0.9))
	sec("二、依申请公开情况")
	row(pick(r, "受理依申请公开信息总数", "申请总数", "受理申请总数"), "件", "apps_new.total", l.received)
	short := chance(r, 0.5) // 当面 or 当面申请
	ch := func(name string) string {
		if short {
			return name
		}
		return name + "申请"
	}
	row(sub+ch("当面"), "件", "apps_channel.in_person", l.channels[0])
	row(ch("传真"), "件", "apps_channel.fax", l.channels[1])
	row(ch("网上"), "件", "apps_channel.online", l.channels[2])
	row(ch("信函"), "件", "apps_channel.mail", l.channels[3])
	// 电子邮件 has no key (metrics.tsv, domain D19). Its year figure is 0 so
	// that the labelled channels still add up to the total (L1): the checks
	// cannot see a row that has no key.
	row(ch("电子邮件"), "件", "", 0)
	row(pick(r, "对申请的答复总数", "答复总数"), "件", "outcome_total.total", l.replies)
	q := pick(r, false, true) // "“同意公开”答复数" or "同意公开"
	reply := func(name, suffix string) string {
		if q {
			return "“" + name + "”" + suffix
		}
		return name
	}
	row(sub+reply("同意公开", "答复数"), "件", "granted.total", l.granted)
	row(reply("同意部分公开", "答复数"), "件", "partial.total", l.partial)
	row(reply("否决公开", "答复总数"), "件", "denied.total", l.denied)
	row("信息不存在", "件", "reply.not_exist", l.notExist)
	row("非本部门掌握", "件", "reply.not_this_agency", l.notThisAgency)
	row("申请内容不明确", "件", "", l.askAmend)
	sec("三、咨询情况")
	row("咨询总量", "人次", "", poisson(r, 40))
	row(sub+"现场接待人数", "人次", "", poisson(r, 15))
	sec("四、行政复议、诉讼和申诉情况")
	row("行政复议数", "件", "review.total", l.reviews.total())
	row("行政诉讼数", "件", "litigation.total", l.litigation.total())
	row("行政申诉数", "件", "", poisson(r, 0.5))
	return rows, 1
}
