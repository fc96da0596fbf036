package glued

import "github.com/xxgk/xxgk/etl/report"

// Kind is the grammar of a column's cells.
type Kind uint8

// The cell grammars. Every column also takes a blank mark.
const (
	Count  Kind = iota // a non-negative integer: "0" or digits without a leading zero
	Signed             // an integer with an optional + or - (本年增/减)
	Amount             // a non-negative decimal, with an optional money unit after it
)

// column is one column of a row: the key suffix, its label as the template
// prints it, and its grammar.
type column struct {
	key, label string
	kind       Kind
}

// rowSpec is one row of a form's table as the template prints it.
type rowSpec struct {
	key  string // key prefix of its cells; "" for a row no metric stores (its run is still read)
	head string // the part of the label that names the row, folded (no numbering, quotes or spaces)
	// tail is how many runes of other wording may follow head before the
	// run ("本年新收" + "政府信息公开申请数量"), for labels whose wording varies.
	tail int
	num  string // the arabic numbering the template prints before the label ("2" of "2.其他法律…")
	cols []column
	// group marks a label printed over its subrows, which has no cells of
	// its own in one form (（六）其他处理 in 2021) but is a row in the other.
	group bool
	annot bool // a parenthetical after the label (legacy "(不同渠道…计1条)") is part of it
	unit  bool // a unit cell ("件", "万元") is printed between the label and the figure (legacy)
}

// family is one kind of table: its rows in template order.
type family struct {
	table string // Provenance.Table: "applications", "article20", "legacy"
	rows  []rowSpec
	// minRows is how many rows with a run must be found before the rows
	// are taken as a table: one stray match could be prose.
	minRows int
}

// appCols are the seven applicant columns; the data rows always print
// them in this order.
var appCols = func() []column {
	labels := []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}
	out := make([]column, len(report.Columns))
	for i, c := range report.Columns {
		out[i] = column{key: c, label: labels[i], kind: Count}
	}
	return out
}()

// The application table of the 2019 and 2021 forms (domain §1.1): one row
// list for both, since （六）其他处理 is a row in 2019 and a group over three
// rows in 2021. Heads are the parts of the labels no other row holds, so a
// label with "属于" or its numbering missing still matches.
var applications = family{table: "applications", minRows: 3, rows: []rowSpec{
	{key: "apps_new", head: "新收", tail: 24, cols: appCols},
	{key: "apps_carried_over", head: "上年结转", tail: 24, cols: appCols},
	{key: "granted", head: "予以公开", tail: 4, cols: appCols},
	{key: "partial", head: "部分公开", tail: 30, cols: appCols},
	{key: "denied_state_secret", head: "国家秘密", num: "1", cols: appCols},
	{key: "denied_law", head: "法规禁止公开", num: "2", cols: appCols},
	{key: "denied_safety", head: "三安全一稳定", num: "3", cols: appCols},
	{key: "denied_third_party", head: "第三方合法权益", num: "4", cols: appCols},
	{key: "denied_internal", head: "内部事务信息", num: "5", cols: appCols},
	{key: "denied_process", head: "过程性信息", num: "6", cols: appCols},
	{key: "denied_enforcement", head: "行政执法案卷", num: "7", cols: appCols},
	{key: "denied_inquiry", head: "行政查询事项", num: "8", cols: appCols},
	{key: "unavailable_not_held", head: "不掌握相关政府信息", num: "1", cols: appCols},
	{key: "unavailable_need_create", head: "另行制作", num: "2", cols: appCols},
	{key: "unavailable_unclear", head: "仍不明确", num: "3", cols: appCols},
	{key: "unprocessed_petition", head: "信访举报投诉", tail: 4, num: "1", cols: appCols},
	{key: "unprocessed_repeat", head: "重复申请", num: "2", cols: appCols},
	{key: "unprocessed_publication", head: "公开出版物", num: "3", cols: appCols},
	{key: "unprocessed_mass", head: "大量反复申请", num: "4", cols: appCols},
	{key: "unprocessed_confirm", head: "已获取信息", num: "5", cols: appCols},
	{key: "other", head: "其他处理", group: true, cols: appCols},
	{key: "other_no_correction", head: "逾期不补正", tail: 30, num: "1", cols: appCols},
	{key: "other_no_fee", head: "收费通知", tail: 36, num: "2", cols: appCols},
	{key: "other_misc", head: "其他", num: "3", cols: appCols},
	{key: "outcome_total", head: "总计", cols: appCols},
	{key: "apps_carried_forward", head: "结转下年度", tail: 6, cols: appCols},
}}

