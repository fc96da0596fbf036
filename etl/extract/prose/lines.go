package prose

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// lineKind is what a line of the normalised text is, before sentences are
// cut: prose, or a part of a table laid out as text.
type lineKind uint8

const (
	lineBlank lineKind = iota
	lineText           // prose (or a heading)
	lineNum            // a bare cell: "0", "12", "/", "3 0 0 5"
	linePipe           // a laid-out table row: "| a | b |"
	lineCell           // a label cell of a table laid out one cell a line
	linePage           // page furniture: "- 2 -", "第 3 页", "第3页 共10页"
)

// line is one line of the normalised text, without its line break.
type line struct {
	start, end int
	kind       lineKind
}

// scanLines cuts norm into lines and tells table cells from prose. Text
// exports lay a table out one cell a line; a label followed by numeric cells
// is a row label ("2、申请人逾期未按收费通知要求缴纳费用…" then "0"), not a
// sentence, and must not be read as one.
func scanLines(norm string, buf []line) []line {
	out := buf[:0]
	if n := strings.Count(norm, "\n") + 1; cap(out) < n {
		out = make([]line, 0, n)
	}
	for start := 0; start <= len(norm); {
		end := strings.IndexByte(norm[start:], '\n')
		if end < 0 {
			end = len(norm)
		} else {
			end += start
		}
		k := kindOf(norm[start:end])
		if k != lineBlank && pageFurniture(norm[start:end]) {
			k = linePage
		}
		out = append(out, line{start: start, end: end, kind: k})
		start = end + 1
	}
	for i := range out {
		if out[i].kind != lineText {
			continue
		}
		l := norm[out[i].start:out[i].end]
		if endsSentence(l) {
			continue // a sentence stands on its own, whatever follows
		}
		next, after := nextNonBlank(out, i), -1
		if next >= 0 {
			after = nextNonBlank(out, next)
		}
		prev := prevNonBlank(out, i)
		// A label whose next line is a numeric cell, inside a run of cells
		// (another numeric cell after it or before the label) or numbered as
		// the forms number their rows. A lone number after a sentence is a
		// page number.
		if next >= 0 && out[next].kind == lineNum &&
			(after >= 0 && out[after].kind == lineNum || prev >= 0 && out[prev].kind == lineNum || numbered(l)) {
			out[i].kind = lineCell
			continue
		}
		if trailingCells(l) >= 2 {
			out[i].kind = lineCell // "2.申请人逾期… 0 0 0 0 0 0 0"
		}
	}
	return out
}

// nextNonBlank returns the next line after i that is neither blank nor
// page furniture, or -1.
func nextNonBlank(ls []line, i int) int {
	for j := i + 1; j < len(ls); j++ {
		if ls[j].kind != lineBlank && ls[j].kind != linePage {
			return j
		}
	}
	return -1
}

func prevNonBlank(ls []line, i int) int {
	for j := i - 1; j >= 0; j-- {
		if ls[j].kind != lineBlank && ls[j].kind != linePage {
			return j
		}
	}
	return -1
}

// kindOf classifies a line by its characters alone.
func kindOf(l string) lineKind {
	blank, num := true, true
	for i := 0; i < len(l); i++ {
		c := l[i]
		if c == ' ' || c == '\t' || c == '\r' {
			continue
		}
		blank = false
		if !(c >= '0' && c <= '9' || c == '.' || c == '/' || c == '-' || c == '%') {
			num = false
			break
		}
	}
	switch {
	case blank:
		return lineBlank
	case num:
		return lineNum
	case strings.Count(l, "|") >= 2:
		return linePipe
	}
	if len(l) > 12 {
		return lineText
	}
	if t := strings.Trim(l, " \t\r"); t == "—" || t == "——" || t == "－" {
		return lineNum // a dash for an empty cell
	}
	return lineText
}

