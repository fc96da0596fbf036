package prose

import (
	"strings"
	"unicode/utf8"
)

// A sentence is read as a run of tokens: its counts (a number with a unit),
// the lexicon's words and the punctuation that cuts clauses and asides.
// Everything else (most of the text) is passed over.

// token is one word, count or mark of a sentence.
type token struct {
	kind       kind
	val        uint8
	foi        bool
	start, end int // byte offsets in the sentence text
	m          int // for kNum: index into the sentence's mentions
}

// unitClass says what a unit counts.
type unitClass uint8

const (
	uItem   unitClass = 1 << iota // 条, 件, 篇: items, applications, cases
	uTimes                        // 次, 场, 期: events
	uPlace                        // 个, 处: places, things
	uPeople                       // 名, 人, 人次
	uMoney                        // 元, 万元
)

// mention is one count of a sentence.
type mention struct {
	value    float64
	approx   bool
	unit     string
	class    unitClass
	cn       bool // written in Chinese numerals
	unitless bool // an Arabic number a lost unit left bare ("推送信息1363微博…")
	ranged   bool // the upper end of a range ("11—30件")
	start    int  // byte offsets of the count (number to unit) in the sentence
	end      int
}

// tokenize reads a sentence into tokens and mentions, reusing the buffers.
func tokenize(s string, toks []token, ms []mention) ([]token, []mention) {
	toks, ms = toks[:0], ms[:0]
	quoteEnd := -1 // end of the quoted name being read
	for i := 0; i < len(s); {
		c := s[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = decode(s, i)
			if r < 0x10000 && cueTable[r]&(cueNum|cueLex) == 0 {
				i += size // most of the text: no word, count or mark starts here
				continue
			}
		}
		if i > quoteEnd || i == quoteEnd && c != '"' {
			// The closing " of a quoted name opens no other: read as an
			// opener it would take the words up to the next name's quote
			// ("通过"浔阳发布"政务微博公开1102条,通过"浔阳发布"…") for a name.
			if end := quoted(s, i, r, size); end > 0 {
				quoteEnd = end
				i += size
				continue
			}
		}
		if i < quoteEnd {
			// A quoted name (“健康杭州”, 《…公报》) is a name: of its words
			// only a channel counts ("在“上海市人民政府网站”发布").
			if e, ok := lexTable.match(s, i, r); ok && (e.kind == kChannel || e.kind == kOutcome || e.kind == kReason || e.kind == kMark && e.val == mCN) && i+len(e.word) <= quoteEnd {
				toks = append(toks, token{kind: e.kind, val: e.val, start: i, end: i + len(e.word)})
				i += len(e.word)
				continue
			}
			i += size
			continue
		}
		switch {
		case c == ',' || c == ':':
			toks = append(toks, token{kind: kComma, start: i, end: i + 1})
			i++
			continue
		case c == '(' || c == '[':
			toks = append(toks, token{kind: kOpen, start: i, end: i + 1})
			i++
			continue
		case c == ')' || c == ']':
			toks = append(toks, token{kind: kClose, start: i, end: i + 1})
			i++
			continue
		case r == '、':
			toks = append(toks, token{kind: kList, start: i, end: i + size})
			i += size
			continue
		case r == '，' || r == '：':
			toks = append(toks, token{kind: kComma, start: i, end: i + size})
			i += size
			continue
		case r == '（' || r == '【':
			toks = append(toks, token{kind: kOpen, start: i, end: i + size})
			i += size
			continue
		case r == '）' || r == '】':
			toks = append(toks, token{kind: kClose, start: i, end: i + size})
			i += size
			continue
		}
		if isNumeral(r) {
			if m, ok := scanMention(s, i, r < utf8.RuneSelf, true); ok {
				if k := skipBlank(s, m.end); m.unit == "期" && k < len(s) && s[k] >= '0' && s[k] <= '9' {
					// "推送信息164期492条": the issues qualify the items.
					i = m.end
					continue
				}
				toks = append(toks, token{kind: kNum, start: m.start, end: m.end, m: len(ms)})
				ms = append(ms, m)
				i = m.end
				continue
			}
		}
		if e, ok := lexTable.match(s, i, r); ok {
			toks = append(toks, token{kind: e.kind, val: e.val, foi: e.foi, start: i, end: i + len(e.word)})
			i += len(e.word)
			continue
		}
		if r < utf8.RuneSelf && (c >= '0' && c <= '9') {
			// A number that is no count: skip all its digits, so that its
			// tail is not read as a count of its own ("0510-88700942").
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' || s[j] == '-') {
				j++
			}
			if t, ok := strayNumber(s, i, j, toks); ok {
				// A page number a PDF layer left inside a word: "其3中".
				toks = append(toks, t)
				i = t.end
				continue
			}
			i = j
			continue
		}
		i += size
	}
	return toks, ms
}

