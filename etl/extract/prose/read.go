package prose

import (
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/etl/report"
)

// domain is what a figure is about, decided by the words nearest to it.
type domain uint8

const (
	dNone      domain = iota
	dProactive        // items published
	dInterp           // policy interpretations
	dApps             // applications received, answered, carried
	dOutcome          // the answers' rows
	dCase             // review and litigation
	dFee              // money
	dLegacy           // legacy indicators: places, trainings, meetings, staff
	dArt20            // documents issued, repealed, in force
	dDecision         // Article 20 decisions
	dVeto             // another body's business, decision documents: no figure
)

// frame is one count of a sentence with what the words around it say.
type frame struct {
	tok    int // index of its kNum token
	m      *mention
	depth  int // 1 inside an aside "(…)"
	parent int // the frame an aside hangs on, -1
	dom    domain
	after  bool   // its words follow it: "1件予以公开"
	key    string // what it was read as, "" for nothing
	act    uint8  // the act of its words (or inherited)
	obj    uint8  // the object of its words (or inherited)
	scope  uint8
	head   bool // a proactive figure a breakdown (其中…) may list the parts of
	cumul  bool // a running total skipped
	split  bool // a count of applications its parts (new, carried over) are read from
	other  bool // it counts another body's business (法律援助案件): so do the counts listed after it
}

// reader reads one sentence.
type reader struct {
	x      *extractor
	s      span
	toks   []token
	ms     []mention
	frames []frame

	scope     uint8 // the scope words said so far
	caseKind  uint8 // the case kind named last
	breakAt   int   // token index of the last 其中, -1
	breakHead int   // frame index of the figure before it, -1
}

// read reads every count of the sentence.
func (r *reader) read() {
	r.frames = r.frames[:0]
	r.breakAt, r.breakHead = -1, -1
	depth := 0
	lastAt0 := -1 // the last depth-0 frame
	for i, t := range r.toks {
		switch t.kind {
		case kOpen:
			depth++
		case kClose:
			if depth > 0 {
				depth--
			}
		case kMark:
			if t.val == mBreakdown && depth == 0 {
				r.breakAt, r.breakHead = i, lastAt0
			}
		case kNum:
			f := frame{tok: i, m: &r.ms[t.m], depth: min(depth, 1), parent: -1}
			if depth > 0 {
				f.parent = lastAt0
			}
			r.frames = append(r.frames, f)
			if depth == 0 {
				lastAt0 = len(r.frames) - 1
			}
		}
	}
	if r.x.breakCarry && len(r.toks) > 0 && r.toks[0].kind == kMark && r.toks[0].val == mBreakdown {
		// "其中,…" opens the sentence: it lists the parts of the figure
		// the sentence before ended with.
		r.breakAt = 0
	}
	ti, d := 0, 0
	for fi := range r.frames {
		f := &r.frames[fi]
		// The scope and case words met so far hold for this figure (those
		// of an aside only inside it).
		for ; ti < f.tok; ti++ {
			switch t := r.toks[ti]; t.kind {
			case kOpen:
				d++
			case kClose:
				d = max(d-1, 0)
			case kScope:
				if d == 0 {
					r.scope = t.val
				}
			case kCase:
				r.caseKind = t.val
			}
		}
		f.scope = r.scope
		r.frame(fi)
	}
}

// back calls fn with the words of frame f nearest first, back to the start
// of its clause or the figure before (asides of other figures skipped).
func (r *reader) back(f *frame, fn func(int, token) bool) {
	skip := 0
	for i := f.tok - 1; i >= 0; i-- {
		t := r.toks[i]
		switch t.kind {
		case kNum:
			if skip == 0 {
				return
			}
			continue
		case kClose:
			if f.depth == 0 {
				skip++
				continue
			}
			return
		case kOpen:
			if skip > 0 {
				skip--
				continue
			}
			return
		case kComma:
			if skip == 0 {
				return
			}
			continue
		}
		if skip > 0 {
			continue
		}
		if !fn(i, t) {
			return
		}
	}
}

// fwd calls fn with the words after frame f up to the next figure or the
// end of its clause.
func (r *reader) fwd(f *frame, fn func(int, token) bool) {
	for i := f.tok + 1; i < len(r.toks); i++ {
		switch t := r.toks[i]; t.kind {
		case kNum, kComma, kOpen, kClose:
			return
		default:
			if !fn(i, t) {
				return
			}
		}
	}
}

// has reports whether the words of f (before it) hold a token of kind k
// (and value v, when v is not 0).
func (r *reader) has(f *frame, k kind, v uint8) bool {
	found := false
	r.back(f, func(_ int, t token) bool {
		if t.kind == k && (v == 0 || t.val == v) {
			found = true
			return false
		}
		return true
	})
	return found
}

// hasAfter is has for the words after f.
func (r *reader) hasAfter(f *frame, k kind, v uint8) bool {
	found := false
	r.fwd(f, func(_ int, t token) bool {
		if t.kind == k && (v == 0 || t.val == v) {
			found = true
			return false
		}
		return true
	})
	return found
}

