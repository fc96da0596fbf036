package prose

import (
	"strings"

	"github.com/xxgk/xxgk/etl/extract/tables/glued"
	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
)

// Extract reads the figures a report states in sentences, and the figures
// it saw but would not store (two readings fit, a unit is missing, whose
// figure it is is unclear). For each key the first figure read wins, except
// that the report's own scope wins over an area-wide one (a government's
// 本级 over 全区; the aggregate when the report says it was compiled from
// the area's bodies' reports).
func Extract(t *normalize.Text, id report.Identity) ([]report.Metric, []report.Ambiguity) {
	x := extractor{t: t, year: id.Year, agency: id.Agency, gov: isGovernment(id.Agency)}
	split(t.Norm, func(s span) {
		if tableRow(s.text) || glued.Row(s.text) || resultHeader(s.text) {
			return // cells are the table extractor's; rows are no sentences
		}
		x.caseHere = false
		x.sentence(s)
		x.prev, x.prevCase = s.text, x.caseHere
	})
	return x.resolve(), x.amb
}

// extractor collects figures over one report.
type extractor struct {
	t      *normalize.Text
	year   int
	agency string
	gov    bool // the report is a government's (人民政府, its 办公厅, a 街道办事处)

	compiled       bool   // the report says it was compiled from the area's bodies' reports
	sentences      int    // sentences read so far
	prev           string // the sentence before
	caseHere       bool   // the current sentence counted review or litigation cases
	prevCase       bool   // the sentence before did
	appsSeen       bool   // a count of applications received was read
	breakCarry     bool   // the sentence before ended with a figure a "其中…" may break down
	headAge        int    // sentences since the last proactive figure a breakdown may follow
	headSection    string // the heading it was read under
	outcomeSeen    bool   // a row of the answers was read
	prevDom        domain // what the last figure read of the sentence before was about
	outcomeSection string // under this heading

	cands []cand
	amb   []report.Ambiguity
	r     reader // reused for every sentence
}

// cand is a figure read, before the scopes are settled.
type cand struct {
	key    string
	value  float64
	approx bool
	scope  uint8
	prov   report.Provenance
}

// candidate records a figure read from sentence s.
func (x *extractor) candidate(s span, key string, v float64, approx bool, rule, unit string, scope uint8, m *mention) {
	if scope == sBodies && !x.gov {
		// A department's report quoting every body of the area: not its own.
		x.ambiguous(s, key, "scope", "全区各部门的合计，不是本机关的数")
		return
	}
	text, start, end := x.t.Quote(s.start, s.end)
	x.cands = append(x.cands, cand{key: key, value: v, approx: approx, scope: scope,
		prov: report.Provenance{Source: "prose", Text: text, Start: start, End: end, Rule: rule, Unit: unit}})
}

// hasCandidate reports whether a figure was read under key.
func (x *extractor) hasCandidate(key string) bool {
	for i := range x.cands {
		if x.cands[i].key == key {
			return true
		}
	}
	return false
}

// ambiguous records a figure seen and not stored.
func (x *extractor) ambiguous(s span, key string, reason report.AmbiguityReason, detail string) {
	text, start, end := x.t.Quote(s.start, s.end)
	for _, a := range x.amb {
		if a.Key == key && a.Prov.Start == start && a.Detail == detail {
			return // the same doubt about the same sentence
		}
	}
	x.amb = append(x.amb, report.Ambiguity{Key: key, Reason: reason, Detail: detail,
		Prov: report.Provenance{Source: "prose", Text: text, Start: start, End: end, Rule: ruleAmbiguous}})
}

