package prose

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Rule ids name the phrasing of domain.md §4.1 a figure was read with.
const (
	ruleProactiveTotal   = "P1.proactive_total"
	ruleProactiveChannel = "P5.proactive_channel"
	ruleWebsiteOnly      = "P3.website_only"
	ruleInterpretations  = "P12.interpretations"
	ruleAppsReceived     = "P14.apps_received"
	ruleAppsCarried      = "P16.apps_carried_over"
	ruleAppsNone         = "P18.apps_none"
	ruleAppsChannel      = "P19.apps_channel"
	ruleOutcome          = "P20.outcome"
	ruleReason           = "P20.reason"
	ruleCarriedForward   = "P20.carried_forward"
	ruleCases            = "P25.cases"
	ruleCaseResult       = "P25.case_result"
	ruleCasesNone        = "P24.cases_none"
	ruleFeesNone         = "P28.fees_none"
	ruleFees             = "P29.fees"
	ruleAllPersons       = "P14.all_persons"
	ruleStaff            = "L.staff"
	ruleDecisions        = "A20.decisions"
)

var (
	// publishRE is a verb of proactive disclosure.
	publishRE = newWords("公开", "发布", "推送", "刊发", "公布", "发送", "推出", "编发", "更新", "上传", "报送")
	// proactiveTrapRE marks things counted near proactive figures that are
	// not disclosed items: messages, visits, followers, comparisons, plans.
	proactiveTrapRE = newWords("留言", "来信", "热线", "咨询", "访问", "浏览", "点击", "粉丝", "关注", "阅读", "转发", "人次", "案件", "增加", "减少", "增长", "下降", "同比", "上升", "较上年", "比上年", "依申请", "不予公开", "部分公开", "申请", "制作", "制发", "印发", "清理", "废止", "解读", "回应", "答复", "受理", "培训", "会议", "举报", "投诉")
	// cumulativeRE marks a running total; it is the year's own only with a
	// year cue (年内累计, 全年累计, 2016年…累计).
	cumulativeRE = newWords("累计", "历年", "至今", "以来")
	thisYearRE   = newWords("全年", "年内", "本年", "今年", "年度内", "当年", "上半年")
	// yearStartRE is a span from the start of a year: "自2016年1月1日".
	yearStartRE = regexp.MustCompile(`(?:19|20)\d\d\s*年\s*1\s*月\s*1\s*日`)
	// newThisYearRE is the year's part of a running total: "其中,本年度新增…".
	newThisYearRE = regexp.MustCompile(`(?:本年度?|全年|今年|年内)新增`)
	// totalRE is the wording of an agency-wide proactive total: the object
	// right before the figure is information in general, not a category.
	totalRE = tailRE{96, []string{"公开", "发布"}, regexp.MustCompile(`(?:主动公开|主动发布|公开|发布)(?:了)?(?:各类|各项)?(?:政府|政务|司法行政|工作)?(?:信息|政府信息|政务信息)?(?:的有|共计|总计|合计|共|达|总数为|为)?\s*$`)}
	// afterTotalRE is the noun after the figure when it comes first:
	// "主动公开2286条政务信息".
	afterTotalRE = regexp.MustCompile(`^\s*(?:各类|各项)?(?:政府|政务)?信息`)
	// channel words, in the order they are tested.
	websiteRE   = newWords("网站", "门户", "官网")
	weiboRE     = newWords("微博")
	wechatRE    = newWords("微信", "公众号")
	newMediaRE  = newWords("新媒体", "客户端", "抖音", "头条号", "视频号", "APP", "App", "app")
	gazetteRE   = newWords("公报")
	interpretRE = tailRE{64, []string{"解读"}, regexp.MustCompile(`解读(?:稿件|文件|信息|文章|材料|稿|类信息)?(?:共|共计)?\s*$`)}

	// foiRE anchors an application figure to information disclosure.
	foiRE = newWords("政府信息公开", "依申请", "信息公开", "公开信息", "要求公开", "申请公开")
	// appsRE is the act of receiving applications, the figure after it.
	appsRE = tailRE{132, []string{"申请", "事项", "函件", "件数", "案件"}, regexp.MustCompile(`(?:收到|受理|接到|接收|接受|办理|处理)[^,，]{0,30}(?:申请|事项|函件|件数|案件)[^,，\d]{0,6}$`)}
	// appsBareRE names the count by the procedure alone: "依申请公开0条".
	appsBareRE = tailRE{64, []string{"公开"}, regexp.MustCompile(`(?:依申请公开|政府信息公开申请)(?:事项|申请)?(?:数量|数|件数)?(?:共|共计|为)?\s*$`)}
	// appsBeforeRE has the figure before the noun: "共办理5件政府信息公开申请".
	appsBeforeRE  = tailRE{48, []string{"收到", "受理", "接到", "接收", "接受", "办理", "处理"}, regexp.MustCompile(`(?:收到|受理|接到|接收|接受|办理|处理)(?:了)?(?:共|共计)?\s*$`)}
	appsAfterRE   = regexp.MustCompile(`^\s*[^,，\d]{0,12}?(?:政府信息公开|依申请公开|信息公开|政府信息)?(?:的)?申请`)
	appsTrapRE    = newWords("留言", "来信", "热线", "咨询", "法律援助", "信访", "投诉", "举报", "建议", "提案", "复议", "诉讼", "答复", "回复", "办结", "结转", "上年", "去年", "同期", "增加", "减少", "上升", "下降")
	appsChannelRE = tailRE{64, []string{"网络", "网上", "在线", "信函", "邮寄", "当面", "现场", "传真", "电子邮件"}, regexp.MustCompile(`(网络|网上|在线|信函|邮寄|当面|现场|传真|电子邮件)(?:方式)?(?:提出|提交)?(?:的)?(?:申请)?(?:的)?\s*$`)}

	// outcome words of the 2019+ list and the legacy list, the figure after them.
	outcomeRE = tailRE{96, []string{"结转", "公开", "提供", "处理"}, regexp.MustCompile(`(上年结转|上一年度?结转|上年度结转|予以公开|同意公开|部分公开|同意部分公开|不予公开|不同意公开|无法提供|不予处理|其他处理|结转下年度(?:继续办理)?|结转下一年度?(?:继续办理)?)(?:答复|决定)?(?:的)?["'”’]?(?:的)?(?:共|为)?\s*$`)}
	// outcomeAfterRE has the figure before the word: "1件予以公开".
	outcomeAfterRE = regexp.MustCompile(`^\s*(?:申请)?(?:为|属于|作)?(予以公开|同意公开|部分公开|不予公开|无法提供|不予处理|其他处理|结转下年度|结转下一年度?)`)
	outcomeKeys    = map[string]string{
		"予以公开": "granted.total", "同意公开": "granted.total",
		"部分公开": "partial.total", "同意部分公开": "partial.total",
		"不予公开": "denied.total", "不同意公开": "denied.total",
		"无法提供": "unavailable.total", "不予处理": "unprocessed.total", "其他处理": "other.total",
		"结转下年度": "apps_carried_forward.total", "结转下一年度": "apps_carried_forward.total",
		"上年结转": "apps_carried_over.total", "上一年结转": "apps_carried_over.total",
		"上一年度结转": "apps_carried_over.total", "上年度结转": "apps_carried_over.total",
		"结转下一年": "apps_carried_forward.total", "结转下年度继续办理": "apps_carried_forward.total",
		"结转下一年度继续办理": "apps_carried_forward.total", "结转下一年继续办理": "apps_carried_forward.total",
	}

	// caseRE names the kind of case a figure counts; the last one before it wins.
	caseRE       = regexp.MustCompile(`行政复议|行政诉讼|诉讼`)
	caseTrapRE   = regexp.MustCompile(`决定书|法律援助|调解|案卷|受理.{0,6}行政复议案件|办理.{0,6}行政复议案件|审理.{0,6}行政复议`)
	caseResultRE = tailRE{64, []string{"维持", "驳回", "纠错", "纠正", "撤销", "确认违法", "审理中", "未审结", "未结", "其他"}, regexp.MustCompile(`(维持|驳回|纠错|纠正|撤销|确认违法|审理中|未审结|尚未审结|未结|其他)[^,，\d]{0,8}$`)}
	caseFOIRE    = newWords("信息公开", "政府信息", "依申请公开")

	// feeRE is a fee figure in 元 or 万元.
	feeRE = newWords("费")
	// feeTrapRE marks money that is not a fee for disclosure.
	feeTrapRE = newWords("行政事业性", "经费", "采购", "预算", "决算", "资金", "罚款", "罚没")
)

