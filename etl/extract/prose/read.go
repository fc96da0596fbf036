package prose

import (
	"strconv"
	"strings"
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
	held := r.scope // the scope before a clause that names one
	acted := false  // the current clause has an act or a count
	for fi := range r.frames {
		f := &r.frames[fi]
		// The scope and case words met so far hold for this figure (those
		// of an aside only inside it). A scope named in a clause without an
		// act or a count ("按照全市各部门统一部署,…") is no one's figure's
		// subject: it lapses at the clause's end.
		for ; ti < f.tok; ti++ {
			switch t := r.toks[ti]; t.kind {
			case kOpen:
				d++
			case kClose:
				d = max(d-1, 0)
			case kComma:
				if d == 0 {
					if !acted {
						r.scope = held
					}
					held, acted = r.scope, false
				}
			case kAct:
				acted = true
			case kScope:
				if d == 0 {
					r.scope = t.val
				}
			case kCase:
				r.caseKind = t.val
			}
		}
		f.scope = r.scope
		held, acted = r.scope, true
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
