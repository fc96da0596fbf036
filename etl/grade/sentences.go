package grade

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xxgk/xxgk/etl/report"
)

const (
	// minHan is the fewest Han characters of a content sentence: shorter
	// ones (headings, labels, "无。") say too little to tell a copy.
	minHan = 10
	// joinRunes: a line of at least this many characters that does not end
	// a sentence was broken by the page's layout and goes on in the next
	// line (synth wraps PDF-like prose at 30–45; table labels are shorter
	// or stand between blank lines).
	joinRunes = 20

	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// The levels of an item number at the start of a line.
const (
	levelNone = iota
	levelTop  // 一、 二、 第一部分: the parts of a report
	levelSub  // （一） (二): subsections
	levelItem // 1. 2、 (3): items
)

// scanner reads a normalised text once, byte by byte, hashing sentences as
// it goes and noting the headings of parts.
type scanner struct {
	norm    string
	names   names // the agency's own names, masked
	keepAll bool  // keyOf: hash the last sentence whatever its length

	out             []report.Sentence // offsets into norm until Of maps them
	parts, subParts []string

	// the sentence being read
	open        bool
	start, last int // its first byte and the byte past its last content
	full, bare  uint64
	han         int
	inNum       bool
	frame       bool // it names a field of the page's frame (发布时间：…)

	// the line being read
	lineRunes int
	lastRune  rune

	// the last sentence flushed, for keyOf
	lastFull, lastBare uint64
	lastHan            int
}

func (s *scanner) scan() {
	norm := s.norm
	lineStart := true
	for i := 0; i < len(norm); {
		if lineStart {
			lineStart = false
			s.lineRunes, s.lastRune = 0, 0
			j := skipBlank(norm, i)
			if j < len(norm) && norm[j] == '|' {
				// A table row: the table extractor's, and the form's words.
				s.flush()
				lineStart = true
				if k := strings.IndexByte(norm[j:], '\n'); k >= 0 {
					i = j + k + 1
					continue
				}
				break
			}
			if e, level := enumerator(norm, j); level != levelNone {
				s.flush()
				if level != levelItem {
					s.heading(norm[e:], level)
				}
				j = e
			}
			i = j
			continue
		}
		c := norm[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= '0' && c <= '9':
				s.begin(i)
				if !s.inNum {
					s.mark('#')
					s.inNum = true
				}
				s.last = i + 1
			case s.inNum && (c == '.' || c == ',' || c == '%'):
				// inside a number: 1,234.5 and 12.5% are one mark
			case c == '\n':
				s.newline(i)
				lineStart = true
				i++
				continue
			case c == ':':
				s.frame = s.frame || s.open && frameField(norm[s.start:i])
				s.inNum = false
			case c == '!' || c == '?' || c == ';':
				if s.open {
					s.last = i + 1
				}
				s.flush()
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				s.begin(i)
				s.add(rune(c))
				s.inNum = false
				s.last = i + 1
			default:
				s.inNum = false
			}
			if c != ' ' && c != '\t' && c != '\r' {
				s.lineRunes++
				s.lastRune = rune(c)
			}
			i++
			continue
		}
		// Decoded by hand for the three-byte runes of Chinese text: this
		// loop runs over every character of every report.
		var r rune
		n := 3
		if c&0xF0 == 0xE0 && i+2 < len(norm) {
			r = rune(c&0x0F)<<12 | rune(norm[i+1]&0x3F)<<6 | rune(norm[i+2]&0x3F)
		} else {
			r, n = utf8.DecodeRuneInString(norm[i:])
		}
		switch {
		case r == '。' || r == '…':
			if s.open {
				s.last = i + n
			}
			s.flush()
		case isHan(r):
			if s.names.may(r) {
				if l := s.names.at(norm, i, r); l > 0 {
					// One of the agency's own names: one mark for all of it.
					s.begin(i)
					s.mark('@')
					i += l
					s.last, s.inNum = i, false
					s.lineRunes++
					s.lastRune = r
					continue
				}
			}
			s.begin(i)
			i = s.hanRun(i)
			continue
		case r < 0x2000 && unicode.IsLetter(r):
			// Latin and other alphabets; the punctuation of Chinese text
			// (U+2000 and up, outside the Han ranges) is dropped.
			s.begin(i)
			s.add(r)
			s.inNum = false
			s.last = i + n
		default:
			s.inNum = false
		}
		// Normalised text has no white space beyond ASCII.
		s.lineRunes++
		s.lastRune = r
		i += n
	}
	s.flush()
}