// classify decides what one count measures, if anything the metrics list.
func (x *extractor) classify(s span, m mention, st *state, carried float64) {
	before := m.before
	if x.otherYear(before) {
		return
	}
	switch m.unit {
	case "元", "万元":
		x.fee(s, m)
		return
	case "名":
		x.staff(s, m)
		return
	}
	// The most specific readings first: a case count names its kind, an
	// outcome its row, an application its procedure; what is left may be
	// a disclosure count. Literal checks skip the patterns of rules that
	// cannot apply.
	// The words near a figure: before it, and a little after (no cue word
	// spans the figure itself).
	after := prefixRunes(m.after, 20)
	near := func(w *words) bool { return w.MatchString(m.before) || w.MatchString(after) }
	if strings.Contains(m.before, "决定") && x.decisions(s, m) {
		return
	}
	if (st.caseKind != "" || near(caseCues)) && x.caseFigure(s, m, st) {
		return
	}
	if near(outcomeCues) && x.outcome(s, m) {
		return
	}
	if near(appsCues) && x.application(s, m, carried) {
		return
	}
	x.proactive(s, m, st)
}

// Cues that a figure may be read by a rule: without one nearby the rule's
// patterns are not tried.
var (
	caseCues    = newWords("复议", "诉讼")
	outcomeCues = newWords("公开", "提供", "处理", "结转", "补正", "申请", "掌握", "制作", "明确")
	appsCues    = newWords("申请", "事项", "函件", "案件", "件数", "网络", "网上", "在线", "信函", "邮寄", "当面", "现场", "传真", "电子邮件")
)

