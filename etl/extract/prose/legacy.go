package prose

import (
	"strings"

	"github.com/xxgk/xxgk/etl/report"
)

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
// before is about disclosure work. A heading of the report's response block
// (回应关切, 回应解读, 政策解读: the national table's 二、回应解读情况) is.
func (r *reader) disclosureContext() bool {
	return r.foiHere() || strings.Contains(r.s.text+r.s.section+r.x.prev, "公开") ||
		strings.Contains(r.s.section, "回应") || strings.Contains(r.s.section, "解读")
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

// totalOfClause reports whether the words of a clause before its figure
// are only a total word ("共计", "合计", "总计", "金额"): the clause names no
// thing of its own.
func totalOfClause(words string) bool {
	w := strings.TrimSpace(words)
	for _, p := range []string{"共", "计", "合", "总", "金额", "为", "是", "收取"} {
		w = strings.ReplaceAll(w, p, "")
	}
	return w == "" && strings.TrimSpace(words) != ""
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
	if !fee && !notFOI && totalOfClause(r.s.text[r.clauseStart(fi):m.start]) {
		// "收取信息处理费3件次,共计1350.00元": the amount of the fee named
		// in the clause before, whose count stands between them.
		for i := fi.tok - 1; i >= 0; i-- {
			if t := r.toks[i]; t.kind == kFee && (t.val == fFee || t.val == fInfo) {
				fee, info = true, t.val == fInfo
				break
			} else if t.kind == kBody || t.kind == kTopic || t.kind == kFee {
				break
			}
		}
	}
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
