package prose

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xxgk/xxgk/etl/extract/tables/glued"
	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
)

// Extract reads the figures a report states in sentences. For each key the
// first figure read wins: reports state their headline figure before they
// repeat or break it down.
func Extract(t *normalize.Text, id report.Identity) []report.Metric {
	x := extractor{t: t, year: id.Year, seen: map[string]bool{}}
	split(t.Norm, func(s span) {
		if tableRow(s.text) || glued.Row(s.text) {
			return // cells are the table extractor's; rows are no sentences
		}
		x.caseHere = false
		x.sentence(s)
		x.prev, x.prevCase = s.text, x.caseHere
	})
	x.websiteOnly()
	return x.out
}

// extractor collects figures over one report.
type extractor struct {
	t    *normalize.Text
	year int
	prev string // the sentence before, for lists that continue a sentence about applications

	otherChannel bool // a figure was published through a channel the keys do not name
	caseHere     bool // the current sentence counted review or litigation cases
	prevCase     bool // the sentence before did
	seen         map[string]bool
	out          []report.Metric
	ms           []mention // the counts of the current clause, reused
}

// add stores a figure unless its key already has one.
func (x *extractor) add(s span, key string, v float64, approx bool, rule, unit string) {
	if x.seen[key] {
		return
	}
	x.seen[key] = true
	text, start, end := x.t.Quote(s.start, s.end)
	x.out = append(x.out, report.Metric{
		Key: key, Kind: report.KindNumber, Value: v, Approx: approx,
		Prov: report.Provenance{Source: "prose", Text: text, Start: start, End: end, Rule: rule, Unit: unit},
	})
}

// span is a sentence of the normalised text with the heading it sits under.
type span struct {
	start, end int
	text       string
	section    string
	cues       uint8 // the cueTable bits of its runes
}

// isNumbered reports whether s starts with an item number, as a heading
// line does: "五、", "(二)", "3." (not "3.5"). A hand scan: it runs on
// every line that starts with a digit or numeral.
func isNumbered(s string) bool {
	s = strings.TrimLeft(s, " \t\r\n\f")
	if s == "" {
		return false
	}
	switch c := s[0]; {
	case c >= '0' && c <= '9':
		i := 1
		if len(s) > 1 && s[1] >= '0' && s[1] <= '9' {
			i = 2
		}
		i = skipSpace(s, i)
		switch {
		case strings.HasPrefix(s[i:], "、"):
			i += len("、")
		case strings.HasPrefix(s[i:], "."):
			i++
		default:
			return false
		}
		return i == len(s) || s[i] < '0' || s[i] > '9'
	case c == '(':
		i := skipSpace(s, 1)
		j := skipHeadingNumerals(s, i)
		if j == i {
			return false
		}
		return strings.HasPrefix(s[skipSpace(s, j):], ")")
	default:
		j := skipHeadingNumerals(s, 0)
		if j == 0 {
			return false
		}
		rest := s[skipSpace(s, j):]
		return strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, ".")
	}
}

// skipHeadingNumerals skips the numerals headings are numbered with (一 to 十).
func skipHeadingNumerals(s string, i int) int {
	for i < len(s) {
		r, size := decode(s, i)
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		i += size
	}
	return i
}

var (
	// carryRE is the carried-over part a total includes: "(含2022年结转1件)".
	carryRE = regexp.MustCompile(`[(（]?含(?:上年|(?:19|20)\d\d\s*年度?)?结转(\d+)件[)）]?`)
)

// mention is one count in a clause with the words around it.
type mention struct {
	value  float64
	approx bool
	unit   string
	before string // the clause text since the previous count
	after  string // the clause text up to the next count
	clause string
	cn     bool // written in Chinese numerals
	start  int  // byte offsets of the count in the clause
	end    int
}

func (x *extractor) sentence(s span) {
	text := s.text
	c := cuesOf(s.cues)
	if c.neg {
		x.zeroes(s, c)
	}
	if c.persons {
		// "申请人均为自然人" may follow the sentence with the total, or share it.
		defer x.allPersons(s)
	}
	if !c.num {
		return
	}
	carried := -1.0
	if strings.Contains(text, "结转") {
		if m := carryRE.FindStringSubmatch(text); m != nil {
			carried, _ = strconv.ParseFloat(m[1], 64)
			text = strings.Replace(text, m[0], "", 1)
		}
	}
	st := state{}
	for rest := text; rest != ""; {
		// Clauses end at commas and colons (the text is half-width).
		clause := rest
		if i, size := clauseEnd(rest); i >= 0 {
			clause, rest = rest[:i], rest[i+size:]
		} else {
			rest = ""
		}
		if clause == "" {
			continue
		}
		x.ms = mentions(clause, x.ms[:0])
		for _, m := range x.ms {
			x.classify(s, m, &st, carried)
		}
		if t := trimASCII(clause); strings.HasPrefix(t, "其中") || strings.HasSuffix(t, "其中") {
			st.breakdown = true
		}
		if !st.published && publishRE.MatchString(clause) {
			st.published = true
		}
	}
}

