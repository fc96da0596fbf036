package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// filler is report boilerplate without figures: what fills most of a real
// report between the sentences that carry numbers.
var filler = []string{
	"坚持以公开为常态、不公开为例外，围绕中心工作，不断加大政府信息公开力度",
	"严格落实政府信息公开工作责任制，主要领导亲自抓，分管领导具体抓，办公室牵头协调，各科室分工负责",
	"进一步完善政府信息公开保密审查机制，坚持先审查、后公开和一事一审原则",
	"健全依申请公开办理流程，规范受理、审核、答复、归档等各个环节",
	"加强政府网站信息公开专栏建设，及时更新机构职能、政策文件、工作动态等栏目内容",
	"围绕群众关心关注的热点问题，及时发布权威信息，主动回应社会关切",
	"认真落实政策文件与解读材料同步起草、同步审批、同步发布的要求",
	"组织工作人员认真学习《中华人民共和国政府信息公开条例》，提高依法公开意识和业务能力",
	"推进决策、执行、管理、服务、结果公开，保障人民群众的知情权、参与权、表达权和监督权",
	"加强对政府信息公开工作的监督检查，将政务公开工作纳入年度绩效考核",
	"依托政务服务大厅设置政府信息公开查阅点，方便群众查阅",
	"完善信息发布审核机制，确保公开信息内容准确、表述规范、发布及时",
	"持续做好政务新媒体管理，规范信息发布流程，提升政务新媒体传播力和影响力",
	"对照主动公开基本目录，梳理本机关应当主动公开的政府信息，实行动态调整",
	"在门户网站开设政策解读专栏，采用图文、视频等多种形式解读政策",
	"严格执行政府信息公开申请登记、审核、办理、答复、归档制度，做到件件有回复",
	"积极推进基层政务公开标准化规范化建设，梳理完善事项标准目录",
	"加强政务公开队伍建设，定期开展业务培训，提升工作人员业务水平",
	"政府信息公开工作与群众期盼相比仍有差距，公开内容的深度和广度有待进一步拓展",
	"部分栏目信息更新不够及时，政策解读形式较为单一，公众参与度有待提高",
	"下一步，将继续深入贯彻落实政府信息公开条例，不断提升政府信息公开工作质量",
	"进一步加强人员培训，提高工作人员对政府信息公开工作重要性的认识",
	"加大重点领域信息公开力度，推动财政预决算、重大建设项目、公共资源配置等领域信息公开",
	"健全完善依申请公开答复工作机制，严格依法依规答复，切实降低行政复议和诉讼风险",
	"强化政务舆情回应，建立健全舆情收集、会商、研判、回应、评估机制",
}

// fillerPara joins n boilerplate sentences into a paragraph.
func fillerPara(r *rand.Rand, n int) string {
	n = min(n, len(filler))
	parts := make([]string, n)
	for i, j := range r.Perm(len(filler))[:n] {
		parts[i] = filler[j]
	}
	return strings.Join(parts, "，") + "。"
}

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// count prints a count as prose does: usually digits, sometimes Chinese
// numerals for small numbers, sometimes with a space before the unit.
func count(r *rand.Rand, n int, unit string) string {
	switch {
	case n == 2 && chance(r, 0.1):
		return "两" + unit
	case n >= 1 && n <= 10 && chance(r, 0.08):
		return cnDigits[n] + unit
	case chance(r, 0.04):
		return strconv.Itoa(n) + " " + unit
	}
	return strconv.Itoa(n) + unit
}