// hanRun hashes the run of Han characters of the three-byte range that
// starts at i (the common case of Chinese prose, in a loop of its own with
// the hashes in registers) and returns the offset after it. It stops
// before anything else: punctuation, digits, a character that may start
// one of the agency's names.
func (s *scanner) hanRun(i int) int {
	norm := s.norm
	full, bare, han, n := s.full, s.bare, s.han, 0
	var r rune
	for i+2 < len(norm) {
		c := norm[i]
		if c < 0xE3 || c > 0xE9 {
			break
		}
		x := rune(c&0x0F)<<12 | rune(norm[i+1]&0x3F)<<6 | rune(norm[i+2]&0x3F)
		if x < 0x3400 || n > 0 && s.names.may(x) {
			break
		}
		r = x
		full = (full ^ uint64(r)) * fnvPrime
		bare = (bare ^ uint64(r)) * fnvPrime
		han++
		n++
		i += 3
	}
	if n == 0 {
		// A Han character outside the three-byte lead range (extension
		// planes): one step the ordinary way.
		r, size := utf8.DecodeRuneInString(norm[i:])
		s.add(r)
		s.han++
		s.inNum = false
		s.last = i + size
		s.lineRunes++
		s.lastRune = r
		return i + size
	}
	s.full, s.bare, s.han = full, bare, han
	s.inNum = false
	s.last = i
	s.lineRunes += n
	s.lastRune = r
	return i
}

func (s *scanner) begin(i int) {
	if s.open {
		return
	}
	s.open, s.start = true, i
	s.full, s.bare, s.han, s.inNum, s.frame = fnvOffset, fnvOffset, 0, false, false
}

// mark adds a mask mark (a number, a name) to the full hash only: the bare
// hash, which the boilerplate table is keyed by, is the words alone.
// Hashes are FNV-1a over runes rather than bytes: one step per character.
func (s *scanner) mark(b byte) { s.full = (s.full ^ uint64(b)) * fnvPrime }

// add adds a character to both hashes.
func (s *scanner) add(r rune) {
	s.full = (s.full ^ uint64(r)) * fnvPrime
	s.bare = (s.bare ^ uint64(r)) * fnvPrime
}

// newline ends the sentence at a line break unless the line was wrapped.
func (s *scanner) newline(i int) {
	if !s.open {
		return
	}
	if s.lineRunes >= joinRunes && !endsSentence(s.lastRune) && continues(s.norm, i+1) {
		s.inNum = false
		return
	}
	s.flush()
}

func (s *scanner) flush() {
	if !s.open {
		return
	}
	s.open = false
	s.lastFull, s.lastBare, s.lastHan = s.full, s.bare, s.han
	if s.keepAll || s.han < minHan || boilerplate[s.bare] || s.frame {
		return
	}
	s.out = append(s.out, report.Sentence{Hash: s.full, Start: s.start, End: s.last})
}

// frameFields are the field names of a web page's frame around a report
// (发布时间：… 来源：… 浏览次数：…, 主办单位：… 版权所有): the same on every
// page of a site, so they would make an agency's years look copied.
var frameFields = []string{"发布时间", "发布日期", "信息来源", "来源", "责任编辑", "浏览次数", "点击数",
	"访问量", "字体", "主办单位", "承办单位", "版权所有", "网站标识码", "备案号", "索引号", "发文日期", "成文日期"}

// frameField reports whether the text before a colon ends in the name of
// a field of the page's frame.
func frameField(before string) bool {
	before = strings.TrimRight(before, " ")
	for _, f := range frameFields {
		if strings.HasSuffix(before, f) {
			return true
		}
	}
	return false
}

// heading notes the part a numbered line names, when it is a heading:
// its words up to the end of the line or sentence are few.
func (s *scanner) heading(rest string, level int) {
	const most = 30 // characters of a heading's words
	end := 0
	for n := 0; end < len(rest); n++ {
		if n > most {
			return // a numbered paragraph, not a heading
		}
		r, size := utf8.DecodeRuneInString(rest[end:])
		if r == '\n' || r == '。' || r == ':' || r == ';' || r == '!' || r == '?' {
			break
		}
		end += size
	}
	code := partOf(rest[:end])
	if code == "" {
		return
	}
	if level == levelTop {
		s.parts = appendOnce(s.parts, code)
	} else {
		s.subParts = appendOnce(s.subParts, code)
	}
}

func appendOnce(list []string, code string) []string {
	for _, c := range list {
		if c == code {
			return list
		}
	}
	return append(list, code)
}

// endsSentence reports whether a line ending in r ends its sentence (or
// introduces what follows, as a colon does).
func endsSentence(r rune) bool {
	switch r {
	case '。', '!', '?', ';', ':', '…':
		return true
	}
	return false
}

// continues reports whether the line starting at j can continue a wrapped
// sentence: it has text, and it is neither a table row nor a numbered item.
func continues(norm string, j int) bool {
	j = skipBlank(norm, j)
	if j >= len(norm) || norm[j] == '\n' || norm[j] == '|' {
		return false
	}
	_, level := enumerator(norm, j)
	return level == levelNone
}

func skipBlank(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
		i++
	}
	return i
}

func isHan(r rune) bool {
	return r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x3FFFF
}

// hanNumeral reports whether r is a Chinese numeral as item numbers use them.
func hanNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '〇', '零':
		return true
	}
	return false
}