// spacedGroups returns the index after the thousands groups that follow
// s[:j] apart by single spaces, as a PDF text layer prints a figure ("2 308
// 条": j after the "2"), or j when there are none. Each group is exactly
// three digits, and the figure must end at its unit (after a blank, 余/多
// or 万 perhaps): two separate numbers side by side ("第1 至 3 条", "2 100
// 3 件") are not joined.
func spacedGroups(s string, j int) int {
	e := j
	for e+4 <= len(s) && s[e] == ' ' && isDigits(s[e+1:e+4]) && (e+4 == len(s) || s[e+4] < '0' || s[e+4] > '9') {
		e += 4
	}
	if e == j {
		return j
	}
	k := skipBlank(s, e)
	if r, n := runeAt(s, k); r == '余' || r == '多' || r == '万' {
		k = skipBlank(s, k+n)
	}
	if r, n := runeAt(s, k); r == '万' || r == '余' || r == '多' {
		k = skipBlank(s, k+n)
	}
	if u, _ := unitAt(s, k); u == "" {
		return j
	}
	return e
}

// clauseEnd reports whether s ends at i or a clause or sentence mark
// follows there.
func clauseEnd(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	switch c := s[i]; c {
	case ',', ';', '.', ':', ')', ' ':
		return true
	}
	r, _ := decode(s, i)
	switch r {
	case '，', '；', '。', '：', '）', '、':
		return true
	}
	return false
}