// otherYear reports whether the words before a figure tie it to a year
// other than the report's ("2022年公开信息…", "较2023年增加6%"). Dates
// (年…月) are not years a figure belongs to. A hand scan from each 年: the
// words before most figures hold one (全年, 年度) but no year.
func (x *extractor) otherYear(before string) bool {
	if x.year == 0 {
		return false
	}
	for from := 0; ; {
		i := strings.Index(before[from:], "年")
		if i < 0 {
			return false
		}
		i += from
		from = i + len("年")
		j := i
		for j > 0 && (before[j-1] == ' ' || before[j-1] == '\t') {
			j--
		}
		if j < 4 || !isYear(before[j-4:j]) {
			continue
		}
		if isDate(before[from:]) {
			continue // 自2016年1月1日
		}
		if y, _ := strconv.Atoi(before[j-4 : j]); y != x.year {
			return true
		}
	}
}

// isYear reports whether s is four digits from 1900 to 2099.
func isYear(s string) bool {
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s[:2] == "19" || s[:2] == "20"
}

// isDate reports whether the text after a 年 goes on with a month: " 3 月".
func isDate(s string) bool {
	i := skipSpace(s, 0)
	n := 0
	for i < len(s) && n < 3 && s[i] >= '0' && s[i] <= '9' {
		i, n = i+1, n+1
	}
	if n == 0 || n > 2 {
		return false
	}
	return strings.HasPrefix(s[skipSpace(s, i):], "月")
}

