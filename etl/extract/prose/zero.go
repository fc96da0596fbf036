package prose

import (
	"regexp"
	"strings"
)

// Zeros written in words: a denial followed by the thing denied ("未收到…
// 申请", "未发生…行政复议和行政诉讼", "没有收取任何费用"), a topic answered
// with 无 ("依申请公开政府信息情况:无") or 为零 ("依申请办理事项为零"). A zero
// is a figure like any other: it is stored only when the words name what
// it is the zero of.

// zeroWindow bounds, in bytes, how far after a denial its object may stand.
const (
	caseWindow = 150
	appWindow  = 75
)

// zeroes reads the zero statements of the sentence.
func (r *reader) zeroes() {
	for i, t := range r.toks {
		if t.kind != kNeg || r.x.otherYear(r.s.text[:t.start]) {
			continue // "2016年未发生…" in a 2017 report is another year's
		}
		r.casesNone(i)
		r.resultsNone(i)
		r.appsNone(i)
	}
	r.topicNone()
	r.feesNone()
}

// casesNone reads "未发生(因政府信息公开引起的)行政复议和行政诉讼": the case
// kinds named after the denial, before any count, are zero.
func (r *reader) casesNone(at int) {
	neg := r.toks[at]
	var kinds [caseLitAfter + 1]bool
	any := false
	for i := at + 1; i < len(r.toks); i++ {
		t := r.toks[i]
		if t.start-neg.end > caseWindow || t.kind == kNum || t.kind == kNeg {
			break
		}
		if t.kind == kResult {
			break // "未发生被纠错、败诉": the results, not the cases
		}
		if t.kind == kCase {
			if r.countFollows(i) {
				break // "无行政复议,行政诉讼1起": the count speaks for itself
			}
			k := t.val
			if k == caseLitDirect || k == caseLitAfter {
				k = caseLitigation
			}
			kinds[k], any = true, true
		}
	}
	if !any || !r.foiHere() && !r.x.prevCase && !caseSection(r.s.section) {
		// "全区共发生…行政诉讼案件1起。…区政府本级未发生行政诉讼案件": the
		// sentence before, or the heading, ties the cases to disclosure.
		return
	}
	scope := r.scope
	if scope == 0 {
		scope = r.scopeBefore(at) // "区政府本级未发生…": the zero is 本级's
	}
	for k, ok := range kinds {
		if ok {
			r.x.candidate(r.s, caseKeys[k]+".total", 0, false, ruleCasesNone, "", scope, nil)
		}
	}
}

// scopeBefore returns the scope named before token at in its clause, or 0.
func (r *reader) scopeBefore(at int) uint8 {
	for i := at - 1; i >= 0; i-- {
		switch t := r.toks[i]; t.kind {
		case kScope:
			return t.val
		case kComma, kNum:
			return 0
		}
	}
	return 0
}

// countFollows reports whether a count follows token i in its clause.
func (r *reader) countFollows(i int) bool {
	for j := i + 1; j < len(r.toks); j++ {
		switch r.toks[j].kind {
		case kNum:
			return true
		case kComma, kNeg, kCase:
			return false
		}
	}
	return false
}

// resultsNone reads "已审结案件中,未发生被纠错、败诉情况" after case counts:
// the corrected result of each kind counted in the sentence is zero (败诉 is
// a suit's).
func (r *reader) resultsNone(at int) {
	neg := r.toks[at]
	corrected, lost := false, false
	for i := at + 1; i < len(r.toks); i++ {
		t := r.toks[i]
		if t.start-neg.end > 40 || t.kind == kNum || t.kind == kComma {
			break
		}
		if t.kind == kResult {
			switch t.val {
			case rCorrected:
				corrected = true
			case rLost:
				lost = true
			}
		}
	}
	if !corrected && !lost {
		return
	}
	for _, f := range r.frames {
		if f.tok > at || !strings.HasSuffix(f.key, ".total") || f.m.value == 0 {
			continue
		}
		kind := strings.TrimSuffix(f.key, ".total")
		if kind != "review" && kind != "litigation" && kind != "lit_direct" && kind != "lit_after_review" {
			continue
		}
		if corrected || lost && kind != "review" {
			r.x.candidate(r.s, kind+".corrected", 0, false, ruleResultNone, "", f.scope, nil)
		}
	}
}

