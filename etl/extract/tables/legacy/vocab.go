package legacy

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Sections of a legacy table. A row's meaning can depend on its section:
// 维持具体行政行为数 is a review figure under 行政复议 and a litigation figure
// under 行政诉讼, 当面 an application channel under 依申请公开 and nothing under
// 咨询.
const (
	secNone       = ""
	secProactive  = "proactive"
	secResponse   = "response"
	secApps       = "apps"
	secConsult    = "consult"
	secReview     = "review"
	secLitigation = "litigation"
	secOther      = "other"
	secFees       = "fees"
	secStaff      = "staff"
	secMeetings   = "meetings"
)

// indicator is one row name of rows.tsv.
type indicator struct {
	re     *regexp.Regexp
	key    string // a metric key, ".upheld" (completed by the section), or "" for a row with no key
	where  string // the section the row must stand in when the table shows one; "" for any
	source string // where the wording is attested (domain.md §1.4)
	lit    string // the literal start every match has, tried before re
}

// rowsTSV is the documented vocabulary: row names → keys (see its header).
//
//go:embed rows.tsv
var rowsTSV string

var indicators = mustParseRows(rowsTSV)

// MaxCells is the most cells Read can place: one per key of the
// vocabulary. A report whose national tables placed more is read no
// further by this package, which could not outvote them.
var MaxCells = func() int {
	keys := map[string]bool{}
	for _, ind := range indicators {
		switch {
		case ind.key == "":
		case strings.HasPrefix(ind.key, "."):
			keys["review"+ind.key], keys["litigation"+ind.key] = true, true
		default:
			keys[ind.key] = true
		}
	}
	return len(keys)
}()

// mustParseRows reads rows.tsv. The file is part of the program, not input:
// a malformed line is a programming error that every test run reports.
func mustParseRows(tsv string) []indicator {
	var out []indicator
	for n, line := range strings.Split(tsv, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 || !strings.HasPrefix(f[0], "^") {
			panic(fmt.Sprintf("legacy rows.tsv line %d: want 4 tab-separated fields, the pattern anchored with ^: %q", n+1, line))
		}
		ind := indicator{re: regexp.MustCompile(f[0]), key: f[1], where: f[2], source: f[3]}
		if ind.key == "-" {
			ind.key = ""
		}
		if ind.where == "*" {
			ind.where = ""
		}
		ind.lit = literalStart(f[0])
		out = append(out, ind)
	}
	return out
}

// keySection is the section a row of key stands in, so that a table whose
// headings were lost still tells 当面 under 收到申请数 from 当面 elsewhere.
func keySection(key string) string {
	switch {
	case key == "":
		return secNone
	case strings.HasPrefix(key, "proactive.") || strings.HasPrefix(key, "legacy."):
		return secProactive
	case strings.HasPrefix(key, "response."):
		return secResponse
	case strings.HasPrefix(key, "review."):
		return secReview
	case strings.HasPrefix(key, "litigation."):
		return secLitigation
	case strings.HasPrefix(key, "."):
		return secNone // keeps the section it stands in
	case strings.HasPrefix(key, "complaints."):
		return secOther
	case strings.HasPrefix(key, "fees."):
		return secFees
	case strings.HasPrefix(key, "staff.") || strings.HasPrefix(key, "budget."):
		return secStaff
	case strings.HasPrefix(key, "meetings.") || strings.HasPrefix(key, "trainings.") || strings.HasPrefix(key, "trainees."):
		return secMeetings
	}
	return secApps
}

// headingSection reads the section a heading cell opens ("三、依申请公开情况",
// "（二）通过不同渠道和方式公开政府信息的情况", "咨询情况"), or "" when c opens
// none. Only short cells are headings. It runs on every short cell that is
// no row name, so it walks c once, noting the words it holds, rather than
// searching c for each word.
func headingSection(c string) string {
	if len(c) > 30*3 {
		return ""
	}
	var seen uint16
	for i, r := range c {
		switch r {
		case '咨', '依', '申', '回', '解', '主', '行', '举', '投', '收', '费', '机', '工', '经', '会', '培':
			for _, w := range headingWords {
				if w.first == r && strings.HasPrefix(c[i:], w.word) {
					seen |= 1 << w.rank
				}
			}
		}
	}
	if seen == 0 {
		return ""
	}
	if seen&(1<<hApplyTail) != 0 && !(strings.HasPrefix(c, "申请") && strings.HasSuffix(c, "情况")) {
		seen &^= 1 << hApplyTail
	}
	for rank := 0; rank < len(headingRanks); rank++ {
		if seen&(1<<rank) != 0 {
			return headingRanks[rank]
		}
	}
	return ""
}

