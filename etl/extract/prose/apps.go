package prose

import (
	"strings"

	"github.com/xxgk/xxgk/etl/report"
)

// application reads counts of applications: received, their channel and
// applicant, answered, carried over and forward.
func (r *reader) application(fi int) {
	f := &r.frames[fi]
	m := f.m
	if m.class != uItem && !(m.class == uPlace && m.unit == "个") && !m.unitless {
		return
	}
	// The words that say what it counts: before the figure, or after it.
	look := r.back
	if f.after {
		look = r.fwd
	}
	var act, obj, ch, applicant uint8
	body, foi := false, false
	kinds := uint8(0) // the applicant kinds named: both is every applicant
	look(f, func(_ int, t token) bool {
		switch t.kind {
		case kAct:
			if act == 0 {
				act = t.val
			}
		case kObject:
			if obj == 0 && (t.val == oApp || t.val == oAppBare || t.val == oCaseFile || t.val == oAttr) {
				obj = t.val
			}
		case kAppChan:
			if ch == 0 {
				ch = t.val
			}
		case kChannel:
			if ch == 0 && t.val == cWebsite {
				ch = acOnline // "通过门户网站申请24件"
			}
		case kApplicant:
			if applicant == 0 {
				applicant = t.val
			}
			if t.val == apPerson || t.val == apOrg {
				kinds |= 1 << t.val
			}
		case kBody:
			if obj == 0 && !r.x.ownName(r.s.text[t.start:t.end]) {
				body = true // the business named nearest is another's
			}
		}
		if t.foi {
			foi = true
		}
		return true
	})
	if kinds == 1<<apPerson|1<<apOrg {
		// "收到公民、法人和其他组织的政府信息公开申请11件": every kind of
		// applicant named is all of them, no one kind's share.
		applicant = apAny
	}
	if obj == 0 && !f.after {
		// "共办理5件政府信息公开申请": the act before, the noun after.
		r.fwd(f, func(_ int, t token) bool {
			switch t.kind {
			case kObject:
				if t.val == oApp || t.val == oAppBare {
					obj = t.val
					f.after = true
					return false
				}
			case kApplicant:
				if applicant == 0 {
					applicant = t.val
				}
			case kBody, kNum:
				return false
			}
			if t.foi {
				foi = true
			}
			return true
		})
	}
	if act == 0 {
		if a, ok := r.nearest(f, kAct); ok {
			act = a.val
		}
	}
	if obj == 0 && act == aReceive {
		// "全区共受理申请800件,…,区政府本级共受理206件": the noun said once.
		for i := fi - 1; i >= 0; i-- {
			if p := &r.frames[i]; p.dom == dApps && p.obj != 0 && p.act == aReceive {
				obj = p.obj
				break
			}
		}
		// "依申请公开办理情况:全年共受理12件": the noun before the clause, or
		// in the heading.
		if obj == 0 && !r.has(f, kObject, 0) && (r.appNounBefore(f) || strings.Contains(r.s.section, "申请")) {
			obj = oApp
		}
	}
	f.act, f.obj = act, obj
	if body || obj == oAttr && act != aReceive || r.body(f) {
		f.other = true
		return
	}
	if p := r.prevFrame(fi); obj == 0 && p != nil && p.other {
		f.other = true
		return // "受理法律援助案件7510件,办结6374件": the same body's business
	}
	if ch != 0 && obj == 0 && !r.listOf(fi, dApps) {
		return // "在线服务等22个栏目": no application in sight
	}
	if obj == 0 && ch == 0 && applicant == 0 && !((act == aAnswer || act == aHandle || act == aOnTime || act == aLate) && (r.x.appsSeen || act == aAnswer && r.aboutApplications())) {
		return
	}
	if !foi && !r.foiHere() && !(ch != 0 && (obj == oApp || r.listOf(fi, dApps))) {
		// ("当面申请1宗": how applications came in needs no more anchor.)
		return
	}
	if obj == oCaseFile && !foi {
		return
	}
	if m.ranged || m.unitless {
		key := "apps_new.total"
		if act == aAnswer {
			key = "outcome_total.total"
		}
		reason, detail := report.AmbiguousUnit, "数字后缺少单位"
		if m.ranged {
			reason, detail = report.AmbiguousReadings, "区间不是数量"
		}
		r.x.ambiguous(r.s, key, reason, detail)
		return
	}
	if r.has(f, kMark, mCompare) {
		return
	}
	switch {
	case ch != 0 && (act == 0 || act == aReceive) && !r.has(f, kAct, aPublish) && m.class == uItem:
		r.store(f, appChannelKeys[ch], ruleAppsChannel)
		return
	case applicant == apPerson && (act == aReceive || act == 0) && !f.after:
		// "公民个人提出申请1030件", "其中自然人申请28件": the persons' share.
		if r.x.hasCandidate("apps_new.total") {
			r.store(f, "apps_new.person", ruleAppsPerson)
		}
		return
	case applicant == apOrg:
		return // the organisations' share: no key of its own in prose
	case f.parent >= 0 && !r.frames[f.parent].split:
		return // a part of the figure before: read with it
	}
	carry, carryAt := r.carryAside(fi)
	switch act {
	case aReceive, 0:
		if act == 0 && obj != oAppBare && obj != oApp {
			return
		}
		if r.splitsCarry(fi) {
			// "共受理申请30件,其中新收申请28件,上年结转2件": the applications
			// handled, last year's among them; the new ones are listed.
			f.split = true
			return
		}
		if carry >= 0 {
			r.x.ambiguous(r.s, "apps_new.total", "readings", "收到数含上年结转，新收数未印出")
			r.storeCarry(fi, carryAt, carry)
			return
		}
		r.store(f, "apps_new.total", ruleAppsReceived)
		r.x.appsSeen = true
		if applicant == apPerson && f.after {
			r.x.candidate(r.s, "apps_new.person", m.value, m.approx, ruleAllPersons, "", f.scope, m)
		}
	case aHandle:
		switch {
		case carry >= 0 && r.x.appsSeen:
			r.store(f, "outcome_total.total", ruleOutcomeTotal)
			r.storeCarry(fi, carryAt, carry)
		case carry >= 0:
			r.x.ambiguous(r.s, "apps_new.total", "readings", "办理数含上年结转，新收数未印出")
			r.storeCarry(fi, carryAt, carry)
		case r.x.appsSeen:
			// Handled after received: the answers, but 办理 may count the
			// pending ones too.
		default:
			// 办理 may count last year's applications too (P16): not a
			// figure of received ones.
			r.x.ambiguous(r.s, "apps_new.total", report.AmbiguousReadings, "办理数可能含上年结转")
		}
	case aProcess:
		if !r.x.appsSeen {
			r.x.ambiguous(r.s, "apps_new.total", "readings", "处理数可能含上年结转")
		}
	case aOnTime, aLate:
		// The legacy table's 申请办结数 split: in time, after an extension.
		if r.x.legacyYear() {
			key := "apps_closed.on_time"
			if act == aLate {
				key = "apps_closed.extended"
			}
			r.store(f, key, ruleAppsClosed)
		}
	case aAnswer:
		if r.x.legacyYear() && r.x.appsSeen && strings.HasPrefix(r.s.text[r.actStart(f):], "办结") {
			r.store(f, "apps_closed.total", ruleAppsClosed) // 申请办结数
			return
		}
		if !r.x.appsSeen && carry < 0 && !r.aboutApplications() {
			return
		}
		if r.x.legacyYear() && (!r.x.appsSeen || f.after) {
			// Before 2019 the answers (申请答复数) are read after the
			// applications received ("共受理申请12件…已答复12件"); "在已经答复的
			// 9件申请中" opens a list of outcomes that may count an
			// application twice (domain.md I1/I2), no total.
			return
		}
		r.store(f, "outcome_total.total", ruleOutcomeTotal)
		if carry >= 0 {
			r.storeCarry(fi, carryAt, carry)
		}
	}
}