// clauseEnd finds the first comma or colon of s (half-width, or the
// full-width ，：) and its length in bytes; -1 when there is none.
func clauseEnd(s string) (int, int) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ',' || c == ':':
			return i, 1
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && (s[i+2] == 0x8C || s[i+2] == 0x9A): // ，：
			return i, 3
		}
	}
	return -1, 0
}

// trimASCII drops the ASCII blanks around s: the normalised text has no
// other kind.
func trimASCII(s string) string {
	for s != "" && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r') {
		s = s[1:]
	}
	for s != "" && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}

// state carries what a sentence said before a clause: the case kind a
// "被纠错0件" refers to, and whether a breakdown (其中…) has begun.
type state struct {
	caseKind  string // "review" or "litigation"
	breakdown bool
	published bool // a clause before spoke of publishing
}

// maxBefore bounds, in bytes, the words before a figure that rules look at.
const maxBefore = 150

// units are the counting units a figure may carry, longest first. 期
// (issues of a feed), %, 年, 号, 次 and 个 ("六个部分") are no counts.
var units = []string{"件次", "万元", "条", "篇", "件", "项", "宗", "封", "起", "份", "元", "名"}

// mentions finds the counts of a clause: a numeral (Arabic or Chinese), an
// optional 余/多 and 万, and a unit: "1901条", "1236余条", "两起", "20余万条".
// A hand scanner rather than one pattern: it runs on every clause.
func mentions(clause string, out []mention) []mention {
	prev := 0
	for i := 0; i < len(clause); {
		// decode, inlined by hand: this loop runs over every rune of a clause.
		c := clause[i]
		r, size := rune(c), 1
		if c&0xF0 == 0xE0 && i+2 < len(clause) {
			r, size = rune(c&0x0F)<<12|rune(clause[i+1]&0x3F)<<6|rune(clause[i+2]&0x3F), 3
		} else if c >= utf8.RuneSelf {
			r, size = decodeOther(clause, i)
		}
		if !isNumeral(r) {
			i += size
			continue
		}
		start := i
		arabic := r < utf8.RuneSelf
		j := i
		for j < len(clause) {
			r2, s2 := decode(clause, j)
			if arabic && (r2 >= '0' && r2 <= '9' || r2 == '.') || !arabic && isCNNumeral(r2) {
				j += s2
				continue
			}
			break
		}
		num := strings.TrimRight(clause[start:j], ".")
		i = j
		k := skipSpace(clause, j)
		approx := false
		if rest, ok := cutAny(clause[k:], "余", "多"); ok {
			approx, k = true, len(clause)-len(rest)
		}
		k = skipSpace(clause, k)
		wan := false
		if strings.HasPrefix(clause[k:], "万") && !strings.HasPrefix(clause[k:], "万元") {
			wan, k = true, k+len("万")
		}
		if rest, ok := cutAny(clause[k:], "余", "多"); ok {
			approx, k = true, len(clause)-len(rest)
		}
		k = skipSpace(clause, k)
		unit := ""
		for _, u := range units {
			if strings.HasPrefix(clause[k:], u) {
				unit = u
				break
			}
		}
		if unit == "" {
			continue
		}
		end := k + len(unit)
		i = end
		if start > 0 && (strings.HasSuffix(clause[:start], "第") || endsWithDigitOrLetter(clause[:start])) {
			continue // 第3条 is an article, 0510-88700942 a phone number
		}
		v, ok := parseNumber(num)
		if !ok {
			continue
		}
		if wan {
			v *= 10000
		}
		pre := clause[prev:start]
		if strings.HasSuffix(pre, "近") || strings.HasSuffix(pre, "约") || strings.HasSuffix(pre, "超过") {
			approx = true
		}
		if strings.HasPrefix(clause[end:], "以上") {
			approx = true
		}
		if start-prev > maxBefore {
			// The words that say what a figure counts sit right before it;
			// a bound keeps the suffix patterns linear on run-on clauses.
			cut := start - maxBefore
			for cut < start && !utf8.RuneStart(clause[cut]) {
				cut++
			}
			prev = cut
		}
		out = append(out, mention{
			value: v, unit: unit, cn: !arabic, approx: approx,
			before: clause[prev:start], after: clause[end:], clause: clause,
			start: start, end: end,
		})
		prev = end
	}
	// after runs to the next count only.
	for n := 0; n+1 < len(out); n++ {
		out[n].after = clause[out[n].end:out[n+1].start]
	}
	return out
}