// proseProactive writes the proactive-disclosure sentences and labels what
// they state. withChannels adds the channel counts.
func (b *builder) proseProactive(a Agency, year int, p proactive, since int, withChannels bool) {
	r := b.r
	self := a.Self
	var s strings.Builder
	approx := chance(r, 0.1)
	total := count(r, p.total, "条")
	if approx {
		total = strconv.Itoa(p.total) + pick(r, "余条", "多条")
	}
	if since > p.total && !approx && chance(r, 0.08) {
		// P10: the stock since inception first, this year's figure after it.
		fmt.Fprintf(&s, "%s到年底累计主动公开政府信息%d条，其中，本年度新增主动公开政府信息%d条。", self, since, p.total)
		b.set("proactive.total", float64(p.total), false)
		b.proseChannels(&s, a, p, withChannels)
		b.para(s.String())
		return
	}
	switch r.IntN(5) {
	case 0:
		fmt.Fprintf(&s, "%d年，%s共主动公开政府信息%s", year, self, total)
	case 1:
		fmt.Fprintf(&s, "全年主动公开政府信息%s", total)
	case 2:
		fmt.Fprintf(&s, "年内累计主动公开各类政府信息%s", total)
	case 3:
		fmt.Fprintf(&s, "本年度%s通过各种渠道主动公开政府信息%s", self, total)
	default:
		fmt.Fprintf(&s, "%d年度共主动公开政府信息%s", year, total)
	}
	b.set("proactive.total", float64(p.total), approx)
	if !approx && p.total > 20 && chance(r, 0.4) {
		// N1: components of the total, with shares (percentages are never counts).
		a := p.total * (30 + r.IntN(30)) / 100
		bb := p.total * (10 + r.IntN(20)) / 100
		cc := p.total - a - bb
		fmt.Fprintf(&s, "，其中工作动态类信息%d条，占%.2f%%；政策文件类信息%d条，占%.2f%%；其他类信息%d条",
			a, 100*float64(a)/float64(p.total), bb, 100*float64(bb)/float64(p.total), cc)
	}
	s.WriteString("。")
	if since > p.total && chance(r, 0.3) {
		// 累计 since inception is not this year's figure.
		fmt.Fprintf(&s, "自%d年以来，%s累计主动公开政府信息%d条。", pick(r, 2008, 2009, 2010), self, since)
	}
	if p.total > 0 && chance(r, 0.2) {
		fmt.Fprintf(&s, "较%d年增长%d%%。", year-1, 1+r.IntN(30))
	}
	b.proseChannels(&s, a, p, withChannels)
	b.para(s.String())
}

// proseChannels writes the channel counts (P3, P5, P6, P7) and the policy
// interpretations (P12).
func (b *builder) proseChannels(s *strings.Builder, a Agency, p proactive, withChannels bool) {
	r := b.r
	if withChannels {
		switch r.IntN(7) {
		case 5:
			// A portal named without 网站 (real-variants 13): 政务网, 信息网, "中国XX".
			place := shortPlace(a)
			site := pick(r, place+"政务网", place+"人民政府信息网", "“中国"+place+"”门户", "“中国"+place+"”")
			fmt.Fprintf(s, "全年通过%s发布政府信息%s。", site, count(r, p.website, "条"))
			b.set("proactive.website", float64(p.website), false)
		case 6:
			// Channels each with a count, listed under one verb.
			fmt.Fprintf(s, "其中，门户网站%s，政务微信%s，政务微博%s。",
				count(r, p.website, "条"), count(r, p.wechat, "条"), count(r, p.weibo, "条"))
			b.set("proactive.website", float64(p.website), false)
			b.set("proactive.wechat", float64(p.wechat), false)
			b.set("proactive.weibo", float64(p.weibo), false)
		case 0:
			fmt.Fprintf(s, "其中，通过政府网站公开信息%s，通过政务微博发布各类信息%s，政务微信发布各类信息%s。",
				count(r, p.website, "条"), count(r, p.weibo, "条"), count(r, p.wechat, "条"))
			b.set("proactive.website", float64(p.website), false)
			b.set("proactive.weibo", float64(p.weibo), false)
			b.set("proactive.wechat", float64(p.wechat), false)
		case 1:
			fmt.Fprintf(s, "门户网站公开%s，微信公众号推送%d期%s。", count(r, p.website, "条"), 1+p.wechat/3, count(r, p.wechat, "条"))
			b.set("proactive.website", float64(p.website), false)
			b.set("proactive.wechat", float64(p.wechat), false)
		case 2:
			fmt.Fprintf(s, "通过微博、微信等新媒体发布信息%s。", count(r, p.weibo+p.wechat, "条"))
			b.set("proactive.new_media", float64(p.weibo+p.wechat), false)
		case 3:
			fmt.Fprintf(s, "全年在门户网站主动公开%d条政务信息。", p.website)
			b.set("proactive.website", float64(p.website), false)
		default:
			fmt.Fprintf(s, "政府网站公开信息%s。", count(r, p.website, "条"))
			b.set("proactive.website", float64(p.website), false)
		}
		if p.gazette > 0 && chance(r, 0.5) {
			fmt.Fprintf(s, "通过政府公报公开政府信息%s。", count(r, p.gazette, "条"))
			b.set("proactive.gazette", float64(p.gazette), false)
		}
	}
	if p.interpretations > 0 && chance(r, 0.5) {
		fmt.Fprintf(s, "%s发布政策解读稿件%s。", pick(r, "全年", "本年度", ""), count(r, p.interpretations, "篇"))
		b.set("proactive.interpretations", float64(p.interpretations), false)
	}
}