// nearest returns the nearest token of kind k before f, or false.
func (r *reader) nearest(f *frame, k kind) (token, bool) {
	var out token
	found := false
	r.back(f, func(_ int, t token) bool {
		if t.kind == k {
			out, found = t, true
			return false
		}
		return true
	})
	return out, found
}

// firstAfter returns the first token of kind k after f, or false.
func (r *reader) firstAfter(f *frame, k kind) (token, bool) {
	var out token
	found := false
	r.fwd(f, func(_ int, t token) bool {
		if t.kind == k {
			out, found = t, true
			return false
		}
		return true
	})
	return out, found
}

// sentenceHas reports whether any token of the sentence is of kind k and
// value v (any value when v is 0).
func (r *reader) sentenceHas(k kind, v uint8) bool {
	for _, t := range r.toks {
		if t.kind == k && (v == 0 || t.val == v) {
			return true
		}
	}
	return false
}

// foiHere reports whether the sentence, its heading or the sentence before
// anchors its figures to information disclosure.
func (r *reader) foiHere() bool {
	for _, t := range r.toks {
		if t.foi {
			return true
		}
	}
	return anchored(r.s.section) || anchored(r.x.prev)
}

func anchored(s string) bool {
	return strings.Contains(s, "信息公开") || strings.Contains(s, "依申请") || strings.Contains(s, "政府信息")
}

// tokenDomain is the domain a word decides for the figure it is nearest to;
// weak words (案件) decide nothing alone.
func tokenDomain(t token) domain {
	switch t.kind {
	case kCase:
		return dCase
	case kOutcome, kReason:
		return dOutcome
	case kAppChan, kApplicant:
		return dApps
	case kTopic:
		return dLegacy
	case kBody:
		return dVeto
	case kDecision:
		return dDecision
	case kChannel:
		return dProactive
	case kObject:
		switch t.val {
		case oApp, oAppBare:
			return dApps
		case oInterp:
			return dInterp
		case oAttr:
			return dApps // "收到依申请公开信息3条"; without a receipt, items by attribute
		case oDecision:
			return dVeto
		case oCaseFile, oTopic:
			return dNone
		}
		return dProactive
	case kAct:
		switch t.val {
		case aPublish, aSubmit, aCompile, aMake:
			return dProactive
		case aReceive, aHandle, aProcess, aAnswer, aOnTime, aLate:
			return dApps
		case aIssue, aRepeal, aInForce:
			return dArt20
		case aHold, aSet, aStaff:
			return dLegacy
		case aCharge:
			return dFee
		}
	}
	return dNone
}

// frame reads figure fi.
func (r *reader) frame(fi int) {
	f := &r.frames[fi]
	m := f.m
	if words := r.s.text[r.clauseStart(f):m.start]; r.x.otherYear(words) && !strings.Contains(words, "结转") {
		return
	}
	if m.class == uMoney {
		r.fee(f)
		return
	}
	f.dom = r.domain(f)
	if f.dom == dVeto {
		f.other = true
	}
	switch f.dom {
	case dCase:
		r.caseFigure(fi)
	case dOutcome:
		r.outcome(fi)
	case dApps:
		r.application(fi)
	case dInterp:
		r.interpretation(fi)
	case dProactive:
		r.proactive(fi)
	case dLegacy:
		r.legacy(fi)
	case dArt20:
		r.art20(fi)
	case dDecision:
		r.decision(fi)
	default:
		if r.caseKind != 0 && r.has(f, kResult, 0) {
			r.caseFigure(fi)
		}
	}
}

// clauseStart is the byte offset where the words of f start.
func (r *reader) clauseStart(f *frame) int {
	start := 0
	for i := f.tok - 1; i >= 0; i-- {
		if k := r.toks[i].kind; k == kComma || k == kNum || k == kOpen {
			start = r.toks[i].end
			break
		}
	}
	return start
}