// The heading words, by rank: a heading naming several ("依申请公开和咨询情况")
// opens the section of the first.
const (
	hConsult = iota
	hApply
	hApplyTail // 申请…情况: only a heading that starts with 申请
	hResponse
	hProactive
	hReview
	hLitigation
	hOther
	hFees
	hStaff
	hMeetings
)

var headingRanks = [...]string{hConsult: secConsult, hApply: secApps, hApplyTail: secApps, hResponse: secResponse,
	hProactive: secProactive, hReview: secReview, hLitigation: secLitigation, hOther: secOther, hFees: secFees,
	hStaff: secStaff, hMeetings: secMeetings}

type headingWord struct {
	word  string
	first rune
	rank  uint
}

var headingWords = func() []headingWord {
	words := []struct {
		w    string
		rank uint
	}{
		{"咨询", hConsult}, {"依申请", hApply}, {"申请", hApplyTail}, {"回应", hResponse}, {"解读", hResponse},
		{"主动公开", hProactive}, {"行政复议", hReview}, {"行政诉讼", hLitigation},
		{"申诉", hOther}, {"举报", hOther}, {"投诉", hOther}, {"收费", hFees}, {"费用", hFees},
		{"机构建设", hStaff}, {"工作人员", hStaff}, {"经费", hStaff}, {"会议", hMeetings}, {"培训", hMeetings},
	}
	out := make([]headingWord, len(words))
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w.w)
		out[i] = headingWord{word: w.w, first: r, rank: w.rank}
	}
	return out
}()

// moneyKeys are the keys whose figures are amounts, stored in 万元.
var moneyKeys = map[string]bool{"fees.collected": true, "budget.special": true}

// byFirst indexes the indicators by the first character of their label,
// so a cell is tried only against the few that could match it.
var byFirst = func() map[rune][]indicator {
	m := map[rune][]indicator{}
	for _, ind := range indicators {
		r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(ind.re.String(), "^"))
		m[r] = append(m[r], ind)
	}
	return m
}()

// literalStart returns the plain text an anchored pattern starts with: the
// runes after ^ up to the first operator, less the last one when the
// operator makes it optional ("^行政复议数量?$" starts with "行政复议数").
func literalStart(pattern string) string {
	p := strings.TrimPrefix(pattern, "^")
	end := 0
	for i, r := range p {
		switch r {
		case '?', '*', '{':
			_, n := utf8.DecodeLastRuneInString(p[:i])
			return p[:i-n]
		case '(', ')', '[', ']', '|', '$', '.', '+', '\\', '^':
			return p[:i]
		}
		end = i + utf8.RuneLen(r)
	}
	return p[:end]
}

// stripSubrow drops the 其中 that opens a sub-row when table.Canon has not
// ("其中当面申请数", "其中、国家秘密").
func stripSubrow(c string) string {
	if rest, ok := strings.CutPrefix(c, "其中"); ok && rest != "" {
		for _, p := range []string{":", "、", ",", "："} {
			rest = strings.TrimPrefix(rest, p)
		}
		if rest != "" {
			return rest
		}
	}
	return c
}

// match finds the indicator a label cell names. Most labels share no
// indicator's literal start, and are rejected without running a regexp;
// the verdict on those that do is remembered (see matched).
func match(c string) (indicator, bool) {
	c = stripSubrow(c)
	r, _ := utf8.DecodeRuneInString(c)
	cands := byFirst[r]
	candidate := false
	for _, ind := range cands {
		if strings.HasPrefix(c, ind.lit) {
			candidate = true
			break
		}
	}
	if !candidate {
		return indicator{}, false
	}
	k := -1
	if v, ok := matched.Load(c); ok {
		k = v.(int)
	} else {
		for j, ind := range cands {
			if strings.HasPrefix(c, ind.lit) && ind.re.MatchString(c) {
				k = j
				break
			}
		}
		if matchedLen.Load() < maxMatched {
			// A copy: c may be a slice of a whole report's text.
			matched.Store(strings.Clone(c), k)
			matchedLen.Add(1)
		}
	}
	if k < 0 {
		return indicator{}, false
	}
	return cands[k], true
}

// matched maps label cells that start like an indicator to the index of the
// indicator in their byFirst list that matched, or -1. The same template
// labels recur in every legacy report, and a lookup costs far less than the
// patterns; the map is safe for the parallel workers of a batch, and stops
// growing at maxMatched labels so odd labels cannot fill memory.
var (
	matched    sync.Map
	matchedLen atomic.Int32
)

const maxMatched = 1 << 14