// proseApplications writes the applications sentences. granted, partial and
// denied are stated only when withOutcomes is set (the pre-2019 wording).
func (b *builder) proseApplications(year int, self string, received int, outcomes *legacyApps) {
	r := b.r
	var s strings.Builder
	if received == 0 {
		switch r.IntN(8) {
		case 5:
			s.WriteString("本年度依申请办理事项为零。")
		case 6:
			fmt.Fprintf(&s, "%d年，%s没有依申请公开的政府信息。", year, self)
		case 7:
			s.WriteString("依申请公开政府信息情况：无")
		case 4:
			s.WriteString("共受理依申请政府信息公开零件，不予受理零件。")
		case 0:
			fmt.Fprintf(&s, "%d年，%s未收到政府信息公开申请。", year, self)
		case 1:
			s.WriteString("本年度没有接到公民、法人或其他组织提出的政府信息公开申请。")
		case 2:
			fmt.Fprintf(&s, "全年共收到政府信息公开申请0件。")
		default:
			fmt.Fprintf(&s, "%d年度%s未收到要求公开政府信息的申请。", year, self)
		}
		b.set("apps_new.total", 0, false)
		b.para(s.String())
		return
	}
	switch r.IntN(5) {
	case 0:
		fmt.Fprintf(&s, "全年共收到政府信息公开申请%s", count(r, received, "件"))
	case 1:
		fmt.Fprintf(&s, "%d年，%s共受理依申请公开事项%s", year, self, count(r, received, "项"))
	case 2:
		fmt.Fprintf(&s, "全年共收到依申请公开申请%s", count(r, received, "件"))
	case 3:
		fmt.Fprintf(&s, "本年度%s收到政府信息公开申请%s", self, count(r, received, "件"))
	default:
		fmt.Fprintf(&s, "%d年度共收到群众申请公开政府信息函件%s", year, count(r, received, "封"))
	}
	b.set("apps_new.total", float64(received), false)
	if chance(r, 0.15) {
		// Trap 7: last year's figure in the same sentence.
		last := max(0, received+r.IntN(7)-3)
		if last != received {
			fmt.Fprintf(&s, "，较%d年的%d件%s", year-1, last, map[bool]string{true: "有所增加", false: "有所减少"}[received > last])
		}
	}
	if outcomes != nil {
		l := outcomes
		if chance(r, 0.4) {
			fmt.Fprintf(&s, "，其中当面申请%d件，网络申请%d件，信函申请%d件", l.channels[0], l.channels[2], l.channels[3])
			b.set("apps_channel.in_person", float64(l.channels[0]), false)
			b.set("apps_channel.online", float64(l.channels[2]), false)
			b.set("apps_channel.mail", float64(l.channels[3]), false)
		}
		if l.replies == l.received && chance(r, 0.7) {
			fmt.Fprintf(&s, "。已答复的申请中，同意公开%s，同意部分公开%s，不同意公开%s",
				count(r, l.granted, "件"), count(r, l.partial, "件"), count(r, l.denied, "件"))
			b.set("granted.total", float64(l.granted), false)
			b.set("partial.total", float64(l.partial), false)
			b.set("denied.total", float64(l.denied), false)
		}
	}
	switch {
	case outcomes != nil && outcomes.closed > 0 && chance(r, 0.3):
		// The legacy table's 申请办结数 and its split, in words.
		fmt.Fprintf(&s, "，办结%d件，其中按时办结%d件，延期办结%d件。", outcomes.closed, outcomes.onTime, outcomes.extended)
		b.set("apps_closed.total", float64(outcomes.closed), false)
		b.set("apps_closed.on_time", float64(outcomes.onTime), false)
		b.set("apps_closed.extended", float64(outcomes.extended), false)
	case outcomes != nil && outcomes.extended > 0:
		s.WriteString(pick(r, "，均已办结。", "。"))
	default:
		s.WriteString(pick(r, "，均在法定期限内予以答复。", "，答复率100%。", "，按时办结率100%。", "。"))
	}
	b.para(s.String())
}