// proactive reads proactive-disclosure counts: the agency-wide total, a
// channel's own count, policy interpretations.
func (x *extractor) proactive(s span, m mention, st *state) {
	if m.unit != "条" && m.unit != "篇" && m.unit != "件" && m.unit != "份" {
		return
	}
	b := m.before
	if i := strings.LastIndex(b, "决定书"); i >= 0 && !strings.Contains(b[i:], "信息") || strings.Contains(prefixRunes(m.after, 12), "决定书") {
		// Decision documents published ("在门户网站公开行政复议决定书20份")
		// are documents of one kind, not a channel's count of information.
		return
	}
	if interpretRE.MatchString(b) {
		x.add(s, "proactive.interpretations", m.value, m.approx, ruleInterpretations, "")
		return
	}
	channelOnly := st.breakdown && st.published && (websiteRE.MatchString(b) || weiboRE.MatchString(b) || wechatRE.MatchString(b) || newMediaRE.MatchString(b))
	if !publishRE.MatchString(b) && !afterTotalRE.MatchString(m.after) && !channelOnly {
		// "其中网站公开65条,微信公众号497条": the verb of the list's head serves all.
		return
	}
	if proactiveTrapRE.MatchString(b) || cumulativeRE.MatchString(b) && !thisYearRE.MatchString(m.clause) && !yearStartRE.MatchString(m.clause) {
		// A running total counts since the start of disclosure unless the
		// clause ties it to the year ("年内累计", "自2016年1月1日…累计").
		return
	}
	web, wb, wx, nm := websiteRE.MatchString(b), weiboRE.MatchString(b), wechatRE.MatchString(b), newMediaRE.MatchString(b)
	switch {
	case web && (wb || wx || nm):
		// Several channels together: the agency-wide total (if not a breakdown).
		if !st.breakdown {
			x.add(s, "proactive.total", m.value, m.approx, ruleProactiveTotal, "")
		}
	case web:
		x.add(s, "proactive.website", m.value, m.approx, ruleProactiveChannel, "")
	case wb && wx || nm:
		x.add(s, "proactive.new_media", m.value, m.approx, ruleProactiveChannel, "")
	case wb:
		x.add(s, "proactive.weibo", m.value, m.approx, ruleProactiveChannel, "")
	case wx:
		x.add(s, "proactive.wechat", m.value, m.approx, ruleProactiveChannel, "")
	case gazetteRE.MatchString(b):
		x.add(s, "proactive.gazette", m.value, m.approx, ruleProactiveChannel, "")
	default:
		if st.breakdown && !newThisYearRE.MatchString(b) || m.cn {
			return
		}
		if totalRE.MatchString(b) && (strings.Contains(b, "信息") || afterTotalRE.MatchString(m.after) || strings.Contains(b, "主动公开")) {
			x.add(s, "proactive.total", m.value, m.approx, ruleProactiveTotal, "")
		} else if strings.Contains(b, "通过") || strings.Contains(b, "在") {
			// A channel the keys do not name ("通过电子公示栏公布政务信息15条"):
			// the website then is not the only one.
			x.otherChannel = true
		}
	}
}

// application reads the count of applications received (and their channel),
// splitting off the carried-over part a total says it includes.
func (x *extractor) application(s span, m mention, carried float64) bool {
	b := m.before
	switch m.unit {
	case "件", "条", "项", "宗", "封", "件次", "个", "份":
	default:
		return false
	}
	bare := appsBareRE.MatchString(b)
	if appsTrapRE.MatchString(b) && !bare {
		// The procedure named right before the figure outweighs a trap word
		// earlier in the clause ("区信访办2019年接受依申请公开1条").
		return false
	}
	if ch := appsChannelRE.FindStringSubmatch(b); ch != nil && strings.Contains(s.text, "申请") && !foiOnly(b) {
		key := map[string]string{"网络": "online", "网上": "online", "在线": "online", "电子邮件": "online",
			"信函": "mail", "邮寄": "mail", "当面": "in_person", "现场": "in_person", "传真": "fax"}[ch[1]]
		x.add(s, "apps_channel."+key, m.value, m.approx, ruleAppsChannel, "")
		return true
	}
	ok := appsRE.MatchString(b) && foiRE.MatchString(b) || bare
	if !ok && appsBeforeRE.MatchString(b) && appsAfterRE.MatchString(m.after) {
		ok = foiRE.MatchString(m.after) || foiRE.MatchString(b) || caseFOIRE.MatchString(s.section)
	}
	if !ok {
		return false
	}
	v := m.value
	if carried >= 0 && carried <= v {
		// "办理…申请43件(含2022年结转1件)": the new ones are the rest.
		x.add(s, "apps_carried_over.total", carried, false, ruleAppsCarried, "")
		v -= carried
	}
	x.add(s, "apps_new.total", v, m.approx, ruleAppsReceived, "")
	if noun := prefixRunes(m.after, 12); strings.Contains(noun, "自然人") && !strings.Contains(noun, "法人") {
		// "共收到21件自然人提请的政府信息公开申请".
		x.add(s, "apps_new.person", v, m.approx, ruleAllPersons, "")
	}
	return true
}

// foiOnly is true when the channel word belongs to a larger phrase that is
// not about how an application came in.
func foiOnly(b string) bool { return strings.Contains(b, "主动公开") }