// endsSentence reports whether a line ends with a sentence's punctuation.
func endsSentence(l string) bool {
	l = strings.TrimRight(l, " \t\r")
	r, _ := utf8.DecodeLastRuneInString(l)
	switch r {
	case '。', '!', '?', ';', '！', '？', '；':
		return true
	case '无':
		// "依申请公开情况:无": an item answered, with no full stop.
		return strings.HasSuffix(l, ":无") || strings.HasSuffix(l, "：无")
	}
	return false
}

// numbered reports whether a line starts with an item number: "2、", "2.",
// "(二)", "二、".
func numbered(l string) bool {
	return mayBeHeading(l) && isNumbered(l)
}

// trailingCells counts the numeric cells a line ends with, separated by
// blanks: a table row of a text layout keeps its label and figures on one
// line.
func trailingCells(l string) int {
	n := 0
	end := len(l)
	if t := trimRight(l); t == "" || kindOf(t[len(t)-1:]) != lineNum {
		return 0 // no cell at the end: most lines end with a Han character
	}
	for {
		for end > 0 && (l[end-1] == ' ' || l[end-1] == '\t' || l[end-1] == '\r') {
			end--
		}
		start := end
		for start > 0 && l[start-1] != ' ' && l[start-1] != '\t' {
			start--
		}
		if start == 0 || start == end || kindOf(l[start:end]) != lineNum {
			return n // the first field is the label, not a cell
		}
		n++
		end = start
	}
}

// continues reports whether the line break after line i falls inside a
// sentence (text copied from a PDF or a narrow web page): the line does not
// end one, and the next line follows without a blank line and starts no
// heading, item, figure or table cell.
func continues(norm string, ls []line, i int) bool {
	// A page break inside a sentence ("通过“浔阳发" / "- 2 -" / "布”政务微博…")
	// puts page furniture, and the blank lines around it, between the two
	// halves: the sentence goes on at the next line of text.
	j, page := i+1, false
	for j < len(ls) && (ls[j].kind == lineBlank || ls[j].kind == linePage) {
		page = page || ls[j].kind == linePage
		j++
	}
	if i+1 < len(ls) && ls[i].kind == lineText && j > i+1 && !page {
		// A PDF layer may put the figure of a sentence on a line of its
		// own after a blank one: "共计发布信息\n\n7435 条,其中…".
		l := norm[ls[i].start:ls[i].end]
		if j := nextNonBlank(ls, i); j >= 0 && ls[j].kind == lineText && !endsSentence(l) &&
			!headingLine(l) && startsWithCount(norm[ls[j].start:ls[j].end]) {
			return true
		}
		return false
	}
	if j >= len(ls) || ls[i].kind != lineText || ls[j].kind != lineText {
		return false
	}
	l, next := norm[ls[i].start:ls[i].end], norm[ls[j].start:ls[j].end]
	if endsSentence(l) || headingLine(l) {
		return false // a sentence or a heading line
	}
	next = strings.TrimLeft(next, " \t\r")
	r, _ := utf8.DecodeRuneInString(next)
	l = trimRight(l)
	switch {
	case r >= '0' && r <= '9' && l != "" && l[len(l)-1] >= '0' && l[len(l)-1] <= '9':
		return !numbered(next) // a figure broken across lines: "公开信息5\n7条"
	case r >= '0' && r <= '9' && startsWithCount(next):
		return true // the figure of the sentence on the next line: "当面申请\n5件"
	case r == ',' || r == ';' || r == ':' || r == '、' || r == '。':
		return true // punctuation never starts a line of its own: "2件\n,其他结果1件"
	case r >= '0' && r <= '9', r < utf8.RuneSelf && r != '"' && r != '\'':
		return false // a figure, a bracketed item, a bullet
	case strings.ContainsRune("(（【[●•·○■□◆◇★☆—-*第", r):
		return false
	}
	return !numbered(next)
}