// scanMention reads the count starting at s[i]: a numeral (Arabic or
// Chinese), an optional 余/多 and 万, and a unit: "1901条", "1236余条",
// "两起", "3.8万余条", "2 030 条". It reports false when no count starts
// there; with bare, an Arabic number whose unit a damaged copy lost is a
// count too, marked unitless. A count right after 第, a letter or a digit
// group (an ordinal, a phone number) is none. A hand scanner: it runs on
// every numeral of the prose.
func scanMention(s string, i int, arabic, bare bool) (mention, bool) {
	start := i
	j := i
	for j < len(s) {
		c := s[j]
		if arabic {
			if c >= '0' && c <= '9' || c == '.' {
				j++
				continue
			}
			break
		}
		r2, s2 := decode(s, j)
		if !isCNNumeral(r2) {
			break
		}
		j += s2
	}
	num := strings.TrimRight(s[start:j], ".")
	if arabic && len(num) <= 3 && !strings.Contains(num, ".") {
		// Digits spaced out by a PDF text layer: "2 030 条", "1 234 567 条".
		if e := spacedGroups(s, j); e > j {
			num += strings.ReplaceAll(s[j:e], " ", "")
			j = e
		}
	}
	for arabic && len(num) <= 3+4*strings.Count(num, ",") && !strings.Contains(num, ".") && j+4 <= len(s) && s[j] == ',' &&
		isDigits(s[j+1:j+4]) && (j+4 == len(s) || s[j+4] < '0' || s[j+4] > '9') {
		// A thousands separator: "12,763条" (the comma is no clause end).
		num += s[j : j+4]
		j += 4
	}
	num = strings.ReplaceAll(num, ",", "")
	k := skipBlank(s, j)
	approx, wan := false, false
	if r, n := runeAt(s, k); r == '余' || r == '多' {
		approx, k = true, skipBlank(s, k+n)
	}
	if r, n := runeAt(s, k); r == '万' {
		if r2, _ := runeAt(s, k+n); r2 != '元' {
			wan, k = true, skipBlank(s, k+n)
			if r, n := runeAt(s, k); r == '余' || r == '多' {
				approx, k = true, skipBlank(s, k+n)
			}
		}
	}
	unit, class := unitAt(s, k)
	if unit == "" && (!arabic || !bare || wan || !bareCount(s, start, j, num)) {
		return mention{}, false // Chinese numerals without a unit are words: "一是"
	}
	if start > 0 {
		prev := strings.TrimRight(s[:start], " \t?")
		if strings.HasSuffix(prev, "第") || prev != "" && len(prev) == start && endsWithDigitOrLetter(prev) {
			return mention{}, false // 第3条 is an article, 0510-88700942 a phone number
		}
	}
	v, ok := parseNumber(num)
	if !ok {
		return mention{}, false
	}
	if !arabic && (unit == "人" || unit == "个" || unit == "次" || unit == "期" || unit == "处" || unit == "份" || unit == "名") &&
		(v < 2 || !clauseEnd(s, k+len(unit))) {
		// "一个", "一次", "两个责任", "三个部门" are mostly words, not counts;
		// a count of two or more ending its clause is one ("设立查阅点两处,",
		// "查阅点三个。").
		return mention{}, false
	}
	if wan {
		v *= 10000
	}
	m := mention{value: v, approx: approx, unit: unit, class: class, cn: !arabic, start: start}
	if unit == "" {
		m.unitless, m.end = true, j
		return m, true
	}
	m.end = k + len(unit)
	pre := strings.TrimRight(s[:start], " \t?")
	if strings.HasSuffix(pre, "近") || strings.HasSuffix(pre, "约") || strings.HasSuffix(pre, "超过") {
		m.approx = true
	}
	if strings.HasPrefix(s[m.end:], "以上") {
		m.approx = true
	}
	if p, ok := rangeBefore(pre); ok {
		if q := strings.TrimRight(p, "0123456789"); q != p {
			if strings.HasSuffix(strings.TrimRight(q, " \t"), "第") {
				return mention{}, false // "第9至12条": articles, not a count
			}
			m.ranged = true // "11—30件"
		} else if strings.HasSuffix(p, "件") || strings.HasSuffix(p, "条") {
			m.ranged = true
		}
	}
	return m, true
}

// rangeBefore returns the text before a range mark that ends pre ("11—",
// "9 至 "), and whether there is one.
func rangeBefore(pre string) (string, bool) {
	for _, d := range []string{"—", "–", "~", "～", "-", "至", "到"} {
		if strings.HasSuffix(pre, d) {
			return strings.TrimRight(strings.TrimSuffix(pre, d), " \t"), true
		}
	}
	return "", false
}

// runeAt decodes the rune at s[i], or 0 past the end.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	return decode(s, i)
}

// unitAt returns the counting unit at s[k] and its class, or "". A switch
// on the rune rather than a comparison with every unit: it runs after every
// numeral.
func unitAt(s string, k int) (string, unitClass) {
	r, n := runeAt(s, k)
	next := func(w rune) bool { r2, _ := runeAt(s, k+n); return r2 == w }
	switch r {
	case '件':
		if next('次') {
			return "件次", uItem
		}
		return "件", uItem
	case '条':
		if next('次') {
			return "条次", uItem
		}
		return "条", uItem
	case '人':
		if next('次') {
			return "人次", uPeople
		}
		return "人", uPeople
	case '万':
		if next('元') {
			return "万元", uMoney
		}
	case '篇', '项', '宗', '封', '起', '份':
		return s[k : k+n], uItem
	case '元':
		return "元", uMoney
	case '名':
		return "名", uPeople
	case '次', '场', '期':
		return s[k : k+n], uTimes
	case '个', '处':
		return s[k : k+n], uPlace
	}
	return "", 0
}