// actStart is the byte offset of the act nearest before f, or of f.
func (r *reader) actStart(f *frame) int {
	if a, ok := r.nearest(f, kAct); ok {
		return a.start
	}
	if a, ok := r.firstAfter(f, kAct); ok {
		return a.start
	}
	return f.m.start
}

// appNounBefore reports whether an earlier clause of the sentence, with no
// figure between, names applications.
func (r *reader) appNounBefore(f *frame) bool {
	for i := f.tok - 1; i >= 0; i-- {
		t := r.toks[i]
		switch {
		case t.kind == kNum:
			return false
		case t.kind == kObject && (t.val == oApp || t.val == oAppBare):
			return true
		}
	}
	return false
}

// splitsCarry reports whether the figure fi is broken down (其中…) into new
// applications and last year's carried over.
func (r *reader) splitsCarry(fi int) bool {
	f := &r.frames[fi]
	brk, depth := false, 0
	for i := f.tok + 1; i < len(r.toks); i++ {
		t := r.toks[i]
		switch {
		case t.kind == kOpen:
			depth++
		case t.kind == kClose:
			if depth--; depth < 0 || brk {
				return false // the breakdown in an aside ends with it
			}
		case t.kind == kMark && t.val == mBreakdown:
			brk = true
		case brk && t.kind == kOutcome && t.val == uOver:
			return true
		case t.kind == kNum && !brk:
			return false
		}
	}
	return false
}