// appsNone reads "未收到(公开政府信息的)申请", "没有依申请公开…": the
// application count is zero. Between the denial and the application only
// the verbs of receiving (and the object's words) may stand: "未向申请人收取
// 费用" denies a fee, "未有因…申请行政复议" a review.
func (r *reader) appsNone(at int) {
	neg := r.toks[at]
	foi := false
	for i := at + 1; i < len(r.toks); i++ {
		t := r.toks[i]
		if t.start-neg.end > appWindow || t.kind == kNum || t.kind == kComma || t.kind == kNeg {
			return
		}
		if t.foi {
			foi = true
		}
		switch t.kind {
		case kBody, kFee, kCase, kOutcome, kTopic:
			return
		case kAct:
			switch t.val {
			case aReceive, aPublish, aHandle:
			default:
				return
			}
		case kObject:
			app := t.val == oApp || t.val == oAppBare || t.val == oAttr && strings.HasPrefix(r.s.text[t.start:], "依申请")
			if !app {
				continue
			}
			if i+1 < len(r.toks) && r.toks[i+1].kind == kCase {
				return // "申请行政复议"
			}
			if !foi && !(anchored(r.s.section) || strings.Contains(r.s.section, "申请")) {
				return
			}
			r.x.candidate(r.s, "apps_new.total", 0, false, ruleAppsNone, "", r.scope, nil)
			r.x.appsSeen = true
			return
		}
	}
}

// topicNone reads a topic answered with a bare 无 ("依申请公开政府信息情况:无")
// or said to be 为零 ("依申请办理事项为零", "收费和减免为零").
func (r *reader) topicNone() {
	text := strings.TrimRight(r.s.text, "。.; ")
	end := -1
	switch {
	case strings.HasSuffix(text, ":无"):
		end = len(text) - len(":无")
	case strings.HasSuffix(text, "为零"):
		end = len(text) - len("为零")
	default:
		return
	}
	var kinds [caseLitAfter + 1]bool
	apps, fees := false, false
	for _, t := range r.toks {
		if t.start >= end {
			break
		}
		switch t.kind {
		case kCase:
			k := t.val
			if k == caseLitDirect || k == caseLitAfter {
				k = caseLitigation
			}
			kinds[k] = true
		case kObject:
			if t.val == oApp || t.val == oAppBare || t.val == oAttr {
				apps = true
			}
		case kFee:
			if t.val == fFee || t.val == fInfo {
				fees = true
			}
		case kNum:
			return
		}
	}
	any := apps || fees
	for k, ok := range kinds {
		if ok {
			any = true
			r.x.candidate(r.s, caseKeys[k]+".total", 0, false, ruleTopicNone, "", r.scope, nil)
		}
	}
	if !any {
		return
	}
	switch {
	case fees:
		r.x.candidate(r.s, r.x.feeKey(strings.Contains(text, "信息处理费")), 0, false, ruleTopicNone, "", r.scope, nil)
	case apps && !kinds[caseReview] && !kinds[caseLitigation]:
		r.x.candidate(r.s, "apps_new.total", 0, false, ruleTopicNone, "", r.scope, nil)
		r.x.appsSeen = true
	}
}

// noFeesRE is a statement that no fee was charged.
var noFeesRE = regexp.MustCompile(`(?:没有|未|不|无)[^。;；,，]{0,20}?(?:收取|进行|产生)[^。;；,，]{0,20}?费|(?:没有|未|无|不存在)[^。;；,，]{0,24}?收费|免费提供`)

// feesNone reads "没有收取任何费用", "无收费及减免情况".
func (r *reader) feesNone() {
	t := r.s.text
	if r.x.otherYear(t) {
		return
	}
	if !r.sentenceHas(kFee, fFee) && !r.sentenceHas(kFee, fInfo) || !noFeesRE.MatchString(t) {
		return
	}
	if !(strings.Contains(t, "公开") || strings.Contains(r.s.section, "公开") || strings.Contains(t, "申请") || strings.Contains(t, "信息处理费")) {
		return
	}
	r.x.candidate(r.s, r.x.feeKey(strings.Contains(t, "信息处理费")), 0, false, ruleFeesNone, "", r.scope, nil)
}