// quoted returns the end of the quoted name opening at s[i] (r, of size
// bytes), or -1: a quote closed within a short name's length.
func quoted(s string, i int, r rune, size int) int {
	var closer string
	switch r {
	case '“':
		closer = "”"
	case '‘':
		closer = "’"
	case '《':
		closer = "》"
	case '「':
		closer = "」"
	case '"':
		closer = "\""
	default:
		return -1
	}
	rest := s[i+size:]
	if len(rest) > 180 {
		rest = rest[:180]
	}
	j := strings.Index(rest, closer)
	if j < 0 {
		return -1
	}
	return i + size + j
}

// strayNumber reads a lexicon word that a stray page number of one to
// three digits (s[i:j]) cuts in two: the Han character before the digits
// and the text after them. The character before must have been passed over
// (no token ends at it).
func strayNumber(s string, i, j int, toks []token) (token, bool) {
	if j-i > 3 || i < 3 || j >= len(s) {
		return token{}, false
	}
	r, n := utf8.DecodeLastRuneInString(s[:i])
	if r < 0x4E00 || r > 0x9FFF {
		return token{}, false
	}
	if len(toks) > 0 && toks[len(toks)-1].end > i-n {
		return token{}, false
	}
	if next, _ := utf8.DecodeRuneInString(s[j:]); next < 0x4E00 || next > 0x9FFF {
		return token{}, false
	}
	// The longest word that starts with the character and goes on after
	// the digits.
	b := lexTable.bucket(r)
	for _, e := range b {
		if len(e.word) > n && strings.HasPrefix(s[j:], e.word[n:]) {
			return token{kind: e.kind, val: e.val, foi: e.foi, start: i - n, end: j + len(e.word) - n}, true
		}
	}
	return token{}, false
}

// hasCount reports whether a sentence holds a count (a numeral with a
// unit), a cheap test before it is read word by word: most sentences with a
// numeral hold none ("一是", "进一步", "十九大").
func hasCount(s string) bool {
	for i := 0; i < len(s); {
		r, size := decode(s, i)
		if !isNumeral(r) {
			i += size
			continue
		}
		if _, ok := scanMention(s, i, r < utf8.RuneSelf, false); ok {
			return true
		}
		// Past the numeral run.
		arabic := r < utf8.RuneSelf
		for i < len(s) {
			r2, s2 := decode(s, i)
			if arabic && (r2 >= '0' && r2 <= '9' || r2 == '.') || !arabic && isCNNumeral(r2) {
				i += s2
				continue
			}
			break
		}
	}
	return false
}

// bareCount reports whether an Arabic number with no unit after it may be a
// count whose unit a damaged copy lost: it is not a year, a date, a part of
// a code, and a clause goes on after it ("推送信息1363微博发布…",
// "办理申请96,均…").
func bareCount(s string, start, end int, num string) bool {
	if strings.Contains(num, ".") || len(num) > 6 {
		return false
	}
	if len(num) == 4 && (num[:2] == "19" || num[:2] == "20") {
		return false // a year
	}
	rest := strings.TrimLeft(s[end:], " \t")
	if rest == "" {
		return false
	}
	if rest[0] == ',' {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if r < 0x4E00 || r > 0x9FFF {
		return false
	}
	switch r {
	case '年', '月', '日', '号', '届', '时', '分', '秒', '米', '岁', '倍', '万', '亿', '千', '百', '家', '户', '平', '公', '天', '周', '小', '类', '大', '级', '批', '轮', '组', '套', '部', '余', '多', '点', '成', '元', '后', '前':
		return false
	}
	e, ok := lexTable.match(rest, 0, r)
	return ok && (e.kind == kChannel || e.kind == kAct || e.kind == kObject)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isNumeral(r rune) bool { return r < 0x10000 && cueTable[r]&cueNum != 0 }

func isCNNumeral(r rune) bool { return r >= utf8.RuneSelf && r < 0x10000 && cueTable[r]&cueNum != 0 }

// skipBlank passes over spaces and the '?' a copy leaves for a lost blank
// glyph ("共?1340条?").
func skipBlank(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '?') {
		i++
	}
	return i
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

func endsWithDigitOrLetter(s string) bool {
	c := s[len(s)-1]
	return c >= '0' && c <= '9' || c == '.' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