// listOf reports whether the figure before fi in its sentence, at its
// depth, was read in domain d: fi goes on its list.
func (r *reader) listOf(fi int, d domain) bool {
	p := r.prevFrame(fi)
	if p == nil && r.frames[fi].depth == 0 {
		return r.x.prevDom == d // the list goes on after a ";"
	}
	return p != nil && p.dom == d && p.key != ""
}

// carryAside finds the carried-over count an aside after frame fi states
// ("(含上年度结转申请57件,另有52件申请顺延到下年度答复)"): its value and its
// frame, or -1.
func (r *reader) carryAside(fi int) (float64, int) {
	for i := fi + 1; i < len(r.frames); i++ {
		g := &r.frames[i]
		if g.parent != fi {
			if g.depth == 0 {
				break
			}
			continue
		}
		if r.has(g, kOutcome, uOver) || r.has(g, kMark, mInclude) && strings.Contains(r.s.text[r.clauseStart(g):g.m.start], "结转") {
			return g.m.value, i
		}
	}
	return -1, -1
}

// storeCarry stores the carry-over of an aside, and what else the aside
// says (另有…顺延: carried forward).
func (r *reader) storeCarry(fi, at int, v float64) {
	g := &r.frames[at]
	r.store(g, "apps_carried_over.total", ruleAppsCarried)
	for i := at + 1; i < len(r.frames); i++ {
		h := &r.frames[i]
		if h.parent != fi {
			continue
		}
		if r.hasAfter(h, kOutcome, uDefer) || r.hasAfter(h, kOutcome, uForward) || r.has(h, kOutcome, uForward) {
			r.store(h, "apps_carried_forward.total", ruleCarriedForward)
		}
	}
}

// outcome reads a row of the answers: 予以公开 … 结转下年度, and the
// reasons of the 不予公开, 无法提供 and 不予处理 rows.
func (r *reader) outcome(fi int) {
	f := &r.frames[fi]
	m := f.m
	if m.class != uItem {
		return
	}
	if !r.aboutApplications() {
		return
	}
	if f.parent >= 0 && r.frames[f.parent].dom == dCase {
		return // a case's carry-over ("复议9件(含上一年度结转1件)") is no application's
	}
	if f.parent >= 0 && r.frames[f.parent].dom == dApps && !r.frames[f.parent].split {
		return // read with its figure (carryAside)
	}
	look := r.back
	if f.after {
		look = r.fwd
	}
	// The outcome word nearest the figure, a second one joined to it, the
	// reason words and 等.
	var out, out2, reason uint8
	etc, joined, attr, info := false, false, false, false
	look(f, func(_ int, t token) bool {
		wasInfo := info
		info = false
		switch t.kind {
		case kOutcome:
			if out == 0 {
				out = t.val
				if wasInfo && !f.after {
					attr = true // "部分公开信息10条": items, not answers
				}
			} else if joined && out2 == 0 {
				out2 = t.val
			}
		case kReason:
			if reason == 0 {
				reason = t.val
			}
		case kMark:
			switch t.val {
			case mEtc:
				etc = true
			case mJoin:
				if out != 0 {
					joined = true
				}
			case mCompare:
				attr = true
			}
		case kObject:
			if t.val == oAttr {
				attr = true // "不予公开信息10条": items, not answers
			}
			info = t.val == oInfo && out == 0
		}
		return true
	})
	if attr {
		return
	}
	if (out == uAgree || out == uRefuse) && !r.appFollows(f, out) {
		return
	}
	if out2 != 0 && !f.after {
		return // "予以公开及部分公开10538件": two rows together
	}
	if m.ranged || m.unitless {
		return
	}
	if out == 0 {
		if reason == 0 {
			return
		}
		// A reason alone: "本机关不掌握相关政府信息1件", "1件因涉及第三方合法权益".
		key, group := r.x.reasonKey(reason)
		if key == "" {
			return
		}
		if g := r.contextOutcome(fi); g != 0 && group != 0 && g != group {
			return
		}
		r.store(f, key, ruleReason)
		return
	}
	key := outcomeKeys[out]
	rule := ruleOutcome
	switch out {
	case uForward, uPending, uDefer:
		rule = ruleCarriedForward
	case uOver:
		rule = ruleAppsCarried
	}
	switch {
	case reason != 0 && etc:
		// "因本机关不掌握等原因无法提供23件": the row, its reasons mixed.
		r.store(f, key, rule)
	case reason != 0 && r.reasonOf(reason, out):
		// "由于本机关不掌握相关政府信息而无法提供29件": one reason's row.
		sub, _ := r.x.reasonKey(reason)
		r.store(f, sub, ruleReason)
	default:
		r.store(f, key, rule)
		if sub := r.noteReason(f); sub != 0 && r.reasonOf(sub, out) {
			k, _ := r.x.reasonKey(sub)
			r.x.candidate(r.s, k, m.value, m.approx, ruleReason, "", f.scope, m)
		}
	}
}

