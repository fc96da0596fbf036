package prose

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
)

// Extract reads the figures a report states in sentences. For each key the
// first figure read wins: reports state their headline figure before they
// repeat or break it down.
func Extract(t *normalize.Text, id report.Identity) []report.Metric {
	x := extractor{t: t, year: id.Year, seen: map[string]bool{}}
	for _, s := range split(t.Norm) {
		x.sentence(s)
	}
	x.websiteOnly()
	return x.out
}

// extractor collects figures over one report.
type extractor struct {
	t    *normalize.Text
	year int
	seen map[string]bool
	out  []report.Metric
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
}

// headingRE starts a heading line: "五、", "(二)", "3.".
var headingRE = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十]+\s*[、.]|\(\s*[一二三四五六七八九十]+\s*\)|\d{1,2}\s*[、.](?:\D|$))`)

// split cuts the text into sentences at 。!?; and line ends, remembering the
// last heading line before each.
func split(norm string) []span {
	var out []span
	section := ""
	start := 0
	lineStart := true
	for i, r := range norm {
		switch r {
		case '。', '!', '?', ';', '\n', '！', '？', '；':
			end := i + len(string(r))
			if r == '\n' {
				end = i
			}
			text := norm[start:end]
			if strings.TrimSpace(text) != "" {
				if lineStart && headingRE.MatchString(text) && (r == '\n' || utf8.RuneCountInString(text) <= 30) {
					section = text
				}
				out = append(out, span{start: start, end: end, text: text, section: section})
			}
			start = i + len(string(r))
			lineStart = r == '\n'
		}
	}
	if strings.TrimSpace(norm[start:]) != "" {
		out = append(out, span{start: start, end: len(norm), text: norm[start:], section: section})
	}
	for i := range out {
		// Quote the sentence without its surrounding blanks.
		s := &out[i]
		trimmed := strings.TrimLeft(s.text, " \t\r\u3000")
		s.start += len(s.text) - len(trimmed)
		s.text = strings.TrimRight(trimmed, " \t\r\u3000")
		s.end = s.start + len(s.text)
	}
	return out
}

var (
	// mentionRE is a count with its unit: "1901条", "1236余条", "两起", "0元",
	// "20余万", "3件次". 期 (issues of a feed), %, 年, 号 and 次 are no counts,
	// nor is 个 ("六个部分").
	mentionRE = regexp.MustCompile(`(近|约|超过)?(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)\s*(余|多)?\s*(万)?\s*(余|多)?\s*(件次|条|篇|件|项|宗|封|起|份|万元|元)(以上)?`)
	// clauseRE ends a clause inside a sentence.
	clauseRE = regexp.MustCompile(`[,，:：]`)
	// yearTokRE is a year mentioned in a clause; dates (年…月) are not years
	// the figure belongs to.
	yearTokRE = regexp.MustCompile(`((?:19|20)\d\d)\s*年(?:\s*\d{1,2}\s*月)?`)
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
}

func (x *extractor) sentence(s span) {
	text := s.text
	x.zeroes(s)
	if !strings.ContainsAny(text, "0123456789零〇一二两三四五六七八九十") {
		return
	}
	carried := -1.0
	if m := carryRE.FindStringSubmatch(text); m != nil {
		carried, _ = strconv.ParseFloat(m[1], 64)
		text = strings.Replace(text, m[0], "", 1)
	}
	st := state{}
	for _, clause := range clauseRE.Split(text, -1) {
		ms := mentions(clause)
		for _, m := range ms {
			x.classify(s, m, &st, carried)
		}
		if strings.HasPrefix(strings.TrimSpace(clause), "其中") || strings.HasSuffix(strings.TrimSpace(clause), "其中") {
			st.breakdown = true
		}
	}
}

// state carries what a sentence said before a clause: the case kind a
// "被纠错0件" refers to, and whether a breakdown (其中…) has begun.
type state struct {
	caseKind  string // "review" or "litigation"
	caseTotal float64
	breakdown bool
}

func mentions(clause string) []mention {
	locs := mentionRE.FindAllStringSubmatchIndex(clause, -1)
	var out []mention
	prev := 0
	for i, l := range locs {
		if l[0] > 0 {
			c := clause[:l[0]]
			if strings.HasSuffix(c, "第") || endsWithDigitOrLetter(c) {
				continue // 第3条 is an article, 0510-88700942 a phone number
			}
		}
		num := clause[l[4]:l[5]]
		v, ok := parseNumber(num)
		if !ok {
			continue
		}
		if l[8] >= 0 {
			v *= 10000
		}
		unit := clause[l[12]:l[13]]
		next := len(clause)
		if i+1 < len(locs) {
			next = locs[i+1][0]
		}
		out = append(out, mention{
			value: v, unit: unit, cn: cnNumeral(num),
			approx: l[2] >= 0 || l[6] >= 0 || l[10] >= 0 || l[14] >= 0,
			before: clause[prev:l[0]], after: clause[l[1]:next], clause: clause,
		})
		prev = l[1]
	}
	return out
}

func endsWithDigitOrLetter(s string) bool {
	c := s[len(s)-1]
	return c >= '0' && c <= '9' || c == '.' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// websiteOnly makes the website figure the total when a report names no
// other channel and no total: an agency that publishes only on its website
// states its whole output there ("通过区政府网站向社会主动公开信息共91条").
func (x *extractor) websiteOnly() {
	if x.seen["proactive.total"] || x.seen["proactive.weibo"] || x.seen["proactive.wechat"] || x.seen["proactive.new_media"] {
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