// enumerator reads an item number at i: "一、", "十二.", "第三部分", "(一)",
// "(1)", "1.", "2、". It returns the offset after it (and the blanks that
// follow) and its level; levelNone and i when there is none. "3.5" and
// "一是" are not item numbers.
func enumerator(s string, i int) (int, int) {
	if i >= len(s) {
		return i, levelNone
	}
	done := func(j, level int) (int, int) { return skipBlank(s, j), level }
	switch c := s[i]; {
	case c == '(':
		j := i + 1
		han, digits := 0, 0
		for j < len(s) && han+digits < 3 {
			r, n := utf8.DecodeRuneInString(s[j:])
			switch {
			case hanNumeral(r):
				han++
			case r >= '0' && r <= '9':
				digits++
			default:
				n = 0
			}
			if n == 0 {
				break
			}
			j += n
		}
		if j < len(s) && s[j] == ')' && (han > 0) != (digits > 0) {
			if han > 0 {
				return done(j+1, levelSub)
			}
			return done(j+1, levelItem)
		}
	case c >= '0' && c <= '9':
		j := i + 1
		if j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if strings.HasPrefix(s[j:], "、") {
			return done(j+len("、"), levelItem)
		}
		if j < len(s) && (s[j] == ')' || s[j] == '.' && (j+1 >= len(s) || s[j+1] < '0' || s[j+1] > '9')) {
			return done(j+1, levelItem)
		}
	default:
		j := i
		if strings.HasPrefix(s[j:], "第") {
			j += len("第")
		}
		k := j
		for n := 0; k < len(s) && n < 3; n++ {
			r, size := utf8.DecodeRuneInString(s[k:])
			if !hanNumeral(r) {
				break
			}
			k += size
		}
		if k == j {
			break
		}
		if j > i {
			if strings.HasPrefix(s[k:], "部分") {
				return done(k+len("部分"), levelTop)
			}
			break
		}
		if strings.HasPrefix(s[k:], "、") {
			return done(k+len("、"), levelTop)
		}
		if k < len(s) && s[k] == '.' {
			return done(k+1, levelTop)
		}
	}
	return i, levelNone
}

// The parts of a report, by the words of their headings, most specific
// first: 其他需要报告的事项 before anything, 问题 before 复议 (a heading on
// the problems of reviews is about problems), 收费 before 申请 (收费及减免
// of applications), 申请 before 主动公开.
var partCues = []struct {
	code string
	cues []string
}{
	{"other", []string{"其他需要报告", "其他事项", "其他需要说明"}},
	{"problems", []string{"问题"}},
	{"review", []string{"复议", "诉讼"}},
	{"fees", []string{"收费", "减免", "费用"}},
	{"applications", []string{"申请"}},
	{"proactive", []string{"主动公开"}},
	{"overview", []string{"总体情况", "基本情况", "概述", "概况", "总体概况"}},
}

// partOf names the part a heading's words announce, "" for none.
func partOf(h string) string {
	if !hasCueRune(h) {
		return "" // most numbered lines: a look at each character settles it
	}
	for _, p := range partCues {
		for _, c := range p.cues {
			if strings.Contains(h, c) {
				return p.code
			}
		}
	}
	return ""
}

// hasCueRune reports whether h has a character some cue of partCues
// starts with.
func hasCueRune(h string) bool {
	for _, r := range h {
		switch r {
		case '其', '问', '复', '诉', '收', '减', '费', '申', '主', '总', '基', '概':
			return true
		}
	}
	return false
}

// names are the agency's own names: its full name, the places its name is
// made of (北京市, 朝阳区), its province and its city, longest first. They
// are masked because a report copied from another agency has them
// replaced.
type names struct {
	list  []string
	first []rune // the first rune of each name
	mask  uint64 // bit r%64 set for each first rune r: most runes are none
}

func namesOf(id report.Identity) names {
	var ns names
	for _, n := range append(places(id.Agency), id.Agency, id.Province, id.City) {
		if utf8.RuneCountInString(n) < 2 || slices.Contains(ns.list, n) {
			continue
		}
		ns.list = append(ns.list, n)
	}
	sort.SliceStable(ns.list, func(a, b int) bool { return len(ns.list[a]) > len(ns.list[b]) })
	for _, n := range ns.list {
		r, _ := utf8.DecodeRuneInString(n)
		ns.first = append(ns.first, r)
		ns.mask |= 1 << (uint(r) & 63)
	}
	return ns
}

// may reports whether r may start one of the names.
func (ns *names) may(r rune) bool { return ns.mask>>(uint(r)&63)&1 != 0 }

// at returns the length of the longest name at s[i:], whose first rune is
// r, or 0.
func (ns *names) at(s string, i int, r rune) int {
	for k, f := range ns.first {
		if f == r && strings.HasPrefix(s[i:], ns.list[k]) {
			return len(ns.list[k])
		}
	}
	return 0
}

// places splits the leading place names off an agency's name:
// 北京市朝阳区司法局 → 北京市, 朝阳区. A place is two or more characters
// ending in a division word; the first run that is not one ends the list
// (甲县市场监督管理局 → 甲县, not 市).
func places(agency string) []string {
	var out []string
	start, n := 0, 0
	for i, r := range agency {
		n++
		if !strings.ContainsRune("省市县区州旗盟镇乡", r) {
			continue
		}
		if n < 2 {
			break
		}
		end := i + utf8.RuneLen(r)
		out = append(out, agency[start:end])
		start, n = end, 0
	}
	return out
}