// proseReview writes the review and litigation sentence.
func (b *builder) proseReview(review, upheld, litigation int) {
	r := b.r
	if review == 0 && litigation == 0 {
		b.para(pick(r,
			"本年度未发生因政府信息公开引发的行政复议和行政诉讼案件。",
			"未发生针对本机关有关政府信息公开的行政复议案和行政诉讼案。",
			"全年没有出现因政府信息公开申请提起行政复议和行政诉讼的情况。",
			"无涉及政府信息公开的行政复议、诉讼案件。",
			"因政府信息公开申请行政复议、提起行政诉讼情况：无"))
		b.set("review.total", 0, false)
		b.set("litigation.total", 0, false)
		return
	}
	if review > 0 && upheld == review && litigation == 0 && chance(r, 0.4) {
		b.para(fmt.Sprintf("涉及政府信息公开的行政复议%s，作维持情形处理；未发生行政诉讼案件。", count(r, review, "起")))
		b.set("review.total", float64(review), false)
		b.set("review.upheld", float64(review), false)
		b.set("litigation.total", 0, false)
		return
	}
	b.para(fmt.Sprintf("本年度因政府信息公开被申请行政复议%s，被提起行政诉讼%s。",
		count(r, review, pick(r, "件", "起")), count(r, litigation, pick(r, "件", "起"))))
	b.set("review.total", float64(review), false)
	b.set("litigation.total", float64(litigation), false)
}

// proseCarried writes P16: applications handled including last year's,
// which states both this year's new applications and the carry-over.
func (b *builder) proseCarried(year int, self string, newApps, carried int) {
	b.para(fmt.Sprintf("%d年，%s依法办理政府信息公开申请%d件（含%d年结转%d件），均在法定期限内答复。",
		year, self, newApps+carried, year-1, carried))
	// Only what is printed: the new ones would be a difference (P16).
	b.set("apps_carried_over.total", float64(carried), false)
}

// proseFees writes the pre-2019 fee sentence (fees in 元, labelled in 万元).
func (b *builder) proseFees(year int, self string, yuan int) {
	r := b.r
	if yuan == 0 {
		b.para(pick(r,
			fmt.Sprintf("%d年度，%s没有向依申请公开对象收取任何费用，也无减免情况。", year, self),
			"本年度政府信息公开没有收费和减免情况。",
			"对信息公开免费提供，未收取任何费用。",
			"依申请公开收费和减免为零。",
			"政府信息公开的收费及减免情况：无"))
		b.set("fees.collected", 0, false)
		return
	}
	b.para(fmt.Sprintf("依申请公开收取的费用（检索费、邮寄费、复制费等）为%d元。", yuan))
	b.set("fees.collected", float64(yuan)/10000, false)
}