// domain decides what f is about: the nearest deciding word before it, or
// after it when the figure comes first ("1件予以公开"), or the domain of
// the figure before it in the same list. An outcome word anywhere in the
// figure's words makes it an answer ("上年度结转申请57件", "已同意…申请0条"),
// unless a case is named nearer; a document noun with a verb of issuing
// makes it an Article 20 count.
func (r *reader) domain(f *frame) domain {
	d, weak, outcome, issue := dNone, false, false, false
	r.back(f, func(_ int, t token) bool {
		if (t.kind == kOutcome || t.kind == kReason && r.aboutApplications()) && d != dCase {
			outcome = true
		}
		if t.kind == kAct && (t.val == aIssue || t.val == aRepeal || t.val == aInForce) {
			issue = true
		}
		if d != dNone {
			return true
		}
		if t.kind == kObject && t.val == oCaseFile {
			weak = true
			return true
		}
		if t.kind == kBody && (r.x.ownName(r.s.text[t.start:t.end]) || t.val == bPlatform) {
			return true // the agency's own name; a platform vetoes in its reader
		}
		if dd := tokenDomain(t); dd != dNone {
			d = dd
			return true
		}
		if weak && t.foi {
			d = dApps
		}
		return true
	})
	switch {
	case outcome && (d == dApps || d == dNone || d == dProactive):
		return dOutcome
	case issue && (d == dProactive || d == dArt20):
		if o, ok := r.nearest(f, kObject); ok && (o.val == oNormative || o.val == oRule) || !r.has(f, kObject, 0) {
			return dArt20
		}
	}
	if d == dNone && weak && r.caseKind == 0 && r.foiHere() {
		d = dApps
	}
	if d == dNone {
		// The figure first, its words after: "1件予以公开", "21件自然人提请的…申请".
		ad := dNone
		r.fwd(f, func(_ int, t token) bool {
			if t.kind == kBody && t.val == bThing {
				ad = dVeto
				return false
			}
			if t.kind == kResult && r.caseKind != 0 {
				ad = dCase // "1件被复议机关撤销": a result of the cases counted before
				return false
			}
			if dd := tokenDomain(t); dd != dNone && dd != dVeto {
				ad = dd
				return false
			}
			return true
		})
		if ad != dNone {
			f.after = true
			return ad
		}
		// A list goes on: "网上申请42件,现场申请0件,邮寄2件".
		for i := len(r.frames) - 1; i >= 0; i-- {
			p := &r.frames[i]
			if p.tok >= f.tok {
				continue
			}
			if p.depth == f.depth {
				return p.dom
			}
			break
		}
	}
	return d
}