// outcome reads the rows of the answers given: 予以公开 … 结转下年度.
func (x *extractor) outcome(s span, m mention) bool {
	if m.unit != "件" && m.unit != "条" && m.unit != "项" && m.unit != "宗" && m.unit != "个" {
		return false
	}
	if !strings.Contains(s.text, "申请") && !strings.Contains(s.section, "申请") && !strings.Contains(x.prev, "申请") {
		return false
	}
	word := ""
	if g := outcomeRE.FindStringSubmatch(m.before); g != nil {
		word = g[1]
		// 不同意公开 contains 同意公开; 不予公开信息N条 counts items, not answers.
		pre := strings.TrimSuffix(m.before, g[0])
		if strings.HasSuffix(pre, "不") && word == "同意公开" {
			word = "不同意公开"
		}
		if strings.Contains(m.before[len(pre):], "信息") {
			return false
		}
		if strings.HasSuffix(pre, "或") || strings.HasSuffix(pre, "和") || strings.HasSuffix(pre, "及") {
			return false // "同意公开或部分公开共81件" adds two rows together
		}
	} else if g := outcomeAfterRE.FindStringSubmatch(m.after); g != nil {
		word = g[1]
	}
	key, ok := outcomeKeys[word]
	if !ok {
		return x.reason(s, m)
	}
	if g := allReasonRE.FindString(m.after); g != "" {
		if sub := reasonKey(m.after); sub != "" && strings.HasPrefix(sub, strings.TrimSuffix(key, ".total")) {
			x.add(s, sub+".total", m.value, m.approx, ruleReason, "")
		}
	}
	rule := ruleOutcome
	switch {
	case strings.HasPrefix(key, "apps_carried_forward"):
		rule = ruleCarriedForward
	case strings.HasPrefix(key, "apps_carried_over"):
		rule = ruleAppsCarried
	}
	x.add(s, key, m.value, m.approx, rule, "")
	return true
}

// caseFigure reads review and litigation counts and their results.
func (x *extractor) caseFigure(s span, m mention, st *state) bool {
	switch m.unit {
	case "件", "起", "宗", "个", "项":
	default:
		return false
	}
	b := m.before
	kind := ""
	if locs := caseRE.FindAllString(b, -1); len(locs) > 0 {
		kind = caseKind(locs[len(locs)-1])
	} else if loc := caseRE.FindString(prefixRunes(m.after, 20)); loc != "" && !strings.ContainsAny(prefixRunes(m.after, 20), "0123456789") {
		kind = caseKind(loc) // "发生1起有关政府信息公开事务的行政复议案件"
	}
	if kind == "" {
		if st.caseKind == "" {
			return false
		}
		// "被纠错0件" after "行政诉讼案件2件".
		if r := caseResultRE.FindStringSubmatch(b); r != nil {
			x.add(s, st.caseKind+"."+resultKey(r[1]), m.value, m.approx, ruleCaseResult, "")
			return true
		}
		return false
	}
	if caseTrapRE.MatchString(s.text) {
		return false
	}
	// Cases about disclosure, not a review body's own caseload: the sentence,
	// its heading or the sentence before speaks of disclosure, or the agency
	// is the respondent ("答复后被行政复议9件").
	respondent := strings.Contains(b, "被") || strings.Contains(b, "答复后")
	if !caseFOIRE.MatchString(s.text) && !caseRE.MatchString(s.section) && !respondent &&
		!(caseRE.MatchString(x.prev) && (caseFOIRE.MatchString(x.prev) || x.prevCase)) {
		return false
	}
	if r := caseResultRE.FindStringSubmatch(b); r != nil && st.caseKind == kind {
		x.add(s, kind+"."+resultKey(r[1]), m.value, m.approx, ruleCaseResult, "")
		return true
	}
	if kind == "litigation" {
		// The two kinds of suit of the 2019+ table, when a report names one.
		switch {
		case strings.Contains(b, "未经复议") || strings.Contains(b, "直接起诉") || strings.Contains(b, "直接提起"):
			kind = "lit_direct"
		case strings.Contains(b, "复议后起诉") || strings.Contains(b, "经复议后"):
			kind = "lit_after_review"
		}
	}
	st.caseKind = kind
	x.caseHere = true
	x.add(s, kind+".total", m.value, m.approx, ruleCases, "")
	// A single result stated right after the count covers all of them:
	// "行政诉讼1起,正在审理中", "行政复议1起,作维持情形处理", "全部维持".
	rest := strings.TrimPrefix(s.text[strings.Index(s.text, m.clause)+len(m.clause):], ",")
	if strings.Contains(m.after, "审理中") || strings.HasPrefix(rest, "正在审理") || strings.HasPrefix(rest, "尚未审结") || strings.HasPrefix(rest, "未审结") {
		x.add(s, kind+".pending", m.value, m.approx, ruleCaseResult, "")
	} else if strings.Contains(m.after, "维持") || strings.HasPrefix(rest, "全部维持") || strings.HasPrefix(rest, "作维持") || strings.HasPrefix(rest, "均维持") {
		x.add(s, kind+".upheld", m.value, m.approx, ruleCaseResult, "")
	}
	return true
}