// traps writes sentences whose numbers look like figures of the report but
// are not: other bodies' caseloads, phone numbers, document numbers.
func (b *builder) traps(a Agency, year int) {
	r := b.r
	var s []string
	if a.Kind == "司法局" {
		s = append(s, fmt.Sprintf("全年共办理法律援助案件%d件，接待群众法律咨询%d人次", 100+r.IntN(3000), 500+r.IntN(9000)))
		if a.Level != "county" || chance(r, 0.5) {
			// I-S1: the bureau is the government's reconsideration office;
			// its caseload is not the reviews of its own disclosure decisions.
			n := 5 + r.IntN(200)
			s = append(s, fmt.Sprintf("作为%s行政复议机构，全年共收到行政复议申请%d件，审结%d件", pick(r, "本级政府", "政府"), n, n-r.IntN(5)))
		}
		if chance(r, 0.3) {
			s = append(s, fmt.Sprintf("在门户网站公开行政复议决定书%d份", 1+r.IntN(40)))
		}
	}
	if chance(r, 0.5) {
		s = append(s, fmt.Sprintf("办理12345政务服务便民热线转办工单%d件，群众来信%d件", 20+r.IntN(2000), r.IntN(900)))
	}
	if chance(r, 0.4) {
		s = append(s, fmt.Sprintf("门户网站全年总访问量%d次，回复网民留言%d条", 5000+r.IntN(500000), r.IntN(800)))
	}
	if chance(r, 0.3) {
		// Document numbers: the circular in force for the report's year.
		switch {
		case year >= 2021:
			s = append(s, "按照《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求")
		case year >= 2019:
			s = append(s, "按照《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式（试行）〉的通知》（国办公开办函〔2019〕60号）要求")
		case year >= 2014:
			s = append(s, "按照《国务院办公厅关于加强和规范政府信息公开情况统计报送工作的通知》（国办发〔2014〕32号）要求")
		}
	}
	if len(s) > 0 {
		b.para(strings.Join(s, "；") + "。")
	}
}

// contact writes the report's contact line: a phone, a postcode, an address.
func (b *builder) contact(a Agency) string {
	r := b.r
	return fmt.Sprintf("如对本报告有任何疑问，请与%s办公室联系（地址：人民路%d号；邮编：%d；电话：0%d-%d；电子邮箱：xxgk%d@163.com）。",
		a.Name, 1+r.IntN(300), 100000+r.IntN(800000), 10+r.IntN(900), 60000000+r.IntN(30000000), r.IntN(1000))
}

// period writes the statistics period sentence; sometimes the 年/月/日
// glyphs were lost in extraction, leaving fake numbers such as 202011.
func (b *builder) period(year int) string {
	if chance(b.r, 0.08) {
		return fmt.Sprintf("本报告中所列数据的统计期限自%d11日起至%d1231日止。", year, year)
	}
	return fmt.Sprintf("本报告中所列数据的统计期限自%d年1月1日起至%d年12月31日止。", year, year)
}

// shortPlace is the last place name of an agency's name without its
// suffix, as portals are named ("中国姑苏", "青岛政务网").
func shortPlace(a Agency) string {
	rs := []rune(a.Name)
	end := -1
	for i := len(rs) - 1; i >= 0; i-- {
		if strings.ContainsRune("省市区县州旗盟", rs[i]) && i < len(rs)-1 || i == len(rs)-1 && strings.ContainsRune("市区县", rs[i]) {
			end = i
			break
		}
	}
	if end < 1 {
		return string(rs[:min(2, len(rs))])
	}
	start := end - 1
	for start > 0 && !strings.ContainsRune("省市区县州旗盟", rs[start-1]) {
		start--
	}
	if end-start < 2 {
		return string(rs[start : end+1])
	}
	return string(rs[start:end])
}

// areaWord is how a government's report names its whole area and itself
// ("全区", "区政府"), or false for a government that has no parts to
// aggregate (a township) or a department.
func areaWord(a Agency) (string, string, bool) {
	if a.Kind != "人民政府" || !strings.HasPrefix(a.Self, "本") {
		return "", "", false
	}
	x := strings.TrimPrefix(a.Self, "本")
	switch x {
	case "区", "县", "市", "省", "州", "旗":
		return "全" + x, x + "政府", true
	}
	return "", "", false
}

// proseScopePair writes the area's applications and the government's own
// (real-variants 11): the report's own scope, 本级, is its figure.
func (b *builder) proseScopePair(a Agency, year, own int) bool {
	area, gov, ok := areaWord(a)
	if !ok {
		return false
	}
	r := b.r
	all := own + 1 + poisson(r, float64(own)*3+5)
	switch r.IntN(2) {
	case 0:
		b.para(fmt.Sprintf("%d年，%s共受理政府信息公开申请%d件，%s本级共受理%d件。", year, area, all, gov, own))
	default:
		b.para(fmt.Sprintf("全年%s各级行政机关共收到政府信息公开申请%d件，其中%s本级收到%d件。", area, all, gov, own))
	}
	b.set("apps_new.total", float64(own), false)
	return true
}