// headingLine reports whether a line is a heading: numbered, short, and
// holding no sentence. "（一）主动公开。全年主动公开政府信息" opens with a
// heading but goes on with a sentence that the next line may finish.
func headingLine(l string) bool {
	if !numbered(l) || utf8.RuneCountInString(l) > 30 {
		return false
	}
	end := strings.IndexAny(l, "。；")
	return end < 0 || strings.TrimSpace(l[end+len("。"):]) == ""
}

// pageFurniture reports whether a line is only a page's number as a page
// prints it: "- 2 -", "— 12 —", "第 3 页", "第3页 共10页", "第3页/共10页". A
// bare number is not: it may be a table cell.
func pageFurniture(l string) bool {
	l = strings.TrimSpace(l)
	if l == "" || len(l) > 40 {
		return false
	}
	if rest, ok := strings.CutPrefix(l, "第"); ok {
		n, rest := digitRun(strings.TrimLeft(rest, " "))
		if n == 0 {
			return false
		}
		rest, ok = strings.CutPrefix(strings.TrimLeft(rest, " "), "页")
		if !ok {
			return false
		}
		rest = strings.TrimLeft(rest, " ,，/")
		if rest == "" {
			return true
		}
		rest, ok = strings.CutPrefix(rest, "共")
		if !ok {
			return false
		}
		n, rest = digitRun(strings.TrimLeft(rest, " "))
		return n > 0 && strings.TrimSpace(rest) == "页"
	}
	for _, dash := range []string{"-", "—", "–", "－"} {
		if inner, ok := strings.CutPrefix(l, dash); ok {
			inner, ok = strings.CutSuffix(inner, dash)
			if !ok {
				return false
			}
			n, rest := digitRun(strings.TrimSpace(inner))
			return n > 0 && rest == ""
		}
	}
	return false
}

// digitRun returns the number of ASCII digits s starts with, and the rest.
func digitRun(s string) (int, string) {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n, s[n:]
}

// startsWithCount reports whether a line starts with a count: digits, a
// blank perhaps, and a counting unit ("7435 条,其中…").
func startsWithCount(l string) bool {
	l = strings.TrimLeft(l, " \t")
	j := 0
	for j < len(l) && l[j] >= '0' && l[j] <= '9' {
		j++
	}
	if j == 0 {
		return false
	}
	if j <= 3 {
		j = spacedGroups(l, j) // "2 308 条,其中…"
	}
	u, _ := unitAt(strings.TrimLeft(l[j:], " \t"), 0)
	return u != ""
}