// resolve picks one figure per key: the first read, unless it is an
// area-wide figure and the report's own scope gives one too (or, in a report
// compiled for the whole area, the other way round).
func (x *extractor) resolve() []report.Metric {
	out := make([]report.Metric, 0, len(x.cands))
	done := map[string]bool{}
	own := !x.compiled && x.ownFigures()
	for i, c := range x.cands {
		if done[c.key] {
			continue
		}
		if own && c.scope == sBodies {
			// A government's report giving figures of its own quotes the sum
			// of every body of the area ("全区各部门、各街道合计…", "全省…
			// 县（市、区）政府共发布…") beside them: not its own figure. A
			// report of area figures only (a district's statistics) keeps it.
			x.amb = append(x.amb, report.Ambiguity{Key: c.key, Reason: "scope", Detail: "全区各部门的合计，不是本机关的数",
				Prov: report.Provenance{Source: "prose", Text: c.prov.Text, Start: c.prov.Start, End: c.prov.End, Rule: ruleAmbiguous}})
			continue
		}
		done[c.key] = true
		pick := i
		aggregate := c.scope == sArea || c.scope == sBodies
		if aggregate && !x.compiled || c.scope == sOwn && x.compiled {
			for j := i + 1; j < len(x.cands); j++ {
				d := x.cands[j]
				if d.key != c.key {
					continue
				}
				if !x.compiled && d.scope == sOwn || x.compiled && (d.scope == sArea || d.scope == sBodies) {
					pick = j
					break
				}
			}
		}
		p := x.cands[pick]
		out = append(out, report.Metric{Key: p.key, Kind: report.KindNumber, Value: p.value, Approx: p.approx, Prov: p.prov})
	}
	return out
}

// ownFigures reports whether the report gives figures not said of the whole
// area: its own scope, or none named.
func (x *extractor) ownFigures() bool {
	for i := range x.cands {
		if s := x.cands[i].scope; s != sArea && s != sBodies {
			return true
		}
	}
	return false
}

// isGovernment reports whether an agency is a government (or acts as one:
// its general office, a street office), whose report reads 本级 figures.
func isGovernment(agency string) bool {
	for _, s := range []string{"人民政府", "政府办公厅", "政府办公室", "街道办事处", "管理委员会", "管委会"} {
		if strings.Contains(agency, s) {
			return true
		}
	}
	return strings.HasSuffix(agency, "政府")
}

// ownName reports whether a word is part of the agency's own name: a
// 信访办's report counts applications under its own name.
func (x *extractor) ownName(w string) bool { return x.agency != "" && strings.Contains(x.agency, w) }

// legacyYear reports whether the report is of the legacy era (before the
// 2019 forms), whose statistics table the legacy keys follow.
func (x *extractor) legacyYear() bool { return x.year > 0 && x.year <= 2018 }

// feeKey is fees.info_processing for the 信息处理费 of 2021 and later,
// fees.collected for the cost fees before.
func (x *extractor) feeKey(info bool) string {
	if info || x.year >= 2021 {
		return "fees.info_processing"
	}
	return "fees.collected"
}

// span is a sentence of the normalised text with the heading it sits under.
type span struct {
	start, end int
	text       string
	section    string
	cues       uint16 // the cueTable bits of its runes, and cueCount
}

// sentence reads one sentence: its zero statements and its counts.
func (x *extractor) sentence(s span) {
	x.sentences++
	c := cuesOf(s.cues)
	count := c.count && hasCount(s.text)
	// A denial of applications, cases or fees, or a topic said to be zero.
	zero := c.neg && (c.cases || c.apply || c.fee) || strings.HasSuffix(strings.TrimRight(s.text, "。.; "), "为零")
	if !x.compiled && x.sentences < compiledSentences && c.compiled && compiledReport(s.text) {
		x.compiled = true
	}
	if !count && !zero && !c.persons {
		if x.headAge++; x.headAge > maxHeadAge {
			x.breakCarry = false
		}
		return
	}
	r := &x.r
	r.x, r.s = x, s
	r.toks, r.ms = tokenize(s.text, r.toks, r.ms)
	r.scope, r.caseKind = 0, 0
	if count {
		from := len(x.cands)
		r.read()
		x.twice(s, from)
	} else {
		r.frames = r.frames[:0]
	}
	if zero {
		r.zeroes()
	}
	if c.persons {
		x.allPersons(s)
	}
	for _, f := range r.frames {
		if f.dom == dOutcome && f.key != "" {
			x.outcomeSeen, x.outcomeSection = true, s.section
		}
	}
	x.prevDom = dNone
	for i := len(r.frames) - 1; i >= 0; i-- {
		if f := r.frames[i]; f.depth == 0 && f.key != "" {
			x.prevDom = f.dom
			break
		}
	}
	// A proactive figure may be broken down by a sentence that opens with
	// 其中 a little later, after its parts by kind or a remark ("…123条,
	// 其中工作动态61条;…。较上年增长5%。其中,门户网站70条…"), until a
	// figure of something else is read or the heading changes.
	x.headAge++
	for _, f := range r.frames {
		switch {
		case f.head && f.depth == 0:
			x.breakCarry, x.headAge, x.headSection = true, 0, s.section
		case f.key != "" && f.dom != dProactive && f.dom != dInterp:
			x.breakCarry = false
		}
	}
	if x.headAge > maxHeadAge || x.headSection != s.section {
		x.breakCarry = false
	}
}