func isNumeral(r rune) bool { return r < 0x10000 && cueTable[r]&cueNum != 0 }

func isCNNumeral(r rune) bool { return r >= utf8.RuneSelf && r < 0x10000 && cueTable[r]&cueNum != 0 }

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

func cutAny(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest, true
		}
	}
	return s, false
}

func endsWithDigitOrLetter(s string) bool {
	c := s[len(s)-1]
	return c >= '0' && c <= '9' || c == '.' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// websiteOnly makes the website figure the total when a report names no
// other channel and no total: an agency that publishes only on its website
// states its whole output there ("通过区政府网站向社会主动公开信息共91条").
func (x *extractor) websiteOnly() {
	if x.otherChannel || x.seen["proactive.total"] || x.seen["proactive.weibo"] || x.seen["proactive.wechat"] || x.seen["proactive.new_media"] {
		return
	}
	for _, m := range x.out {
		if m.Key == "proactive.website" {
			m.Key = "proactive.total"
			m.Prov.Rule = ruleWebsiteOnly
			x.seen[m.Key] = true
			x.out = append(x.out, m)
			return
		}
	}
}

// tableRow reports whether a line is a row of a laid-out table ("| a | b |")
// or a bare cell: too short to be a sentence.
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

// mayBeHeading is a cheap test before headingRE: a heading starts with a
// digit, a bracket or a Chinese numeral (after blanks).
func mayBeHeading(s string) bool {
	s = trimLeft(s)
	if s == "" {
		return false
	}
	if c := s[0]; c >= '0' && c <= '9' || c == '(' {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isCNNumeral(r)
}

// cues records which of the characters the rules key on a sentence holds,
// found in one pass, so most rules can be skipped without a search.
type cues struct {
	num     bool // a digit or Chinese numeral
	neg     bool // 未, 没, 无, 免 or 不: a denial
	cases   bool // 复 or 诉
	apply   bool // 申 or 事
	fee     bool // 费
	persons bool // 自 (自然人)
}

// cuesOf reads the cueTable bits split gathered for a sentence.
func cuesOf(f uint8) cues {
	return cues{num: f&cueNum != 0, neg: f&cueNeg != 0, cases: f&cueCases != 0,
		apply: f&cueApply != 0, fee: f&cueFee != 0, persons: f&cuePersons != 0}
}

// Bits of cueTable.
const (
	cueNum uint8 = 1 << iota
	cueNeg
	cueCases
	cueApply
	cueFee
	cuePersons
)

// cueTable holds, for each rune of the Basic Multilingual Plane, the cues it
// is: one load a rune instead of a chain of comparisons.
var cueTable = func() *[0x10000]uint8 {
	var t [0x10000]uint8
	for r := '0'; r <= '9'; r++ {
		t[r] |= cueNum
	}
	for _, r := range "零〇一二两三四五六七八九十百千" {
		t[r] |= cueNum
	}
	for _, c := range []struct {
		runes string
		bit   uint8
	}{{"未没无免不", cueNeg}, {"复诉", cueCases}, {"申事", cueApply}, {"费", cueFee}, {"自", cuePersons}} {
		for _, r := range c.runes {
			t[r] |= c.bit
		}
	}
	return &t
}()

// decode is utf8.DecodeRuneInString(s[i:]) with the runes of Chinese text
// (three bytes) decoded inline: the scanners of this package decode every
// rune of every sentence. It is small enough to be inlined; a malformed
// three-byte sequence yields some rune of the same length, which the
// scanners only compare with the characters they look for.
func decode(s string, i int) (rune, int) {
	if c := s[i]; c&0xF0 == 0xE0 && i+2 < len(s) {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return decodeOther(s, i)
}

// decodeOther decodes the runes decode does not inline.
func decodeOther(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}