// reasonOf reports whether reason is a sub-row of outcome row out in the
// report's era.
func (r *reader) reasonOf(reason, out uint8) bool {
	key, group := r.x.reasonKey(reason)
	return key != "" && group == out
}

// reasonKey is the key of a reason in the report's era and its outcome row.
func (x *extractor) reasonKey(reason uint8) (string, uint8) {
	w := reasonWords[reason-1]
	if x.legacyYear() {
		return w.legacy, reasonGroup(w.legacy)
	}
	if w.key == "" {
		return "", 0
	}
	return w.key + ".total", reasonGroup(w.key)
}

// appFollows reports whether 同意/拒绝 names an answer to an application
// ("已同意政府信息公开申请0条"), not agreement in general.
func (r *reader) appFollows(f *frame, out uint8) bool {
	ok := false
	seen := false
	r.back(f, func(_ int, t token) bool {
		if t.kind == kOutcome && t.val == out {
			seen = true
			return false
		}
		if t.kind == kObject && (t.val == oApp) {
			ok = true
		}
		return true
	})
	return seen && ok
}

// noteReason reads the note after a row figure that gives every answer's
// reason: "不予公开7件(均属于行政查询事项)".
func (r *reader) noteReason(f *frame) uint8 {
	i := f.tok + 1
	if i >= len(r.toks) || r.toks[i].kind != kOpen {
		return 0
	}
	reason := uint8(0)
	for j := i + 1; j < len(r.toks); j++ {
		t := r.toks[j]
		if t.kind == kClose {
			break
		}
		if t.kind == kNum {
			return 0 // the aside has figures of its own
		}
		if t.kind == kReason && reason == 0 {
			reason = t.val
		}
	}
	return reason
}

// contextOutcome is the outcome row a reason figure is listed under: the
// figure its aside hangs on, or the one before its 其中.
func (r *reader) contextOutcome(fi int) uint8 {
	f := &r.frames[fi]
	p := -1
	if f.parent >= 0 {
		p = f.parent
	} else if r.breakAt >= 0 && f.tok > r.breakAt && r.breakHead >= 0 {
		p = r.breakHead
	}
	if p < 0 {
		return 0
	}
	g := &r.frames[p]
	var out uint8
	r.back(g, func(_ int, t token) bool {
		if t.kind == kOutcome {
			out = t.val
			return false
		}
		return true
	})
	return out
}

// aboutApplications reports whether the sentence, its heading or the one
// before is about applications.
func (r *reader) aboutApplications() bool {
	if strings.Contains(r.s.text, "申请") || strings.Contains(r.s.section, "申请") || strings.Contains(r.x.prev, "申请") {
		return true
	}
	// A list of answers cut into sentences ("予以公开35件;部分予以公开1件;").
	return r.x.outcomeSeen && r.x.outcomeSection == r.s.section || r.x.appsSeen && strings.Contains(r.s.section, "公开")
}