// proseOutcomes writes the answers of the 2019/2021 table as a sentence
// (real-variants 14): the rows, the carry-overs, a reason row.
func (b *builder) proseOutcomes(t appTable) {
	r := b.r
	sum := func(prefix string) int {
		n := 0
		for k := range t {
			if strings.HasPrefix(k, prefix) {
				n += t.total(k)
			}
		}
		return n
	}
	granted, partial := t.total("granted"), t.total("partial")
	denied, unavailable, unprocessed := sum("denied_"), sum("unavailable_"), sum("unprocessed_")
	other := t.total("other") + sum("other_")
	total, over, fwd := t.total("outcome_total"), t.total("apps_carried_over"), t.total("apps_carried_forward")
	var s strings.Builder
	switch {
	case over > 0 && chance(r, 0.5):
		if fwd > 0 {
			fmt.Fprintf(&s, "答复政府信息公开申请%d件（含上年度结转申请%d件，另有%d件申请顺延至下年度答复）。", total, over, fwd)
			b.set("apps_carried_forward.total", float64(fwd), false)
		} else {
			fmt.Fprintf(&s, "答复政府信息公开申请%d件（含上年度结转申请%d件）。", total, over)
		}
		b.set("outcome_total.total", float64(total), false)
		b.set("apps_carried_over.total", float64(over), false)
	case chance(r, 0.5):
		fmt.Fprintf(&s, "本年度办结%d件，结转下年度继续办理%d件。", total, fwd)
		b.set("outcome_total.total", float64(total), false)
		b.set("apps_carried_forward.total", float64(fwd), false)
	}
	rows := []struct {
		word, key string
		n         int
	}{
		{"予以公开", "granted.total", granted}, {"部分公开", "partial.total", partial},
		{"不予公开", "denied.total", denied}, {"无法提供", "unavailable.total", unavailable},
		{"不予处理", "unprocessed.total", unprocessed}, {"其他处理", "other.total", other},
	}
	if chance(r, 0.2) {
		// Two rows together are neither row (a trap): "予以公开及部分公开".
		fmt.Fprintf(&s, "予以公开及部分公开%d件，占%.1f%%。", granted+partial, 100*float64(granted+partial)/float64(max(total, 1)))
		rows = rows[2:]
	}
	figureFirst := chance(r, 0.3)
	parts := make([]string, 0, len(rows))
	for _, row := range rows {
		switch {
		case row.word == "无法提供" && row.n > 0 && row.n == t.total("unavailable_not_held") && chance(r, 0.4):
			// One reason's row: the sub-row only.
			parts = append(parts, fmt.Sprintf("由于本机关不掌握相关政府信息而无法提供%d件", row.n))
			b.set("unavailable_not_held.total", float64(row.n), false)
			continue
		case row.word == "无法提供" && row.n > 0 && chance(r, 0.4):
			parts = append(parts, fmt.Sprintf("因本机关不掌握等原因无法提供%d件", row.n))
		case figureFirst:
			parts = append(parts, fmt.Sprintf("%d件%s", row.n, row.word))
		default:
			parts = append(parts, fmt.Sprintf("%s%d件", row.word, row.n))
		}
		b.set(row.key, float64(row.n), false)
	}
	sep := pick(r, "，", "；")
	fmt.Fprintf(&s, "%s%s。", pick(r, "其中，", "办理结果：", ""), strings.Join(parts, sep))
	b.para(s.String())
}