// Indexes into applications.rows of the rows the column identities name.
const (
	appNew = iota
	appCarriedOver
	appFirstOutcome
)

var (
	appOther, appOtherSub, appTotal, appForward = rowIndex(applications, "other"), rowIndex(applications, "other_no_correction"),
		rowIndex(applications, "outcome_total"), rowIndex(applications, "apps_carried_forward")
)

func rowIndex(f family, key string) int {
	for i, r := range f.rows {
		if r.key == key {
			return i
		}
	}
	panic("glued: no row " + key) // a defect in the tables above
}

// Article 20 columns of each form.
var (
	art20Issued = []column{{"issued", "本年制发件数", Count}, {"repealed", "本年废止件数", Count}, {"in_force", "现行有效件数", Count}}
	art20Made   = []column{{"made", "本年新制作数量", Count}, {"published", "本年新公开数量", Count}, {"public_total", "对外公开总数量", Count}}
	art20Items  = []column{{"prev_items", "上一年项目数量", Count}, {"change", "本年增/减", Signed}, {"decisions", "处理决定数量", Count}}
	art20Dec    = []column{{"decisions", "本年处理决定数量", Count}}
)

// article20 are the Article 20 tables of the 2021 and the 2019 forms. The
// row labels are the same words in both; the columns differ, so the form is
// read from the header before the rows are split.
var article20 = map[report.Form]family{
	report.FormTable2021: {table: "article20", minRows: 2, rows: []rowSpec{
		{key: "art20.rules", head: "规章", cols: art20Issued},
		{key: "art20.normative", head: "规范性文件", cols: art20Issued},
		{key: "art20.licensing", head: "行政许可", cols: art20Dec},
		{key: "art20.penalty", head: "行政处罚", cols: art20Dec},
		{key: "art20.enforcement", head: "行政强制", cols: art20Dec},
		{key: "art20.fees", head: "行政事业性收费", cols: []column{{"amount", "本年收费金额(单位:万元)", Amount}}},
	}},
	report.FormTable2019: {table: "article20", minRows: 2, rows: []rowSpec{
		{key: "art20.rules", head: "规章", cols: art20Made},
		{key: "art20.normative", head: "规范性文件", cols: art20Made},
		{key: "art20.licensing", head: "行政许可", cols: art20Items},
		{key: "art20.other_services", head: "其他对外管理服务事项", cols: art20Items},
		{key: "art20.penalty", head: "行政处罚", cols: art20Items},
		{key: "art20.enforcement", head: "行政强制", cols: art20Items},
		{key: "art20.fees", head: "行政事业性收费", cols: art20Items[:2]},
		{key: "art20.procurement", head: "政府集中采购", cols: []column{{"items", "采购项目数量", Count}, {"amount", "采购总金额", Amount}}},
	}},
}

// Header words that name the Article 20 form.
var (
	art20Cue2021 = []string{"本年制发", "本年废止", "现行有效"}
	art20Cue2019 = []string{"新制作", "新公开", "对外公开总", "上一年项目", "采购项目", "其他对外管理服务事项", "政府集中采购"}
)

// legacyCount and legacyMoney are the one column of the 统计表.
var (
	legacyCount = []column{{"", "统计数", Count}}
	legacyMoney = []column{{"", "统计数", Amount}}
)

// lg is a row of the legacy 统计表 (国办发〔2014〕32号, domain §1.4.1).
func lg(key, head, num string) rowSpec {
	return rowSpec{key: key, head: head, num: num, cols: legacyCount, annot: true, unit: true}
}

func lgMoney(key, head string) rowSpec {
	return rowSpec{key: key, head: head, cols: legacyMoney, annot: true, unit: true}
}

