package prose

import (
	"strings"

	"github.com/xxgk/xxgk/etl/report"
)

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
// "1起,作维持情形处理", "1件,经县人民政府复议,维持原答复"), before any
// other count, case of another kind, or denial. A 均 or
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
		case kCase:
			if t.val != r.caseKind || res != 0 {
				return 0
			}
			// The same kind named again before the result: "行政复议1件,
			// 经县人民政府复议,维持我局原答复", "复议结果为维持". After it, the
			// kind names what the result acts on ("驳回复议请求"): not read.
		case kNum, kNeg:
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
		before := r.casesBefore(fi)
		if len(before) > 0 && (before[0] < 0 || !r.x.legacyYear()) {
			// From 2019 the table gives each kind's results and a prose 均
			// sums up loosely ("复议7件,诉讼9件,均获维持" beside a table with
			// 2 reviews pending): not read. Before, the prose is the record.
			r.x.ambiguous(r.s, caseKeys[r.caseKind]+"."+resultKeys[res], report.AmbiguousReadings, "“均”可能指前面几类案件")
			return 0
		}
		// "被申请行政复议2件、提起行政诉讼1件,均维持原答复": the counts run
		// straight into the 均 result, which covers each of them.
		for _, i := range before {
			p := &r.frames[i]
			r.x.candidate(r.s, strings.TrimSuffix(p.key, ".total")+"."+resultKeys[res], p.m.value, p.m.approx, ruleCaseResult, "", p.scope, p.m)
		}
	}
	return res
}

// casesBefore lists the case counts of other kinds before frame fi when they
// run straight into it: no other count, result, denial or breakdown
// between, no kind counted twice. Otherwise it returns [-1] when there is a
// case count before fi (a 均 after it may cover one or all), nil when none.
func (r *reader) casesBefore(fi int) []int {
	var out []int
	seen := false
	first := -1
	for i := 0; i < fi; i++ {
		if strings.HasSuffix(r.frames[i].key, ".total") && r.frames[i].dom == dCase {
			seen = true
			if first < 0 {
				first = i
			}
		}
	}
	if !seen {
		return nil
	}
	kinds := map[string]bool{r.frames[fi].key: true}
	for i := first; i < fi; i++ {
		p := &r.frames[i]
		if p.dom != dCase || !strings.HasSuffix(p.key, ".total") || kinds[p.key] {
			return []int{-1}
		}
		kinds[p.key] = true
		out = append(out, i)
	}
	for t := r.frames[first].tok; t < r.frames[fi].tok; t++ {
		switch tk := r.toks[t]; tk.kind {
		case kResult, kNeg:
			return []int{-1}
		case kMark:
			if tk.val == mBreakdown {
				return []int{-1}
			}
		}
	}
	return out
}