// proseReviewResults writes the review and litigation counts with their
// results written out (real-variants 15).
func (b *builder) proseReviewResults(review, lit reviewFigures) {
	r := b.r
	var s strings.Builder
	if review.total() > 0 {
		fmt.Fprintf(&s, "因政府信息公开被申请行政复议%d件，其中结果维持%d件，结果纠正%d件，其他结果%d件，尚未审结%d件。",
			review.total(), review[0], review[1], review[2], review[3])
		b.set("review.total", float64(review.total()), false)
		b.set("review.upheld", float64(review[0]), false)
		b.set("review.corrected", float64(review[1]), false)
		b.set("review.other", float64(review[2]), false)
		b.set("review.pending", float64(review[3]), false)
	} else {
		s.WriteString("本年度未发生因政府信息公开被申请行政复议的情况。")
		b.set("review.total", 0, false)
	}
	if n := lit.total(); n > 0 && lit[3] == n && chance(r, 0.6) {
		fmt.Fprintf(&s, "被提起行政诉讼%d件，目前正在法院审理中。", n)
		b.set("litigation.total", float64(n), false)
		b.set("litigation.pending", float64(n), false)
	}
	b.para(s.String())
}

// proseComponents writes kinds of document published (a trap, real-variants
// 12): a count of one kind is neither the total nor the website's count.
func (b *builder) proseComponents(year int, t art20) {
	r := b.r
	other := 5 + poisson(r, 30)
	switch r.IntN(3) {
	case 0:
		b.para(fmt.Sprintf("%d年，通过门户网站和政府公报主动公开规范性文件%d件、其他文件%d件。", year, t.normIssued, other))
	case 1:
		b.para(fmt.Sprintf("%d年，通过门户网站主动公开公文%d件（含规范性文件%d件）。", year, other+t.normIssued, t.normIssued))
	default:
		b.para(fmt.Sprintf("门户网站全年发布部门工作动态%d篇。", other))
	}
}

// proseArticle20 writes the 2021 form's document counts in a sentence.
func (b *builder) proseArticle20(t art20) {
	b.para(fmt.Sprintf("全年制发行政规范性文件%d件，废止%d件，现行有效的行政规范性文件共%d件。", t.normIssued, t.normRepealed, t.normInForce))
	b.set("art20.normative.issued", float64(t.normIssued), false)
	b.set("art20.normative.repealed", float64(t.normRepealed), false)
	b.set("art20.normative.in_force", float64(t.normInForce), false)
}

// proseLegacyIndicators writes the legacy table's indicators in sentences
// (real-variants 17): places, staff, trainings, press conferences.
func (b *builder) proseLegacyIndicators(l legacyApps, p proactive) {
	r := b.r
	var parts []string
	if l.readingPoints > 0 {
		parts = append(parts, fmt.Sprintf("设立政府信息公开查阅点%d个", l.readingPoints))
		b.set("staff.reading_points", float64(l.readingPoints), false)
	}
	if l.parttime > 0 {
		parts = append(parts, fmt.Sprintf("配备政府信息公开兼职工作人员%d名", l.parttime))
		b.set("staff.parttime", float64(l.parttime), false)
	}
	if l.trainings > 0 {
		parts = append(parts, fmt.Sprintf("举办政府信息公开培训%d场，培训%d人次", l.trainings, l.trainees))
		b.set("trainings.total", float64(l.trainings), false)
		b.set("trainees.total", float64(l.trainees), false)
	}
	if p.pressConf > 0 && chance(r, 0.6) {
		parts = append(parts, fmt.Sprintf("参加或举办新闻发布会%d次", p.pressConf))
		b.set("response.press_conferences", float64(p.pressConf), false)
	}
	if p.interviews > 0 && chance(r, 0.6) {
		parts = append(parts, fmt.Sprintf("开展政府网站在线访谈%d次", p.interviews))
		b.set("response.online_interviews", float64(p.interviews), false)
	}
	if p.hotTopics > 0 && chance(r, 0.4) {
		parts = append(parts, fmt.Sprintf("回应社会关切%d次", p.hotTopics))
		b.set("response.hot_topics", float64(p.hotTopics), false)
	}
	if l.meetings > 0 && chance(r, 0.4) {
		parts = append(parts, fmt.Sprintf("召开政府信息公开工作会议%d次", l.meetings))
		b.set("meetings.total", float64(l.meetings), false)
	}
	if len(parts) > 0 {
		b.para(strings.Join(parts, "，") + "。")
	}
}