// legacy is the national 《政府信息公开情况统计表》, every row in order (rows
// no metric stores too, so their figures are not taken for a neighbour's).
// Its cells are single figures, so a glued row needs no split; the label,
// the unit and the figure only lost the gaps between them.
var legacy = family{table: "legacy", minRows: 3, rows: []rowSpec{
	lg("proactive.total", "主动公开政府信息数", ""),
	lg("legacy.normative_disclosed", "主动公开规范性文件数", ""),
	lg("legacy.normative_issued", "制发规范性文件总数", ""),
	lg("proactive.gazette", "政府公报公开政府信息数", "1"),
	lg("proactive.website", "政府网站公开政府信息数", "2"),
	lg("proactive.weibo", "政务微博公开政府信息数", "3"),
	lg("proactive.wechat", "政务微信公开政府信息数", "4"),
	lg("proactive.other_channels", "其他方式公开政府信息数", "5"),
	lg("response.hot_topics", "回应公众关注热点或重大舆情数", ""),
	lg("response.press_conferences", "参加或举办新闻发布会总次数", "1"),
	lg("", "主要负责同志参加新闻发布会次数", ""),
	lg("response.online_interviews", "政府网站在线访谈次数", "2"),
	lg("", "主要负责同志参加政府网站在线访谈次数", ""),
	lg("proactive.interpretations", "政策解读稿件发布数", "3"),
	lg("response.weibo_wechat", "微博微信回应事件数", "4"),
	lg("", "其他方式回应事件数", "5"),
	lg("apps_new.total", "收到申请数", ""),
	lg("apps_channel.in_person", "当面申请数", "1"),
	lg("apps_channel.fax", "传真申请数", "2"),
	lg("apps_channel.online", "网络申请数", "3"),
	lg("apps_channel.mail", "信函申请数", "4"),
	lg("apps_closed.total", "申请办结数", ""),
	lg("apps_closed.on_time", "按时办结数", "1"),
	lg("apps_closed.extended", "延期办结数", "2"),
	lg("outcome_total.total", "申请答复数", ""),
	lg("reply.already_public", "属于已主动公开范围数", "1"),
	lg("granted.total", "同意公开答复数", "2"),
	lg("partial.total", "同意部分公开答复数", "3"),
	lg("denied.total", "不同意公开答复数", "4"),
	lg("denied_state_secret.total", "涉及国家秘密", ""),
	lg("denied_commercial_secret.total", "涉及商业秘密", ""),
	lg("denied_privacy.total", "涉及个人隐私", ""),
	lg("denied_safety.total", "危及国家安全、公共安全、经济安全和社会稳定", ""),
	lg("denied_not_gov_info.total", "所指政府信息", ""),
	lg("denied_law.total", "法律法规规定的其他情形", ""),
	lg("reply.not_this_agency", "不属于本行政机关公开数", "5"),
	lg("reply.not_exist", "申请信息不存在数", "6"),
	lg("reply.ask_amend", "告知作出更改补充数", "7"),
	lg("reply.other_channel", "告知通过其他途径办理数", "8"),
	lg("review.total", "行政复议数量", ""),
	lg("review.upheld", "维持具体行政行为数", ""),
	lg("review.corrected", "被依法纠错数", ""),
	lg("review.other", "其他情形数", ""),
	lg("litigation.total", "行政诉讼数量", ""),
	lg("litigation.upheld", "维持具体行政行为或者驳回原告诉讼请求数", ""),
	lg("litigation.corrected", "被依法纠错数", ""),
	lg("litigation.other", "其他情形数", ""),
	lg("complaints.total", "举报投诉数量", ""),
	lgMoney("fees.collected", "依申请公开信息收取的费用"),
	lg("staff.units", "政府信息公开工作专门机构数", ""),
	lg("staff.reading_points", "设置政府信息公开查阅点数", ""),
	lg("staff.total", "从事政府信息公开工作人员数", ""),
	lg("staff.fulltime", "专职人员数", "1"),
	lg("staff.parttime", "兼职人员数", "2"),
	lgMoney("budget.special", "政府信息公开专项经费"),
	lg("meetings.total", "召开政府信息公开工作会议或专题会议数", ""),
	lg("trainings.total", "举办各类培训班数", ""),
	lg("trainees.total", "接受培训人员数", ""),
}}

// The review and litigation table: three groups of five results.
var (
	reviewGroups  = []string{"review", "lit_direct", "lit_after_review"}
	groupLabels   = []string{"行政复议", "行政诉讼-未经复议直接起诉", "行政诉讼-复议后起诉"}
	reviewResults = []string{"upheld", "corrected", "other", "pending", "total"}
	resultLabels  = []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}
)

// resultWords maps the result headers a glued header may print to the
// result they name, longest wording first so "结果维持" is read before "维持".
var resultWords = []struct{ word, result string }{
	{"结果维持", "upheld"}, {"结果纠正", "corrected"}, {"其他结果", "other"}, {"尚未审结", "pending"},
	{"总计", "total"}, {"合计", "total"}, {"维持", "upheld"}, {"纠正", "corrected"}, {"其他", "other"},
}