func caseKind(w string) string {
	if w == "行政复议" {
		return "review"
	}
	return "litigation"
}

func resultKey(w string) string {
	switch w {
	case "维持", "驳回":
		return "upheld"
	case "纠错", "纠正", "撤销", "确认违法":
		return "corrected"
	case "审理中", "未审结", "尚未审结", "未结":
		return "pending"
	}
	return "other"
}

func prefixRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// decisionsRE is an Article 20 decision count stated in prose: "作出行政处罚
// 决定8件". Decision documents (决定书) are publications, not decisions.
var decisionsRE = tailRE{96, []string{"决定"}, regexp.MustCompile(`行政(处罚|许可|强制)(?:处理)?决定(?:数量)?(?:共计|共|为|数为)?\s*$`)}

var decisionKeys = map[string]string{
	"处罚": "art20.penalty.decisions", "许可": "art20.licensing.decisions", "强制": "art20.enforcement.decisions",
}

// decisions reads the year's Article 20 decision counts written in sentences.
func (x *extractor) decisions(s span, m mention) bool {
	sm := decisionsRE.FindStringSubmatch(m.before)
	if sm == nil || m.unit == "元" || m.unit == "万元" || strings.HasPrefix(strings.TrimSpace(m.after), "%") {
		return false
	}
	x.add(s, decisionKeys[sm[1]], m.value, m.approx, ruleDecisions, "")
	return true
}

// fee reads a fee amount, converted to 万元.
func (x *extractor) fee(s span, m mention) {
	if !feeRE.MatchString(m.before) || proactiveTrapRE.MatchString(m.before) && !strings.Contains(m.before, "申请") {
		return
	}
	if feeTrapRE.MatchString(m.before) {
		return // the agency's own charges, budget or purchases, not disclosure fees
	}
	if !strings.Contains(s.text+s.section, "公开") && !strings.Contains(m.before, "信息处理费") {
		return
	}
	v := m.value
	if m.unit == "元" {
		v /= 10000
	}
	x.add(s, x.feeKey(m.before), v, m.approx, ruleFees, m.unit)
}

// feeKey is fees.info_processing for the 信息处理费 of 2021 and later,
// fees.collected for the cost fees before.
func (x *extractor) feeKey(text string) string {
	if strings.Contains(text, "信息处理费") || x.year >= 2021 {
		return "fees.info_processing"
	}
	return "fees.collected"
}

var (
	// noCaseWords deny review or litigation cases: "未发生…行政复议和行政诉讼".
	noCaseWords = newWords("未发生", "没有发生", "未出现", "没有出现", "未产生", "没有产生", "未有", "没有", "无", "未被", "均未", "未收到", "没有收到", "不存在")
	// noAppWords deny applications: "未收到…申请".
	noAppWords = newWords("未收到", "没有收到", "未接到", "没有接到", "未受理", "没有受理", "无")
	// noFeesRE is a statement that no fee was charged.
	noFeesRE = regexp.MustCompile(`(?:没有|未|不|无)[^。;；,，]{0,20}?(?:收取|进行|产生)[^。;；,，]{0,20}?费|(?:没有|未|无|不存在)[^。;；,，]{0,12}?收费|免费提供`)
)

// negated finds the first denial word of t followed within limit bytes (and
// before any of stops) by one of targets; it returns the text from the
// denial to the end of the target. Only the first occurrence of each denial
// word counts; at one position the words are tried in list order. One pass
// over t finds the denials, instead of one search per word.
func negated(t string, negs *words, limit int, stops string, targets ...string) (string, bool) {
	var tried uint64 // the denial words met already, by index
	for i := 0; i < len(t); {
		r, n := decode(t, i)
		if negs.first[(r>>6)&15]&(1<<(r&63)) != 0 {
			for k, w := range negs.list {
				if tried&(1<<k) != 0 || !strings.HasPrefix(t[i:], w) {
					continue
				}
				tried |= 1 << k
				from := i + len(w)
				win := t[from:]
				if len(win) > limit {
					win = win[:limit]
				}
				if j := strings.IndexAny(win, stops); j >= 0 {
					win = win[:j]
				}
				end := -1
				for _, tg := range targets {
					if k := strings.Index(win, tg); k >= 0 && (end < 0 || from+k+len(tg) < end) {
						end = from + k + len(tg)
					}
				}
				if end >= 0 {
					return t[i:end], true
				}
			}
		}
		i += n
	}
	return "", false
}

