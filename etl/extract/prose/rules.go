package prose

import (
	"strings"
	"unicode/utf8"
)

// Rule codes name the mechanism that read a figure; they are stable (the
// database, the exchange format and the site keep them). Rules lists each
// with a one-line Chinese description for the pages and workbooks.
const (
	ruleProactiveTotal   = "P1.proactive_total"
	ruleProactiveChannel = "P5.proactive_channel"
	ruleNewMedia         = "P7.new_media"
	ruleGazette          = "P13.gazette"
	ruleInterpretations  = "P12.interpretations"
	ruleAppsReceived     = "P14.apps_received"
	ruleAllPersons       = "P14.all_persons"
	ruleAppsPerson       = "P14.apps_person"
	ruleAppsHandled      = "P16.apps_handled"
	ruleAppsCarried      = "P16.apps_carried_over"
	ruleAppsNone         = "P18.apps_none"
	ruleAppsChannel      = "P19.apps_channel"
	ruleOutcome          = "P20.outcome"
	ruleReason           = "P20.reason"
	ruleCarriedForward   = "P20.carried_forward"
	ruleOutcomeTotal     = "P22.outcome_total"
	ruleAppsClosed       = "P22.apps_closed"
	ruleCasesNone        = "P24.cases_none"
	ruleCases            = "P25.cases"
	ruleCaseResult       = "P25.case_result"
	ruleResultNone       = "P25.result_none"
	ruleFeesNone         = "P28.fees_none"
	ruleFees             = "P29.fees"
	ruleTopicNone        = "Z.topic_none"
	ruleStaff            = "L.staff"
	ruleReadingPoints    = "L.reading_points"
	ruleTrainings        = "L.trainings"
	rulePress            = "L.press_conferences"
	ruleInterviews       = "L.online_interviews"
	ruleHotTopics        = "L.hot_topics"
	ruleMeetings         = "L.meetings"
	ruleNormativePublic  = "L.normative_disclosed"
	ruleArt20            = "A20.documents"
	ruleDecisions        = "A20.decisions"
	ruleAmbiguous        = "X.ambiguous"
)

// Rule is a mechanism of the prose reader: its code and what it reads.
type Rule struct {
	Code string // stable code, stored with every figure it read
	Desc string // one line in Chinese, for pages and workbooks
}

// Rules lists every rule code the prose reader stores, with its description.
var Rules = []Rule{
	{ruleProactiveTotal, "主动公开政府信息总数：公开动词加“信息”，未限于某一渠道，或同时列出多个渠道"},
	{ruleProactiveChannel, "某一渠道（政府网站、政务微博、政务微信）发布的信息数，含“政务网”“中国XX”等网站名称"},
	{ruleNewMedia, "新媒体合计：多个新媒体渠道或“新媒体”合并给出的一个数"},
	{ruleGazette, "政府公报刊登的文件或信息数"},
	{ruleInterpretations, "发布政策解读（稿件、材料、信息）数；“解读N次”与“文件及解读”合计不计"},
	{ruleAppsReceived, "收到或受理的政府信息公开申请数"},
	{ruleAllPersons, "申请人均为自然人时，自然人申请数等于申请总数"},
	{ruleAppsPerson, "自然人（公民个人）提出的申请数"},
	{ruleAppsHandled, "“办理…申请N件”且未说明含上年结转，且未另给收到数：作为收到申请数"},
	{ruleAppsCarried, "上年结转的申请数，含“答复N件（含上年度结转M件）”中的M"},
	{ruleAppsNone, "未收到、没有政府信息公开申请：申请数为零"},
	{ruleAppsChannel, "按渠道（网上、信函、当面、传真）收到的申请数"},
	{ruleOutcome, "办理结果一行（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理）"},
	{ruleReason, "办理结果的细项理由（国家秘密、第三方、内部事务、本机关不掌握、重复申请等）"},
	{ruleCarriedForward, "结转下年度继续办理、顺延至下年、办理中的申请数"},
	{ruleOutcomeTotal, "本年度答复、办结的申请总数（收到数之后的答复数，或含上年结转的办理数）"},
	{ruleAppsClosed, "申请办结数及其按时、延期办结数（2019年以前的统计表口径）"},
	{ruleCasesNone, "未发生因政府信息公开引起的行政复议、行政诉讼：案件数为零"},
	{ruleCases, "因政府信息公开被申请行政复议、被提起行政诉讼的案件数"},
	{ruleCaseResult, "行政复议、行政诉讼的结果（维持、纠正、撤销、尚未审结）"},
	{ruleResultNone, "已有案件中未发生被纠错、败诉：纠错数为零"},
	{ruleFeesNone, "未收取任何费用、没有收费和减免：收费为零"},
	{ruleFees, "依申请公开收取的费用，元换算为万元"},
	{ruleTopicNone, "“某事项：无”“某事项为零”：该事项为零"},
	{ruleStaff, "政府信息公开专职、兼职工作人员数"},
	{ruleReadingPoints, "政府信息查阅场所、查阅点数"},
	{ruleTrainings, "政府信息公开培训的场次与接受培训的人次"},
	{rulePress, "举办或参加新闻发布会的次数"},
	{ruleInterviews, "在线访谈的次数"},
	{ruleHotTopics, "回应公众关注热点或重大舆情的次数"},
	{ruleMeetings, "召开政府信息公开工作会议或专题会议的次数"},
	{ruleNormativePublic, "主动公开总数之下列出的规范性文件数（2019年以前的统计表口径）"},
	{ruleArt20, "第二十条文件数：制发、废止、现行有效的规章和规范性文件"},
	{ruleDecisions, "第二十条处理决定数：行政处罚、行政许可、行政强制决定"},
	{ruleAmbiguous, "读到但不取值的数：两种读法、缺单位、范围不明、区间、派生数"},
}

// Describe returns the Chinese description of a rule code, "" when unknown.
func Describe(code string) string {
	for _, r := range Rules {
		if r.Code == code {
			return r.Desc
		}
	}
	return ""
}

// ruleFor is the rule code of a key read by the proactive and legacy readers.
func ruleFor(key string) string {
	switch key {
	case "proactive.total":
		return ruleProactiveTotal
	case "proactive.new_media":
		return ruleNewMedia
	case "proactive.gazette":
		return ruleGazette
	case "proactive.interpretations":
		return ruleInterpretations
	case "legacy.normative_disclosed":
		return ruleNormativePublic
	case "staff.reading_points":
		return ruleReadingPoints
	case "trainings.total", "trainees.total":
		return ruleTrainings
	case "response.press_conferences":
		return rulePress
	case "response.online_interviews":
		return ruleInterviews
	case "response.hot_topics":
		return ruleHotTopics
	case "meetings.total":
		return ruleMeetings
	case "staff.fulltime", "staff.parttime":
		return ruleStaff
	}
	return ruleProactiveChannel
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