// split cuts the text into sentences at 。!?; and at line ends that end a
// sentence, and calls fn with each, in order, with the last heading line
// before it. Table cells are left out. A sentence joined across a line
// break keeps the span of the original (break included) and has the break
// removed from its text. The cues of each sentence are gathered in the same
// pass over its runes.
func split(norm string, fn func(span)) {
	lb := linePool.Get().(*[]line)
	ls := scanLines(norm, *lb)
	defer func() { *lb = ls[:0]; linePool.Put(lb) }()
	section := ""
	open := -1 // start of a sentence carried over a line break
	var carry []byte
	var carryCues uint16
	num := false // the rune before was a numeral (or 余, 多, 万, a blank after one)
	emit := func(start, end int, text string, f uint16) {
		trimmed := trimLeft(text)
		if trimmed == "" {
			return
		}
		lead := len(text) - len(trimmed)
		trimmed = trimRight(trimmed)
		tail := len(text) - lead - len(trimmed)
		fn(span{start: start + lead, end: end - tail, text: trimmed, section: section, cues: f})
	}
	for li, l := range ls {
		if l.kind != lineText {
			continue
		}
		start := l.start
		var f uint16
		if open < 0 {
			num = false
		}
		for i := l.start; i < l.end; {
			c := norm[i]
			size := 1
			if c < utf8.RuneSelf {
				f |= uint16(cueTable[c])
				if c >= '0' && c <= '9' {
					num = true
				} else if num && c != ' ' && c != '.' && c != '?' {
					num = false
				}
				if c != '!' && c != '?' && c != ';' || c == '?' && !questionMark(norm, i, l.end) {
					i++
					continue
				}
			} else {
				// decode, inlined by hand: this loop runs over every rune of the prose.
				r, n := rune(0), 3
				if c&0xF0 == 0xE0 && i+2 < len(norm) {
					r = rune(c&0x0F)<<12 | rune(norm[i+1]&0x3F)<<6 | rune(norm[i+2]&0x3F)
				} else {
					r, n = decodeOther(norm, i)
				}
				if r < 0x10000 {
					cue := cueTable[r]
					f |= uint16(cue)
					switch {
					case cue&cueNum != 0:
						num = true
					case num && r != '余' && r != '多' && r != '万':
						// A unit right after a numeral: the sentence may hold a count.
						if u, _ := unitAt(norm, i); u != "" {
							f |= cueCount
						}
						num = false
					}
				} else {
					num = false
				}
				if r != '。' && r != '！' && r != '？' && r != '；' {
					i += n
					continue
				}
				size = n
			}
			i += size
			if open >= 0 {
				emit(open, i, string(append(carry, trimLeft(norm[start:i])...)), f|carryCues)
				open, carry, carryCues = -1, carry[:0], 0
			} else {
				text := norm[start:i]
				if start == l.start && isHeading(text, false) {
					section = text
				}
				emit(start, i, text, f)
			}
			start, f = i, 0
		}
		rest := norm[start:l.end]
		if trimRight(trimLeft(rest)) == "" {
			continue
		}
		if open < 0 && start == l.start && isHeading(rest, true) {
			section = rest
		}
		if continues(norm, ls, li) {
			if open < 0 {
				open = start
				carry = append(carry[:0], trimRight(rest)...)
			} else {
				carry = append(carry, trimRight(trimLeft(rest))...)
			}
			carryCues |= f
			continue
		}
		if open >= 0 {
			emit(open, l.end, string(append(carry, trimLeft(rest)...)), f|carryCues)
			open, carry, carryCues = -1, carry[:0], 0
			continue
		}
		emit(start, l.end, rest, f)
	}
}

// questionMark reports whether the '?' at norm[i] ends a sentence. Copies
// put '?' for a glyph they lost (a blank around a figure: "共?1340条?,");
// a real question mark is followed by a blank, a quote or the line's end.
func questionMark(norm string, i, lineEnd int) bool {
	if i+1 >= lineEnd {
		return true
	}
	switch norm[i+1] {
	case ' ', '\t', '\r', '"', '\'':
		return true
	}
	return strings.HasPrefix(norm[i+1:], "”")
}

// linePool keeps the line buffers of split: a report has hundreds of lines.
var linePool = sync.Pool{New: func() any { return new([]line) }}

// isHeading reports whether the first sentence of a line is a heading:
// "五、…", "(二)…", "3.…"; a numbered sentence that is not the whole line
// is a heading only when short.
func isHeading(text string, wholeLine bool) bool {
	return mayBeHeading(text) && isNumbered(text) && (wholeLine || utf8.RuneCountInString(text) <= 30)
}

// trimLeft drops leading blanks: ASCII ones and the ideographic space.
func trimLeft(s string) string {
	for s != "" {
		switch {
		case s[0] == ' ' || s[0] == '\t' || s[0] == '\r':
			s = s[1:]
		case strings.HasPrefix(s, "\u3000"):
			s = s[len("\u3000"):]
		default:
			return s
		}
	}
	return s
}

// trimRight drops trailing blanks: ASCII ones and the ideographic space.
func trimRight(s string) string {
	for s != "" {
		switch {
		case s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\r':
			s = s[:len(s)-1]
		case strings.HasSuffix(s, "\u3000"):
			s = s[:len(s)-len("\u3000")]
		default:
			return s
		}
	}
	return s
}