// zeroes reads the "none" statements of a sentence.
// Every statement it reads denies something; the caller checks c.neg.
func (x *extractor) zeroes(s span, c cues) {
	t := s.text
	if c.cases && (strings.Contains(t, "行政复议") || strings.Contains(t, "行政诉讼")) {
		if phrase, ok := negated(t, noCaseWords, 150, "。;；", "行政复议", "行政诉讼"); ok && (caseFOIRE.MatchString(t) || caseFOIRE.MatchString(s.section)) {
			tail := t[strings.Index(t, phrase):]
			if end := strings.IndexAny(tail, "0123456789"); end >= 0 {
				tail = tail[:end] // "无行政复议,行政诉讼1起": the count speaks for itself
			}
			if strings.Contains(tail, "行政复议") {
				x.add(s, "review.total", 0, false, ruleCasesNone, "")
			}
			if strings.Contains(tail, "行政诉讼") {
				x.add(s, "litigation.total", 0, false, ruleCasesNone, "")
			}
		}
	}
	if c.apply && (strings.Contains(t, "申请") || strings.Contains(t, "事项")) {
		if phrase, ok := negated(t, noAppWords, 75, "。;；,，", "申请", "依申请公开事项"); ok {
			if (foiRE.MatchString(phrase) || foiRE.MatchString(s.section) && strings.Contains(s.section, "申请")) && !appsTrapRE.MatchString(phrase) {
				x.add(s, "apps_new.total", 0, false, ruleAppsNone, "")
			}
		}
	}
	if c.fee && noFeesRE.MatchString(t) && (strings.Contains(t, "公开") || strings.Contains(s.section, "公开") || strings.Contains(t, "申请") || strings.Contains(t, "信息处理费")) {
		x.add(s, x.feeKey(t), 0, false, ruleFeesNone, "")
	}
}

// reasons are the sub-rows of the 2019+ outcome list as reports word them
// in prose, most specific first.
var reasons = []struct {
	key string
	re  *regexp.Regexp
}{
	{"denied_state_secret", regexp.MustCompile(`国家秘密`)},
	{"denied_law", regexp.MustCompile(`法律行政法规禁止|法律、行政法规禁止`)},
	{"denied_safety", regexp.MustCompile(`三安全一稳定|危及`)},
	{"denied_third_party", regexp.MustCompile(`第三方`)},
	{"denied_internal", regexp.MustCompile(`内部事务`)},
	{"denied_process", regexp.MustCompile(`过程性`)},
	{"denied_enforcement", regexp.MustCompile(`执法案卷`)},
	{"denied_inquiry", regexp.MustCompile(`行政查询`)},
	{"unavailable_need_create", regexp.MustCompile(`另行制作|没有现成`)},
	{"unavailable_unclear", regexp.MustCompile(`不明确`)},
	{"unavailable_not_held", regexp.MustCompile(`不掌握|不属于本机关|非本机关|不属于我.{0,2}掌握`)},
	{"unprocessed_repeat", regexp.MustCompile(`重复申请`)},
	{"unprocessed_publication", regexp.MustCompile(`公开出版物`)},
	{"unprocessed_mass", regexp.MustCompile(`大量反复`)},
	{"unprocessed_confirm", regexp.MustCompile(`重新出具`)},
	{"unprocessed_petition", regexp.MustCompile(`信访|举报|投诉`)},
	{"other_no_correction", regexp.MustCompile(`不补正|未补正`)},
	{"other_no_fee", regexp.MustCompile(`缴纳费用|收费通知`)},
}

var (
	// outcomeWordRE says a sentence lists answers, so reason phrases in it
	// are outcome sub-rows.
	outcomeWordRE = newWords("不予公开", "无法提供", "不予处理", "其他处理", "予以公开", "部分公开")
	// fragCutRE separates the items of a list.
	fragCutRE = regexp.MustCompile(`[、(（]`)
	// allReasonRE is a note that every answer of a row had one reason: "(均属于行政查询事项)".
	allReasonRE = regexp.MustCompile(`^\s*[(（]\s*(?:均|全部)?(?:属于|为|系)`)
)

func reasonKey(frag string) string {
	for _, r := range reasons {
		if r.re.MatchString(frag) {
			return r.key
		}
	}
	return ""
}

