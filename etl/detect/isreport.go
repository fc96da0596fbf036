package detect

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Whether a text is an annual report is a scored decision over the whole
// text, not one cue word: copies lose their titles, mirrors print only
// traditional characters (normalised before this runs), a notice may wrap
// the report, and a news item or a work summary speaks the same vocabulary.
// Each kind of evidence adds points; a text is a report when the points
// reach reportThreshold and no title names another kind of document, or
// when a wrapped report's own structure outweighs its wrapper's title.

// reportThreshold is the score a report reaches; the minimal real copy (a
// title, or a "本报告" sentence and a subject) reaches it, a guide or a
// work plan does not.
const reportThreshold = 4

// framingCues say the text presents itself as a report on a period's work.
var framingCues = []struct {
	cue    string
	points float64
}{
	{"年度报告", 3}, {"年报", 3}, {"本报告", 3}, {"本年度报告", 3}, {"报告全文", 2},
	{"报告如下", 2}, {"汇报如下", 2}, {"总结如下", 2}, {"数据统计", 2}, {"自评", 1}, {"工作报告", 1},
}

// sectionCues are headings of the national forms (2019 on: 总体情况 …
// 其他需要报告的事项; legacy: 概述 … 改进措施) and the subsections of 总体情况.
var sectionCues = []string{
	"总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请", "被申请行政复议", "提起行政诉讼",
	"存在的主要问题", "其他需要报告的事项", "概述", "依申请公开政府信息情况", "收费及减免", "改进措施",
	"主动公开方面", "主动公开情况", "依申请公开情况", "依申请公开方面", "政府信息管理", "平台建设", "监督保障",
}

// tableCues are the row and column labels of the national tables.
var tableCues = []string{
	"本年新收政府信息公开申请数量", "申请人情况", "予以公开", "本年制发件数", "本年新制作数量", "现行有效件数",
	"处理决定数量", "维持具体行政行为", "申请答复数", "同意公开", "不予公开", "行政复议", "行政诉讼",
}

// periodCues state the statistics period.
var periodCues = []string{"统计期限", "统计时限", "统计期间", "1月1日", "12月31日"}

// openingHeadings start a report whose title was lost (real-variants item 8).
var openingHeadings = []string{"一、总体情况", "一、概述", "一、概况", "一、总体", "一、 总体情况", "一、 概述"}

// otherDocs end the titles of documents that talk about reports without being
// one: "关于做好2015年政府信息公开年度报告编制工作的通知", 工作要点, 工作总结.
var otherDocs = []string{"通知", "意见", "办法", "方案", "指南", "规定", "细则", "公告", "公示", "要点", "目录", "决定", "函",
	"总结", "计划", "公报", "规划"}

// wrapperVerbs start a notice that carries a report: 关于印发…年度报告的通知.
var wrapperVerbs = []string{"印发", "转发", "公布", "发布"}

// newsVerbs appear in the titles of news items about a report, never in a
// report's own title.
var newsVerbs = []string{"出炉", "亮相", "召开", "举行", "解读", "图解", "一图读懂", "新闻发布会", "答记者问"}

// scoreBytes bounds the text searched for sections and tables: a report
// shows its structure in its first pages.
const scoreBytes = 16000

// reportScore is what the text showed: its points and the kinds found.
type reportScore struct {
	points            float64
	subject, sections int
	framing, table    bool
	period, opening   bool
	titled            bool
	sentences         int
	full              bool // sections, tables and the period were looked for
}