// maxHeadAge is how many sentences after a proactive figure a "其中…" may
// still break it down.
const maxHeadAge = 4

// twice drops the answers' rows a sentence states twice with two counts
// ("…依法不予公开1件、…依法不予公开1件"): the row's figure is neither.
func (x *extractor) twice(s span, from int) {
	for i := from; i < len(x.cands); i++ {
		k := x.cands[i].key
		if !isOutcomeKey(k) {
			continue
		}
		scope, rule := x.cands[i].scope, x.cands[i].prov.Rule
		for j := i + 1; j < len(x.cands); j++ {
			if x.cands[j].key != k || x.cands[j].prov.Rule != rule || x.cands[j].scope != scope {
				continue
			}
			x.ambiguous(s, k, report.AmbiguousReadings, "同一办理结果在一句中出现两次")
			kept := x.cands[:i]
			for _, c := range x.cands[i:] {
				if c.key != k || c.scope != scope {
					kept = append(kept, c)
				}
			}
			x.cands = kept
			i--
			break
		}
	}
}

// isOutcomeKey reports whether key is a row of the answers.
func isOutcomeKey(k string) bool {
	for _, p := range []string{"granted.", "partial.", "denied", "unavailable", "unprocessed", "other", "apps_carried"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// compiledSentences is how many sentences into a report the one saying how
// it was compiled is looked for: it opens the report.
const compiledSentences = 12

// compiledReport reports whether a sentence says the report was compiled
// from the reports of the area's bodies ("根据…各部门和各区、市政府的…年度报告
// 编制", "综合区政府各委、局、办和各街道办事处的…年度报告编制而成").
func compiledReport(s string) bool {
	if !strings.Contains(s, "各") || !strings.Contains(s, "年度报告") || !(strings.Contains(s, "编制") || strings.Contains(s, "汇总") || strings.Contains(s, "综合")) {
		return false
	}
	for _, w := range []string{"各部门", "各区", "各街道", "各委", "各乡镇", "各县", "委办局", "各单位", "各镇"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// allPersonsWords say every applicant was a natural person.
var allPersonsWords = newWords("均为自然人", "全部为自然人", "均系自然人")

// allPersons copies the application total to the natural-person column
// when the report says every applicant was one ("申请人均为自然人").
func (x *extractor) allPersons(s span) {
	if !allPersonsWords.MatchString(s.text) {
		return
	}
	for _, c := range x.cands {
		if c.key == "apps_new.total" {
			x.candidate(s, "apps_new.person", c.value, c.approx, ruleAllPersons, "", c.scope, nil)
			return
		}
	}
}

// tableRow reports whether a line is a row of a laid-out table ("| a | b |")
// or a bare cell: too short to be a sentence.
// resultHeader reports whether a sentence is the header of the review and
// litigation table laid out as text: two of its result columns or more
// (结果维持, 结果纠正, 其他结果, 尚未审结, perhaps spaced out a character
// at a time, "结 果 维 持   尚 未 审 结") and no figure. Its 未 is no denial
// of cases.
func resultHeader(s string) bool {
	if !strings.Contains(s, "结") || strings.ContainsAny(s, "0123456789") {
		return false
	}
	c := strings.Join(strings.Fields(s), "")
	n := 0
	for _, h := range [...]string{"结果维持", "结果纠正", "其他结果", "尚未审结"} {
		if strings.Contains(c, h) {
			n++
		}
	}
	return n >= 2
}

func tableRow(s string) bool {
	if len(s) < 6 {
		return true
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '|' {
			if n++; n == 2 {
				return true
			}
		}
	}
	return false
}