// reason reads a sub-row figure: "本机关不掌握相关政府信息1件",
// "6件不属于我局掌握信息", "不予公开7件(均属于行政查询事项)".
func (x *extractor) reason(s span, m mention) bool {
	if m.unit != "件" && m.unit != "条" && m.unit != "项" {
		return false
	}
	if !outcomeWordRE.MatchString(s.text) || !strings.Contains(s.text+s.section+x.prev, "申请") {
		return false
	}
	frag := m.before
	if locs := fragCutRE.FindAllStringIndex(frag, -1); len(locs) > 0 {
		frag = frag[locs[len(locs)-1][1]:]
	}
	key := ""
	if utf8.RuneCountInString(frag) <= 30 && !outcomeRE.MatchString(frag) {
		key = reasonKey(frag)
	}
	if key == "" && strings.TrimSpace(frag) == "" || key == "" && m.before == "" {
		after := m.after
		if i := strings.IndexAny(after, "、(（,，"); i >= 0 {
			after = after[:i]
		}
		if !outcomeAfterRE.MatchString(m.after) {
			key = reasonKey(after)
		}
	}
	if key == "" {
		return false
	}
	x.add(s, key+".total", m.value, m.approx, ruleReason, "")
	return true
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// words is a list of literal cues; matching them by literal search is far
// cheaper than an alternation pattern on every clause. A long list is
// matched in one pass over the text: only where a word's first rune stands
// (a bit set by the rune's low bits says where it may) are the words
// compared, instead of one search of the text per word.
type words struct {
	list  []string
	first [16]uint64 // the first runes of the words, by their low 10 bits
}

func newWords(list ...string) *words {
	w := &words{list: list}
	for _, x := range list {
		r, _ := utf8.DecodeRuneInString(x)
		w.first[(r>>6)&15] |= 1 << (r & 63)
	}
	return w
}

// MatchString reports whether s contains any of the words.
func (w *words) MatchString(s string) bool {
	if len(w.list) < 4 {
		return containsAny(s, w.list...)
	}
	for i := 0; i < len(s); {
		r, n := decode(s, i)
		if w.first[(r>>6)&15]&(1<<(r&63)) != 0 {
			for _, x := range w.list {
				if strings.HasPrefix(s[i:], x) {
					return true
				}
			}
		}
		i += n
	}
	return false
}

// allPersonsRE says every applicant was a natural person.
var allPersonsRE = newWords("均为自然人", "全部为自然人", "均系自然人")

// allPersons copies the application total to the natural-person column
// when the report says every applicant was one ("申请人均为自然人").
func (x *extractor) allPersons(s span) {
	if !x.seen["apps_new.total"] || !allPersonsRE.MatchString(s.text) {
		return
	}
	for _, m := range x.out {
		if m.Key == "apps_new.total" {
			x.add(s, "apps_new.person", m.Value, m.Approx, ruleAllPersons, "")
			return
		}
	}
}

// staff reads the legacy staffing figures: "配备了1名兼职工作人员".
func (x *extractor) staff(s span, m mention) {
	near := m.before + prefixRunes(m.after, 6)
	if !strings.Contains(s.text+s.section+x.prev, "公开") {
		return
	}
	switch {
	case strings.Contains(near, "兼职"):
		x.add(s, "staff.parttime", m.value, m.approx, ruleStaff, "")
	case strings.Contains(near, "专职"):
		x.add(s, "staff.fulltime", m.value, m.approx, ruleStaff, "")
	}
}

// tailRE is a pattern anchored at the end of the text ($) that is matched on
// the last n bytes only: Go's matcher tries every start position of the
// text, and no match of these patterns is longer than n.
// Every match holds one of the literals need, so the pattern runs only
// where one is found.
type tailRE struct {
	n    int
	need []string
	re   *regexp.Regexp
}

// MatchString reports whether the end of s matches.
func (t tailRE) MatchString(s string) bool {
	s = tail(s, t.n)
	return containsAny(s, t.need...) && t.re.MatchString(s)
}

// FindStringSubmatch returns the match at the end of s and its groups.
func (t tailRE) FindStringSubmatch(s string) []string {
	s = tail(s, t.n)
	if !containsAny(s, t.need...) {
		return nil
	}
	return t.re.FindStringSubmatch(s)
}

// tail returns at most the last n bytes of s, cut at a rune boundary.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}