// body reports whether the words of f name another body's business: a
// platform or office anywhere in them, or a thing counted (留言, 咨询) as the
// noun nearest the figure, after any object of disclosure. Words of the
// agency's own name are not another's.
func (r *reader) body(f *frame) bool {
	found, object := false, false
	r.back(f, func(_ int, t token) bool {
		switch t.kind {
		case kObject:
			object = true
		case kBody:
			if r.x.ownName(r.s.text[t.start:t.end]) {
				return true
			}
			if t.val == bPlatform || !object {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

// store records what f was read as.
func (r *reader) store(f *frame, key, rule string) {
	f.key = key
	r.x.candidate(r.s, key, f.m.value, f.m.approx, rule, "", f.scope, f.m)
}

// prevFrame returns the frame before fi at the same depth in the sentence.
func (r *reader) prevFrame(fi int) *frame {
	for i := fi - 1; i >= 0; i-- {
		if r.frames[i].depth == r.frames[fi].depth {
			return &r.frames[i]
		}
	}
	return nil
}

// inBreakdown reports whether f is listed as a part of a proactive figure:
// after "其中" that follows one, or in an aside after one.
func (r *reader) inBreakdown(fi int) bool {
	f := &r.frames[fi]
	if f.parent >= 0 {
		return r.frames[f.parent].head
	}
	if r.breakAt < 0 || f.tok < r.breakAt {
		return false
	}
	if r.breakHead >= 0 {
		return r.frames[r.breakHead].head
	}
	return r.breakAt == 0 && r.x.breakCarry
}

// proactive reads a count of items published: the agency-wide total, one
// channel's count, or nothing when it counts one kind of item.
func (r *reader) proactive(fi int) {
	f := &r.frames[fi]
	m := f.m
	if m.class != uItem && !m.unitless {
		return
	}
	// The verb of disclosure: an act inside a list of kinds of item
	// ("建议提案办理") is a noun's, not the figure's.
	hasAct := false
	r.back(f, func(_ int, t token) bool {
		if t.kind == kAct && (t.val == aPublish || t.val == aSubmit || t.val == aCompile || t.val == aMake) {
			f.act, hasAct = t.val, true
			return false
		}
		return true
	})
	if !hasAct {
		if a, ok := r.nearest(f, kAct); ok {
			f.act, hasAct = a.val, true
		}
	}
	if hasAct {
	} else if p := r.prevFrame(fi); p != nil && (p.dom == dProactive || p.dom == dInterp) {
		f.act = p.act // a list under one verb: "其中网站128条,政务微信698条"
	} else if r.inBreakdown(fi) {
		f.act = aPublish
	}
	if obj, ok := r.nearest(f, kObject); ok {
		f.obj = obj.val
		if obj.val == oTopic {
			f.obj = oCategory
		}
		if obj.val == oInfo && r.oneKind(f, obj) {
			f.obj = oCategory // "财政预决算信息15条": one kind of information
		}
	} else if obj, ok := r.firstAfter(f, kObject); ok {
		f.obj = obj.val // "主动公开2286条政务信息"
	} else if p := r.prevFrame(fi); p != nil && p.obj != 0 && f.depth == p.depth {
		f.obj = p.obj // "制发公文707件,主动公开673件"
	}
	if f.obj == oTopic {
		f.obj = oCategory
	}
	if f.obj == oInterp {
		r.interpretation(fi)
		return
	}
	switch f.act {
	case aPublish, aCompile:
	default:
		return // sent to another body's platform, made, not published
	}
	if r.body(f) || r.has(f, kMark, mCompare) || r.has(f, kMark, mShare) {
		return
	}
	if r.cumulative(f) {
		f.cumul = true
		return
	}
	if m.ranged {
		r.x.ambiguous(r.s, "", "readings", "区间不是数量")
		return
	}
	if r.splitsAttr(fi) {
		return // "共公开政府信息800条,其中主动公开700条,依申请公开100条": 主动公开 is listed
	}
	chans, nch := r.channels(f)
	if nch == 0 {
		var sibling bool
		chans, nch, sibling = r.inheritChannels(fi)
		if sibling {
			return // another part of a channel's output counted before
		}
	}
	if f.act == aCompile && nch == 0 && r.sentenceHas(kChannel, cGazette) {
		chans, nch = chanBit(cGazette), 1 // "办好公报,…汇集文件398份"
	}
	breakdown := r.inBreakdown(fi)
	key := ""
	switch f.obj {
	case oDecision, oAttr:
		return
	case oRule, oNormative, oDoc, oCategory, oInterp:
		// One kind of item: a part of what was published, not a channel's
		// whole count ("在网站公开规章13件", "更新工作动态62篇").
		switch {
		case chans == chanBit(cGazette):
			key = "proactive.gazette"
		case f.obj == oNormative && breakdown && r.x.legacyYear():
			key = "legacy.normative_disclosed"
		case nch == 1 && r.channelList(fi) && chans&keyedChannels != 0:
			key = channelKey(chans)
		}
		if key == "" {
			return
		}
	default:
		switch {
		case breakdown:
			if nch == 1 {
				key = channelKey(chans)
			}
		case nch == 0:
			if m.cn || f.act == aCompile || !r.generalTotal(f) {
				return
			}
			key = "proactive.total"
		case chans&chanBit(cWebsite) != 0 && nch > 1, chans&chanBit(cCatalogue) != 0 && nch > 1:
			key = "proactive.total"
		case chans == chanBit(cCatalogue):
			if r.otherChannelCounts(fi) {
				return // one column of several, each with its count
			}
			key = "proactive.total"
		case chans&^mediaChannels == 0 && (nch > 1 || chans == chanBit(cNewMedia)):
			key = "proactive.new_media"
		case nch == 1:
			key = channelKey(chans)
		}
	}
	if key == "" {
		return
	}
	if m.unitless {
		r.x.ambiguous(r.s, key, "unit", "数字后缺少单位")
		return
	}
	f.head = key == "proactive.total" || strings.HasPrefix(key, "proactive.") && !breakdown
	r.store(f, key, ruleFor(key))
}

// oneKind reports whether the information a figure counts is qualified by
// a topic after its verb ("财政预决算信息", "重点领域信息") and is not the
// last item of a list of kinds ("部门动态及科普、便民信息", "机构职能、…等信息"),
// which together make up what was published.
func (r *reader) oneKind(f *frame, obj token) bool {
	qualified, list := false, false
	r.back(f, func(i int, t token) bool {
		if t.end > obj.start {
			return true // the object itself, or what follows it
		}
		if t.kind == kObject && t.val == oTopic || t.kind == kFee || t.kind == kBody && !r.x.ownName(r.s.text[t.start:t.end]) {
			qualified = true // "公开财政资金直达基层信息8条"
		}
		switch {
		case t.kind == kList, t.kind == kMark && (t.val == mJoin || t.val == mEtc):
			list = true
		case t.kind == kAct && t.start < obj.start, t.kind == kScope:
			return false // the object phrase starts after the verb or the subject
		}
		return true
	})
	return qualified && !list
}

// splitsAttr reports whether a figure is broken down (其中…) by disclosure
// attribute: 主动公开, 依申请公开, 不予公开. Then it is the items made or
// published in any way, and the 主动公开 part is the proactive total.
func (r *reader) splitsAttr(fi int) bool {
	f := &r.frames[fi]
	brk := false
	for i := f.tok + 1; i < len(r.toks); i++ {
		t := r.toks[i]
		switch {
		case t.kind == kMark && t.val == mBreakdown:
			brk = true
		case brk && t.kind == kObject && (t.val == oAttr || strings.HasPrefix(r.s.text[t.start:], "依申请")):
			return true
		case t.kind == kNum && !brk:
			return false
		}
	}
	return false
}

// generalTotal reports whether a count with no channel names information
// in general, with the verb of disclosure: "主动公开政府信息671条",
// "公开信息320余条", "主动公开673件" (the object said before).
func (r *reader) generalTotal(f *frame) bool {
	if f.obj == oInfo {
		return true
	}
	if f.obj != 0 {
		return false
	}
	act, ok := r.nearest(f, kAct)
	return ok && act.val == aPublish && strings.HasPrefix(r.s.text[act.start:], "主动")
}

// cumulative reports whether a proactive count is a running total since the
// start of disclosure rather than the year's: 累计, 历年 or 截至 without a
// year cue (年内累计, 全年累计, 自…1月1日).
func (r *reader) cumulative(f *frame) bool {
	cum, until := false, false
	r.back(f, func(_ int, t token) bool {
		if t.kind == kMark && t.val == mCumul {
			cum = true
		}
		return true
	})
	for _, t := range r.toks[:f.tok] {
		if t.kind == kMark && t.val == mUntil {
			until = true // "截至2023年12月31日,累计…": the date in a clause before
		}
	}
	if !cum {
		return false
	}
	if r.has(f, kMark, mNew) {
		return false
	}
	for _, t := range r.toks[:f.tok] {
		if t.kind == kMark && t.val == mYear {
			return false
		}
	}
	if yearStart(r.s.text) {
		return false
	}
	if until {
		r.x.ambiguous(r.s, "proactive.total", "readings", "截至某日的累计数，可能不是本年数")
	}
	return true
}

// yearStart reports whether a sentence counts from the year's first day:
// "自2016年1月1日".
func yearStart(s string) bool {
	i := strings.Index(s, "年1月1日")
	if i < 0 {
		i = strings.Index(s, "年 1 月 1 日")
	}
	return i >= 4 && isDigits(s[i-4:i])
}

// Channel sets.
type chanSet uint16

func chanBit(c uint8) chanSet { return 1 << c }

var (
	mediaChannels = chanBit(cWeibo) | chanBit(cWechat) | chanBit(cNewMedia) | chanBit(cPlatform)
	keyedChannels = chanBit(cWebsite) | chanBit(cWeibo) | chanBit(cWechat) | chanBit(cNewMedia) | chanBit(cGazette)
)

// channelKey is the key of a single channel.
func channelKey(c chanSet) string {
	switch c {
	case chanBit(cWebsite):
		return "proactive.website"
	case chanBit(cWeibo):
		return "proactive.weibo"
	case chanBit(cWechat):
		return "proactive.wechat"
	case chanBit(cNewMedia):
		return "proactive.new_media"
	case chanBit(cGazette):
		return "proactive.gazette"
	}
	return ""
}

// inheritChannels finds the channel of a count whose own words name none:
// the channel of the figure before it in the sentence when that one counts
// something else ("公众号订阅1900余人次,发布876篇信息"), or the channel an
// earlier clause introduces ("将…渠道延伸至…微信公众平台,…发布信息250条").
// When the figure before counted what the same channel published, this one
// is a sibling part ("在网站上更新工作动态62篇,…内容更新12篇").
func (r *reader) inheritChannels(fi int) (chanSet, int, bool) {
	f := &r.frames[fi]
	if p := r.prevFrame(fi); p != nil && !r.has(f, kMark, mTotal) {
		// ("门户网站总访问量12763次,共公开各类信息1236余条": 共 says the
		// agency's total, whatever the figure before counted.)
		c, n := r.channels(p)
		if n == 0 {
			return 0, 0, false
		}
		if p.dom == dProactive && (p.act == aPublish || p.act == aCompile) {
			return 0, 0, n == 1 && p.key == ""
		}
		return c, n, false
	}
	// Clauses without a figure before this one: a channel after 通过, 在…
	var set chanSet
	via := false
	for i := f.tok - 1; i >= 0; i-- {
		t := r.toks[i]
		if t.kind == kNum {
			break
		}
		if t.kind == kChannel {
			set |= chanBit(t.val)
		}
		if t.kind == kVia && set != 0 {
			via = true
		}
		if t.kind == kComma && via {
			break
		}
	}
	if !via {
		return 0, 0, false
	}
	n := 0
	for c := set; c != 0; c &= c - 1 {
		n++
	}
	return set, n, false
}

// channels returns the channels the words of f name, and how many.
func (r *reader) channels(f *frame) (chanSet, int) {
	var set chanSet
	platforms := 0
	r.back(f, func(i int, t token) bool {
		if t.kind == kChannel && !r.columnOfSite(i) {
			set |= chanBit(t.val)
			if t.val == cPlatform {
				platforms++
			}
		}
		if t.kind == kMark && t.val == mCN && quotedPortal(r.s.text, t.start) {
			set |= chanBit(cWebsite) // "中国上海": a portal named by its place
		}
		return true
	})
	if platforms > 1 {
		set |= chanBit(cNewMedia) // "抖音、今日头条、视频号": new media together
	}
	n := 0
	for c := set; c != 0; c &= c - 1 {
		n++
	}
	return set, n
}

// columnOfSite reports whether token i, a catalogue or column, names a part
// of the website named right before it ("门户网站政府信息公开专栏").
func (r *reader) columnOfSite(i int) bool {
	return i > 0 && r.toks[i].kind == kChannel && r.toks[i].val == cCatalogue &&
		r.toks[i-1].kind == kChannel && r.toks[i-1].val == cWebsite && r.toks[i-1].end == r.toks[i].start
}

// quotedPortal reports whether 中国 at i opens a quoted portal name.
func quotedPortal(s string, i int) bool {
	for _, q := range []string{"“", "\"", "‘", "'", "《"} {
		if strings.HasSuffix(s[:i], q) {
			return true
		}
	}
	return false
}

// channelList reports whether the sentence lists channels each with its
// own count ("官网发布政务信息235条、微信公众号推送…225条、微博推送…28条"):
// then even a count of one kind of item stands for its channel.
func (r *reader) channelList(fi int) bool {
	seen := chanSet(0)
	n := 0
	for i := range r.frames {
		g := &r.frames[i]
		if g.depth != 0 {
			continue
		}
		c, k := r.channels(g)
		if k == 1 && c&seen == 0 {
			seen |= c
			n++
		} else if k == 1 {
			return false // one channel counted twice: its parts
		}
	}
	return n >= 2
}

// otherChannelCounts reports whether another figure of the sentence counts
// a channel of its own.
func (r *reader) otherChannelCounts(fi int) bool {
	for i := range r.frames {
		if i == fi {
			continue
		}
		if c, k := r.channels(&r.frames[i]); k > 0 && c != chanBit(cCatalogue) {
			return true
		}
	}
	return false
}

// interpretation reads the count of policy interpretations published.
func (r *reader) interpretation(fi int) {
	f := &r.frames[fi]
	m := f.m
	if m.class != uItem && !(m.class == uPlace && m.unit == "个" && !f.after) {
		return // "解读19次" counts events, not interpretations
	}
	if r.has(f, kMark, mCompare) || r.has(f, kBody, 0) || r.cumulative(f) {
		return
	}
	// "文件及政策解读519篇" counts files and interpretations together.
	joined, sawInterp := false, false
	r.back(f, func(_ int, t token) bool {
		switch {
		case t.kind == kObject && t.val == oInterp:
			sawInterp = true
		case sawInterp && t.kind == kMark && t.val == mJoin:
			joined = true
		case sawInterp && t.kind == kObject && !joined:
			return false
		case joined && t.kind == kObject && t.val != oInterp:
			return false
		}
		return true
	})
	if joined {
		other := false
		r.back(f, func(_ int, t token) bool {
			if t.kind == kObject && (t.val == oDoc || t.val == oCategory || t.val == oInfo || t.val == oNormative || t.val == oRule) {
				other = true
			}
			return true
		})
		if other {
			return
		}
	}
	f.act = aPublish
	f.obj = oInterp
	r.store(f, "proactive.interpretations", ruleInterpretations)
}

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
		if r.x.year < 2019 || !r.x.appsSeen && carry < 0 && !r.aboutApplications() {
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

// caseFigure reads review and litigation counts and their results.
func (r *reader) caseFigure(fi int) {
	f := &r.frames[fi]
	m := f.m
	if m.class != uItem && !(m.class == uPlace && m.unit == "个") {
		return
	}
	if f.parent >= 0 {
		return // "(含上一年度结转1件)": a part of the count before
	}
	look := r.back
	if f.after {
		look = r.fwd
	}
	var kind, result uint8
	trap, passive, receive := false, false, false
	look(f, func(_ int, t token) bool {
		switch t.kind {
		case kCase:
			if kind == 0 {
				kind = t.val
			} else if t.val == caseLitDirect || t.val == caseLitAfter {
				kind = t.val
			}
		case kResult:
			if result == 0 {
				result = t.val
			}
		case kBody:
			if t.end-t.start == len("复议机关") && r.s.text[t.start:t.end] == "复议机关" && result != 0 {
				break // "被复议机关撤销": the result's actor
			}
			trap = true
		case kObject:
			if t.val == oDecision {
				trap = true
			}
		case kMark:
			if t.val == mPassive || t.val == mAfter {
				passive = true
			}
		case kAct:
			if t.val == aReceive || t.val == aHandle {
				receive = true
			}
		}
		return true
	})
	if (f.after || kind == 0) && result == 0 {
		// "1件被复议机关撤销…", "2件正在…审理中": the result after the figure.
		r.fwd(f, func(_ int, t token) bool {
			if t.kind == kResult && result == 0 {
				result = t.val
			}
			return true
		})
	}
	if kind == 0 {
		kind = r.caseKind
		if kind == 0 || result == 0 {
			return
		}
		r.store(f, caseKeys[kind]+"."+resultKeys[result], ruleCaseResult)
		return
	}
	if trap {
		return
	}
	// A review body's own caseload ("受理行政复议案件120件") is not the
	// reviews of the agency's answers, unless the words tie it to them.
	foiOwn := false
	r.back(f, func(_ int, t token) bool {
		if t.foi {
			foiOwn = true
		}
		return true
	})
	if receive && !foiOwn && !passive {
		return
	}
	if !foiOwn && !passive && !r.foiHere() && !(r.x.prevCase && strings.Contains(r.x.prev, "复议")) && !caseSection(r.s.section) {
		return
	}
	if m.unitless || m.ranged {
		r.x.ambiguous(r.s, caseKeys[kind]+".total", "unit", "数字后缺少单位")
		return
	}
	if result != 0 && kind == r.caseKind && r.caseTotalSeen(kind, fi) {
		r.store(f, caseKeys[kind]+"."+resultKeys[result], ruleCaseResult)
		return
	}
	r.caseKind = kind
	r.x.caseHere = true
	r.store(f, caseKeys[kind]+".total", ruleCases)
	// A single result stated right after the count covers all of them:
	// "行政诉讼1起,正在审理中", "全部维持", "作维持情形处理".
	if res := r.resultAfter(fi); res != 0 {
		r.x.candidate(r.s, caseKeys[kind]+"."+resultKeys[res], m.value, m.approx, ruleCaseResult, "", f.scope, m)
	}
}

func caseSection(s string) bool {
	return strings.Contains(s, "复议") || strings.Contains(s, "诉讼")
}

// caseTotalSeen reports whether a frame before fi counted cases of kind.
func (r *reader) caseTotalSeen(kind uint8, fi int) bool {
	want := caseKeys[kind] + ".total"
	for i := 0; i < fi; i++ {
		if r.frames[i].key == want {
			return true
		}
	}
	return false
}

// resultAfter finds a result stated after a case count, in a clause of its
// own with no figure ("行政诉讼1起,正在审理中", "9件,全部维持",
// "1起,作维持情形处理"), before any other count, case or denial. A 均 or
// 全部 result after two counts of cases may cover both or one: none is read.
func (r *reader) resultAfter(fi int) uint8 {
	f := &r.frames[fi]
	res, all := uint8(0), false
	for i := f.tok + 1; i <= len(r.toks); i++ {
		if i == len(r.toks) || r.toks[i].kind == kComma {
			if res != 0 {
				break
			}
			continue
		}
		t := r.toks[i]
		switch t.kind {
		case kNum, kNeg, kCase:
			return 0
		case kMark:
			switch t.val {
			case mBreakdown:
				return 0
			case mAll:
				all = true
			}
		case kResult:
			if t.val == rOther {
				return 0
			}
			if res == 0 {
				res = t.val
			}
		}
	}
	if res != 0 && all {
		for i := 0; i < fi; i++ {
			if strings.HasSuffix(r.frames[i].key, ".total") && r.frames[i].dom == dCase {
				r.x.ambiguous(r.s, caseKeys[r.caseKind]+"."+resultKeys[res], report.AmbiguousReadings, "“均”可能指前面几类案件")
				return 0
			}
		}
	}
	return res
}

// legacy reads the legacy indicators: reading places, trainings and their
// trainees, press conferences, online interviews, staff.
func (r *reader) legacy(fi int) {
	f := &r.frames[fi]
	m := f.m
	var topic, second uint8
	see := func(_ int, t token) bool {
		if t.kind == kTopic {
			if topic == 0 {
				topic = t.val
			} else if second == 0 {
				second = t.val
			}
		}
		return true
	}
	// "配备了1名兼职工作人员", "开辟了2个公共查阅点": the noun may follow.
	if f.after {
		r.fwd(f, see)
	} else {
		r.back(f, see)
		if topic == 0 {
			r.fwd(f, see)
		}
	}
	if topic == 0 || !r.disclosureContext() {
		return
	}
	if r.has(f, kMark, mCompare) || r.partOfLegacy(fi) {
		return
	}
	if m.unitless || m.ranged {
		return
	}
	key := ""
	switch topic {
	case tpReading, tpIntake:
		if m.class != uPlace {
			return
		}
		if topic == tpIntake && second == tpReading || topic == tpReading && second == tpIntake {
			r.x.ambiguous(r.s, "staff.reading_points", report.AmbiguousReadings, "一个数同时指受理点和查阅点")
			return
		}
		if topic == tpReading {
			key = "staff.reading_points"
		}
	case tpTraining:
		switch m.class {
		case uTimes:
			key = "trainings.total"
		case uPeople:
			key = "trainees.total"
		}
	case tpPress:
		if m.class == uTimes && !r.cumulativeWord(f) {
			key = "response.press_conferences"
		}
	case tpInterview:
		if m.class == uTimes {
			key = "response.online_interviews"
		}
	case tpHotTopic:
		// 回应公众关注热点或重大舆情数 (legacy table; domain.md D16).
		if m.class == uTimes || m.class == uItem || m.unit == "个" {
			key = "response.hot_topics"
		}
	case tpMeeting:
		// 召开政府信息公开工作会议或专题会议数: a meeting on disclosure work.
		if m.class == uTimes && r.has(f, kFOI, 0) || m.class == uTimes && strings.Contains(r.s.text[r.clauseStart(f):f.m.start], "公开") {
			key = "meetings.total"
		}
	case tpFulltime, tpParttime:
		if m.class != uPeople || m.unit == "人次" {
			return
		}
		key = "staff.fulltime"
		if topic == tpParttime {
			key = "staff.parttime"
		}
	}
	if key == "" {
		return
	}
	r.store(f, key, ruleFor(key))
}

// partOfLegacy reports whether f is listed under another legacy count
// ("其中,疫情防控新闻发布会…151场").
func (r *reader) partOfLegacy(fi int) bool {
	f := &r.frames[fi]
	if f.parent >= 0 {
		return r.frames[f.parent].dom == dLegacy
	}
	if r.breakAt >= 0 && f.tok > r.breakAt {
		return r.breakHead < 0 || r.frames[r.breakHead].dom == dLegacy
	}
	return false
}

// cumulativeWord reports whether 累计 stands in the words of f.
func (r *reader) cumulativeWord(f *frame) bool { return r.has(f, kMark, mCumul) }

// disclosureContext reports whether the sentence, its heading or the one
// before is about disclosure work.
func (r *reader) disclosureContext() bool {
	return r.foiHere() || strings.Contains(r.s.text+r.s.section+r.x.prev, "公开")
}

// art20 reads the Article 20 document counts a sentence states: documents
// issued, repealed and in force.
func (r *reader) art20(fi int) {
	f := &r.frames[fi]
	m := f.m
	if m.class != uItem || m.unitless || m.ranged || f.parent >= 0 || r.has(f, kMark, mCumul) {
		return // "规章13件(含新制定5件…)": the parts of a count published
	}
	act, _ := r.nearest(f, kAct)
	obj := uint8(0)
	if o, ok := r.nearest(f, kObject); ok {
		obj = o.val
	} else if o, ok := r.firstAfter(f, kObject); ok {
		obj = o.val
	} else {
		// "全区共制发24件,失效及废止31件,至12月31日现行有效的行政规范性文件共56件":
		// the noun said once, at the end of the list.
		for i := f.tok + 1; i < len(r.toks); i++ {
			t := r.toks[i]
			if t.kind == kObject {
				obj = t.val
				break
			}
			if t.kind == kOpen || t.kind == kClose {
				break
			}
		}
	}
	if obj == 0 {
		// "制定规范性文件5件,…,废止3件": the noun of the list before.
		for i := fi - 1; i >= 0; i-- {
			if p := &r.frames[i]; p.depth == f.depth && (p.obj == oNormative || p.obj == oRule) {
				obj = p.obj
				break
			}
		}
	}
	f.obj = obj
	if obj != oNormative && obj != oRule {
		return
	}
	kind := "normative"
	if obj == oRule {
		kind = "rules"
	}
	key := ""
	switch y := r.x.year; {
	case y >= 2021:
		switch act.val {
		case aIssue:
			key = "art20." + kind + ".issued"
		case aRepeal:
			key = "art20." + kind + ".repealed"
		case aInForce:
			key = "art20." + kind + ".in_force"
		}
	case y > 0 && y <= 2018 && act.val == aIssue && obj == oNormative:
		key = "legacy.normative_issued"
	}
	if key == "" {
		return
	}
	r.store(f, key, ruleArt20)
}

// decision reads an Article 20 decision count: "作出行政处罚决定8件".
func (r *reader) decision(fi int) {
	f := &r.frames[fi]
	if f.m.class != uItem || f.m.unitless {
		return
	}
	t, ok := r.nearest(f, kDecision)
	if !ok {
		return
	}
	r.store(f, decisionKeys[t.val], ruleDecisions)
}

// fee reads a fee amount, converted to 万元.
func (r *reader) fee(fi *frame) {
	m := fi.m
	var fee, notFOI, info bool
	r.back(fi, func(_ int, t token) bool {
		if t.kind == kFee {
			switch t.val {
			case fFee:
				fee = true
			case fInfo:
				fee, info = true, true
			case fNotFOI:
				notFOI = true
			}
		}
		if t.kind == kBody || t.kind == kTopic {
			notFOI = true
		}
		return true
	})
	if !fee || notFOI || m.ranged || m.unitless {
		return
	}
	if !info && !strings.Contains(r.s.text+r.s.section, "公开") {
		return
	}
	v := m.value
	if m.unit == "元" {
		v /= 10000
	}
	key := r.x.feeKey(info)
	fi.key = key
	r.x.candidate(r.s, key, v, m.approx, ruleFees, m.unit, fi.scope, m)
}

// otherYear reports whether the words before a figure tie it to a year
// other than the report's ("2022年公开信息…", "较2023年增加6%"). Dates
// (年…月) are not years a figure belongs to.
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
		if j < 4 || !isDigits(before[j-4:j]) || before[j-4:j-2] != "19" && before[j-4:j-2] != "20" {
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