// checkReport returns nil for an annual report and an error wrapping
// ErrNotReport that names what was missing otherwise. titles are the page's
// and the operator's titles, normalised.
func checkReport(norm string, h headInfo, titles []string) error {
	s := scoreReport(norm, h, titles)
	if s.subject == 0 {
		return errorf(ErrNotReport, "no 政府信息公开/政务公开/主动公开 in the opening part of the text")
	}
	if navigation(h, s) {
		if s.structure(norm, h); !s.structured() {
			return errorf(ErrNotReport, "only links or navigation: short lines, no sentences, no report sections, no tables")
		}
	}
	for _, title := range docTitles(h, titles) {
		if err := checkTitle(title, &s, norm, h); err != nil {
			return err
		}
	}
	if s.points < reportThreshold || s.sentences < 2 && !s.framing {
		s.structure(norm, h) // the rest of the evidence
	}
	if s.sentences < 2 && !s.framing && s.sections < 2 && !s.table {
		return errorf(ErrNotReport, "only links or navigation: no sentences, no report sections, no tables")
	}
	if s.points < reportThreshold {
		return errorf(ErrNotReport, "score %.1f below %d: %s", s.points, reportThreshold, s.missing())
	}
	return nil
}

// checkTitle refuses a title that names another kind of document, unless
// it wraps a report whose own structure shows below it.
func checkTitle(title string, s *reportScore, norm string, h headInfo) error {
	tt := strings.TrimRight(title, "。.》”\") ")
	aboutReport := strings.Contains(tt, "报告") || strings.Contains(tt, "年报")
	if strings.Contains(tt, "政府工作报告") && !strings.Contains(tt, "公开") {
		return errorf(ErrNotReport, "the title %q names a 政府工作报告, not a disclosure report", title)
	}
	if strings.Contains(tt, "统计公报") {
		return errorf(ErrNotReport, "the title %q names a 统计公报", title)
	}
	for _, d := range otherDocs {
		if !strings.HasSuffix(tt, d) {
			continue
		}
		s.structure(norm, h)
		if aboutReport && containsAny(tt, wrapperVerbs) && (s.structured() || s.framing && s.sections >= 1) {
			return nil // a notice wrapping the report: the report is below it
		}
		return errorf(ErrNotReport, "the title %q names a %s, and the text shows no report below it", title, d)
	}
	if containsAny(tt, newsVerbs) {
		if s.structure(norm, h); !s.structured() {
			return errorf(ErrNotReport, "the title %q is news about a report, and the text shows no report sections or tables", title)
		}
	}
	return nil
}

// docTitles are the titles a text goes by: the text's own title line (or,
// without one, its first short line naming a document) and the page's.
func docTitles(h headInfo, titles []string) []string {
	out := append([]string(nil), titles...)
	if h.title != "" {
		return append(out, h.title)
	}
	for i, l := range h.lines {
		if i == 5 {
			break
		}
		c, _ := cell(l)
		if utf8.RuneCountInString(c) <= 40 && !containsAny(c, sentenceMarks) && !containsAny(c, breadcrumbMarks) &&
			containsAny(c, titleWords) {
			return append(out, c)
		}
	}
	return out
}

// openBytes is the opening part where a report frames itself and names
// its subject.
const openBytes = 3000

// scoreReport adds up the cheap evidence that the text is an annual
// report: its subject, how it frames itself, its title. The costlier
// evidence (sections, tables, the period) is added by structure when these
// do not settle it. Cue words are found from their anchors (公开, 报), not
// searched for one by one: each search of a Chinese text costs a pass.
func scoreReport(norm string, h headInfo, titles []string) reportScore {
	var s reportScore
	head := prefix(norm, openBytes)
	s.subject = subjectCount(head)
	if s.subject == 0 {
		s.subject = subjectCount(prefix(norm, scoreBytes))
	}
	if s.subject > 0 {
		s.points++
	}
	if s.subject >= 3 {
		s.points++
	}
	for _, t := range append(append([]string(nil), titles...), h.title) {
		if containsAny(t, []string{"年度报告", "年报", "工作报告", "数据统计"}) && containsAny(t, []string{"信息公开", "政务公开"}) {
			s.titled = true
		}
	}
	if s.titled {
		s.points += 3
	}
	s.sentences = strings.Count(head, "。") + strings.Count(head, "；")
	if s.titled && s.subject > 0 && s.sentences >= 2 {
		return s // a titled report with a subject: nothing else can refuse it but its title
	}
	framing := framingPoints(head)
	s.framing = framing > 0
	s.points += min(framing, 4)
	for i, l := range h.lines {
		if i == 6 {
			break
		}
		if containsAny(l, openingHeadings) && strings.Index(l, "一、") < 12 {
			s.opening = true
		}
	}
	if s.opening {
		s.points += 2
	}
	return s
}

// subjectCount counts the disclosure subjects of s, from each 公开, up to
// three (all the score needs).
func subjectCount(s string) int {
	n := 0
	for from := 0; n < 3; {
		i := strings.Index(s[from:], "公开")
		if i < 0 {
			return n
		}
		i += from
		from = i + len("公开")
		before := s[:i]
		if strings.HasSuffix(before, "信息") || strings.HasSuffix(before, "政务") || strings.HasSuffix(before, "主动") ||
			strings.HasSuffix(before, "申请") {
			n++
		}
	}
	return n
}

// framingPoints adds the points of the framing cues of s, each once.
func framingPoints(s string) float64 {
	seen := map[string]bool{}
	pts := 0.0
	for from := 0; ; {
		i := strings.Index(s[from:], "报")
		if i < 0 {
			break
		}
		i += from
		from = i + len("报")
		for _, f := range framingCues {
			if seen[f.cue] {
				continue
			}
			k := strings.Index(f.cue, "报")
			if k < 0 || k > i || !strings.HasPrefix(s[i-k:], f.cue) {
				continue
			}
			if f.cue == "工作报告" && strings.HasSuffix(s[:i-k], "政府") {
				continue // 政府工作报告 is another document
			}
			seen[f.cue] = true
			pts += f.points
		}
	}
	for _, f := range framingCues {
		if !strings.Contains(f.cue, "报") && strings.Contains(s, f.cue) {
			pts += f.points
		}
	}
	return pts
}

// structure adds the sections, the table vocabulary, the statistics period
// and the opening heading, once.
func (s *reportScore) structure(norm string, h headInfo) {
	if s.full {
		return
	}
	s.full = true
	body := prefix(norm, scoreBytes)
	for _, c := range sectionCues {
		if strings.Contains(body, c) {
			s.sections++
		}
	}
	s.points += min(float64(s.sections), 5)
	tables := 0
	for _, c := range tableCues {
		if strings.Contains(body, c) {
			if tables++; tables == 2 {
				break
			}
		}
	}
	if s.table = tables >= 2; s.table {
		s.points += 2
	}
	if s.period = containsAny(prefix(norm, 6000), periodCues); s.period {
		s.points++
	}
}

// navigation reports whether the opening lines are a list of links: five
// or more short lines and no sentence.
func navigation(h headInfo, s reportScore) bool {
	if s.sentences >= 2 {
		return false
	}
	short := 0
	for _, l := range h.lines {
		if utf8.RuneCountInString(l) <= 20 && !containsAny(l, sentenceMarks) {
			short++
		}
	}
	return short >= 5 && short*4 >= len(h.lines)*3
}

// structured reports whether the text shows a report's structure.
func (s *reportScore) structured() bool { return s.sections >= 2 || s.table }

// missing names the kinds of evidence a refused text lacked.
func (s reportScore) missing() string {
	var miss []string
	if !s.titled {
		miss = append(miss, "no report title (…政府信息公开工作年度报告)")
	}
	if !s.framing {
		miss = append(miss, "no 年度报告/本报告/报告如下")
	}
	if s.sections < 2 {
		miss = append(miss, fmt.Sprintf("%d of the report sections (总体情况, 主动公开政府信息情况, 收到和处理政府信息公开申请…)", s.sections))
	}
	if !s.table {
		miss = append(miss, "no disclosure table vocabulary")
	}
	if !s.period {
		miss = append(miss, "no statistics period")
	}
	return strings.Join(miss, "; ")
}
